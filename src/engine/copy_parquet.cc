// COPY ... TO 'file' (FORMAT parquet [, COMPRESSION zstd | uncompressed]) and COPY ... FROM
// 'file' (FORMAT parquet). The rows out are the query's, materialized as COPY TO's are; the
// rows in go through CopyInsert like any COPY FROM, one row group at a time, matched to the
// target columns by position and converted with assignment casts (text by parsing it).
#include <algorithm>

#include "common/types/array_value.h"
#include "common/types/decimal.h"
#include "engine/connection_impl.h"
#include "engine/copy_format.h"
#include "engine/copy_insert.h"
#include "engine/copy_stream.h"
#include "function/cast/cast.h"
#include "parquet/parquet_reader.h"
#include "parquet/parquet_writer.h"

namespace heliosdb {

namespace {

constexpr int kMaxDecimalDigits = 38;

// An unconstrained numeric column becomes DECIMAL(38, s) with s the largest scale among its
// values, when every value then fits in 38 digits and none is NaN or infinite; otherwise it is
// written as text (schema_mapping.h).
std::optional<int32_t> NumericScale(const QueryResult::Impl& rows, size_t column) {
  const LogicalType& type = rows.types[column];
  int32_t scale = 0, integer_digits = 0;
  auto see = [&](const Value& v) {
    if (v.is_null()) return true;
    const Decimal& d = v.GetDecimal();
    if (DecimalIsSpecial(d)) return false;
    scale = std::max(scale, d.scale);
    integer_digits = std::max(integer_digits, DecimalIntegerDigits(d));
    return true;
  };
  for (const DataChunk& chunk : rows.chunks) {
    for (idx_t r = 0; r < chunk.size(); r++) {
      Value v = chunk.GetValue(column, r);
      if (type.IsArray() && !v.is_null()) {
        for (const Value& e : DecodeArray(v.GetString(), type.element_type()))
          if (!see(e)) return std::nullopt;
      } else if (!see(v)) {
        return std::nullopt;
      }
    }
  }
  if (integer_digits + scale > kMaxDecimalDigits) return std::nullopt;
  return scale;
}

}  // namespace

QueryResult::Impl Connection::Impl::CopyParquetOut(const QueryResult::Impl& rows,
                                                   const CopyOptions& options,
                                                   const std::vector<bool>& not_null) {
  std::vector<parquet::WriteColumn> columns;
  for (size_t c = 0; c < rows.names.size(); c++) {
    const LogicalType& type = rows.types[c];
    LogicalType scalar = type.IsArray() ? type.element_type() : type;
    std::optional<int32_t> scale;
    if (scalar.id() == TypeId::kNumeric && scalar.precision() <= 0) scale = NumericScale(rows, c);
    columns.emplace_back(rows.names[c], type, scale, c < not_null.size() && not_null[c]);
  }
  parquet::WriterOptions writer_options;
  writer_options.codec =
      options.parquet_zstd ? parquet::Codec::kZstd : parquet::Codec::kUncompressed;
  copy_stream->BeginCopyOut(columns.size());
  parquet::ParquetWriter writer(columns, writer_options,
                                [&](std::string_view bytes) { copy_stream->Write(bytes); });
  for (const DataChunk& chunk : rows.chunks) {
    writer.Append(chunk);
    if (cancel.load(std::memory_order_relaxed))
      ThrowError(sqlstate::kQueryCanceled, "canceling statement due to user request");
  }
  writer.Finish();
  copy_stream->EndCopyOut();
  QueryResult::Impl result = TagResult("COPY " + std::to_string(rows.rows));
  result.affected = static_cast<int64_t>(rows.rows);
  return result;
}

QueryResult::Impl Connection::Impl::CopyParquetIn(const CopyTarget& target,
                                                  const std::string& path) {
  parquet::ParquetReader reader(parquet::OpenFile(path));
  const auto& file_columns = reader.columns();
  const size_t columns = target.columns.size();
  if (file_columns.size() != columns)
    ThrowError("22P04", "Parquet file \"" + path + "\" has " + std::to_string(file_columns.size()) +
                            " columns, COPY expects " + std::to_string(columns));
  std::vector<size_t> all(columns);
  for (size_t c = 0; c < columns; c++) all[c] = c;
  CopyInsert insert(*this, target);
  FunctionContext f = MakeFunctionContext();
  std::vector<Value> values;
  for (size_t g = 0; g < reader.row_groups(); g++) {
    std::vector<std::vector<Value>> group = reader.ReadRowGroup(g, all);
    size_t group_rows = group[0].size();
    for (size_t start = 0; start < group_rows; start += insert.batch_rows()) {
      size_t n = std::min(insert.batch_rows(), group_rows - start);
      const std::vector<LogicalType>& types = insert.Plan(n).param_types;
      values.clear();
      for (size_t r = start; r < start + n; r++) {
        for (size_t c = 0; c < columns; c++) {
          const Value& v = group[c][r];
          const LogicalType& type = types[values.size()];
          bool parse = v.type().IsString() && !type.IsString();
          values.push_back(v.is_null() ? Value::Null(type) : CastValue(v, type, f, parse));
        }
      }
      insert.Run(n, values);
      if (cancel.load(std::memory_order_relaxed))
        ThrowError(sqlstate::kQueryCanceled, "canceling statement due to user request");
    }
  }
  QueryResult::Impl result = TagResult("COPY " + std::to_string(insert.copied()));
  result.affected = insert.copied();
  return result;
}

}  // namespace heliosdb
