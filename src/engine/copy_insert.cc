#include "engine/copy_insert.h"

#include "parser/ast_printer.h"
#include "parser/parser.h"

namespace heliosdb {

namespace {
constexpr size_t kMaxRowsPerInsert = 256;
constexpr size_t kMaxParamsPerInsert = 60000;  // below the protocol's 65535 parameters
}  // namespace

std::string QualifiedName(const CopyTarget& t) {
  return QuoteIdentifier(t.schema) + "." + QuoteIdentifier(t.table);
}

std::string ColumnList(const CopyTarget& t) {
  std::string s;
  for (size_t i = 0; i < t.columns.size(); i++)
    s += (i ? ", " : "") + QuoteIdentifier(t.columns[i]);
  return s;
}

CopyInsert::CopyInsert(Connection::Impl& connection, const CopyTarget& target)
    : connection_(connection),
      target_(target),
      batch_rows_(std::max<size_t>(
          1, std::min(kMaxRowsPerInsert, kMaxParamsPerInsert / target.columns.size()))) {}

PreparedPlan& CopyInsert::Plan(size_t rows) {
  if (rows == batch_rows_ && full_batch_) return *full_batch_;
  if (rows != batch_rows_ && last_ && last_->param_types.size() == rows * target_.columns.size())
    return *last_;
  std::string sql =
      "INSERT INTO " + QualifiedName(target_) + " (" + ColumnList(target_) + ") VALUES ";
  size_t param = 1;
  for (size_t r = 0; r < rows; r++) {
    sql += r ? ", (" : "(";
    for (size_t c = 0; c < target_.columns.size(); c++)
      sql += (c ? ", $" : "$") + std::to_string(param++);
    sql += ")";
  }
  auto statements = Parser::ParseAll(sql);
  HELIOS_ASSERT(statements.size() == 1);
  auto plan = connection_.Prepare(std::shared_ptr<ast::Statement>(std::move(statements[0])), "");
  (rows == batch_rows_ ? full_batch_ : last_) = plan;
  return *plan;
}

void CopyInsert::Run(size_t rows, const std::vector<Value>& values) {
  if (rows == 0) return;
  connection_.RunPlan(Plan(rows), values);
  copied_ += static_cast<int64_t>(rows);
}

}  // namespace heliosdb
