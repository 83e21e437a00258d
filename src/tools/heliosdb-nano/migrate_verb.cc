// `heliosdb-nano migrate PATH --to postgresql://... [--jobs N]`.
#include <cstdio>
#include <cstdlib>

#include "dump/migrator.h"
#include "verb_arguments.h"
#include "verbs.h"

namespace heliosdb::shell {

namespace {
bool ParseInt(const std::string& text, long min, long max, int64_t* out) {
  char* end = nullptr;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v < min || v > max) return false;
  *out = v;
  return true;
}
}  // namespace

int RunMigrateVerb(int argc, char** argv) {
  VerbArguments args("migrate", argc, argv);
  dump::MigrateOptions options;
  int64_t number = 0;
  bool ok = args.Parse(
      {"--to", "--jobs", "--state", "--target", "--rows-per-transaction", "--stop-after"},
      [&](const std::string& name, const std::string* v) {
        if (name == "--to")
          options.target = *v;
        else if (name == "--jobs")
          return ParseInt(*v, 1, 64, &number) && (options.jobs = static_cast<int>(number));
        else if (name == "--state")
          options.state_file = *v;
        else if (name == "--stop-after")
          return ParseInt(*v, 0, 1000000, &number) &&
                 (options.stop_after_ranges = static_cast<int>(number), true);
        else if (name == "--rows-per-transaction")
          return ParseInt(*v, 1, 1000000000, &options.rows_per_transaction);
        else if (name == "--target") {
          if (*v == "citus")
            options.ddl.target = dump::DdlTarget::kCitus;
          else if (*v != "postgresql")
            return false;
        } else {
          return false;
        }
        return true;
      });
  if (!ok) return 2;
  if (args.help()) {
    std::printf(
        "Usage:\n  heliosdb-nano migrate PATH --to postgresql://USER@HOST:PORT/DB [--jobs N]\n"
        "        [--state FILE] [--target postgresql|citus] [--rows-per-transaction N]\n\n"
        "Copies the database at PATH (one snapshot) into a running PostgreSQL-protocol server:\n"
        "tables, then rows by COPY on N connections at once (default 2), then constraints,\n"
        "indexes, sequences and views; then verifies. Rows go over in transactions of\n"
        "--rows-per-transaction rows (default 100000); interrupted, a re-run resumes after the\n"
        "last one committed: FILE (default PATH.migrate-state) records what was copied.\n");
    return 0;
  }
  if (args.positional().size() != 1 || options.target.empty())
    return args.Fail("expected a database PATH and --to URL (see --help)", 2);
  return args.Run([&] { return dump::Migrate(args.positional()[0], options) ? 1 : 0; });
}

}  // namespace heliosdb::shell
