#include "dump/migrator.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <thread>

#include "common/exception.h"
#include "dump/migrate_state.h"
#include "dump/pg_connection.h"
#include "dump/progress.h"
#include "dump/snapshot_source.h"
#include "dump/verifier.h"
#include "dump/verify_side.h"

namespace heliosdb::dump {

namespace {

constexpr size_t kPiecesInFlight = 32;  // per table: about 2 MB of COPY text

// Rows in COPY text, the storage key of the last one, and whether a range (one transaction
// on the target) ends with them.
struct Piece {
  std::string data;
  int64_t rows = 0;
  std::string last_key;
  bool range_end = false;
};

// One table's rows on their way from the reader (the snapshot's connection, one thread) to
// the worker copying them into the target. Bounded, so memory stays small.
class TableChannel {
 public:
  TableChannel(const DumpTable& table, bool fresh) : table(table), fresh(fresh) {}
  const DumpTable& table;
  const bool fresh;  // no range committed yet: empty the target table first
  // False when the consumer gave up (its error is reported by the pool).
  bool Push(Piece piece) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return pieces_.size() < kPiecesInFlight || aborted_; });
    if (aborted_) return false;
    pieces_.push_back(std::move(piece));
    cv_.notify_all();
    return true;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  void Abort() {
    std::lock_guard<std::mutex> lock(mu_);
    aborted_ = true;
    cv_.notify_all();
  }
  // False at the end of the rows; throws when the reader gave up (nothing may commit then).
  bool Pop(Piece* piece) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !pieces_.empty() || closed_ || aborted_; });
    if (aborted_)
      ThrowError(sqlstate::kQueryCanceled, "migration stopped: reading the source failed");
    if (pieces_.empty()) return false;
    *piece = std::move(pieces_.front());
    pieces_.pop_front();
    cv_.notify_all();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Piece> pieces_;
  bool closed_ = false, aborted_ = false;
};

// `jobs` threads, each with its own connection, taking tables off a queue.
class CopyPool {
 public:
  CopyPool(const MigrateOptions& options, MigrateState& state, Progress& progress)
      : options_(options), state_(state), progress_(progress) {
    for (int i = 0; i < options.jobs; i++) threads_.emplace_back([this] { Work(); });
  }
  ~CopyPool() {
    Stop();  // after an exception on the reader's side; Finish() reports the workers' errors
  }
  void Submit(TableChannel* channel) {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(channel);
    cv_.notify_all();
  }
  // Waits for every table; rethrows the first worker error.
  void Finish() {
    Stop();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  void Work() {
    std::unique_ptr<PgConnection> pg;
    while (true) {
      TableChannel* channel;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return !queue_.empty() || done_; });
        if (queue_.empty()) return;
        channel = queue_.front();
        queue_.pop_front();
      }
      try {
        if (!pg) pg = std::make_unique<PgConnection>(options_.target);
        Copy(*pg, *channel);
      } catch (...) {
        channel->Abort();
        pg.reset();  // its transaction is aborted: the next table gets a new connection
        std::lock_guard<std::mutex> lock(mu_);
        if (!error_) error_ = std::current_exception();
      }
    }
  }

  // One transaction per range; the table is recorded done when its rows end.
  void Copy(PgConnection& pg, TableChannel& channel) {
    const DumpTable& t = channel.table;
    const std::string key = ObjectKey(t.schema, t.name);
    const std::string name = QualifiedName(t.schema, t.name);
    bool first = true, more = true;
    int64_t total = 0;
    while (more) {
      pg.Exec("BEGIN");
      // A copy cut off before its first range committed was rolled back; empty anyway.
      if (first && channel.fresh) pg.Exec("TRUNCATE " + name);
      first = false;
      int64_t rows = 0;
      std::string last_key;
      pg.CopyIn("COPY " + name + " " + ColumnList(t) + " FROM STDIN",
                [&](const std::function<void(std::string_view)>& send) {
                  Piece piece;
                  while ((more = channel.Pop(&piece))) {
                    send(piece.data);
                    rows += piece.rows;
                    progress_.AddRows(piece.rows);
                    last_key = std::move(piece.last_key);
                    if (piece.range_end) break;
                  }
                });
      pg.Exec("COMMIT");
      if (rows == 0) continue;
      total += rows;
      state_.RecordRange(key, last_key, rows);
      if (options_.stop_after_ranges >= 0 &&
          committed_.fetch_add(1) + 1 >= options_.stop_after_ranges) {
        std::fprintf(stderr, "\nmigrate: stopping after %d ranges (--stop-after)\n",
                     options_.stop_after_ranges);
        std::_Exit(3);
      }
    }
    state_.RecordTable(key, total);
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
      cv_.notify_all();
    }
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }

  const MigrateOptions& options_;
  MigrateState& state_;
  Progress& progress_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<TableChannel*> queue_;
  bool done_ = false;
  std::exception_ptr error_;
  std::atomic<int> committed_{0};
  std::vector<std::thread> threads_;
};

void RunInTransaction(PgConnection& pg, const std::vector<std::string>& statements) {
  pg.Exec("BEGIN");
  for (const std::string& sql : statements) pg.Exec(sql);
  pg.Exec("COMMIT");
}

// Streams each pending table into its channel, handing the channel to the pool first.
void CopyFrom(SnapshotSource& source, const MigrateOptions& options, MigrateState& state,
              const std::vector<const DumpTable*>& pending, std::deque<TableChannel>& channels,
              CopyPool& pool) {
  for (const DumpTable* t : pending) {
    std::string resume = state.ResumeKey(ObjectKey(t->schema, t->name));
    TableChannel& channel = channels.emplace_back(*t, resume.empty());
    pool.Submit(&channel);
    bool consumer_alive = true;
    int64_t in_range = 0;
    source.StreamRows(
        *t,
        [&](const SnapshotSource::RowPiece& p) {
          if (!consumer_alive) return;
          in_range += p.rows;
          bool range_end = in_range >= options.rows_per_transaction;
          if (range_end) in_range = 0;
          consumer_alive =
              channel.Push(Piece{std::string(p.data), p.rows, std::string(p.last_key), range_end});
        },
        resume, options.rows_per_transaction);
    channel.Close();
    if (!consumer_alive) break;  // the pool reports the worker's error
  }
}

void CopyTables(SnapshotSource& source, const MigrateOptions& options, MigrateState& state) {
  std::vector<const DumpTable*> pending;
  int64_t rows = 0;
  for (const DumpTable& t : source.catalog().tables) {
    if (state.TableDone(ObjectKey(t.schema, t.name))) continue;
    pending.push_back(&t);
    rows += t.rows;
  }
  Progress progress("migrate", rows);
  std::deque<TableChannel> channels;
  CopyPool pool(options, state, progress);
  try {
    CopyFrom(source, options, state, pending, channels, pool);
  } catch (...) {
    for (TableChannel& c : channels) c.Abort();  // workers roll back what they were copying
    throw;
  }
  pool.Finish();
}

}  // namespace

int Migrate(const std::string& db_path, const MigrateOptions& options) {
  SnapshotSource source(db_path);
  MigrateState state(options.state_file.empty() ? db_path + ".migrate-state" : options.state_file,
                     options.target);
  PgConnection pg(options.target);
  if (!state.pre_data()) {
    RunInTransaction(pg, PreDataDdl(source.catalog(), options.ddl));
    state.RecordPreData();
  }
  CopyTables(source, options, state);
  if (!state.post_data()) {
    RunInTransaction(pg, PostDataDdl(source.catalog(), options.ddl));
    state.RecordPostData();
  }
  return Verify(source, VerifyTarget{options.target, ""}, stdout);
}

}  // namespace heliosdb::dump
