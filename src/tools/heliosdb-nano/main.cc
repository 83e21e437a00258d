// heliosdb-nano: a dispatcher over command-line verbs; without a verb it is the SQL shell.
#include <cstdio>
#include <cstring>

#include "verbs.h"
#include "version.h"

namespace {

struct Verb {
  const char* name;
  int (*run)(int argc, char** argv);
  const char* summary;
};

constexpr Verb kVerbs[] = {
    {"shell", heliosdb::shell::RunShellVerb, "the interactive SQL shell (the default verb)"},
    {"serve", heliosdb::shell::RunServeVerb,
     "the PostgreSQL wire protocol server: serve PATH [--listen ADDR] [--port N]"},
    {"export", heliosdb::shell::RunExportVerb,
     "dump a database: export PATH -o FILE [--format v2|sql] [--all]"},
    {"import", heliosdb::shell::RunImportVerb, "recreate a database: import FILE PATH [--force]"},
    {"migrate", heliosdb::shell::RunMigrateVerb,
     "copy into PostgreSQL: migrate PATH --to postgresql://... [--jobs N]"},
    {"backup", heliosdb::shell::RunBackupVerb, "copy a database online: backup PATH DEST"},
    {"verify", heliosdb::shell::RunVerifyVerb,
     "compare: verify PATH --against postgresql://... | --dump FILE"},
};

void PrintUsage() {
  std::printf("heliosdb-nano, the HeliosDB Nano embedded database.\n\n");
  heliosdb::shell::PrintShellUsage();
  std::printf("\nVerbs:\n");
  for (const Verb& v : kVerbs) std::printf("  %-10s %s\n", v.name, v.summary);
  std::printf(
      "\nOther options:\n  -V, --version  print the version and exit\n"
      "  -?, --help     show this help and exit\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) {
    if (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "-V")) {
      std::printf("heliosdb-nano %s\n", heliosdb::shell::kHeliosVersion);
      return 0;
    }
    if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-?")) {
      PrintUsage();
      return 0;
    }
    for (const Verb& v : kVerbs) {
      if (!std::strcmp(argv[1], v.name)) return v.run(argc - 1, argv + 1);
    }
  }
  return heliosdb::shell::RunShellVerb(argc, argv);
}
