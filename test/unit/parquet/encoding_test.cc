// The page encodings: RLE / bit-packed hybrid, DELTA_*, Snappy, PLAIN.
#include <gtest/gtest.h>

#include <random>

#include "common/exception.h"
#include "parquet/delta_encoding.h"
#include "parquet/page_codec.h"
#include "parquet/plain_encoding.h"
#include "parquet/rle_hybrid.h"
#include "parquet/snappy.h"

namespace heliosdb::parquet {
namespace {

TEST(RleHybridTest, RoundTripsRunsAndLiterals) {
  for (int width : {1, 2, 3, 7, 8, 13, 20}) {
    std::vector<uint32_t> values;
    uint32_t mask = (uint64_t{1} << width) - 1;
    for (int i = 0; i < 1000; i++) values.push_back(i < 300 ? 1 & mask : (i * 7919) & mask);
    for (int i = 0; i < 37; i++) values.push_back(mask);
    RleEncoder encoder(width);
    for (uint32_t v : values) encoder.Put(v);
    std::string runs = encoder.Finish();
    RleDecoder decoder(runs, width, 0);
    std::vector<uint32_t> back(values.size());
    decoder.Get(back.data(), back.size());
    EXPECT_EQ(back, values) << "bit width " << width;
  }
}

TEST(RleHybridTest, TruncatedRunsAreRefused) {
  RleEncoder encoder(3);
  for (int i = 0; i < 100; i++) encoder.Put(i % 8);
  std::string runs = encoder.Finish();
  RleDecoder decoder(std::string_view(runs).substr(0, 5), 3, 0);
  std::vector<uint32_t> back(100);
  EXPECT_THROW(decoder.Get(back.data(), back.size()), DbException);
}

TEST(DeltaEncodingTest, BinaryPacked) {
  // block 128, 4 miniblocks, 5 values, first 1; min delta 1 and zero-width miniblocks.
  std::string data = {'\x80', '\x01', 4, 5, 2, 2, 0, 0, 0, 0};
  size_t pos = 0;
  EXPECT_EQ(DecodeDeltaBinaryPacked(data, &pos, 5, 0), (std::vector<int64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(pos, data.size());
  // Deltas 7, -3 with min delta -3: packed values 10 and 0, width 4 in the first miniblock.
  std::string packed = {'\x80', '\x01', 4, 3, 20, 5, 4, 0, 0, 0, 0x0A, 0, 0, 0, 0, 0, 0, 0,
                        0,      0,      0, 0, 0,  0, 0, 0, 0, 0, 0,    0, 0, 0, 0, 0, 0, 0};
  pos = 0;
  EXPECT_EQ(DecodeDeltaBinaryPacked(packed, &pos, 3, 0), (std::vector<int64_t>{10, 17, 14}));
  pos = 0;
  EXPECT_THROW(DecodeDeltaBinaryPacked(packed.substr(0, 12), &pos, 3, 0), DbException);
}

TEST(DeltaEncodingTest, ByteArrays) {
  // Lengths 2, 3 (first 2, delta 1): DELTA_LENGTH_BYTE_ARRAY of "ab", "cde".
  std::string lengths = {'\x80', '\x01', 4, 2, 4, 2, 0, 0, 0, 0};
  std::string data = lengths + "abcde";
  size_t pos = 0;
  EXPECT_EQ(DecodeDeltaLengthByteArray(data, &pos, 2, 0), (std::vector<std::string>{"ab", "cde"}));
  // DELTA_BYTE_ARRAY: prefixes 0, 2 then suffixes "ab", "cde" -> "ab", "abcde".
  std::string prefixes = {'\x80', '\x01', 4, 2, 0, 4, 0, 0, 0, 0};
  std::string both = prefixes + data;
  pos = 0;
  EXPECT_EQ(DecodeDeltaByteArray(both, &pos, 2, 0), (std::vector<std::string>{"ab", "abcde"}));
}

TEST(SnappyTest, LiteralsAndOverlappingCopies) {
  std::string in = {7, 0x08, 'a', 'b', 'c', 0x01, 0x03};
  EXPECT_EQ(SnappyDecompress(in, 7, 0), "abcabca");
  std::string bad_offset = {7, 0x08, 'a', 'b', 'c', 0x01, 0x09};
  EXPECT_THROW(SnappyDecompress(bad_offset, 7, 0), DbException);
  std::string short_output = {9, 0x08, 'a', 'b', 'c'};
  EXPECT_THROW(SnappyDecompress(short_output, 9, 0), DbException);
}

TEST(SnappyTest, RandomBytesFailCleanly) {
  std::mt19937 random(11);
  const std::string good = {7, 0x08, 'a', 'b', 'c', 0x01, 0x03};
  for (int trial = 0; trial < 5000; trial++) {
    std::string in = good;
    if (trial % 2) {
      in.assign(1 + random() % 40, '\0');
      for (char& c : in) c = static_cast<char>(random());
    } else {
      in[random() % in.size()] = static_cast<char>(random());
    }
    try {
      SnappyDecompress(in, 7, 0);
    } catch (const DbException& e) {
      EXPECT_EQ(e.status().sqlstate(), "22P04");
    }
  }
}

TEST(PageCodecTest, ZstdRoundTripAndRefusedCodecs) {
  std::string page(10000, 'x');
  std::string packed = CompressPage(Codec::kZstd, page);
  EXPECT_LT(packed.size(), page.size());
  EXPECT_EQ(DecompressPage(Codec::kZstd, packed, page.size(), 0), page);
  EXPECT_THROW(DecompressPage(Codec::kZstd, packed, page.size() + 1, 0), DbException);
  try {
    DecompressPage(Codec::kGzip, packed, page.size(), 0);
    FAIL();
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "0A000");
    EXPECT_NE(e.status().message().find("GZIP"), std::string::npos);
  }
}

TEST(PlainEncodingTest, RoundTripsEachPhysicalType) {
  LeafType int32, text;
  int32.sql = TypeId::kInteger;
  int32.physical = Type::kInt32;
  text.sql = TypeId::kText;
  text.physical = Type::kByteArray;
  std::string out;
  AppendPlain(Value::BigInt(-5), int32, &out);
  AppendPlain(Value::BigInt(7), int32, &out);
  size_t pos = 0;
  auto ints = DecodePlain(out, &pos, 2, int32, 0);
  EXPECT_EQ(ints[0].GetInt64(), -5);
  EXPECT_EQ(ints[1].GetInt64(), 7);
  out.clear();
  AppendPlain(Value::Bytea("héllo"), text, &out);
  AppendPlain(Value::Bytea(""), text, &out);
  pos = 0;
  auto strings = DecodePlain(out, &pos, 2, text, 0);
  EXPECT_EQ(strings[0].GetString(), "héllo");
  EXPECT_EQ(strings[1].GetString(), "");
  pos = 0;
  EXPECT_THROW(DecodePlain(out, &pos, 3, text, 0), DbException);
}

}  // namespace
}  // namespace heliosdb::parquet
