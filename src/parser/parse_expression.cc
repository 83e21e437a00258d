// Expressions by PostgreSQL's operator precedence, lowest first:
//   OR < AND < NOT < IS/ISNULL/NOTNULL < comparison < BETWEEN/IN/LIKE/ILIKE/SIMILAR
//   < other operators < + - < * / % < ^ < AT TIME ZONE < COLLATE < unary + - < [] < ::
// Comparison and the predicate level are non-associative, as in gram.y.
#include "parser/parser_impl.h"

namespace heliosdb::parser {

namespace {

bool IsOperatorToken(const Token& t, std::initializer_list<std::string_view> ops) {
  if (t.type != TokenType::kOperator) return false;
  for (auto op : ops) {
    if (t.text == op) return true;
  }
  return false;
}

bool IsComparisonOp(const Token& t) {
  return IsOperatorToken(t, {"=", "<>", "<", ">", "<=", ">="});
}

// An operator that is not punctuation and not one with its own precedence level.
bool IsGenericOp(const Token& t) {
  return t.type == TokenType::kOperator &&
         !IsOperatorToken(t, {"(", ")", "[", "]", ",", ";", ".", ":",  "::", ":=", "=>", "$",
                              "+", "-", "*", "/", "%", "^", "=", "<>", "<",  ">",  "<=", ">="});
}

ast::ExprPtr MakeBinary(std::string op, ast::ExprPtr left, ast::ExprPtr right, int loc) {
  auto b = MakeNode<ast::BinaryExpr>(loc);
  b->op = std::move(op);
  b->left = std::move(left);
  b->right = std::move(right);
  return b;
}

ast::ExprPtr MakeUnary(std::string op, ast::ExprPtr operand, int loc) {
  auto u = MakeNode<ast::UnaryExpr>(loc);
  u->op = std::move(op);
  u->operand = std::move(operand);
  return u;
}

// -<numeric literal> becomes a negative constant, as PostgreSQL's doNegate does, so that
// -9223372036854775808 is a bigint and -2^2 is (-2)^2 = 4.
bool FoldNegation(ast::Expr* operand, int loc) {
  if (operand->kind != ast::ExprKind::kConstant) return false;
  auto& c = operand->As<ast::ConstantExpr>();
  if (c.type != ast::ConstantExpr::Type::kInteger && c.type != ast::ConstantExpr::Type::kNumeric) {
    return false;
  }
  if (!c.text.empty() && c.text[0] == '-') {
    c.text.erase(0, 1);
  } else {
    c.text.insert(0, "-");
  }
  if (c.type == ast::ConstantExpr::Type::kNumeric &&
      c.text.find_first_of(".eE") == std::string::npos) {
    size_t first = c.text.find_first_not_of("-0");
    std::string digits = first == std::string::npos ? "0" : c.text.substr(first);
    if (c.text[0] == '-' && digits == "9223372036854775808") {
      c.type = ast::ConstantExpr::Type::kInteger;
    }
  }
  c.location = loc;
  return true;
}

}  // namespace

ast::ExprPtr ParserImpl::ParseExpr() {
  DepthGuard guard(this);
  return ParseOr();
}

ast::ExprPtr ParserImpl::ParseOr() {
  auto left = ParseAnd();
  int saved = depth_;
  while (PeekKw("or")) {
    EnterDepth();
    int loc = Next().location;
    left = MakeBinary("OR", std::move(left), ParseAnd(), loc);
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseAnd() {
  auto left = ParseNot();
  int saved = depth_;
  while (PeekKw("and")) {
    EnterDepth();
    int loc = Next().location;
    left = MakeBinary("AND", std::move(left), ParseNot(), loc);
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseNot() {
  if (!PeekKw("not")) return ParseIs();
  DepthGuard guard(this);
  int loc = Next().location;
  return MakeUnary("NOT", ParseNot(), loc);
}

ast::ExprPtr ParserImpl::ParseIs() {
  auto left = ParseComparison();
  int saved = depth_;
  while (PeekKw("is") || PeekKw("isnull") || PeekKw("notnull")) {
    EnterDepth();
    int loc = Loc();
    if (PeekKw("isnull") || PeekKw("notnull")) {
      auto n = MakeNode<ast::IsNullExpr>(loc);
      n->negated = Next().text == "notnull";
      n->operand = std::move(left);
      left = std::move(n);
      continue;
    }
    Next();
    bool negated = AcceptKw("not");
    if (AcceptKw("null")) {
      auto n = MakeNode<ast::IsNullExpr>(loc);
      n->negated = negated;
      n->operand = std::move(left);
      left = std::move(n);
    } else if (PeekKw("true") || PeekKw("false") || PeekKw("unknown")) {
      auto n = MakeNode<ast::IsBoolExpr>(loc);
      const std::string& w = Next().text;
      n->test = w == "true"    ? ast::IsBoolExpr::Test::kTrue
                : w == "false" ? ast::IsBoolExpr::Test::kFalse
                               : ast::IsBoolExpr::Test::kUnknown;
      n->negated = negated;
      n->operand = std::move(left);
      left = std::move(n);
    } else if (AcceptKw("distinct")) {
      ExpectKw("from");
      left = MakeBinary(negated ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM", std::move(left),
                        ParseComparison(), loc);
    } else {
      SyntaxErrorHere();
    }
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseComparison() {
  auto left = ParsePredicate();
  if (!IsComparisonOp(Peek())) return left;
  DepthGuard guard(this);
  int loc = Loc();
  std::string op = Next().text;
  return ParseOperatorRhs(std::move(op), loc, std::move(left), &ParserImpl::ParsePredicate);
}

ast::ExprPtr ParserImpl::ParsePredicate() {
  auto left = ParseOtherOp();
  int loc = Loc();
  bool negated = false;
  if (PeekKw("not") && (PeekKw("between", 1) || PeekKw("in", 1) || PeekKw("like", 1) ||
                        PeekKw("ilike", 1) || PeekKw("similar", 1))) {
    Next();
    negated = true;
  }
  DepthGuard guard(this);
  if (AcceptKw("between")) {
    auto b = MakeNode<ast::BetweenExpr>(loc);
    b->negated = negated;
    if (AcceptKw("symmetric")) {
      b->symmetric = true;
    } else {
      AcceptKw("asymmetric");
    }
    b->operand = std::move(left);
    b->low = ParseOtherOp();
    ExpectKw("and");
    b->high = ParseOtherOp();
    return b;
  }
  if (AcceptKw("in")) {
    if (PeekOp("(") && IsQueryInParens(static_cast<int>(pos_))) {
      auto s = MakeNode<ast::SubqueryExpr>(loc);
      s->type = ast::SubqueryExpr::Type::kIn;
      s->op = "=";
      s->negated = negated;
      s->operand = std::move(left);
      ExpectOp("(");
      s->query = ParseQuery();
      ExpectOp(")");
      return s;
    }
    auto in = MakeNode<ast::InListExpr>(loc);
    in->negated = negated;
    in->operand = std::move(left);
    in->list = ParseParenExprList();
    return in;
  }
  bool like = PeekKw("like"), ilike = PeekKw("ilike");
  bool similar = PeekKw("similar") && PeekKw("to", 1);
  if (like || ilike || similar) {
    Next();
    if (similar) ExpectKw("to");
    auto l = MakeNode<ast::LikeExpr>(loc);
    l->negated = negated;
    l->case_insensitive = ilike;
    l->similar = similar;
    l->operand = std::move(left);
    l->pattern = ParseOtherOp();
    if (AcceptKw("escape")) l->escape = ParseOtherOp();
    return l;
  }
  return left;
}

ast::ExprPtr ParserImpl::ParseOperatorRhs(std::string op, int op_loc, ast::ExprPtr left,
                                          Level next) {
  if ((PeekKw("any") || PeekKw("some") || PeekKw("all")) && PeekOp("(", 1)) {
    bool all = Next().text == "all";
    if (IsQueryInParens(static_cast<int>(pos_))) {
      auto s = MakeNode<ast::SubqueryExpr>(op_loc);
      s->type = all ? ast::SubqueryExpr::Type::kAll : ast::SubqueryExpr::Type::kAny;
      s->op = std::move(op);
      s->operand = std::move(left);
      ExpectOp("(");
      s->query = ParseQuery();
      ExpectOp(")");
      return s;
    }
    auto a = MakeNode<ast::AnyAllExpr>(op_loc);
    a->op = std::move(op);
    a->all = all;
    a->left = std::move(left);
    ExpectOp("(");
    a->right = ParseExpr();
    ExpectOp(")");
    return a;
  }
  return MakeBinary(std::move(op), std::move(left), (this->*next)(), op_loc);
}

ast::ExprPtr ParserImpl::ParseOtherOp() {
  auto left = ParseAdditive();
  int saved = depth_;
  while (IsGenericOp(Peek()) || (PeekKw("operator") && PeekOp("(", 1))) {
    EnterDepth();
    int loc = Loc();
    std::string op = PeekKw("operator") ? ParseQualifiedOperator() : Next().text;
    left = ParseOperatorRhs(std::move(op), loc, std::move(left), &ParserImpl::ParseAdditive);
  }
  depth_ = saved;
  return left;
}

// OPERATOR(schema.op): psql qualifies its operators; only pg_catalog's exist, and every
// operator spelled this way takes the generic operator precedence, as in gram.y.
std::string ParserImpl::ParseQualifiedOperator() {
  Next();
  ExpectOp("(");
  while (Peek().type == TokenType::kIdent && PeekOp(".", 1)) {
    const Token& schema = Next();
    if (schema.text != "pg_catalog")
      ThrowError(sqlstate::kUndefinedSchema, "schema \"" + schema.text + "\" does not exist",
                 schema.location);
    Next();
  }
  const Token& op = Peek();
  if (op.type != TokenType::kOperator || PeekOp(")")) SyntaxError(op);
  std::string text = Next().text;
  ExpectOp(")");
  return text;
}

ast::ExprPtr ParserImpl::ParseAdditive() {
  auto left = ParseMultiplicative();
  int saved = depth_;
  while (PeekOp("+") || PeekOp("-")) {
    EnterDepth();
    int loc = Loc();
    std::string op = Next().text;
    left = ParseOperatorRhs(std::move(op), loc, std::move(left), &ParserImpl::ParseMultiplicative);
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseMultiplicative() {
  auto left = ParseExponent();
  int saved = depth_;
  while (PeekOp("*") || PeekOp("/") || PeekOp("%")) {
    EnterDepth();
    int loc = Loc();
    std::string op = Next().text;
    left = ParseOperatorRhs(std::move(op), loc, std::move(left), &ParserImpl::ParseExponent);
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseExponent() {
  auto left = ParseAtTimeZone();
  int saved = depth_;
  while (PeekOp("^")) {
    EnterDepth();
    int loc = Next().location;
    left = ParseOperatorRhs("^", loc, std::move(left), &ParserImpl::ParseAtTimeZone);
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseAtTimeZone() {
  auto left = ParseCollate();
  int saved = depth_;
  while (PeekKw("at") && PeekKw("time", 1) && PeekKw("zone", 2)) {
    EnterDepth();
    int loc = Next().location;
    Next();
    Next();
    auto f = MakeNode<ast::FunctionExpr>(loc);
    f->name = {"timezone"};
    f->args.push_back(ParseCollate());
    f->args.push_back(std::move(left));
    left = std::move(f);
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseCollate() {
  auto left = ParseUnary();
  int saved = depth_;
  while (PeekKw("collate")) {
    EnterDepth();
    auto c = MakeNode<ast::CollateExpr>(Next().location);
    c->operand = std::move(left);
    for (const auto& part : ParseQualifiedName()) {
      c->collation += (c->collation.empty() ? "" : ".") + part;
    }
    left = std::move(c);
  }
  depth_ = saved;
  return left;
}

ast::ExprPtr ParserImpl::ParseUnary() {
  if (PeekOp("-") || PeekOp("+")) {
    DepthGuard guard(this);
    int loc = Loc();
    std::string op = Next().text;
    auto operand = ParseUnary();
    if (op == "-" && FoldNegation(operand.get(), loc)) return operand;
    return MakeUnary(std::move(op), std::move(operand), loc);
  }
  if (PeekKw("not")) {  // "a = NOT b": NOT as an operand, as gram.y allows
    DepthGuard guard(this);
    int loc = Next().location;
    return MakeUnary("NOT", ParseNot(), loc);
  }
  if (IsGenericOp(Peek())) {  // prefix operator: ~ x, @ x, |/ x
    DepthGuard guard(this);
    int loc = Loc();
    std::string op = Next().text;
    return MakeUnary(std::move(op), ParseAdditive(), loc);
  }
  return ParsePostfix();
}

ast::ExprPtr ParserImpl::ParsePostfix() {
  auto left = ParsePrimary();
  int saved = depth_;
  while (PeekOp("::") || PeekOp("[")) {
    EnterDepth();
    int loc = Loc();
    if (AcceptOp("::")) {
      auto c = MakeNode<ast::CastExpr>(loc);
      c->operand = std::move(left);
      c->type = ParseTypeName();
      left = std::move(c);
      continue;
    }
    Next();
    auto s = MakeNode<ast::SubscriptExpr>(loc);
    s->operand = std::move(left);
    if (!PeekOp(":")) s->index = ParseExpr();
    if (AcceptOp(":")) {
      s->slice = true;
      if (!PeekOp("]")) s->upper = ParseExpr();
    }
    ExpectOp("]");
    left = std::move(s);
  }
  depth_ = saved;
  return left;
}

ast::ExprList ParserImpl::ParseExprList() {
  ast::ExprList list;
  do {
    list.push_back(ParseExpr());
  } while (AcceptOp(","));
  return list;
}

ast::ExprList ParserImpl::ParseParenExprList() {
  ExpectOp("(");
  auto list = ParseExprList();
  ExpectOp(")");
  return list;
}

}  // namespace heliosdb::parser
