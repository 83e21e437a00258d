// UUID text input (every spelling PostgreSQL accepts), canonical output and random v4 UUIDs.
#pragma once

#include <string>
#include <string_view>

#include "common/types.h"

namespace heliosdb {

// Accepts 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', upper case, '{...}', no hyphens, or a hyphen
// after any group of four hex digits. Throws 22P02 invalid input syntax for type uuid: "x".
Uuid ParseUuid(std::string_view text);
std::string FormatUuid(const Uuid& u);  // canonical lower case, 36 characters
// A version 4 UUID from the kernel's CSPRNG (getrandom), buffered per thread.
Uuid RandomUuid();

}  // namespace heliosdb
