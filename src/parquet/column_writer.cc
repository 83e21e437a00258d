#include "parquet/column_writer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/exception.h"
#include "common/types/array_value.h"
#include "parquet/page_codec.h"
#include "parquet/plain_encoding.h"
#include "parquet/rle_hybrid.h"

namespace heliosdb::parquet {

namespace {
constexpr size_t kMaxDictionaryBytes = 1 << 20;
constexpr size_t kPageBytes = 1 << 20;
constexpr size_t kMaxLevelsPerPage = 64 * 1024;
// Longer strings get no min / max: the footer would carry them whole.
constexpr size_t kMaxStatisticsBytes = 64;

// Statistics follow the logical order; intervals have none (Parquet leaves INTERVAL unordered)
// and NaN is left out of min / max, as the specification asks.
bool Ordered(const Value& v) {
  if (v.type().id() == TypeId::kInterval) return false;
  if (v.type().IsFloat() && std::isnan(v.GetDouble())) return false;
  return true;
}
}  // namespace

ColumnWriter::ColumnWriter(const WriteColumn& column, Codec codec)
    : column_(column), leaf_(LeafForWrite(column)), codec_(codec) {
  if (column.type.IsArray()) {
    max_def_ = 3;
    max_rep_ = 1;
  } else if (column.required) {
    max_def_ = 0;
  }
}

void ColumnWriter::AddValue(const Value& v) {
  Value p = ToPhysical(v, leaf_);
  buffered_bytes_ += p.type().id() == TypeId::kBytea ? p.GetString().size() + 4 : 8;
  if (p.type().id() == TypeId::kBytea && p.GetString().size() > kMaxStatisticsBytes)
    wide_values_ = true;
  values_.push_back(std::move(p));
  if (!leaf_.as_text && !wide_values_ && Ordered(v)) {
    if (!min_ || v.Compare(*min_) < 0) min_ = v;
    if (!max_ || v.Compare(*max_) > 0) max_ = v;
  }
}

void ColumnWriter::Append(const Value& v) {
  if (max_def_ == 0) {
    if (v.is_null())
      ThrowError(sqlstate::kNotNullViolation,
                 "null value in column \"" + column_.name + "\" of a Parquet REQUIRED field");
    def_.push_back(0);
    AddValue(v);
    return;
  }
  if (max_rep_ == 0) {
    def_.push_back(v.is_null() ? 0 : 1);
    if (v.is_null()) {
      nulls_++;
    } else {
      AddValue(v);
    }
    return;
  }
  // LIST levels: 0 NULL list, 1 empty list, 2 NULL element, 3 element; repetition 1 continues
  // the row's list.
  if (v.is_null()) {
    def_.push_back(0);
    rep_.push_back(0);
    nulls_++;
    return;
  }
  LogicalType element = column_.type.element_type();
  std::vector<Value> elements = DecodeArray(v.GetString(), element);
  if (elements.empty()) {
    def_.push_back(1);
    rep_.push_back(0);
    nulls_++;
    return;
  }
  for (size_t i = 0; i < elements.size(); i++) {
    rep_.push_back(i ? 1 : 0);
    def_.push_back(elements[i].is_null() ? 2 : 3);
    if (elements[i].is_null()) {
      nulls_++;
    } else {
      AddValue(elements[i]);
    }
  }
}

std::string ColumnWriter::Levels(size_t begin, size_t end, bool repetition) const {
  const std::vector<uint8_t>& levels = repetition ? rep_ : def_;
  RleEncoder encoder(BitWidth(repetition ? max_rep_ : max_def_));
  for (size_t i = begin; i < end; i++) encoder.Put(levels[i]);
  std::string runs = encoder.Finish();
  std::string out;
  uint32_t length = static_cast<uint32_t>(runs.size());
  for (int i = 0; i < 4; i++) out.push_back(static_cast<char>(length >> (8 * i)));
  return out + runs;
}

std::optional<std::vector<uint32_t>> ColumnWriter::BuildDictionary(std::string* dictionary) const {
  if (leaf_.physical == Type::kBoolean || values_.empty()) return std::nullopt;
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<uint32_t> indices;
  indices.reserve(values_.size());
  std::string key;
  for (const Value& v : values_) {
    key.clear();
    AppendPlain(v, leaf_, &key);
    auto [it, added] = ids.try_emplace(key, static_cast<uint32_t>(ids.size()));
    if (added) {
      dictionary->append(key);
      if (dictionary->size() > kMaxDictionaryBytes || ids.size() > values_.size() / 2 + 1)
        return std::nullopt;
    }
    indices.push_back(it->second);
  }
  return indices;
}

void ColumnWriter::WritePage(PageHeader header, const std::string& body, std::string* out) {
  std::string compressed = CompressPage(codec_, body);
  header.uncompressed_page_size = static_cast<int32_t>(body.size());
  header.compressed_page_size = static_cast<int32_t>(compressed.size());
  size_t before = out->size();
  SerializePageHeader(header, out);
  size_t header_bytes = out->size() - before;
  out->append(compressed);
  uncompressed_ += static_cast<int64_t>(header_bytes + body.size());
  compressed_ += static_cast<int64_t>(header_bytes + compressed.size());
}

size_t ColumnWriter::PageEnd(size_t level, size_t value) const {
  size_t bytes = 0;
  for (size_t end = level; end < def_.size(); end++) {
    // Pages end at row boundaries (repetition level 0) once they hold enough.
    if (end > level && (max_rep_ == 0 || rep_[end] == 0) &&
        (end - level >= kMaxLevelsPerPage || bytes >= kPageBytes))
      return end;
    if (def_[end] == max_def_) {
      const Value& v = values_[value++];
      bytes += v.type().id() == TypeId::kBytea ? v.GetString().size() + 4 : 8;
    }
  }
  return def_.size();
}

void ColumnWriter::WriteDataPages(const std::vector<uint32_t>* indices, std::string* out) {
  const int index_width =
      indices ? std::max(1, BitWidth(*std::max_element(indices->begin(), indices->end()))) : 0;
  size_t level = 0, value = 0;
  while (level < def_.size()) {
    size_t level_end = PageEnd(level, value);
    size_t value_end = value + static_cast<size_t>(std::count(def_.begin() + level,
                                                              def_.begin() + level_end, max_def_));
    std::string body;
    if (max_rep_ > 0) body += Levels(level, level_end, true);
    if (max_def_ > 0) body += Levels(level, level_end, false);
    if (indices) {
      body.push_back(static_cast<char>(index_width));
      RleEncoder encoder(index_width);
      for (size_t i = value; i < value_end; i++) encoder.Put((*indices)[i]);
      body += encoder.Finish();
    } else if (leaf_.physical == Type::kBoolean) {
      body += EncodePlainBooleans(
          std::vector<Value>(values_.begin() + value, values_.begin() + value_end));
    } else {
      for (size_t i = value; i < value_end; i++) AppendPlain(values_[i], leaf_, &body);
    }
    PageHeader h;
    h.type = PageType::kDataPage;
    h.data_page = DataPageHeader{static_cast<int32_t>(level_end - level),
                                 indices ? Encoding::kRleDictionary : Encoding::kPlain,
                                 Encoding::kRle, Encoding::kRle};
    WritePage(h, body, out);
    level = level_end;
    value = value_end;
  }
}

ColumnChunk ColumnWriter::Flush(int64_t offset, std::string* out) {
  uncompressed_ = compressed_ = 0;
  ColumnMetaData meta;
  meta.type = leaf_.physical;
  meta.path_in_schema = {column_.name};
  if (max_rep_ > 0) meta.path_in_schema = {column_.name, "list", "element"};
  meta.codec = codec_;
  meta.num_values = static_cast<int64_t>(def_.size());
  size_t start = out->size();

  std::string dictionary;
  std::optional<std::vector<uint32_t>> indices = BuildDictionary(&dictionary);
  if (indices) {
    meta.dictionary_page_offset = offset;
    PageHeader h;
    h.type = PageType::kDictionaryPage;
    uint32_t entries = *std::max_element(indices->begin(), indices->end()) + 1;
    h.dictionary_page = DictionaryPageHeader{static_cast<int32_t>(entries), Encoding::kPlain};
    WritePage(h, dictionary, out);
    meta.encodings = {Encoding::kPlain, Encoding::kRle, Encoding::kRleDictionary};
  } else {
    meta.encodings = {Encoding::kPlain, Encoding::kRle};
  }
  meta.data_page_offset = offset + static_cast<int64_t>(out->size() - start);

  WriteDataPages(indices ? &*indices : nullptr, out);
  meta.total_uncompressed_size = uncompressed_;
  meta.total_compressed_size = compressed_;
  Statistics stats;
  stats.null_count = nulls_;
  if (min_ && !wide_values_) {
    stats.min_value = StatisticsBytes(ToPhysical(*min_, leaf_), leaf_);
    stats.max_value = StatisticsBytes(ToPhysical(*max_, leaf_), leaf_);
  }
  meta.statistics = stats;

  ColumnChunk chunk;
  chunk.file_offset = offset;
  chunk.meta_data = std::move(meta);
  def_.clear();
  rep_.clear();
  values_.clear();
  buffered_bytes_ = 0;
  nulls_ = 0;
  min_.reset();
  max_.reset();
  wide_values_ = false;
  return chunk;
}

}  // namespace heliosdb::parquet
