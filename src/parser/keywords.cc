// PostgreSQL's reserved, type/function-name and column-name keywords (PostgreSQL 16,
// Appendix C). Unreserved keywords are matched by text by the parser and need no entry.
#include <string>
#include <unordered_map>

#include "parser/token.h"

namespace heliosdb::parser {

namespace {

const std::unordered_map<std::string, KeywordCategory>& KeywordTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, KeywordCategory>();
    for (const char* w : {"all",          "analyse",
                          "analyze",      "and",
                          "any",          "array",
                          "as",           "asc",
                          "asymmetric",   "both",
                          "case",         "cast",
                          "check",        "collate",
                          "column",       "constraint",
                          "create",       "current_catalog",
                          "current_date", "current_role",
                          "current_time", "current_timestamp",
                          "current_user", "default",
                          "deferrable",   "desc",
                          "distinct",     "do",
                          "else",         "end",
                          "except",       "false",
                          "fetch",        "for",
                          "foreign",      "from",
                          "grant",        "group",
                          "having",       "in",
                          "initially",    "intersect",
                          "into",         "lateral",
                          "leading",      "limit",
                          "localtime",    "localtimestamp",
                          "not",          "null",
                          "offset",       "on",
                          "only",         "or",
                          "order",        "placing",
                          "primary",      "references",
                          "returning",    "select",
                          "session_user", "some",
                          "symmetric",    "system_user",
                          "table",        "then",
                          "to",           "trailing",
                          "true",         "union",
                          "unique",       "user",
                          "using",        "variadic",
                          "when",         "where",
                          "window",       "with"}) {
      (*t)[w] = KeywordCategory::kReserved;
    }
    for (const char* w :
         {"authorization", "binary", "collation", "concurrently", "cross",   "current_schema",
          "freeze",        "full",   "ilike",     "inner",        "is",      "isnull",
          "join",          "left",   "like",      "natural",      "notnull", "outer",
          "overlaps",      "right",  "similar",   "tablesample",  "verbose"}) {
      (*t)[w] = KeywordCategory::kTypeFunc;
    }
    for (const char* w :
         {"between",   "bigint",    "bit",     "boolean",  "char",     "character", "coalesce",
          "dec",       "decimal",   "exists",  "extract",  "float",    "greatest",  "grouping",
          "inout",     "int",       "integer", "interval", "least",    "national",  "nchar",
          "none",      "normalize", "nullif",  "numeric",  "out",      "overlay",   "position",
          "precision", "real",      "row",     "setof",    "smallint", "substring", "time",
          "timestamp", "treat",     "trim",    "values",   "varchar"}) {
      (*t)[w] = KeywordCategory::kColName;
    }
    return t;
  }();
  return *table;
}

}  // namespace

KeywordCategory LookupKeyword(const std::string& lower_word) {
  const auto& table = KeywordTable();
  auto it = table.find(lower_word);
  return it == table.end() ? KeywordCategory::kNone : it->second;
}

}  // namespace heliosdb::parser
