// The dump's block format: round trip, checksums per block and over all blocks, truncation,
// unknown sections (skipped when optional, refused when required), errors naming the offset.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/exception.h"
#include "dump/dump_reader.h"
#include "dump/dump_writer.h"

namespace heliosdb::dump {
namespace {

class DumpFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("dump_file_test_" + std::to_string(::getpid()) + ".dump"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }

  void WriteSample(uint16_t extra_flags = 0) {
    DumpWriter w(path_);
    w.WriteBlock(BlockKind::kCatalog, kFlagRequired, "catalog bytes");
    w.WriteBlock(BlockKind::kRows, kFlagRequired, std::string(100000, 'x') + "\n1\t2\n");
    w.AddRows(2);
    w.WriteBlock(static_cast<BlockKind>(200), extra_flags, "a later feature's section");
    w.Finish();
  }
  std::string Bytes() {
    std::ifstream in(path_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void SetBytes(const std::string& b) { std::ofstream(path_, std::ios::binary) << b; }
  // Reads every block, skipping unknown ones; returns the error message or "".
  std::string ReadAll(std::vector<Block>* out = nullptr) {
    try {
      DumpReader r(path_);
      Block b;
      while (r.Next(&b)) {
        if (b.kind == 200) r.SkipUnknown(b);
        if (out) out->push_back(b);
      }
      return "";
    } catch (const DbException& e) {
      return e.what();
    }
  }
  std::string path_;
};

TEST_F(DumpFileTest, RoundTrip) {
  WriteSample();
  std::vector<Block> blocks;
  ASSERT_EQ(ReadAll(&blocks), "");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].payload, "catalog bytes");
  EXPECT_EQ(blocks[1].payload.size(), 100005u);
  EXPECT_TRUE(blocks[1].flags & kFlagCompressed);
  EXPECT_EQ(blocks[0].offset, kFileHeaderSize);
  // 100 kB of one letter compresses to a few hundred bytes.
  EXPECT_LT(Bytes().size(), 2000u);
}

TEST_F(DumpFileTest, EveryFlippedByteIsCaughtWithItsOffset) {
  WriteSample();
  const std::string good = Bytes();
  for (size_t pos = 0; pos < good.size(); pos++) {
    std::string bad = good;
    bad[pos] ^= 0x20;
    SetBytes(bad);
    std::string error = ReadAll();
    ASSERT_NE(error, "") << "byte " << pos;
    EXPECT_NE(error.find("byte offset"), std::string::npos) << error;
  }
}

TEST_F(DumpFileTest, TruncationIsCaught) {
  WriteSample();
  const std::string good = Bytes();
  for (size_t keep : {size_t{0}, size_t{10}, kFileHeaderSize, kFileHeaderSize + 5, good.size() - 40,
                      good.size() - 1}) {
    SetBytes(good.substr(0, keep));
    std::string error = ReadAll();
    EXPECT_NE(error, "") << keep;
  }
  SetBytes(good.substr(0, good.size() - 52));  // exactly the trailer gone
  EXPECT_NE(ReadAll().find("trailer is missing"), std::string::npos);
}

TEST_F(DumpFileTest, ReorderedBlocksAreCaught) {
  // Two blocks with the same payload size swapped: each block's own checksum is seeded with
  // its position, so the swap shows.
  {
    DumpWriter w(path_);
    w.WriteBlock(BlockKind::kCatalog, kFlagRequired, "aaaa");
    w.WriteBlock(BlockKind::kConfig, 0, "bbbb");
    w.Finish();
  }
  std::string b = Bytes();
  size_t first = kFileHeaderSize;
  size_t len = (b.size() - first - 52) / 2;
  std::string swapped = b.substr(0, first) + b.substr(first + len, len) + b.substr(first, len) +
                        b.substr(first + 2 * len);
  SetBytes(swapped);
  EXPECT_NE(ReadAll().find("checksum mismatch"), std::string::npos);
}

TEST_F(DumpFileTest, UnknownRequiredSectionIsRefused) {
  WriteSample(kFlagRequired);
  std::string error = ReadAll();
  EXPECT_NE(error.find("needs a section of kind 200"), std::string::npos) << error;
}

TEST_F(DumpFileTest, NotADump) {
  SetBytes(std::string(64, 'z'));
  EXPECT_NE(ReadAll().find("not a HeliosDB dump"), std::string::npos);
}

}  // namespace
}  // namespace heliosdb::dump
