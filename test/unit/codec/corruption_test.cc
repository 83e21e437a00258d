// Truncated and corrupted segments are rejected with XX001, never a crash: at the segment level
// (the checksum) and at the codec level, where payloads that passed a checksum are parsed anyway.
#include <gtest/gtest.h>
#include <xxhash.h>

#include <random>

#include "common/exception.h"
#include "storage/columnar/codec/codec_registry.h"
#include "storage/columnar/codec/segment.h"
#include "test_columns.h"

namespace heliosdb::codec {
namespace {

using test::TestColumn;

// Runs every decoding path on a (possibly corrupted) payload; only DbException may escape.
void DecodeEverything(const Codec& codec, std::string_view payload, StorageType type, idx_t count) {
  ColumnBuffer out;
  try {
    codec.decompress(payload, type, count, out);
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), sqlstate::kDataCorrupted) << e.what();
  }
  if (count == 0) return;
  for (idx_t row : {idx_t{0}, count / 2, count - 1}) {
    try {
      if (codec.fetch) codec.fetch(payload, type, count, row, out);
    } catch (const DbException& e) {
      EXPECT_EQ(e.status().sqlstate(), sqlstate::kDataCorrupted) << e.what();
    }
  }
  try {
    Selection sel;
    CompareConstant k;
    k.s = "final";
    if (codec.filter) codec.filter(payload, type, count, CompareOp::kLt, k, sel);
    for (uint32_t row : sel) ASSERT_LT(row, count);
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), sqlstate::kDataCorrupted) << e.what();
  }
}

// Small columns of each type keep a few thousand corruptions fast.
std::vector<TestColumn> SmallColumns() {
  std::vector<TestColumn> out;
  std::vector<int64_t> ints;
  std::vector<double> doubles;
  std::vector<float> floats;
  std::vector<std::string> strings;
  for (int i = 0; i < 1500; i++) {
    ints.push_back(1000 + i * 3 + (i % 7));
    doubles.push_back((i % 100) / 4.0);
    floats.push_back(static_cast<float>(i) / 3.0f);
    strings.push_back(i % 3 ? "furiously final deposits" : "ironic café " + std::to_string(i % 5));
  }
  out.push_back(test::IntColumn("int64", StorageType::kInt64, ints));
  out.push_back(test::IntColumn("int16", StorageType::kInt16, ints));
  out.push_back(test::DoubleColumn("float8", doubles));
  out.push_back(test::FloatColumn("float4", floats));
  out.push_back(test::StringColumn("text", strings));
  return out;
}

TEST(CodecCorruption, RandomPayloadCorruptionsThrowOrDecode) {
  std::mt19937_64 rng(7);
  int runs = 0;
  for (const TestColumn& column : SmallColumns()) {
    for (const Codec* codec : AllCodecs()) {
      if (!codec->supports(column.type)) continue;
      std::string payload;
      if (!codec->compress(column.view(), payload)) continue;
      SCOPED_TRACE(std::string(codec->name) + " on " + column.name);
      for (int trial = 0; trial < 120; trial++) {
        std::string bad = payload;
        switch (trial % 4) {
          case 0:  // truncation
            bad.resize(rng() % (bad.size() + 1));
            break;
          case 1:  // one flipped bit
            if (!bad.empty()) bad[rng() % bad.size()] ^= static_cast<char>(1 << (rng() % 8));
            break;
          case 2:  // a few random bytes
            for (int k = 0; k < 4 && !bad.empty(); k++)
              bad[rng() % bad.size()] = static_cast<char>(rng());
            break;
          case 3:  // all 0xff from a random point (huge counts and widths)
            if (!bad.empty()) {
              for (size_t k = rng() % bad.size(); k < bad.size(); k++) bad[k] = '\xff';
            }
            break;
        }
        DecodeEverything(*codec, bad, column.type, column.count);
        if (HasFatalFailure()) return;
        runs++;
      }
    }
  }
  EXPECT_GT(runs, 3000);
}

TEST(CodecCorruption, SegmentChecksumRejectsEveryChange) {
  std::mt19937_64 rng(11);
  for (const TestColumn& column : SmallColumns()) {
    EncodedSegment seg = WriteSegment(column.view());
    for (int trial = 0; trial < 200; trial++) {
      std::string bad = seg.bytes;
      if (trial % 2) {
        bad.resize(rng() % bad.size());
      } else {
        bad[rng() % bad.size()] ^= static_cast<char>(1 + rng() % 255);
      }
      try {
        SegmentReader reader(bad);
        FAIL() << "corruption not detected in " << column.name;
      } catch (const DbException& e) {
        EXPECT_EQ(e.status().sqlstate(), sqlstate::kDataCorrupted);
      }
    }
  }
}

// Corruptions that carry a valid checksum (as if written so): the header checks and the codecs
// must still answer with XX001 or values, never a crash.
TEST(CodecCorruption, ResealedCorruptionsThrowOrDecode) {
  std::mt19937_64 rng(13);
  int runs = 0;
  for (const TestColumn& column : SmallColumns()) {
    for (const Codec* codec : AllCodecs()) {
      if (!codec->supports(column.type)) continue;
      EncodedSegment seg = WriteSegment(column.view(), codec);
      for (int trial = 0; trial < 40; trial++) {
        std::string bad = seg.bytes.substr(0, seg.bytes.size() - 8);
        // Mostly the header (version, codec, type, counts), sometimes anywhere.
        size_t limit = trial % 3 ? std::min<size_t>(bad.size(), 8) : bad.size();
        bad[rng() % limit] = static_cast<char>(rng());
        uint64_t checksum = XXH64(bad.data(), bad.size(), 0);
        bad.append(reinterpret_cast<const char*>(&checksum), 8);
        try {
          SegmentReader reader(bad);
          ColumnBuffer out;
          reader.Decompress(out);
          if (reader.count() > 0) reader.Fetch(reader.count() - 1, out);
          Selection sel;
          reader.Filter(CompareOp::kGe, CompareConstant{}, sel);
        } catch (const DbException& e) {
          EXPECT_EQ(e.status().sqlstate(), sqlstate::kDataCorrupted) << e.what();
        }
        runs++;
      }
    }
  }
  EXPECT_GT(runs, 1000);
}

TEST(CodecCorruption, UnknownVersionIsRefused) {
  TestColumn c = test::IntColumn("ints", StorageType::kInt64, {1, 2, 3});
  EncodedSegment seg = WriteSegment(c.view());
  ASSERT_EQ(static_cast<uint8_t>(seg.bytes[0]), kSegmentFormatVersion);
  std::string newer = seg.bytes.substr(0, seg.bytes.size() - 8);
  newer[0] = static_cast<char>(kSegmentFormatVersion + 1);
  uint64_t checksum = XXH64(newer.data(), newer.size(), 0);
  newer.append(reinterpret_cast<const char*>(&checksum), 8);
  try {
    SegmentReader reader(newer);
    FAIL() << "a newer version was read";
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), sqlstate::kDataCorrupted);
    EXPECT_STREQ(e.what(),
                 "segment format version 2 is not supported (this build reads version 1)");
  }
}

}  // namespace
}  // namespace heliosdb::codec
