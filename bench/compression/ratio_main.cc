// compression_ratio: per-codec size (bits per value, ratio) and speed (compress / decompress
// MB/s of uncompressed bytes, µs per random single-row fetch; thread CPU time) on TPC-H columns and
// float time series, side by side with zstd and lz4 on the same segments. Prints a Markdown table.
//
//   compression_ratio [--data DIR] [--rows N] [--series N]
//
// DIR holds the TPC-H generator's CSV files (default bench/tpch/data/sf1-seed1); columns are cut
// into segments of 122,880 rows, the cold tier's row group. Every segment's decompression is
// checked bit for bit against the input.
#include <time.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>

#include "bench_columns.h"
#include "storage/columnar/codec/codec_registry.h"
#include "storage/columnar/codec/segment.h"

namespace heliosdb::codec::bench {
namespace {

constexpr idx_t kSegmentRows = 122880;
constexpr int kFetches = 2000;

// The thread's CPU time, not the wall clock: on a shared machine the wall clock also counts the
// time other processes held the core.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double Seconds(double a, double b) {
  return b - a;
}

bool SameValues(const ColumnView& a, const ColumnView& b) {
  if (a.count != b.count) return false;
  if (a.type != StorageType::kString) {
    return std::memcmp(a.fixed, b.fixed, a.count * StorageTypeWidth(a.type)) == 0;
  }
  for (idx_t i = 0; i < a.count; i++) {
    if (a.strings[i] != b.strings[i]) return false;
  }
  return true;
}

struct Result {
  uint64_t raw = 0, compressed = 0;
  double compress_s = 0, decompress_s = 0, fetch_us = -1;
  bool applicable = true;
};

// One codec over every segment of column (forced == nullptr: the analysis' choice per segment).
Result Measure(const BenchColumn& column, const Codec* forced, std::string* chosen) {
  Result r;
  std::mt19937_64 rng(1);
  for (idx_t start = 0; start < column.count; start += kSegmentRows) {
    ColumnView seg = column.Slice(start, std::min(kSegmentRows, column.count - start));
    r.raw += seg.RawBytes();
    auto t0 = Clock::now();
    EncodedSegment encoded;
    std::string payload;
    if (forced) {
      if (!forced->compress(seg, payload)) {
        r.applicable = false;
        return r;
      }
    } else {
      encoded = WriteSegment(seg);
    }
    auto t1 = Clock::now();
    ColumnBuffer out;
    if (forced) {
      forced->decompress(payload, seg.type, seg.count, out);
    } else {
      SegmentReader(encoded.bytes).Decompress(out);
      if (chosen->find(encoded.codec->name) == std::string::npos) {
        *chosen += std::string(chosen->empty() ? "" : ",") + encoded.codec->name;
      }
    }
    auto t2 = Clock::now();
    if (!SameValues(out.view(), seg)) throw std::runtime_error("round trip failed");
    r.compressed += forced ? payload.size() : encoded.bytes.size();
    r.compress_s += Seconds(t0, t1);
    r.decompress_s += Seconds(t1, t2);
    if (forced && start == 0 && forced->fetch) {
      auto f0 = Clock::now();
      for (int k = 0; k < kFetches; k++) {
        forced->fetch(payload, seg.type, seg.count, rng() % seg.count, out);
      }
      r.fetch_us = Seconds(f0, Clock::now()) * 1e6 / kFetches;
    }
  }
  return r;
}

void Report(const BenchColumn& column) {
  std::printf("\n### %s (%llu rows, %s)\n\n", column.name.c_str(),
              static_cast<unsigned long long>(column.count), StorageTypeName(column.type));
  std::printf("| codec | bits/value | ratio | compress MB/s | decompress MB/s | fetch µs/row |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
  auto row = [&](const std::string& name, const Result& r) {
    double mb = static_cast<double>(r.raw) / 1e6;
    char fetch[32] = "-";
    if (r.fetch_us >= 0) std::snprintf(fetch, sizeof fetch, "%.2f", r.fetch_us);
    std::printf("| %s | %.2f | %.2f | %.0f | %.0f | %s |\n", name.c_str(),
                8.0 * static_cast<double>(r.compressed) / static_cast<double>(column.count),
                static_cast<double>(r.raw) / static_cast<double>(r.compressed), mb / r.compress_s,
                mb / r.decompress_s, fetch);
    std::fflush(stdout);
  };
  std::string chosen;
  Result automatic = Measure(column, nullptr, &chosen);
  row("auto -> " + chosen + " (segment bytes)", automatic);
  for (const Codec* codec : AllCodecs()) {
    if (!codec->supports(column.type) || codec->id == CodecId::kNone) continue;
    Result r = Measure(column, codec, nullptr);
    if (r.applicable) row(codec->name, r);
  }
}

int Main(int argc, char** argv) {
  std::string dir = "bench/tpch/data/sf1-seed1";
  idx_t rows = ~idx_t{0}, series = 1000000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string opt = argv[i];
    if (opt == "--data")
      dir = argv[i + 1];
    else if (opt == "--rows")
      rows = std::stoull(argv[i + 1]);
    else if (opt == "--series")
      series = std::stoull(argv[i + 1]);
  }
  std::printf(
      "Segments of %llu rows; MB/s counts uncompressed bytes (strings: bytes + 4 per "
      "value) per second of thread CPU time; fetch: one random row decoded alone.\n",
      static_cast<unsigned long long>(kSegmentRows));
  using K = FieldKind;
  for (auto& c : LoadFields(dir,
                            {{"lineitem", 0, K::kInt64, "l_orderkey"},
                             {"lineitem", 4, K::kDecimal2AsInt64, "l_quantity (numeric)"},
                             {"lineitem", 5, K::kDecimalAsDouble, "l_extendedprice (float8)"},
                             {"lineitem", 5, K::kDecimal2AsInt64, "l_extendedprice (numeric)"},
                             {"lineitem", 6, K::kDecimalAsDouble, "l_discount (float8)"},
                             {"lineitem", 8, K::kString, "l_returnflag"},
                             {"lineitem", 10, K::kDate, "l_shipdate"},
                             {"lineitem", 14, K::kString, "l_shipmode"},
                             {"lineitem", 15, K::kString, "l_comment"}},
                            rows)) {
    Report(c);
  }
  Report(LoadField(dir, {"orders", 8, K::kString, "o_comment"}, rows));
  Report(LoadField(dir, {"part", 1, K::kString, "p_name"}, rows));
  Report(SensorSeries(series, 7));
  Report(SensorSeriesRaw(series, 7));
  Report(StockWalk(series, 7));
  return 0;
}

}  // namespace
}  // namespace heliosdb::codec::bench

int main(int argc, char** argv) {
  return heliosdb::codec::bench::Main(argc, argv);
}
