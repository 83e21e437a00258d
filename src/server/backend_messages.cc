#include "server/backend_messages.h"

#include "common/exception.h"
#include "server/type_codec.h"

namespace heliosdb::server {

void WriteErrorResponse(MessageWriter& out, const Status& status, const char* severity, char type) {
  out.Begin(type);
  out.Int8('S');
  out.String(severity);
  out.Int8('V');
  out.String(severity);
  out.Int8('C');
  out.String(status.sqlstate());
  out.Int8('M');
  out.String(status.message());
  if (!status.detail().empty()) {
    out.Int8('D');
    out.String(status.detail());
  }
  if (!status.hint().empty()) {
    out.Int8('H');
    out.String(status.hint());
  }
  if (status.position() > 0) {
    out.Int8('P');
    out.String(std::to_string(status.position()));
  }
  out.Int8(0);
  out.Finish();
}

void WriteParameterStatus(MessageWriter& out, const std::string& name, const std::string& value) {
  out.Begin('S');
  out.String(name);
  out.String(value);
  out.Finish();
}

void WriteReadyForQuery(MessageWriter& out, char transaction_status) {
  out.Begin('Z');
  out.Int8(static_cast<uint8_t>(transaction_status));
  out.Finish();
}

void WriteCommandComplete(MessageWriter& out, const std::string& tag) {
  out.Begin('C');
  out.String(tag);
  out.Finish();
}

void WriteEmpty(MessageWriter& out, char type) {
  out.Begin(type);
  out.Finish();
}

std::vector<int16_t> ResultFormats(const std::vector<int16_t>& codes, size_t columns) {
  for (int16_t c : codes) {
    if (c != kTextFormat && c != kBinaryFormat)
      ThrowError(sqlstate::kProtocolViolation, "unsupported format code: " + std::to_string(c));
  }
  if (codes.empty()) return std::vector<int16_t>(columns, kTextFormat);
  if (codes.size() == 1) return std::vector<int16_t>(columns, codes[0]);
  if (codes.size() != columns)
    ThrowError(sqlstate::kProtocolViolation, "bind message has " + std::to_string(codes.size()) +
                                                 " result formats but query has " +
                                                 std::to_string(columns) + " columns");
  return codes;
}

void WriteRowDescription(MessageWriter& out, const std::vector<std::string>& names,
                         const std::vector<LogicalType>& types,
                         const std::vector<int16_t>& formats) {
  out.Begin('T');
  out.Int16(static_cast<int16_t>(names.size()));
  for (size_t i = 0; i < names.size(); i++) {
    out.String(names[i]);
    out.Int32(0);  // table OID: not tracked yet
    out.Int16(0);  // column attnum
    out.Int32(static_cast<int32_t>(types[i].Oid()));
    out.Int16(TypeLength(types[i]));
    out.Int32(types[i].Typmod());
    out.Int16(i < formats.size() ? formats[i] : kTextFormat);
  }
  out.Finish();
}

void WriteDataRows(MessageWriter& out, const QueryResult::Impl& result, size_t from, size_t to,
                   const std::vector<int16_t>& formats) {
  const size_t columns = result.names.size();
  std::string& buf = out.buffer();
  for (size_t row = from; row < to; row++) {
    auto [chunk, r] = result.Locate(row);
    out.Begin('D');
    out.Int16(static_cast<int16_t>(columns));
    for (size_t c = 0; c < columns; c++) {
      Value v = chunk->GetValue(c, r);
      if (v.is_null()) {
        out.Int32(-1);
        continue;
      }
      size_t at = buf.size();
      out.Int32(0);  // length, patched below
      if (formats[c] == kBinaryFormat) {
        EncodeBinary(v, &buf);
      } else {
        buf += FormatValue(v, result.format);
      }
      uint32_t n = static_cast<uint32_t>(buf.size() - at - 4);
      for (int i = 0; i < 4; i++) buf[at + i] = static_cast<char>((n >> (8 * (3 - i))) & 0xff);
    }
    out.Finish();
  }
}

}  // namespace heliosdb::server
