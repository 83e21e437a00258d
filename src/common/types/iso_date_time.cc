#include "common/types/iso_date_time.h"

#include "common/types/date_time.h"

namespace heliosdb {

namespace {

// Reads exactly `n` digits at text[*pos].
bool Digits(std::string_view text, size_t* pos, int n, int* out) {
  if (*pos + n > text.size()) return false;
  int v = 0;
  for (int i = 0; i < n; i++) {
    char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool At(std::string_view text, size_t pos, char c) { return pos < text.size() && text[pos] == c; }

}  // namespace

std::optional<IsoDateTime> ParseIsoDateTime(std::string_view text) {
  size_t pos = 0;
  int year, month, day;
  if (!Digits(text, &pos, 4, &year) || !At(text, pos++, '-') || !Digits(text, &pos, 2, &month) ||
      !At(text, pos++, '-') || !Digits(text, &pos, 2, &day))
    return std::nullopt;
  // Year 0 does not exist: the general parser gives the error.
  if (year == 0 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  IsoDateTime out;
  out.days = DaysFromCivil(year, month, day);
  if (pos == text.size()) return out;
  int hour, minute, second;
  if (!(At(text, pos, ' ') || At(text, pos, 'T'))) return std::nullopt;
  pos++;
  if (!Digits(text, &pos, 2, &hour) || !At(text, pos++, ':') || !Digits(text, &pos, 2, &minute) ||
      !At(text, pos++, ':') || !Digits(text, &pos, 2, &second))
    return std::nullopt;
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  int64_t fraction = 0;
  if (At(text, pos, '.')) {
    pos++;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      // More than microseconds needs rounding: the general parser does that.
      if (++digits > 6) return std::nullopt;
      fraction = fraction * 10 + (text[pos++] - '0');
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 6; digits++) fraction *= 10;
  }
  out.has_time = true;
  out.time_us = ((hour * 60 + minute) * 60 + second) * int64_t{1000000} + fraction;
  if (pos == text.size()) return out;
  if (!At(text, pos, '+') && !At(text, pos, '-')) return std::nullopt;
  int sign = text[pos++] == '-' ? -1 : 1;
  int oh, om = 0, os = 0;
  if (!Digits(text, &pos, 2, &oh)) return std::nullopt;
  if (At(text, pos, ':')) {
    pos++;
    if (!Digits(text, &pos, 2, &om)) return std::nullopt;
    if (At(text, pos, ':')) {
      pos++;
      if (!Digits(text, &pos, 2, &os)) return std::nullopt;
    }
  }
  if (pos != text.size() || oh > 15 || om > 59 || os > 59) return std::nullopt;
  out.has_offset = true;
  out.offset_seconds = sign * ((oh * 60 + om) * 60 + os);
  return out;
}

}  // namespace heliosdb
