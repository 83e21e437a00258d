// Command-line parsing of the shell verb (psql's options where they apply).
#include <cstdio>
#include <cstring>
#include <string>

#include "shell.h"
#include "verbs.h"

namespace heliosdb::shell {
namespace {

// Accepts "-c VALUE", "-cVALUE" and "--command=VALUE" forms.
bool OptionValue(int argc, char** argv, int* i, const char* short_name, const char* long_name,
                 std::string* value) {
  std::string a = argv[*i];
  std::string long_eq = std::string(long_name) + "=";
  if (a == short_name || a == long_name) {
    if (*i + 1 >= argc) return false;
    *value = argv[++*i];
    return true;
  }
  if (a.rfind(long_eq, 0) == 0) {
    *value = a.substr(long_eq.size());
    return true;
  }
  if (a.size() > 2 && a.compare(0, 2, short_name) == 0) {
    *value = a.substr(2);
    return true;
  }
  return false;
}

}  // namespace

void PrintShellUsage() {
  std::printf(
      "Usage:\n"
      "  heliosdb-nano [PATH] [OPTION]...    (PATH defaults to ./demo.heliosdb)\n\n"
      "Options:\n"
      "  -c, --command=SQL     run SQL (several statements allowed; repeatable) and exit\n"
      "  -f, --file=FILE       run the statements in FILE (repeatable; - is stdin) and exit\n"
      "  -v, --set=NAME=VALUE  set a variable; -v ON_ERROR_STOP=1 stops at the first error\n"
      "  -a, --echo-all        echo input lines as they are read\n"
      "  -e, --echo-queries    echo statements before running them\n"
      "  -q, --quiet           no banner and no command tags\n"
      "  -X, --no-psqlrc       accepted for psql compatibility (no startup file is read)\n"
      "      --read-only       open the database read-only\n"
      "  -b, --branch=NAME     start on database branch NAME (default main)\n\n"
      "SQL comes from -c/-f, else from stdin: interactive on a terminal (line editing,\n"
      "history in ~/.heliosdb_history), like psql -f when piped. Exit status: 0; 1 when a -c\n"
      "statement fails or a file cannot be read; 2 when the database cannot be opened; 3 when\n"
      "ON_ERROR_STOP ends a script.\n");
}

int RunShellVerb(int argc, char** argv) {
  ShellOptions options;
  bool have_path = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i], value;
    if (OptionValue(argc, argv, &i, "-c", "--command", &value)) {
      options.actions.push_back({false, value});
    } else if (OptionValue(argc, argv, &i, "-f", "--file", &value)) {
      options.actions.push_back({true, value});
    } else if (OptionValue(argc, argv, &i, "-v", "--set", &value) ||
               OptionValue(argc, argv, &i, "-v", "--variable", &value)) {
      size_t eq = value.find('=');
      options.variables[value.substr(0, eq)] = eq == std::string::npos ? "" : value.substr(eq + 1);
    } else if (a == "-a" || a == "--echo-all") {
      options.echo_all = true;
    } else if (a == "-e" || a == "--echo-queries") {
      options.echo_queries = true;
    } else if (a == "-q" || a == "--quiet") {
      options.quiet = true;
    } else if (a == "-X" || a == "--no-psqlrc") {
    } else if (a == "--read-only") {
      options.read_only = true;
    } else if (OptionValue(argc, argv, &i, "-b", "--branch", &value)) {
      options.branch = value;
    } else if (a == "--help" || a == "-?") {
      PrintShellUsage();
      return 0;
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "heliosdb-nano: invalid option \"%s\"\nTry \"heliosdb-nano --help\".\n",
                   a.c_str());
      return 1;
    } else if (!have_path) {
      options.path = a;
      have_path = true;
    } else {
      std::fprintf(stderr, "heliosdb-nano: extra argument \"%s\" ignored\n", a.c_str());
    }
  }
  Shell shell(std::move(options));
  return shell.Run();
}

}  // namespace heliosdb::shell
