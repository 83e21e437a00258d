// The columns of a file's schema (ColumnsOfSchema in schema_mapping.h): flat leaves and lists
// of leaves under the root.
#include "parquet/parquet_error.h"
#include "parquet/schema_mapping.h"

namespace heliosdb::parquet {

namespace {

using Kind = LogicalTypeAnnotation;

bool Has(const SchemaElement& e, int16_t kind, ConvertedType converted) {
  return (e.logical_type && e.logical_type->kind == kind) || e.converted_type == converted;
}

LogicalType IntegerType(const SchemaElement& e) {
  int bits = e.type == Type::kInt32 ? 32 : 64;
  bool is_signed = true;
  if (e.logical_type && e.logical_type->kind == Kind::kInteger) {
    bits = e.logical_type->bit_width;
    is_signed = e.logical_type->is_signed;
  } else if (e.converted_type) {
    switch (*e.converted_type) {
      case ConvertedType::kInt8:
        bits = 8;
        break;
      case ConvertedType::kInt16:
        bits = 16;
        break;
      case ConvertedType::kUint8:
        bits = 8, is_signed = false;
        break;
      case ConvertedType::kUint16:
        bits = 16, is_signed = false;
        break;
      case ConvertedType::kUint32:
        bits = 32, is_signed = false;
        break;
      case ConvertedType::kUint64:
        bits = 64, is_signed = false;
        break;
      default:
        break;
    }
  }
  // Unsigned values take the next wider signed type; UINT64 needs numeric(20).
  if (!is_signed) bits *= 2;
  if (bits <= 16) return TypeId::kSmallInt;
  if (bits <= 32) return TypeId::kInteger;
  if (bits <= 64) return TypeId::kBigInt;
  return LogicalType::Numeric(20, 0);
}

LeafType LeafOfElement(const SchemaElement& e) {
  LeafType leaf;
  leaf.physical = *e.type;
  leaf.type_length = e.type_length;
  leaf.converted = e.converted_type;
  leaf.logical = e.logical_type;
  if (Has(e, Kind::kDecimal, ConvertedType::kDecimal)) {
    leaf.precision = e.logical_type && e.logical_type->kind == Kind::kDecimal
                         ? e.logical_type->precision
                         : e.precision;
    leaf.scale =
        e.logical_type && e.logical_type->kind == Kind::kDecimal ? e.logical_type->scale : e.scale;
    if (leaf.precision < 1 || leaf.precision > 38 || leaf.scale < 0 || leaf.scale > leaf.precision)
      ThrowUnsupported("DECIMAL(" + std::to_string(leaf.precision) + "," +
                       std::to_string(leaf.scale) + ") of column \"" + e.name + "\"");
    leaf.sql = LogicalType::Numeric(leaf.precision, leaf.scale);
    return leaf;
  }
  switch (*e.type) {
    case Type::kBoolean:
      leaf.sql = TypeId::kBoolean;
      break;
    case Type::kInt32:
      leaf.sql = Has(e, Kind::kDate, ConvertedType::kDate)         ? TypeId::kDate
                 : Has(e, Kind::kTime, ConvertedType::kTimeMillis) ? TypeId::kTime
                                                                   : IntegerType(e);
      break;
    case Type::kInt64:
      if (Has(e, Kind::kTimestamp, ConvertedType::kTimestampMicros) ||
          e.converted_type == ConvertedType::kTimestampMillis) {
        bool utc = e.logical_type ? e.logical_type->adjusted_to_utc : true;
        leaf.sql = utc ? TypeId::kTimestampTz : TypeId::kTimestamp;
      } else if (Has(e, Kind::kTime, ConvertedType::kTimeMicros)) {
        leaf.sql = TypeId::kTime;
      } else {
        leaf.sql = IntegerType(e);
      }
      break;
    case Type::kInt96:
      leaf.sql = TypeId::kTimestamp;
      break;
    case Type::kFloat:
      leaf.sql = TypeId::kReal;
      break;
    case Type::kDouble:
      leaf.sql = TypeId::kDouble;
      break;
    case Type::kByteArray:
      leaf.sql = Has(e, Kind::kString, ConvertedType::kUtf8) ||
                         Has(e, Kind::kEnum, ConvertedType::kEnum) ||
                         Has(e, Kind::kJson, ConvertedType::kJson)
                     ? TypeId::kText
                     : TypeId::kBytea;
      break;
    case Type::kFixedLenByteArray:
      if (e.logical_type && e.logical_type->kind == Kind::kUuid && e.type_length == 16) {
        leaf.sql = TypeId::kUuid;
      } else if (e.converted_type == ConvertedType::kInterval && e.type_length == 12) {
        leaf.sql = TypeId::kInterval;
      } else if (e.logical_type && e.logical_type->kind == Kind::kFloat16) {
        ThrowUnsupported("FLOAT16 (column \"" + e.name + "\")");
      } else {
        leaf.sql = TypeId::kBytea;
      }
      break;
    default:
      ThrowUnsupported("physical type " + std::to_string(static_cast<int>(*e.type)));
  }
  return leaf;
}

class SchemaWalker {
 public:
  SchemaWalker(const std::vector<SchemaElement>& schema, uint64_t footer_offset)
      : schema_(schema), footer_offset_(footer_offset) {}

  std::vector<ReadColumn> Columns() {
    const SchemaElement& root = schema_[0];
    pos_ = 1;
    for (int32_t i = 0; i < root.num_children; i++) TopLevel();
    if (pos_ != schema_.size()) Corrupt("schema has elements outside the root");
    return std::move(columns_);
  }

 private:
  [[noreturn]] void Corrupt(const std::string& what) {
    ThrowCorrupt(footer_offset_, "footer " + what);
  }

  const SchemaElement& Take() {
    if (pos_ >= schema_.size()) Corrupt("schema lists fewer elements than its groups hold");
    return schema_[pos_++];
  }

  static bool Optional(const SchemaElement& e) { return e.repetition != Repetition::kRequired; }

  void TopLevel() {
    const SchemaElement& e = Take();
    ReadColumn c;
    c.name = e.name;
    if (e.type) {
      if (e.repetition == Repetition::kRepeated) {
        // A bare repeated leaf: an array that is never NULL.
        Leaf(e, &c);
        c.max_rep = 1;
        c.max_def = c.element_present = 1;
        c.list_defined = 0;
        c.type = LogicalType::Array(c.leaf.sql);
      } else {
        Leaf(e, &c);
        c.max_def = Optional(e) ? 1 : 0;
        c.type = c.leaf.sql;
      }
      columns_.push_back(c);
      return;
    }
    bool is_list = Has(e, Kind::kList, ConvertedType::kList) && e.num_children == 1;
    if (!is_list) ThrowUnsupported("nested column \"" + e.name + "\" (a struct or map)");
    int def = Optional(e) ? 1 : 0;
    c.list_defined = def;
    const SchemaElement& repeated = Take();
    if (repeated.repetition != Repetition::kRepeated)
      Corrupt("LIST \"" + e.name + "\" has no repeated child");
    def++;
    c.max_rep = 1;
    if (repeated.type) {
      // Two-level list: the repeated leaf is the element.
      Leaf(repeated, &c);
      c.element_present = c.max_def = def;
    } else {
      if (repeated.num_children != 1)
        ThrowUnsupported("list of structs (column \"" + e.name + "\")");
      c.element_present = def;
      const SchemaElement& element = Take();
      if (!element.type) ThrowUnsupported("list of lists or structs (column \"" + e.name + "\")");
      if (element.repetition == Repetition::kRepeated)
        ThrowUnsupported("list of lists (column \"" + e.name + "\")");
      Leaf(element, &c);
      c.max_def = def + (Optional(element) ? 1 : 0);
    }
    c.type = LogicalType::Array(c.leaf.sql);
    columns_.push_back(c);
  }

  void Leaf(const SchemaElement& e, ReadColumn* c) {
    c->leaf = LeafOfElement(e);
    c->leaf_index = leaves_++;
  }

  const std::vector<SchemaElement>& schema_;
  uint64_t footer_offset_;
  size_t pos_ = 0;
  size_t leaves_ = 0;
  std::vector<ReadColumn> columns_;
};

}  // namespace

std::vector<ReadColumn> ColumnsOfSchema(const std::vector<SchemaElement>& schema,
                                        uint64_t footer_offset) {
  return SchemaWalker(schema, footer_offset).Columns();
}

}  // namespace heliosdb::parquet
