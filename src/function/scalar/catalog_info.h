// Type names by OID, shared by format_type() and pg_catalog.pg_proc.
#pragma once

#include <cstdint>
#include <string>

namespace heliosdb {

// format_type(oid, typmod): the SQL name of a type with its modifiers ("character
// varying(20)", "numeric(8,2)"); "???" for an OID that names no type. typmod < 0: none.
std::string FormatType(int64_t oid, int32_t typmod);

// The server's version() string.
std::string VersionString();

}  // namespace heliosdb
