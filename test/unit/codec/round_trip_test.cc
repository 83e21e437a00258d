// Every codec on every column of its type: decompress(compress(x)) == x bit for bit, fetch(i) ==
// x[i], and filters on the compressed form select what a row-by-row filter selects.
#include <gtest/gtest.h>

#include <cstring>

#include "common/exception.h"
#include "storage/columnar/codec/codec_registry.h"
#include "storage/columnar/codec/compare.h"
#include "storage/columnar/codec/segment.h"
#include "test_columns.h"

namespace heliosdb::codec {
namespace {

using test::TestColumn;

// Row i of a and b hold the same bits.
bool SameRow(const ColumnView& a, idx_t i, const ColumnView& b, idx_t j) {
  if (a.type == StorageType::kString) return a.strings[i] == b.strings[j];
  size_t width = StorageTypeWidth(a.type);
  return std::memcmp(a.fixed + i * width, b.fixed + j * width, width) == 0;
}

// Constants to filter with: values of the column and values beyond its ends.
std::vector<CompareConstant> Constants(const ColumnView& c) {
  std::vector<CompareConstant> out;
  for (idx_t i : {idx_t{0}, c.count / 2, c.count - 1}) {
    if (i >= c.count) continue;
    CompareConstant k;
    if (c.type == StorageType::kString) {
      k.s = c.strings[i];
    } else if (c.type == StorageType::kDouble) {
      k.d = c.Get<double>(i);
    } else if (c.type == StorageType::kFloat) {
      k.d = c.Get<float>(i);
    } else {
      k.i = c.GetInt(i);
    }
    out.push_back(k);
  }
  CompareConstant lo, hi, mid;
  lo.i = INT64_MIN, lo.d = -1e308, lo.s = "";
  hi.i = INT64_MAX, hi.d = std::numeric_limits<double>::quiet_NaN(), hi.s = "\xff\xff";
  mid.i = 1, mid.d = 1.5, mid.s = "m";
  out.insert(out.end(), {lo, hi, mid});
  return out;
}

void CheckCodec(const Codec& codec, const TestColumn& column) {
  SCOPED_TRACE(std::string(codec.name) + " on " + column.name);
  ColumnView input = column.view();
  EncodedSegment seg = WriteSegment(input, &codec);
  // A forced codec that cannot take the data (constant on varied values) yields; nothing to test.
  if (seg.codec != &codec) return;
  SegmentReader reader(seg.bytes);
  ASSERT_EQ(reader.count(), column.count);
  ASSERT_EQ(&reader.codec(), &codec);

  ColumnBuffer all;
  reader.Decompress(all);
  ASSERT_EQ(all.count(), column.count);
  for (idx_t i = 0; i < column.count; i++) {
    ASSERT_EQ(reader.IsValid(i), input.IsValid(i)) << "row " << i;
    if (input.IsValid(i)) {
      ASSERT_TRUE(SameRow(all.view(), i, input, i)) << "row " << i;
    }
  }

  ColumnBuffer one;
  idx_t step = std::max<idx_t>(1, column.count / 97);
  for (idx_t i = 0; i < column.count; i += step) {
    reader.Fetch(i, one);
    ASSERT_EQ(one.count(), 1u);
    if (input.IsValid(i)) {
      ASSERT_TRUE(SameRow(one.view(), 0, input, i)) << "fetch " << i;
    }
  }

  for (const CompareConstant& k : Constants(input)) {
    for (CompareOp op : {CompareOp::kEq, CompareOp::kNe, CompareOp::kLt, CompareOp::kLe,
                         CompareOp::kGt, CompareOp::kGe}) {
      Selection expected, got;
      for (idx_t i = 0; i < column.count; i++) {
        if (input.IsValid(i) && Satisfies(op, CompareRow(input, i, k))) expected.push_back(i);
      }
      reader.Filter(op, k, got);
      ASSERT_EQ(got, expected) << "op " << static_cast<int>(op);
    }
  }
}

TEST(CodecRoundTrip, EveryCodecOnEveryColumn) {
  std::vector<TestColumn> columns = test::AllTestColumns();
  int checked = 0;
  for (const Codec* codec : AllCodecs()) {
    for (const TestColumn& column : columns) {
      if (!codec->supports(column.type)) continue;
      CheckCodec(*codec, column);
      if (HasFatalFailure()) return;
      checked++;
    }
  }
  EXPECT_GT(checked, 300);
}

TEST(CodecRoundTrip, AutoChoiceRoundTrips) {
  for (const TestColumn& column : test::AllTestColumns()) {
    SCOPED_TRACE(column.name);
    EncodedSegment seg = WriteSegment(column.view());
    SegmentReader reader(seg.bytes);
    ColumnBuffer all;
    reader.Decompress(all);
    for (idx_t i = 0; i < column.count; i++) {
      if (column.view().IsValid(i)) {
        ASSERT_TRUE(SameRow(all.view(), i, column.view(), i)) << "row " << i;
      }
    }
  }
}

TEST(CodecRoundTrip, ForcedCodecOfAnotherTypeIs22023) {
  TestColumn c = test::IntColumn("ints", StorageType::kInt32, {1, 2, 3});
  try {
    WriteSegment(c.view(), CodecForSetting("gorilla"));
    FAIL() << "no error";
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), std::string(sqlstate::kInvalidParameterValue));
  }
  try {
    CodecForSetting("brotli");
    FAIL() << "no error";
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), std::string(sqlstate::kInvalidParameterValue));
    EXPECT_STREQ(e.what(), "invalid compression method \"brotli\"");
  }
  EXPECT_EQ(CodecForSetting("auto"), nullptr);
}

TEST(CodecRoundTrip, ForcedConstantOnVariedDataFallsBack) {
  TestColumn c = test::IntColumn("ints", StorageType::kInt64, {1, 2, 3});
  EncodedSegment seg = WriteSegment(c.view(), CodecForSetting("constant"));
  EXPECT_NE(seg.codec->id, CodecId::kConstant);
}

}  // namespace
}  // namespace heliosdb::codec
