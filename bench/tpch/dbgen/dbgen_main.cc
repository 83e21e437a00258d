// tpch_dbgen: writes the eight TPC-H tables as '|'-separated files (see csv_writer.h).
//
//   tpch_dbgen --sf 1 --seed 1 --out DIR
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

#include "generator.h"

namespace {

[[noreturn]] void Usage() {
  std::fprintf(stderr,
               "usage: tpch_dbgen [--sf SCALE (default 1)] [--seed N (default 1)] "
               "--out DIR\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  double sf = 1;
  uint64_t seed = 1;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) Usage();
    if (arg == "--sf") {
      sf = std::atof(argv[++i]);
    } else if (arg == "--seed") {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--out") {
      out = argv[++i];
    } else {
      Usage();
    }
  }
  if (out.empty() || !(sf > 0)) Usage();
  try {
    std::filesystem::create_directories(out);
    auto start = std::chrono::steady_clock::now();
    tpch::Generator generator(sf, seed);
    std::string summary = generator.WriteAll(out);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("tpch_dbgen: sf %g seed %llu: %s rows in %.1f s -> %s\n", sf,
                static_cast<unsigned long long>(seed), summary.c_str(), seconds, out.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tpch_dbgen: %s\n", e.what());
    return 1;
  }
  return 0;
}
