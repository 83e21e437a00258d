// The command-line verbs of heliosdb-nano. Each verb gets argv with its own name at argv[0]
// and returns the process exit status. Later verbs (export, import, migrate, verify, backup)
// add a line here and one in main.cc's table.
#pragma once

namespace heliosdb::shell {

// `heliosdb-nano [shell] [PATH] [-c SQL]... [-f FILE]... [-v NAME=VALUE] [-a] [-e] [-q]`
int RunShellVerb(int argc, char** argv);
void PrintShellUsage();

// `heliosdb-nano serve PATH [--listen ADDR] [--port N] [--max-connections N]`
int RunServeVerb(int argc, char** argv);

// The upgrade path (src/dump): `export`, `import`, `migrate`, `verify`.
int RunExportVerb(int argc, char** argv);
int RunImportVerb(int argc, char** argv);
int RunMigrateVerb(int argc, char** argv);
int RunVerifyVerb(int argc, char** argv);

// `heliosdb-nano backup PATH DEST`: an online RocksDB checkpoint that opens as a database.
int RunBackupVerb(int argc, char** argv);

}  // namespace heliosdb::shell
