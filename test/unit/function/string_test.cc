// String functions and LIKE.
#include "function/scalar/scalar_internal.h"
#include "function_test_util.h"

namespace heliosdb::test {
namespace {

TEST(StringTest, Concat) {
  EXPECT_EQ(Eval("||", {Unknown("abc"), Int(1)}), "abc1");
  EXPECT_EQ(Eval("||", {Int(1), Txt("x")}), "1x");
  EXPECT_EQ(Eval("||", {Txt("a"), Value::Boolean(true)}), "atrue");
  EXPECT_EQ(Eval("||", {Unknown("a"), Unknown("b")}), "ab");
  EXPECT_EQ(Eval("||", {Txt("a"), Value::Null(TypeId::kText)}), "NULL");
  // concat writes values by their output functions (false -> f), unlike || (a cast to text).
  EXPECT_EQ(Eval("concat", {Txt("a"), Value::Null(TypeId::kText), Int(1), Value::Boolean(false)}),
            "a1f");
  EXPECT_EQ(Eval("concat_ws", {Unknown(","), Txt("a"), Value::Null(TypeId::kText), Int(2)}), "a,2");
  EXPECT_EQ(Eval("concat_ws", {Value::Null(TypeId::kText), Txt("a")}), "NULL");
}

TEST(StringTest, LengthAndCase) {
  EXPECT_EQ(Eval("length", {Unknown("h\xc3\xa9llo")}), "5");
  EXPECT_EQ(Eval("octet_length", {Txt("h\xc3\xa9llo")}), "6");
  EXPECT_EQ(Eval("char_length", {Txt("")}), "0");
  EXPECT_EQ(Eval("length", {Lit("ab", LogicalType::Char(5))}), "2");
  EXPECT_EQ(Eval("upper", {Txt("h\xc3\xa9llo")}), "H\xc3\x89LLO");
  EXPECT_EQ(Eval("lower", {Txt("ABC")}), "abc");
  EXPECT_EQ(Eval("initcap", {Txt("hi THOMAS-jones x1y")}), "Hi Thomas-Jones X1y");
}

TEST(StringTest, Substrings) {
  EXPECT_EQ(Eval("substr", {Txt("hello"), Int(2), Int(3)}), "ell");
  EXPECT_EQ(Eval("substring", {Txt("hello"), Int(0), Int(3)}), "he");
  EXPECT_EQ(Eval("substr", {Txt("hello"), Int(3)}), "llo");
  EXPECT_EQ(Eval("substr", {Txt("h\xc3\xa9llo"), Int(2), Int(2)}), "\xc3\xa9l");
  EXPECT_EQ(Eval("substr", {Txt("hello"), Int(10)}), "");
  EXPECT_EQ(ErrorOf("substr", {Txt("hello"), Int(1), Int(-1)}),
            "22011 negative substring length not allowed");
  EXPECT_EQ(Eval("position", {Txt("hello"), Txt("ll")}), "3");
  EXPECT_EQ(Eval("strpos", {Txt("h\xc3\xa9llo"), Txt("l")}), "3");
  EXPECT_EQ(Eval("strpos", {Txt("hello"), Txt("z")}), "0");
  EXPECT_EQ(Eval("left", {Txt("abcde"), Int(2)}), "ab");
  EXPECT_EQ(Eval("left", {Txt("abcde"), Int(-2)}), "abc");
  EXPECT_EQ(Eval("right", {Txt("abcde"), Int(2)}), "de");
  EXPECT_EQ(Eval("right", {Txt("abcde"), Int(-2)}), "cde");
  EXPECT_EQ(Eval("split_part", {Txt("a,b,c"), Txt(","), Int(2)}), "b");
  EXPECT_EQ(Eval("split_part", {Txt("a,b,c"), Txt(","), Int(-1)}), "c");
  EXPECT_EQ(Eval("split_part", {Txt("a,b,c"), Txt(","), Int(5)}), "");
  EXPECT_EQ(ErrorOf("split_part", {Txt("a"), Txt(","), Int(0)}),
            "22023 field position must not be zero");
}

TEST(StringTest, TrimPadReplace) {
  EXPECT_EQ(Eval("btrim", {Txt("  x  ")}), "x");
  EXPECT_EQ(Eval("ltrim", {Txt("  x  ")}), "x  ");
  EXPECT_EQ(Eval("rtrim", {Txt("xxaxx"), Txt("x")}), "xxa");
  EXPECT_EQ(Eval("btrim", {Txt("xyxtrimyyx"), Txt("xy")}), "trim");
  EXPECT_EQ(Eval("lpad", {Txt("hi"), Int(5), Txt("xy")}), "xyxhi");
  EXPECT_EQ(Eval("rpad", {Txt("hi"), Int(5)}), "hi   ");
  EXPECT_EQ(Eval("lpad", {Txt("hello"), Int(2)}), "he");
  EXPECT_EQ(Eval("replace", {Txt("abcabc"), Txt("b"), Txt("XX")}), "aXXcaXXc");
  EXPECT_EQ(Eval("translate", {Txt("12345"), Txt("143"), Txt("ax")}), "a2x5");
  EXPECT_EQ(Eval("repeat", {Txt("ab"), Int(3)}), "ababab");
  EXPECT_EQ(Eval("repeat", {Txt("ab"), Int(-1)}), "");
  EXPECT_EQ(Eval("reverse", {Txt("h\xc3\xa9llo")}), "oll\xc3\xa9h");
  EXPECT_EQ(Eval("starts_with", {Txt("alphabet"), Txt("alph")}), "t");
}

TEST(StringTest, CodesAndHashes) {
  EXPECT_EQ(Eval("ascii", {Txt("x")}), "120");
  EXPECT_EQ(Eval("ascii", {Txt("\xc3\xa9")}), "233");
  EXPECT_EQ(Eval("chr", {Int(65)}), "A");
  EXPECT_EQ(Eval("chr", {Int(233)}), "\xc3\xa9");
  EXPECT_EQ(ErrorOf("chr", {Int(0)}), "54000 null character not permitted");
  EXPECT_EQ(Eval("md5", {Txt("abc")}), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(Eval("to_hex", {Int(255)}), "ff");
  EXPECT_EQ(Eval("to_hex", {Int(-1)}), "ffffffff");
  EXPECT_EQ(Eval("to_hex", {Big(-1)}), "ffffffffffffffff");
}

TEST(LikeTest, Patterns) {
  EXPECT_TRUE(LikeMatch("hello", "hello"));
  EXPECT_TRUE(LikeMatch("hello", "he%"));
  EXPECT_TRUE(LikeMatch("hello", "%llo"));
  EXPECT_TRUE(LikeMatch("hello", "%ell%"));
  EXPECT_TRUE(LikeMatch("hello", "h_llo"));
  EXPECT_TRUE(LikeMatch("hello", "%"));
  EXPECT_TRUE(LikeMatch("", "%"));
  EXPECT_FALSE(LikeMatch("", "_"));
  EXPECT_TRUE(LikeMatch("h\xc3\xa9llo", "h_llo"));  // '_' is one UTF-8 character
  EXPECT_TRUE(LikeMatch("abcabcabd", "%abc%abd"));
  EXPECT_TRUE(LikeMatch("mississippi", "%iss%ipp%"));
  EXPECT_FALSE(LikeMatch("mississippi", "%iss%ipx%"));
  EXPECT_TRUE(LikeMatch("a%b", "a\\%b"));
  EXPECT_FALSE(LikeMatch("axb", "a\\%b"));
  EXPECT_TRUE(LikeMatch("a_b", "a#_b", "#"));
  EXPECT_TRUE(LikeMatch("a\\b", "a\\b", ""));  // ESCAPE '' disables escaping
  EXPECT_FALSE(LikeMatch("hello", "hell"));
  EXPECT_FALSE(LikeMatch("hello", "_ello_"));
  EXPECT_TRUE(LikeMatch("hello", "%%%o"));
}

TEST(LikeTest, Operators) {
  EXPECT_EQ(Eval("~~", {Txt("Hello"), Unknown("H%")}), "t");
  EXPECT_EQ(Eval("!~~", {Txt("Hello"), Unknown("H%")}), "f");
  EXPECT_EQ(Eval("~~*", {Txt("Hello"), Unknown("h%")}), "t");
  EXPECT_EQ(Eval("!~~*", {Txt("Hello"), Unknown("h%")}), "f");
  EXPECT_EQ(Eval("~~", {Txt("10%"), Unknown("10!%"), Unknown("!")}), "t");
  EXPECT_EQ(Eval("~~", {Value::Null(TypeId::kText), Unknown("%")}), "NULL");
  // A trailing escape is an error only when matching reaches it with text left (PostgreSQL).
  EXPECT_EQ(Eval("~~", {Txt("a"), Unknown("a\\")}), "f");
  EXPECT_EQ(Eval("~~", {Txt("abc"), Unknown("abc\\")}), "f");
  EXPECT_EQ(Eval("~~", {Txt("x"), Unknown("abc\\")}), "f");
  EXPECT_EQ(Eval("~~", {Txt(""), Unknown("%\\")}), "f");
  EXPECT_EQ(Eval("~~", {Txt("abc"), Unknown("abc%\\")}), "f");
  EXPECT_EQ(ErrorOf("~~", {Txt("ab"), Unknown("a\\")}),
            "22025 LIKE pattern must not end with escape character");
  EXPECT_EQ(ErrorOf("~~", {Txt("ab"), Unknown("%\\")}),
            "22025 LIKE pattern must not end with escape character");
  EXPECT_EQ(ErrorOf("~~*", {Txt("AB"), Unknown("a\\")}),
            "22025 LIKE pattern must not end with escape character");
  EXPECT_EQ(ErrorOf("~~", {Txt("a"), Unknown("a"), Unknown("xy")}), "22025 invalid escape string");
}

TEST(LikeTest, VectorWithVaryingPatterns) {
  Vector s(TypeId::kText, 3), p(TypeId::kText, 3);
  s.SetValue(0, Txt("abc"));
  s.SetValue(1, Txt("abc"));
  s.SetValue(2, Txt("xyz"));
  p.SetValue(0, Txt("a%"));
  p.SetValue(1, Txt("%z"));
  p.SetValue(2, Txt("%z"));
  DataChunk args;
  args.Initialize({LogicalType(TypeId::kText), LogicalType(TypeId::kText)}, 3);
  args.column(0) = s;
  args.column(1) = p;
  args.SetSize(3);
  ResolvedScalar r = FunctionRegistry::Get().ResolveScalar(
      "~~", {LogicalType(TypeId::kText), LogicalType(TypeId::kText)});
  Vector out(TypeId::kBoolean, 3);
  r.function->kernel(args, 3, &out, Ctx());
  EXPECT_EQ(out.GetValue(0).ToString() + out.GetValue(1).ToString() + out.GetValue(2).ToString(),
            "tft");
}

}  // namespace
}  // namespace heliosdb::test
