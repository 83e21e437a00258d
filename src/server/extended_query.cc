// The extended query protocol: Parse / Bind / Describe / Execute / Close / Sync. Statements
// and portals are kept by name ("" is the unnamed one, replaced by the next Parse or Bind).
// After an error every message up to Sync is skipped (Session::Dispatch). Outside a
// transaction block, the statements executed before a Sync form one implicit transaction,
// committed at Sync. A portal runs to
// completion at its first Execute and hands out its rows in pieces when Execute sets a row
// limit (PortalSuspended between them).
#include "common/exception.h"
#include "parser/parser.h"
#include "server/backend_messages.h"
#include "server/session.h"
#include "server/type_codec.h"

namespace heliosdb::server {

namespace {
bool IsPlanStatement(ast::StmtKind kind) {
  return kind == ast::StmtKind::kSelect || kind == ast::StmtKind::kInsert ||
         kind == ast::StmtKind::kUpdate || kind == ast::StmtKind::kDelete;
}

std::vector<int16_t> ReadFormatCodes(MessageReader& in) {
  int16_t n = in.Int16();
  if (n < 0) throw ProtocolError("invalid number of format codes");
  std::vector<int16_t> codes(static_cast<size_t>(n));
  for (int16_t& c : codes) c = in.Int16();
  return codes;
}
}  // namespace

void Session::HandleParse(MessageReader& in) {
  std::string name(in.String());
  std::string sql(in.String());
  int16_t count = in.Int16();
  if (count < 0) throw ProtocolError("invalid number of parameter types");
  Statement statement;
  for (int16_t i = 0; i < count; i++)
    statement.declared.push_back(TypeFromOid(static_cast<uint32_t>(in.Int32())));
  Status s = Guard(*impl_, [&] {
    if (!name.empty() && statements_.count(name))
      ThrowError("42P05", "prepared statement \"" + name + "\" already exists");
    auto parsed = Parser::ParseAll(sql);
    if (parsed.size() > 1)
      ThrowError(sqlstate::kSyntaxError,
                 "cannot insert multiple commands into a prepared statement");
    if (parsed.empty()) return;
    std::string text = StatementText(sql, *parsed[0]);
    if (impl_->failed && IsPlanStatement(parsed[0]->kind))
      ThrowError(sqlstate::kInFailedSqlTransaction,
                 "current transaction is aborted, commands ignored until end of transaction "
                 "block");
    statement.plan = impl_->Prepare(std::shared_ptr<ast::Statement>(std::move(parsed[0])), text,
                                    statement.declared);
    if (!IsPlanStatement(statement.plan->statement->kind))
      statement.plan->param_types = statement.declared;
    // Binding outside a transaction must not leave a snapshot behind.
    if (!impl_->in_block && !impl_->implicit_block) impl_->RollbackAll();
  });
  if (!s.ok()) {
    SendError(s);
    ignore_till_sync_ = true;
    return;
  }
  statements_[name] = std::move(statement);
  WriteEmpty(socket_.out(), '1');  // ParseComplete
}

void Session::HandleBind(MessageReader& in) {
  std::string portal_name(in.String());
  std::string statement_name(in.String());
  std::vector<int16_t> param_codes = ReadFormatCodes(in);
  int16_t count = in.Int16();
  if (count < 0) throw ProtocolError("invalid number of parameters");
  std::vector<std::optional<std::string_view>> raw;
  for (int16_t i = 0; i < count; i++) {
    int32_t n = in.Int32();
    if (n < -1) throw ProtocolError("invalid parameter length");
    raw.push_back(n < 0 ? std::nullopt : std::optional(in.Bytes(static_cast<size_t>(n))));
  }
  std::vector<int16_t> result_codes = ReadFormatCodes(in);

  Portal portal;
  Status s = Guard(*impl_, [&] {
    auto it = statements_.find(statement_name);
    if (it == statements_.end())
      ThrowError(sqlstate::kInvalidSqlStatementName,
                 "prepared statement \"" + statement_name + "\" does not exist");
    if (!portal_name.empty() && portals_.count(portal_name))
      ThrowError("42P03", "portal \"" + portal_name + "\" already exists");
    portal.plan = it->second.plan;
    std::vector<LogicalType> types =
        portal.plan ? portal.plan->param_types : std::vector<LogicalType>();
    if (raw.size() != types.size())
      ThrowError(sqlstate::kProtocolViolation,
                 "bind message supplies " + std::to_string(raw.size()) +
                     " parameters, but prepared statement \"" + statement_name + "\" requires " +
                     std::to_string(types.size()));
    if (param_codes.size() > 1 && param_codes.size() != raw.size())
      ThrowError(sqlstate::kProtocolViolation,
                 "bind message has " + std::to_string(param_codes.size()) +
                     " parameter formats but " + std::to_string(raw.size()) + " parameters");
    TextFormatOptions options = TextOptions();
    for (size_t i = 0; i < raw.size(); i++) {
      int16_t code = param_codes.empty()       ? kTextFormat
                     : param_codes.size() == 1 ? param_codes[0]
                                               : param_codes[i];
      LogicalType type = types[i].id() == TypeId::kUnknown ? LogicalType(TypeId::kText) : types[i];
      if (!raw[i]) {
        portal.params.push_back(Value::Null(type));
      } else if (code == kTextFormat) {
        portal.params.push_back(ParseValue(*raw[i], type, options));
      } else if (code == kBinaryFormat) {
        try {
          portal.params.push_back(DecodeBinary(*raw[i], type, options));
        } catch (const DbException& e) {
          if (e.status().sqlstate() != sqlstate::kInvalidBinaryRepresentation) throw;
          ThrowError(sqlstate::kInvalidBinaryRepresentation,
                     "incorrect binary data format in bind parameter " + std::to_string(i + 1));
        }
      } else {
        ThrowError(sqlstate::kProtocolViolation,
                   "unsupported format code: " + std::to_string(code));
      }
    }
    for (int16_t code : result_codes) {
      if (code != kTextFormat && code != kBinaryFormat)
        ThrowError(sqlstate::kProtocolViolation,
                   "unsupported format code: " + std::to_string(code));
    }
    portal.result_codes = result_codes;
  });
  if (!s.ok()) {
    SendError(s);
    ignore_till_sync_ = true;
    return;
  }
  portals_[portal_name] = std::move(portal);
  WriteEmpty(socket_.out(), '2');  // BindComplete
}

bool Session::DescribeRows(const PreparedPlan& plan, std::vector<std::string>* names,
                           std::vector<LogicalType>* types) {
  if (!plan.plan) return false;
  bool rows = plan.statement->kind == ast::StmtKind::kSelect || !plan.plan->returning.empty();
  if (!rows) return false;
  *names = plan.plan->names;
  *types = plan.plan->types;
  return true;
}

void Session::HandleDescribe(MessageReader& in) {
  char what = static_cast<char>(in.Int8());
  std::string name(in.String());
  MessageWriter& out = socket_.out();
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  if (what == 'S') {
    auto it = statements_.find(name);
    if (it == statements_.end()) {
      SendError(Status::Error(sqlstate::kInvalidSqlStatementName,
                              "prepared statement \"" + name + "\" does not exist"));
      ignore_till_sync_ = true;
      return;
    }
    const Statement& st = it->second;
    out.Begin('t');  // ParameterDescription
    std::vector<LogicalType> params = st.plan ? st.plan->param_types : std::vector<LogicalType>();
    out.Int16(static_cast<int16_t>(params.size()));
    for (const LogicalType& t : params)
      out.Int32(static_cast<int32_t>(t.id() == TypeId::kUnknown ? 25 : t.Oid()));
    out.Finish();
    if (st.plan && DescribeRows(*st.plan, &names, &types)) {
      WriteRowDescription(out, names, types, std::vector<int16_t>(names.size(), kTextFormat));
    } else {
      WriteEmpty(out, 'n');  // NoData
    }
    return;
  }
  if (what != 'P') throw ProtocolError("invalid DESCRIBE message subtype");
  auto it = portals_.find(name);
  if (it == portals_.end()) {
    SendError(Status::Error("34000", "portal \"" + name + "\" does not exist"));
    ignore_till_sync_ = true;
    return;
  }
  Portal& portal = it->second;
  bool rows = false;
  if (portal.ran) {
    rows = portal.result.returns_rows;
    names = portal.result.names;
    types = portal.result.types;
  } else if (portal.plan && portal.plan->plan) {
    rows = DescribeRows(*portal.plan, &names, &types);
  } else if (portal.plan) {
    // A utility statement's row shape (SHOW, EXPLAIN) is known once it ran: run it now.
    if (!RunPortal(portal)) return;
    rows = portal.result.returns_rows;
    names = portal.result.names;
    types = portal.result.types;
  }
  if (!rows) {
    WriteEmpty(out, 'n');
    return;
  }
  Status s =
      Guard(*impl_, [&] { portal.formats = ResultFormats(portal.result_codes, names.size()); });
  if (!s.ok()) {
    SendError(s);
    ignore_till_sync_ = true;
    return;
  }
  WriteRowDescription(out, names, types, portal.formats);
}

bool Session::RunPortal(Portal& portal) {
  // The statements executed up to Sync share one implicit transaction, as in PostgreSQL:
  // HandleSync commits it, an error rolls it back (Connection::Impl::Fail).
  impl_->implicit_block = true;
  Status s = Guard(*impl_, [&] {
    portal.result = impl_->Run(*portal.plan, portal.params);
    portal.formats = ResultFormats(portal.result_codes, portal.result.names.size());
  });
  portal.ran = true;
  SendNotices();
  if (!s.ok()) {
    if (!connection_lost_) SendError(s);
    ignore_till_sync_ = true;
    return false;
  }
  return true;
}

void Session::HandleExecute(MessageReader& in) {
  std::string name(in.String());
  int32_t max_rows = in.Int32();
  MessageWriter& out = socket_.out();
  auto it = portals_.find(name);
  if (it == portals_.end()) {
    SendError(Status::Error("34000", "portal \"" + name + "\" does not exist"));
    ignore_till_sync_ = true;
    return;
  }
  Portal& portal = it->second;
  if (!portal.plan) {
    WriteEmpty(out, 'I');  // EmptyQueryResponse
    return;
  }
  if (!portal.ran && !RunPortal(portal)) return;
  const QueryResult::Impl& result = portal.result;
  if (result.returns_rows) {
    size_t end = result.rows;
    if (max_rows > 0) end = std::min(end, portal.sent + static_cast<size_t>(max_rows));
    constexpr size_t kRowsPerWrite = 256;
    for (size_t row = portal.sent; row < end; row += kRowsPerWrite) {
      Status s = Guard(*impl_, [&] {
        WriteDataRows(out, result, row, std::min(end, row + kRowsPerWrite), portal.formats);
      });
      if (!s.ok()) {
        SendError(s);
        ignore_till_sync_ = true;
        return;
      }
      socket_.FlushIfLarge();
      if (socket_.broken()) return;
    }
    portal.sent = end;
    if (end < result.rows) {
      WriteEmpty(out, 's');  // PortalSuspended
      return;
    }
  }
  WriteCommandComplete(out, result.tag);
}

void Session::HandleClose(MessageReader& in) {
  char what = static_cast<char>(in.Int8());
  std::string name(in.String());
  if (what == 'S') {
    statements_.erase(name);
  } else if (what == 'P') {
    portals_.erase(name);
  } else {
    throw ProtocolError("invalid CLOSE message subtype");
  }
  WriteEmpty(socket_.out(), '3');  // CloseComplete
}

void Session::HandleSync() {
  ignore_till_sync_ = false;
  if (impl_->implicit_block) {
    Status s = Guard(*impl_, [&] { impl_->EndImplicitBlock(); });
    impl_->implicit_block = false;
    if (!s.ok()) SendError(s);
  }
  // Portals live until their transaction ends; outside a block every statement has
  // committed by now.
  if (!impl_->in_block) portals_.clear();
  ReadyForQuery();
}

}  // namespace heliosdb::server
