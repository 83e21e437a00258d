// Builders of the backend messages the session sends (protocol v3 "Message Formats"):
// ErrorResponse / NoticeResponse, RowDescription, DataRow, CommandComplete, ReadyForQuery and
// the small fixed ones. Each appends one whole message to a MessageWriter.
// Thread safety: pure functions over the writer they are given.
#pragma once

#include <string>
#include <vector>

#include "engine/query_result_impl.h"
#include "heliosdb/status.h"
#include "server/wire_message.h"

namespace heliosdb::server {

// Format codes of the protocol: 0 text, 1 binary.
constexpr int16_t kTextFormat = 0;
constexpr int16_t kBinaryFormat = 1;

// 'E' (or 'N' for a notice) with fields S and V (severity), C (SQLSTATE), M, D, H, P.
void WriteErrorResponse(MessageWriter& out, const Status& status, const char* severity = "ERROR",
                        char type = 'E');
void WriteParameterStatus(MessageWriter& out, const std::string& name, const std::string& value);
void WriteReadyForQuery(MessageWriter& out, char transaction_status);
void WriteCommandComplete(MessageWriter& out, const std::string& tag);
void WriteEmpty(MessageWriter& out, char type);  // messages with no body: 'I', '1', '2', ...

// The format of each result column from Bind's result format codes (none: all text; one: all
// columns; otherwise one per column). Throws DbException 08P01 on a count mismatch or a bad code.
std::vector<int16_t> ResultFormats(const std::vector<int16_t>& codes, size_t columns);

void WriteRowDescription(MessageWriter& out, const std::vector<std::string>& names,
                         const std::vector<LogicalType>& types,
                         const std::vector<int16_t>& formats);
// DataRow messages for rows [from, to) of result, each column in its format.
void WriteDataRows(MessageWriter& out, const QueryResult::Impl& result, size_t from, size_t to,
                   const std::vector<int16_t>& formats);

}  // namespace heliosdb::server
