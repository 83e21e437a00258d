// Google Benchmark harness for the codec kernels: compress and decompress of one 122,880-row
// segment per codec and column shape, throughput in uncompressed bytes per second. The columns
// are generated (no TPC-H files needed); compression_ratio covers the real columns.
#include <benchmark/benchmark.h>

#include <random>

#include "bench_columns.h"
#include "storage/columnar/codec/codec_registry.h"

namespace heliosdb::codec::bench {
namespace {

constexpr idx_t kRows = 122880;

const BenchColumn& Column(int which) {
  static const std::vector<BenchColumn> columns = [] {
    std::vector<BenchColumn> v;
    v.push_back(StockWalk(kRows, 1));
    v.push_back(SensorSeriesRaw(kRows, 1));
    BenchColumn ts;
    ts.name = "timestamps";
    ts.type = StorageType::kInt64;
    ts.count = kRows;
    ts.fixed.resize(kRows * 8);
    std::mt19937_64 rng(1);
    int64_t t = 800000000000000;
    for (idx_t i = 0; i < kRows; i++) {
      t += 1000000 + static_cast<int64_t>(rng() % 1000);
      std::memcpy(ts.fixed.data() + i * 8, &t, 8);
    }
    v.push_back(std::move(ts));
    BenchColumn words;
    words.name = "comments";
    words.type = StorageType::kString;
    const char* kWords[] = {"furiously", "final",    "deposits", "sleep",
                            "quickly",   "ironic",   "packages", "carefully",
                            "regular",   "requests", "accounts", "blithely"};
    for (idx_t i = 0; i < kRows; i++) {
      size_t at = words.arena.size();
      for (int w = 0, n = 3 + rng() % 6; w < n; w++)
        words.arena += std::string(kWords[rng() % 12]) + " ";
      words.views.emplace_back(nullptr, words.arena.size() - at);
    }
    size_t at = 0;
    for (auto& s : words.views)
      s = std::string_view(words.arena.data() + at, s.size()), at += s.size();
    words.count = kRows;
    v.push_back(std::move(words));
    return v;
  }();
  return columns[which];
}

void Compress(benchmark::State& state, const Codec* codec, int which) {
  ColumnView c = Column(which).view();
  std::string out;
  for (auto _ : state) {
    out.clear();
    codec->compress(c, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * c.RawBytes());
  state.counters["bits/value"] =
      8.0 * static_cast<double>(out.size()) / static_cast<double>(c.count);
}

void Decompress(benchmark::State& state, const Codec* codec, int which) {
  ColumnView c = Column(which).view();
  std::string payload;
  codec->compress(c, payload);
  ColumnBuffer out;
  for (auto _ : state) {
    codec->decompress(payload, c.type, c.count, out);
    benchmark::DoNotOptimize(out.fixed());
  }
  state.SetBytesProcessed(state.iterations() * c.RawBytes());
}

int Register() {
  const char* kColumns[] = {"stock_walk", "sensor_raw", "timestamps", "comments"};
  for (int which = 0; which < 4; which++) {
    StorageType type = which < 2 ? StorageType::kDouble
                                 : (which == 2 ? StorageType::kInt64 : StorageType::kString);
    for (const Codec* codec : AllCodecs()) {
      if (!codec->supports(type) || codec->id == CodecId::kConstant) continue;
      std::string name = std::string(codec->name) + "/" + kColumns[which];
      benchmark::RegisterBenchmark(("compress/" + name).c_str(), Compress, codec, which);
      benchmark::RegisterBenchmark(("decompress/" + name).c_str(), Decompress, codec, which);
    }
  }
  return 0;
}
const int kRegistered = Register();

}  // namespace
}  // namespace heliosdb::codec::bench

BENCHMARK_MAIN();
