// Errors printed the way psql prints a server error: "ERROR:  message", then for errors with a
// position the offending line ("LINE n: ...", cut to about 60 columns around the position as
// libpq does) with a caret under the position, then DETAIL and HINT lines.
#pragma once

#include <string>

#include "heliosdb/status.h"

namespace heliosdb::shell {

// `query` is the statement text the position counts in (1-based characters). `prefix`, when
// not empty, goes in front of "ERROR:" (psql's "psql:file.sql:12: " for -f input).
std::string FormatError(const Status& status, const std::string& query,
                        const std::string& prefix = "");

}  // namespace heliosdb::shell
