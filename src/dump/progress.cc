#include "dump/progress.h"

#include <unistd.h>

#include <cstdio>

namespace heliosdb::dump {

Progress::Progress(std::string label, int64_t total_rows)
    : label_(std::move(label)), total_(total_rows), enabled_(isatty(2) != 0) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

Progress::~Progress() {
  if (enabled_) {
    Draw(true);
    std::fputc('\n', stderr);
  }
}

void Progress::AddRows(int64_t rows) {
  done_ += rows;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  Draw(false);
}

void Progress::Draw(bool final) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  int64_t done = done_.load();
  double rate = seconds > 0 ? done / seconds : 0;
  int percent = total_ > 0 ? static_cast<int>(100.0 * done / total_) : 100;
  std::string eta = "--";
  if (final) {
    eta = "done";
  } else if (rate > 0 && total_ >= done) {
    eta = std::to_string(static_cast<int64_t>((total_ - done) / rate)) + "s";
  }
  std::fprintf(stderr, "\r%s: %lld/%lld rows (%d%%), %.0f rows/s, ETA %s   ", label_.c_str(),
               static_cast<long long>(done), static_cast<long long>(total_), percent, rate,
               eta.c_str());
}

}  // namespace heliosdb::dump
