// FROM items: tables (with the HeliosDB time-travel clauses AS OF / VERSIONS BETWEEN),
// subqueries, table functions, LATERAL, joins and parenthesized joins, aliases.
#include "parser/parser_impl.h"

namespace heliosdb::parser {

std::vector<ast::TableRefPtr> ParserImpl::ParseFromList() {
  std::vector<ast::TableRefPtr> from;
  do {
    from.push_back(ParseTableRef());
  } while (AcceptOp(","));
  return from;
}

ast::TableRefPtr ParserImpl::ParseTableRef() {
  auto left = ParseTablePrimary();
  int saved = depth_;
  while (true) {
    bool natural = AcceptKw("natural");
    ast::JoinRef::Type type = ast::JoinRef::Type::kInner;
    if (AcceptKw("cross")) {
      if (natural) SyntaxError(Prev());
      type = ast::JoinRef::Type::kCross;
    } else if (AcceptKw("inner")) {
      type = ast::JoinRef::Type::kInner;
    } else if (PeekKw("left") || PeekKw("right") || PeekKw("full")) {
      const std::string& w = Next().text;
      type = w == "left"    ? ast::JoinRef::Type::kLeft
             : w == "right" ? ast::JoinRef::Type::kRight
                            : ast::JoinRef::Type::kFull;
      AcceptKw("outer");
    } else if (!PeekKw("join")) {
      if (natural) SyntaxErrorHere();
      break;
    }
    ExpectKw("join");
    EnterDepth();
    auto join = MakeNode<ast::JoinRef>(left->location);
    join->type = type;
    join->natural = natural;
    join->left = std::move(left);
    join->right = ParseTablePrimary();
    if (!natural && type != ast::JoinRef::Type::kCross) {
      if (AcceptKw("on")) {
        join->on = ParseExpr();
      } else if (AcceptKw("using")) {
        join->using_columns = ParseParenNameList();
      } else {
        SyntaxErrorHere();
      }
    }
    left = std::move(join);
  }
  depth_ = saved;
  return left;
}

ast::TableRefPtr ParserImpl::ParseTablePrimary() {
  DepthGuard guard(this);
  int loc = Loc();
  bool lateral = AcceptKw("lateral");
  if (PeekOp("(")) {
    if (IsQueryInParens(static_cast<int>(pos_))) {
      auto ref = MakeNode<ast::SubqueryRef>(loc);
      Next();
      ref->query = ParseQuery();
      ExpectOp(")");
      ref->lateral = lateral;
      ParseTableAlias(ref.get(), true);
      return ref;
    }
    if (lateral) SyntaxErrorHere();
    Next();
    auto inner = ParseTableRef();
    ExpectOp(")");
    if (inner->kind == ast::TableRefKind::kJoin) ParseTableAlias(inner.get(), true);
    return inner;
  }
  bool only = AcceptKw("only");
  int name_loc = Loc();
  size_t name_index = pos_;
  auto names = ParseQualifiedName();
  if (PeekOp("(") && !only) {
    auto ref = MakeNode<ast::FunctionRef>(loc);
    ref->call = ParseFunctionCall(std::move(names), name_loc);
    ref->lateral = lateral;
    if (PeekKw("with") && PeekKw("ordinality", 1)) {
      Next();
      Next();
      ref->with_ordinality = true;
    }
    ParseTableAlias(ref.get(), true);
    return ref;
  }
  if (lateral) SyntaxError(tokens_[name_index]);
  auto ref = MakeNode<ast::BaseTableRef>(loc);
  ref->name = std::move(names);
  ref->only = only;
  ParseTimeTravel(ref.get());
  ParseTableAlias(ref.get(), true);
  if (!ref->as_of) ParseTimeTravel(ref.get());
  return ref;
}

void ParserImpl::ParseTableAlias(ast::TableRef* ref, bool allow_columns) {
  if (PeekAsOf()) return;
  if (AcceptKw("as")) {
    ref->alias = ParseColId();
  } else if (IsColIdToken(Peek()) && !(PeekKw("versions") && PeekKw("between", 1))) {
    ref->alias = Next().text;
  } else {
    return;
  }
  if (allow_columns && PeekOp("(")) ref->column_aliases = ParseParenNameList();
}

bool ParserImpl::PeekAsOf() const {
  return PeekKw("as") && PeekKw("of", 1) &&
         (PeekKw("now", 2) || PeekKw("timestamp", 2) || PeekKw("scn", 2) ||
          PeekKw("transaction", 2));
}

std::unique_ptr<ast::AsOfClause> ParserImpl::ParseAsOfValue() {
  auto as_of = std::make_unique<ast::AsOfClause>();
  if (AcceptKw("now")) {
    as_of->type = ast::AsOfClause::Type::kNow;
    if (PeekOp("(") && PeekOp(")", 1)) {
      Next();
      Next();
    }
  } else if (AcceptKw("timestamp")) {
    as_of->type = ast::AsOfClause::Type::kTimestamp;
    as_of->value = ParseOtherOp();
  } else if (AcceptKw("scn") || AcceptKw("transaction")) {
    as_of->type = ast::AsOfClause::Type::kScn;
    as_of->value = ParseOtherOp();
  } else {
    SyntaxErrorHere();
  }
  return as_of;
}

void ParserImpl::ParseTimeTravel(ast::BaseTableRef* ref) {
  if (PeekAsOf()) {
    Next();
    Next();
    ref->as_of = ParseAsOfValue();
  } else if (PeekKw("versions") && PeekKw("between", 1)) {
    Next();
    Next();
    auto as_of = std::make_unique<ast::AsOfClause>();
    as_of->versions_between = true;
    if (AcceptKw("timestamp")) {
      as_of->type = ast::AsOfClause::Type::kTimestamp;
    } else if (AcceptKw("scn") || AcceptKw("transaction")) {
      as_of->type = ast::AsOfClause::Type::kScn;
    } else {
      SyntaxErrorHere();
    }
    as_of->value = ParseOtherOp();
    ExpectKw("and");
    as_of->upper = ParseOtherOp();
    ref->as_of = std::move(as_of);
  }
}

}  // namespace heliosdb::parser
