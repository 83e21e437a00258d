/*
 * The C API of HeliosDB Nano, shaped like SQLite's: open a database from a path, run SQL with
 * helios_exec or prepared statements, read typed columns, get PostgreSQL-style errors.
 *
 *   helios_db* db;
 *   if (helios_open("app.heliosdb", &db) != HELIOS_OK) { ... helios_errmsg(db) ... }
 *   helios_stmt* st;
 *   helios_prepare(db, "SELECT name FROM users WHERE id = $1", -1, &st, NULL);
 *   helios_bind_int64(st, 1, 42);
 *   while (helios_step(st) == HELIOS_ROW) puts(helios_column_text(st, 0));
 *   helios_finalize(st);
 *   helios_close(db);
 *
 * Parameters are written $1, $2, ... as in PostgreSQL; bind indexes are 1-based and column
 * indexes 0-based, as in SQLite.
 *
 * Errors: functions return HELIOS_OK (or HELIOS_ROW / HELIOS_DONE from helios_step) on
 * success and an error code otherwise; helios_errmsg(db) gives the message of the latest failed
 * call on that connection, helios_sqlstate(db) its five-character PostgreSQL SQLSTATE
 * ("00000" after success), helios_errcode(db) its code.
 *
 * Thread safety: a helios_db and its statements are used by one thread at a time. Open one
 * helios_db per thread; several may open the same path.
 *
 * Memory: strings returned by helios_column_* stay valid until the next helios_step,
 * helios_reset or helios_finalize on that statement; helios_errmsg's until the next call on
 * that db. Strings handed to the caller to own (helios_exec's errmsg) are freed with
 * helios_free.
 */
#ifndef HELIOSDB_H_
#define HELIOSDB_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct helios_db helios_db;
typedef struct helios_stmt helios_stmt;

/* Result codes. */
typedef enum helios_result {
  HELIOS_OK = 0,
  HELIOS_ERROR = 1,      /* SQL error (see helios_errmsg / helios_sqlstate) */
  HELIOS_MISUSE = 2,     /* NULL handle, bad index, call out of sequence */
  HELIOS_RANGE = 3,      /* bind index out of range */
  HELIOS_CANTOPEN = 4,   /* the database could not be opened */
  HELIOS_READONLY = 5,   /* a write on a read-only database */
  HELIOS_NOMEM = 6,      /* out of memory */
  HELIOS_CONSTRAINT = 7, /* a constraint was violated (SQLSTATE class 23) */
  HELIOS_ABORT = 8,      /* helios_exec's callback asked to stop */
  HELIOS_ROW = 100,      /* helios_step: a row is ready */
  HELIOS_DONE = 101      /* helios_step: the statement has finished */
} helios_result;

/* Fundamental column types, as SQLite's. */
enum {
  HELIOS_INTEGER = 1, /* smallint, integer, bigint, boolean (0/1) */
  HELIOS_FLOAT = 2,   /* real, double precision, numeric */
  HELIOS_TEXT = 3,    /* text and every other type, in PostgreSQL's text form */
  HELIOS_BLOB = 4,    /* bytea */
  HELIOS_NULL = 5     /* this row's value is NULL */
};

/* Flags of helios_open_v2. */
enum {
  HELIOS_OPEN_READONLY = 0x01,  /* refuse writes; the database must exist */
  HELIOS_OPEN_READWRITE = 0x02, /* read and write an existing database */
  HELIOS_OPEN_CREATE = 0x04     /* with READWRITE: create the database if missing */
};

/* The library version, e.g. "0.1.0". */
const char* helios_libversion(void);

/* Opens (creating if missing) the database at path. *out is set even on failure (unless out
 * is NULL or memory ran out) so helios_errmsg can tell why; close it with helios_close. */
int helios_open(const char* path, helios_db** out);
int helios_open_v2(const char* path, helios_db** out, int flags);

/* Closes the database, finalizing any statement still open on it. NULL is a no-op. */
int helios_close(helios_db* db);

/* Callback of helios_exec: one call per row; values are NULL for SQL NULL. A non-zero
 * return stops helios_exec with HELIOS_ABORT. */
typedef int (*helios_callback)(void* arg, int ncols, char** values, char** names);

/* Runs every statement in sql, calling callback (may be NULL) for each result row. On error,
 * when errmsg is not NULL, *errmsg gets a copy of the message to free with helios_free. */
int helios_exec(helios_db* db, const char* sql, helios_callback callback, void* arg, char** errmsg);

/* Prepares the first statement of sql (nbytes < 0: up to the NUL). *tail, when not NULL,
 * points after the first statement. *out is NULL when sql holds no statement. */
int helios_prepare(helios_db* db, const char* sql, int nbytes, helios_stmt** out,
                   const char** tail);

/* Binding $index (1-based). Bindings persist across helios_reset until cleared. */
int helios_bind_parameter_count(helios_stmt* stmt);
int helios_bind_null(helios_stmt* stmt, int index);
int helios_bind_int(helios_stmt* stmt, int index, int value);
int helios_bind_int64(helios_stmt* stmt, int index, int64_t value);
int helios_bind_double(helios_stmt* stmt, int index, double value);
int helios_bind_bool(helios_stmt* stmt, int index, int value);
/* The text is copied; nbytes < 0 means up to the NUL. */
int helios_bind_text(helios_stmt* stmt, int index, const char* text, int nbytes);
int helios_clear_bindings(helios_stmt* stmt);

/* Runs the statement on the first call, then moves through its rows: HELIOS_ROW while a row
 * is ready, HELIOS_DONE at the end, or an error code. */
int helios_step(helios_stmt* stmt);
/* Rewinds the statement so the next helios_step runs it again (bindings are kept). */
int helios_reset(helios_stmt* stmt);
/* Frees the statement. NULL is a no-op. */
int helios_finalize(helios_stmt* stmt);

/* Result columns (0-based). The statement runs at its first helios_step, so names, types
 * and the count are known from then on (helios_column_count is 0 before); values while a row
 * is ready. Out-of-range columns give 0 / NULL. */
int helios_column_count(helios_stmt* stmt);
const char* helios_column_name(helios_stmt* stmt, int col);
int helios_column_type(helios_stmt* stmt, int col);             /* HELIOS_INTEGER ... HELIOS_NULL */
const char* helios_column_decltype(helios_stmt* stmt, int col); /* "integer", "text", ... */
int helios_column_is_null(helios_stmt* stmt, int col);
int helios_column_int(helios_stmt* stmt, int col);
int64_t helios_column_int64(helios_stmt* stmt, int col);
double helios_column_double(helios_stmt* stmt, int col);
/* PostgreSQL's text form of the value; NULL for SQL NULL. */
const char* helios_column_text(helios_stmt* stmt, int col);
/* Byte length of helios_column_text's (or for bytea, helios_column_blob's) value. */
int helios_column_bytes(helios_stmt* stmt, int col);
/* bytea as raw bytes (other types: their text form); NULL for SQL NULL or empty. */
const void* helios_column_blob(helios_stmt* stmt, int col);

/* Rows inserted, updated or deleted by the latest statement on db. */
int64_t helios_changes(helios_db* db);

/* The latest error on db (NULL db: the out-of-memory message). */
const char* helios_errmsg(helios_db* db);
int helios_errcode(helios_db* db);
const char* helios_sqlstate(helios_db* db);

/* Frees memory the library handed out (helios_exec's errmsg). */
void helios_free(void* ptr);

#ifdef __cplusplus
}
#endif

#endif /* HELIOSDB_H_ */
