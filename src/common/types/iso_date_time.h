// The fast path of date and timestamp input: the exact ISO 8601 forms that COPY, dumps and
// drivers send ("2024-03-01", "2024-03-01 12:34:56.789", "...+05:30"). Anything else (other
// DateStyle orders, month names, BC, zone names, 24:00:00, leap seconds) returns nullopt and
// goes through the general parser (date_time_parse.cc), so the results never differ.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace heliosdb {

struct IsoDateTime {
  int64_t days = 0;     // since 1970-01-01
  int64_t time_us = 0;  // since midnight
  bool has_time = false;
  bool has_offset = false;
  int32_t offset_seconds = 0;  // east of UTC
};

std::optional<IsoDateTime> ParseIsoDateTime(std::string_view text);

}  // namespace heliosdb
