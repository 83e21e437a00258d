// GRANT / REVOKE of table privileges and of role membership, and the ownership rule of DDL.
#include <algorithm>

#include "catalog/privileges.h"
#include "common/exception.h"
#include "engine/ddl_executor.h"

namespace heliosdb {

namespace {
// A relation GRANT acts on: a table or a view, with its owner and acl.
struct Grantable {
  const TableInfo* table = nullptr;
  const ViewInfo* view = nullptr;
  ObjectId owner() const { return table ? table->owner : view->owner; }
  const std::string& name() const { return table ? table->name : view->name; }
};

std::vector<Grantable> GrantTargets(const Catalog& catalog, const ast::GrantStmt& stmt) {
  std::vector<Grantable> out;
  for (const auto& name : stmt.objects) {
    if (stmt.all_tables_in_schema) {
      if (!catalog.FindSchema(name[0]))
        ThrowError(sqlstate::kInvalidSchemaName, "schema \"" + name[0] + "\" does not exist");
      for (const auto& [id, t] : catalog.tables())
        if (t.schema == name[0]) out.push_back({&t, nullptr});
      for (const auto& [id, v] : catalog.views())
        if (v.schema == name[0]) out.push_back({nullptr, &v});
      continue;
    }
    std::string schema = name.size() > 1 ? name[name.size() - 2] : "";
    if (const TableInfo* t = catalog.FindTable(schema, name.back())) {
      out.push_back({t, nullptr});
    } else if (const ViewInfo* v = catalog.FindView(schema, name.back())) {
      out.push_back({nullptr, v});
    } else {
      ThrowError(sqlstate::kUndefinedTable, "relation \"" + name.back() + "\" does not exist");
    }
  }
  return out;
}

std::vector<ObjectId> GranteeIds(const Catalog& catalog, const ast::GrantStmt& stmt) {
  std::vector<ObjectId> out;
  for (const std::string& g : stmt.grantees) {
    if (g.empty()) {
      out.push_back(kPublicRoleId);
      continue;
    }
    const RoleInfo* r = catalog.FindRole(g);
    if (!r) ThrowError(sqlstate::kUndefinedObject, "role \"" + g + "\" does not exist");
    out.push_back(r->id);
  }
  return out;
}

void ApplyGrant(Acl* acl, const std::vector<ObjectId>& grantees, uint32_t bits, bool grant) {
  for (ObjectId g : grantees) {
    uint32_t now = ((*acl)[g] & ~bits) | (grant ? bits : 0);
    if (now) {
      (*acl)[g] = now;
    } else {
      acl->erase(g);
    }
  }
}
}  // namespace

void DdlExecutor::RequireOwner(ObjectId owner, const char* noun, const std::string& name) {
  if (!OwnsRelation(catalog_, conn_.CurrentRoleId(), owner))
    ThrowError(sqlstate::kInsufficientPrivilege,
               std::string("must be owner of ") + noun + " " + name);
}

QueryResult::Impl DdlExecutor::GrantPrivileges(const ast::GrantStmt& stmt) {
  uint32_t bits = stmt.privileges.empty() ? kPrivAllTable : 0;
  for (const std::string& p : stmt.privileges) {
    auto bit = ParsePrivilegeName(p);
    if (!bit)
      ThrowError(sqlstate::kInvalidGrantOperation, "invalid privilege type " + p + " for relation");
    bits |= *bit;
  }
  std::vector<ObjectId> grantees = GranteeIds(catalog_, stmt);
  ObjectId me = conn_.CurrentRoleId();
  for (const Grantable& target : GrantTargets(catalog_, stmt)) {
    if (!OwnsRelation(catalog_, me, target.owner()))
      ThrowError(sqlstate::kInsufficientPrivilege, std::string("permission denied for ") +
                                                       (target.table ? "table " : "view ") +
                                                       target.name());
    if (target.table) {
      TableInfo t = *target.table;
      ApplyGrant(&t.acl, grantees, bits, stmt.grant);
      catalog_.PutTable(txn_, t);
    } else {
      ViewInfo v = *target.view;
      ApplyGrant(&v.acl, grantees, bits, stmt.grant);
      catalog_.PutView(txn_, v);
    }
  }
  return TagResult(stmt.grant ? "GRANT" : "REVOKE");
}

QueryResult::Impl DdlExecutor::GrantRoles(const ast::GrantStmt& stmt) {
  ObjectId me = conn_.CurrentRoleId();
  const RoleInfo* current = catalog_.GetRole(me);
  bool superuser = current && current->superuser;
  std::vector<ObjectId> members = GranteeIds(catalog_, stmt);
  for (const std::string& group_name : stmt.privileges) {
    const RoleInfo* group = catalog_.FindRole(group_name);
    if (!group)
      ThrowError(sqlstate::kUndefinedObject, "role \"" + group_name + "\" does not exist");
    if (!superuser && (group->superuser || !(current && current->createrole)))
      ThrowError(sqlstate::kInsufficientPrivilege,
                 "must have admin option on role \"" + group_name + "\"");
    for (ObjectId member_id : members) {
      if (member_id == kPublicRoleId)
        ThrowError(sqlstate::kInvalidGrantOperation, "role \"public\" cannot be a member");
      RoleInfo member = *catalog_.GetRole(member_id);
      bool has = std::find(member.member_of.begin(), member.member_of.end(), group->id) !=
                 member.member_of.end();
      if (stmt.grant) {
        if (has) continue;  // PostgreSQL notes it and carries on
        if (IsMemberOf(catalog_, group->id, member_id))
          ThrowError(sqlstate::kInvalidGrantOperation,
                     "role \"" + group->name + "\" is a member of role \"" + member.name + "\"");
        member.member_of.push_back(group->id);
      } else {
        std::erase(member.member_of, group->id);
      }
      catalog_.PutRole(txn_, member);
    }
  }
  return TagResult(stmt.grant ? "GRANT ROLE" : "REVOKE ROLE");
}

}  // namespace heliosdb
