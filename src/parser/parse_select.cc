// Queries: WITH, set operations (INTERSECT binds tighter than UNION / EXCEPT), SELECT cores,
// VALUES, TABLE name, and the ORDER BY / LIMIT / OFFSET / FETCH / FOR UPDATE tail.
#include "parser/parser_impl.h"

namespace heliosdb::parser {

namespace {

bool IsClauseWord(const Token& t) {
  if (t.type != TokenType::kIdent || t.quoted) return false;
  static const char* const kWords[] = {"from",  "where",     "group",  "having", "window",
                                       "order", "limit",     "offset", "fetch",  "for",
                                       "union", "intersect", "except", "into"};
  for (const char* w : kWords) {
    if (t.text == w) return true;
  }
  return false;
}

}  // namespace

std::unique_ptr<ast::SelectStmt> ParserImpl::ParseQuery(std::unique_ptr<ast::WithClause> with) {
  DepthGuard guard(this);
  int loc = with ? with->location : Loc();
  if (!with && PeekKw("with")) with = ParseWithClause();
  auto body = ParseSetOps(0);
  ParseQueryTail(body.get());
  if (with) {
    if (body->with) Error("multiple WITH clauses not allowed", with->location);
    body->with = std::move(with);
  }
  body->location = loc;
  body->end_location = Prev().end_location;
  return body;
}

std::unique_ptr<ast::SelectStmt> ParserImpl::ParseSetOps(int min_precedence) {
  auto left = ParseSetOperand();
  int saved = depth_;
  while (true) {
    int precedence;
    ast::SelectStmt::SetOp op;
    if (PeekKw("union")) {
      precedence = 1;
      op = ast::SelectStmt::SetOp::kUnion;
    } else if (PeekKw("except")) {
      precedence = 1;
      op = ast::SelectStmt::SetOp::kExcept;
    } else if (PeekKw("intersect")) {
      precedence = 2;
      op = ast::SelectStmt::SetOp::kIntersect;
    } else {
      break;
    }
    if (precedence < min_precedence) break;
    EnterDepth();
    Next();
    auto node = MakeNode<ast::SelectStmt>(left->location);
    node->set_op = op;
    node->set_all = AcceptKw("all");
    if (!node->set_all) AcceptKw("distinct");
    node->left = std::move(left);
    node->right = ParseSetOps(precedence + 1);
    left = std::move(node);
  }
  depth_ = saved;
  return left;
}

std::unique_ptr<ast::SelectStmt> ParserImpl::ParseSetOperand() {
  if (PeekOp("(")) {
    DepthGuard guard(this);
    Next();
    auto query = ParseQuery();
    ExpectOp(")");
    return query;
  }
  if (PeekKw("select")) return ParseSelectCore();
  if (PeekKw("values")) return ParseValues();
  if (PeekKw("table")) {
    auto s = MakeNode<ast::SelectStmt>(Next().location);
    auto ref = MakeNode<ast::BaseTableRef>(Loc());
    ref->only = AcceptKw("only");
    ref->name = ParseQualifiedName();
    s->targets.emplace_back();
    s->targets.back().location = ref->location;
    s->targets.back().expr = MakeNode<ast::StarExpr>(ref->location);
    s->from.push_back(std::move(ref));
    return s;
  }
  SyntaxErrorHere();
}

std::unique_ptr<ast::SelectStmt> ParserImpl::ParseSelectCore() {
  auto s = MakeNode<ast::SelectStmt>(Next().location);
  if (AcceptKw("distinct")) {
    s->distinct = true;
    if (AcceptKw("on")) s->distinct_on = ParseParenExprList();
  } else {
    AcceptKw("all");
  }
  if (!AtEnd() && !PeekOp(";") && !PeekOp(")") && !IsClauseWord(Peek())) {
    s->targets = ParseTargetList();
  }
  if (PeekKw("into")) {
    ThrowError(sqlstate::kFeatureNotSupported, "SELECT INTO is not supported", Loc());
  }
  if (AcceptKw("from")) s->from = ParseFromList();
  if (AcceptKw("where")) s->where = ParseExpr();
  if (PeekKw("group") && PeekKw("by", 1)) {
    Next();
    Next();
    if (PeekKw("all") || PeekKw("distinct")) {
      bool all = Next().text == "all";
      // GROUP BY ALL alone groups by every non-aggregate target (DuckDB); followed by
      // grouping elements it is PostgreSQL's default quantifier.
      s->group_by_all = all && (AtEnd() || PeekOp(";") || PeekOp(")") || IsClauseWord(Peek()) ||
                                PeekKw("having"));
    }
    if (!s->group_by_all) {
      do {
        s->group_by.push_back(ParseGroupingElement());
      } while (AcceptOp(","));
    }
  }
  if (AcceptKw("having")) s->having = ParseExpr();
  if (AcceptKw("window")) {
    do {
      int loc = Loc();
      std::string name = ParseColId();
      ExpectKw("as");
      auto spec = ParseWindowSpec();
      spec->name = std::move(name);
      spec->location = loc;
      s->windows.push_back(std::move(spec));
    } while (AcceptOp(","));
  }
  return s;
}

std::unique_ptr<ast::SelectStmt> ParserImpl::ParseValues() {
  auto s = MakeNode<ast::SelectStmt>(Next().location);
  do {
    int loc = Loc();
    s->values.push_back(ParseParenExprList());
    if (s->values.back().size() != s->values.front().size()) {
      Error("VALUES lists must all be the same length", loc);
    }
  } while (AcceptOp(","));
  return s;
}

void ParserImpl::ParseQueryTail(ast::SelectStmt* stmt) {
  if (PeekKw("order") && PeekKw("by", 1)) {
    if (!stmt->order_by.empty()) Error("multiple ORDER BY clauses not allowed", Loc());
    Next();
    Next();
    stmt->order_by = ParseOrderByList();
  }
  bool limit_seen = stmt->limit != nullptr, offset_seen = stmt->offset != nullptr;
  while (true) {
    int loc = Loc();
    if (AcceptKw("limit")) {
      if (limit_seen) Error("multiple LIMIT clauses not allowed", loc);
      limit_seen = true;
      if (!AcceptKw("all")) stmt->limit = ParseExpr();
      if (PeekOp(",")) Error("LIMIT #,# syntax is not supported", loc);
    } else if (AcceptKw("offset")) {
      if (offset_seen) Error("multiple OFFSET clauses not allowed", loc);
      offset_seen = true;
      stmt->offset = ParseExpr();
      if (!AcceptKw("row")) AcceptKw("rows");
    } else if (AcceptKw("fetch")) {
      if (limit_seen) Error("multiple LIMIT clauses not allowed", loc);
      limit_seen = true;
      if (!AcceptKw("first")) ExpectKw("next");
      stmt->limit =
          (PeekKw("row") || PeekKw("rows")) ? MakeIntegerConstant("1", Loc()) : ParseExpr();
      if (!AcceptKw("row")) ExpectKw("rows");
      if (PeekKw("with") && PeekKw("ties", 1)) {
        ThrowError(sqlstate::kFeatureNotSupported, "FETCH ... WITH TIES is not supported", Loc());
      }
      ExpectKw("only");
    } else {
      break;
    }
  }
  while (AcceptKw("for")) {
    if (AcceptKw("no")) {
      ExpectKw("key");
      ExpectKw("update");
    } else if (AcceptKw("key")) {
      ExpectKw("share");
    } else if (!AcceptKw("update")) {
      ExpectKw("share");
    }
    if (AcceptKw("of")) ParseQualifiedNameList();
    if (AcceptKw("skip")) {
      ExpectKw("locked");
    } else {
      AcceptKw("nowait");
    }
    stmt->for_update = true;
  }
}

std::unique_ptr<ast::WithClause> ParserImpl::ParseWithClause() {
  auto w = MakeNode<ast::WithClause>(Next().location);
  w->recursive = AcceptKw("recursive");
  do {
    ast::CommonTableExpr cte;
    cte.location = Loc();
    cte.name = ParseColId();
    if (PeekOp("(")) cte.column_names = ParseParenNameList();
    ExpectKw("as");
    if (AcceptKw("not")) {
      ExpectKw("materialized");
      cte.materialized = false;
    } else if (AcceptKw("materialized")) {
      cte.materialized = true;
    }
    ExpectOp("(");
    if (PeekKw("insert") || PeekKw("update") || PeekKw("delete")) {
      ThrowError(sqlstate::kFeatureNotSupported,
                 "data-modifying statements in WITH are not supported", Loc());
    }
    cte.query = ParseQuery();
    ExpectOp(")");
    w->ctes.push_back(std::move(cte));
  } while (AcceptOp(","));
  return w;
}

std::vector<ast::SelectItem> ParserImpl::ParseTargetList() {
  std::vector<ast::SelectItem> items;
  do {
    ast::SelectItem item;
    item.location = Loc();
    if (PeekOp("*")) {
      item.expr = MakeNode<ast::StarExpr>(Next().location);
    } else {
      item.expr = ParseExpr();
      if (AcceptKw("as")) {
        item.alias = ParseColLabel();
      } else if (IsBareLabel(Peek())) {
        item.alias = Next().text;
      }
    }
    items.push_back(std::move(item));
  } while (AcceptOp(","));
  return items;
}

ast::GroupingElement ParserImpl::ParseGroupingElement() {
  DepthGuard guard(this);
  ast::GroupingElement g;
  g.location = Loc();
  if (PeekOp("(") && PeekOp(")", 1)) {
    Next();
    Next();
    g.type = ast::GroupingElement::Type::kEmpty;
  } else if ((PeekKw("rollup") || PeekKw("cube")) && PeekOp("(", 1)) {
    g.type = Next().text == "rollup" ? ast::GroupingElement::Type::kRollup
                                     : ast::GroupingElement::Type::kCube;
    g.exprs = ParseParenExprList();
  } else if (PeekKw("grouping") && PeekKw("sets", 1)) {
    Next();
    Next();
    g.type = ast::GroupingElement::Type::kSets;
    ExpectOp("(");
    do {
      g.sets.push_back(ParseGroupingElement());
    } while (AcceptOp(","));
    ExpectOp(")");
  } else {
    g.expr = ParseExpr();
  }
  return g;
}

}  // namespace heliosdb::parser
