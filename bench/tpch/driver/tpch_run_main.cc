// tpch_run: loads tpch_dbgen's files into HeliosDB Nano, SQLite and DuckDB, runs the 22 queries
// on each, checks that the answers agree and prints the times (README.md).
//
//   tpch_run --data DIR [--engines helios,sqlite,duckdb] [--repeat 3] [--threads N]
//            [--timeout 600] [--only 1,6,13] [--work DIR] [--skip-load] [--expected DIR]
//
// With --expected DIR (the CI test, test/tpch/run.sh) the answers are checked against stored
// ones instead of each other, and the last line reads "N passed, N failed".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

#include "answer.h"
#include "duckdb_runner.h"
#include "engine.h"
#include "report.h"
#include "sql_file.h"
#include "worker.h"

namespace tpch {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string data_dir, work_dir, expected_dir;
  std::string queries_dir = TPCH_SOURCE_DIR "/queries";
  std::string schema = TPCH_SOURCE_DIR "/schema.sql";
  std::string duckdb_script = TPCH_SOURCE_DIR "/duckdb/run.mjs";
  std::vector<std::string> engines = {"helios", "sqlite", "duckdb"};
  std::set<int> only;
  int repeat = 3;
  int threads = static_cast<int>(std::thread::hardware_concurrency());
  int timeout_s = 600;
  std::string memory_limit;  // HeliosDB's memory_limit (e.g. 90MB): its spilling run
  bool skip_load = false;
  WorkerRequest worker;  // filled when started as a worker
};

// Queries whose ORDER BY leaves ties (Q3, Q10, Q11 and Q18 order by an aggregate alone), so
// their rows are compared as sets.
const std::set<std::string> kPartiallyOrdered = {"q03", "q10", "q11", "q18"};

[[noreturn]] void Usage(const std::string& why) {
  std::fprintf(stderr,
               "tpch_run: %s\nusage: tpch_run --data DIR [--engines helios,sqlite,duckdb] "
               "[--repeat N] [--threads N] [--memory-limit SIZE] [--timeout SECONDS] [--only 1,6,13] "
               "[--work DIR] "
               "[--skip-load] [--expected DIR] [--queries DIR] [--schema FILE]\n",
               why.c_str());
  std::exit(2);
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> items;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) items.push_back(item);
  return items;
}

Options ParseOptions(int argc, char** argv) {
  Options o;
  bool engines_given = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--skip-load") {
      o.skip_load = true;
      continue;
    }
    if (i + 1 >= argc) Usage(arg + " needs a value");
    std::string value = argv[++i];
    if (arg == "--data")
      o.data_dir = value;
    else if (arg == "--work")
      o.work_dir = value;
    else if (arg == "--expected")
      o.expected_dir = value;
    else if (arg == "--queries")
      o.queries_dir = value;
    else if (arg == "--schema")
      o.schema = value;
    else if (arg == "--engines")
      o.engines = SplitList(value), engines_given = true;
    else if (arg == "--repeat")
      o.repeat = std::max(1, std::atoi(value.c_str()));
    else if (arg == "--threads")
      o.threads = std::atoi(value.c_str());
    else if (arg == "--memory-limit")
      o.memory_limit = value == "default" ? "" : value;
    else if (arg == "--timeout")
      o.timeout_s = std::max(1, std::atoi(value.c_str()));
    else if (arg == "--only")
      for (const auto& q : SplitList(value)) o.only.insert(std::atoi(q.c_str()));
    else if (arg == "--worker")
      o.worker.engine = value;
    else if (arg == "--db")
      o.worker.db_path = value;
    else if (arg == "--sql")
      o.worker.sql_path = value;
    else if (arg == "--out")
      o.worker.out_prefix = value;
    else
      Usage("unknown option " + arg);
  }
  o.worker.repeat = o.repeat;
  o.worker.threads = o.threads;
  o.worker.memory_limit = o.memory_limit;
  o.worker.timeout_s = o.timeout_s;
  if (!o.worker.engine.empty()) return o;
  if (o.data_dir.empty()) Usage("--data is required");
  if (o.work_dir.empty()) o.work_dir = o.data_dir + "/run";
  // The CI test checks HeliosDB alone unless told otherwise.
  if (!o.expected_dir.empty() && !engines_given) o.engines = {"helios"};
  for (const std::string& e : o.engines)
    if (e != "helios" && e != "sqlite" && e != "duckdb") Usage("unknown engine " + e);
  return o;
}

bool Runs(const Options& o, const std::string& engine) {
  for (const std::string& e : o.engines)
    if (e == engine) return true;
  return false;
}

std::string DbPath(const Options& o, const std::string& engine) {
  return o.work_dir + "/" + engine + ".db";
}

void LoadEngine(const Options& o, const std::string& engine) {
  fs::remove_all(DbPath(o, engine));
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Engine> db =
      engine == "helios" ? OpenHelios(DbPath(o, engine), o.threads) : OpenSqlite(DbPath(o, engine));
  db->Load(ReadTextFile(o.schema), o.data_dir);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: loaded in %.1f s\n", engine.c_str(), s);
}

// q01 ... q22 present in the queries folder, less those --only leaves out.
std::vector<std::string> QueryNames(const Options& o) {
  std::vector<std::string> names;
  for (int n = 1; n <= 22; ++n) {
    char name[8];
    std::snprintf(name, sizeof(name), "q%02d", n);
    if ((o.only.empty() || o.only.count(n)) && fs::exists(o.queries_dir + "/" + name + ".sql"))
      names.push_back(name);
  }
  return names;
}

std::string SqlFor(const Options& o, const std::string& engine, const std::string& query) {
  std::string variant = o.queries_dir + "/" + engine + "/" + query + ".sql";
  return fs::exists(variant) ? variant : o.queries_dir + "/" + query + ".sql";
}

std::string AnswerPrefix(const Options& o, const std::string& engine, const std::string& query) {
  return o.work_dir + "/answers/" + engine + "/" + query;
}

void RunEngines(const Options& o, std::vector<QueryReport>& reports) {
  for (const std::string engine : {"helios", "sqlite"}) {
    if (!Runs(o, engine)) continue;
    for (QueryReport& report : reports) {
      WorkerRequest r = o.worker;
      r.engine = engine;
      r.db_path = DbPath(o, engine);
      r.sql_path = SqlFor(o, engine, report.name);
      r.out_prefix = AnswerPrefix(o, engine, report.name);
      Outcome outcome = RunInWorker(r);
      if (outcome.kind == Outcome::kOk)
        std::printf("%s: %s %.1f ms\n", engine.c_str(), report.name.c_str(), outcome.median_ms);
      else if (outcome.kind == Outcome::kTimeout)
        std::printf("%s: %s timeout\n", engine.c_str(), report.name.c_str());
      else
        std::printf("%s: %s error %s\n", engine.c_str(), report.name.c_str(),
                    outcome.message.c_str());
      std::fflush(stdout);
      report.outcomes[engine] = outcome;
    }
  }
  if (!Runs(o, "duckdb")) return;
  DuckdbRequest d{o.duckdb_script,
                  o.data_dir,
                  o.queries_dir,
                  o.schema,
                  DbPath(o, "duckdb"),
                  o.work_dir + "/answers/duckdb",
                  {},
                  o.repeat,
                  o.threads,
                  o.timeout_s};
  for (const QueryReport& report : reports) d.queries.push_back(report.name);
  std::string failure = RunDuckdb(d);
  if (!failure.empty()) std::printf("duckdb: %s\n", failure.c_str());
  for (QueryReport& report : reports) {
    Outcome outcome = ReadStatus(AnswerPrefix(o, "duckdb", report.name));
    if (!failure.empty() && outcome.kind == Outcome::kError) outcome.message = failure;
    report.outcomes["duckdb"] = outcome;
  }
}

std::string Compare(const Options& o, const std::string& reference_path, const std::string& engine,
                    const std::string& query) {
  try {
    return CompareAnswers(ReadAnswer(reference_path),
                          ReadAnswer(AnswerPrefix(o, engine, query) + ".csv"),
                          !kPartiallyOrdered.count(query));
  } catch (const std::exception& e) {
    return e.what();
  }
}

// The CI check: every engine's answer against the stored one.
int CheckExpected(const Options& o, const std::vector<QueryReport>& reports) {
  int passed = 0, failed = 0;
  for (const QueryReport& report : reports) {
    for (const auto& [engine, outcome] : report.outcomes) {
      std::string problem =
          outcome.kind == Outcome::kTimeout ? "timeout"
          : outcome.kind != Outcome::kOk
              ? "error: " + outcome.message
              : Compare(o, o.expected_dir + "/" + report.name + ".csv", engine, report.name);
      if (problem.empty()) {
        std::printf("ok   %s %s (%.1f ms)\n", report.name.c_str(), engine.c_str(),
                    outcome.median_ms);
        ++passed;
      } else {
        std::printf("FAIL %s %s: %s\n", report.name.c_str(), engine.c_str(), problem.c_str());
        ++failed;
      }
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

// The benchmark's check: DuckDB's answer (else SQLite's) is the reference for the others.
void CheckAgreement(const Options& o, std::vector<QueryReport>& reports) {
  std::vector<std::string> details;
  for (QueryReport& report : reports) {
    std::string reference;
    for (const std::string engine : {"duckdb", "sqlite", "helios"}) {
      auto it = report.outcomes.find(engine);
      if (it != report.outcomes.end() && it->second.kind == Outcome::kOk) {
        reference = engine;
        break;
      }
    }
    report.check = "-";
    if (reference.empty()) continue;
    std::string differ;
    for (const auto& [engine, outcome] : report.outcomes) {
      if (engine == reference || outcome.kind != Outcome::kOk) continue;
      std::string diff =
          Compare(o, AnswerPrefix(o, reference, report.name) + ".csv", engine, report.name);
      if (diff.empty()) continue;
      differ += " " + engine;
      details.push_back(report.name + " " + engine + " vs " + reference + ": " + diff);
    }
    report.check = differ.empty() ? "same" : "DIFF" + differ;
  }
  for (const std::string& d : details) std::printf("%s\n", d.c_str());
}

int Main(int argc, char** argv) {
  Options o = ParseOptions(argc, argv);
  if (!o.worker.engine.empty()) return WorkerMain(o.worker);
  std::vector<QueryReport> reports;
  for (const std::string& name : QueryNames(o)) reports.push_back({name, {}, ""});
  if (reports.empty()) Usage("no queries in " + o.queries_dir);
  for (const std::string& engine : o.engines)
    fs::create_directories(o.work_dir + "/answers/" + engine);
  std::printf("tpch_run: data %s, engines", o.data_dir.c_str());
  for (const std::string& e : o.engines) std::printf(" %s", e.c_str());
  std::printf(", repeat %d, threads %d, timeout %d s", o.repeat, o.threads, o.timeout_s);
  if (!o.memory_limit.empty()) std::printf(", HeliosDB memory_limit %s", o.memory_limit.c_str());
  std::printf("\n");
  for (const std::string engine : {"helios", "sqlite"})
    if (Runs(o, engine) && !o.skip_load) LoadEngine(o, engine);
  RunEngines(o, reports);
  if (!o.expected_dir.empty()) return CheckExpected(o, reports);
  CheckAgreement(o, reports);
  std::vector<std::string> columns;
  for (const std::string engine : {"helios", "sqlite", "duckdb"})
    if (Runs(o, engine)) columns.push_back(engine);
  PrintReport(columns, reports);
  return 0;
}

}  // namespace
}  // namespace tpch

int main(int argc, char** argv) {
  try {
    return tpch::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tpch_run: %s\n", e.what());
    return 1;
  }
}
