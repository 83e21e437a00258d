// CopyStream: where COPY ... FROM STDIN reads its data and COPY ... TO STDOUT writes it. The
// wire protocol server installs one on a connection (CopyInResponse / CopyData / CopyDone);
// without one, COPY with STDIN or STDOUT fails with 0A000.
// Thread safety: used only by the thread running the connection's statement.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace heliosdb {

class CopyStream {
 public:
  virtual ~CopyStream() = default;
  // COPY FROM STDIN: asks the client for data in text form with `columns` columns.
  virtual void BeginCopyIn(size_t columns) = 0;
  // The next piece of data (any split of the stream); false at the end of the data. Throws
  // DbException when the client aborts the copy or goes away.
  virtual bool Read(std::string* data) = 0;
  // COPY TO STDOUT: announces `columns` columns, sends data, ends the data.
  virtual void BeginCopyOut(size_t columns) = 0;
  virtual void Write(std::string_view data) = 0;
  virtual void EndCopyOut() = 0;
};

}  // namespace heliosdb
