// PostgreSQL's binary send/receive formats for the built-in types, and the OID table the
// protocol needs (Parse's parameter types, RowDescription's type length):
//   bool 1 byte; int2/int4/int8 big-endian; float4/float8 IEEE 754 big-endian
//   numeric   int16 ndigits, int16 weight, uint16 sign (0 +, 0x4000 -, 0xC000 NaN,
//             0xD000 Infinity, 0xF000 -Infinity), int16 dscale, ndigits int16 base-10000 digits
//   text, varchar, bpchar: the bytes of the text form; bytea: the raw bytes
//   date int32 days, time int64 microseconds, timestamp[tz] int64 microseconds, all from
//   2000-01-01 (our in-memory forms); interval int64 microseconds, int32 days, int32 months
//   uuid 16 bytes; arrays int32 ndim, int32 has-nulls, uint32 element OID, per dimension
//   int32 size and int32 lower bound, then each element as int32 length (-1 NULL) + bytes
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/types/value_text.h"
#include "common/value.h"

namespace heliosdb::server {

// The type a client names by OID; kUnknown for 0 or an OID we do not have (then the
// parameter's type is inferred from the statement).
LogicalType TypeFromOid(uint32_t oid);
// pg_type.typlen: the fixed size in bytes, -1 for variable-length types.
int16_t TypeLength(const LogicalType& type);

// Appends the binary form of value. REQUIRES: !value.is_null().
void EncodeBinary(const Value& value, std::string* out);
// The value of `type` whose binary form is bytes. Throws 22P03 for malformed bytes.
Value DecodeBinary(std::string_view bytes, const LogicalType& type,
                   const TextFormatOptions& options);

}  // namespace heliosdb::server
