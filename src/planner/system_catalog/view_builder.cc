#include "planner/system_catalog/view_builder.h"

#include "common/exception.h"
#include "planner/binder.h"

namespace heliosdb::system_catalog {

namespace {
// PostgreSQL's catalog types by the types that stand for them here (catalog_oids.h).
LogicalType ColumnType(std::string name) {
  bool array = name.size() > 2 && name.compare(name.size() - 2, 2, "[]") == 0;
  if (array) name.resize(name.size() - 2);
  if (name == "oid" || name == "xid" || name == "regproc") name = "int8";
  if (name == "name" || name == "char" || name == "pg_node_tree") name = "text";
  TypeId id = TypeIdFromName(name);
  HELIOS_ASSERT(id != TypeId::kUnknown);
  return array ? LogicalType::Array(LogicalType(id)) : LogicalType(id);
}
}  // namespace

ViewBuilder Columns(const std::vector<const char*>& name_types) {
  ViewBuilder v;
  for (std::string spec : name_types) {
    size_t colon = spec.find(':');
    v.names.push_back(spec.substr(0, colon));
    v.types.push_back(ColumnType(spec.substr(colon + 1)));
  }
  return v;
}

bool ViewColumns(const Catalog& catalog, const ViewInfo& view, std::vector<std::string>* names,
                 std::vector<LogicalType>* types) {
  try {
    LogicalOpPtr plan = Binder::BindView(catalog, view);
    *names = plan->names;
    *types = plan->types;
    return true;
  } catch (const DbException&) {
    return false;
  }
}

}  // namespace heliosdb::system_catalog
