// Query and schema files: read whole, and split into statements for the engines whose API
// runs one statement at a time.
#pragma once

#include <string>
#include <vector>

namespace tpch {

// Throws std::runtime_error when the file cannot be read.
std::string ReadTextFile(const std::string& path);

// Splits at semicolons that end a line; the harness's SQL files keep every statement's
// semicolon at a line end and have none inside literals. Statements that hold only comments
// and blanks are dropped.
std::vector<std::string> SplitStatements(const std::string& sql);

}  // namespace tpch
