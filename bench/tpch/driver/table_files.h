// The generated table files (tpch_dbgen's output, see dbgen/csv_writer.h) as the loaders read
// them: the tables in load order, and a streaming reader of one file.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tpch {

// The eight tables, in the order they are loaded; <data dir>/<name>.csv holds each.
extern const char* const kTables[8];

// Calls on_row with the fields of each line of path, in order; a field view is valid only
// during the call. Throws std::runtime_error when the file cannot be read.
void ForEachCsvRow(const std::string& path,
                   const std::function<void(const std::vector<std::string_view>&)>& on_row);

}  // namespace tpch
