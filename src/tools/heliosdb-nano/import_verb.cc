// `heliosdb-nano import FILE PATH [--force]`: recreates a database from a dump (format v2).
#include <cstdio>

#include "dump/importer.h"
#include "verb_arguments.h"
#include "verbs.h"

namespace heliosdb::shell {

int RunImportVerb(int argc, char** argv) {
  VerbArguments args("import", argc, argv);
  dump::ImportOptions options;
  bool ok = args.Parse({}, [&](const std::string& name, const std::string*) {
    if (name == "--force")
      options.force = true;
    else
      return false;
    return true;
  });
  if (!ok) return 2;
  if (args.help()) {
    std::printf(
        "Usage:\n  heliosdb-nano import FILE PATH [--force]\n\n"
        "Recreates the database dumped in FILE (format v2) at PATH. The whole dump is checked\n"
        "first; a damaged one changes nothing. PATH must be new or empty unless --force.\n");
    return 0;
  }
  if (args.positional().size() != 2)
    return args.Fail("expected a dump FILE and a database PATH (see --help)", 2);
  return args.Run([&] {
    dump::ImportStats s = dump::ImportDump(args.positional()[0], args.positional()[1], options);
    std::fprintf(stderr, "imported %lld tables, %lld rows into %s\n",
                 static_cast<long long>(s.tables), static_cast<long long>(s.rows),
                 args.positional()[1].c_str());
    return 0;
  });
}

}  // namespace heliosdb::shell
