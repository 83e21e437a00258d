#include "parquet/column_reader.h"

#include "common/types/array_value.h"
#include "parquet/delta_encoding.h"
#include "parquet/page_codec.h"
#include "parquet/parquet_error.h"
#include "parquet/plain_encoding.h"
#include "parquet/rle_hybrid.h"

namespace heliosdb::parquet {

namespace {

// A page may not claim more values than this: RLE levels can describe millions of NULLs in a
// few bytes, so the bound keeps a corrupted count from allocating without limit.
constexpr int64_t kMaxPageValues = int64_t{1} << 26;

class ChunkDecoder {
 public:
  ChunkDecoder(const ColumnMetaData& meta, const ReadColumn& column, std::string bytes,
               uint64_t base)
      : meta_(meta), column_(column), bytes_(std::move(bytes)), base_(base) {}

  void DecodeAll() {
    size_t pos = 0;
    while (static_cast<int64_t>(def_.size()) < meta_.num_values) {
      if (pos >= bytes_.size())
        ThrowCorrupt(base_ + pos, "column chunk \"" + column_.name + "\" ends after " +
                                      std::to_string(def_.size()) + " of " +
                                      std::to_string(meta_.num_values) + " values");
      ThriftReader reader(std::string_view(bytes_).substr(pos), base_ + pos);
      PageHeader header = ParsePageHeader(reader);
      pos += reader.position();
      uint64_t page_offset = base_ + pos;
      if (static_cast<size_t>(header.compressed_page_size) > bytes_.size() - pos)
        ThrowCorrupt(page_offset, "page of " + std::to_string(header.compressed_page_size) +
                                      " bytes overruns its column chunk");
      std::string_view page = std::string_view(bytes_).substr(pos, header.compressed_page_size);
      pos += header.compressed_page_size;
      switch (header.type) {
        case PageType::kDictionaryPage:
          Dictionary(header, page, page_offset);
          break;
        case PageType::kDataPage:
          DataPageV1(header, page, page_offset);
          break;
        case PageType::kDataPageV2:
          DataPageV2(header, page, page_offset);
          break;
        default:
          break;  // index pages carry nothing we need
      }
    }
  }

  std::vector<Value> Rows(int64_t num_rows) const;

 private:
  std::string Decompress(std::string_view data, int32_t size, uint64_t offset) const {
    return DecompressPage(meta_.codec, data, static_cast<size_t>(size), offset);
  }

  void Dictionary(const PageHeader& h, std::string_view page, uint64_t offset) {
    if (!h.dictionary_page) ThrowCorrupt(offset, "dictionary page without its header");
    std::string data = Decompress(page, h.uncompressed_page_size, offset);
    size_t pos = 0;
    int32_t n = h.dictionary_page->num_values;
    if (n < 0) ThrowCorrupt(offset, "dictionary with a negative size");
    dictionary_ = DecodePlain(data, &pos, static_cast<size_t>(n), column_.leaf, offset);
  }

  void CheckCount(int64_t n, uint64_t offset) const {
    if (n < 0 || n > kMaxPageValues || static_cast<int64_t>(def_.size()) + n > meta_.num_values)
      ThrowCorrupt(offset, "page claims " + std::to_string(n) + " values");
  }

  // Levels of one page; `framed`: with the 4-byte length of data page v1.
  void Levels(std::string_view data, size_t* pos, int max_level, size_t count, bool framed,
              size_t length, uint64_t offset, std::vector<uint8_t>* out) {
    if (max_level == 0) {
      // No levels are stored (v2 pages still state a length, which must then be 0).
      if (!framed && length != 0) ThrowCorrupt(offset + *pos, "levels for a column without them");
      out->insert(out->end(), count, 0);
      return;
    }
    if (framed) {
      if (data.size() - *pos < 4) ThrowCorrupt(offset + *pos, "levels truncated");
      length = 0;
      for (int i = 0; i < 4; i++)
        length |= static_cast<size_t>(static_cast<uint8_t>(data[*pos + i])) << (8 * i);
      *pos += 4;
    }
    if (length > data.size() - *pos) ThrowCorrupt(offset + *pos, "levels overrun the page");
    RleDecoder decoder(data.substr(*pos, length), BitWidth(max_level), offset + *pos);
    std::vector<uint32_t> levels(count);
    decoder.Get(levels.data(), count);
    for (uint32_t l : levels) {
      if (l > static_cast<uint32_t>(max_level))
        ThrowCorrupt(offset + *pos, "level above the maximum");
      out->push_back(static_cast<uint8_t>(l));
    }
    *pos += length;
  }

  size_t PresentSince(size_t first_level) const {
    size_t n = 0;
    for (size_t i = first_level; i < def_.size(); i++) n += def_[i] == column_.max_def;
    return n;
  }

  void DataPageV1(const PageHeader& h, std::string_view page, uint64_t offset) {
    if (!h.data_page) ThrowCorrupt(offset, "data page without its header");
    const DataPageHeader& d = *h.data_page;
    CheckCount(d.num_values, offset);
    std::string data = Decompress(page, h.uncompressed_page_size, offset);
    size_t pos = 0;
    size_t first = def_.size();
    size_t count = static_cast<size_t>(d.num_values);
    Levels(data, &pos, column_.max_rep, count, true, 0, offset, &rep_);
    Levels(data, &pos, column_.max_def, count, true, 0, offset, &def_);
    Values(d.encoding, data, pos, PresentSince(first), offset);
  }

  void DataPageV2(const PageHeader& h, std::string_view page, uint64_t offset) {
    if (!h.data_page_v2) ThrowCorrupt(offset, "data page v2 without its header");
    const DataPageHeaderV2& d = *h.data_page_v2;
    CheckCount(d.num_values, offset);
    if (d.repetition_levels_byte_length < 0 || d.definition_levels_byte_length < 0 ||
        static_cast<size_t>(d.repetition_levels_byte_length) +
                static_cast<size_t>(d.definition_levels_byte_length) >
            page.size() ||
        d.repetition_levels_byte_length + d.definition_levels_byte_length >
            h.uncompressed_page_size)
      ThrowCorrupt(offset, "data page v2 level lengths overrun the page");
    size_t pos = 0;
    size_t first = def_.size();
    size_t count = static_cast<size_t>(d.num_values);
    Levels(page, &pos, column_.max_rep, count, false, d.repetition_levels_byte_length, offset,
           &rep_);
    Levels(page, &pos, column_.max_def, count, false, d.definition_levels_byte_length, offset,
           &def_);
    std::string_view rest = page.substr(pos);
    int32_t values_size = h.uncompressed_page_size - static_cast<int32_t>(pos);
    std::string data =
        d.is_compressed ? Decompress(rest, values_size, offset + pos) : std::string(rest);
    Values(d.encoding, data, 0, PresentSince(first), offset + pos);
  }

  void Values(Encoding encoding, std::string_view data, size_t pos, size_t count, uint64_t offset) {
    const LeafType& leaf = column_.leaf;
    switch (encoding) {
      case Encoding::kPlain:
        Append(DecodePlain(data, &pos, count, leaf, offset));
        return;
      case Encoding::kPlainDictionary:
      case Encoding::kRleDictionary: {
        if (!dictionary_) ThrowCorrupt(offset, "dictionary-encoded page without a dictionary");
        if (count == 0) return;
        if (pos >= data.size()) ThrowCorrupt(offset + pos, "dictionary indices missing");
        int width = static_cast<uint8_t>(data[pos++]);
        if (width > 32) ThrowCorrupt(offset + pos, "dictionary index width above 32");
        RleDecoder decoder(data.substr(pos), width, offset + pos);
        std::vector<uint32_t> indices(count);
        decoder.Get(indices.data(), count);
        for (uint32_t i : indices) {
          if (i >= dictionary_->size())
            ThrowCorrupt(offset + pos, "dictionary index " + std::to_string(i) + " out of range");
          values_.push_back((*dictionary_)[i]);
        }
        return;
      }
      case Encoding::kRle: {
        if (leaf.physical != Type::kBoolean) break;
        if (data.size() - pos < 4) ThrowCorrupt(offset + pos, "RLE booleans truncated");
        pos += 4;  // the runs' length: the runs end where the page does
        RleDecoder decoder(data.substr(pos), 1, offset + pos);
        std::vector<uint32_t> bits(count);
        decoder.Get(bits.data(), count);
        for (uint32_t b : bits) values_.push_back(Value::Boolean(b != 0));
        return;
      }
      case Encoding::kDeltaBinaryPacked: {
        if (leaf.physical != Type::kInt32 && leaf.physical != Type::kInt64) break;
        for (int64_t v : DecodeDeltaBinaryPacked(data, &pos, count, offset)) {
          values_.push_back(
              Value::BigInt(leaf.physical == Type::kInt32 ? static_cast<int32_t>(v) : v));
        }
        return;
      }
      case Encoding::kDeltaLengthByteArray:
      case Encoding::kDeltaByteArray: {
        if (leaf.physical != Type::kByteArray && leaf.physical != Type::kFixedLenByteArray) break;
        auto strings = encoding == Encoding::kDeltaByteArray
                           ? DecodeDeltaByteArray(data, &pos, count, offset)
                           : DecodeDeltaLengthByteArray(data, &pos, count, offset);
        for (std::string& s : strings) {
          if (leaf.physical == Type::kFixedLenByteArray &&
              s.size() != static_cast<size_t>(leaf.type_length))
            ThrowCorrupt(offset + pos, "fixed-length value of the wrong length");
          values_.push_back(Value::Bytea(std::move(s)));
        }
        return;
      }
      case Encoding::kByteStreamSplit: {
        size_t width = leaf.physical == Type::kFloat || leaf.physical == Type::kInt32    ? 4
                       : leaf.physical == Type::kDouble || leaf.physical == Type::kInt64 ? 8
                                                                                         : 0;
        if (width == 0) break;
        if (count * width > data.size() - pos)
          ThrowCorrupt(offset + pos, "BYTE_STREAM_SPLIT values overrun the page");
        std::string plain(count * width, '\0');
        for (size_t i = 0; i < count; i++)
          for (size_t b = 0; b < width; b++) plain[i * width + b] = data[pos + b * count + i];
        size_t p = 0;
        Append(DecodePlain(plain, &p, count, leaf, offset));
        return;
      }
      default:
        break;
    }
    ThrowUnsupported("encoding " + std::to_string(static_cast<int>(encoding)) + " of column \"" +
                     column_.name + "\"");
  }

  void Append(std::vector<Value> values) {
    for (Value& v : values) values_.push_back(std::move(v));
  }

  const ColumnMetaData& meta_;
  const ReadColumn& column_;
  std::string bytes_;
  uint64_t base_;
  std::optional<std::vector<Value>> dictionary_;
  std::vector<uint8_t> def_, rep_;
  std::vector<Value> values_;
};

std::vector<Value> ChunkDecoder::Rows(int64_t num_rows) const {
  if (num_rows < 0 || static_cast<uint64_t>(num_rows) > def_.size())
    ThrowCorrupt(base_, "column \"" + column_.name + "\" has fewer values than its row group's " +
                            std::to_string(num_rows) + " rows");
  std::vector<Value> rows;
  rows.reserve(static_cast<size_t>(num_rows));
  size_t value = 0;
  auto next = [&]() { return FromPhysical(values_[value++], column_.leaf); };
  if (column_.max_rep == 0) {
    for (uint8_t d : def_)
      rows.push_back(d == column_.max_def ? next() : Value::Null(column_.type));
  } else {
    std::vector<Value> elements;
    bool open = false, is_null = false;
    auto close = [&]() {
      if (!open) return;
      rows.push_back(is_null ? Value::Null(column_.type) : MakeArray(elements, column_.leaf.sql));
      elements.clear();
    };
    for (size_t i = 0; i < def_.size(); i++) {
      if (rep_[i] == 0) {
        close();
        open = true;
        is_null = def_[i] < column_.list_defined;
      } else if (!open) {
        ThrowCorrupt(base_, "column \"" + column_.name + "\" starts with a repeated value");
      }
      if (def_[i] >= column_.element_present)
        elements.push_back(def_[i] == column_.max_def ? next() : Value::Null(column_.leaf.sql));
    }
    close();
  }
  if (static_cast<int64_t>(rows.size()) != num_rows)
    ThrowCorrupt(base_, "column \"" + column_.name + "\" has " + std::to_string(rows.size()) +
                            " rows where its row group has " + std::to_string(num_rows));
  return rows;
}

}  // namespace

std::vector<Value> ReadColumnChunk(const RandomAccessFile& file, const ColumnMetaData& meta,
                                   const ReadColumn& column, int64_t num_rows) {
  int64_t start = meta.data_page_offset;
  if (meta.dictionary_page_offset && *meta.dictionary_page_offset > 0 &&
      *meta.dictionary_page_offset < start)
    start = *meta.dictionary_page_offset;
  int64_t length = meta.total_compressed_size;
  if (start < 4 || length < 0 || static_cast<uint64_t>(start) > file.size() ||
      static_cast<uint64_t>(length) > file.size() - static_cast<uint64_t>(start))
    ThrowCorrupt(static_cast<uint64_t>(std::max<int64_t>(start, 0)),
                 "column chunk \"" + column.name + "\" lies outside the file");
  if (meta.num_values < 0) ThrowCorrupt(start, "column chunk with a negative value count");
  if (meta.type != column.leaf.physical)
    ThrowCorrupt(start, "column chunk \"" + column.name + "\" has another type than its schema");
  ChunkDecoder decoder(meta, column, file.Read(start, length), start);
  decoder.DecodeAll();
  return decoder.Rows(num_rows);
}

}  // namespace heliosdb::parquet
