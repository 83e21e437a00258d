#include "worker.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <vector>

#include "engine.h"
#include "sql_file.h"

namespace tpch {

namespace {

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

Outcome RunInWorker(const WorkerRequest& r) {
  std::vector<std::string> args = {"tpch_run",
                                   "--worker",
                                   r.engine,
                                   "--db",
                                   r.db_path,
                                   "--sql",
                                   r.sql_path,
                                   "--out",
                                   r.out_prefix,
                                   "--repeat",
                                   std::to_string(r.repeat),
                                   "--threads",
                                   std::to_string(r.threads),
                                   "--memory-limit",
                                   r.memory_limit.empty() ? "default" : r.memory_limit,
                                   "--timeout",
                                   std::to_string(r.timeout_s)};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::remove((r.out_prefix + ".status").c_str());
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) return {Outcome::kError, 0, "fork failed"};
  if (pid == 0) {
    int err = open((r.out_prefix + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) {
      dup2(err, STDOUT_FILENO);
      dup2(err, STDERR_FILENO);
    }
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) return {Outcome::kTimeout, 0, ""};
  if (WIFSIGNALED(status)) {
    return {Outcome::kError, 0,
            "worker killed by signal " + std::to_string(WTERMSIG(status)) + ": " +
                FirstLine(r.out_prefix + ".err")};
  }
  return ReadStatus(r.out_prefix);
}

int WorkerMain(const WorkerRequest& r) {
  try {
    std::vector<std::string> statements = SplitStatements(ReadTextFile(r.sql_path));
    std::unique_ptr<Engine> engine =
        r.engine == "helios" ? OpenHelios(r.db_path, r.threads, r.memory_limit)
                             : OpenSqlite(r.db_path);
    std::vector<double> times;
    std::vector<Row> rows;
    for (int i = 0; i < r.repeat; ++i) {
      alarm(static_cast<unsigned>(r.timeout_s));
      auto start = std::chrono::steady_clock::now();
      rows = engine->Run(statements);
      times.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
      alarm(0);
    }
    std::sort(times.begin(), times.end());
    WriteAnswer(r.out_prefix + ".csv", rows);
    WriteStatus(r.out_prefix, {Outcome::kOk, times[times.size() / 2], ""});
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    WriteStatus(r.out_prefix, {Outcome::kError, 0, e.what()});
    return 1;
  }
}

}  // namespace tpch
