#include "duckdb_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace tpch {

std::string RunDuckdb(const DuckdbRequest& r) {
  namespace fs = std::filesystem;
  fs::path package = fs::path(r.script).parent_path() / "node_modules" / "@duckdb" / "node-api";
  if (!fs::exists(package)) return "@duckdb/node-api is not installed: run bench/tpch/setup.sh";
  std::string only;
  for (const std::string& q : r.queries) only += (only.empty() ? "" : ",") + q;
  std::vector<std::string> args = {"node",      r.script,
                                   "--data",    r.data_dir,
                                   "--queries", r.queries_dir,
                                   "--schema",  r.schema,
                                   "--db",      r.db_path,
                                   "--out",     r.out_dir,
                                   "--repeat",  std::to_string(r.repeat),
                                   "--threads", std::to_string(r.threads),
                                   "--timeout", std::to_string(r.timeout_s),
                                   "--only",    only};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) return "fork failed";
  if (pid == 0) {
    execvp("node", argv.data());
    std::perror("node");
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return "node not found";
  return "node exited with status " +
         std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

}  // namespace tpch
