// Polymorphic resolution of array functions (anyarray / anyelement), the array functions,
// array_agg, the regular expression functions and format() / encode() called directly.
#include "function_test_util.h"

namespace heliosdb::test {
namespace {

Value Arr(const std::string& text, TypeId element = TypeId::kInteger) {
  return Lit(text, LogicalType::Array(element));
}

TEST(ArrayFunctionTest, PolymorphicResolution) {
  LogicalType ints = LogicalType::Array(TypeId::kInteger);
  EXPECT_EQ(TypeOf("array_append", {ints, LogicalType(TypeId::kInteger)}), "integer[]");
  EXPECT_EQ(TypeOf("array_append", {ints, LogicalType::Numeric()}), "numeric[]");
  EXPECT_EQ(TypeOf("array_append", {ints, LogicalType(TypeId::kUnknown)}), "integer[]");
  EXPECT_EQ(TypeOf("||", {ints, ints}), "integer[]");
  EXPECT_EQ(TypeOf("||", {LogicalType(TypeId::kInteger), ints}), "integer[]");
  EXPECT_EQ(TypeOf("||", {LogicalType::Array(TypeId::kText), LogicalType(TypeId::kText)}),
            "text[]");
  EXPECT_EQ(TypeOf("||", {LogicalType(TypeId::kText), LogicalType(TypeId::kInteger)}), "text");
  EXPECT_EQ(TypeOf("array_append", {ints, LogicalType(TypeId::kBoolean)}), "none");
  EXPECT_EQ(TypeOf("array_length", {LogicalType(TypeId::kInteger), LogicalType(TypeId::kInteger)}),
            "none");
}

TEST(ArrayFunctionTest, Functions) {
  EXPECT_EQ(Eval("array_append", {Arr("{1,2}"), Int(3)}), "{1,2,3}");
  EXPECT_EQ(Eval("array_cat", {Arr("{1}"), Value::Null(LogicalType::Array(TypeId::kInteger))}),
            "{1}");
  EXPECT_EQ(Eval("array_length", {Arr("{1,2}"), Int(1)}), "2");
  EXPECT_EQ(Eval("array_length", {Arr("{}"), Int(1)}), "NULL");
  EXPECT_EQ(Eval("cardinality", {Arr("{1,NULL}")}), "2");
  EXPECT_EQ(Eval("array_position", {Arr("{a,b}", TypeId::kText), Unknown("b")}), "2");
  EXPECT_EQ(Eval("array_remove", {Arr("{1,2,1}"), Int(1)}), "{2}");
  EXPECT_EQ(Eval("array_to_string", {Arr("{1,NULL,3}"), Txt("-"), Txt("?")}), "1-?-3");
  EXPECT_EQ(Eval("string_to_array", {Txt("a|b"), Txt("|")}), "{a,b}");
  EXPECT_EQ(Eval("=", {Arr("{1,2}"), Unknown("{1,2}")}), "t");
  EXPECT_EQ(Eval("<", {Arr("{1,2}"), Arr("{1,2,3}")}), "t");
}

TEST(ArrayFunctionTest, ArrayAgg) {
  EXPECT_EQ(Aggregate("array_agg", {Int(3), Value::Null(TypeId::kInteger), Int(1)},
                      LogicalType(TypeId::kInteger)),
            "{3,NULL,1}");
  EXPECT_EQ(Aggregate("array_agg", {}, LogicalType(TypeId::kText)), "NULL");
}

TEST(RegexpFunctionTest, MatchReplaceSplit) {
  EXPECT_EQ(Eval("~", {Txt("abc"), Txt("^a.c$")}), "t");
  EXPECT_EQ(Eval("~", {Txt("a\nc"), Txt("a.c")}), "t");  // . matches a newline by default
  EXPECT_EQ(Eval("~*", {Txt("ABC"), Txt("b")}), "t");
  EXPECT_EQ(Eval("regexp_match", {Txt("foobar"), Txt("(o+)(x)?")}), "{oo,NULL}");
  EXPECT_EQ(Eval("regexp_replace", {Txt("a-b-c"), Txt("-"), Txt("+"), Txt("g")}), "a+b+c");
  EXPECT_EQ(Eval("regexp_replace", {Txt("ab"), Txt("(a)(b)"), Txt("\\2\\1\\&")}), "baab");
  EXPECT_EQ(Eval("regexp_split_to_array", {Txt("abc"), Txt("")}), "{a,b,c}");
  EXPECT_EQ(Eval("regexp_split_to_array", {Txt("a1b"), Txt("\\d")}), "{a,b}");
  EXPECT_EQ(Eval("~", {Txt("a word"), Txt("\\mword\\M")}), "t");
  EXPECT_EQ(ErrorOf("~", {Txt("a"), Txt("(")}).substr(0, 33), "2201B invalid regular expression:");
  EXPECT_EQ(ErrorOf("regexp_match", {Txt("a"), Txt("a"), Txt("z")}),
            "22023 invalid regular expression option: \"z\"");
  EXPECT_EQ(ErrorOf("~", {Txt("a"), Txt("(?<=a)b")}).substr(0, 5), "2201B");
}

TEST(FormatFunctionTest, FormatQuoteEncode) {
  EXPECT_EQ(Eval("format", {Txt("%s-%I-%L"), Txt("a"), Txt("B"), Txt("it's")}), "a-\"B\"-'it''s'");
  EXPECT_EQ(Eval("format", {Txt("%2$s %1$s|%-3s|"), Txt("x"), Txt("y")}), "y x|y  |");
  EXPECT_EQ(ErrorOf("format", {Txt("%q"), Int(1)}),
            "22023 unrecognized format() type specifier \"q\"");
  EXPECT_EQ(Eval("quote_ident", {Txt("Foo")}), "\"Foo\"");
  EXPECT_EQ(Eval("quote_literal", {Txt("a\\b")}), "E'a\\\\b'");
  EXPECT_EQ(Eval("encode", {Value::Bytea("hi"), Txt("base64")}), "aGk=");
  EXPECT_EQ(Eval("encode", {Value::Bytea(std::string("\x00\\", 2)), Txt("escape")}), "\\000\\\\");
  EXPECT_EQ(Eval("decode", {Txt("aGk="), Txt("base64")}), "\\x6869");
  EXPECT_EQ(ErrorOf("decode", {Txt("x"), Txt("rot13")}), "22023 unrecognized encoding: \"rot13\"");
}

}  // namespace
}  // namespace heliosdb::test
