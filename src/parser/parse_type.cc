// Type names in every spelling PostgreSQL accepts, normalized to the canonical lower-case name
// ("int4" -> "integer", "varchar(20)" -> "character varying" {20}, "timestamptz" ->
// "timestamp with time zone"). Unknown names (serial, vector, user types) stay as written.
#include <unordered_map>

#include "parser/parser_impl.h"

namespace heliosdb::parser {

namespace {

bool IsIntervalField(const Token& t) {
  if (t.type != TokenType::kIdent || t.quoted) return false;
  return t.text == "year" || t.text == "month" || t.text == "day" || t.text == "hour" ||
         t.text == "minute" || t.text == "second";
}

}  // namespace

std::string CanonicalTypeName(const std::vector<std::string>& names) {
  if (names.size() > 2 || (names.size() == 2 && names[0] != "pg_catalog")) {
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : ".") + n;
    return joined;
  }
  static const std::unordered_map<std::string, std::string> kCanonical = {
      {"int", "integer"},
      {"int4", "integer"},
      {"integer", "integer"},
      {"int2", "smallint"},
      {"smallint", "smallint"},
      {"int8", "bigint"},
      {"bigint", "bigint"},
      {"float4", "real"},
      {"real", "real"},
      {"float8", "double precision"},
      {"float", "double precision"},
      {"numeric", "numeric"},
      {"decimal", "numeric"},
      {"bool", "boolean"},
      {"boolean", "boolean"},
      {"varchar", "character varying"},
      {"char", "character"},
      {"character", "character"},
      {"timestamptz", "timestamp with time zone"},
      {"timestamp", "timestamp without time zone"},
      {"timetz", "time with time zone"},
      {"time", "time without time zone"},
  };
  const std::string& base = names.back();
  auto it = kCanonical.find(base);
  return it == kCanonical.end() ? base : it->second;
}

bool ParserImpl::PeekTypeKeyword() const {
  const Token& t = Peek();
  if (t.type != TokenType::kIdent || t.quoted) return false;
  if (t.text == "double") return PeekKw("precision", 1);
  if (t.keyword != KeywordCategory::kColName) return false;
  static const char* const kTypeWords[] = {
      "bigint", "bit",      "boolean", "char",      "character", "dec",   "decimal",
      "float",  "int",      "integer", "interval",  "national",  "nchar", "numeric",
      "real",   "smallint", "time",    "timestamp", "varchar"};
  for (const char* w : kTypeWords) {
    if (t.text == w) return true;
  }
  return false;
}

void ParserImpl::ParseTypeModifiers(ast::TypeName* type) {
  if (!AcceptOp("(")) return;
  do {
    auto number = ParseSignedNumber();
    const auto& c = number->As<ast::ConstantExpr>();
    if (c.type != ast::ConstantExpr::Type::kInteger || c.text.size() > 10) {
      ThrowError(sqlstate::kSyntaxError, "type modifiers must be simple constants or identifiers",
                 c.location);
    }
    type->modifiers.push_back(static_cast<int>(std::stol(c.text)));
  } while (AcceptOp(","));
  ExpectOp(")");
}

void ParserImpl::ParseIntervalFields(ast::TypeName* type) {
  if (!IsIntervalField(Peek())) return;
  std::string fields = Next().text;
  if (PeekKw("to") && IsIntervalField(Peek(1))) {
    Next();
    fields += " to " + Next().text;
  }
  type->interval_fields = fields;
  if (Prev().text == "second") ParseTypeModifiers(type);
}

void ParserImpl::ParseArrayBounds(ast::TypeName* type) {
  while (true) {
    if (PeekOp("[")) {
      Next();
      if (Peek().type == TokenType::kInteger) Next();
      ExpectOp("]");
      ++type->array_dims;
    } else if (PeekKw("array") && !PeekOp("(", 1)) {
      Next();
      if (PeekOp("[") && Peek(1).type == TokenType::kInteger && PeekOp("]", 2)) {
        Next();
        Next();
        Next();
      }
      ++type->array_dims;
      return;
    } else {
      return;
    }
  }
}

ast::TypeName ParserImpl::ParseTypeName() {
  ast::TypeName t;
  t.location = Loc();
  const Token& tok = Peek();
  if (tok.type != TokenType::kIdent) SyntaxErrorHere();
  const std::string w = tok.quoted ? "" : tok.text;
  if (w == "double" && PeekKw("precision", 1)) {
    Next();
    Next();
    t.name = "double precision";
  } else if (w == "character" || w == "char" || w == "nchar" || w == "national") {
    Next();
    if (w == "national" && !AcceptKw("character")) ExpectKw("char");
    t.name = AcceptKw("varying") ? "character varying" : "character";
    ParseTypeModifiers(&t);
  } else if (w == "varchar") {
    Next();
    t.name = "character varying";
    ParseTypeModifiers(&t);
  } else if (w == "bit") {
    Next();
    t.name = AcceptKw("varying") ? "bit varying" : "bit";
    ParseTypeModifiers(&t);
  } else if (w == "time" || w == "timestamp") {
    Next();
    ParseTypeModifiers(&t);
    bool with_zone = false;
    if ((PeekKw("with") || PeekKw("without")) && PeekKw("time", 1) && PeekKw("zone", 2)) {
      with_zone = Next().text == "with";
      Next();
      Next();
    }
    t.name = w + (with_zone ? " with time zone" : " without time zone");
  } else if (w == "interval") {
    Next();
    t.name = "interval";
    if (PeekOp("(")) {
      ParseTypeModifiers(&t);
    } else {
      ParseIntervalFields(&t);
    }
  } else if (w == "float") {
    Next();
    t.name = "double precision";
    if (AcceptOp("(")) {
      int loc = Loc();
      if (Peek().type != TokenType::kInteger) SyntaxErrorHere();
      long p = Peek().text.size() > 9 ? 1000 : std::stol(Next().text);
      ExpectOp(")");
      if (p < 1) {
        ThrowError(sqlstate::kInvalidParameterValue,
                   "precision for type float must be at least 1 bit", loc);
      }
      if (p > 53) {
        ThrowError(sqlstate::kInvalidParameterValue,
                   "precision for type float must be less than 54 bits", loc);
      }
      t.name = p <= 24 ? "real" : "double precision";
    }
  } else if (w == "numeric" || w == "decimal" || w == "dec") {
    Next();
    t.name = "numeric";
    ParseTypeModifiers(&t);
  } else if (w == "int" || w == "integer" || w == "smallint" || w == "bigint" || w == "real" ||
             w == "boolean") {
    Next();
    t.name = CanonicalTypeName({w});
  } else {
    if (!tok.quoted &&
        (tok.keyword == KeywordCategory::kReserved || tok.keyword == KeywordCategory::kColName)) {
      SyntaxErrorHere();
    }
    std::vector<std::string> names{Next().text};
    while (AcceptOp(".")) names.push_back(ParseColLabel());
    t.name = CanonicalTypeName(names);
    ParseTypeModifiers(&t);
  }
  ParseArrayBounds(&t);
  return t;
}

}  // namespace heliosdb::parser
