// `heliosdb-nano verify PATH --against postgresql://... | --dump FILE`.
#include <cstdio>

#include "dump/verifier.h"
#include "verb_arguments.h"
#include "verbs.h"

namespace heliosdb::shell {

int RunVerifyVerb(int argc, char** argv) {
  VerbArguments args("verify", argc, argv);
  dump::VerifyTarget target;
  bool ok = args.Parse({"--against", "--dump"}, [&](const std::string& name, const std::string* v) {
    if (name == "--against")
      target.postgres = *v;
    else if (name == "--dump")
      target.dump_file = *v;
    else
      return false;
    return true;
  });
  if (!ok) return 2;
  if (args.help()) {
    std::printf(
        "Usage:\n  heliosdb-nano verify PATH --against postgresql://USER@HOST:PORT/DB\n"
        "  heliosdb-nano verify PATH --dump FILE\n\n"
        "Compares the database at PATH with a PostgreSQL-protocol server or a dump: per table\n"
        "the row count and an order-independent checksum of every row (computed by SQL on the\n"
        "server), and the presence of every index and view. Exits 1 on any difference.\n");
    return 0;
  }
  if (args.positional().size() != 1 || target.postgres.empty() == target.dump_file.empty())
    return args.Fail("expected a database PATH and one of --against URL or --dump FILE", 2);
  return args.Run([&] { return dump::Verify(args.positional()[0], target, stdout) ? 1 : 0; });
}

}  // namespace heliosdb::shell
