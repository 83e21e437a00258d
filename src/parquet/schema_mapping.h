// Our SQL types <-> Parquet's physical types and annotations, for whole columns (the schema)
// and single values (physical values are Values of four kinds: Boolean for BOOLEAN, BigInt for
// INT32 / INT64, Double for FLOAT / DOUBLE, Bytea for BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and
// INT96).
//
// Written:
//   boolean -> BOOLEAN                    smallint, integer -> INT32 (INTEGER(16/32, signed))
//   bigint -> INT64                       real -> FLOAT, double precision -> DOUBLE
//   numeric(p,s) -> DECIMAL(p,s) on INT32 (p <= 9), INT64 (p <= 18), FIXED_LEN_BYTE_ARRAY(16)
//   numeric -> DECIMAL(38, s) on FIXED_LEN_BYTE_ARRAY(16) when the caller found a scale s that
//              holds every value (WriteColumn::numeric_scale), else STRING of its text
//   text, varchar, char -> BYTE_ARRAY STRING    bytea -> BYTE_ARRAY
//   date -> INT32 DATE (days since 1970)  time -> INT64 TIME(MICROS, not adjusted)
//   timestamp -> INT64 TIMESTAMP(MICROS, not adjusted); timestamptz -> adjusted to UTC
//   interval -> FIXED_LEN_BYTE_ARRAY(12) INTERVAL (months, days, milliseconds: a value with
//              sub-millisecond parts is refused with 22008 rather than silently rounded)
//   uuid -> FIXED_LEN_BYTE_ARRAY(16) UUID
//   t[] -> the three-level LIST of t: optional group (LIST) { repeated group list
//          { optional t element } }
// Read: the same, plus INTEGER(8) / unsigned integers (widened), TIME(MILLIS / NANOS),
// TIMESTAMP(MILLIS / NANOS), INT96 timestamps, ENUM / JSON (as text), DECIMAL on BYTE_ARRAY,
// and two-level lists. Structs, maps and lists of lists are 0A000.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/types.h"
#include "common/value.h"
#include "parquet/file_metadata.h"

namespace heliosdb::parquet {

// One leaf's type: the physical type and annotations, and the SQL type its values become.
struct LeafType {
  LogicalType sql;
  Type physical = Type::kInt32;
  int32_t type_length = 0;
  std::optional<ConvertedType> converted;
  std::optional<LogicalTypeAnnotation> logical;
  int32_t precision = 0, scale = 0;  // DECIMAL
  bool as_text = false;              // our values written as their text form
};

// A column as the writer receives it.
struct WriteColumn {
  WriteColumn(std::string column_name, LogicalType column_type,
              std::optional<int32_t> scale = std::nullopt, bool not_null = false)
      : name(std::move(column_name)), type(column_type), numeric_scale(scale), required(not_null) {}
  std::string name;
  LogicalType type;
  // Unconstrained numeric: the scale that holds every value (DECIMAL(38, scale)); nothing
  // writes the column as text.
  std::optional<int32_t> numeric_scale;
  // NOT NULL: a REQUIRED field (no definition levels); a NULL then fails with 23502. Arrays
  // stay OPTIONAL lists.
  bool required;
};

// A column of the file as the reader returns it: one leaf, perhaps inside a LIST.
struct ReadColumn {
  std::string name;
  LogicalType type;  // the SQL type (an array type for lists)
  LeafType leaf;
  size_t leaf_index = 0;  // position among the file's leaves (column chunks)
  int max_def = 0;
  int max_rep = 0;
  // Lists: the definition level from which the list is not NULL, and from which it holds an
  // element.
  int list_defined = 0;
  int element_present = 0;
};

// The schema elements of one written column (one leaf, or the three elements of a LIST).
LeafType LeafForWrite(const WriteColumn& column);
void AppendSchema(const WriteColumn& column, const LeafType& leaf,
                  std::vector<SchemaElement>* schema);

// The file's columns; 0A000 naming the column for shapes we do not read, 22P04 naming the
// footer's offset for a malformed schema.
std::vector<ReadColumn> ColumnsOfSchema(const std::vector<SchemaElement>& schema,
                                        uint64_t footer_offset);

// REQUIRES: v is not NULL and has leaf.sql's physical type (arrays: one element).
Value ToPhysical(const Value& v, const LeafType& leaf);
// The SQL value of a physical value. Throws 22P04 for values the type cannot hold.
Value FromPhysical(const Value& physical, const LeafType& leaf);
// PLAIN bytes of a physical value (a byte array without its length: the statistics form).
std::string StatisticsBytes(const Value& physical, const LeafType& leaf);

}  // namespace heliosdb::parquet
