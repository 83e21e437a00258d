// COPY text escaping (what the dump's rows, the SQL export and migrate carry) and the
// canonical row text and hash verify compares with PostgreSQL's.
#include <gtest/gtest.h>

#include "dump/row_checksum.h"
#include "dump/verify_side.h"
#include "engine/copy_format.h"

namespace heliosdb::dump {
namespace {

TEST(CopyText, EscapesWhatTextFormatNeeds) {
  CopyOptions options;
  CopyRowWriter w(options);
  w.AddField("tab\there");
  w.AddField("new\nline\rcr");
  w.AddField("back\\slash");
  w.AddNull();
  w.AddField("\\N");
  w.AddField("");
  w.EndRow();
  EXPECT_EQ(w.out(), "tab\\there\tnew\\nline\\rcr\tback\\\\slash\t\\N\t\\\\N\t\n");
}

TEST(CopyText, RoundTrip) {
  CopyOptions options;
  std::vector<CopyField> row = {std::string("a\tb\nc\\d\re"), std::nullopt,
                                std::string("\\N"),           std::string(""),
                                std::string("héllo ✓"),       std::string("{\"a b\",\"q\\\"x\"}")};
  CopyRowWriter w(options);
  for (const auto& f : row) f ? w.AddField(*f) : w.AddNull();
  w.EndRow();
  CopyRowReader r(options);
  r.Feed(w.out());
  std::vector<CopyField> back;
  ASSERT_TRUE(r.NextRow(&back, true));
  EXPECT_EQ(back, row);
}

TEST(CanonicalRow, LengthPrefixedFieldsAndN) {
  EXPECT_EQ(CanonicalRowText({std::string("1"), std::nullopt, std::string("a\tb")}),
            "1:1,N,3:a\tb");
  EXPECT_EQ(CanonicalRowText({std::string("N"), std::nullopt}), "1:N,N");
  // A comma inside a value cannot shift fields: lengths count bytes (UTF-8).
  EXPECT_EQ(CanonicalRowText({std::string("a,b"), std::string("✓")}), "3:a,b,3:✓");
}

TEST(CanonicalRow, HashMatchesPostgres) {
  // select ('x'||substr(md5(E'1:1,N,3:a\tb'),1,16))::bit(64)::bigint  (PostgreSQL 15)
  EXPECT_EQ(RowHash("1:1,N,3:a\tb"), 5927786631327621849LL);
  EXPECT_EQ(RowHash(""), -3162216497309240828LL);
}

TEST(CanonicalRow, ChecksumIsOrderIndependentAndExact) {
  TableChecksum a, b;
  for (int64_t h : {INT64_MAX, INT64_MAX, INT64_MIN + 1, int64_t{7}}) a.Add(h);
  for (int64_t h : {int64_t{7}, INT64_MIN + 1, INT64_MAX, INT64_MAX}) b.Add(h);
  EXPECT_EQ(a.sum, b.sum);
  EXPECT_EQ(a.SumText(), "9223372036854775814");  // beyond 64 bits before the last add
  TableChecksum empty;
  EXPECT_EQ(empty.SumText(), "0");
}

TEST(CanonicalRow, FromCopyText) {
  std::vector<std::string> texts;
  ForEachCopyRow("1\t\\N\ta\\tb\n", [&](int64_t, const std::string& t) { texts.push_back(t); });
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0], "1:1,N,3:a\tb");
}

TEST(PostgresQuery, RendersThroughOutputFunctions) {
  DumpTable t;
  t.schema = "app";
  t.name = "T";
  t.columns.resize(2);
  t.columns[0].name = "id";
  t.columns[1].name = "ok";
  std::string q = PostgresChecksumQuery(t);
  EXPECT_NE(q.find("format('%s', ok)"), std::string::npos) << q;
  EXPECT_NE(q.find("FROM app.\"T\""), std::string::npos) << q;
}

}  // namespace
}  // namespace heliosdb::dump
