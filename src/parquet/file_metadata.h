// The parts of parquet.thrift (apache/parquet-format) that we read and write: the footer's
// FileMetaData with its schema, row groups and column chunks, and the page headers. Field ids
// are the specification's; fields we do not use are skipped on reading and never written.
//
// A Parquet file:  "PAR1" | column chunks (pages) ... | FileMetaData (compact Thrift) |
//                  footer length (4 bytes, little-endian) | "PAR1"
// A column chunk:  [dictionary page] data page ...; each page is a PageHeader then its bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parquet/thrift_compact.h"

namespace heliosdb::parquet {

enum class Type : int32_t {
  kBoolean = 0,
  kInt32 = 1,
  kInt64 = 2,
  kInt96 = 3,
  kFloat = 4,
  kDouble = 5,
  kByteArray = 6,
  kFixedLenByteArray = 7,
};

enum class ConvertedType : int32_t {
  kUtf8 = 0,
  kList = 3,
  kEnum = 4,
  kDecimal = 5,
  kDate = 6,
  kTimeMillis = 7,
  kTimeMicros = 8,
  kTimestampMillis = 9,
  kTimestampMicros = 10,
  kUint8 = 11,
  kUint16 = 12,
  kUint32 = 13,
  kUint64 = 14,
  kInt8 = 15,
  kInt16 = 16,
  kInt32 = 17,
  kInt64 = 18,
  kJson = 19,
  kBson = 20,
  kInterval = 21,
};

enum class Repetition : int32_t { kRequired = 0, kOptional = 1, kRepeated = 2 };

enum class Encoding : int32_t {
  kPlain = 0,
  kPlainDictionary = 2,
  kRle = 3,
  kBitPacked = 4,
  kDeltaBinaryPacked = 5,
  kDeltaLengthByteArray = 6,
  kDeltaByteArray = 7,
  kRleDictionary = 8,
  kByteStreamSplit = 9,
};

enum class Codec : int32_t {
  kUncompressed = 0,
  kSnappy = 1,
  kGzip = 2,
  kLzo = 3,
  kBrotli = 4,
  kLz4 = 5,
  kZstd = 6,
  kLz4Raw = 7,
};

enum class PageType : int32_t {
  kDataPage = 0,
  kIndexPage = 1,
  kDictionaryPage = 2,
  kDataPageV2 = 3
};

enum class TimeUnit : uint8_t { kMillis = 1, kMicros = 2, kNanos = 3 };

// The LogicalType union: its field id is `kind`.
struct LogicalTypeAnnotation {
  enum Kind : int16_t {
    kString = 1,
    kMap = 2,
    kList = 3,
    kEnum = 4,
    kDecimal = 5,
    kDate = 6,
    kTime = 7,
    kTimestamp = 8,
    kInteger = 10,
    kNull = 11,
    kJson = 12,
    kBson = 13,
    kUuid = 14,
    kFloat16 = 15,
  };
  int16_t kind = kString;
  int32_t scale = 0;                  // DECIMAL
  int32_t precision = 0;              // DECIMAL
  bool adjusted_to_utc = false;       // TIME, TIMESTAMP
  TimeUnit unit = TimeUnit::kMicros;  // TIME, TIMESTAMP
  int32_t bit_width = 0;              // INTEGER
  bool is_signed = true;              // INTEGER
};

struct SchemaElement {
  std::optional<Type> type;  // absent for groups
  int32_t type_length = 0;
  std::optional<Repetition> repetition;
  std::string name;
  int32_t num_children = 0;
  std::optional<ConvertedType> converted_type;
  int32_t scale = 0;
  int32_t precision = 0;
  std::optional<LogicalTypeAnnotation> logical_type;
};

struct Statistics {
  std::optional<std::string> max_value;  // field 5 (the sort order of the logical type)
  std::optional<std::string> min_value;  // field 6
  std::optional<int64_t> null_count;
};

struct ColumnMetaData {
  Type type = Type::kInt32;
  std::vector<Encoding> encodings;
  std::vector<std::string> path_in_schema;
  Codec codec = Codec::kUncompressed;
  int64_t num_values = 0;
  int64_t total_uncompressed_size = 0;
  int64_t total_compressed_size = 0;
  int64_t data_page_offset = 0;
  std::optional<int64_t> dictionary_page_offset;
  std::optional<Statistics> statistics;
};

struct ColumnChunk {
  int64_t file_offset = 0;
  std::optional<ColumnMetaData> meta_data;
};

struct RowGroup {
  std::vector<ColumnChunk> columns;
  int64_t total_byte_size = 0;
  int64_t num_rows = 0;
};

struct FileMetaData {
  int32_t version = 1;
  std::vector<SchemaElement> schema;  // depth-first, the root first
  int64_t num_rows = 0;
  std::vector<RowGroup> row_groups;
  std::vector<std::pair<std::string, std::string>> key_value_metadata;
  std::string created_by;
};

struct DataPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  Encoding definition_level_encoding = Encoding::kRle;
  Encoding repetition_level_encoding = Encoding::kRle;
};

struct DictionaryPageHeader {
  int32_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
};

struct DataPageHeaderV2 {
  int32_t num_values = 0;
  int32_t num_nulls = 0;
  int32_t num_rows = 0;
  Encoding encoding = Encoding::kPlain;
  int32_t definition_levels_byte_length = 0;
  int32_t repetition_levels_byte_length = 0;
  bool is_compressed = true;
};

struct PageHeader {
  PageType type = PageType::kDataPage;
  int32_t uncompressed_page_size = 0;
  int32_t compressed_page_size = 0;
  std::optional<DataPageHeader> data_page;
  std::optional<DictionaryPageHeader> dictionary_page;
  std::optional<DataPageHeaderV2> data_page_v2;
};

std::string SerializeFileMetaData(const FileMetaData& meta);
// REQUIRES: bytes start at file offset base_offset. Throws 22P04 on malformed bytes.
FileMetaData ParseFileMetaData(std::string_view bytes, uint64_t base_offset);

void SerializePageHeader(const PageHeader& header, std::string* out);
// Reads a page header at the reader's position (the page's bytes follow it).
PageHeader ParsePageHeader(ThriftReader& reader);

}  // namespace heliosdb::parquet
