// The C API (include/heliosdb.h): prepared statements, binding, stepping and column access.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "capi/c_api_internal.h"
#include "capi/sql_scan.h"

namespace heliosdb::capi {
namespace {

constexpr uint32_t kBoolOid = 16;
constexpr uint32_t kByteaOid = 17;
constexpr uint32_t kInt8Oid = 20;
constexpr uint32_t kInt2Oid = 21;
constexpr uint32_t kInt4Oid = 23;
constexpr uint32_t kFloat4Oid = 700;
constexpr uint32_t kFloat8Oid = 701;
constexpr uint32_t kNumericOid = 1700;

template <typename Fn>
int GuardStmt(helios_stmt* stmt, Fn&& fn) {
  if (stmt == nullptr || !stmt->prepared) return HELIOS_MISUSE;
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return SetError(stmt->db, HELIOS_NOMEM, "53200", "out of memory");
  } catch (const std::exception& e) {
    return SetError(stmt->db, HELIOS_ERROR, "XX000", std::string("internal error: ") + e.what());
  } catch (...) {
    return SetError(stmt->db, HELIOS_ERROR, "XX000", "internal error");
  }
}

int Bind(helios_stmt* stmt, int index, heliosdb::ParamValue value) {
  return GuardStmt(stmt, [&]() -> int {
    if (index < 1) return SetError(stmt->db, HELIOS_RANGE, "42P02", "bind index out of range");
    Status s = stmt->prepared->Bind(static_cast<size_t>(index), std::move(value));
    if (s.ok()) return HELIOS_OK;
    SetError(stmt->db, s);
    if (s.sqlstate() == "42P02") stmt->db->errcode = HELIOS_RANGE;
    return stmt->db->errcode;
  });
}

// The current row's value at col, or nullptr when there is none (no row, bad column).
const QueryResult* Row(helios_stmt* stmt, int col) {
  if (stmt == nullptr || !stmt->result || col < 0) return nullptr;
  const QueryResult& r = *stmt->result;
  if (stmt->row < 0 || static_cast<size_t>(stmt->row) >= r.row_count()) return nullptr;
  if (static_cast<size_t>(col) >= r.column_count()) return nullptr;
  return &r;
}

bool IsNullAt(helios_stmt* stmt, int col) {
  const QueryResult* r = Row(stmt, col);
  return r == nullptr || r->IsNull(stmt->row, col);
}

const std::string* TextAt(helios_stmt* stmt, int col) {
  if (IsNullAt(stmt, col)) return nullptr;
  auto& cached = stmt->text_cache[col];
  if (!cached) cached = stmt->result->GetText(stmt->row, col);
  return &*cached;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea's text form "\x0a1b" as bytes; other text as it is.
std::string DecodeBytea(const std::string& text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return text;
  std::string out;
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    int hi = HexDigit(text[i]), lo = HexDigit(text[i + 1]);
    if (hi < 0 || lo < 0) break;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

uint32_t OidAt(helios_stmt* stmt, int col) {
  return stmt->result->column_type_oid(col);
}

}  // namespace
}  // namespace heliosdb::capi

using heliosdb::capi::GuardStmt;
using heliosdb::capi::SetError;

extern "C" {

int helios_prepare(helios_db* db, const char* sql, int nbytes, helios_stmt** out,
                   const char** tail) {
  if (out != nullptr) *out = nullptr;
  if (tail != nullptr) *tail = sql;
  if (db == nullptr || !db->connection || sql == nullptr || out == nullptr) {
    return SetError(db, HELIOS_MISUSE, "08003", "bad database handle or SQL");
  }
  try {
    std::string_view text(sql, nbytes < 0 ? std::strlen(sql) : static_cast<size_t>(nbytes));
    size_t end = heliosdb::capi::FirstStatementEnd(text);
    if (tail != nullptr) *tail = sql + end;
    heliosdb::capi::ClearError(db);
    std::string statement(text.substr(0, end));
    if (heliosdb::capi::IsBlankSql(statement)) return HELIOS_OK;
    auto prepared = db->connection->Prepare(statement);
    if (!prepared.ok()) return SetError(db, prepared.status());
    auto* stmt = new helios_stmt;
    stmt->db = db;
    stmt->prepared = std::move(prepared.value());
    db->statements.insert(stmt);
    *out = stmt;
    return HELIOS_OK;
  } catch (const std::bad_alloc&) {
    return SetError(db, HELIOS_NOMEM, "53200", "out of memory");
  } catch (...) {
    return SetError(db, HELIOS_ERROR, "XX000", "internal error");
  }
}

int helios_bind_parameter_count(helios_stmt* stmt) {
  return stmt && stmt->prepared ? static_cast<int>(stmt->prepared->parameter_count()) : 0;
}

int helios_bind_null(helios_stmt* stmt, int index) {
  return heliosdb::capi::Bind(stmt, index, std::monostate());
}
int helios_bind_int(helios_stmt* stmt, int index, int value) {
  return heliosdb::capi::Bind(stmt, index, static_cast<int64_t>(value));
}
int helios_bind_int64(helios_stmt* stmt, int index, int64_t value) {
  return heliosdb::capi::Bind(stmt, index, value);
}
int helios_bind_double(helios_stmt* stmt, int index, double value) {
  return heliosdb::capi::Bind(stmt, index, value);
}
int helios_bind_bool(helios_stmt* stmt, int index, int value) {
  return heliosdb::capi::Bind(stmt, index, value != 0);
}
int helios_bind_text(helios_stmt* stmt, int index, const char* text, int nbytes) {
  if (text == nullptr) return helios_bind_null(stmt, index);
  size_t n = nbytes < 0 ? std::strlen(text) : static_cast<size_t>(nbytes);
  return heliosdb::capi::Bind(stmt, index, std::string(text, n));
}

int helios_clear_bindings(helios_stmt* stmt) {
  return GuardStmt(stmt, [&]() -> int {
    stmt->prepared->ClearBindings();
    return HELIOS_OK;
  });
}

int helios_step(helios_stmt* stmt) {
  return GuardStmt(stmt, [&]() -> int {
    std::fill(stmt->text_cache.begin(), stmt->text_cache.end(), std::nullopt);
    std::fill(stmt->blob_cache.begin(), stmt->blob_cache.end(), std::nullopt);
    if (!stmt->result) {
      heliosdb::capi::ClearError(stmt->db);
      auto result = stmt->prepared->Execute();
      if (!result.ok()) return SetError(stmt->db, result.status());
      stmt->result = std::move(result.value());
      if (!stmt->result->returns_rows()) stmt->db->changes = stmt->result->rows_affected();
      stmt->text_cache.assign(stmt->result->column_count(), std::nullopt);
      stmt->blob_cache.assign(stmt->result->column_count(), std::nullopt);
      stmt->row = -1;
      stmt->decltypes.clear();
      for (size_t c = 0; c < stmt->result->column_count(); ++c) {
        stmt->decltypes.push_back(stmt->result->column_type_name(c));
      }
    }
    if (stmt->row < static_cast<int64_t>(stmt->result->row_count())) ++stmt->row;
    return static_cast<size_t>(stmt->row) < stmt->result->row_count() ? HELIOS_ROW : HELIOS_DONE;
  });
}

int helios_reset(helios_stmt* stmt) {
  return GuardStmt(stmt, [&]() -> int {
    stmt->result.reset();
    stmt->row = -1;
    stmt->text_cache.clear();
    stmt->blob_cache.clear();
    return HELIOS_OK;
  });
}

int helios_finalize(helios_stmt* stmt) {
  if (stmt == nullptr) return HELIOS_OK;
  if (stmt->db != nullptr) stmt->db->statements.erase(stmt);
  delete stmt;
  return HELIOS_OK;
}

int helios_column_count(helios_stmt* stmt) {
  return stmt && stmt->result ? static_cast<int>(stmt->result->column_count()) : 0;
}

const char* helios_column_name(helios_stmt* stmt, int col) {
  if (stmt == nullptr || !stmt->result || col < 0 ||
      static_cast<size_t>(col) >= stmt->result->column_count()) {
    return nullptr;
  }
  return stmt->result->column_name(col).c_str();
}

const char* helios_column_decltype(helios_stmt* stmt, int col) {
  if (helios_column_name(stmt, col) == nullptr) return nullptr;
  return stmt->decltypes[col].c_str();
}

int helios_column_type(helios_stmt* stmt, int col) {
  if (heliosdb::capi::IsNullAt(stmt, col)) return HELIOS_NULL;
  switch (heliosdb::capi::OidAt(stmt, col)) {
    case heliosdb::capi::kBoolOid:
    case heliosdb::capi::kInt2Oid:
    case heliosdb::capi::kInt4Oid:
    case heliosdb::capi::kInt8Oid:
      return HELIOS_INTEGER;
    case heliosdb::capi::kFloat4Oid:
    case heliosdb::capi::kFloat8Oid:
    case heliosdb::capi::kNumericOid:
      return HELIOS_FLOAT;
    case heliosdb::capi::kByteaOid:
      return HELIOS_BLOB;
    default:
      return HELIOS_TEXT;
  }
}

int helios_column_is_null(helios_stmt* stmt, int col) {
  return heliosdb::capi::IsNullAt(stmt, col) ? 1 : 0;
}

int64_t helios_column_int64(helios_stmt* stmt, int col) {
  if (heliosdb::capi::IsNullAt(stmt, col)) return 0;
  switch (heliosdb::capi::OidAt(stmt, col)) {
    case heliosdb::capi::kBoolOid:
      return stmt->result->GetBool(stmt->row, col) ? 1 : 0;
    case heliosdb::capi::kInt2Oid:
    case heliosdb::capi::kInt4Oid:
    case heliosdb::capi::kInt8Oid:
      return stmt->result->GetInt64(stmt->row, col);
    default:
      return static_cast<int64_t>(helios_column_double(stmt, col));
  }
}

int helios_column_int(helios_stmt* stmt, int col) {
  return static_cast<int>(helios_column_int64(stmt, col));
}

double helios_column_double(helios_stmt* stmt, int col) {
  if (heliosdb::capi::IsNullAt(stmt, col)) return 0.0;
  switch (heliosdb::capi::OidAt(stmt, col)) {
    case heliosdb::capi::kBoolOid:
    case heliosdb::capi::kInt2Oid:
    case heliosdb::capi::kInt4Oid:
    case heliosdb::capi::kInt8Oid:
      return static_cast<double>(helios_column_int64(stmt, col));
    case heliosdb::capi::kFloat4Oid:
    case heliosdb::capi::kFloat8Oid:
      return stmt->result->GetDouble(stmt->row, col);
    default:
      return std::strtod(heliosdb::capi::TextAt(stmt, col)->c_str(), nullptr);
  }
}

const char* helios_column_text(helios_stmt* stmt, int col) {
  const std::string* text = heliosdb::capi::TextAt(stmt, col);
  return text ? text->c_str() : nullptr;
}

const void* helios_column_blob(helios_stmt* stmt, int col) {
  const std::string* text = heliosdb::capi::TextAt(stmt, col);
  if (text == nullptr) return nullptr;
  auto& blob = stmt->blob_cache[col];
  if (!blob) {
    blob = heliosdb::capi::OidAt(stmt, col) == heliosdb::capi::kByteaOid
               ? heliosdb::capi::DecodeBytea(*text)
               : *text;
  }
  return blob->empty() ? nullptr : blob->data();
}

int helios_column_bytes(helios_stmt* stmt, int col) {
  const std::string* text = heliosdb::capi::TextAt(stmt, col);
  if (text == nullptr) return 0;
  if (heliosdb::capi::OidAt(stmt, col) != heliosdb::capi::kByteaOid) {
    return static_cast<int>(text->size());
  }
  helios_column_blob(stmt, col);
  return static_cast<int>(stmt->blob_cache[col]->size());
}

}  // extern "C"
