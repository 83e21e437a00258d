#include "execution/spill/spill_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/exception.h"
#include "storage/row_codec.h"

namespace heliosdb {

namespace {
constexpr size_t kBufferBytes = 1 << 20;

[[noreturn]] void ThrowIoError(const char* what) {
  int err = errno;
  ThrowError(err == ENOSPC ? sqlstate::kDiskFull : sqlstate::kIoError,
             std::string("could not ") + what + " temporary file: " + std::strerror(err));
}
}  // namespace

SpillFile::SpillFile(std::vector<LogicalType> types) : types_(std::move(types)) {
  for (size_t i = 0; i < types_.size(); i++) all_columns_.push_back(static_cast<int>(i));
  file_ = std::tmpfile();
  if (!file_) ThrowIoError("create");
}

SpillFile::~SpillFile() {
  if (file_) std::fclose(file_);
}

void SpillFile::Append(const DataChunk& chunk, idx_t row) {
  EncodeRowFromChunk(chunk, row, types_, &row_);
  uint32_t n = static_cast<uint32_t>(row_.size());
  char len[4];
  for (int i = 0; i < 4; i++) len[i] = static_cast<char>((n >> (8 * i)) & 0xff);
  buffer_.append(len, 4);
  buffer_.append(row_);
  rows_++;
  if (buffer_.size() >= kBufferBytes) Flush();
}

void SpillFile::Flush() {
  if (buffer_.empty()) return;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) ThrowIoError("write");
  written_ += static_cast<int64_t>(buffer_.size());
  buffer_.clear();
}

void SpillFile::Finish() {
  Flush();
  if (std::fflush(file_) != 0) ThrowIoError("write");
}

bool SpillFile::Reader::Fill(size_t need) {
  if (buffer_.size() - pos_ >= need) return true;
  buffer_.erase(0, pos_);
  pos_ = 0;
  while (buffer_.size() < need && offset_ < file_.written_) {
    size_t want = std::max(need - buffer_.size(), kBufferBytes);
    size_t old = buffer_.size();
    buffer_.resize(old + want);
    ssize_t got = pread(fileno(file_.file_), buffer_.data() + old, want, offset_);
    if (got < 0) ThrowIoError("read");
    buffer_.resize(old + static_cast<size_t>(got));
    offset_ += got;
    if (got == 0) break;
  }
  return buffer_.size() >= need;
}

bool SpillFile::Reader::Read(DataChunk* out) {
  out->Initialize(file_.types_);
  idx_t n = 0;
  while (n < kVectorSize && Fill(4)) {
    const auto* p = reinterpret_cast<const uint8_t*>(buffer_.data() + pos_);
    uint32_t len = p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
    if (!Fill(4 + len)) ThrowError(sqlstate::kDataCorrupted, "temporary file is truncated");
    DecodeRowInto(std::string_view(buffer_.data() + pos_ + 4, len), file_.types_,
                  file_.all_columns_, out, n++);
    pos_ += 4 + len;
  }
  out->SetSize(n);
  return n > 0;
}

}  // namespace heliosdb
