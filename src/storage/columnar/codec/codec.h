// The function table every compression codec of the cold tier fills in (STYLE.md: DuckDB's
// CompressionFunction). A codec is one file or folder exporting one `const Codec&`; the registry
// (codec_registry.cc) lists them. Adding a codec touches its own file and the registry only.
//
// Codecs see a column without NULLs: the segment (segment.h) keeps the validity bitmap once and
// hands codecs NULL rows filled with the previous valid value, so runs, deltas and dictionaries
// are not broken by NULLs and row i of the payload is row i of the segment (random access needs
// no rank over the bitmap).
//
// Errors: decoding functions get untrusted bytes and throw DbException XX001 ("compressed
// segment is corrupted", payload_reader.h) on anything malformed; they never read out of bounds.
// Thread safety: every function is pure; tables are immutable statics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec {

// Fixed numbers written into segment headers: never renumber, only append.
enum class CodecId : uint8_t {
  kNone = 0,
  kConstant = 1,
  kRle = 2,
  kDictionary = 3,
  kBitPacking = 4,
  kDelta = 5,
  kDeltaOfDelta = 6,
  kFsst = 7,
  kAlp = 8,
  kAlpRd = 9,
  kGorilla = 10,
  kZstd = 11,
  kLz4 = 12,
};

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

// The constant of `column op constant`, in the field that matches the column's storage type:
// integers (and booleans as 0/1) in i, floats in d (compared with PostgreSQL's float order:
// NaN equals NaN and sorts above everything, -0.0 equals 0.0), strings in s (bytewise, the "C"
// collation).
struct CompareConstant {
  int64_t i = 0;
  double d = 0;
  std::string_view s;
};

// Row numbers (ascending) selected by a filter.
using Selection = std::vector<uint32_t>;

struct Codec {
  CodecId id;
  const char* name;  // as in `compression = '<name>'`
  bool (*supports)(StorageType type);
  // Estimated payload bytes for `sample` (values without NULLs), or kNotApplicable when the
  // codec cannot encode it (a constant codec on two distinct values, say).
  uint64_t (*analyze)(const ColumnView& sample);
  // Appends the payload for column to out. Returns false, leaving out as it was, when the data
  // turns out not to suit the codec (the analysis saw only a sample).
  bool (*compress)(const ColumnView& column, std::string& out);
  // Decodes all count values of type from payload into out (Reset by the codec).
  void (*decompress)(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out);
  // Decodes the value of one row into row 0 of out (Reset by the codec to one value), reading
  // only what that row needs. nullptr: the codec has no random access.
  void (*fetch)(std::string_view payload, StorageType type, idx_t count, idx_t row,
                ColumnBuffer& out);
  // Appends to sel the rows (ascending) whose value satisfies `value op constant`, working on the
  // compressed form. nullptr: the segment decompresses and compares instead.
  void (*filter)(std::string_view payload, StorageType type, idx_t count, CompareOp op,
                 const CompareConstant& constant, Selection& sel);
};

inline constexpr uint64_t kNotApplicable = ~uint64_t{0};

}  // namespace heliosdb::codec
