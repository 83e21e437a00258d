// Deparsing of FROM items, queries and DML statements (see ast_printer.h).
#include "parser/ast_printer.h"

namespace heliosdb {

namespace {

std::string Names(const std::vector<std::string>& names, const char* sep) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : sep) + QuoteIdentifier(n);
  return out;
}

std::string Exprs(const ast::ExprList& list) {
  std::string out;
  for (const auto& e : list) out += (out.empty() ? "" : ", ") + ExprToString(*e);
  return out;
}

std::string Targets(const std::vector<ast::SelectItem>& items) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + ExprToString(*item.expr);
    if (!item.alias.empty()) out += " AS " + QuoteIdentifier(item.alias);
  }
  return out;
}

std::string Alias(const ast::TableRef& ref) {
  if (ref.alias.empty()) return "";
  std::string out = " " + QuoteIdentifier(ref.alias);
  if (!ref.column_aliases.empty()) out += "(" + Names(ref.column_aliases, ", ") + ")";
  return out;
}

std::string AsOf(const ast::AsOfClause& a) {
  const char* kind = a.type == ast::AsOfClause::Type::kTimestamp ? "TIMESTAMP " : "SCN ";
  if (a.versions_between) {
    return std::string(" VERSIONS BETWEEN ") + kind + ExprToString(*a.value) + " AND " +
           ExprToString(*a.upper);
  }
  if (a.type == ast::AsOfClause::Type::kNow) return " AS OF NOW";
  return std::string(" AS OF ") + kind + ExprToString(*a.value);
}

std::string Grouping(const ast::GroupingElement& g) {
  using T = ast::GroupingElement::Type;
  switch (g.type) {
    case T::kExpr:
      return ExprToString(*g.expr);
    case T::kEmpty:
      return "()";
    case T::kRollup:
      return "ROLLUP(" + Exprs(g.exprs) + ")";
    case T::kCube:
      return "CUBE(" + Exprs(g.exprs) + ")";
    case T::kSets: {
      std::string out;
      for (const auto& s : g.sets) out += (out.empty() ? "" : ", ") + Grouping(s);
      return "GROUPING SETS (" + out + ")";
    }
  }
  return "";
}

std::string SetClauses(const std::vector<ast::OnConflictClause::SetClause>& set) {
  std::string out;
  for (const auto& c : set) {
    out += out.empty() ? "" : ", ";
    out +=
        c.columns.size() == 1 ? QuoteIdentifier(c.columns[0]) : "(" + Names(c.columns, ", ") + ")";
    out += " = " + ExprToString(*c.value);
  }
  return out;
}

bool NeedsParens(const ast::SelectStmt& s) {
  return s.set_op != ast::SelectStmt::SetOp::kNone || !s.order_by.empty() || s.limit || s.offset ||
         s.with;
}

std::string SelectBody(const ast::SelectStmt& s) {
  if (s.set_op != ast::SelectStmt::SetOp::kNone) {
    const char* op = s.set_op == ast::SelectStmt::SetOp::kUnion       ? " UNION "
                     : s.set_op == ast::SelectStmt::SetOp::kIntersect ? " INTERSECT "
                                                                      : " EXCEPT ";
    auto side = [](const ast::SelectStmt& q) {
      return NeedsParens(q) ? "(" + SelectToString(q) + ")" : SelectToString(q);
    };
    return side(*s.left) + op + (s.set_all ? "ALL " : "") + side(*s.right);
  }
  if (!s.values.empty()) {
    std::string out = "VALUES ";
    for (size_t i = 0; i < s.values.size(); ++i) {
      out += (i ? ", (" : "(") + Exprs(s.values[i]) + ")";
    }
    return out;
  }
  std::string out = "SELECT";
  if (s.distinct)
    out += s.distinct_on.empty() ? " DISTINCT" : " DISTINCT ON (" + Exprs(s.distinct_on) + ")";
  if (!s.targets.empty()) out += " " + Targets(s.targets);
  if (!s.from.empty()) {
    out += " FROM ";
    for (size_t i = 0; i < s.from.size(); ++i)
      out += (i ? ", " : "") + TableRefToString(*s.from[i]);
  }
  if (s.where) out += " WHERE " + ExprToString(*s.where);
  if (s.group_by_all) out += " GROUP BY ALL";
  if (!s.group_by.empty()) {
    out += " GROUP BY ";
    for (size_t i = 0; i < s.group_by.size(); ++i) out += (i ? ", " : "") + Grouping(s.group_by[i]);
  }
  if (s.having) out += " HAVING " + ExprToString(*s.having);
  return out;
}

}  // namespace

std::string TableRefToString(const ast::TableRef& ref) {
  switch (ref.kind) {
    case ast::TableRefKind::kBaseTable: {
      const auto& t = ref.As<ast::BaseTableRef>();
      std::string out = (t.only ? "ONLY " : "") + Names(t.name, ".");
      if (t.as_of) out += AsOf(*t.as_of);
      return out + Alias(ref);
    }
    case ast::TableRefKind::kSubquery: {
      const auto& s = ref.As<ast::SubqueryRef>();
      return (s.lateral ? "LATERAL (" : "(") + SelectToString(*s.query) + ")" + Alias(ref);
    }
    case ast::TableRefKind::kFunction: {
      const auto& f = ref.As<ast::FunctionRef>();
      return (f.lateral ? "LATERAL " : "") + ExprToString(*f.call) +
             (f.with_ordinality ? " WITH ORDINALITY" : "") + Alias(ref);
    }
    case ast::TableRefKind::kJoin: {
      const auto& j = ref.As<ast::JoinRef>();
      const char* type = j.type == ast::JoinRef::Type::kInner   ? " JOIN "
                         : j.type == ast::JoinRef::Type::kLeft  ? " LEFT JOIN "
                         : j.type == ast::JoinRef::Type::kRight ? " RIGHT JOIN "
                         : j.type == ast::JoinRef::Type::kFull  ? " FULL JOIN "
                                                                : " CROSS JOIN ";
      std::string out = "(" + TableRefToString(*j.left) + (j.natural ? " NATURAL" : "") + type +
                        TableRefToString(*j.right);
      if (j.on) out += " ON " + ExprToString(*j.on);
      if (!j.using_columns.empty()) out += " USING (" + Names(j.using_columns, ", ") + ")";
      return out + ")" + Alias(ref);
    }
  }
  return "?";
}

std::string SelectToString(const ast::SelectStmt& s) {
  std::string out;
  if (s.with) {
    out += s.with->recursive ? "WITH RECURSIVE " : "WITH ";
    for (size_t i = 0; i < s.with->ctes.size(); ++i) {
      const auto& cte = s.with->ctes[i];
      out += (i ? ", " : "") + QuoteIdentifier(cte.name);
      if (!cte.column_names.empty()) out += "(" + Names(cte.column_names, ", ") + ")";
      out += " AS ";
      if (cte.materialized.has_value())
        out += *cte.materialized ? "MATERIALIZED " : "NOT MATERIALIZED ";
      out += "(" + SelectToString(*cte.query) + ")";
    }
    out += " ";
  }
  out += SelectBody(s);
  if (!s.windows.empty()) {
    out += " WINDOW ";
    for (size_t i = 0; i < s.windows.size(); ++i) {
      const auto& w = *s.windows[i];
      out += (i ? ", " : "") + QuoteIdentifier(w.name) + " AS " + WindowSpecToString(w);
    }
  }
  if (!s.order_by.empty()) out += " ORDER BY " + OrderByToString(s.order_by);
  if (s.limit) out += " LIMIT " + ExprToString(*s.limit);
  if (s.offset) out += " OFFSET " + ExprToString(*s.offset);
  if (s.for_update) out += " FOR UPDATE";
  return out;
}

std::string StatementToString(const ast::Statement& stmt) {
  switch (stmt.kind) {
    case ast::StmtKind::kSelect:
      return SelectToString(stmt.As<ast::SelectStmt>());
    case ast::StmtKind::kInsert: {
      const auto& s = stmt.As<ast::InsertStmt>();
      std::string out = "INSERT INTO " + Names(s.table, ".");
      if (!s.alias.empty()) out += " AS " + QuoteIdentifier(s.alias);
      if (!s.columns.empty()) out += " (" + Names(s.columns, ", ") + ")";
      out += s.source ? " " + SelectToString(*s.source) : " DEFAULT VALUES";
      if (s.on_conflict) {
        const auto& oc = *s.on_conflict;
        out += " ON CONFLICT";
        if (!oc.target_columns.empty()) out += " (" + Names(oc.target_columns, ", ") + ")";
        if (!oc.constraint_name.empty())
          out += " ON CONSTRAINT " + QuoteIdentifier(oc.constraint_name);
        if (oc.target_where) out += " WHERE " + ExprToString(*oc.target_where);
        out += oc.do_update ? " DO UPDATE SET " + SetClauses(oc.set) : " DO NOTHING";
        if (oc.where) out += " WHERE " + ExprToString(*oc.where);
      }
      if (!s.returning.empty()) out += " RETURNING " + Targets(s.returning);
      return out;
    }
    case ast::StmtKind::kUpdate: {
      const auto& s = stmt.As<ast::UpdateStmt>();
      std::string out = "UPDATE " + Names(s.table, ".");
      if (!s.alias.empty()) out += " AS " + QuoteIdentifier(s.alias);
      out += " SET " + SetClauses(s.set);
      if (!s.from.empty()) {
        out += " FROM ";
        for (size_t i = 0; i < s.from.size(); ++i)
          out += (i ? ", " : "") + TableRefToString(*s.from[i]);
      }
      if (s.where) out += " WHERE " + ExprToString(*s.where);
      if (!s.returning.empty()) out += " RETURNING " + Targets(s.returning);
      return out;
    }
    case ast::StmtKind::kDelete: {
      const auto& s = stmt.As<ast::DeleteStmt>();
      std::string out = "DELETE FROM " + Names(s.table, ".");
      if (!s.alias.empty()) out += " AS " + QuoteIdentifier(s.alias);
      if (!s.using_tables.empty()) {
        out += " USING ";
        for (size_t i = 0; i < s.using_tables.size(); ++i) {
          out += (i ? ", " : "") + TableRefToString(*s.using_tables[i]);
        }
      }
      if (s.where) out += " WHERE " + ExprToString(*s.where);
      if (!s.returning.empty()) out += " RETURNING " + Targets(s.returning);
      return out;
    }
    default:
      return "<statement kind " + std::to_string(static_cast<int>(stmt.kind)) + ">";
  }
}

}  // namespace heliosdb
