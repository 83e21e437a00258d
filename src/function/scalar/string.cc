// String functions (PostgreSQL 9.4 "String Functions and Operators"): ||, length and friends,
// case mapping (UTF-8 through utf8proc), substr, position, trim, pad, replace, split_part,
// concat, left/right, repeat, reverse, starts_with, initcap, ascii/chr, md5, to_hex,
// translate. Character counts and offsets are in UTF-8 characters, not bytes.
#include <openssl/evp.h>
#include <utf8proc.h>

#include <cstdio>

#include "common/exception.h"
#include "common/types/string_type.h"
#include "function/builtin_functions.h"
#include "function/cast/cast.h"
#include "function/cast/cast_internal.h"
#include "function/kernel_util.h"
#include "function/scalar/scalar_internal.h"

namespace heliosdb {

namespace {

using SV = std::string_view;

bool IsAscii(SV s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

template <typename Map>
std::string MapCase(SV s, char (*ascii)(char), Map map) {
  std::string out;
  out.reserve(s.size());
  if (IsAscii(s)) {
    for (char c : s) out.push_back(ascii(c));
    return out;
  }
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: keep it as is
      out.push_back(static_cast<char>(*p));
      p++;
      left--;
      continue;
    }
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(map(cp), buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(m));
    p += n;
    left -= n;
  }
  return out;
}

char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
char AsciiUpper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}

std::string Lower(SV s) {
  return MapCase(s, AsciiLower, utf8proc_tolower);
}
std::string Upper(SV s) {
  return MapCase(s, AsciiUpper, utf8proc_toupper);
}

std::string InitCap(SV s) {
  std::string lower = Lower(s);
  std::string out;
  bool word_start = true;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(lower.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(lower.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out.push_back(static_cast<char>(*p++));
      left--;
      continue;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                 (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(word_start && alnum ? utf8proc_toupper(cp) : cp, buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(m));
    word_start = !alnum;
    p += n;
    left -= n;
  }
  return out;
}

// substring(s from start for count) in characters; start may be < 1 (PostgreSQL text_substr).
SV Substr(SV s, int64_t start, int64_t count, bool has_count) {
  if (has_count && count < 0) {
    ThrowError(sqlstate::kSubstringError, "negative substring length not allowed");
  }
  int64_t from = std::max<int64_t>(start, 1);
  if (has_count) {
    __int128 end = static_cast<__int128>(start) + count;  // exclusive, 1-based
    if (end <= from) return SV();
    size_t b = Utf8Offset(s, from - 1);
    size_t e = end - 1 > INT64_MAX ? s.size() : Utf8Offset(s, static_cast<int64_t>(end - 1));
    return s.substr(b, e - b);
  }
  return s.substr(Utf8Offset(s, from - 1));
}

// substring(bytea from start for count): like Substr, in bytes (PostgreSQL bytea_substr).
SV ByteSubstr(SV s, int64_t start, int64_t count, bool has_count) {
  if (has_count && count < 0) {
    ThrowError(sqlstate::kSubstringError, "negative substring length not allowed");
  }
  int64_t from = std::max<int64_t>(start, 1);
  int64_t size = static_cast<int64_t>(s.size());
  if (from > size) return SV();
  if (has_count) {
    __int128 end = static_cast<__int128>(start) + count;  // exclusive, 1-based
    if (end <= from) return SV();
    int64_t e = end - 1 > size ? size : static_cast<int64_t>(end - 1);
    return s.substr(static_cast<size_t>(from - 1), static_cast<size_t>(e - (from - 1)));
  }
  return s.substr(static_cast<size_t>(from - 1));
}

// overlay(s placing r from start [for count]) = substring(s, 1, start - 1) || r ||
// substring(s, start + count), as PostgreSQL's text_overlay / byteaoverlay (count defaults to
// the length of r; start < 1 raises "negative substring length not allowed").
template <typename SubstrFn>
std::string Overlay(SV s, SV r, int64_t start, int64_t count, SubstrFn substr) {
  __int128 after = static_cast<__int128>(start) + count;
  if (after > INT32_MAX || after < INT32_MIN) {
    ThrowError(sqlstate::kNumericValueOutOfRange, "integer out of range");
  }
  std::string out(substr(s, 1, start - 1, true));
  out.append(r);
  out.append(substr(s, static_cast<int64_t>(after), 0, false));
  return out;
}

int64_t BytePos(SV s, SV sub) {
  size_t pos = s.find(sub);
  return pos == SV::npos ? 0 : static_cast<int64_t>(pos) + 1;
}

int64_t StrPos(SV s, SV sub) {
  size_t pos = s.find(sub);
  if (pos == SV::npos) return 0;
  return Utf8Length(s.substr(0, pos)) + 1;
}

// Splits s into UTF-8 characters (views).
std::vector<SV> Chars(SV s) {
  std::vector<SV> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) n++;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool InSet(SV ch, SV set) {
  if (ch.size() == 1) return set.find(ch[0]) != SV::npos;
  return set.find(ch) != SV::npos;
}

SV TrimChars(SV s, SV set, bool left, bool right) {
  if (IsAscii(set)) {
    size_t b = 0, e = s.size();
    if (left) {
      while (b < e && set.find(s[b]) != SV::npos) b++;
    }
    if (right) {
      while (e > b && set.find(s[e - 1]) != SV::npos) e--;
    }
    return s.substr(b, e - b);
  }
  std::vector<SV> cs = Chars(s);
  size_t b = 0, e = cs.size();
  if (left) {
    while (b < e && InSet(cs[b], set)) b++;
  }
  if (right) {
    while (e > b && InSet(cs[e - 1], set)) e--;
  }
  if (b == e) return SV();
  return SV(cs[b].data(), static_cast<size_t>(cs[e - 1].data() + cs[e - 1].size() - cs[b].data()));
}

std::string Pad(SV s, int64_t len, SV fill, bool left) {
  if (len <= 0) return "";
  int64_t have = Utf8Length(s);
  if (have >= len) return std::string(s.substr(0, Utf8Offset(s, len)));
  if (fill.empty()) return std::string(s);
  if (len > (1 << 28)) ThrowError(sqlstate::kProgramLimitExceeded, "requested length too large");
  std::vector<SV> fc = Chars(fill);
  std::string padding;
  for (int64_t k = 0; k < len - have; k++) padding.append(fc[static_cast<size_t>(k) % fc.size()]);
  return left ? padding + std::string(s) : std::string(s) + padding;
}

std::string Replace(SV s, SV from, SV to) {
  if (from.empty()) return std::string(s);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t hit = s.find(from, pos);
    if (hit == SV::npos) break;
    out.append(s.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(s.substr(pos));
  return out;
}

SV SplitPart(SV s, SV delim, int64_t n) {
  if (n == 0) ThrowError(sqlstate::kInvalidParameterValue, "field position must not be zero");
  if (delim.empty()) return (n == 1 || n == -1) ? s : SV();
  std::vector<SV> parts;
  size_t pos = 0;
  while (true) {
    size_t hit = s.find(delim, pos);
    if (hit == SV::npos) {
      parts.push_back(s.substr(pos));
      break;
    }
    parts.push_back(s.substr(pos, hit - pos));
    pos = hit + delim.size();
  }
  if (s.empty()) return SV();
  int64_t count = static_cast<int64_t>(parts.size());
  if (n < 0) n = count + n + 1;
  if (n < 1 || n > count) return SV();
  return parts[static_cast<size_t>(n - 1)];
}

SV LeftChars(SV s, int64_t n) {
  if (n >= 0) return s.substr(0, Utf8Offset(s, n));
  int64_t len = Utf8Length(s);
  return s.substr(0, Utf8Offset(s, std::max<int64_t>(len + n, 0)));
}

SV RightChars(SV s, int64_t n) {
  int64_t len = Utf8Length(s);
  if (n >= 0) return s.substr(Utf8Offset(s, std::max<int64_t>(len - n, 0)));
  return s.substr(Utf8Offset(s, std::min<int64_t>(-n, len)));
}

std::string Repeat(SV s, int64_t n) {
  if (n <= 0 || s.empty()) return "";
  if (static_cast<double>(s.size()) * static_cast<double>(n) > (1 << 30)) {
    ThrowError(sqlstate::kProgramLimitExceeded, "requested length too large");
  }
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) out.append(s);
  return out;
}

std::string Reverse(SV s) {
  std::vector<SV> cs = Chars(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = cs.size(); i-- > 0;) out.append(cs[i]);
  return out;
}

int64_t Ascii(SV s) {
  if (s.empty()) return 0;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 ? cp : static_cast<unsigned char>(s[0]);
}

std::string Chr(int64_t code) {
  if (code == 0) ThrowError(sqlstate::kProgramLimitExceeded, "null character not permitted");
  if (code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    ThrowError(sqlstate::kProgramLimitExceeded,
               "requested character too large for encoding: " + std::to_string(code));
  }
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

std::string Md5Hex(SV s) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(s.data(), s.size(), digest, &len, EVP_md5(), nullptr) != 1) {
    ThrowError(sqlstate::kInternalError, "could not compute MD5 hash");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; i++) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

std::string ToHex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string Translate(SV s, SV from, SV to) {
  std::vector<SV> fc = Chars(from), tc = Chars(to);
  std::string out;
  for (SV c : Chars(s)) {
    size_t k = 0;
    while (k < fc.size() && fc[k] != c) k++;
    if (k == fc.size()) {
      out.append(c);
    } else if (k < tc.size()) {
      out.append(tc[k]);
    }
  }
  return out;
}

// text || any / any || text: the non-text side goes through its cast to text.
ScalarKernel AnyConcatKernel(bool any_first) {
  return [any_first](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
    const Vector& any = args.column(any_first ? 0 : 1);
    const Vector& text = args.column(any_first ? 1 : 0);
    UnifiedFormat ut = text.ToUnified();
    for (idx_t i = 0; i < count; i++) {
      Value v = any.GetValue(i);
      if (v.is_null() || !ut.IsValid(i)) {
        result->SetNull(i);
        continue;
      }
      result->validity().SetValid(i);
      std::string a = cast_internal::ToText(v, ctx);
      SV t = ut.Get<SV>(i);
      result->SetString(i, any_first ? a + std::string(t) : std::string(t) + a);
    }
  };
}

// concat / concat_ws: NULL arguments are skipped; the function itself is not strict. Values
// are written by their output functions (true -> t), as PostgreSQL does.
ScalarKernel ConcatKernel(bool with_separator) {
  return [with_separator](DataChunk& args, idx_t count, Vector* result, FunctionContext& ctx) {
    for (idx_t i = 0; i < count; i++) {
      std::string out, sep;
      idx_t first = 0;
      if (with_separator) {
        Value s = args.column(0).GetValue(i);
        if (s.is_null()) {
          result->SetNull(i);
          continue;
        }
        sep = cast_internal::ToText(s, ctx);
        first = 1;
      }
      bool any = false;
      for (idx_t c = first; c < args.column_count(); c++) {
        Value v = args.column(c).GetValue(i);
        if (v.is_null()) continue;
        if (any && with_separator) out += sep;
        out += cast_internal::OutputText(v, ctx);
        any = true;
      }
      result->validity().SetValid(i);
      result->SetString(i, out);
    }
  };
}

}  // namespace

std::string LowerText(std::string_view s) {
  return Lower(s);
}

void RegisterStringFunctions(FunctionRegistry& reg) {
  LogicalType text(TypeId::kText), i4(TypeId::kInteger), i8(TypeId::kBigInt),
      boolean(TypeId::kBoolean), bytea(TypeId::kBytea), any(TypeId::kUnknown);
  reg.AddScalar(Scalar("||", {text, text}, text, MakeBinary<SV, SV>([](SV a, SV b) {
                         std::string s;
                         s.reserve(a.size() + b.size());
                         s.append(a).append(b);
                         return s;
                       })));
  // text || anynonarray: an array operand concatenates as an array instead.
  for (bool any_left : {false, true}) {
    ScalarFunction f = Scalar("||", any_left ? std::vector<LogicalType>{any, text}
                                             : std::vector<LogicalType>{text, any},
                              text, AnyConcatKernel(any_left));
    f.any_nonarray = true;
    reg.AddScalar(std::move(f));
  }
  reg.AddScalar(Scalar("||", {bytea, bytea}, bytea, MakeBinary<SV, SV>([](SV a, SV b) {
                         return std::string(a) + std::string(b);
                       })));
  for (const char* name : {"length", "char_length", "character_length"}) {
    reg.AddScalar(Scalar(name, {text}, i4, MakeUnary<SV>([](SV s) { return Utf8Length(s); })));
  }
  reg.AddScalar(Scalar("length", {bytea}, i4,
                       MakeUnary<SV>([](SV s) { return static_cast<int64_t>(s.size()); })));
  // bpchar: length() ignores the padding (through the cast to text); octet_length counts it.
  reg.AddScalar(Scalar("octet_length", {LogicalType(TypeId::kChar)}, i4,
                       MakeUnary<SV>([](SV s) { return static_cast<int64_t>(s.size()); })));
  for (LogicalType t : {text, bytea}) {
    reg.AddScalar(Scalar("octet_length", {t}, i4,
                         MakeUnary<SV>([](SV s) { return static_cast<int64_t>(s.size()); })));
    reg.AddScalar(Scalar("bit_length", {t}, i4,
                         MakeUnary<SV>([](SV s) { return static_cast<int64_t>(s.size() * 8); })));
  }
  reg.AddScalar(Scalar("lower", {text}, text, MakeUnary<SV>(Lower)));
  reg.AddScalar(Scalar("upper", {text}, text, MakeUnary<SV>(Upper)));
  reg.AddScalar(Scalar("initcap", {text}, text, MakeUnary<SV>(InitCap)));
  for (const char* name : {"substr", "substring"}) {
    reg.AddScalar(Scalar(name, {text, i4}, text, MakeBinary<SV, int64_t>([](SV s, int64_t a) {
                           return Substr(s, a, 0, false);
                         })));
    reg.AddScalar(Scalar(name, {text, i4, i4}, text,
                         MakeTernary<SV, int64_t, int64_t>(
                             [](SV s, int64_t a, int64_t n) { return Substr(s, a, n, true); })));
  }
  for (const char* name : {"substr", "substring"}) {
    reg.AddScalar(Scalar(name, {bytea, i4}, bytea, MakeBinary<SV, int64_t>([](SV s, int64_t a) {
                           return ByteSubstr(s, a, 0, false);
                         })));
    reg.AddScalar(Scalar(name, {bytea, i4, i4}, bytea,
                         MakeTernary<SV, int64_t, int64_t>([](SV s, int64_t a, int64_t n) {
                           return ByteSubstr(s, a, n, true);
                         })));
  }
  auto text_sub = [](SV s, int64_t a, int64_t n, bool has) { return Substr(s, a, n, has); };
  auto byte_sub = [](SV s, int64_t a, int64_t n, bool has) { return ByteSubstr(s, a, n, has); };
  reg.AddScalar(Scalar("overlay", {text, text, i4, i4}, text,
                       [=](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
                         NaryExecute(args, count, result,
                                     [&](idx_t i, const std::vector<UnifiedFormat>& f) {
                                       return Overlay(f[0].Get<SV>(i), f[1].Get<SV>(i),
                                                      f[2].Get<int64_t>(i), f[3].Get<int64_t>(i),
                                                      text_sub);
                                     });
                       }));
  reg.AddScalar(Scalar("overlay", {text, text, i4}, text,
                       MakeTernary<SV, SV, int64_t>([=](SV s, SV r, int64_t a) {
                         return Overlay(s, r, a, Utf8Length(r), text_sub);
                       })));
  reg.AddScalar(Scalar("overlay", {bytea, bytea, i4, i4}, bytea,
                       [=](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
                         NaryExecute(args, count, result,
                                     [&](idx_t i, const std::vector<UnifiedFormat>& f) {
                                       return Overlay(f[0].Get<SV>(i), f[1].Get<SV>(i),
                                                      f[2].Get<int64_t>(i), f[3].Get<int64_t>(i),
                                                      byte_sub);
                                     });
                       }));
  reg.AddScalar(Scalar("overlay", {bytea, bytea, i4}, bytea,
                       MakeTernary<SV, SV, int64_t>([=](SV s, SV r, int64_t a) {
                         return Overlay(s, r, a, static_cast<int64_t>(r.size()), byte_sub);
                       })));
  reg.AddScalar(Scalar("position", {bytea, bytea}, i4, MakeBinary<SV, SV>(BytePos)));
  // position(substring IN string) is position(string, substring), like strpos.
  reg.AddScalar(Scalar("strpos", {text, text}, i4, MakeBinary<SV, SV>(StrPos)));
  reg.AddScalar(Scalar("position", {text, text}, i4, MakeBinary<SV, SV>(StrPos)));
  struct TrimDef {
    const char* name;
    bool left, right;
  };
  for (TrimDef d : {TrimDef{"btrim", true, true}, TrimDef{"ltrim", true, false},
                    TrimDef{"rtrim", false, true}}) {
    reg.AddScalar(Scalar(d.name, {text}, text,
                         MakeUnary<SV>([d](SV s) { return TrimChars(s, " ", d.left, d.right); })));
    reg.AddScalar(Scalar(d.name, {text, text}, text, MakeBinary<SV, SV>([d](SV s, SV set) {
                           return TrimChars(s, set, d.left, d.right);
                         })));
  }
  reg.AddScalar(Scalar("lpad", {text, i4}, text, MakeBinary<SV, int64_t>([](SV s, int64_t n) {
                         return Pad(s, n, " ", true);
                       })));
  reg.AddScalar(Scalar("rpad", {text, i4}, text, MakeBinary<SV, int64_t>([](SV s, int64_t n) {
                         return Pad(s, n, " ", false);
                       })));
  reg.AddScalar(Scalar(
      "lpad", {text, i4, text}, text,
      MakeTernary<SV, int64_t, SV>([](SV s, int64_t n, SV f) { return Pad(s, n, f, true); })));
  reg.AddScalar(Scalar(
      "rpad", {text, i4, text}, text,
      MakeTernary<SV, int64_t, SV>([](SV s, int64_t n, SV f) { return Pad(s, n, f, false); })));
  reg.AddScalar(Scalar("replace", {text, text, text}, text, MakeTernary<SV, SV, SV>(Replace)));
  reg.AddScalar(Scalar("translate", {text, text, text}, text, MakeTernary<SV, SV, SV>(Translate)));
  reg.AddScalar(
      Scalar("split_part", {text, text, i4}, text, MakeTernary<SV, SV, int64_t>(SplitPart)));
  ScalarFunction concat = Scalar("concat", {any}, text, ConcatKernel(false));
  concat.variadic = true;
  concat.strict = false;
  reg.AddScalar(concat);
  ScalarFunction concat_ws = Scalar("concat_ws", {text, any}, text, ConcatKernel(true));
  concat_ws.variadic = true;
  concat_ws.strict = false;
  reg.AddScalar(concat_ws);
  reg.AddScalar(Scalar("left", {text, i4}, text, MakeBinary<SV, int64_t>(LeftChars)));
  reg.AddScalar(Scalar("right", {text, i4}, text, MakeBinary<SV, int64_t>(RightChars)));
  reg.AddScalar(Scalar("repeat", {text, i4}, text, MakeBinary<SV, int64_t>(Repeat)));
  reg.AddScalar(Scalar("reverse", {text}, text, MakeUnary<SV>(Reverse)));
  reg.AddScalar(Scalar("starts_with", {text, text}, boolean,
                       MakeBinary<SV, SV>([](SV s, SV p) { return s.substr(0, p.size()) == p; })));
  reg.AddScalar(Scalar("ascii", {text}, i4, MakeUnary<SV>(Ascii)));
  reg.AddScalar(Scalar("chr", {i4}, text, MakeUnary<int64_t>(Chr)));
  reg.AddScalar(Scalar("md5", {text}, text, MakeUnary<SV>(Md5Hex)));
  reg.AddScalar(Scalar("md5", {bytea}, text, MakeUnary<SV>(Md5Hex)));
  reg.AddScalar(Scalar("to_hex", {i4}, text, MakeUnary<int64_t>([](int64_t v) {
                         return ToHex(static_cast<uint32_t>(v));
                       })));
  reg.AddScalar(Scalar("to_hex", {i8}, text, MakeUnary<int64_t>([](int64_t v) {
                         return ToHex(static_cast<uint64_t>(v));
                       })));
}

}  // namespace heliosdb
