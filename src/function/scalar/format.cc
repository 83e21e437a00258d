// format(fmt, args...) as PostgreSQL's text_format: %s (text, NULL as empty), %I (quoted
// identifier, NULL raises 22004), %L (quoted literal, NULL as NULL), %% and the modifiers
// `n$` (argument position), `-` (left-justify) and a width given as digits, `*` or `*n$`.
// A conversion without a position takes the argument after the previous one. Also
// quote_ident, quote_literal and quote_nullable.
#include <cerrno>
#include <climits>
#include <cstring>

#include "common/exception.h"
#include "common/types/value_text.h"
#include "function/builtin_functions.h"
#include "function/cast/cast.h"
#include "function/cast/cast_internal.h"
#include "function/kernel_util.h"

namespace heliosdb {

namespace {

using Values = std::vector<Value>;

// PostgreSQL's reserved key words (and the type-function names it also quotes): an
// identifier spelled like one needs quotes.
bool IsReservedWord(std::string_view w) {
  static const char* const kWords[] = {"all",
                                       "analyse",
                                       "analyze",
                                       "and",
                                       "any",
                                       "array",
                                       "as",
                                       "asc",
                                       "asymmetric",
                                       "authorization",
                                       "between",
                                       "bigint",
                                       "binary",
                                       "bit",
                                       "boolean",
                                       "both",
                                       "case",
                                       "cast",
                                       "char",
                                       "character",
                                       "check",
                                       "coalesce",
                                       "collate",
                                       "collation",
                                       "column",
                                       "concurrently",
                                       "constraint",
                                       "create",
                                       "cross",
                                       "current_catalog",
                                       "current_date",
                                       "current_role",
                                       "current_schema",
                                       "current_time",
                                       "current_timestamp",
                                       "current_user",
                                       "dec",
                                       "decimal",
                                       "default",
                                       "deferrable",
                                       "desc",
                                       "distinct",
                                       "do",
                                       "else",
                                       "end",
                                       "except",
                                       "exists",
                                       "extract",
                                       "false",
                                       "fetch",
                                       "float",
                                       "for",
                                       "foreign",
                                       "freeze",
                                       "from",
                                       "full",
                                       "grant",
                                       "greatest",
                                       "group",
                                       "grouping",
                                       "having",
                                       "ilike",
                                       "in",
                                       "initially",
                                       "inner",
                                       "inout",
                                       "int",
                                       "integer",
                                       "intersect",
                                       "interval",
                                       "into",
                                       "is",
                                       "isnull",
                                       "join",
                                       "lateral",
                                       "leading",
                                       "least",
                                       "left",
                                       "like",
                                       "limit",
                                       "localtime",
                                       "localtimestamp",
                                       "national",
                                       "natural",
                                       "nchar",
                                       "none",
                                       "normalize",
                                       "not",
                                       "notnull",
                                       "null",
                                       "nullif",
                                       "numeric",
                                       "offset",
                                       "on",
                                       "only",
                                       "or",
                                       "order",
                                       "out",
                                       "outer",
                                       "overlaps",
                                       "overlay",
                                       "placing",
                                       "position",
                                       "precision",
                                       "primary",
                                       "real",
                                       "references",
                                       "returning",
                                       "right",
                                       "row",
                                       "select",
                                       "session_user",
                                       "setof",
                                       "similar",
                                       "smallint",
                                       "some",
                                       "substring",
                                       "symmetric",
                                       "system_user",
                                       "table",
                                       "tablesample",
                                       "then",
                                       "time",
                                       "timestamp",
                                       "to",
                                       "trailing",
                                       "treat",
                                       "trim",
                                       "true",
                                       "union",
                                       "unique",
                                       "user",
                                       "using",
                                       "values",
                                       "varchar",
                                       "variadic",
                                       "verbose",
                                       "when",
                                       "where",
                                       "window",
                                       "with",
                                       "xmlattributes",
                                       "xmlconcat",
                                       "xmlelement",
                                       "xmlexists",
                                       "xmlforest",
                                       "xmlnamespaces",
                                       "xmlparse",
                                       "xmlpi",
                                       "xmlroot",
                                       "xmlserialize",
                                       "xmltable"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

std::string QuoteIdent(std::string_view s) {
  bool safe = !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');
  for (char c : s) safe = safe && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  if (safe && !IsReservedWord(s)) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A backslash makes the literal an E'' string with the backslashes doubled, as PostgreSQL.
std::string QuoteLiteral(std::string_view s) {
  std::string out = s.find('\\') != std::string_view::npos ? "E'" : "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

// quote_literal(anyelement) casts to text (true -> 'true'); format() uses the output
// function (true -> t).
std::string AsText(const Value& v, FunctionContext& ctx) {
  return CastValue(v, LogicalType(TypeId::kText), ctx).GetString();
}
using cast_internal::OutputText;

[[noreturn]] void TooFewArguments() {
  ThrowError(sqlstate::kInvalidParameterValue, "too few arguments for format()");
}

// Reads digits at fmt[*i]; returns -1 when there are none.
long ReadNumber(std::string_view fmt, size_t* i) {
  if (*i >= fmt.size() || fmt[*i] < '0' || fmt[*i] > '9') return -1;
  long n = 0;
  while (*i < fmt.size() && fmt[*i] >= '0' && fmt[*i] <= '9') {
    n = n * 10 + (fmt[*i] - '0');
    if (n > INT32_MAX) ThrowError(sqlstate::kInvalidParameterValue, "number is out of range");
    (*i)++;
  }
  return n;
}

Value Format(const Values& a, FunctionContext& ctx) {
  if (a[0].is_null()) return Value::Null(TypeId::kText);
  std::string_view fmt = a[0].GetString();
  std::string out;
  size_t next_arg = 1;  // the argument an unpositioned conversion takes
  auto arg = [&](long position) -> const Value& {
    size_t index = position > 0 ? static_cast<size_t>(position) : next_arg;
    if (index >= a.size()) TooFewArguments();
    next_arg = index + 1;
    return a[index];
  };
  for (size_t i = 0; i < fmt.size(); i++) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size())
      ThrowError(sqlstate::kInvalidParameterValue, "unterminated format() type specifier");
    if (fmt[i] == '%') {
      out += '%';
      continue;
    }
    // [position$][flags][width][type]
    long position = -1;
    size_t save = i;
    long n = ReadNumber(fmt, &i);
    if (n >= 0 && i < fmt.size() && fmt[i] == '$') {
      if (n == 0)
        ThrowError(sqlstate::kInvalidParameterValue,
                   "format specifies argument 0, but arguments are numbered from 1");
      position = n;
      i++;
    } else {
      i = save;
    }
    bool left = false;
    while (i < fmt.size() && fmt[i] == '-') {
      left = true;
      i++;
    }
    long width = -1;
    if (i < fmt.size() && fmt[i] == '*') {
      i++;
      long wpos = -1;
      size_t wsave = i;
      long wn = ReadNumber(fmt, &i);
      if (wn >= 0 && i < fmt.size() && fmt[i] == '$') {
        if (wn == 0)
          ThrowError(sqlstate::kInvalidParameterValue,
                     "format specifies argument 0, but arguments are numbered from 1");
        wpos = wn;
        i++;
      } else {
        i = wsave;
      }
      const Value& w = arg(wpos);
      if (!w.is_null()) {
        // The width argument is read as an integer, as PostgreSQL casts it to int4.
        std::string text = OutputText(w, ctx);
        char* end = nullptr;
        errno = 0;
        width = std::strtol(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || errno == ERANGE || width > INT32_MAX ||
            width < INT32_MIN)
          ThrowError(sqlstate::kInvalidTextRepresentation,
                     "invalid input syntax for type integer: \"" + text + "\"");
        if (width < 0) {
          left = true;
          width = -width;
        }
      }
    } else {
      width = ReadNumber(fmt, &i);
    }
    if (i >= fmt.size())
      ThrowError(sqlstate::kInvalidParameterValue, "unterminated format() type specifier");
    char type = fmt[i];
    if (type != 's' && type != 'I' && type != 'L') {
      Status s =
          Status::Error(sqlstate::kInvalidParameterValue,
                        "unrecognized format() type specifier \"" + std::string(1, type) + "\"");
      s.WithHint("For a single \"%\" use \"%%\".");
      throw DbException(s);
    }
    const Value& v = arg(position);
    std::string piece;
    if (type == 's') {
      piece = v.is_null() ? "" : OutputText(v, ctx);
    } else if (type == 'I') {
      if (v.is_null())
        ThrowError(sqlstate::kNullValueNotAllowed,
                   "null values cannot be formatted as an SQL identifier");
      piece = QuoteIdent(OutputText(v, ctx));
    } else {
      piece = v.is_null() ? "NULL" : QuoteLiteral(OutputText(v, ctx));
    }
    // Width counts characters (UTF-8 continuation bytes do not).
    long chars = 0;
    for (char c : piece) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    std::string pad(width > chars ? width - chars : 0, ' ');
    out += left ? piece + pad : pad + piece;
  }
  return Value::Text(std::move(out));
}

}  // namespace

void RegisterFormatFunctions(FunctionRegistry& reg) {
  LogicalType text(TypeId::kText), any(TypeId::kUnknown);
  auto format = [](const Values& a, const LogicalType&, FunctionContext& ctx) {
    return Format(a, ctx);
  };
  ScalarFunction f = Scalar("format", {text}, text, MakeRowwise(format, false));
  f.strict = false;
  reg.AddScalar(f);
  ScalarFunction fv = Scalar("format", {text, any}, text, MakeRowwise(format, false));
  fv.variadic = true;
  fv.strict = false;
  reg.AddScalar(fv);
  reg.AddScalar(Scalar("quote_ident", {text}, text,
                       MakeRowwise([](const Values& a, const LogicalType&, FunctionContext&) {
                         return Value::Text(QuoteIdent(a[0].GetString()));
                       })));
  reg.AddScalar(Scalar("quote_literal", {any}, text,
                       MakeRowwise([](const Values& a, const LogicalType&, FunctionContext& ctx) {
                         return Value::Text(QuoteLiteral(AsText(a[0], ctx)));
                       })));
  ScalarFunction nullable =
      Scalar("quote_nullable", {any}, text,
             MakeRowwise(
                 [](const Values& a, const LogicalType&, FunctionContext& ctx) {
                   return Value::Text(a[0].is_null() ? "NULL" : QuoteLiteral(AsText(a[0], ctx)));
                 },
                 false));
  nullable.strict = false;
  reg.AddScalar(nullable);
}

}  // namespace heliosdb
