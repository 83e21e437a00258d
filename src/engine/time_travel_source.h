// The connection's answers to the binder's time-travel questions (planner/time_travel.h):
// AS OF values evaluated by the executor, SCNs from the commit-time map, catalogs loaded as
// of an SCN, and the retention horizon check.
#pragma once

#include "engine/connection_impl.h"
#include "planner/time_travel.h"

namespace heliosdb {

class ConnectionTimeTravel : public TimeTravelSource {
 public:
  explicit ConnectionTimeTravel(Connection::Impl& conn) : conn_(conn) {}
  Scn ResolveScn(const BoundExpr& value, bool timestamp, int location) override;
  Scn NowScn() override;
  std::shared_ptr<const Catalog> CatalogAt(Scn scn) override;
  void CheckRetention(const TableInfo& table, Scn scn, int location) override;
  bool HasTableFunction(const std::string& name) const override {
    return name == "pg_database_branches" || name == "pg_compare_branches" ||
           name == "pg_storage_tiers" || name == "pg_column_compression";
  }
  bool TableFunctionRows(const std::string& name, const std::vector<BoundExprPtr>& args,
                         int location, FunctionRows* out) override;
  // True once the statement used time travel: its plan holds SCNs and is bound anew per run.
  bool used() const { return used_; }

 private:
  Connection::Impl& conn_;
  bool used_ = false;
};

}  // namespace heliosdb
