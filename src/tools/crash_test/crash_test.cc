// crash_test: kills a writer process with SIGKILL in the middle of its commits, reopens the
// database and checks that every acknowledged commit survived and no transaction is torn.
//
//   crash_test [--cycles N] [--dir PATH] [--seed S] [--verbose]
//
// Each cycle re-executes this binary as a writer (exec, not a bare fork: RocksDB's background
// threads do not survive fork) that commits transactions numbered start, start + 1, ... and
// writes each number to a pipe once COMMIT has returned. Transaction n inserts RowsOf(n) ledger
// rows (id n * 8 + seq, delta DeltaOf(n, seq)) and adds their deltas to the balance row id 0
// (txn = number of transactions, delta = running total), so a torn transaction shows as a
// short group or a balance that disagrees with the rows. Cycle kinds:
//   durable-autocommit  one INSERT ... ON CONFLICT DO UPDATE statement per transaction
//   durable-explicit    BEGIN; one INSERT per row; UPDATE balance; COMMIT (plus rollbacks)
//   durable-mixed       both, alternating
//   relaxed             Options::synchronous_commit = false: acknowledged commits may be lost
//   torn-tail           kSyncedPrefix synced commits, then SET synchronous_commit = off; after
//                       the kill the newest RocksDB *.log loses its last bytes
// After every kill the database must open, hold a gap-free prefix of transactions that covers
// every commit acknowledged while durable, each one whole, and a balance equal to their sum.
// Prints one line per failed check and ends with "N passed, N failed" (cycles).
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "heliosdb/database.h"

namespace fs = std::filesystem;
using heliosdb::Database;
using heliosdb::Options;

namespace {

enum class Kind { kDurableAutocommit, kDurableExplicit, kDurableMixed, kRelaxed, kTornTail };
constexpr Kind kKinds[] = {Kind::kDurableAutocommit, Kind::kDurableExplicit, Kind::kDurableMixed,
                           Kind::kRelaxed, Kind::kTornTail};
constexpr const char* kKindNames[] = {"durable-autocommit", "durable-explicit", "durable-mixed",
                                      "relaxed", "torn-tail"};
constexpr int kSyncedPrefix = 5;  // torn-tail: commits made durable before going relaxed

int RowsOf(int64_t n) {
  return 1 + static_cast<int>(n % 4);
}
int64_t DeltaOf(int64_t n, int seq) {
  return (n * 31 + seq * 7) % 100 + 1;
}
int64_t DeltaSumOf(int64_t n) {
  int64_t sum = 0;
  for (int seq = 1; seq <= RowsOf(n); ++seq) sum += DeltaOf(n, seq);
  return sum;
}
std::string RowValues(int64_t id, int64_t n, int64_t delta) {
  // About 60 bytes of padding, so a transaction's log record is a few hundred bytes.
  return "(" + std::to_string(id) + ", " + std::to_string(n) + ", " + std::to_string(delta) +
         ", 'txn-" + std::to_string(n) + "-padding-padding-padding-padding-padding-padding')";
}

// ---- the writer (child process) ----

[[noreturn]] void WriterFail(const std::string& what, const heliosdb::Status& s) {
  std::fprintf(stderr, "writer: %s: %s\n", what.c_str(), s.message().c_str());
  std::fflush(stderr);
  _exit(3);
}

void Run(heliosdb::Connection* conn, const std::string& sql) {
  auto r = conn->Execute(sql);
  if (!r.ok()) WriterFail(sql.substr(0, 60), r.status());
}

// One statement: the rows and the balance upsert commit or vanish together.
void AutocommitTxn(heliosdb::Connection* conn, int64_t n) {
  std::string sql = "INSERT INTO ledger VALUES ";
  for (int seq = 1; seq <= RowsOf(n); ++seq)
    sql += RowValues(n * 8 + seq, n, DeltaOf(n, seq)) + ", ";
  sql += "(0, 1, " + std::to_string(DeltaSumOf(n)) + ", '') ON CONFLICT (id) DO UPDATE SET " +
         "txn = ledger.txn + excluded.txn, delta = ledger.delta + excluded.delta";
  Run(conn, sql);
}

// BEGIN ... COMMIT (or ROLLBACK) with one statement per row, so the kill can land between them.
// Rolled-back rows use negative ids and a huge delta: any trace of them is a failure.
void ExplicitTxn(heliosdb::Connection* conn, int64_t n, bool rollback) {
  Run(conn, "BEGIN");
  int64_t sign = rollback ? -1 : 1;
  for (int seq = 1; seq <= RowsOf(n); ++seq) {
    int64_t delta = rollback ? 1000000 : DeltaOf(n, seq);
    Run(conn, "INSERT INTO ledger VALUES " + RowValues(sign * (n * 8 + seq), n, delta));
  }
  int64_t sum = rollback ? 1000000 : DeltaSumOf(n);
  Run(conn,
      "UPDATE ledger SET txn = txn + 1, delta = delta + " + std::to_string(sum) + " WHERE id = 0");
  auto r = conn->Execute(rollback ? "ROLLBACK" : "COMMIT");
  if (!r.ok()) WriterFail("commit", r.status());
  if (!rollback && r->command_tag() != "COMMIT") {
    WriterFail("commit", heliosdb::Status::Error("XX000", "tag " + r->command_tag()));
  }
}

void Ack(int fd, uint64_t n) {
  if (write(fd, &n, sizeof(n)) != sizeof(n)) _exit(4);  // the parent is gone
}

int RunWriter(const std::string& dir, Kind kind, int64_t start, int fd) {
  Options options;
  options.synchronous_commit = kind != Kind::kRelaxed;
  auto db = Database::Open(dir, options);
  if (!db.ok()) WriterFail("open", db.status());
  auto conn = db.value()->Connect();
  Ack(fd, 0);  // ready: the parent's random delay starts now
  for (int64_t i = 0, n = start;; ++i, ++n) {
    if (kind == Kind::kTornTail && i == kSyncedPrefix)
      Run(conn.get(), "SET synchronous_commit = off");
    bool explicit_txn =
        kind == Kind::kDurableExplicit || (kind != Kind::kDurableAutocommit && n % 2 == 1);
    if (!explicit_txn) {
      AutocommitTxn(conn.get(), n);
    } else {
      if (n % 5 == 0) ExplicitTxn(conn.get(), n, /*rollback=*/true);
      ExplicitTxn(conn.get(), n, /*rollback=*/false);
    }
    Ack(fd, static_cast<uint64_t>(n));
  }
}

// ---- the parent: spawn, kill, tear, verify ----

struct Cycle {
  int index;
  Kind kind;
  bool early_kill;  // killed during open and recovery, not only during commits
  int64_t start;    // the writer's first transaction number
  std::vector<int64_t> acks;
  std::vector<std::string> failures;
  void Fail(const std::string& what) { failures.push_back(what); }
};

// Starts the writer; returns its pid and the pipe's read end in *read_fd.
pid_t SpawnWriter(const std::string& dir, const Cycle& c, int* read_fd) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string kind = std::to_string(static_cast<int>(c.kind));
    std::string start = std::to_string(c.start), fd = std::to_string(fds[1]);
    execl("/proc/self/exe", "crash_test", "--writer", dir.c_str(), kind.c_str(), start.c_str(),
          fd.c_str(), static_cast<char*>(nullptr));
    _exit(5);
  }
  close(fds[1]);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  *read_fd = fds[0];
  return pid;
}

// Reads whole acknowledgements until the deadline (or EOF); returns false on EOF.
bool ReadAcks(int fd, std::chrono::steady_clock::time_point deadline, std::string* buf, Cycle* c,
              bool* ready) {
  using Clock = std::chrono::steady_clock;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return true;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[4096];
    ssize_t got = read(fd, chunk, sizeof(chunk));
    if (got == 0) return false;
    if (got < 0) continue;
    buf->append(chunk, got);
    size_t whole = buf->size() / 8 * 8;
    bool became_ready = false;
    for (size_t i = 0; i < whole; i += 8) {
      uint64_t n;
      std::memcpy(&n, buf->data() + i, 8);
      if (n == 0) {
        became_ready = *ready = true;
      } else {
        c->acks.push_back(static_cast<int64_t>(n));
      }
    }
    buf->erase(0, whole);
    if (became_ready && !c->early_kill) return true;  // the caller starts the kill timer now
  }
}

void KillWriter(const std::string& dir, Cycle* c, std::mt19937* rng) {
  using Clock = std::chrono::steady_clock;
  int fd = -1;
  pid_t pid = SpawnWriter(dir, *c, &fd);
  if (pid < 0) return c->Fail("cannot start the writer");
  std::string buf;
  bool ready = false;
  auto ms = [&](int lo, int hi) {
    return std::chrono::milliseconds(std::uniform_int_distribution<int>(lo, hi)(*rng));
  };
  if (c->early_kill) {
    ReadAcks(fd, Clock::now() + ms(0, 40), &buf, c, &ready);
  } else {
    bool open = ReadAcks(fd, Clock::now() + std::chrono::seconds(30), &buf, c, &ready);
    if (open && ready) ReadAcks(fd, Clock::now() + ms(2, 200), &buf, c, &ready);
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ReadAcks(fd, Clock::now() + std::chrono::seconds(5), &buf, c, &ready);  // drain until EOF
  close(fd);
  if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL) {
    c->Fail("writer exited by itself (status " + std::to_string(status) + ")");
  } else if (!ready && !c->early_kill) {
    c->Fail("writer did not open the database within 30 s");
  }
}

// Cuts up to 100 bytes off the newest log: less than one transaction's record, and only when
// relaxed commits follow the synced ones, so no durable commit can be cut.
void TearLogTail(const std::string& dir, Cycle* c, std::mt19937* rng) {
  if (static_cast<int>(c->acks.size()) <= kSyncedPrefix) return;
  fs::path newest;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".log") continue;
    if (newest.empty() || e.path().filename().string() > newest.filename().string()) newest = e;
  }
  if (newest.empty()) return c->Fail("torn-tail: no *.log file in " + dir);
  auto size = fs::file_size(newest);
  if (size == 0) return;
  auto cut = std::min<uintmax_t>(size, std::uniform_int_distribution<int>(1, 100)(*rng));
  fs::resize_file(newest, size - cut);
}

// The newest transaction that must have survived: everything an earlier cycle saw, plus every
// commit acknowledged while synchronous_commit was on.
int64_t RequiredThrough(const Cycle& c) {
  int64_t required = c.start - 1;
  size_t durable_acks = c.acks.size();
  if (c.kind == Kind::kRelaxed) durable_acks = 0;
  if (c.kind == Kind::kTornTail) durable_acks = std::min<size_t>(durable_acks, kSyncedPrefix);
  if (durable_acks > 0) required = std::max(required, c.acks[durable_acks - 1]);
  return required;
}

std::string S(int64_t n) {
  return std::to_string(n);
}

// Checks that the ledger holds transactions 1..newest, each whole, and that the balance row
// agrees with them; returns newest.
int64_t CheckLedger(const heliosdb::QueryResult& groups, const heliosdb::QueryResult& balance,
                    Cycle* c) {
  int64_t newest = 0, total = 0;
  for (size_t i = 0; i < groups.row_count(); ++i) {
    int64_t n = groups.GetInt64(i, 0), rows = groups.GetInt64(i, 1), sum = groups.GetInt64(i, 2);
    if (n != newest + 1)
      c->Fail("gap: transaction " + S(newest + 1) + " missing, " + S(n) + " present");
    if (rows != RowsOf(n) || sum != DeltaSumOf(n)) {
      c->Fail("partial transaction " + S(n) + ": " + S(rows) + " of " + S(RowsOf(n)) +
              " rows, delta " + S(sum) + " of " + S(DeltaSumOf(n)));
    }
    newest = n;
    total += sum;
  }
  auto count = static_cast<int64_t>(groups.row_count());
  if (balance.row_count() != 1) {
    c->Fail("balance row missing");
  } else if (balance.GetInt64(0, 0) != count || balance.GetInt64(0, 1) != total) {
    c->Fail("balance row disagrees with the ledger: " + S(balance.GetInt64(0, 0)) +
            " txns, total " + S(balance.GetInt64(0, 1)) + " vs " + S(count) + " txns, total " +
            S(total));
  }
  return newest;
}

// Opens the database and checks it; returns the newest transaction present (or -1).
int64_t Verify(const std::string& dir, Cycle* c) {
  auto db = Database::Open(dir);
  if (!db.ok()) return c->Fail("database does not open: " + db.status().message()), -1;
  auto conn = db.value()->Connect();
  auto groups = conn->Execute(
      "SELECT txn, count(*), sum(delta)::bigint FROM ledger WHERE id > 0 GROUP BY txn "
      "ORDER BY txn");
  auto balance = conn->Execute("SELECT txn, delta FROM ledger WHERE id = 0");
  auto rolled_back = conn->Execute("SELECT count(*) FROM ledger WHERE id < 0");
  for (const auto* r : {&groups, &balance, &rolled_back}) {
    if (!r->ok()) return c->Fail("verification query failed: " + r->status().message()), -1;
  }
  int64_t newest = CheckLedger(*groups, *balance, c);
  if (rolled_back->GetInt64(0, 0) != 0) c->Fail("rows of a rolled-back transaction are visible");
  int64_t required = RequiredThrough(*c);
  if (newest < required) {
    c->Fail("acknowledged transaction " + S(required) + " lost (newest present " + S(newest) + ")");
  }
  // The point-lookup path must agree with the scan: the newest transaction's first row.
  if (newest > 0) {
    auto row = conn->Execute("SELECT delta FROM ledger WHERE id = " + S(newest * 8 + 1));
    if (!row.ok() || row->row_count() != 1 || row->GetInt64(0, 0) != DeltaOf(newest, 1)) {
      c->Fail("point lookup of transaction " + S(newest) + " disagrees with the scan");
    }
  }
  return newest;
}

bool CreateDatabase(const std::string& dir) {
  auto db = Database::Open(dir);
  if (!db.ok()) return std::fprintf(stderr, "open: %s\n", db.status().message().c_str()), false;
  auto conn = db.value()->Connect();
  auto r = conn->Execute(
      "CREATE TABLE ledger (id BIGINT PRIMARY KEY, txn BIGINT, delta BIGINT, pad TEXT);"
      "INSERT INTO ledger VALUES (0, 0, 0, '')");
  if (!r.ok()) std::fprintf(stderr, "create: %s\n", r.status().message().c_str());
  return r.ok();
}

int RunParent(int cycles, std::string dir, uint64_t seed, bool verbose) {
  bool own_dir = dir.empty();
  if (own_dir) {
    char tmpl[] = "/tmp/heliosdb-crash-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return std::perror("mkdtemp"), 2;
    dir = std::string(tmpl) + "/db";
  } else {
    // Only our own subdirectory is ever removed, never what the user named.
    fs::create_directories(dir);
    dir = (fs::path(dir) / "crash.heliosdb").string();
    fs::remove_all(dir);
  }
  std::printf("crash_test: %d cycles, seed %llu, dir %s\n", cycles,
              static_cast<unsigned long long>(seed), dir.c_str());
  if (!CreateDatabase(dir)) {
    std::printf("0 passed, %d failed\n", cycles);  // the line scripts/run-tests.sh reads
    return 1;
  }
  std::mt19937 rng(static_cast<uint32_t>(seed));
  int passed = 0, failed = 0;
  int64_t next = 1;
  for (int i = 0; i < cycles; ++i) {
    Cycle c{i, kKinds[i % 5], i % 7 == 6, next, {}, {}};
    KillWriter(dir, &c, &rng);
    if (c.kind == Kind::kTornTail) TearLogTail(dir, &c, &rng);
    int64_t newest = Verify(dir, &c);
    if (newest >= 0) next = newest + 1;
    if (verbose) {
      std::printf("cycle %d (%s%s): %zu acknowledged from %lld, newest present %lld\n", i,
                  kKindNames[static_cast<int>(c.kind)], c.early_kill ? ", early kill" : "",
                  c.acks.size(), static_cast<long long>(c.start), static_cast<long long>(newest));
    }
    for (const auto& f : c.failures) {
      std::printf("cycle %d (%s%s): %s\n", i, kKindNames[static_cast<int>(c.kind)],
                  c.early_kill ? ", early kill" : "", f.c_str());
    }
    std::fflush(stdout);
    (c.failures.empty() ? passed : failed)++;
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  if (own_dir && failed == 0) fs::remove_all(fs::path(dir).parent_path());
  if (failed > 0) std::printf("database kept in %s\n", dir.c_str());
  return failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::strcmp(argv[1], "--writer") == 0) {
    return RunWriter(argv[2], static_cast<Kind>(std::atoi(argv[3])), std::atoll(argv[4]),
                     std::atoi(argv[5]));
  }
  int cycles = 30;
  std::string dir;
  bool verbose = false;
  uint64_t seed =
      static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 < argc && arg == "--cycles") {
      cycles = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--dir") {
      dir = argv[++i];
    } else if (arg == "--verbose") {
      verbose = true;
    } else if (i + 1 < argc && arg == "--seed") {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: crash_test [--cycles N] [--dir PATH] [--seed S] [--verbose]\n");
      return 2;
    }
  }
  return RunParent(cycles, dir, seed, verbose);
}
