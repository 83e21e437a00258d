#include "planner/read_parquet_binder.h"

#include "catalog/privileges.h"
#include "common/exception.h"
#include "parquet/parquet_reader.h"

namespace heliosdb {

LogicalOpPtr BindReadParquet(Binder& binder, const Catalog& catalog, const ast::FunctionRef& ref,
                             Scope* scope) {
  const ast::FunctionExpr& call = *ref.call;
  Scope constants;  // the path must be a constant: it sees no columns
  std::vector<BoundExprPtr> args;
  for (const auto& a : call.args) args.push_back(binder.BindScalar(*a, constants));
  if (args.size() != 1 || (args[0]->type.id() != TypeId::kUnknown && !args[0]->type.IsString()))
    ThrowError(
        sqlstate::kUndefinedFunction,
        "function read_parquet with " + std::to_string(args.size()) + " arguments does not exist",
        ref.location);
  if (args[0]->kind != BoundExprKind::kConstant || args[0]->constant.is_null())
    ThrowError(sqlstate::kFeatureNotSupported, "read_parquet needs a constant file name",
               ref.location);
  if (!IsSuperuser(catalog, RoleScope::Current())) {
    Status s = Status::Error(sqlstate::kInsufficientPrivilege,
                             "must be superuser or have privileges of the pg_read_server_files "
                             "role to read a file with read_parquet");
    throw DbException(s.WithPosition(ref.location));
  }
  std::string path = args[0]->constant.GetString();
  std::vector<parquet::ReadColumn> columns = parquet::ReadParquetSchema(path);

  auto op = std::make_unique<LogicalOp>();
  op->kind = LogicalOpKind::kTableFunction;
  op->function = kReadParquet;
  op->exprs.push_back(MakeConstant(Value::Text(path)));
  std::string alias = ref.alias.empty() ? kReadParquet : ref.alias;
  for (size_t i = 0; i < columns.size(); i++) {
    std::string name = i < ref.column_aliases.size() ? ref.column_aliases[i] : columns[i].name;
    op->columns.push_back(static_cast<int>(i));
    op->types.push_back(columns[i].type);
    op->names.push_back(name);
    scope->columns.push_back({alias, name, columns[i].type});
  }
  if (ref.with_ordinality)
    ThrowError(sqlstate::kFeatureNotSupported, "read_parquet WITH ORDINALITY is not supported",
               ref.location);
  return op;
}

}  // namespace heliosdb
