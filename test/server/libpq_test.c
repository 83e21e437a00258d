/* A libpq client of the HeliosDB Nano server: the extended protocol with binary parameters
 * and results (PQexecParams, PQprepare / PQexecPrepared with paramFormats 1 and
 * resultFormat 1), PQdescribePrepared, pipeline mode (the error-until-Sync rule, one
 * implicit transaction up to Sync) and PQcancel. Usage: libpq_test "host=127.0.0.1 port=N user=u dbname=d". Prints one line per
 * check and "N passed, N failed"; exits 1 on any failure. */
#include <arpa/inet.h>
#include <libpq-fe.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int passed, failed;

static void check(int ok, const char* what, const char* detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  }
}

static PGresult* must(PGconn* c, PGresult* r, ExecStatusType want, const char* what) {
  int ok = PQresultStatus(r) == want;
  check(ok, what, ok ? NULL : PQresultErrorMessage(r));
  (void)c;
  return r;
}

static uint32_t be32(const char* p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return ntohl(v);
}

static uint64_t be64(const char* p) { return ((uint64_t)be32(p) << 32) | be32(p + 4); }

static void put32(char* p, uint32_t v) {
  v = htonl(v);
  memcpy(p, &v, 4);
}

static void put64(char* p, uint64_t v) {
  put32(p, (uint32_t)(v >> 32));
  put32(p + 4, (uint32_t)v);
}

static void setup(PGconn* c) {
  PQclear(must(c, PQexec(c, "DROP TABLE IF EXISTS items"), PGRES_COMMAND_OK, "drop"));
  PQclear(must(c,
               PQexec(c,
                      "CREATE TABLE items (id int PRIMARY KEY, name text, big bigint, "
                      "ratio float8, flag boolean, data bytea, day date, at timestamp, "
                      "price numeric(12,3), u uuid, span interval, small smallint, r real)"),
               PGRES_COMMAND_OK, "create table"));
}

static void binary_parameters(PGconn* c) {
  const Oid types[] = {23, 25, 20, 701, 16, 17, 1082, 1114, 1700, 2950, 1186, 21, 700};
  PQclear(must(c,
               PQprepare(c, "ins",
                         "INSERT INTO items VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                         "$11, $12, $13)",
                         13, types),
               PGRES_COMMAND_OK, "prepare insert"));
  char id[4], big[8], ratio[8], flag[1], data[3], day[4], at[8], u[16], span[16], small[2],
      real[4];
  put32(id, 7);
  put64(big, 9000000000ULL);
  double d = 2.5;
  uint64_t bits;
  memcpy(&bits, &d, 8);
  put64(ratio, bits);
  flag[0] = 1;
  memcpy(data, "\x00\xff\x10", 3);
  put32(day, 8766); /* 2024-01-01 */
  put64(at, (uint64_t)8766 * 86400000000ULL + 3723000000ULL); /* 2024-01-01 01:02:03 */
  for (int i = 0; i < 16; i++) u[i] = (char)(0x10 + i);
  put64(span, 5000000); /* 5 seconds */
  put32(span + 8, 3);   /* days */
  put32(span + 12, 14); /* months */
  uint16_t s16 = htons((uint16_t)-12);
  memcpy(small, &s16, 2);
  float f = 0.25f;
  uint32_t fbits;
  memcpy(&fbits, &f, 4);
  put32(real, fbits);
  const char* values[] = {id, "héllo", big, ratio, flag, data, day, at, "-1234.5", u, span, small,
                          real};
  const int lengths[] = {4, 6, 8, 8, 1, 3, 4, 8, 0, 16, 16, 2, 4};
  /* numeric goes as text: formats may differ per parameter */
  const int formats[] = {1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1};
  PGresult* r = must(c, PQexecPrepared(c, "ins", 13, values, lengths, formats, 0),
                     PGRES_COMMAND_OK, "insert with binary parameters");
  check(strcmp(PQcmdTuples(r), "1") == 0, "insert count", PQcmdTuples(r));
  PQclear(r);

  r = must(c,
           PQexecParams(c,
                        "SELECT id, name, big, ratio, flag, data, day, at, price, u::text, "
                        "span, small, r FROM items WHERE id = 7",
                        0, NULL, NULL, NULL, NULL, 0),
           PGRES_TUPLES_OK, "select text results");
  if (PQntuples(r) == 1) {
    const char* want[] = {"7",
                          "héllo",
                          "9000000000",
                          "2.5",
                          "t",
                          "\\x00ff10",
                          "2024-01-01",
                          "2024-01-01 01:02:03",
                          "-1234.500",
                          "10111213-1415-1617-1819-1a1b1c1d1e1f",
                          "1 year 2 mons 3 days 00:00:05",
                          "-12",
                          "0.25"};
    for (int i = 0; i < 13; i++) check(strcmp(PQgetvalue(r, 0, i), want[i]) == 0, want[i], PQgetvalue(r, 0, i));
  } else {
    check(0, "one row", NULL);
  }
  PQclear(r);
}

static void binary_results(PGconn* c) {
  char id[4];
  put32(id, 7);
  const char* values[] = {id};
  const int lengths[] = {4};
  const int formats[] = {1};
  const Oid types[] = {23};
  PGresult* r = must(c,
                     PQexecParams(c,
                                  "SELECT id, name, big, ratio, flag, data, day, at, price, "
                                  "u, span, small, r, NULL::int FROM items WHERE id = $1",
                                  1, types, values, lengths, formats, 1),
                     PGRES_TUPLES_OK, "select binary results");
  if (PQntuples(r) != 1) {
    check(0, "binary row", NULL);
    PQclear(r);
    return;
  }
  check(PQfformat(r, 0) == 1, "binary format code", NULL);
  check(PQftype(r, 0) == 23 && PQftype(r, 2) == 20 && PQftype(r, 8) == 1700, "type oids", NULL);
  check(PQfmod(r, 8) == ((12 << 16) | 3) + 4, "numeric typmod", NULL);
  check(PQgetlength(r, 0, 0) == 4 && be32(PQgetvalue(r, 0, 0)) == 7, "int4 binary", NULL);
  check(strcmp(PQgetvalue(r, 0, 1), "héllo") == 0, "text binary", NULL);
  check(be64(PQgetvalue(r, 0, 2)) == 9000000000ULL, "int8 binary", NULL);
  uint64_t bits = be64(PQgetvalue(r, 0, 3));
  double d;
  memcpy(&d, &bits, 8);
  check(d == 2.5, "float8 binary", NULL);
  check(PQgetvalue(r, 0, 4)[0] == 1, "bool binary", NULL);
  check(PQgetlength(r, 0, 5) == 3 && memcmp(PQgetvalue(r, 0, 5), "\x00\xff\x10", 3) == 0,
        "bytea binary", NULL);
  check(be32(PQgetvalue(r, 0, 6)) == 8766, "date binary", NULL);
  check(be64(PQgetvalue(r, 0, 7)) == (uint64_t)8766 * 86400000000ULL + 3723000000ULL,
        "timestamp binary", NULL);
  /* numeric -1234.500: ndigits 2 (1234, 5000), weight 0, sign 0x4000, dscale 3 */
  const unsigned char want_numeric[] = {0, 2, 0, 0, 0x40, 0, 0, 3, 0x04, 0xd2, 0x13, 0x88};
  check(PQgetlength(r, 0, 8) == 12 && memcmp(PQgetvalue(r, 0, 8), want_numeric, 12) == 0,
        "numeric binary", NULL);
  check(PQgetlength(r, 0, 9) == 16 && (unsigned char)PQgetvalue(r, 0, 9)[15] == 0x1f,
        "uuid binary", NULL);
  const char* span = PQgetvalue(r, 0, 10);
  check(be64(span) == 5000000 && be32(span + 8) == 3 && be32(span + 12) == 14,
        "interval binary", NULL);
  check(PQgetlength(r, 0, 11) == 2 && (int16_t)ntohs(*(uint16_t*)PQgetvalue(r, 0, 11)) == -12,
        "int2 binary", NULL);
  uint32_t fbits = be32(PQgetvalue(r, 0, 12));
  float f;
  memcpy(&f, &fbits, 4);
  check(f == 0.25f, "float4 binary", NULL);
  check(PQgetisnull(r, 0, 13), "null binary", NULL);
  PQclear(r);
}

static void describe_and_errors(PGconn* c) {
  PQclear(must(c, PQprepare(c, "q", "SELECT name, price FROM items WHERE id = $1 AND big > $2", 0,
                            NULL),
               PGRES_COMMAND_OK, "prepare with inferred types"));
  PGresult* r = must(c, PQdescribePrepared(c, "q"), PGRES_COMMAND_OK, "describe prepared");
  check(PQnparams(r) == 2 && PQparamtype(r, 0) == 23 && PQparamtype(r, 1) == 20,
        "inferred parameter types", NULL);
  check(PQnfields(r) == 2 && PQftype(r, 0) == 25 && PQftype(r, 1) == 1700, "described columns",
        NULL);
  PQclear(r);

  const char* bad[] = {"abc", "1"};
  r = PQexecPrepared(c, "q", 2, bad, NULL, NULL, 0);
  const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  check(PQresultStatus(r) == PGRES_FATAL_ERROR && state && strcmp(state, "22P02") == 0,
        "bad text parameter is 22P02", PQresultErrorMessage(r));
  PQclear(r);

  char short_int[2] = {0, 1};
  const char* values[] = {short_int, "1"};
  const int lengths[] = {2, 1};
  const int formats[] = {1, 0};
  r = PQexecPrepared(c, "q", 2, values, lengths, formats, 0);
  state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  check(state && strcmp(state, "08P01") == 0, "short binary parameter is 08P01",
        PQresultErrorMessage(r));
  PQclear(r);
  char long_int[5] = {0, 0, 0, 1, 0};
  values[0] = long_int;
  const int long_lengths[] = {5, 1};
  r = PQexecPrepared(c, "q", 2, values, long_lengths, formats, 0);
  state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  check(state && strcmp(state, "22P03") == 0, "long binary parameter is 22P03",
        PQresultErrorMessage(r));
  PQclear(r);

  r = PQexec(c, "SELECT nosuch FROM items");
  state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  const char* pos = PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION);
  check(state && strcmp(state, "42703") == 0 && pos && strcmp(pos, "8") == 0,
        "error with SQLSTATE and position", PQresultErrorMessage(r));
  PQclear(r);
  /* the connection still works */
  PQclear(must(c, PQexec(c, "SELECT 1"), PGRES_TUPLES_OK, "after errors"));
}

static void pipeline(PGconn* c) {
  if (!PQenterPipelineMode(c)) {
    check(0, "enter pipeline mode", NULL);
    return;
  }
  PQsendQueryParams(c, "SELECT 1/0", 0, NULL, NULL, NULL, NULL, 0);
  PQsendQueryParams(c, "SELECT 2", 0, NULL, NULL, NULL, NULL, 0);
  PQpipelineSync(c);
  PQsendQueryParams(c, "SELECT 3", 0, NULL, NULL, NULL, NULL, 0);
  PQpipelineSync(c);
  PGresult* r = PQgetResult(c);
  const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  check(state && strcmp(state, "22012") == 0, "pipeline: first query fails", NULL);
  PQclear(r);
  while ((r = PQgetResult(c))) PQclear(r);
  r = PQgetResult(c);
  check(PQresultStatus(r) == PGRES_PIPELINE_ABORTED, "pipeline: second skipped until Sync",
        PQresStatus(PQresultStatus(r)));
  PQclear(r);
  while ((r = PQgetResult(c))) PQclear(r);
  r = PQgetResult(c);
  check(PQresultStatus(r) == PGRES_PIPELINE_SYNC, "pipeline: sync", NULL);
  PQclear(r);
  r = PQgetResult(c);
  check(PQresultStatus(r) == PGRES_TUPLES_OK && strcmp(PQgetvalue(r, 0, 0), "3") == 0,
        "pipeline: runs again after Sync", NULL);
  PQclear(r);
  while ((r = PQgetResult(c))) PQclear(r);
  r = PQgetResult(c);
  PQclear(r);
  PQexitPipelineMode(c);
}

/* Skips the results of one query in pipeline mode (up to its terminating NULL). */
static void skip_results(PGconn* c) {
  PGresult* r;
  while ((r = PQgetResult(c))) PQclear(r);
}

/* The statements before a Sync form one transaction: an error rolls back the INSERT executed
 * before it, and without an error they commit together at Sync. */
static void pipeline_transaction(PGconn* c) {
  PQclear(must(c, PQexec(c, "CREATE TABLE piped (a int)"), PGRES_COMMAND_OK, "create piped"));
  if (!PQenterPipelineMode(c)) {
    check(0, "enter pipeline mode", NULL);
    return;
  }
  PQsendQueryParams(c, "INSERT INTO piped VALUES (1)", 0, NULL, NULL, NULL, NULL, 0);
  PQsendQueryParams(c, "SELECT 1/0", 0, NULL, NULL, NULL, NULL, 0);
  PQpipelineSync(c);
  PQsendQueryParams(c, "INSERT INTO piped VALUES (2)", 0, NULL, NULL, NULL, NULL, 0);
  PQsendQueryParams(c, "INSERT INTO piped VALUES (3)", 0, NULL, NULL, NULL, NULL, 0);
  PQpipelineSync(c);
  for (int i = 0; i < 2; i++) skip_results(c); /* INSERT 1, the division error */
  PGresult* r = PQgetResult(c);
  check(PQresultStatus(r) == PGRES_PIPELINE_SYNC, "pipeline transaction: first sync", NULL);
  PQclear(r);
  for (int i = 0; i < 2; i++) skip_results(c); /* INSERT 2, INSERT 3 */
  r = PQgetResult(c);
  check(PQresultStatus(r) == PGRES_PIPELINE_SYNC, "pipeline transaction: second sync", NULL);
  PQclear(r);
  PQexitPipelineMode(c);
  r = must(c, PQexec(c, "SELECT string_agg(a::text, ',' ORDER BY a) FROM piped"),
           PGRES_TUPLES_OK, "read piped");
  check(PQntuples(r) == 1 && strcmp(PQgetvalue(r, 0, 0), "2,3") == 0,
        "pipeline transaction: the failed segment rolled back, the next committed",
        PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : NULL);
  PQclear(r);
}

static void cancel(PGconn* c) {
  PQsendQuery(c, "SELECT count(*) FROM generate_series(1, 2000000000)");
  usleep(300000);
  PGcancel* cancel = PQgetCancel(c);
  char err[256];
  check(PQcancel(cancel, err, sizeof(err)) == 1, "send cancel", err);
  PQfreeCancel(cancel);
  PGresult* r = PQgetResult(c);
  const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
  check(state && strcmp(state, "57014") == 0, "canceled statement is 57014",
        PQresultErrorMessage(r));
  PQclear(r);
  while ((r = PQgetResult(c))) PQclear(r);
  PQclear(must(c, PQexec(c, "SELECT 1"), PGRES_TUPLES_OK, "after cancel"));
}

int main(int argc, char** argv) {
  PGconn* c = PQconnectdb(argc > 1 ? argv[1] : "");
  if (PQstatus(c) != CONNECTION_OK) {
    printf("FAIL connect: %s\n0 passed, 1 failed\n", PQerrorMessage(c));
    return 1;
  }
  check(PQserverVersion(c) >= 150000 && PQserverVersion(c) < 160000, "server version 15",
        PQparameterStatus(c, "server_version"));
  check(strcmp(PQparameterStatus(c, "integer_datetimes"), "on") == 0, "integer_datetimes", NULL);
  check(PQbackendPID(c) > 0, "backend pid", NULL);
  setup(c);
  binary_parameters(c);
  binary_results(c);
  describe_and_errors(c);
  pipeline(c);
  pipeline_transaction(c);
  cancel(c);
  PQfinish(c);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
