// COPY over the protocol: the session is the connection's CopyStream.
//   COPY FROM STDIN: CopyInResponse, then the client's CopyData pieces until CopyDone (or
//   CopyFail, which fails the statement); Flush and Sync in between are ignored, as
//   PostgreSQL does.
//   COPY TO STDOUT: CopyOutResponse, CopyData pieces, CopyDone.
// Both announce text format (0) for the whole copy and for every column.
#include "common/exception.h"
#include "server/session.h"

namespace heliosdb::server {

namespace {
void WriteCopyResponse(MessageWriter& out, char type, size_t columns) {
  out.Begin(type);
  out.Int8(0);
  out.Int16(static_cast<int16_t>(columns));
  for (size_t i = 0; i < columns; i++) out.Int16(0);
  out.Finish();
}
}  // namespace

void Session::BeginCopyIn(size_t columns) {
  WriteCopyResponse(socket_.out(), 'G', columns);
  socket_.Flush();
}

bool Session::Read(std::string* data) {
  try {
    return ReadCopyData(data);
  } catch (const ProtocolError& e) {
    // The engine turns what it catches into a statement error; the connection must end too.
    protocol_error_ = e.what();
    connection_lost_ = true;
    ThrowError(sqlstate::kProtocolViolation, e.what());
  }
}

bool Session::ReadCopyData(std::string* data) {
  while (true) {
    char type;
    if (socket_.broken() || !socket_.ReadMessage(&type, data)) {
      connection_lost_ = true;
      ThrowError("08006", "connection lost during COPY from stdin");
    }
    switch (type) {
      case 'd':
        return true;
      case 'c':
        return false;
      case 'f': {
        MessageReader in(*data);
        ThrowError(sqlstate::kQueryCanceled, "COPY from stdin failed: " + std::string(in.String()));
      }
      case 'H':
      case 'S':
        continue;
      default: {
        char hex[8];
        std::snprintf(hex, sizeof(hex), "0x%02x", static_cast<unsigned char>(type));
        ThrowError(sqlstate::kProtocolViolation,
                   std::string("unexpected message type ") + hex + " during COPY from stdin");
      }
    }
  }
}

void Session::BeginCopyOut(size_t columns) {
  WriteCopyResponse(socket_.out(), 'H', columns);
}

void Session::Write(std::string_view data) {
  MessageWriter& out = socket_.out();
  out.Begin('d');
  out.Bytes(data);
  out.Finish();
  socket_.FlushIfLarge();
  if (socket_.broken()) {
    connection_lost_ = true;
    ThrowError("08006", "connection lost during COPY to stdout");
  }
}

void Session::EndCopyOut() {
  socket_.out().Begin('c');
  socket_.out().Finish();
}

}  // namespace heliosdb::server
