#include "parser/ast_printer.h"

#include "parser/token.h"

namespace heliosdb {

namespace {

using ast::ExprKind;

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string QualifiedName(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ".") + QuoteIdentifier(n);
  return out;
}

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string ExprList(const ast::ExprList& list) {
  std::string out;
  for (const auto& e : list) out += (out.empty() ? "" : ", ") + ExprToString(*e);
  return out;
}


std::string FrameBoundToString(const ast::FrameBound& b) {
  using T = ast::FrameBound::Type;
  switch (b.type) {
    case T::kUnboundedPreceding:
      return "UNBOUNDED PRECEDING";
    case T::kPreceding:
      return ExprToString(*b.offset) + " PRECEDING";
    case T::kCurrentRow:
      return "CURRENT ROW";
    case T::kFollowing:
      return ExprToString(*b.offset) + " FOLLOWING";
    case T::kUnboundedFollowing:
      return "UNBOUNDED FOLLOWING";
  }
  return "";
}

}  // namespace

std::string OrderByToString(const std::vector<ast::OrderByItem>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + ExprToString(*item.expr);
    if (item.descending) out += " DESC";
    if (item.nulls_first.has_value()) out += *item.nulls_first ? " NULLS FIRST" : " NULLS LAST";
  }
  return out;
}

std::string WindowSpecToString(const ast::WindowSpec& w) {
  std::vector<std::string> parts;
  if (!w.ref_name.empty()) parts.push_back(QuoteIdentifier(w.ref_name));
  if (!w.partition_by.empty()) parts.push_back("PARTITION BY " + ExprList(w.partition_by));
  if (!w.order_by.empty()) parts.push_back("ORDER BY " + OrderByToString(w.order_by));
  if (w.has_frame) {
    const char* mode = w.mode == ast::WindowSpec::Mode::kRows    ? "ROWS"
                       : w.mode == ast::WindowSpec::Mode::kRange ? "RANGE"
                                                                 : "GROUPS";
    std::string frame = std::string(mode) + " BETWEEN " + FrameBoundToString(w.start) + " AND " +
                        FrameBoundToString(w.end);
    switch (w.exclude) {
      case ast::WindowSpec::Exclude::kNoOthers:
        break;
      case ast::WindowSpec::Exclude::kCurrentRow:
        frame += " EXCLUDE CURRENT ROW";
        break;
      case ast::WindowSpec::Exclude::kGroup:
        frame += " EXCLUDE GROUP";
        break;
      case ast::WindowSpec::Exclude::kTies:
        frame += " EXCLUDE TIES";
        break;
    }
    parts.push_back(frame);
  }
  return "(" + Join(parts, " ") + ")";
}

namespace {

std::string FunctionToString(const ast::FunctionExpr& f) {
  std::string name = QualifiedName(f.name);
  if (f.no_parens) {
    std::string upper;
    for (char c : f.name.back()) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    return f.args.empty() ? upper : upper + "(" + ExprList(f.args) + ")";
  }
  std::string out = name + "(";
  if (f.star) out += "*";
  if (f.distinct) out += "DISTINCT ";
  for (size_t i = 0; i < f.args.size(); ++i) {
    if (i > 0) out += ", ";
    if (f.variadic && i + 1 == f.args.size()) out += "VARIADIC ";
    out += ExprToString(*f.args[i]);
  }
  if (!f.order_by.empty() && !f.within_group) out += " ORDER BY " + OrderByToString(f.order_by);
  out += ")";
  if (f.within_group) out += " WITHIN GROUP (ORDER BY " + OrderByToString(f.order_by) + ")";
  if (f.filter) out += " FILTER (WHERE " + ExprToString(*f.filter) + ")";
  if (f.over) {
    out += " OVER ";
    out += f.over->name.empty() ? WindowSpecToString(*f.over) : QuoteIdentifier(f.over->name);
  }
  return out;
}

std::string ConstantToString(const ast::ConstantExpr& c) {
  using T = ast::ConstantExpr::Type;
  switch (c.type) {
    case T::kNull:
      return "NULL";
    case T::kTrue:
      return "true";
    case T::kFalse:
      return "false";
    case T::kInteger:
    case T::kNumeric:
      return c.text[0] == '-' ? "(" + c.text + ")" : c.text;
    case T::kString:
      return QuoteString(c.text);
    case T::kBitString:
      return "B'" + c.text + "'";
  }
  return "";
}

std::string SubqueryToString(const ast::SubqueryExpr& s) {
  std::string query = "(" + SelectToString(*s.query) + ")";
  using T = ast::SubqueryExpr::Type;
  switch (s.type) {
    case T::kScalar:
      return query;
    case T::kExists:
      return std::string(s.negated ? "(NOT " : "") + "EXISTS " + query + (s.negated ? ")" : "");
    case T::kIn:
      return "(" + ExprToString(*s.operand) + (s.negated ? " NOT IN " : " IN ") + query + ")";
    case T::kAny:
    case T::kAll:
      return "(" + ExprToString(*s.operand) + " " + s.op + (s.type == T::kAny ? " ANY " : " ALL ") +
             query + ")";
  }
  return "";
}

std::string CaseToString(const ast::CaseExpr& c) {
  std::string out = "CASE";
  if (c.operand) out += " " + ExprToString(*c.operand);
  for (const auto& [when, then] : c.whens) {
    out += " WHEN " + ExprToString(*when) + " THEN " + ExprToString(*then);
  }
  if (c.else_expr) out += " ELSE " + ExprToString(*c.else_expr);
  return out + " END";
}

std::string PredicateToString(const ast::Expr& e) {
  switch (e.kind) {
    case ExprKind::kBetween: {
      const auto& b = e.As<ast::BetweenExpr>();
      return "(" + ExprToString(*b.operand) + (b.negated ? " NOT" : "") + " BETWEEN " +
             (b.symmetric ? "SYMMETRIC " : "") + ExprToString(*b.low) + " AND " +
             ExprToString(*b.high) + ")";
    }
    case ExprKind::kInList: {
      const auto& in = e.As<ast::InListExpr>();
      return "(" + ExprToString(*in.operand) + (in.negated ? " NOT IN (" : " IN (") +
             ExprList(in.list) + "))";
    }
    case ExprKind::kLike: {
      const auto& l = e.As<ast::LikeExpr>();
      std::string op = l.similar ? "SIMILAR TO" : l.case_insensitive ? "ILIKE" : "LIKE";
      std::string out = "(" + ExprToString(*l.operand) + (l.negated ? " NOT " : " ") + op + " " +
                        ExprToString(*l.pattern);
      if (l.escape) out += " ESCAPE " + ExprToString(*l.escape);
      return out + ")";
    }
    case ExprKind::kIsNull: {
      const auto& n = e.As<ast::IsNullExpr>();
      return "(" + ExprToString(*n.operand) + (n.negated ? " IS NOT NULL)" : " IS NULL)");
    }
    case ExprKind::kIsBool: {
      const auto& b = e.As<ast::IsBoolExpr>();
      const char* test = b.test == ast::IsBoolExpr::Test::kTrue    ? "TRUE"
                         : b.test == ast::IsBoolExpr::Test::kFalse ? "FALSE"
                                                                   : "UNKNOWN";
      return "(" + ExprToString(*b.operand) + (b.negated ? " IS NOT " : " IS ") + test + ")";
    }
    default:
      return "";
  }
}

}  // namespace

std::string QuoteIdentifier(const std::string& name) {
  bool plain = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
  }
  auto category = parser::LookupKeyword(name);
  if (plain && (category == parser::KeywordCategory::kNone ||
                category == parser::KeywordCategory::kColName)) {
    return name;
  }
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string TypeNameToString(const ast::TypeName& type) {
  std::string out = type.name;
  if (!type.modifiers.empty()) {
    std::string mods = "(";
    for (size_t i = 0; i < type.modifiers.size(); ++i) {
      mods += (i ? "," : "") + std::to_string(type.modifiers[i]);
    }
    mods += ")";
    size_t space = out.find(" with");
    if (out.rfind("time", 0) == 0 && space != std::string::npos) {
      out.insert(space, mods);  // timestamp(3) with time zone
    } else {
      out += mods;
    }
  }
  if (!type.interval_fields.empty()) out += " " + type.interval_fields;
  for (int i = 0; i < type.array_dims; ++i) out += "[]";
  return out;
}

std::string ExprToString(const ast::Expr& e) {
  switch (e.kind) {
    case ExprKind::kConstant:
      return ConstantToString(e.As<ast::ConstantExpr>());
    case ExprKind::kColumnRef:
      return QualifiedName(e.As<ast::ColumnRefExpr>().names);
    case ExprKind::kStar: {
      const auto& s = e.As<ast::StarExpr>();
      return s.qualifier.empty() ? "*" : QualifiedName(s.qualifier) + ".*";
    }
    case ExprKind::kParam:
      return "$" + std::to_string(e.As<ast::ParamExpr>().index);
    case ExprKind::kUnary: {
      const auto& u = e.As<ast::UnaryExpr>();
      return "(" + u.op + " " + ExprToString(*u.operand) + ")";
    }
    case ExprKind::kBinary: {
      const auto& b = e.As<ast::BinaryExpr>();
      return "(" + ExprToString(*b.left) + " " + b.op + " " + ExprToString(*b.right) + ")";
    }
    case ExprKind::kFunction:
      return FunctionToString(e.As<ast::FunctionExpr>());
    case ExprKind::kCast: {
      const auto& c = e.As<ast::CastExpr>();
      return ExprToString(*c.operand) + "::" + TypeNameToString(c.type);
    }
    case ExprKind::kCase:
      return CaseToString(e.As<ast::CaseExpr>());
    case ExprKind::kIsNull:
    case ExprKind::kIsBool:
    case ExprKind::kBetween:
    case ExprKind::kInList:
    case ExprKind::kLike:
      return PredicateToString(e);
    case ExprKind::kSubquery:
      return SubqueryToString(e.As<ast::SubqueryExpr>());
    case ExprKind::kAnyAll: {
      const auto& a = e.As<ast::AnyAllExpr>();
      return "(" + ExprToString(*a.left) + " " + a.op + (a.all ? " ALL (" : " ANY (") +
             ExprToString(*a.right) + "))";
    }
    case ExprKind::kArray: {
      const auto& a = e.As<ast::ArrayExpr>();
      if (a.query) return "ARRAY(" + SelectToString(*a.query) + ")";
      return "ARRAY[" + ExprList(a.elements) + "]";
    }
    case ExprKind::kRow:
      return "ROW(" + ExprList(e.As<ast::RowExpr>().fields) + ")";
    case ExprKind::kSubscript: {
      const auto& s = e.As<ast::SubscriptExpr>();
      std::string out = ExprToString(*s.operand) + "[";
      if (s.index) out += ExprToString(*s.index);
      if (s.slice) out += ":";
      if (s.upper) out += ExprToString(*s.upper);
      return out + "]";
    }
    case ExprKind::kCollate: {
      const auto& c = e.As<ast::CollateExpr>();
      return "(" + ExprToString(*c.operand) + " COLLATE " + QuoteIdentifier(c.collation) + ")";
    }
    case ExprKind::kDefault:
      return "DEFAULT";
  }
  return "?";
}

}  // namespace heliosdb
