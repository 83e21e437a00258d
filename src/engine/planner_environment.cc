#include "engine/planner_environment.h"

#include "common/exception.h"
#include "execution/exec_context.h"
#include "execution/expression_executor.h"
#include "storage/kv_store.h"
#include "storage/version_key.h"

namespace heliosdb {

namespace {
// Bytes a stored row takes, roughly: its versioned key and a few bytes per column; text
// columns are guessed at a short word.
double RowBytes(const TableInfo& table) {
  double bytes = kMinVersionKeySize + 8;
  for (const auto& c : table.columns)
    bytes += c.type.physical() == PhysicalType::kString ? 12 : 6;
  return bytes;
}
}  // namespace

double EnginePlannerEnvironment::EstimateTableRows(const TableInfo& table) const {
  Scn scn = storage_.transactions().last_committed_scn();
  return sizes_.Rows(branch_, table.id, scn, [&] {
    std::string start;
    AppendObjectPrefix(branch_, table.id, &start);
    KvStore::RangeSize size = storage_.kv().ApproximateSize(start, ObjectEnd(branch_, table.id));
    return static_cast<double>(size.file_bytes) / RowBytes(table) +
           static_cast<double>(size.memtable_entries);
  });
}

std::optional<Value> EnginePlannerEnvironment::EvaluateConstant(const BoundExpr& e) const {
  ExecContext ctx;
  ctx.function = function_;
  try {
    return ExpressionExecutor(ctx).EvaluateConstant(e);
  } catch (const DbException&) {
    return std::nullopt;
  }
}

}  // namespace heliosdb
