// The errors of the Parquet reader and writer, PostgreSQL-style:
//   22P04 (bad_copy_file_format)  the bytes are not Parquet, or are corrupted or truncated; the
//                                 message names the byte offset in the file
//   0A000 (feature_not_supported) valid Parquet that uses something we do not implement (gzip,
//                                 nested groups, ...); the message names it
#pragma once

#include <cstdint>
#include <string>

#include "common/exception.h"

namespace heliosdb::parquet {

inline constexpr const char* kBadFileFormat = "22P04";

[[noreturn]] inline void ThrowCorrupt(uint64_t offset, const std::string& what) {
  ThrowError(kBadFileFormat,
             "invalid Parquet file: " + what + " at byte offset " + std::to_string(offset));
}

[[noreturn]] inline void ThrowUnsupported(const std::string& what) {
  ThrowError(sqlstate::kFeatureNotSupported, "Parquet " + what + " is not supported");
}

}  // namespace heliosdb::parquet
