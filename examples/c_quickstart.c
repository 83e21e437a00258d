/* HeliosDB Nano from C: open, create a table, insert with a prepared statement and bound
 * parameters, query, and read an error's SQLSTATE. Run it in an empty directory. */
#include <stdio.h>

#include "heliosdb.h"

static int print_row(void* arg, int ncols, char** values, char** names) {
  (void)arg;
  for (int i = 0; i < ncols; ++i) {
    printf("%s%s = %s", i ? ", " : "", names[i], values[i] ? values[i] : "NULL");
  }
  printf("\n");
  return 0;
}

static int fail(helios_db* db, const char* what) {
  fprintf(stderr, "%s failed: %s (SQLSTATE %s)\n", what, helios_errmsg(db), helios_sqlstate(db));
  helios_close(db);
  return 1;
}

int main(void) {
  helios_db* db = NULL;
  if (helios_open("example.heliosdb", &db) != HELIOS_OK) return fail(db, "open");
  printf("HeliosDB Nano %s\n", helios_libversion());

  if (helios_exec(db,
                  "DROP TABLE IF EXISTS users;"
                  "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, score float8)",
                  NULL, NULL, NULL) != HELIOS_OK) {
    return fail(db, "create table");
  }

  /* Insert three rows through one prepared statement. */
  static const char* const kNames[] = {"alice", "bob", "carol"};
  static const double kScores[] = {91.5, 78.0, 85.25};
  helios_stmt* insert = NULL;
  if (helios_prepare(db, "INSERT INTO users VALUES ($1, $2, $3)", -1, &insert, NULL) != HELIOS_OK) {
    return fail(db, "prepare insert");
  }
  for (int i = 0; i < 3; ++i) {
    helios_bind_int(insert, 1, i + 1);
    helios_bind_text(insert, 2, kNames[i], -1);
    helios_bind_double(insert, 3, kScores[i]);
    if (helios_step(insert) != HELIOS_DONE) return fail(db, "insert");
    helios_reset(insert);
  }
  helios_finalize(insert);
  printf("inserted 3 rows\n");

  /* Query with a parameter and typed column access. */
  helios_stmt* query = NULL;
  if (helios_prepare(db, "SELECT id, name, score FROM users WHERE score > $1 ORDER BY id", -1,
                     &query, NULL) != HELIOS_OK) {
    return fail(db, "prepare query");
  }
  helios_bind_double(query, 1, 80.0);
  int rc;
  while ((rc = helios_step(query)) == HELIOS_ROW) {
    printf("id=%d name=%s score=%.2f\n", helios_column_int(query, 0), helios_column_text(query, 1),
           helios_column_double(query, 2));
  }
  if (rc != HELIOS_DONE) return fail(db, "query");
  printf("columns: %s %s, %s %s, %s %s\n", helios_column_name(query, 0),
         helios_column_decltype(query, 0), helios_column_name(query, 1),
         helios_column_decltype(query, 1), helios_column_name(query, 2),
         helios_column_decltype(query, 2));
  helios_finalize(query);

  /* helios_exec with a callback, like sqlite3_exec. */
  if (helios_exec(db, "SELECT name, score FROM users ORDER BY score DESC LIMIT 2", print_row, NULL,
                  NULL) != HELIOS_OK) {
    return fail(db, "top scores");
  }

  /* Errors carry PostgreSQL's SQLSTATE. */
  char* errmsg = NULL;
  if (helios_exec(db, "INSERT INTO users VALUES (1, 'again', 0)", NULL, NULL, &errmsg) ==
      HELIOS_OK) {
    fprintf(stderr, "a duplicate key was accepted\n");
    helios_close(db);
    return 1;
  }
  printf("expected error: SQLSTATE %s: %s\n", helios_sqlstate(db), errmsg);
  helios_free(errmsg);

  helios_close(db);
  return 0;
}
