// `heliosdb-nano backup PATH DEST`: an online copy of a database (a RocksDB checkpoint).
#include <cstdio>

#include "heliosdb/database.h"
#include "verb_arguments.h"
#include "verbs.h"

namespace heliosdb::shell {

int RunBackupVerb(int argc, char** argv) {
  VerbArguments args("backup", argc, argv);
  if (!args.Parse({}, [](const std::string&, const std::string*) { return false; })) return 2;
  if (args.help()) {
    std::printf(
        "Usage:\n  heliosdb-nano backup PATH DEST\n\n"
        "Copies the database at PATH (every branch and its history) into the new directory\n"
        "DEST, which then opens as a database. The copy is consistent as of one commit; other\n"
        "threads of this process may write meanwhile. A database that another process holds\n"
        "open is backed up by that process (Database::Backup in the C++ API).\n");
    return 0;
  }
  if (args.positional().size() != 2) return args.Fail("expected a database PATH and a DEST", 2);
  Options options;
  options.create_if_missing = false;
  auto db = Database::Open(args.positional()[0], options);
  if (!db.ok()) return args.Fail(db.status().message());
  Status s = db.value()->Backup(args.positional()[1]);
  if (!s.ok()) return args.Fail(s.message());
  std::printf("backup of %s written to %s\n", args.positional()[0].c_str(),
              args.positional()[1].c_str());
  return 0;
}

}  // namespace heliosdb::shell
