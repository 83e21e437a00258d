// The C API (include/heliosdb.h): databases, helios_exec and errors. Every entry point catches
// C++ exceptions, which must not cross into C.
#include <cstdlib>
#include <cstring>
#include <new>

#include "capi/c_api_internal.h"

namespace heliosdb::capi {

int CodeForSqlstate(const std::string& sqlstate) {
  if (sqlstate.compare(0, 2, "23") == 0) return HELIOS_CONSTRAINT;
  if (sqlstate == "25006") return HELIOS_READONLY;
  if (sqlstate == "53200") return HELIOS_NOMEM;
  return HELIOS_ERROR;
}

int SetError(helios_db* db, const Status& status) {
  return SetError(db, CodeForSqlstate(status.sqlstate()), status.sqlstate(), status.message());
}

int SetError(helios_db* db, int code, const std::string& sqlstate, const std::string& message) {
  if (db != nullptr) {
    db->errcode = code;
    db->sqlstate = sqlstate;
    db->errmsg = message;
  }
  return code;
}

void ClearError(helios_db* db) {
  db->errcode = HELIOS_OK;
  db->sqlstate = "00000";
  db->errmsg = "not an error";
}

namespace {

constexpr const char* kOutOfMemory = "out of memory";

// Calls fn, turning exceptions into error codes on db.
template <typename Fn>
int Guard(helios_db* db, Fn&& fn) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return SetError(db, HELIOS_NOMEM, "53200", kOutOfMemory);
  } catch (const std::exception& e) {
    return SetError(db, HELIOS_ERROR, "XX000", std::string("internal error: ") + e.what());
  } catch (...) {
    return SetError(db, HELIOS_ERROR, "XX000", "internal error");
  }
}

char* CopyString(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

// Hands one result's rows to a helios_exec callback. Returns false when it asks to stop.
bool DeliverRows(const QueryResult& result, helios_callback callback, void* arg) {
  int ncols = static_cast<int>(result.column_count());
  std::vector<std::string> texts(ncols);
  std::vector<char*> values(ncols), names(ncols);
  for (int c = 0; c < ncols; ++c) names[c] = const_cast<char*>(result.column_name(c).c_str());
  for (size_t r = 0; r < result.row_count(); ++r) {
    for (int c = 0; c < ncols; ++c) {
      if (result.IsNull(r, c)) {
        values[c] = nullptr;
      } else {
        texts[c] = result.GetText(r, c);
        values[c] = texts[c].data();
      }
    }
    if (callback(arg, ncols, values.data(), names.data()) != 0) return false;
  }
  return true;
}

}  // namespace
}  // namespace heliosdb::capi

using heliosdb::capi::ClearError;
using heliosdb::capi::Guard;
using heliosdb::capi::SetError;

extern "C" {

const char* helios_libversion(void) {
  return "0.1.0";
}

int helios_open(const char* path, helios_db** out) {
  return helios_open_v2(path, out, HELIOS_OPEN_READWRITE | HELIOS_OPEN_CREATE);
}

int helios_open_v2(const char* path, helios_db** out, int flags) {
  if (out == nullptr) return HELIOS_MISUSE;
  *out = nullptr;
  helios_db* db = new (std::nothrow) helios_db;
  if (db == nullptr) return HELIOS_NOMEM;
  *out = db;
  if (path == nullptr) return SetError(db, HELIOS_MISUSE, "08006", "no database path given");
  return Guard(db, [&]() -> int {
    heliosdb::Options options;
    if (flags == 0) flags = HELIOS_OPEN_READWRITE | HELIOS_OPEN_CREATE;
    options.read_only = (flags & HELIOS_OPEN_READONLY) != 0;
    options.create_if_missing = !options.read_only && (flags & HELIOS_OPEN_CREATE) != 0;
    auto opened = heliosdb::Database::Open(path, options);
    if (!opened.ok()) {
      SetError(db, opened.status());
      db->errcode = HELIOS_CANTOPEN;
      return HELIOS_CANTOPEN;
    }
    db->database = std::move(opened.value());
    db->connection = db->database->Connect();
    return HELIOS_OK;
  });
}

int helios_close(helios_db* db) {
  if (db == nullptr) return HELIOS_OK;
  try {
    while (!db->statements.empty()) helios_finalize(*db->statements.begin());
    db->connection.reset();  // before the database it belongs to
    db->database.reset();
  } catch (...) {
    // Closing never fails the caller; the handle is freed regardless.
  }
  delete db;
  return HELIOS_OK;
}

int helios_exec(helios_db* db, const char* sql, helios_callback callback, void* arg,
                char** errmsg) {
  if (errmsg != nullptr) *errmsg = nullptr;
  if (db == nullptr || !db->connection || sql == nullptr) {
    return SetError(db, HELIOS_MISUSE, "08003", "bad database handle or SQL");
  }
  int rc = Guard(db, [&]() -> int {
    ClearError(db);
    int code = HELIOS_OK;
    db->connection->ExecuteEach(sql, [&](heliosdb::Result<heliosdb::QueryResult>&& result) {
      if (!result.ok()) {
        code = SetError(db, result.status());
        return false;
      }
      const heliosdb::QueryResult& q = result.value();
      if (!q.returns_rows()) db->changes = q.rows_affected();
      if (callback != nullptr && q.returns_rows() &&
          !heliosdb::capi::DeliverRows(q, callback, arg)) {
        code = SetError(db, HELIOS_ABORT, "57014", "query aborted by the callback");
        return false;
      }
      return true;
    });
    return code;
  });
  if (rc != HELIOS_OK && errmsg != nullptr) *errmsg = heliosdb::capi::CopyString(db->errmsg);
  return rc;
}

int64_t helios_changes(helios_db* db) {
  return db == nullptr ? 0 : db->changes;
}

const char* helios_errmsg(helios_db* db) {
  return db == nullptr ? heliosdb::capi::kOutOfMemory : db->errmsg.c_str();
}

int helios_errcode(helios_db* db) {
  return db == nullptr ? HELIOS_NOMEM : db->errcode;
}

const char* helios_sqlstate(helios_db* db) {
  return db == nullptr ? "53200" : db->sqlstate.c_str();
}

void helios_free(void* ptr) {
  std::free(ptr);
}

}  // extern "C"
