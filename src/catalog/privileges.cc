#include "catalog/privileges.h"

#include <algorithm>
#include <set>
#include <vector>

#include "common/exception.h"

namespace heliosdb {

namespace {
thread_local ObjectId current_role = kBootstrapSuperuserId;

ObjectId OwnerId(ObjectId owner) {
  return owner == 0 ? kBootstrapSuperuserId : owner;
}

// role and every role it is a member of, directly or through others.
std::set<ObjectId> RolesOf(const Catalog& catalog, ObjectId role) {
  std::set<ObjectId> seen{role};
  std::vector<ObjectId> pending{role};
  while (!pending.empty()) {
    const RoleInfo* r = catalog.GetRole(pending.back());
    pending.pop_back();
    if (!r) continue;
    for (ObjectId group : r->member_of)
      if (seen.insert(group).second) pending.push_back(group);
  }
  return seen;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\n");
  size_t e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

[[noreturn]] void Denied(const char* noun, const std::string& name) {
  ThrowError(sqlstate::kInsufficientPrivilege,
             std::string("permission denied for ") + noun + " " + name);
}
}  // namespace

std::optional<uint32_t> ParsePrivilegeName(const std::string& raw) {
  std::string name = raw;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (name == "select") return kPrivSelect;
  if (name == "insert") return kPrivInsert;
  if (name == "update") return kPrivUpdate;
  if (name == "delete") return kPrivDelete;
  if (name == "truncate") return kPrivTruncate;
  if (name == "references") return kPrivReferences;
  return std::nullopt;
}

uint32_t ParsePrivilegeList(const std::string& list) {
  uint32_t bits = 0;
  size_t i = 0;
  while (i <= list.size()) {
    size_t comma = list.find(',', i);
    if (comma == std::string::npos) comma = list.size();
    std::string item = Trim(list.substr(i, comma - i));
    std::string lower = item;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const std::string kGrantOption = " with grant option";
    if (lower.size() > kGrantOption.size() &&
        lower.compare(lower.size() - kGrantOption.size(), kGrantOption.size(), kGrantOption) == 0)
      lower = Trim(lower.substr(0, lower.size() - kGrantOption.size()));
    auto bit = ParsePrivilegeName(lower);
    if (!bit)
      ThrowError(sqlstate::kInvalidParameterValue, "unrecognized privilege type: \"" + item + "\"");
    bits |= *bit;
    i = comma + 1;
  }
  return bits;
}

bool IsSuperuser(const Catalog& catalog, ObjectId role) {
  const RoleInfo* r = catalog.GetRole(role);
  return r && r->superuser;
}

bool IsMemberOf(const Catalog& catalog, ObjectId role, ObjectId group) {
  return RolesOf(catalog, role).count(group) > 0;
}

bool OwnsRelation(const Catalog& catalog, ObjectId role, ObjectId owner) {
  return IsSuperuser(catalog, role) || IsMemberOf(catalog, role, OwnerId(owner));
}

bool HasPrivileges(const Catalog& catalog, ObjectId role, ObjectId owner, const Acl& acl,
                   uint32_t privileges) {
  if (IsSuperuser(catalog, role)) return true;
  std::set<ObjectId> roles = RolesOf(catalog, role);
  if (roles.count(OwnerId(owner))) return true;
  uint32_t granted = 0;
  for (const auto& [grantee, bits] : acl)
    if (grantee == kPublicRoleId || roles.count(grantee)) granted |= bits;
  return (granted & privileges) == privileges;
}

bool HasTablePrivilege(const Catalog& catalog, ObjectId role, ObjectId relation,
                       uint32_t privileges) {
  if (const TableInfo* t = catalog.GetTable(relation))
    return HasPrivileges(catalog, role, t->owner, t->acl, privileges);
  auto view = catalog.views().find(relation);
  if (view != catalog.views().end())
    return HasPrivileges(catalog, role, view->second.owner, view->second.acl, privileges);
  return false;
}

void CheckTablePrivileges(const Catalog& catalog, ObjectId role, const TableInfo& table,
                          uint32_t privileges) {
  if (!HasPrivileges(catalog, role, table.owner, table.acl, privileges))
    Denied("table", table.name);
}

void CheckViewPrivileges(const Catalog& catalog, ObjectId role, const ViewInfo& view,
                         uint32_t privileges) {
  if (!HasPrivileges(catalog, role, view.owner, view.acl, privileges)) Denied("view", view.name);
}

RoleScope::RoleScope(ObjectId role) : saved_(current_role) {
  current_role = role;
}

RoleScope::~RoleScope() {
  current_role = saved_;
}

ObjectId RoleScope::Current() {
  return current_role;
}

}  // namespace heliosdb
