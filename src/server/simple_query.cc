// The simple query protocol: one Query message may hold several statements. They run as one
// implicit transaction (unless they manage their own with BEGIN / COMMIT), the first error
// ends the message, and every statement's rows come in text format.
#include "common/exception.h"
#include "parser/parser.h"
#include "server/backend_messages.h"
#include "server/session.h"

namespace heliosdb::server {

void Session::HandleQuery(const std::string& sql) {
  std::vector<ast::StatementPtr> statements;
  Status parsed = Guard(*impl_, [&] { statements = Parser::ParseAll(sql); });
  if (!parsed.ok()) {
    SendError(parsed);
    return;
  }
  if (statements.empty()) {
    WriteEmpty(socket_.out(), 'I');  // EmptyQueryResponse
    return;
  }
  // Several statements share one implicit transaction, committed after the last one and
  // before its CommandComplete (as PostgreSQL does), so a failing commit is reported in its
  // place; a single statement commits as it ends.
  const bool implicit = statements.size() > 1;
  for (size_t i = 0; i < statements.size(); i++) {
    PreparedPlan plan;
    plan.text = StatementText(sql, *statements[i]);
    plan.statement = std::shared_ptr<ast::Statement>(std::move(statements[i]));
    impl_->implicit_block = implicit;
    QueryResult::Impl result;
    Status s = Guard(*impl_, [&] {
      result = impl_->Run(plan, {});
      if (implicit && i + 1 == statements.size()) impl_->EndImplicitBlock();
    });
    SendNotices();
    if (!s.ok()) {
      impl_->implicit_block = false;
      if (!connection_lost_) SendError(s);
      return;
    }
    if (!SendResult(result)) break;
  }
  impl_->implicit_block = false;
}

bool Session::SendResult(const QueryResult::Impl& result) {
  MessageWriter& out = socket_.out();
  if (result.returns_rows) {
    std::vector<int16_t> formats(result.names.size(), kTextFormat);
    WriteRowDescription(out, result.names, result.types, formats);
    constexpr size_t kRowsPerWrite = 256;
    for (size_t row = 0; row < result.rows; row += kRowsPerWrite) {
      WriteDataRows(out, result, row, std::min(result.rows, row + kRowsPerWrite), formats);
      socket_.FlushIfLarge();
      if (socket_.broken()) return false;
    }
  }
  WriteCommandComplete(out, result.tag);
  return !socket_.broken();
}

}  // namespace heliosdb::server
