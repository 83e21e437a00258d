#include "parquet/plain_encoding.h"

#include <cstring>

#include "parquet/parquet_error.h"

namespace heliosdb::parquet {

namespace {

template <typename T>
T Load(std::string_view data, size_t at) {
  T v;
  std::memcpy(&v, data.data() + at, sizeof(T));
  return v;
}

template <typename T>
void Store(T v, std::string* out) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out->append(bytes, sizeof(T));
}

size_t FixedWidth(const LeafType& leaf) {
  switch (leaf.physical) {
    case Type::kInt32:
    case Type::kFloat:
      return 4;
    case Type::kInt64:
    case Type::kDouble:
      return 8;
    case Type::kInt96:
      return 12;
    case Type::kFixedLenByteArray:
      return static_cast<size_t>(leaf.type_length);
    default:
      return 0;
  }
}

}  // namespace

void AppendPlain(const Value& p, const LeafType& leaf, std::string* out) {
  switch (leaf.physical) {
    case Type::kInt32:
      Store(static_cast<int32_t>(p.GetInt64()), out);
      break;
    case Type::kInt64:
      Store(p.GetInt64(), out);
      break;
    case Type::kFloat:
      Store(static_cast<float>(p.GetDouble()), out);
      break;
    case Type::kDouble:
      Store(p.GetDouble(), out);
      break;
    case Type::kByteArray:
      Store(static_cast<uint32_t>(p.GetString().size()), out);
      out->append(p.GetString());
      break;
    default:
      out->append(p.GetString());
      break;
  }
}

std::string EncodePlainBooleans(const std::vector<Value>& values) {
  std::string out((values.size() + 7) / 8, '\0');
  for (size_t i = 0; i < values.size(); i++)
    if (values[i].GetBool()) out[i / 8] |= static_cast<char>(1 << (i % 8));
  return out;
}

std::vector<Value> DecodePlain(std::string_view data, size_t* pos, size_t count,
                               const LeafType& leaf, uint64_t base) {
  auto need = [&](size_t bytes) {
    if (bytes > data.size() - *pos) ThrowCorrupt(base + *pos, "PLAIN values overrun the page");
  };
  // Every value takes at least a bit (booleans) or a byte, so a count beyond that is corrupt;
  // checked before anything is allocated for it.
  need(leaf.physical == Type::kBoolean ? (count + 7) / 8 : count);
  std::vector<Value> out;
  out.reserve(count);
  if (leaf.physical == Type::kBoolean) {
    need((count + 7) / 8);
    for (size_t i = 0; i < count; i++)
      out.push_back(Value::Boolean((static_cast<uint8_t>(data[*pos + i / 8]) >> (i % 8)) & 1));
    *pos += (count + 7) / 8;
    return out;
  }
  if (leaf.physical == Type::kByteArray) {
    for (size_t i = 0; i < count; i++) {
      need(4);
      uint32_t length = Load<uint32_t>(data, *pos);
      *pos += 4;
      need(length);
      out.push_back(Value::Bytea(std::string(data.substr(*pos, length))));
      *pos += length;
    }
    return out;
  }
  size_t width = FixedWidth(leaf);
  if (width == 0 && count > 0) ThrowCorrupt(base + *pos, "FIXED_LEN_BYTE_ARRAY of length 0");
  need(width * count);
  for (size_t i = 0; i < count; i++, *pos += width) {
    switch (leaf.physical) {
      case Type::kInt32:
        out.push_back(Value::BigInt(Load<int32_t>(data, *pos)));
        break;
      case Type::kInt64:
        out.push_back(Value::BigInt(Load<int64_t>(data, *pos)));
        break;
      case Type::kFloat:
        out.push_back(Value::Double(Load<float>(data, *pos)));
        break;
      case Type::kDouble:
        out.push_back(Value::Double(Load<double>(data, *pos)));
        break;
      default:
        out.push_back(Value::Bytea(std::string(data.substr(*pos, width))));
        break;
    }
  }
  return out;
}

}  // namespace heliosdb::parquet
