// Who a session runs as: the logged-in user, SET SESSION AUTHORIZATION and SET ROLE.
#include "catalog/privileges.h"
#include "common/exception.h"
#include "engine/connection_impl.h"

namespace heliosdb {

namespace {
[[noreturn]] void NoSuchRole(const std::string& name) {
  ThrowError(sqlstate::kUndefinedObject, "role \"" + name + "\" does not exist");
}
}  // namespace

void Connection::Impl::Login(const std::string& user, ObjectId role) {
  authenticated_user = user;
  authenticated_role = role;
  settings.Set("session_authorization", user);
}

ObjectId Connection::Impl::SessionRoleId() {
  const std::string& name = settings.Get("session_authorization");
  // A trust login whose user name names no role runs as the role it was admitted as.
  if (name == authenticated_user) {
    const RoleInfo* r = CurrentCatalog().GetRole(authenticated_role);
    if (!r) NoSuchRole(name);
    return r->id;
  }
  const RoleInfo* r = CurrentCatalog().FindRole(name);
  if (!r) NoSuchRole(name);
  return r->id;
}

ObjectId Connection::Impl::CurrentRoleId() {
  const std::string& role = settings.Get("role");
  if (role == "none") return SessionRoleId();
  const RoleInfo* r = CurrentCatalog().FindRole(role);
  if (!r) NoSuchRole(role);
  return r->id;
}

void Connection::Impl::SetRole(const std::string& name, bool local) {
  if (name != "none") {
    const Catalog& catalog = CurrentCatalog();
    const RoleInfo* r = catalog.FindRole(name);
    if (!r) NoSuchRole(name);
    ObjectId session = SessionRoleId();
    if (!IsSuperuser(catalog, session) && !IsMemberOf(catalog, session, r->id))
      ThrowError(sqlstate::kInsufficientPrivilege,
                 "permission denied to set role \"" + name + "\"");
  }
  if (local && !in_block) return;
  if (local && !settings_before_local) settings_before_local = settings;
  settings.Set("role", name);
}

void Connection::Impl::SetSessionAuthorization(const std::string& name) {
  const Catalog& catalog = CurrentCatalog();
  if (name.empty() || name == authenticated_user) {
    settings.Set("session_authorization", authenticated_user);
  } else {
    if (!IsSuperuser(catalog, authenticated_role))
      ThrowError(sqlstate::kInsufficientPrivilege,
                 "permission denied to set session authorization");
    if (!catalog.FindRole(name)) NoSuchRole(name);
    settings.Set("session_authorization", name);
  }
  settings.Set("role", "none");  // as in PostgreSQL, a new session user drops SET ROLE
}

}  // namespace heliosdb
