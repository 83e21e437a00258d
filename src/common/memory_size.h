// Memory sizes as settings spell them: a number with an optional unit (B, kB, MB, GB, TB;
// case-insensitive, spaces allowed; a bare number is bytes), as in `SET memory_limit = '2GB'`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace heliosdb {

// The size in bytes; nothing when the text is not a size.
std::optional<int64_t> ParseMemorySize(std::string_view text);
// The largest unit that divides the size exactly: 2147483648 -> "2GB", 1536 -> "1536B".
std::string FormatMemorySize(int64_t bytes);
// Physical memory of this machine in bytes (0 when unknown).
int64_t PhysicalMemoryBytes();

}  // namespace heliosdb
