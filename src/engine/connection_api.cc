// The public Connection and PreparedStatement API over Connection::Impl. Every failure leaves
// here as a Status; no exception crosses the public API.
#include "common/exception.h"
#include "engine/connection_impl.h"
#include "parser/parser.h"

namespace heliosdb {

std::string StatementText(std::string_view sql, const ast::Statement& s) {
  size_t begin = s.location > 0 ? static_cast<size_t>(s.location - 1) : 0;
  size_t end = s.end_location > 0 ? static_cast<size_t>(s.end_location - 1) : sql.size();
  if (begin > sql.size()) begin = sql.size();
  if (end < begin || end > sql.size()) end = sql.size();
  return std::string(sql.substr(begin, end - begin));
}

namespace {
QueryResult Wrap(QueryResult::Impl&& impl) {
  QueryResult r;
  *r.impl() = std::move(impl);
  return r;
}
}  // namespace

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Connection::~Connection() = default;

char Connection::transaction_status() const {
  return impl_->TransactionStatus();
}

void Connection::ExecuteEach(const std::string& sql,
                             const std::function<bool(Result<QueryResult>&&)>& on_result) {
  std::vector<ast::StatementPtr> statements;
  Status parsed = Guard(*impl_, [&] { statements = Parser::ParseAll(sql); });
  if (!parsed.ok()) {
    on_result(parsed);
    return;
  }
  if (statements.empty()) {
    on_result(QueryResult());
    return;
  }
  for (auto& statement : statements) {
    PreparedPlan plan;
    plan.text = StatementText(sql, *statement);
    plan.statement = std::shared_ptr<ast::Statement>(std::move(statement));
    QueryResult::Impl result;
    Status s = Guard(*impl_, [&] { result = impl_->Run(plan, {}); });
    bool go_on = s.ok() ? on_result(Wrap(std::move(result))) : on_result(s);
    if (!go_on) return;
  }
}

Result<QueryResult> Connection::Execute(const std::string& sql) {
  Result<QueryResult> last = QueryResult();
  ExecuteEach(sql, [&](Result<QueryResult>&& r) {
    bool ok = r.ok();
    last = std::move(r);
    return ok;
  });
  return last;
}

struct PreparedStatement::Impl {
  Connection::Impl* conn = nullptr;
  std::shared_ptr<PreparedPlan> plan;
  std::vector<ParamValue> bindings;
};

PreparedStatement::PreparedStatement(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedStatement::~PreparedStatement() = default;

Result<std::unique_ptr<PreparedStatement>> Connection::Prepare(const std::string& sql) {
  auto impl = std::make_unique<PreparedStatement::Impl>();
  impl->conn = impl_.get();
  Status s = Guard(*impl_, [&] {
    auto statements = Parser::ParseAll(sql);
    if (statements.size() != 1)
      ThrowError(sqlstate::kSyntaxError,
                 "cannot insert multiple commands into a prepared statement");
    std::string text = StatementText(sql, *statements[0]);
    impl->plan = impl_->Prepare(std::shared_ptr<ast::Statement>(std::move(statements[0])), text);
    // Binding outside a transaction block must not leave a snapshot behind.
    if (!impl_->in_block) impl_->RollbackAll();
  });
  if (!s.ok()) return s;
  impl->bindings.resize(impl->plan->param_types.size());
  return std::make_unique<PreparedStatement>(std::move(impl));
}

size_t PreparedStatement::parameter_count() const {
  return impl_->plan->param_types.size();
}

std::string PreparedStatement::parameter_type_name(size_t index) const {
  return impl_->plan->param_types.at(index).ToString();
}

Status PreparedStatement::Bind(size_t index, ParamValue value) {
  if (index < 1 || index > impl_->bindings.size())
    return Status::Error(sqlstate::kUndefinedParameter,
                         "there is no parameter $" + std::to_string(index));
  impl_->bindings[index - 1] = std::move(value);
  return Status::OK();
}

void PreparedStatement::ClearBindings() {
  for (auto& b : impl_->bindings) b = ParamValue();
}

Result<QueryResult> PreparedStatement::Execute() {
  QueryResult::Impl result;
  Status s = Guard(*impl_->conn, [&] {
    std::vector<Value> params = impl_->conn->ConvertParams(*impl_->plan, impl_->bindings);
    result = impl_->conn->Run(*impl_->plan, params);
  });
  if (!s.ok()) return s;
  return Wrap(std::move(result));
}

}  // namespace heliosdb
