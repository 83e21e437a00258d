#include "parquet/schema_mapping.h"

#include "parquet/parquet_error.h"

namespace heliosdb::parquet {

namespace {

constexpr int32_t kDecimalBytes = 16;  // FIXED_LEN_BYTE_ARRAY(16) holds 38 digits

LogicalTypeAnnotation Annotation(int16_t kind) {
  LogicalTypeAnnotation a;
  a.kind = kind;
  return a;
}

void SetDecimal(LeafType* leaf, int32_t precision, int32_t scale) {
  leaf->precision = precision;
  leaf->scale = scale;
  leaf->physical = precision <= 9    ? Type::kInt32
                   : precision <= 18 ? Type::kInt64
                                     : Type::kFixedLenByteArray;
  if (leaf->physical == Type::kFixedLenByteArray) leaf->type_length = kDecimalBytes;
  leaf->converted = ConvertedType::kDecimal;
  LogicalTypeAnnotation a = Annotation(LogicalTypeAnnotation::kDecimal);
  a.precision = precision;
  a.scale = scale;
  leaf->logical = a;
}

void SetTemporal(LeafType* leaf, int16_t kind, bool utc, ConvertedType converted) {
  leaf->physical = Type::kInt64;
  leaf->converted = converted;
  LogicalTypeAnnotation a = Annotation(kind);
  a.adjusted_to_utc = utc;
  a.unit = TimeUnit::kMicros;
  leaf->logical = a;
}

void SetString(LeafType* leaf) {
  leaf->physical = Type::kByteArray;
  leaf->converted = ConvertedType::kUtf8;
  leaf->logical = Annotation(LogicalTypeAnnotation::kString);
}

LeafType ScalarLeaf(const LogicalType& type, std::optional<int32_t> numeric_scale) {
  LeafType leaf;
  leaf.sql = type;
  switch (type.id()) {
    case TypeId::kBoolean:
      leaf.physical = Type::kBoolean;
      break;
    case TypeId::kSmallInt:
    case TypeId::kInteger: {
      leaf.physical = Type::kInt32;
      bool small = type.id() == TypeId::kSmallInt;
      leaf.converted = small ? ConvertedType::kInt16 : ConvertedType::kInt32;
      LogicalTypeAnnotation a = Annotation(LogicalTypeAnnotation::kInteger);
      a.bit_width = small ? 16 : 32;
      leaf.logical = a;
      break;
    }
    case TypeId::kBigInt:
      leaf.physical = Type::kInt64;
      break;
    case TypeId::kReal:
      leaf.physical = Type::kFloat;
      break;
    case TypeId::kDouble:
      leaf.physical = Type::kDouble;
      break;
    case TypeId::kNumeric:
      if (type.precision() > 0) {
        SetDecimal(&leaf, type.precision(), std::max(type.scale(), 0));
      } else if (numeric_scale) {
        SetDecimal(&leaf, 38, *numeric_scale);
      } else {
        SetString(&leaf);
        leaf.as_text = true;
      }
      break;
    case TypeId::kText:
    case TypeId::kVarchar:
    case TypeId::kChar:
      SetString(&leaf);
      break;
    case TypeId::kBytea:
      leaf.physical = Type::kByteArray;
      break;
    case TypeId::kDate:
      leaf.physical = Type::kInt32;
      leaf.converted = ConvertedType::kDate;
      leaf.logical = Annotation(LogicalTypeAnnotation::kDate);
      break;
    case TypeId::kTime:
      SetTemporal(&leaf, LogicalTypeAnnotation::kTime, false, ConvertedType::kTimeMicros);
      break;
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      SetTemporal(&leaf, LogicalTypeAnnotation::kTimestamp, type.id() == TypeId::kTimestampTz,
                  ConvertedType::kTimestampMicros);
      break;
    case TypeId::kInterval:
      leaf.physical = Type::kFixedLenByteArray;
      leaf.type_length = 12;
      leaf.converted = ConvertedType::kInterval;
      break;
    case TypeId::kUuid:
      leaf.physical = Type::kFixedLenByteArray;
      leaf.type_length = 16;
      leaf.logical = Annotation(LogicalTypeAnnotation::kUuid);
      break;
    default:
      ThrowUnsupported("export of type " + type.ToString());
  }
  return leaf;
}

SchemaElement LeafElement(const std::string& name, const LeafType& leaf, bool required) {
  SchemaElement e;
  e.type = leaf.physical;
  e.type_length = leaf.type_length;
  e.repetition = required ? Repetition::kRequired : Repetition::kOptional;
  e.name = name;
  e.converted_type = leaf.converted;
  e.logical_type = leaf.logical;
  e.precision = leaf.precision;
  e.scale = leaf.scale;
  return e;
}

}  // namespace

LeafType LeafForWrite(const WriteColumn& column) {
  if (column.type.IsArray()) return ScalarLeaf(column.type.element_type(), column.numeric_scale);
  return ScalarLeaf(column.type, column.numeric_scale);
}

void AppendSchema(const WriteColumn& column, const LeafType& leaf,
                  std::vector<SchemaElement>* schema) {
  if (!column.type.IsArray()) {
    schema->push_back(LeafElement(column.name, leaf, column.required));
    return;
  }
  SchemaElement list;
  list.repetition = Repetition::kOptional;
  list.name = column.name;
  list.num_children = 1;
  list.converted_type = ConvertedType::kList;
  list.logical_type = Annotation(LogicalTypeAnnotation::kList);
  schema->push_back(list);
  SchemaElement repeated;
  repeated.repetition = Repetition::kRepeated;
  repeated.name = "list";
  repeated.num_children = 1;
  schema->push_back(repeated);
  schema->push_back(LeafElement("element", leaf, false));
}

}  // namespace heliosdb::parquet
