// Transaction control, EXPLAIN, SET / SHOW / RESET, PREPARE / EXECUTE / DEALLOCATE.
#include <cctype>

#include "parser/parser_impl.h"

namespace heliosdb::parser {

ast::StatementPtr ParserImpl::ParseTransaction() {
  auto s = MakeNode<ast::TransactionStmt>(Loc());
  using Type = ast::TransactionStmt::Type;
  const std::string w = Next().text;
  auto optional_noise = [&] {
    if (!AcceptKw("work")) AcceptKw("transaction");
  };
  auto optional_chain = [&] {
    if (AcceptKw("and")) {
      AcceptKw("no");
      ExpectKw("chain");
    }
  };
  if (w == "begin" || w == "start") {
    if (w == "start") {
      ExpectKw("transaction");
    } else {
      optional_noise();
    }
    s->type = Type::kBegin;
    ParseTransactionModes(s.get());
  } else if (w == "commit" || w == "end") {
    optional_noise();
    optional_chain();
    s->type = Type::kCommit;
  } else if (w == "rollback" || w == "abort") {
    optional_noise();
    if (AcceptKw("to")) {
      AcceptKw("savepoint");
      s->type = Type::kRollbackTo;
      s->savepoint = ParseColId();
    } else {
      optional_chain();
      s->type = Type::kRollback;
    }
  } else if (w == "savepoint") {
    s->type = Type::kSavepoint;
    s->savepoint = ParseColId();
  } else {  // release
    AcceptKw("savepoint");
    s->type = Type::kRelease;
    s->savepoint = ParseColId();
  }
  return s;
}

void ParserImpl::ParseTransactionModes(ast::TransactionStmt* stmt) {
  while (true) {
    if (AcceptKw("isolation")) {
      ExpectKw("level");
      if (AcceptKw("serializable")) {
        stmt->isolation_level = "serializable";
      } else if (AcceptKw("repeatable")) {
        ExpectKw("read");
        stmt->isolation_level = "repeatable read";
      } else {
        ExpectKw("read");
        if (AcceptKw("committed")) {
          stmt->isolation_level = "read committed";
        } else {
          ExpectKw("uncommitted");
          stmt->isolation_level = "read uncommitted";
        }
      }
    } else if (PeekKw("read") && (PeekKw("only", 1) || PeekKw("write", 1))) {
      Next();
      stmt->read_only = Next().text == "only";
    } else if (PeekKw("not") && PeekKw("deferrable", 1)) {
      Next();
      Next();
    } else if (!AcceptKw("deferrable")) {
      return;
    }
    AcceptOp(",");
  }
}

ast::StatementPtr ParserImpl::ParseExplain() {
  auto s = MakeNode<ast::ExplainStmt>(Next().location);
  s->format = "text";
  if (PeekOp("(") && !IsQueryInParens(static_cast<int>(pos_))) {
    Next();
    do {
      std::string option = ParseColLabel();
      std::string value;
      if (!PeekOp(",") && !PeekOp(")")) {
        const Token& t = Next();
        if (t.type == TokenType::kOperator) SyntaxError(t);
        value = t.text;
      }
      bool on = value.empty() || value == "true" || value == "on" || value == "1" || value == "yes";
      if (option == "analyze" || option == "analyse") {
        s->analyze = on;
      } else if (option == "verbose") {
        s->verbose = on;
      } else if (option == "costs") {
        s->costs = on;
      } else if (option == "format") {
        for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        s->format = value;
      }
    } while (AcceptOp(","));
    ExpectOp(")");
  } else {
    s->analyze = AcceptKw("analyze") || AcceptKw("analyse");
    s->verbose = AcceptKw("verbose");
  }
  s->statement = ParseStatement();
  return s;
}

std::string ParserImpl::ParseVariableName() {
  std::string name = ParseColLabel();
  while (AcceptOp(".")) name += "." + ParseColLabel();
  return name;
}

// A SET value: strings and numbers as constants, any word (ON, true, read_committed) as a
// string constant.
ast::ExprPtr ParserImpl::ParseVarValue() {
  const Token& t = Peek();
  if (t.type == TokenType::kString || t.type == TokenType::kIdent) {
    return MakeStringConstant(Next().text, t.location);
  }
  return ParseSignedNumber();
}

ast::StatementPtr ParserImpl::ParseSet() {
  auto s = MakeNode<ast::SetStmt>(Next().location);
  if (AcceptKw("local")) {
    s->local = true;
  } else if (PeekKw("session") && PeekKw("authorization", 1)) {
    // SET SESSION AUTHORIZATION name | DEFAULT
    Next();
    Next();
    s->name = "session_authorization";
    if (PeekKw("default")) {
      s->values.push_back(MakeNode<ast::DefaultExpr>(Next().location));
    } else {
      s->values.push_back(ParseVarValue());
    }
    return s;
  } else {
    AcceptKw("session");
  }
  if (PeekKw("role") && !PeekKw("to", 1) && !PeekOp("=", 1)) {
    // SET ROLE name | NONE
    Next();
    s->name = "role";
    s->values.push_back(ParseVarValue());
    return s;
  }
  if (PeekKw("time") && PeekKw("zone", 1)) {
    Next();
    Next();
    s->name = "timezone";
    if (AcceptKw("local") || AcceptKw("default")) {
      s->values.push_back(MakeNode<ast::DefaultExpr>(Prev().location));
    } else {
      s->values.push_back(ParseVarValue());
    }
    return s;
  }
  bool characteristics = PeekKw("characteristics") && PeekKw("as", 1);
  if (characteristics || (PeekKw("transaction") && !PeekKw("to", 1) && !PeekOp("=", 1))) {
    if (characteristics) {
      Next();
      Next();
    }
    ExpectKw("transaction");
    ast::TransactionStmt modes;
    int loc = Loc();
    ParseTransactionModes(&modes);
    std::string prefix = characteristics ? "default_transaction_" : "transaction_";
    if (!modes.isolation_level.empty()) {
      s->name = prefix + "isolation";
      s->values.push_back(MakeStringConstant(modes.isolation_level, loc));
    } else if (modes.read_only.has_value()) {
      s->name = prefix + "read_only";
      s->values.push_back(MakeStringConstant(*modes.read_only ? "on" : "off", loc));
    } else {
      SyntaxErrorHere();
    }
    return s;
  }
  if (AcceptKw("schema")) {
    s->name = "search_path";
    s->values.push_back(ParseVarValue());
    return s;
  }
  if (AcceptKw("names")) {
    s->name = "client_encoding";
    s->values.push_back(ParseVarValue());
    return s;
  }
  s->name = ParseVariableName();
  if (!AcceptKw("to")) ExpectOp("=");
  if (PeekKw("default")) {
    s->values.push_back(MakeNode<ast::DefaultExpr>(Next().location));
    return s;
  }
  do {
    s->values.push_back(ParseVarValue());
  } while (AcceptOp(","));
  return s;
}

ast::StatementPtr ParserImpl::ParseShowOrReset(bool show) {
  int loc = Next().location;
  std::string name;
  if (AcceptKw("all")) {
    name = "all";
  } else if (PeekKw("time") && PeekKw("zone", 1)) {
    Next();
    Next();
    name = "timezone";
  } else if (PeekKw("transaction") && PeekKw("isolation", 1)) {
    Next();
    Next();
    ExpectKw("level");
    name = "transaction_isolation";
  } else if (PeekKw("session") && PeekKw("authorization", 1)) {
    Next();
    Next();
    name = "session_authorization";
  } else {
    name = ParseVariableName();
  }
  if (show) {
    auto s = MakeNode<ast::ShowStmt>(loc);
    s->name = std::move(name);
    return s;
  }
  auto s = MakeNode<ast::ResetStmt>(loc);
  s->name = std::move(name);
  return s;
}

ast::StatementPtr ParserImpl::ParsePrepare() {
  auto s = MakeNode<ast::PrepareStmt>(Next().location);
  s->name = ParseColId();
  if (AcceptOp("(")) {
    do {
      s->param_types.push_back(ParseTypeName());
    } while (AcceptOp(","));
    ExpectOp(")");
  }
  ExpectKw("as");
  s->statement = ParseStatement();
  return s;
}

ast::StatementPtr ParserImpl::ParseExecute() {
  auto s = MakeNode<ast::ExecuteStmt>(Next().location);
  s->name = ParseColId();
  if (PeekOp("(")) s->params = ParseParenExprList();
  return s;
}

ast::StatementPtr ParserImpl::ParseDeallocate() {
  auto s = MakeNode<ast::DeallocateStmt>(Next().location);
  AcceptKw("prepare");
  if (AcceptKw("all")) {
    s->all = true;
  } else {
    s->name = ParseColId();
  }
  return s;
}

}  // namespace heliosdb::parser
