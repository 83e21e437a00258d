// Function calls (DISTINCT, *, VARIADIC, ORDER BY, WITHIN GROUP, FILTER, OVER), window
// specifications, ORDER BY lists and the SQL-standard special forms, normalized to calls as
// PostgreSQL does (EXTRACT -> date_part, POSITION -> position, TRIM -> btrim/ltrim/rtrim).
#include "parser/parser_impl.h"

namespace heliosdb::parser {

ast::ExprPtr ParserImpl::ParseSpecialFunction(bool* handled) {
  const std::string w = Peek().text;
  if (w != "extract" && w != "substring" && w != "position" && w != "trim" && w != "overlay") {
    *handled = false;
    return nullptr;
  }
  *handled = true;
  auto f = MakeNode<ast::FunctionExpr>(Next().location);
  f->name = {w};
  ExpectOp("(");
  if (w == "extract") {
    f->name = {"date_part"};
    const Token& field = Peek();
    if (field.type != TokenType::kString && field.type != TokenType::kIdent) SyntaxErrorHere();
    f->args.push_back(MakeStringConstant(field.text, field.location));
    Next();
    ExpectKw("from");
    f->args.push_back(ParseExpr());
  } else if (w == "position") {
    auto needle = ParseOtherOp();
    ExpectKw("in");
    f->args.push_back(ParseOtherOp());
    f->args.push_back(std::move(needle));
  } else if (w == "substring") {
    f->args.push_back(ParseExpr());
    if (AcceptKw("from")) {
      f->args.push_back(ParseExpr());
      if (AcceptKw("for")) f->args.push_back(ParseExpr());
    } else if (AcceptKw("for")) {
      auto length = ParseExpr();
      f->args.push_back(AcceptKw("from") ? ParseExpr() : MakeIntegerConstant("1", Loc()));
      f->args.push_back(std::move(length));
    } else if (AcceptKw("similar")) {
      f->args.push_back(ParseExpr());
      ExpectKw("escape");
      f->args.push_back(ParseExpr());
    } else {
      while (AcceptOp(",")) f->args.push_back(ParseExpr());
    }
  } else if (w == "trim") {
    f->name = {"btrim"};
    if (AcceptKw("leading")) {
      f->name = {"ltrim"};
    } else if (AcceptKw("trailing")) {
      f->name = {"rtrim"};
    } else {
      AcceptKw("both");
    }
    if (AcceptKw("from")) {
      f->args = ParseExprList();
    } else {
      auto first = ParseExpr();
      if (AcceptKw("from")) {  // TRIM(chars FROM string) -> btrim(string, chars)
        f->args = ParseExprList();
        f->args.push_back(std::move(first));
      } else {
        f->args.push_back(std::move(first));
        while (AcceptOp(",")) f->args.push_back(ParseExpr());
      }
    }
  } else {  // overlay
    f->args.push_back(ParseExpr());
    if (AcceptKw("placing")) {
      f->args.push_back(ParseExpr());
      ExpectKw("from");
      f->args.push_back(ParseExpr());
      if (AcceptKw("for")) f->args.push_back(ParseExpr());
    } else {
      while (AcceptOp(",")) f->args.push_back(ParseExpr());
    }
  }
  ExpectOp(")");
  return f;
}

std::unique_ptr<ast::FunctionExpr> ParserImpl::ParseFunctionCall(std::vector<std::string> name,
                                                                 int loc) {
  auto f = MakeNode<ast::FunctionExpr>(loc);
  f->name = std::move(name);
  ExpectOp("(");
  if (PeekOp("*") && PeekOp(")", 1)) {
    Next();
    f->star = true;
  } else if (!PeekOp(")")) {
    if (AcceptKw("distinct")) {
      f->distinct = true;
    } else {
      AcceptKw("all");
    }
    do {
      if (AcceptKw("variadic")) f->variadic = true;
      if (PeekIdent() && (PeekOp("=>", 1) || PeekOp(":=", 1))) {
        ThrowError(sqlstate::kFeatureNotSupported, "named function arguments are not supported",
                   Loc());
      }
      f->args.push_back(ParseExpr());
    } while (AcceptOp(","));
    if (PeekKw("order") && PeekKw("by", 1)) {
      Next();
      Next();
      f->order_by = ParseOrderByList();
    }
  }
  ExpectOp(")");
  if (PeekKw("within") && PeekKw("group", 1)) {
    Next();
    Next();
    ExpectOp("(");
    ExpectKw("order");
    ExpectKw("by");
    f->order_by = ParseOrderByList();
    f->within_group = true;
    ExpectOp(")");
  }
  if (PeekKw("filter") && PeekOp("(", 1)) {
    Next();
    Next();
    ExpectKw("where");
    f->filter = ParseExpr();
    ExpectOp(")");
  }
  if (PeekKw("over") && (PeekOp("(", 1) || IsColIdToken(Peek(1)))) {
    Next();
    if (PeekOp("(")) {
      f->over = ParseWindowSpec();
    } else {
      f->over = MakeNode<ast::WindowSpec>(Loc());
      f->over->name = ParseColId();
      f->over->start.type = ast::FrameBound::Type::kUnboundedPreceding;
    }
  }
  return f;
}

namespace {
// The bound combinations PostgreSQL's grammar rejects: a frame may not start after its end
// could be.
void CheckFrameBounds(const ast::WindowSpec& w, bool between, int start_location,
                      int end_location) {
  using T = ast::FrameBound::Type;
  auto fail = [](const char* message, int location) { ThrowError(sqlstate::kWindowingError, message, location); };
  T start = w.start.type, end = w.end.type;
  if (start == T::kUnboundedFollowing)
    fail("frame start cannot be UNBOUNDED FOLLOWING", start_location);
  if (!between) {
    if (start == T::kFollowing)
      fail("frame starting from following row cannot end with current row", start_location);
    return;
  }
  if (end == T::kUnboundedPreceding) fail("frame end cannot be UNBOUNDED PRECEDING", end_location);
  if (start == T::kCurrentRow && end == T::kPreceding)
    fail("frame starting from current row cannot have preceding rows", end_location);
  if (start == T::kFollowing && (end == T::kPreceding || end == T::kCurrentRow))
    fail("frame starting from following row cannot have preceding rows", end_location);
}
}  // namespace

std::unique_ptr<ast::WindowSpec> ParserImpl::ParseWindowSpec() {
  auto w = MakeNode<ast::WindowSpec>(Loc());
  ExpectOp("(");
  if (IsColIdToken(Peek()) && !PeekKw("partition") && !PeekKw("order") && !PeekKw("rows") &&
      !PeekKw("range") && !PeekKw("groups")) {
    w->ref_name = ParseColId();
  }
  if (AcceptKw("partition")) {
    ExpectKw("by");
    w->partition_by = ParseExprList();
  }
  if (AcceptKw("order")) {
    ExpectKw("by");
    w->order_by = ParseOrderByList();
  }
  w->start.type = ast::FrameBound::Type::kUnboundedPreceding;
  if (PeekKw("rows") || PeekKw("range") || PeekKw("groups")) {
    w->has_frame = true;
    const std::string& mode = Next().text;
    w->mode = mode == "rows"    ? ast::WindowSpec::Mode::kRows
              : mode == "range" ? ast::WindowSpec::Mode::kRange
                                : ast::WindowSpec::Mode::kGroups;
    bool between = AcceptKw("between");
    int start_location = Loc(), end_location = start_location;
    w->start = ParseFrameBound();
    if (between) {
      ExpectKw("and");
      end_location = Loc();
      w->end = ParseFrameBound();
    }
    CheckFrameBounds(*w, between, start_location, end_location);
    if (AcceptKw("exclude")) {
      if (AcceptKw("current")) {
        ExpectKw("row");
        w->exclude = ast::WindowSpec::Exclude::kCurrentRow;
      } else if (AcceptKw("group")) {
        w->exclude = ast::WindowSpec::Exclude::kGroup;
      } else if (AcceptKw("ties")) {
        w->exclude = ast::WindowSpec::Exclude::kTies;
      } else {
        ExpectKw("no");
        ExpectKw("others");
      }
    }
  }
  ExpectOp(")");
  return w;
}

ast::FrameBound ParserImpl::ParseFrameBound() {
  ast::FrameBound bound;
  if (AcceptKw("unbounded")) {
    if (AcceptKw("preceding")) {
      bound.type = ast::FrameBound::Type::kUnboundedPreceding;
    } else {
      ExpectKw("following");
      bound.type = ast::FrameBound::Type::kUnboundedFollowing;
    }
  } else if (PeekKw("current") && PeekKw("row", 1)) {
    Next();
    Next();
    bound.type = ast::FrameBound::Type::kCurrentRow;
  } else {
    bound.offset = ParseExpr();
    if (AcceptKw("preceding")) {
      bound.type = ast::FrameBound::Type::kPreceding;
    } else {
      ExpectKw("following");
      bound.type = ast::FrameBound::Type::kFollowing;
    }
  }
  return bound;
}

std::vector<ast::OrderByItem> ParserImpl::ParseOrderByList() {
  std::vector<ast::OrderByItem> items;
  do {
    ast::OrderByItem item;
    item.location = Loc();
    item.expr = ParseExpr();
    if (AcceptKw("desc")) {
      item.descending = true;
    } else if (AcceptKw("using")) {
      if (PeekOp(">")) {
        item.descending = true;
      } else if (!PeekOp("<")) {
        ThrowError(sqlstate::kFeatureNotSupported, "ORDER BY USING supports only < and >", Loc());
      }
      Next();
    } else {
      AcceptKw("asc");
    }
    if (AcceptKw("nulls")) {
      if (AcceptKw("first")) {
        item.nulls_first = true;
      } else {
        ExpectKw("last");
        item.nulls_first = false;
      }
    }
    items.push_back(std::move(item));
  } while (AcceptOp(","));
  return items;
}

}  // namespace heliosdb::parser
