#include "describe.h"

#include <cctype>
#include <cstdio>

#include "result_printer.h"
#include "shell.h"

namespace heliosdb::shell {
namespace {

constexpr const char* kUserSchemas = "NOT IN ('pg_catalog', 'information_schema')";

std::string Literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

// psql folds an unquoted name to lower case and takes a double-quoted one as written.
std::string FoldName(const std::string& name) {
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    return name.substr(1, name.size() - 2);
  }
  std::string out = name;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A psql pattern (`*`, `?`) as a LIKE pattern.
std::string LikePattern(const std::string& pattern) {
  std::string out;
  for (char c : FoldName(pattern)) {
    if (c == '*') {
      out += '%';
    } else if (c == '?') {
      out += '_';
    } else if (c == '%' || c == '_') {
      out += std::string("\\") + c;
    } else {
      out += c;
    }
  }
  return out;
}

// Splits "schema.name" (either part may be quoted); the schema is empty when not given.
void SplitQualified(const std::string& qualified, std::string* schema, std::string* name) {
  bool quoted = false;
  for (size_t i = 0; i < qualified.size(); ++i) {
    if (qualified[i] == '"') quoted = !quoted;
    if (qualified[i] == '.' && !quoted) {
      *schema = FoldName(qualified.substr(0, i));
      *name = FoldName(qualified.substr(i + 1));
      return;
    }
  }
  schema->clear();
  *name = FoldName(qualified);
}

const char* KindWord(RelationKind kind) {
  switch (kind) {
    case RelationKind::kTable:
      return "tables";
    case RelationKind::kView:
      return "views";
    case RelationKind::kIndex:
      return "indexes";
    case RelationKind::kSequence:
      return "sequences";
    default:
      return "relations";
  }
}

std::string ListQuery(RelationKind kind, const std::string& like) {
  std::string name_filter = like.empty() ? "" : " AND %s LIKE " + Literal(like);
  auto with_filter = [&](const std::string& column) {
    std::string f = name_filter;
    size_t p = f.find("%s");
    if (p != std::string::npos) f.replace(p, 2, column);
    return f;
  };
  if (kind == RelationKind::kIndex) {
    return "SELECT schemaname AS \"Schema\", indexname AS \"Name\", 'index' AS \"Type\", "
           "tablename AS \"Table\" FROM pg_indexes WHERE schemaname " +
           std::string(kUserSchemas) + with_filter("indexname") + " ORDER BY 1, 2";
  }
  if (kind == RelationKind::kSequence) {
    return "SELECT sequence_schema AS \"Schema\", sequence_name AS \"Name\", 'sequence' AS "
           "\"Type\" FROM information_schema.sequences WHERE sequence_schema " +
           std::string(kUserSchemas) + with_filter("sequence_name") + " ORDER BY 1, 2";
  }
  std::string type_filter = kind == RelationKind::kTable  ? " AND table_type = 'BASE TABLE'"
                            : kind == RelationKind::kView ? " AND table_type = 'VIEW'"
                                                          : "";
  return "SELECT table_schema AS \"Schema\", table_name AS \"Name\", CASE table_type "
         "WHEN 'BASE TABLE' THEN 'table' WHEN 'VIEW' THEN 'view' "
         "WHEN 'MATERIALIZED VIEW' THEN 'materialized view' "
         "WHEN 'LOCAL TEMPORARY' THEN 'table' ELSE lower(table_type) END AS \"Type\" "
         "FROM information_schema.tables WHERE table_schema " +
         std::string(kUserSchemas) + type_filter + with_filter("table_name") + " ORDER BY 1, 2";
}

bool Query(Shell* shell, const std::string& sql, QueryResult* out) {
  auto result = shell->connection().Execute(sql);
  if (!result.ok()) {
    shell->ReportError(result.status(), sql);
    return false;
  }
  *out = std::move(result.value());
  return true;
}

// "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)" -> "PRIMARY KEY, btree (id)".
std::string IndexFooter(const std::string& name, const std::string& def) {
  std::string method = def;
  size_t using_at = def.find(" USING ");
  if (using_at != std::string::npos) method = def.substr(using_at + 7);
  bool unique = def.find("UNIQUE") != std::string::npos;
  bool primary = name.size() > 5 && name.compare(name.size() - 5, 5, "_pkey") == 0;
  std::string kind = primary ? "PRIMARY KEY, " : unique ? "UNIQUE, " : "";
  return "    \"" + name + "\" " + kind + method;
}

}  // namespace

bool ListRelations(Shell* shell, RelationKind kind, const std::string& pattern) {
  QueryResult result;
  if (!Query(shell, ListQuery(kind, pattern.empty() ? "" : LikePattern(pattern)), &result)) {
    return false;
  }
  std::fflush(stdout);
  if (result.row_count() == 0) {
    if (pattern.empty()) {
      std::fprintf(stderr, "Did not find any %s.\n", KindWord(kind));
    } else {
      std::fprintf(stderr, "Did not find any relation named \"%s\".\n", pattern.c_str());
    }
    return true;
  }
  TextTable table = ToTextTable(result);
  table.title = "List of relations";
  PrintTable(table, shell->expanded, stdout);
  return true;
}

bool DescribeRelation(Shell* shell, const std::string& qualified) {
  std::string schema, name;
  SplitQualified(qualified, &schema, &name);
  std::string where = "table_name = " + Literal(name) +
                      (schema.empty() ? "" : " AND table_schema = " + Literal(schema));
  QueryResult found;
  if (!Query(shell,
             "SELECT table_schema, table_type FROM information_schema.tables WHERE " + where +
                 " ORDER BY table_schema",
             &found)) {
    return false;
  }
  if (found.row_count() == 0) {
    std::fflush(stdout);
    std::fprintf(stderr, "Did not find any relation named \"%s\".\n", qualified.c_str());
    return false;
  }
  schema = found.GetText(0, 0);
  std::string type = found.GetText(0, 1);
  QueryResult columns;
  if (!Query(shell,
             "SELECT column_name AS \"Column\", data_type AS \"Type\", '' AS \"Collation\", "
             "CASE WHEN is_nullable = 'NO' THEN 'not null' ELSE '' END AS \"Nullable\", "
             "coalesce(column_default, '') AS \"Default\" FROM information_schema.columns "
             "WHERE table_schema = " +
                 Literal(schema) + " AND table_name = " + Literal(name) +
                 " ORDER BY ordinal_position",
             &columns)) {
    return false;
  }
  TextTable table = ToTextTable(columns);
  std::string noun = type == "VIEW"                ? "View"
                     : type == "MATERIALIZED VIEW" ? "Materialized view"
                                                   : "Table";
  table.title = noun + " \"" + schema + "." + name + "\"";
  table.show_row_count = false;
  QueryResult indexes;
  if (Query(shell,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = " + Literal(schema) +
                " AND tablename = " + Literal(name) + " ORDER BY indexname",
            &indexes) &&
      indexes.row_count() > 0) {
    table.footers.push_back("Indexes:");
    for (size_t r = 0; r < indexes.row_count(); ++r) {
      std::string footer = IndexFooter(indexes.GetText(r, 0), indexes.GetText(r, 1));
      // psql lists the primary key first.
      bool primary = footer.find("PRIMARY KEY") != std::string::npos;
      table.footers.insert(primary ? table.footers.begin() + 1 : table.footers.end(), footer);
    }
  }
  PrintTable(table, false, stdout);
  return true;
}

}  // namespace heliosdb::shell
