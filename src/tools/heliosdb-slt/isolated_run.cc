#include "isolated_run.h"

#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <new>

namespace heliosdb::slt {
namespace {

std::string MakeTempDir() {
  std::string base = std::filesystem::temp_directory_path().string() + "/heliosdb-slt-XXXXXX";
  if (mkdtemp(base.data()) == nullptr) return "";
  return base;
}

// Waits for the child to exit (its end of the pipe closes) until the deadline or *stop.
// Returns true when it exited by itself.
bool WaitForChild(int read_fd, int budget_seconds, const volatile bool* stop) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(budget_seconds);
  while (!*stop) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) return false;
    pollfd p{read_fd, POLLIN, 0};
    int n = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (n < 0 && errno != EINTR) return false;
    if (n > 0) {
      char buf[64];
      if (read(read_fd, buf, sizeof(buf)) <= 0) return true;  // EOF: the child is gone
    }
  }
  return false;
}

std::string Where(const RunCounters& c) {
  return std::string(c.current_file) + ":" + std::to_string(c.current_line.load());
}

void RunChild(const std::string& path, const std::string& db_path, const RunOptions& options,
              RunCounters* counters, int write_fd) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  signal(SIGTERM, SIG_DFL);
  (void)write_fd;  // held open until exit: its closing tells the parent we are done
  RunFile(path, db_path, options, counters);
  std::fflush(stdout);
  _exit(0);
}

}  // namespace

FileTotals RunIsolated(const std::string& path, const RunOptions& options, int budget_seconds,
                       bool isolate, const volatile bool* stop) {
  FileTotals totals;
  std::string dir = MakeTempDir();
  if (dir.empty()) {
    totals.failed = 1;
    totals.problem = "cannot create a temporary directory";
    return totals;
  }
  std::string db_path = dir + "/test.heliosdb";
  void* memory =
      mmap(nullptr, sizeof(RunCounters), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) {
    totals.failed = 1;
    totals.problem = "mmap failed";
    std::filesystem::remove_all(dir);
    return totals;
  }
  auto* counters = new (memory) RunCounters();
  if (!isolate) {
    RunFile(path, db_path, options, counters);
  } else {
    int fds[2];
    std::fflush(stdout);
    pid_t pid = -1;
    if (pipe(fds) == 0) pid = fork();
    if (pid == 0) {
      close(fds[0]);
      RunChild(path, db_path, options, counters, fds[1]);
    }
    if (pid < 0) {
      totals.problem = "cannot start a child process";
    } else {
      close(fds[1]);
      bool exited = WaitForChild(fds[0], budget_seconds, stop);
      if (!exited) kill(pid, SIGKILL);
      int status = 0;
      waitpid(pid, &status, 0);
      close(fds[0]);
      if (!exited) {
        totals.problem =
            *stop ? "interrupted at " + Where(*counters)
                  : "timeout after " + std::to_string(budget_seconds) + "s at " + Where(*counters);
      } else if (WIFSIGNALED(status)) {
        totals.problem =
            "crashed (signal " + std::to_string(WTERMSIG(status)) + ") at " + Where(*counters);
      }
    }
  }
  totals.passed = counters->passed;
  totals.failed = counters->failed;
  totals.skipped = counters->skipped;
  if (!counters->done) {
    int64_t done = totals.passed + totals.failed + totals.skipped;
    int64_t total = counters->total;
    totals.failed += total > done ? total - done : 1;
    if (totals.problem.empty()) totals.problem = "stopped early at " + Where(*counters);
  }
  counters->~RunCounters();
  munmap(memory, sizeof(RunCounters));
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return totals;
}

}  // namespace heliosdb::slt
