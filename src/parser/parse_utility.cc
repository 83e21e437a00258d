// COPY, ANALYZE / VACUUM, REFRESH MATERIALIZED VIEW and the HeliosDB branch statements
// (CREATE / DROP / MERGE DATABASE BRANCH, USE BRANCH).
#include "parser/parser_impl.h"

namespace heliosdb::parser {

ast::StatementPtr ParserImpl::ParseCopy() {
  auto s = MakeNode<ast::CopyStmt>(Next().location);
  if (AcceptOp("(")) {
    s->query = ParseQuery();
    ExpectOp(")");
  } else {
    s->table = ParseQualifiedName();
    if (PeekOp("(")) s->columns = ParseParenNameList();
  }
  if (AcceptKw("from")) {
    s->is_from = true;
  } else {
    ExpectKw("to");
  }
  if (AcceptKw("stdin") || AcceptKw("stdout")) {
    s->stdio = true;
  } else if (Peek().type == TokenType::kString) {
    s->filename = Next().text;
  } else if (PeekKw("program")) {
    ThrowError(sqlstate::kFeatureNotSupported, "COPY ... PROGRAM is not supported", Loc());
  } else {
    SyntaxErrorHere();
  }
  AcceptKw("with");
  if (PeekOp("(")) {
    s->options = ParseOptionList();
  } else {
    ParseCopyLegacyOptions(s.get());
  }
  return s;
}

// The pre-9.0 option syntax: COPY t TO STDOUT WITH CSV HEADER DELIMITER ';' NULL ''.
void ParserImpl::ParseCopyLegacyOptions(ast::CopyStmt* stmt) {
  auto string_value = [&] {
    AcceptKw("as");
    if (Peek().type != TokenType::kString) SyntaxErrorHere();
    const Token& t = Next();
    return MakeStringConstant(t.text, t.location);
  };
  auto column_list = [&]() -> ast::ExprPtr {
    int loc = Loc();
    if (AcceptOp("*")) return MakeStringConstant("*", loc);
    std::string joined;
    for (const auto& c : ParseNameList()) joined += (joined.empty() ? "" : ",") + c;
    return MakeStringConstant(joined, loc);
  };
  while (true) {
    int loc = Loc();
    if (AcceptKw("binary") || AcceptKw("csv")) {
      stmt->options.emplace_back("format", MakeStringConstant(Prev().text, loc));
    } else if (AcceptKw("header") || AcceptKw("freeze")) {
      auto c = MakeNode<ast::ConstantExpr>(loc);
      c->type = ast::ConstantExpr::Type::kTrue;
      stmt->options.emplace_back(Prev().text, std::move(c));
    } else if (PeekKw("delimiter") || PeekKw("null") || PeekKw("quote") || PeekKw("escape") ||
               PeekKw("encoding")) {
      std::string key = Next().text;
      stmt->options.emplace_back(std::move(key), string_value());
    } else if (AcceptKw("force")) {
      std::string key = "force_quote";
      if (AcceptKw("not")) {
        ExpectKw("null");
        key = "force_not_null";
      } else if (AcceptKw("null")) {
        key = "force_null";
      } else {
        ExpectKw("quote");
      }
      stmt->options.emplace_back(std::move(key), column_list());
    } else {
      return;
    }
  }
}

ast::StatementPtr ParserImpl::ParseAnalyze(bool vacuum) {
  auto s = MakeNode<ast::AnalyzeStmt>(Next().location);
  if (vacuum) s->kind = ast::StmtKind::kVacuum;
  if (PeekOp("(")) {
    ParseOptionList();  // (VERBOSE, SKIP_LOCKED, ...): no effect here
  } else {
    while (AcceptKw("full") || AcceptKw("freeze") || AcceptKw("verbose") ||
           (vacuum && (AcceptKw("analyze") || AcceptKw("analyse")))) {
    }
  }
  if (IsColIdToken(Peek())) {
    do {
      s->tables.push_back(ParseQualifiedName());
      if (PeekOp("(")) ParseParenNameList();  // column lists: statistics are per table
    } while (AcceptOp(","));
  }
  return s;
}

ast::StatementPtr ParserImpl::ParseRefresh() {
  auto s = MakeNode<ast::RefreshMatViewStmt>(Next().location);
  ExpectKw("materialized");
  ExpectKw("view");
  s->concurrently = AcceptKw("concurrently");
  s->name = ParseQualifiedName();
  while (true) {
    if (AcceptKw("incremental")) {
      s->incremental = true;
    } else if (PeekKw("with") && (PeekKw("data", 1) || PeekKw("no", 1))) {
      Next();
      s->with_no_data = AcceptKw("no");
      ExpectKw("data");
    } else {
      return s;
    }
  }
}

ast::StatementPtr ParserImpl::ParseCreateBranch() {
  auto s = MakeNode<ast::CreateBranchStmt>(Next().location);  // DATABASE
  ExpectKw("branch");
  if (AcceptKw("if")) {
    ExpectKw("not");
    ExpectKw("exists");
    s->if_not_exists = true;
  }
  s->name = ParseColId();
  if (AcceptKw("from") && !AcceptKw("current")) s->parent = ParseColId();
  if (PeekKw("as") && PeekKw("of", 1)) {
    Next();
    Next();
    s->as_of = ParseAsOfValue();
  }
  if (PeekKw("with") && PeekOp("(", 1)) {
    Next();
    s->options = ParseOptionList();
  }
  return s;
}

ast::StatementPtr ParserImpl::ParseDropBranch() {
  auto s = MakeNode<ast::DropBranchStmt>(Next().location);  // DROP
  ExpectKw("database");
  ExpectKw("branch");
  if (AcceptKw("if")) {
    ExpectKw("exists");
    s->if_exists = true;
  }
  s->name = ParseColId();
  return s;
}

ast::StatementPtr ParserImpl::ParseMergeBranch() {
  auto s = MakeNode<ast::MergeBranchStmt>(Next().location);  // MERGE
  ExpectKw("database");
  ExpectKw("branch");
  s->source = ParseColId();
  ExpectKw("into");
  s->target = ParseColId();
  if (PeekKw("with") && PeekOp("(", 1)) {
    Next();
    s->options = ParseOptionList();
  }
  return s;
}

ast::StatementPtr ParserImpl::ParseRestoreDatabase() {
  auto s = MakeNode<ast::RestoreDatabaseStmt>(Next().location);  // RESTORE
  ExpectKw("database");
  ExpectKw("to");
  s->to = ParseAsOfValue();
  return s;
}

ast::StatementPtr ParserImpl::ParseUseBranch() {
  auto s = MakeNode<ast::SetStmt>(Next().location);  // USE
  ExpectKw("branch");
  s->name = "branch";
  int loc = Loc();
  s->values.push_back(MakeStringConstant(ParseColId(), loc));
  return s;
}

}  // namespace heliosdb::parser
