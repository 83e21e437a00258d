// HeliosDB Nano from C++: open, create a table, insert with a prepared statement and bound
// parameters, query, and read an error's SQLSTATE. Run it in an empty directory.
#include <cstdio>
#include <iostream>
#include <string>

#include "heliosdb/database.h"

namespace {

int Fail(const std::string& what, const heliosdb::Status& status) {
  std::cerr << what << " failed: " << status.message() << " (SQLSTATE " << status.sqlstate()
            << ")\n";
  return 1;
}

}  // namespace

int main() {
  auto db = heliosdb::Database::Open("example.heliosdb");
  if (!db.ok()) return Fail("open", db.status());
  auto conn = db.value()->Connect();

  auto created = conn->Execute(
      "DROP TABLE IF EXISTS users;"
      "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, score float8)");
  if (!created.ok()) return Fail("create table", created.status());

  // Insert three rows through one prepared statement.
  auto insert = conn->Prepare("INSERT INTO users VALUES ($1, $2, $3)");
  if (!insert.ok()) return Fail("prepare insert", insert.status());
  const char* const names[] = {"alice", "bob", "carol"};
  const double scores[] = {91.5, 78.0, 85.25};
  for (int i = 0; i < 3; ++i) {
    auto& stmt = *insert.value();
    stmt.Bind(1, int64_t{i + 1});
    stmt.Bind(2, std::string(names[i]));
    stmt.Bind(3, scores[i]);
    auto done = stmt.Execute();
    if (!done.ok()) return Fail("insert", done.status());
    std::cout << done->command_tag() << "\n";
  }

  // Query with a parameter; values come typed or as PostgreSQL text.
  auto query = conn->Prepare("SELECT id, name, score FROM users WHERE score > $1 ORDER BY id");
  if (!query.ok()) return Fail("prepare query", query.status());
  query.value()->Bind(1, 80.0);
  auto rows = query.value()->Execute();
  if (!rows.ok()) return Fail("query", rows.status());
  const heliosdb::QueryResult& r = rows.value();
  for (size_t c = 0; c < r.column_count(); ++c) {
    std::cout << (c ? ", " : "") << r.column_name(c) << " " << r.column_type_name(c);
  }
  std::cout << "\n";
  for (size_t i = 0; i < r.row_count(); ++i) {
    char score[32];
    std::snprintf(score, sizeof(score), "%.2f", r.GetDouble(i, 2));
    std::cout << "id=" << r.GetInt64(i, 0) << " name=" << r.GetText(i, 1) << " score=" << score
              << "\n";
  }
  std::cout << "(" << r.row_count() << " rows)\n";

  // Errors carry PostgreSQL's SQLSTATE.
  auto dup = conn->Execute("INSERT INTO users VALUES (1, 'again', 0)");
  if (dup.ok()) {
    std::cerr << "a duplicate key was accepted\n";
    return 1;
  }
  std::cout << "expected error: SQLSTATE " << dup.status().sqlstate() << ": "
            << dup.status().message() << "\n";
  return 0;
}
