#include "common/memory_size.h"

#include <unistd.h>

#include <cctype>
#include <cstdlib>

namespace heliosdb {

namespace {
struct Unit {
  const char* name;
  int64_t bytes;
};
// Largest first: FormatMemorySize picks the first that divides exactly.
constexpr Unit kUnits[] = {{"TB", int64_t{1} << 40},
                           {"GB", int64_t{1} << 30},
                           {"MB", int64_t{1} << 20},
                           {"kB", int64_t{1} << 10},
                           {"B", 1}};

bool SameUnit(std::string_view a, const char* b) {
  std::string_view u(b);
  if (a.size() != u.size()) return false;
  for (size_t i = 0; i < a.size(); i++)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(u[i])))
      return false;
  return true;
}
}  // namespace

std::optional<int64_t> ParseMemorySize(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) i++;
  size_t digits = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) i++;
  if (i == digits || i - digits > 15) return std::nullopt;
  int64_t number = std::strtoll(std::string(text.substr(digits, i - digits)).c_str(), nullptr, 10);
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) i++;
  size_t unit_begin = i;
  while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) i++;
  std::string_view unit = text.substr(unit_begin, i - unit_begin);
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) i++;
  if (i != text.size()) return std::nullopt;
  if (unit.empty()) return number;
  for (const Unit& u : kUnits) {
    if (!SameUnit(unit, u.name)) continue;
    if (number > INT64_MAX / u.bytes) return std::nullopt;
    return number * u.bytes;
  }
  return std::nullopt;
}

std::string FormatMemorySize(int64_t bytes) {
  for (const Unit& u : kUnits)
    if (bytes != 0 && bytes % u.bytes == 0) return std::to_string(bytes / u.bytes) + u.name;
  return std::to_string(bytes) + "B";
}

int64_t PhysicalMemoryBytes() {
  long pages = sysconf(_SC_PHYS_PAGES);
  long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  return static_cast<int64_t>(pages) * page_size;
}

}  // namespace heliosdb
