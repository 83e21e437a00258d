// INSERT (VALUES / query / DEFAULT VALUES, ON CONFLICT), UPDATE and DELETE, with RETURNING.
#include "parser/parser_impl.h"

namespace heliosdb::parser {

std::string ParserImpl::ParseDmlAlias(bool require_as) {
  if (AcceptKw("as")) return ParseColId();
  // UPDATE t SET ...: SET is not an alias.
  if (!require_as && IsColIdToken(Peek()) && !PeekKw("set")) return Next().text;
  return "";
}

std::vector<ast::SelectItem> ParserImpl::ParseReturning() {
  if (!AcceptKw("returning")) return {};
  return ParseTargetList();
}

ast::StatementPtr ParserImpl::ParseInsert(std::unique_ptr<ast::WithClause> with) {
  auto s = MakeNode<ast::InsertStmt>(Next().location);
  s->with = std::move(with);
  ExpectKw("into");
  s->table = ParseQualifiedName();
  RejectTimeTravelTarget();
  s->alias = ParseDmlAlias(true);
  if (PeekOp("(") && !IsQueryInParens(static_cast<int>(pos_))) {
    s->columns = ParseParenNameList();
  }
  if (AcceptKw("overriding")) {
    s->overriding_system_value = AcceptKw("system");
    if (!s->overriding_system_value) ExpectKw("user");
    ExpectKw("value");
  }
  if (PeekKw("default") && PeekKw("values", 1)) {
    Next();
    Next();
  } else {
    s->source = ParseQuery();
  }
  if (PeekKw("on") && PeekKw("conflict", 1)) s->on_conflict = ParseOnConflict();
  s->returning = ParseReturning();
  return s;
}

std::unique_ptr<ast::OnConflictClause> ParserImpl::ParseOnConflict() {
  auto oc = MakeNode<ast::OnConflictClause>(Next().location);
  Next();  // CONFLICT
  if (AcceptOp("(")) {
    do {
      oc->target_columns.push_back(ParseColId());
    } while (AcceptOp(","));
    ExpectOp(")");
    if (AcceptKw("where")) oc->target_where = ParseExpr();
  } else if (AcceptKw("on")) {
    ExpectKw("constraint");
    oc->constraint_name = ParseColId();
  }
  ExpectKw("do");
  if (!AcceptKw("nothing")) {
    ExpectKw("update");
    ExpectKw("set");
    oc->do_update = true;
    oc->set = ParseSetClauses();
    if (AcceptKw("where")) oc->where = ParseExpr();
  }
  return oc;
}

std::vector<ast::OnConflictClause::SetClause> ParserImpl::ParseSetClauses() {
  std::vector<ast::OnConflictClause::SetClause> set;
  do {
    ast::OnConflictClause::SetClause clause;
    if (PeekOp("(")) {
      clause.columns = ParseParenNameList();
    } else {
      clause.columns.push_back(ParseColId());
    }
    ExpectOp("=");
    clause.value = ParseExpr();
    set.push_back(std::move(clause));
  } while (AcceptOp(","));
  return set;
}

ast::StatementPtr ParserImpl::ParseUpdate(std::unique_ptr<ast::WithClause> with) {
  auto s = MakeNode<ast::UpdateStmt>(Next().location);
  s->with = std::move(with);
  AcceptKw("only");
  s->table = ParseQualifiedName();
  RejectTimeTravelTarget();
  s->alias = ParseDmlAlias(false);
  ExpectKw("set");
  s->set = ParseSetClauses();
  if (AcceptKw("from")) s->from = ParseFromList();
  if (AcceptKw("where")) {
    if (PeekKw("current") && PeekKw("of", 1)) {
      ThrowError(sqlstate::kFeatureNotSupported, "WHERE CURRENT OF is not supported", Loc());
    }
    s->where = ParseExpr();
  }
  s->returning = ParseReturning();
  return s;
}

ast::StatementPtr ParserImpl::ParseDelete(std::unique_ptr<ast::WithClause> with) {
  auto s = MakeNode<ast::DeleteStmt>(Next().location);
  s->with = std::move(with);
  ExpectKw("from");
  AcceptKw("only");
  s->table = ParseQualifiedName();
  RejectTimeTravelTarget();
  s->alias = ParseDmlAlias(false);
  if (AcceptKw("using")) s->using_tables = ParseFromList();
  if (AcceptKw("where")) {
    if (PeekKw("current") && PeekKw("of", 1)) {
      ThrowError(sqlstate::kFeatureNotSupported, "WHERE CURRENT OF is not supported", Loc());
    }
    s->where = ParseExpr();
  }
  s->returning = ParseReturning();
  return s;
}

// INSERT / UPDATE / DELETE write the current state: a target read AS OF or VERSIONS BETWEEN
// names a past that cannot change.
void ParserImpl::RejectTimeTravelTarget() {
  if (PeekAsOf() || (PeekKw("versions") && PeekKw("between", 1)))
    ThrowError(sqlstate::kFeatureNotSupported,
               "cannot write to a table read AS OF or VERSIONS BETWEEN", Peek().location);
}

}  // namespace heliosdb::parser
