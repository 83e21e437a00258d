// The Thrift compact protocol and the footer / page header structs round trip.
#include "parquet/thrift_compact.h"

#include <gtest/gtest.h>

#include "common/exception.h"
#include "parquet/file_metadata.h"

namespace heliosdb::parquet {
namespace {

TEST(ThriftCompactTest, FieldsRoundTrip) {
  ThriftWriter w;
  w.BeginStruct();
  w.FieldI32(1, -7);
  w.FieldI64(2, int64_t{1} << 40);
  w.FieldBool(3, true);
  w.FieldBinary(20, "hello");  // a jump of more than 15 ids: the long field header
  w.FieldList(21, kThriftI32, 20);
  for (int i = 0; i < 20; i++) w.ListI32(i * 1000);
  w.FieldStruct(22);
  w.FieldBool(1, false);
  w.EndStruct();
  w.EndStruct();

  ThriftReader r(w.out(), 100);
  int fields = 0;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    fields++;
    switch (id) {
      case 1:
        EXPECT_EQ(r.ReadI32(), -7);
        break;
      case 2:
        EXPECT_EQ(r.ReadI64(), int64_t{1} << 40);
        break;
      case 3:
        EXPECT_TRUE(ThriftReader::FieldBool(type));
        break;
      case 20:
        EXPECT_EQ(r.ReadBinary(), "hello");
        break;
      case 21: {
        uint8_t element;
        ASSERT_EQ(r.ReadListHeader(&element), 20u);
        EXPECT_EQ(element, kThriftI32);
        for (int i = 0; i < 20; i++) EXPECT_EQ(r.ReadI32(), i * 1000);
        break;
      }
      case 22:
        r.ReadStruct([&](int16_t f, uint8_t t) {
          EXPECT_EQ(f, 1);
          EXPECT_FALSE(ThriftReader::FieldBool(t));
        });
        break;
      default:
        ADD_FAILURE() << "unexpected field " << id;
    }
  });
  EXPECT_EQ(fields, 6);
  EXPECT_EQ(r.position(), w.out().size());
}

TEST(ThriftCompactTest, SkipsUnknownFieldsAndRefusesTruncation) {
  ThriftWriter w;
  w.BeginStruct();
  w.FieldStruct(5);
  w.FieldList(1, kThriftBinary, 2);
  w.ListBinary("a");
  w.ListBinary("b");
  w.EndStruct();
  w.FieldI32(6, 42);
  w.EndStruct();
  ThriftReader r(w.out(), 0);
  int32_t value = 0;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    if (id == 6) {
      value = r.ReadI32();
    } else {
      r.Skip(type);
    }
  });
  EXPECT_EQ(value, 42);

  std::string cut = w.out().substr(0, w.out().size() - 3);
  ThriftReader t(cut, 1000);
  try {
    t.ReadStruct([&](int16_t, uint8_t type) { t.Skip(type); });
    FAIL() << "truncated metadata was accepted";
  } catch (const DbException& e) {
    EXPECT_EQ(e.status().sqlstate(), "22P04");
    EXPECT_NE(e.status().message().find("byte offset 10"), std::string::npos) << e.what();
  }
}

TEST(ThriftCompactTest, FileMetaDataRoundTrip) {
  FileMetaData meta;
  SchemaElement root;
  root.name = "schema";
  root.num_children = 1;
  meta.schema.push_back(root);
  SchemaElement leaf;
  leaf.type = Type::kInt64;
  leaf.name = "ts";
  leaf.repetition = Repetition::kOptional;
  LogicalTypeAnnotation ts;
  ts.kind = LogicalTypeAnnotation::kTimestamp;
  ts.adjusted_to_utc = true;
  ts.unit = TimeUnit::kMicros;
  leaf.logical_type = ts;
  meta.schema.push_back(leaf);
  meta.num_rows = 3;
  RowGroup g;
  g.num_rows = 3;
  ColumnChunk c;
  ColumnMetaData m;
  m.type = Type::kInt64;
  m.encodings = {Encoding::kPlain, Encoding::kRle};
  m.path_in_schema = {"ts"};
  m.codec = Codec::kZstd;
  m.num_values = 3;
  m.data_page_offset = 4;
  Statistics s;
  s.null_count = 1;
  s.min_value = std::string("\x01\0\0\0\0\0\0\0", 8);
  m.statistics = s;
  c.meta_data = m;
  g.columns.push_back(c);
  meta.row_groups.push_back(g);
  meta.created_by = "test";

  FileMetaData back = ParseFileMetaData(SerializeFileMetaData(meta), 0);
  ASSERT_EQ(back.schema.size(), 2u);
  EXPECT_EQ(back.schema[1].name, "ts");
  ASSERT_TRUE(back.schema[1].logical_type);
  EXPECT_EQ(back.schema[1].logical_type->kind, LogicalTypeAnnotation::kTimestamp);
  EXPECT_TRUE(back.schema[1].logical_type->adjusted_to_utc);
  EXPECT_EQ(back.schema[1].logical_type->unit, TimeUnit::kMicros);
  ASSERT_EQ(back.row_groups.size(), 1u);
  const ColumnMetaData& bm = *back.row_groups[0].columns[0].meta_data;
  EXPECT_EQ(bm.codec, Codec::kZstd);
  EXPECT_EQ(bm.encodings.size(), 2u);
  EXPECT_EQ(bm.statistics->null_count, 1);
  EXPECT_EQ(*bm.statistics->min_value, *s.min_value);
  EXPECT_EQ(back.created_by, "test");

  PageHeader h;
  h.type = PageType::kDataPageV2;
  h.uncompressed_page_size = 10;
  h.compressed_page_size = 8;
  h.data_page_v2 = DataPageHeaderV2{5, 1, 5, Encoding::kRleDictionary, 2, 0, false};
  std::string bytes;
  SerializePageHeader(h, &bytes);
  ThriftReader r(bytes, 0);
  PageHeader hb = ParsePageHeader(r);
  ASSERT_TRUE(hb.data_page_v2);
  EXPECT_EQ(hb.data_page_v2->num_nulls, 1);
  EXPECT_FALSE(hb.data_page_v2->is_compressed);
  EXPECT_EQ(hb.data_page_v2->encoding, Encoding::kRleDictionary);
}

}  // namespace
}  // namespace heliosdb::parquet
