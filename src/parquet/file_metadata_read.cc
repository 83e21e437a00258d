// Parsing FileMetaData and PageHeader. Unknown fields are skipped (newer writers add fields);
// a known field of the wrong wire type, or a required field that is missing, is 22P04.
#include "parquet/file_metadata.h"

namespace heliosdb::parquet {

namespace {

template <typename E>
E Enum(ThriftReader& r, uint8_t type, const char* field) {
  r.Expect(type, kThriftI32, field);
  return static_cast<E>(r.ReadI32());
}

int32_t I32(ThriftReader& r, uint8_t type, const char* field) {
  r.Expect(type, kThriftI32, field);
  return r.ReadI32();
}

int64_t I64(ThriftReader& r, uint8_t type, const char* field) {
  r.Expect(type, kThriftI64, field);
  return r.ReadI64();
}

std::string Binary(ThriftReader& r, uint8_t type, const char* field) {
  r.Expect(type, kThriftBinary, field);
  return r.ReadBinary();
}

// Reads a list of structs (or of other elements) calling read_element per element.
template <typename ReadElement>
void List(ThriftReader& r, uint8_t type, uint8_t element, const char* field,
          ReadElement&& read_element) {
  r.Expect(type, kThriftList, field);
  uint8_t actual;
  uint32_t size = r.ReadListHeader(&actual);
  if (size > 0 && actual != element)
    r.Corrupt(std::string("list ") + field + " has elements of the wrong type");
  for (uint32_t i = 0; i < size; i++) read_element();
}

TimeUnit ReadTimeUnit(ThriftReader& r) {
  TimeUnit unit = TimeUnit::kMicros;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    if (id >= 1 && id <= 3 && type == kThriftStruct) unit = static_cast<TimeUnit>(id);
    r.Skip(type);
  });
  return unit;
}

LogicalTypeAnnotation ReadLogicalType(ThriftReader& r) {
  LogicalTypeAnnotation t;
  t.kind = 0;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    r.Expect(type, kThriftStruct, "LogicalType");
    t.kind = id;
    r.ReadStruct([&](int16_t f, uint8_t ft) {
      if (id == LogicalTypeAnnotation::kDecimal && f == 1) {
        t.scale = I32(r, ft, "DecimalType.scale");
      } else if (id == LogicalTypeAnnotation::kDecimal && f == 2) {
        t.precision = I32(r, ft, "DecimalType.precision");
      } else if ((id == LogicalTypeAnnotation::kTime || id == LogicalTypeAnnotation::kTimestamp) &&
                 f == 1) {
        r.Expect(ft, kThriftTrue, "isAdjustedToUTC");
        t.adjusted_to_utc = ThriftReader::FieldBool(ft);
      } else if ((id == LogicalTypeAnnotation::kTime || id == LogicalTypeAnnotation::kTimestamp) &&
                 f == 2) {
        r.Expect(ft, kThriftStruct, "unit");
        t.unit = ReadTimeUnit(r);
      } else if (id == LogicalTypeAnnotation::kInteger && f == 1) {
        r.Expect(ft, kThriftByte, "IntType.bitWidth");
        t.bit_width = r.ReadI8();
      } else if (id == LogicalTypeAnnotation::kInteger && f == 2) {
        r.Expect(ft, kThriftTrue, "IntType.isSigned");
        t.is_signed = ThriftReader::FieldBool(ft);
      } else {
        r.Skip(ft);
      }
    });
  });
  return t;
}

SchemaElement ReadSchemaElement(ThriftReader& r) {
  SchemaElement e;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    switch (id) {
      case 1:
        e.type = Enum<Type>(r, type, "SchemaElement.type");
        break;
      case 2:
        e.type_length = I32(r, type, "SchemaElement.type_length");
        break;
      case 3:
        e.repetition = Enum<Repetition>(r, type, "SchemaElement.repetition_type");
        break;
      case 4:
        e.name = Binary(r, type, "SchemaElement.name");
        break;
      case 5:
        e.num_children = I32(r, type, "SchemaElement.num_children");
        break;
      case 6:
        e.converted_type = Enum<ConvertedType>(r, type, "SchemaElement.converted_type");
        break;
      case 7:
        e.scale = I32(r, type, "SchemaElement.scale");
        break;
      case 8:
        e.precision = I32(r, type, "SchemaElement.precision");
        break;
      case 10:
        r.Expect(type, kThriftStruct, "SchemaElement.logicalType");
        e.logical_type = ReadLogicalType(r);
        break;
      default:
        r.Skip(type);
    }
  });
  return e;
}

Statistics ReadStatistics(ThriftReader& r) {
  Statistics s;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    switch (id) {
      case 3:
        s.null_count = I64(r, type, "Statistics.null_count");
        break;
      case 5:
        s.max_value = Binary(r, type, "Statistics.max_value");
        break;
      case 6:
        s.min_value = Binary(r, type, "Statistics.min_value");
        break;
      default:
        r.Skip(type);
    }
  });
  return s;
}

ColumnMetaData ReadColumnMetaData(ThriftReader& r) {
  ColumnMetaData m;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    switch (id) {
      case 1:
        m.type = Enum<Type>(r, type, "ColumnMetaData.type");
        break;
      case 2:
        List(r, type, kThriftI32, "ColumnMetaData.encodings",
             [&] { m.encodings.push_back(static_cast<Encoding>(r.ReadI32())); });
        break;
      case 3:
        List(r, type, kThriftBinary, "ColumnMetaData.path_in_schema",
             [&] { m.path_in_schema.push_back(r.ReadBinary()); });
        break;
      case 4:
        m.codec = Enum<Codec>(r, type, "ColumnMetaData.codec");
        break;
      case 5:
        m.num_values = I64(r, type, "ColumnMetaData.num_values");
        break;
      case 6:
        m.total_uncompressed_size = I64(r, type, "ColumnMetaData.total_uncompressed_size");
        break;
      case 7:
        m.total_compressed_size = I64(r, type, "ColumnMetaData.total_compressed_size");
        break;
      case 9:
        m.data_page_offset = I64(r, type, "ColumnMetaData.data_page_offset");
        break;
      case 11:
        m.dictionary_page_offset = I64(r, type, "ColumnMetaData.dictionary_page_offset");
        break;
      case 12:
        r.Expect(type, kThriftStruct, "ColumnMetaData.statistics");
        m.statistics = ReadStatistics(r);
        break;
      default:
        r.Skip(type);
    }
  });
  return m;
}

RowGroup ReadRowGroup(ThriftReader& r) {
  RowGroup g;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    switch (id) {
      case 1:
        List(r, type, kThriftStruct, "RowGroup.columns", [&] {
          ColumnChunk c;
          r.ReadStruct([&](int16_t f, uint8_t ft) {
            if (f == 2) {
              c.file_offset = I64(r, ft, "ColumnChunk.file_offset");
            } else if (f == 3) {
              r.Expect(ft, kThriftStruct, "ColumnChunk.meta_data");
              c.meta_data = ReadColumnMetaData(r);
            } else {
              r.Skip(ft);
            }
          });
          g.columns.push_back(std::move(c));
        });
        break;
      case 2:
        g.total_byte_size = I64(r, type, "RowGroup.total_byte_size");
        break;
      case 3:
        g.num_rows = I64(r, type, "RowGroup.num_rows");
        break;
      default:
        r.Skip(type);
    }
  });
  return g;
}

}  // namespace

FileMetaData ParseFileMetaData(std::string_view bytes, uint64_t base_offset) {
  ThriftReader r(bytes, base_offset);
  FileMetaData meta;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    switch (id) {
      case 1:
        meta.version = I32(r, type, "FileMetaData.version");
        break;
      case 2:
        List(r, type, kThriftStruct, "FileMetaData.schema",
             [&] { meta.schema.push_back(ReadSchemaElement(r)); });
        break;
      case 3:
        meta.num_rows = I64(r, type, "FileMetaData.num_rows");
        break;
      case 4:
        List(r, type, kThriftStruct, "FileMetaData.row_groups",
             [&] { meta.row_groups.push_back(ReadRowGroup(r)); });
        break;
      case 5:
        List(r, type, kThriftStruct, "FileMetaData.key_value_metadata", [&] {
          std::pair<std::string, std::string> kv;
          r.ReadStruct([&](int16_t f, uint8_t ft) {
            if (f == 1) {
              kv.first = Binary(r, ft, "KeyValue.key");
            } else if (f == 2) {
              kv.second = Binary(r, ft, "KeyValue.value");
            } else {
              r.Skip(ft);
            }
          });
          meta.key_value_metadata.push_back(std::move(kv));
        });
        break;
      case 6:
        meta.created_by = Binary(r, type, "FileMetaData.created_by");
        break;
      default:
        r.Skip(type);
    }
  });
  if (meta.schema.empty()) r.Corrupt("footer has no schema");
  return meta;
}

PageHeader ParsePageHeader(ThriftReader& r) {
  PageHeader h;
  bool has_sizes = false;
  r.ReadStruct([&](int16_t id, uint8_t type) {
    switch (id) {
      case 1:
        h.type = Enum<PageType>(r, type, "PageHeader.type");
        break;
      case 2:
        h.uncompressed_page_size = I32(r, type, "PageHeader.uncompressed_page_size");
        break;
      case 3:
        h.compressed_page_size = I32(r, type, "PageHeader.compressed_page_size");
        has_sizes = true;
        break;
      case 5: {
        r.Expect(type, kThriftStruct, "PageHeader.data_page_header");
        DataPageHeader d;
        r.ReadStruct([&](int16_t f, uint8_t ft) {
          switch (f) {
            case 1:
              d.num_values = I32(r, ft, "DataPageHeader.num_values");
              break;
            case 2:
              d.encoding = Enum<Encoding>(r, ft, "DataPageHeader.encoding");
              break;
            case 3:
              d.definition_level_encoding =
                  Enum<Encoding>(r, ft, "DataPageHeader.definition_level_encoding");
              break;
            case 4:
              d.repetition_level_encoding =
                  Enum<Encoding>(r, ft, "DataPageHeader.repetition_level_encoding");
              break;
            default:
              r.Skip(ft);
          }
        });
        h.data_page = d;
        break;
      }
      case 7: {
        r.Expect(type, kThriftStruct, "PageHeader.dictionary_page_header");
        DictionaryPageHeader d;
        r.ReadStruct([&](int16_t f, uint8_t ft) {
          if (f == 1) {
            d.num_values = I32(r, ft, "DictionaryPageHeader.num_values");
          } else if (f == 2) {
            d.encoding = Enum<Encoding>(r, ft, "DictionaryPageHeader.encoding");
          } else {
            r.Skip(ft);
          }
        });
        h.dictionary_page = d;
        break;
      }
      case 8: {
        r.Expect(type, kThriftStruct, "PageHeader.data_page_header_v2");
        DataPageHeaderV2 d;
        r.ReadStruct([&](int16_t f, uint8_t ft) {
          switch (f) {
            case 1:
              d.num_values = I32(r, ft, "DataPageHeaderV2.num_values");
              break;
            case 2:
              d.num_nulls = I32(r, ft, "DataPageHeaderV2.num_nulls");
              break;
            case 3:
              d.num_rows = I32(r, ft, "DataPageHeaderV2.num_rows");
              break;
            case 4:
              d.encoding = Enum<Encoding>(r, ft, "DataPageHeaderV2.encoding");
              break;
            case 5:
              d.definition_levels_byte_length = I32(r, ft, "definition_levels_byte_length");
              break;
            case 6:
              d.repetition_levels_byte_length = I32(r, ft, "repetition_levels_byte_length");
              break;
            case 7:
              r.Expect(ft, kThriftTrue, "DataPageHeaderV2.is_compressed");
              d.is_compressed = ThriftReader::FieldBool(ft);
              break;
            default:
              r.Skip(ft);
          }
        });
        h.data_page_v2 = d;
        break;
      }
      default:
        r.Skip(type);
    }
  });
  if (!has_sizes || h.compressed_page_size < 0 || h.uncompressed_page_size < 0)
    r.Corrupt("page header without valid sizes");
  return h;
}

}  // namespace heliosdb::parquet
