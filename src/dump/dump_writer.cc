// The dump file format v2 (docs/format/dump_v2.md). All integers little-endian.
//
//   file := file header | block* | trailer block | end of file
//
//   file header (24 bytes)
//   +------------------+-------------------+------------------+-----------------------+
//   | magic "HDBDUMP\0"| format version u32| header flags u32 | xxh64(bytes 0..15) u64|
//   +------------------+-------------------+------------------+-----------------------+
//    0                  8                   12                 16                    24
//
//   block (20-byte header, then stored_size bytes of payload)
//   +----------+-----------+--------------+-----------------+--------------+----------+
//   | kind u16 | flags u16 | raw_size u32 | stored_size u32 | checksum u64 | payload  |
//   +----------+-----------+--------------+-----------------+--------------+----------+
//    0          2           4              8                 12             20
//   flags: 1 required (a reader that does not know `kind` refuses the dump),
//          2 compressed (the payload is one zstd frame of raw_size bytes).
//   checksum: XXH64 over header bytes 0..11 and the stored payload, seed = the block's
//             ordinal (0 for the first block after the file header).
//
//   trailer: a block of kind 0xFFFF, required, not compressed, whose 32-byte payload is
//   +----------------+--------------+--------------------------------+------------------+
//   | blocks u64     | rows u64     | xxh64 of the block checksums   | magic "HDBDEND\0"|
//   +----------------+--------------+--------------------------------+------------------+
//   blocks counts the blocks before the trailer, rows the rows of all kRows blocks; the
//   checksum runs over each earlier block's checksum as 8 little-endian bytes, in order.
#include "dump/dump_writer.h"

#include <unistd.h>
#include <xxhash.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

#include "common/exception.h"
#include "dump/byte_order.h"

namespace heliosdb::dump {

namespace {
constexpr int kZstdLevel = 3;

[[noreturn]] void WriteFailed(const std::string& path) {
  ThrowError("58030", "could not write dump file \"" + path + "\": " + std::strerror(errno));
}
}  // namespace

uint64_t BlockChecksum(std::string_view header12, std::string_view stored, uint64_t ordinal) {
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, ordinal);
  XXH64_update(state, header12.data(), header12.size());
  XXH64_update(state, stored.data(), stored.size());
  uint64_t sum = XXH64_digest(state);
  XXH64_freeState(state);
  return sum;
}

DumpWriter::DumpWriter(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (!file_) WriteFailed(path);
  auto* state = XXH64_createState();
  XXH64_reset(state, 0);
  checksums_state_ = state;
  std::string header(kFileMagic);
  PutU32(&header, kFormatVersion);
  PutU32(&header, 0);
  PutU64(&header, XXH64(header.data(), header.size(), 0));
  Append(header);
}

DumpWriter::~DumpWriter() {
  if (file_) std::fclose(file_);
  XXH64_freeState(static_cast<XXH64_state_t*>(checksums_state_));
}

void DumpWriter::Append(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) WriteFailed(path_);
  offset_ += bytes.size();
}

void DumpWriter::WriteBlock(BlockKind kind, uint16_t flags, std::string_view payload) {
  HELIOS_ASSERT(file_ != nullptr);
  if (payload.size() > kMaxBlockBytes)
    ThrowError(sqlstate::kProgramLimitExceeded, "a dump block exceeds 256 MB");
  std::string_view stored = payload;
  if (kind != BlockKind::kTrailer) {
    flags |= kFlagCompressed;
    compressed_.resize(ZSTD_compressBound(payload.size()));
    size_t n = ZSTD_compress(compressed_.data(), compressed_.size(), payload.data(), payload.size(),
                             kZstdLevel);
    if (ZSTD_isError(n))
      ThrowError(sqlstate::kInternalError, std::string("zstd: ") + ZSTD_getErrorName(n));
    stored = std::string_view(compressed_.data(), n);
  }
  std::string header;
  PutU16(&header, static_cast<uint16_t>(kind));
  PutU16(&header, flags);
  PutU32(&header, static_cast<uint32_t>(payload.size()));
  PutU32(&header, static_cast<uint32_t>(stored.size()));
  uint64_t checksum = BlockChecksum(header, stored, blocks_);
  PutU64(&header, checksum);
  Append(header);
  Append(stored);
  if (kind != BlockKind::kTrailer) {
    std::string le;
    PutU64(&le, checksum);
    XXH64_update(static_cast<XXH64_state_t*>(checksums_state_), le.data(), le.size());
    blocks_++;
  }
}

void DumpWriter::Finish() {
  std::string trailer;
  PutU64(&trailer, blocks_);
  PutU64(&trailer, rows_);
  PutU64(&trailer, XXH64_digest(static_cast<XXH64_state_t*>(checksums_state_)));
  trailer.append(kTrailerMagic);
  WriteBlock(BlockKind::kTrailer, kFlagRequired, trailer);
  if (std::fflush(file_) != 0 || fsync(fileno(file_)) != 0) WriteFailed(path_);
  if (std::fclose(file_) != 0) {
    file_ = nullptr;
    WriteFailed(path_);
  }
  file_ = nullptr;
}

}  // namespace heliosdb::dump
