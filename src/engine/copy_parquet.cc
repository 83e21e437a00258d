// COPY ... TO 'file' (FORMAT parquet [, COMPRESSION zstd | uncompressed]) and COPY ... FROM
// 'file' (FORMAT parquet). The rows out are the query's, materialized as COPY TO's are; the
// rows in reach the table as any COPY FROM's (copy_insert.h), from a ParquetRowsSource.
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

// The file's rows, one row group in memory at a time, matched to the target columns by
// position and converted with assignment casts (text by parsing it).
class ParquetRowsSource : public CopySource {
 public:
  ParquetRowsSource(parquet::ParquetReader& reader, std::vector<LogicalType> types,
                    FunctionContext function)
      : reader_(reader), types_(std::move(types)), function_(std::move(function)) {
    for (size_t c = 0; c < types_.size(); c++) all_columns_.push_back(c);
  }

  bool Exhausted() const override {
    return next_group_ >= reader_.row_groups() && (group_.empty() || row_ >= group_[0].size());
  }

  bool Next(DataChunk* out) override {
    idx_t n = 0;
    while (n < kVectorSize && run_left_ > 0 && LoadGroup()) {
      for (size_t c = 0; c < types_.size(); c++) {
        const Value& v = group_[c][row_];
        if (v.is_null()) {
          out->column(c).SetNull(n);
        } else {
          bool parse = v.type().IsString() && !types_[c].IsString();
          out->column(c).SetValue(n, CastValue(v, types_[c], function_, parse));
        }
      }
      row_++;
      run_left_--;
      n++;
    }
    out->SetSize(n);
    return n > 0;
  }

 private:
  // Makes row_ a row of the current group, reading the next group when needed; false at the end.
  bool LoadGroup() {
    while (group_.empty() || row_ >= group_[0].size()) {
      if (next_group_ >= reader_.row_groups()) return false;
      group_ = reader_.ReadRowGroup(next_group_++, all_columns_);
      row_ = 0;
    }
    return true;
  }

  parquet::ParquetReader& reader_;
  std::vector<LogicalType> types_;
  FunctionContext function_;
  std::vector<size_t> all_columns_;
  std::vector<std::vector<Value>> group_;  // column by column
  size_t next_group_ = 0;
  size_t row_ = 0;
};

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
  const size_t columns = target.columns.size();
  if (reader.columns().size() != columns)
    ThrowError("22P04", "Parquet file \"" + path + "\" has " +
                            std::to_string(reader.columns().size()) + " columns, COPY expects " +
                            std::to_string(columns));
  ParquetRowsSource source(reader, CopyTargetTypes(CurrentCatalog(), target),
                           MakeFunctionContext());
  int64_t copied = InsertCopyRows(*this, target, source);
  QueryResult::Impl result = TagResult("COPY " + std::to_string(copied));
  result.affected = copied;
  return result;
}

}  // namespace heliosdb
