// Reads and checks the layout drawn in dump_writer.cc.
#include "dump/dump_reader.h"

#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <mutex>
#include <set>

#include "common/exception.h"
#include "dump/byte_order.h"
#include "dump/dump_writer.h"

namespace heliosdb::dump {

const char* BlockKindName(uint16_t kind) {
  switch (static_cast<BlockKind>(kind)) {
    case BlockKind::kDumpInfo:
      return "dump info";
    case BlockKind::kCatalog:
      return "catalog";
    case BlockKind::kTableBegin:
      return "table header";
    case BlockKind::kRows:
      return "rows";
    case BlockKind::kTableEnd:
      return "table end";
    case BlockKind::kConfig:
      return "config";
    case BlockKind::kMaterializedViews:
      return "materialized views";
    case BlockKind::kBranches:
      return "branches";
    case BlockKind::kCompression:
      return "compression";
    case BlockKind::kTimeSeries:
      return "time series";
    case BlockKind::kFullTextIndexes:
      return "full-text indexes";
    case BlockKind::kVectorIndexes:
      return "vector indexes";
    case BlockKind::kTrailer:
      return "trailer";
  }
  return "unknown";
}

DumpReader::DumpReader(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_)
    ThrowError("58P01", "could not open dump file \"" + path + "\": " + std::strerror(errno));
  std::fseek(file_, 0, SEEK_END);
  file_size_ = static_cast<uint64_t>(std::ftell(file_));
  std::fseek(file_, 0, SEEK_SET);
  auto* state = XXH64_createState();
  XXH64_reset(state, 0);
  checksums_state_ = state;
  std::string header;
  context_ = "file header";
  if (!ReadExact(&header, kFileHeaderSize)) Corrupt(0, "the file is too short to be a dump");
  if (header.compare(0, kFileMagic.size(), kFileMagic) != 0)
    Corrupt(0, "not a HeliosDB dump (bad magic)");
  if (GetFixed(header, 16, 8) != XXH64(header.data(), 16, 0))
    Corrupt(16, "header checksum mismatch");
  uint32_t version = static_cast<uint32_t>(GetFixed(header, 8, 4));
  if (version != kFormatVersion)
    ThrowError(sqlstate::kFeatureNotSupported,
               "dump file \"" + path + "\" has format version " + std::to_string(version) +
                   ", this build reads version " + std::to_string(kFormatVersion));
}

DumpReader::~DumpReader() {
  if (file_) std::fclose(file_);
  XXH64_freeState(static_cast<XXH64_state_t*>(checksums_state_));
}

void DumpReader::Corrupt(uint64_t offset, const std::string& what) const {
  ThrowError(sqlstate::kDataCorrupted,
             "dump file \"" + path_ + "\" is corrupted at byte offset " + std::to_string(offset) +
                 " (" + context_ + (object_.empty() ? "" : " of " + object_) + "): " + what);
}

bool DumpReader::ReadExact(std::string* out, size_t n) {
  out->resize(n);
  size_t got = std::fread(out->data(), 1, n, file_);
  offset_ += got;
  return got == n;
}

bool DumpReader::Next(Block* block) {
  if (ended_) return false;
  const uint64_t start = offset_;
  context_ = "block " + std::to_string(ordinal_);
  std::string header;
  if (!ReadExact(&header, kBlockHeaderSize)) {
    Corrupt(start, start == offset_ ? "the dump is truncated: the trailer is missing"
                                    : "the dump is truncated inside a block header");
  }
  block->kind = static_cast<uint16_t>(GetFixed(header, 0, 2));
  block->flags = static_cast<uint16_t>(GetFixed(header, 2, 2));
  block->offset = start;
  block->ordinal = ordinal_;
  context_ += ", " + std::string(BlockKindName(block->kind));
  uint32_t raw_size = static_cast<uint32_t>(GetFixed(header, 4, 4));
  uint32_t stored_size = static_cast<uint32_t>(GetFixed(header, 8, 4));
  if (raw_size > kMaxBlockBytes || stored_size > kMaxBlockBytes ||
      stored_size > file_size_ - std::min(file_size_, offset_)) {
    // A size past the end of the file is either a cut-off file or a damaged header; the
    // checksum below cannot tell, so say both.
    Corrupt(start, "block size " + std::to_string(stored_size) +
                       " runs past the end of the file (" + std::to_string(file_size_) +
                       " bytes): truncated or damaged");
  }
  if (!ReadExact(&stored_, stored_size)) Corrupt(start, "the dump is truncated inside a block");
  uint64_t expected = GetFixed(header, 12, 8);
  if (BlockChecksum(std::string_view(header).substr(0, 12), stored_, ordinal_) != expected)
    Corrupt(start, "block checksum mismatch");
  if (block->flags & kFlagCompressed) {
    block->payload.resize(raw_size);
    size_t n = ZSTD_decompress(block->payload.data(), raw_size, stored_.data(), stored_.size());
    if (ZSTD_isError(n) || n != raw_size) Corrupt(start, "the compressed payload does not decode");
  } else {
    if (raw_size != stored_size) Corrupt(start, "sizes disagree in an uncompressed block");
    block->payload.swap(stored_);
  }
  if (block->kind == static_cast<uint16_t>(BlockKind::kTrailer)) {
    const std::string& t = block->payload;
    if (t.size() != 32 || t.compare(24, 8, kTrailerMagic) != 0) Corrupt(start, "bad trailer");
    if (GetFixed(t, 0, 8) != ordinal_) Corrupt(start, "the trailer's block count disagrees");
    if (GetFixed(t, 16, 8) != XXH64_digest(static_cast<XXH64_state_t*>(checksums_state_)))
      Corrupt(start, "the trailer's checksum of all blocks disagrees");
    trailer_rows_ = GetFixed(t, 8, 8);
    if (trailer_rows_ != rows_seen_) Corrupt(start, "the trailer's row count disagrees");
    if (offset_ != file_size_) Corrupt(offset_, "data after the trailer");
    ended_ = true;
    return false;
  }
  std::string le;
  PutU64(&le, expected);
  XXH64_update(static_cast<XXH64_state_t*>(checksums_state_), le.data(), le.size());
  if (block->kind == static_cast<uint16_t>(BlockKind::kRows))
    rows_seen_ += std::count(block->payload.begin(), block->payload.end(), '\n');
  ordinal_++;
  return true;
}

void DumpReader::SkipUnknown(const Block& block) {
  if (block.flags & kFlagRequired)
    ThrowError(sqlstate::kFeatureNotSupported,
               "dump file \"" + path_ + "\" needs a section of kind " + std::to_string(block.kind) +
                   " (" + BlockKindName(block.kind) + ", at byte offset " +
                   std::to_string(block.offset) +
                   ") that this build does not know; upgrade heliosdb-nano");
  // Said once per kind and process: import and verify read a dump more than once.
  static std::mutex mu;
  static std::set<uint16_t> said;
  std::lock_guard<std::mutex> lock(mu);
  if (said.insert(block.kind).second)
    std::fprintf(stderr, "note: skipping dump section of kind %u (%s), unknown to this build\n",
                 block.kind, BlockKindName(block.kind));
}

}  // namespace heliosdb::dump
