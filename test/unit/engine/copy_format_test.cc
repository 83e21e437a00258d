// COPY's text and CSV formats: escapes, quoting, NULL spellings, headers, the "\." end
// marker, malformed data, and rows split across the pieces a client sends at any byte.
#include "engine/copy_format.h"

#include <gtest/gtest.h>

#include "common/exception.h"

namespace heliosdb {
namespace {

using Rows = std::vector<std::vector<CopyField>>;

// Reads data fed in pieces of `piece` bytes (0: all at once).
Rows ReadAll(const CopyOptions& options, const std::string& data, size_t piece = 0) {
  CopyRowReader reader(options);
  Rows rows;
  std::vector<CopyField> fields;
  size_t step = piece ? piece : data.size() + 1;
  for (size_t at = 0; at < data.size(); at += step) {
    reader.Feed(std::string_view(data).substr(at, step));
    while (reader.NextRow(&fields, false)) rows.push_back(fields);
  }
  while (reader.NextRow(&fields, true)) rows.push_back(fields);
  return rows;
}

CopyOptions Csv() {
  CopyOptions o;
  o.csv = true;
  o.delimiter = ',';
  o.null_string = "";
  return o;
}

TEST(CopyFormat, TextEscapesAndNulls) {
  Rows rows = ReadAll(CopyOptions(), "1\ta\\tb\\\\c\t\\N\n2\t\\x41\\101\\n\t\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(*rows[0][1], "a\tb\\c");
  EXPECT_FALSE(rows[0][2].has_value());
  EXPECT_EQ(*rows[1][1], "AA\n");
  EXPECT_EQ(*rows[1][2], "");
}

TEST(CopyFormat, TextEndMarkerAndCrLf) {
  Rows rows = ReadAll(CopyOptions(), "1\r\n2\n\\.\n3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(*rows[0][0], "1");
  EXPECT_EQ(*rows[1][0], "2");
}

TEST(CopyFormat, CsvQuotingAndNull) {
  Rows rows = ReadAll(Csv(), "1,\"a,b\",\"say \"\"hi\"\"\",,\"\"\n2,\"multi\nline\",x\"y\"z\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(*rows[0][1], "a,b");
  EXPECT_EQ(*rows[0][2], "say \"hi\"");
  EXPECT_FALSE(rows[0][3].has_value());
  EXPECT_EQ(*rows[0][4], "");
  EXPECT_EQ(*rows[1][1], "multi\nline");
  EXPECT_EQ(*rows[1][2], "xyz");
}

TEST(CopyFormat, RowsSplitAtEveryByteReadTheSame) {
  const std::string csv = "id,name\n1,\"a\"\"b\"\r\n2,\"x\ny\"\n3,\n4,last";
  CopyOptions o = Csv();
  o.header = true;
  Rows whole = ReadAll(o, csv);
  ASSERT_EQ(whole.size(), 4u);
  EXPECT_EQ(*whole[0][1], "a\"b");
  EXPECT_EQ(*whole[3][1], "last");
  for (size_t piece = 1; piece < csv.size(); piece++)
    EXPECT_EQ(ReadAll(o, csv, piece), whole) << piece;
  const std::string text = "1\ta\\\\b\n2\t\\N\n3\tend";
  Rows text_whole = ReadAll(CopyOptions(), text);
  for (size_t piece = 1; piece < text.size(); piece++)
    EXPECT_EQ(ReadAll(CopyOptions(), text, piece), text_whole) << piece;
}

TEST(CopyFormat, UnterminatedQuoteIsAnError) {
  try {
    ReadAll(Csv(), "1,\"open\n");
    FAIL();
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "22P04");
  }
}

TEST(CopyFormat, WriterEscapesAndQuotes) {
  CopyOptions text;
  CopyRowWriter t(text);
  t.AddField("a\tb\\c\nd");
  t.AddNull();
  t.EndRow();
  EXPECT_EQ(t.out(), "a\\tb\\\\c\\nd\t\\N\n");
  CopyOptions csv = Csv();
  CopyRowWriter c(csv);
  c.AddField("plain");
  c.AddField("a,b");
  c.AddField("say \"hi\"");
  c.AddField("");
  c.AddNull();
  c.EndRow();
  EXPECT_EQ(c.out(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"\",\n");
}

TEST(CopyFormat, OptionsAreValidated) {
  auto code = [](ast::OptionList list) {
    try {
      ParseCopyOptions(list);
    } catch (const DbException& e) {
      return e.status().sqlstate();
    }
    return std::string("ok");
  };
  auto text = [](const std::string& v) {
    auto c = std::make_unique<ast::ConstantExpr>();
    c->type = ast::ConstantExpr::Type::kString;
    c->text = v;
    return ast::ExprPtr(std::move(c));
  };
  ast::OptionList binary;
  binary.emplace_back("format", text("binary"));
  EXPECT_EQ(code(std::move(binary)), "0A000");
  ast::OptionList delimiter;
  delimiter.emplace_back("delimiter", text(";;"));
  EXPECT_EQ(code(std::move(delimiter)), "0A000");
  ast::OptionList quote;
  quote.emplace_back("quote", text("'"));
  EXPECT_EQ(code(std::move(quote)), "0A000");  // QUOTE needs CSV
  ast::OptionList unknown;
  unknown.emplace_back("bogus", text("x"));
  EXPECT_EQ(code(std::move(unknown)), "42601");
  ast::OptionList header;
  header.emplace_back("format", text("csv"));
  header.emplace_back("header", nullptr);
  EXPECT_EQ(code(std::move(header)), "ok");
}

}  // namespace
}  // namespace heliosdb
