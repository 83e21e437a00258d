// psql-style backslash commands of the shell: \q \timing \x \? \echo \conninfo \i \set and the
// \d family (describe.h). \g \r \p act on the query buffer and live in the shell itself.
#pragma once

#include <string>

namespace heliosdb::shell {

class Shell;

enum class MetaStatus { kOk, kError };

// Runs one backslash command line, e.g. "\d users" or "\timing on". Output goes to stdout,
// complaints to stderr.
MetaStatus RunMetaCommand(Shell* shell, const std::string& line);

// The text \? prints.
const char* MetaCommandHelp();

}  // namespace heliosdb::shell
