// Constants of the dump format v2: block kinds and flags (the byte layout is drawn in
// dump_writer.cc, the format described in docs/format/dump_v2.md).
#pragma once

#include <cstdint>
#include <string_view>

namespace heliosdb::dump {

inline constexpr std::string_view kFileMagic{"HDBDUMP\0", 8};  // 8 bytes, the file's first
inline constexpr std::string_view kTrailerMagic{"HDBDEND\0", 8};
inline constexpr uint32_t kFormatVersion = 2;
inline constexpr size_t kFileHeaderSize = 24;
inline constexpr size_t kBlockHeaderSize = 20;
// Rows are cut into blocks of about this many uncompressed bytes (whole rows per block).
inline constexpr size_t kTargetBlockBytes = 1 << 20;
// A block larger than this is refused as corrupt rather than allocated.
inline constexpr uint32_t kMaxBlockBytes = 256u << 20;

// Block flags.
inline constexpr uint16_t kFlagRequired = 1;    // a reader that does not know the kind refuses
inline constexpr uint16_t kFlagCompressed = 2;  // the payload is one zstd frame

// Block kinds. 1-15 are the core sections; 16 and up are the sections of later features,
// reserved here so that every reader knows their names. A reader skips an unknown kind unless
// it is marked required.
enum class BlockKind : uint16_t {
  kDumpInfo = 1,    // producer, source, snapshot, options (the only block with a timestamp)
  kCatalog = 2,     // schemas, tables, indexes, views, sequences (dump_catalog.h)
  kTableBegin = 3,  // a table's rows follow: schema, name, column names
  kRows = 4,        // whole rows in COPY text format
  kTableEnd = 5,    // the row count of the table just ended
  kConfig = 6,      // settings as name = value pairs
  kMaterializedViews = 16,
  kBranches = 17,
  kCompression = 18,
  kTimeSeries = 19,
  kFullTextIndexes = 20,
  kVectorIndexes = 21,
  kTrailer = 0xFFFF,  // block count, row count, checksum of the block checksums
};

// A name for error messages and `--verbose` listings; "unknown kind N" for others.
const char* BlockKindName(uint16_t kind);

}  // namespace heliosdb::dump
