// pg_catalog's relations about the cluster (pg_database, pg_roles, pg_user, pg_authid,
// pg_tablespace) and the ones that are always empty here because the feature they describe
// does not exist (inheritance, comments, policies, publications, extended statistics,
// triggers, dependencies, role membership): psql joins them, so they must exist with
// PostgreSQL's columns.
#include <algorithm>

#include "planner/system_catalog/catalog_oids.h"
#include "planner/system_catalog/view_builder.h"

namespace heliosdb::system_catalog {

namespace {
ViewBuilder PgDatabase(const Catalog&) {
  ViewBuilder v =
      Columns({"oid:oid", "datname:name", "datdba:oid", "encoding:int4", "datlocprovider:char",
               "datistemplate:bool", "datallowconn:bool", "datconnlimit:int4", "datfrozenxid:xid",
               "datminmxid:xid", "dattablespace:oid", "datcollate:text", "datctype:text",
               "daticulocale:text", "datcollversion:text", "datacl:text[]"});
  v.rows.push_back({Oid(kDatabaseOid), Text(kDatabaseName), Oid(kBootstrapRoleOid), Int(6),
                    Char('c'), Bool(false), Bool(true), Int(-1), Oid(0), Oid(1), Oid(1663),
                    Text("C.UTF-8"), Text("C.UTF-8"), Value::Null(TypeId::kText),
                    Value::Null(TypeId::kText), Value::Null(v.types[15])});
  return v;
}

// pg_roles, pg_authid and pg_user: the catalog's roles (the bootstrap superuser among them).
ViewBuilder PgRoles(const Catalog& c) {
  ViewBuilder v = Columns({"rolname:name", "rolsuper:bool", "rolinherit:bool", "rolcreaterole:bool",
                           "rolcreatedb:bool", "rolcanlogin:bool", "rolreplication:bool",
                           "rolconnlimit:int4", "rolpassword:text", "rolvaliduntil:timestamptz",
                           "rolbypassrls:bool", "rolconfig:text[]", "oid:oid"});
  for (const auto& [id, r] : c.roles())
    v.rows.push_back({Text(r.name), Bool(r.superuser), Bool(true), Bool(r.createrole || r.superuser),
                      Bool(r.createdb || r.superuser), Bool(r.login), Bool(r.superuser), Int(-1),
                      Text("********"), Value::Null(v.types[9]), Bool(r.superuser),
                      Value::Null(v.types[11]), Oid(id)});
  return v;
}

ViewBuilder PgAuthid(const Catalog& c) {
  ViewBuilder v = PgRoles(c);
  // pg_authid leads with oid and keeps the (here absent) password hash.
  std::rotate(v.names.rbegin(), v.names.rbegin() + 1, v.names.rend());
  std::rotate(v.types.rbegin(), v.types.rbegin() + 1, v.types.rend());
  for (Row& row : v.rows) {
    std::rotate(row.rbegin(), row.rbegin() + 1, row.rend());
    row[9] = Value::Null(TypeId::kText);
  }
  return v;
}

ViewBuilder PgUser(const Catalog& c) {
  ViewBuilder v =
      Columns({"usename:name", "usesysid:oid", "usecreatedb:bool", "usesuper:bool", "userepl:bool",
               "usebypassrls:bool", "passwd:text", "valuntil:timestamptz", "useconfig:text[]"});
  for (const auto& [id, r] : c.roles()) {
    if (!r.login) continue;
    v.rows.push_back({Text(r.name), Oid(id), Bool(r.createdb || r.superuser), Bool(r.superuser),
                      Bool(r.superuser), Bool(r.superuser), Text("********"),
                      Value::Null(v.types[7]), Value::Null(v.types[8])});
  }
  return v;
}

ViewBuilder PgTablespace(const Catalog&) {
  ViewBuilder v =
      Columns({"oid:oid", "spcname:name", "spcowner:oid", "spcacl:text[]", "spcoptions:text[]"});
  for (auto [oid, name] :
       {std::pair<int64_t, const char*>{1663, "pg_default"}, {1664, "pg_global"}})
    v.rows.push_back({Oid(oid), Text(name), Oid(kBootstrapRoleOid), Value::Null(v.types[3]),
                      Value::Null(v.types[4])});
  return v;
}

// The relations with no rows, by their columns.
const std::map<std::string, std::vector<const char*>>& EmptyRelations() {
  static const std::map<std::string, std::vector<const char*>> kEmpty = {
      {"pg_inherits", {"inhrelid:oid", "inhparent:oid", "inhseqno:int4", "inhdetachpending:bool"}},
      {"pg_description", {"objoid:oid", "classoid:oid", "objsubid:int4", "description:text"}},
      {"pg_shdescription", {"objoid:oid", "classoid:oid", "description:text"}},
      {"pg_policy",
       {"oid:oid", "polname:name", "polrelid:oid", "polcmd:char", "polpermissive:bool",
        "polroles:oid[]", "polqual:pg_node_tree", "polwithcheck:pg_node_tree"}},
      {"pg_statistic_ext",
       {"oid:oid", "stxrelid:oid", "stxname:name", "stxnamespace:oid", "stxowner:oid",
        "stxstattarget:int4", "stxkeys:int2[]", "stxkind:text[]", "stxexprs:pg_node_tree"}},
      {"pg_publication",
       {"oid:oid", "pubname:name", "pubowner:oid", "puballtables:bool", "pubinsert:bool",
        "pubupdate:bool", "pubdelete:bool", "pubtruncate:bool", "pubviaroot:bool"}},
      {"pg_publication_namespace", {"oid:oid", "pnpubid:oid", "pnnspid:oid"}},
      {"pg_publication_rel",
       {"oid:oid", "prpubid:oid", "prrelid:oid", "prqual:pg_node_tree", "prattrs:int2[]"}},
      {"pg_depend",
       {"classid:oid", "objid:oid", "objsubid:int4", "refclassid:oid", "refobjid:oid",
        "refobjsubid:int4", "deptype:char"}},
      {"pg_auth_members",
       {"oid:oid", "roleid:oid", "member:oid", "grantor:oid", "admin_option:bool"}},
      {"pg_trigger",
       {"oid:oid", "tgrelid:oid", "tgparentid:oid", "tgname:name", "tgfoid:oid", "tgtype:int2",
        "tgenabled:char", "tgisinternal:bool", "tgconstrrelid:oid", "tgconstrindid:oid",
        "tgconstraint:oid", "tgdeferrable:bool", "tginitdeferred:bool", "tgnargs:int2",
        "tgattr:int2[]", "tgqual:pg_node_tree"}},
      {"pg_rewrite",
       {"oid:oid", "rulename:name", "ev_class:oid", "ev_type:char", "ev_enabled:char",
        "is_instead:bool", "ev_qual:pg_node_tree", "ev_action:pg_node_tree"}},
      {"pg_extension",
       {"oid:oid", "extname:name", "extowner:oid", "extnamespace:oid", "extrelocatable:bool",
        "extversion:text"}},
  };
  return kEmpty;
}
}  // namespace

void AddGlobalViews(BuilderMap* views) {
  (*views)["pg_database"] = PgDatabase;
  (*views)["pg_roles"] = PgRoles;
  (*views)["pg_authid"] = PgAuthid;
  (*views)["pg_user"] = PgUser;
  (*views)["pg_tablespace"] = PgTablespace;
  for (const auto& [name, columns] : EmptyRelations()) {
    (*views)[name] = [&columns = columns](const Catalog&) { return Columns(columns); };
  }
}

}  // namespace heliosdb::system_catalog
