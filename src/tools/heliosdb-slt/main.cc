// heliosdb-slt: runs sqllogictest files (SQLite, DuckDB, RisingWave dialects and our own
// test/sql) against HeliosDB Nano and prints `N passed, N failed[, N skipped]`.
#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "isolated_run.h"
#include "slt/script_parser.h"
#include "slt/skip_list.h"
#include "test_files.h"

namespace {

volatile bool g_stop = false;

void OnTerminate(int) {
  g_stop = true;
}

constexpr const char* kUsage =
    "usage: heliosdb-slt [--quiet] [--skip-file FILE]... [--timeout SECONDS] [--no-fork]\n"
    "                    [FILE|DIR]...\n"
    "Runs sqllogictest files (*.test, *.slt, *.test_slow; *.slt.part not included by another\n"
    "file) on a fresh temporary database each. The dialect follows the path: .../sqlite/...,\n"
    ".../duckdb/..., .../risingwave/...; anything else uses our own rules (DuckDB-like,\n"
    "`statement error <message or SQLSTATE>`).\n"
    "  --quiet           only a summary line per file with failures\n"
    "  --skip-file FILE  records to skip, `path:line  # reason` per line\n"
    "  --timeout SECONDS time budget per file (default 60); the rest of a file that runs out\n"
    "                    counts as failed\n"
    "  --engine NAME     the name skipif/onlyif compare with (default postgresql)\n"
    "  --no-fork         run files in this process (for debuggers; no timeout, no crash guard)\n";

struct Args {
  bool quiet = false;
  bool isolate = true;
  std::string engine = "postgresql";
  int timeout = 60;
  std::vector<std::string> skip_files;
  std::vector<std::string> inputs;
};

bool ParseArgs(int argc, char** argv, Args* args) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--quiet" || a == "-q") {
      args->quiet = true;
    } else if (a == "--no-fork") {
      args->isolate = false;
    } else if (a == "--skip-file") {
      if (!value(&v)) return false;
      args->skip_files.push_back(v);
    } else if (a == "--engine") {
      if (!value(&args->engine)) return false;
    } else if (a == "--timeout") {
      if (!value(&v)) return false;
      args->timeout = std::max(1, std::atoi(v.c_str()));
    } else if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "heliosdb-slt: unknown option %s\n", a.c_str());
      return false;
    } else {
      args->inputs.push_back(a);
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  if (args.inputs.empty()) args.inputs.push_back("test/sql");

  heliosdb::slt::SkipList skips;
  for (const auto& f : args.skip_files) {
    std::string error;
    if (!skips.Load(f, &error)) {
      std::fprintf(stderr, "heliosdb-slt: %s\n", error.c_str());
      return 2;
    }
  }
  struct sigaction sa {};
  sa.sa_handler = OnTerminate;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);

  int64_t passed = 0, failed = 0, skipped = 0;
  heliosdb::slt::RunOptions options;
  options.quiet = args.quiet;
  options.skips = &skips;
  options.engine = args.engine;
  for (const auto& file : heliosdb::slt::CollectTestFiles(args.inputs, &failed)) {
    if (g_stop) break;
    auto t = heliosdb::slt::RunIsolated(file, options, args.timeout, args.isolate, &g_stop);
    passed += t.passed;
    failed += t.failed;
    skipped += t.skipped;
    if (!t.problem.empty() && !args.quiet) std::printf("%s: %s\n", file.c_str(), t.problem.c_str());
    if (args.quiet && t.failed > 0) {
      std::printf("%s: %lld passed, %lld failed%s%s\n", file.c_str(),
                  static_cast<long long>(t.passed), static_cast<long long>(t.failed),
                  t.problem.empty() ? "" : " -- ", t.problem.c_str());
    }
    std::fflush(stdout);
  }
  std::printf("%lld passed, %lld failed", static_cast<long long>(passed),
              static_cast<long long>(failed));
  if (skipped > 0) std::printf(", %lld skipped", static_cast<long long>(skipped));
  std::printf("\n");
  return failed == 0 && !g_stop ? 0 : 1;
}
