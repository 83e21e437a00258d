// CREATE / ALTER / DROP ROLE. Passwords are stored only as SCRAM-SHA-256 verifiers.
#include "catalog/privileges.h"
#include "common/exception.h"
#include "common/scram.h"
#include "engine/ddl_executor.h"

namespace heliosdb {

namespace {
[[noreturn]] void NoSuchRole(const std::string& name) {
  ThrowError(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
}

void CheckRoleName(const std::string& name, int location) {
  if (name == "public" || name == "none" || name.rfind("pg_", 0) == 0) {
    Status s = Status::Error("42939", "role name \"" + name + "\" is reserved", location);
    if (name.rfind("pg_", 0) == 0) s.WithDetail("Role names starting with \"pg_\" are reserved.");
    throw DbException(s);
  }
}

// A verifier given as such is kept; anything else is a password to hash.
std::string PasswordVerifier(const std::string& password) {
  if (ParseScramVerifier(password)) return password;
  return FormatScramVerifier(MakeScramVerifier(password));
}

void ApplyRoleOptions(const ast::RoleStmt& stmt, RoleInfo* role) {
  for (const auto& [flag, on] : stmt.flags) {
    if (flag == "superuser") role->superuser = on;
    if (flag == "login") role->login = on;
    if (flag == "createdb") role->createdb = on;
    if (flag == "createrole") role->createrole = on;
  }
  // An empty password clears it, as in PostgreSQL (which also says so in a notice).
  if (stmt.password_null || (stmt.password && stmt.password->empty())) {
    role->password.clear();
  } else if (stmt.password) {
    role->password = PasswordVerifier(*stmt.password);
  }
}
}  // namespace

QueryResult::Impl DdlExecutor::CreateRole(const ast::RoleStmt& stmt) {
  ObjectId me = conn_.CurrentRoleId();
  const RoleInfo* current = catalog_.GetRole(me);
  bool superuser = current && current->superuser;
  if (!superuser && !(current && current->createrole))
    ThrowError(sqlstate::kInsufficientPrivilege, "permission denied to create role");
  auto super_flag = stmt.flags.find("superuser");
  if (super_flag != stmt.flags.end() && super_flag->second && !superuser)
    ThrowError(sqlstate::kInsufficientPrivilege, "must be superuser to create superusers");
  const std::string& name = stmt.names[0];
  CheckRoleName(name, stmt.location);
  if (catalog_.FindRole(name))
    ThrowError(sqlstate::kDuplicateObject, "role \"" + name + "\" already exists");
  RoleInfo role;
  role.id = NewObjectId();
  role.name = name;
  role.login = stmt.is_user;
  ApplyRoleOptions(stmt, &role);
  for (const std::string& group : stmt.in_roles) {
    const RoleInfo* g = catalog_.FindRole(group);
    if (!g) NoSuchRole(group);
    role.member_of.push_back(g->id);
  }
  catalog_.PutRole(txn_, role);
  return TagResult("CREATE ROLE");
}

QueryResult::Impl DdlExecutor::AlterRole(const ast::RoleStmt& stmt) {
  const RoleInfo* found = catalog_.FindRole(stmt.names[0]);
  if (!found) NoSuchRole(stmt.names[0]);
  RoleInfo role = *found;
  ObjectId me = conn_.CurrentRoleId();
  const RoleInfo* current = catalog_.GetRole(me);
  bool superuser = current && current->superuser;
  bool createrole = current && current->createrole;
  // A role may change its own password; everything else needs CREATEROLE, and superusers
  // are changed only by superusers.
  bool only_password = stmt.flags.empty() && stmt.new_name.empty();
  if (!superuser) {
    if (role.superuser)
      ThrowError(sqlstate::kInsufficientPrivilege, "must be superuser to alter superuser roles");
    if (!createrole && !(only_password && role.id == me))
      ThrowError(sqlstate::kInsufficientPrivilege, "permission denied");
    auto super_flag = stmt.flags.find("superuser");
    if (super_flag != stmt.flags.end() && super_flag->second)
      ThrowError(sqlstate::kInsufficientPrivilege, "must be superuser to create superusers");
  }
  if (!stmt.new_name.empty()) {
    if (role.id == conn_.SessionRoleId())
      ThrowError(sqlstate::kFeatureNotSupported, "session user cannot be renamed");
    if (role.id == me) ThrowError(sqlstate::kFeatureNotSupported, "current user cannot be renamed");
    CheckRoleName(stmt.new_name, stmt.location);
    if (catalog_.FindRole(stmt.new_name))
      ThrowError(sqlstate::kDuplicateObject, "role \"" + stmt.new_name + "\" already exists");
    role.name = stmt.new_name;
    catalog_.PutRole(txn_, role);
    return TagResult("ALTER ROLE");
  }
  ApplyRoleOptions(stmt, &role);
  catalog_.PutRole(txn_, role);
  return TagResult("ALTER ROLE");
}

namespace {
// What keeps a role from being dropped: objects it owns and privileges granted to it.
std::vector<std::string> RoleDependencies(const Catalog& catalog, ObjectId role) {
  std::vector<std::string> out;
  for (const auto& [id, t] : catalog.tables()) {
    if (t.owner == role) out.push_back("owner of table " + t.name);
    if (t.acl.count(role)) out.push_back("privileges for table " + t.name);
  }
  for (const auto& [id, v] : catalog.views()) {
    if (v.owner == role) out.push_back("owner of view " + v.name);
    if (v.acl.count(role)) out.push_back("privileges for view " + v.name);
  }
  return out;
}
}  // namespace

QueryResult::Impl DdlExecutor::DropRole(const ast::RoleStmt& stmt) {
  ObjectId me = conn_.CurrentRoleId();
  const RoleInfo* current = catalog_.GetRole(me);
  if (!current || (!current->superuser && !current->createrole))
    ThrowError(sqlstate::kInsufficientPrivilege, "permission denied to drop role");
  for (const std::string& name : stmt.names) {
    const RoleInfo* role = catalog_.FindRole(name);
    if (!role) {
      if (stmt.if_exists) continue;  // PostgreSQL adds a notice
      NoSuchRole(name);
    }
    if (role->id == kBootstrapSuperuserId)
      ThrowError(sqlstate::kDependentObjectsStillExist,
                 "cannot drop role " + name + " because it is required by the database system");
    if (role->id == me) ThrowError("55006", "current user cannot be dropped");
    if (role->id == conn_.SessionRoleId()) ThrowError("55006", "session user cannot be dropped");
    if (role->superuser && !current->superuser)
      ThrowError(sqlstate::kInsufficientPrivilege, "must be superuser to drop superusers");
    std::vector<std::string> depends = RoleDependencies(catalog_, role->id);
    if (!depends.empty()) {
      Status s = Status::Error(sqlstate::kDependentObjectsStillExist,
                               "role \"" + name +
                                   "\" cannot be dropped because some objects "
                                   "depend on it");
      std::string detail;
      for (const std::string& d : depends) detail += (detail.empty() ? "" : "\n") + d;
      s.WithDetail(detail);
      throw DbException(s);
    }
    ObjectId id = role->id;
    // Memberships in and of the role go with it.
    for (const auto& [other_id, other] : catalog_.roles()) {
      if (std::find(other.member_of.begin(), other.member_of.end(), id) == other.member_of.end())
        continue;
      RoleInfo updated = other;
      std::erase(updated.member_of, id);
      catalog_.PutRole(txn_, updated);
    }
    catalog_.Drop(txn_, CatalogKind::kRole, id);
  }
  return TagResult("DROP ROLE");
}

}  // namespace heliosdb
