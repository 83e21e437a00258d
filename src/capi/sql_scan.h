// Finding where the first SQL statement of a text ends, for helios_prepare's tail: the first
// ';' outside quotes, dollar quotes and comments. Uses no engine internals (the C API is built
// on the public C++ API only).
#pragma once

#include <string_view>

namespace heliosdb::capi {

// Offset just past the first statement's ';', or text.size() when there is none.
size_t FirstStatementEnd(std::string_view text);

// True when text holds only whitespace, comments and ';'.
bool IsBlankSql(std::string_view text);

}  // namespace heliosdb::capi
