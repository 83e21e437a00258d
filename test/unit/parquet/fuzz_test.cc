// Thousands of corrupted files: each read ends with a DbException (22P04 for bad bytes, 0A000
// for what a corruption turns into an unsupported feature, 22008 / 22003 for out-of-range
// values), never a crash or another exception.
#include <gtest/gtest.h>

#include <random>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "common/types/decimal.h"
#include "parquet/parquet_reader.h"
#include "parquet/parquet_writer.h"

namespace heliosdb::parquet {
namespace {

std::string SampleFile(Codec codec) {
  std::vector<WriteColumn> columns = {{"k", TypeId::kBigInt},
                                      {"v", TypeId::kText},
                                      {"a", LogicalType::Array(TypeId::kInteger)},
                                      {"n", LogicalType::Numeric(30, 2)}};
  std::string bytes;
  WriterOptions options;
  options.codec = codec;
  options.row_group_rows = 50;
  ParquetWriter writer(columns, options, [&](std::string_view b) { bytes.append(b); });
  for (int i = 0; i < 120; i++) {
    writer.AppendRow(
        {i % 9 ? Value::BigInt(i) : Value::Null(TypeId::kBigInt),
         Value::Text(i % 3 ? "abc" : "déf" + std::to_string(i)),
         i % 2 ? MakeArray({Value::Integer(i), Value::Null(TypeId::kInteger)}, TypeId::kInteger)
               : Value::Null(LogicalType::Array(TypeId::kInteger)),
         Value::Numeric(DecimalFromInt64(i * 1000), LogicalType::Numeric(30, 2))});
  }
  writer.Finish();
  return bytes;
}

void ReadEverything(const std::string& bytes) {
  ParquetReader reader(MemoryFile(bytes));
  std::vector<size_t> all;
  for (size_t i = 0; i < reader.columns().size(); i++) all.push_back(i);
  for (size_t g = 0; g < reader.row_groups(); g++) reader.ReadRowGroup(g, all);
}

TEST(ParquetFuzzTest, CorruptionsFailCleanly) {
  std::mt19937 random(7);
  int refused = 0;
  for (Codec codec : {Codec::kUncompressed, Codec::kZstd}) {
    const std::string good = SampleFile(codec);
    ReadEverything(good);
    for (int trial = 0; trial < 2500; trial++) {
      std::string bytes = good;
      int kind = trial % 3;
      if (kind == 0) {
        bytes.resize(random() % bytes.size());
      } else {
        int flips = 1 + random() % 4;
        for (int f = 0; f < flips; f++) {
          // Half the flips land in the footer, where they reach the most code.
          size_t at = f % 2 ? bytes.size() - 1 - random() % std::min<size_t>(bytes.size(), 400)
                            : random() % bytes.size();
          bytes[at] = static_cast<char>(kind == 1 ? random() : bytes[at] ^ (1 << (random() % 8)));
        }
      }
      try {
        ReadEverything(bytes);
      } catch (const DbException& e) {
        const std::string& code = e.status().sqlstate();
        EXPECT_TRUE(code == "22P04" || code == "0A000" || code == "22008" || code == "22003")
            << code << " " << e.what();
        refused++;
      }
    }
  }
  EXPECT_GT(refused, 1000);
}

}  // namespace
}  // namespace heliosdb::parquet
