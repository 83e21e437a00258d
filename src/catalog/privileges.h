// Table privileges (GRANT / REVOKE) and role membership: the one place that decides whether a
// role may do something to a table or view. The binder, DML, COPY, TRUNCATE and
// has_table_privilege() all ask here.
// Rules (PostgreSQL's): superusers and members of the owning role have every privilege;
// everyone else has what the relation's Acl grants to PUBLIC, to the role, or to a role it
// is a member of (membership is inherited through GRANT role TO role chains).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "catalog/catalog.h"

namespace heliosdb {

// Privilege bits.
constexpr uint32_t kPrivSelect = 1;
constexpr uint32_t kPrivInsert = 2;
constexpr uint32_t kPrivUpdate = 4;
constexpr uint32_t kPrivDelete = 8;
constexpr uint32_t kPrivTruncate = 16;
constexpr uint32_t kPrivReferences = 32;
constexpr uint32_t kPrivAllTable = 63;

// "select", "INSERT", ...: one privilege's bit; nullopt when unknown.
std::optional<uint32_t> ParsePrivilegeName(const std::string& name);
// has_table_privilege's list ("SELECT, INSERT", optionally "... WITH GRANT OPTION", which
// grants here never carry); throws 22023 for an unknown name.
uint32_t ParsePrivilegeList(const std::string& list);

bool IsSuperuser(const Catalog& catalog, ObjectId role);
// role is group or a (transitive) member of it.
bool IsMemberOf(const Catalog& catalog, ObjectId role, ObjectId group);
// Every bit of `privileges` on a table or view with this owner and acl.
bool HasPrivileges(const Catalog& catalog, ObjectId role, ObjectId owner, const Acl& acl,
                   uint32_t privileges);
// The same for the table or view with this id; false when there is none.
bool HasTablePrivilege(const Catalog& catalog, ObjectId role, ObjectId relation,
                       uint32_t privileges);
// Superuser or member of the owner: may ALTER, DROP, GRANT on it.
bool OwnsRelation(const Catalog& catalog, ObjectId role, ObjectId owner);

// Throws 42501 "permission denied for table|view name" unless role has the privileges.
void CheckTablePrivileges(const Catalog& catalog, ObjectId role, const TableInfo& table,
                          uint32_t privileges);
void CheckViewPrivileges(const Catalog& catalog, ObjectId role, const ViewInfo& view,
                         uint32_t privileges);

// The role whose privileges the statements of the current thread run with (the session's
// current role; a view's owner while its query is bound). Scopes nest; outside any scope the
// bootstrap superuser (the embedded API without SET ROLE).
class RoleScope {
 public:
  explicit RoleScope(ObjectId role);
  ~RoleScope();
  RoleScope(const RoleScope&) = delete;
  RoleScope& operator=(const RoleScope&) = delete;
  static ObjectId Current();

 private:
  ObjectId saved_;
};

}  // namespace heliosdb
