// bench/branching: the cost of database branches, through the public C++ API.
//   branching PATH MEGABYTES [--keep]
// Builds (or reuses) a database of about MEGABYTES of rows at PATH, then measures:
//   - CREATE DATABASE BRANCH: time per branch and bytes it adds to the database directory,
//     next to a one-row INSERT commit;
//   - reads on a fresh branch vs on main: a full scan and 20,000 primary-key point reads;
//   - MERGE DATABASE BRANCH time against the number of rows changed on the branch.
// The peer of each figure is main itself (the goal: a branch costs as little as no branch).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "heliosdb/database.h"

namespace {

using heliosdb::Connection;
using heliosdb::Database;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

heliosdb::QueryResult Run(Connection& c, const std::string& sql) {
  auto r = c.Execute(sql);
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %s\n", sql.c_str(), r.status().message().c_str());
    std::exit(1);
  }
  return std::move(r.value());
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

constexpr int kRowBytes = 120;  // id + a 100-byte pad + overhead, roughly, as stored

// Reads on the connection's current branch: (full scan seconds, point reads per second).
std::pair<double, double> Reads(Connection& c, int64_t rows) {
  auto start = Clock::now();
  for (int i = 0; i < 3; i++) Run(c, "SELECT sum(length(pad)) FROM t");
  double scan = Seconds(start) / 3;
  auto point = c.Prepare("SELECT pad FROM t WHERE id = $1");
  if (!point.ok()) std::exit(1);
  std::mt19937_64 rng(42);
  constexpr int kPoints = 20000;
  start = Clock::now();
  for (int i = 0; i < kPoints; i++) {
    point.value()->Bind(1, static_cast<int64_t>(rng() % rows + 1));
    if (!point.value()->Execute().ok()) std::exit(1);
  }
  return {scan, kPoints / Seconds(start)};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: branching PATH MEGABYTES\n");
    return 2;
  }
  std::string path = argv[1];
  int64_t rows = std::atoll(argv[2]) * (1 << 20) / kRowBytes;
  bool fresh = !std::filesystem::exists(path);
  heliosdb::Options options;
  auto db = Database::Open(path, options);
  if (!db.ok()) {
    std::fprintf(stderr, "open: %s\n", db.status().message().c_str());
    return 1;
  }
  auto c = db.value()->Connect();
  if (fresh) {
    auto start = Clock::now();
    Run(*c, "CREATE TABLE t (id bigint PRIMARY KEY, pad text)");
    constexpr int64_t kBatch = 500000;
    for (int64_t lo = 1; lo <= rows; lo += kBatch)
      Run(*c, "INSERT INTO t SELECT i, repeat(md5(i::text), 3) || 'abcd' FROM generate_series(" +
                  std::to_string(lo) + ", " + std::to_string(std::min(rows, lo + kBatch - 1)) +
                  ") AS g(i)");
    std::printf("built %lld rows in %.1f s\n", static_cast<long long>(rows), Seconds(start));
  }
  rows = Run(*c, "SELECT count(*) FROM t").GetInt64(0, 0);
  std::printf("database: %lld rows, %.1f MB on disk\n", static_cast<long long>(rows),
              DirBytes(path) / 1048576.0);

  // Branch creation: O(1), one small record.
  std::string tag = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  constexpr int kBranches = 20;
  uint64_t before = DirBytes(path);
  auto start = Clock::now();
  for (int i = 0; i < kBranches; i++)
    Run(*c, "CREATE DATABASE BRANCH b" + tag + "_" + std::to_string(i) + " FROM main AS OF NOW");
  double create_ms = Seconds(start) * 1000 / kBranches;
  uint64_t after = DirBytes(path);
  std::printf("create branch: %.3f ms each, %.0f bytes each (directory growth)\n", create_ms,
              static_cast<double>(after - before) / kBranches);

  // The peer of creation: a small commit (one row, autocommit), under fsync and without.
  Run(*c, "CREATE TABLE IF NOT EXISTS small_commits (id bigint)");
  for (const char* sync : {"on", "off"}) {
    Run(*c, std::string("SET synchronous_commit = ") + sync);
    start = Clock::now();
    for (int i = 0; i < kBranches; i++) Run(*c, "INSERT INTO small_commits VALUES (1)");
    double commit_ms = Seconds(start) * 1000 / kBranches;
    start = Clock::now();
    for (int i = 0; i < kBranches; i++)
      Run(*c, "CREATE DATABASE BRANCH s" + tag + sync + std::to_string(i) + " FROM main");
    std::printf("synchronous_commit = %s: small commit %.3f ms, create branch %.3f ms\n", sync,
                commit_ms, Seconds(start) * 1000 / kBranches);
    for (int i = 0; i < kBranches; i++)
      Run(*c, "DROP DATABASE BRANCH s" + tag + sync + std::to_string(i));
  }
  Run(*c, "RESET synchronous_commit");

  // Reads: main, then a fresh branch (everything read through to main).
  auto [main_scan, main_points] = Reads(*c, rows);
  Run(*c, "SET branch = b" + tag + "_0");
  auto [branch_scan, branch_points] = Reads(*c, rows);
  std::printf("full scan: main %.3f s, fresh branch %.3f s (ratio %.2f)\n", main_scan, branch_scan,
              branch_scan / main_scan);
  std::printf("point reads: main %.0f/s, fresh branch %.0f/s (ratio %.2f)\n", main_points,
              branch_points, branch_points / main_points);

  // Merge time against changed rows.
  for (int64_t changed : {100, 1000, 10000}) {
    std::string name = "m" + tag + "_" + std::to_string(changed);
    Run(*c, "SET branch = main");
    Run(*c, "CREATE DATABASE BRANCH " + name + " FROM main AS OF NOW");
    Run(*c, "SET branch = " + name);
    Run(*c, "UPDATE t SET pad = 'changed' WHERE id <= " + std::to_string(changed));
    Run(*c, "SET branch = main");
    start = Clock::now();
    Run(*c, "MERGE DATABASE BRANCH " + name + " INTO main");
    std::printf("merge of %lld changed rows: %.3f s\n", static_cast<long long>(changed),
                Seconds(start));
  }
  Run(*c, "SET branch = main");
  for (int i = 0; i < kBranches; i++)
    Run(*c, "DROP DATABASE BRANCH b" + tag + "_" + std::to_string(i));
  return 0;
}
