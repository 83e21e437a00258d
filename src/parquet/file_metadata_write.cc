// Serializing FileMetaData and PageHeader (field ids of parquet.thrift).
#include "parquet/file_metadata.h"

namespace heliosdb::parquet {

namespace {

int32_t I(auto e) {
  return static_cast<int32_t>(e);
}

// The LogicalType union's one member, inside the union's struct.
void WriteLogicalType(ThriftWriter& w, const LogicalTypeAnnotation& t) {
  w.FieldStruct(t.kind);
  switch (t.kind) {
    case LogicalTypeAnnotation::kDecimal:
      w.FieldI32(1, t.scale);
      w.FieldI32(2, t.precision);
      break;
    case LogicalTypeAnnotation::kTime:
    case LogicalTypeAnnotation::kTimestamp:
      w.FieldBool(1, t.adjusted_to_utc);
      w.FieldStruct(2);  // TimeUnit union: an empty struct under the unit's field id
      w.FieldStruct(static_cast<int16_t>(t.unit));
      w.EndStruct();
      w.EndStruct();
      break;
    case LogicalTypeAnnotation::kInteger:
      w.FieldByte(1, static_cast<int8_t>(t.bit_width));
      w.FieldBool(2, t.is_signed);
      break;
    default:
      break;
  }
  w.EndStruct();
}

void WriteSchemaElement(ThriftWriter& w, const SchemaElement& e) {
  w.BeginStruct();
  if (e.type) w.FieldI32(1, I(*e.type));
  if (e.type == Type::kFixedLenByteArray) w.FieldI32(2, e.type_length);
  if (e.repetition) w.FieldI32(3, I(*e.repetition));
  w.FieldBinary(4, e.name);
  if (!e.type) w.FieldI32(5, e.num_children);
  if (e.converted_type) w.FieldI32(6, I(*e.converted_type));
  if (e.converted_type == ConvertedType::kDecimal) {
    w.FieldI32(7, e.scale);
    w.FieldI32(8, e.precision);
  }
  if (e.logical_type) {
    w.FieldStruct(10);
    WriteLogicalType(w, *e.logical_type);
    w.EndStruct();
  }
  w.EndStruct();
}

void WriteStatistics(ThriftWriter& w, const Statistics& s) {
  if (s.null_count) w.FieldI64(3, *s.null_count);
  if (s.max_value) w.FieldBinary(5, *s.max_value);
  if (s.min_value) w.FieldBinary(6, *s.min_value);
}

void WriteColumnMetaData(ThriftWriter& w, const ColumnMetaData& m) {
  w.FieldI32(1, I(m.type));
  w.FieldList(2, kThriftI32, static_cast<uint32_t>(m.encodings.size()));
  for (Encoding e : m.encodings) w.ListI32(I(e));
  w.FieldList(3, kThriftBinary, static_cast<uint32_t>(m.path_in_schema.size()));
  for (const std::string& p : m.path_in_schema) w.ListBinary(p);
  w.FieldI32(4, I(m.codec));
  w.FieldI64(5, m.num_values);
  w.FieldI64(6, m.total_uncompressed_size);
  w.FieldI64(7, m.total_compressed_size);
  w.FieldI64(9, m.data_page_offset);
  if (m.dictionary_page_offset) w.FieldI64(11, *m.dictionary_page_offset);
  if (m.statistics) {
    w.FieldStruct(12);
    WriteStatistics(w, *m.statistics);
    w.EndStruct();
  }
}

}  // namespace

std::string SerializeFileMetaData(const FileMetaData& meta) {
  ThriftWriter w;
  w.BeginStruct();
  w.FieldI32(1, meta.version);
  w.FieldList(2, kThriftStruct, static_cast<uint32_t>(meta.schema.size()));
  for (const SchemaElement& e : meta.schema) WriteSchemaElement(w, e);
  w.FieldI64(3, meta.num_rows);
  w.FieldList(4, kThriftStruct, static_cast<uint32_t>(meta.row_groups.size()));
  for (const RowGroup& g : meta.row_groups) {
    w.BeginStruct();
    w.FieldList(1, kThriftStruct, static_cast<uint32_t>(g.columns.size()));
    for (const ColumnChunk& c : g.columns) {
      w.BeginStruct();
      w.FieldI64(2, c.file_offset);
      if (c.meta_data) {
        w.FieldStruct(3);
        WriteColumnMetaData(w, *c.meta_data);
        w.EndStruct();
      }
      w.EndStruct();
    }
    w.FieldI64(2, g.total_byte_size);
    w.FieldI64(3, g.num_rows);
    w.EndStruct();
  }
  if (!meta.key_value_metadata.empty()) {
    w.FieldList(5, kThriftStruct, static_cast<uint32_t>(meta.key_value_metadata.size()));
    for (const auto& [key, value] : meta.key_value_metadata) {
      w.BeginStruct();
      w.FieldBinary(1, key);
      w.FieldBinary(2, value);
      w.EndStruct();
    }
  }
  w.FieldBinary(6, meta.created_by);
  // column_orders: TYPE_ORDER for every leaf, which tells readers that min_value / max_value
  // follow each logical type's sort order.
  uint32_t leaves = 0;
  for (const SchemaElement& e : meta.schema) leaves += e.type ? 1 : 0;
  w.FieldList(7, kThriftStruct, leaves);
  for (uint32_t i = 0; i < leaves; i++) {
    w.BeginStruct();
    w.FieldStruct(1);
    w.EndStruct();
    w.EndStruct();
  }
  w.EndStruct();
  return std::move(w.out());
}

void SerializePageHeader(const PageHeader& h, std::string* out) {
  ThriftWriter w;
  w.BeginStruct();
  w.FieldI32(1, I(h.type));
  w.FieldI32(2, h.uncompressed_page_size);
  w.FieldI32(3, h.compressed_page_size);
  if (h.data_page) {
    w.FieldStruct(5);
    w.FieldI32(1, h.data_page->num_values);
    w.FieldI32(2, I(h.data_page->encoding));
    w.FieldI32(3, I(h.data_page->definition_level_encoding));
    w.FieldI32(4, I(h.data_page->repetition_level_encoding));
    w.EndStruct();
  }
  if (h.dictionary_page) {
    w.FieldStruct(7);
    w.FieldI32(1, h.dictionary_page->num_values);
    w.FieldI32(2, I(h.dictionary_page->encoding));
    w.EndStruct();
  }
  if (h.data_page_v2) {
    const DataPageHeaderV2& v2 = *h.data_page_v2;
    w.FieldStruct(8);
    w.FieldI32(1, v2.num_values);
    w.FieldI32(2, v2.num_nulls);
    w.FieldI32(3, v2.num_rows);
    w.FieldI32(4, I(v2.encoding));
    w.FieldI32(5, v2.definition_levels_byte_length);
    w.FieldI32(6, v2.repetition_levels_byte_length);
    w.FieldBool(7, v2.is_compressed);
    w.EndStruct();
  }
  w.EndStruct();
  out->append(w.out());
}

}  // namespace heliosdb::parquet
