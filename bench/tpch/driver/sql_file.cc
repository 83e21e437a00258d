#include "sql_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tpch {

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

bool HasCode(const std::string& statement) {
  std::istringstream lines(statement);
  std::string line;
  while (std::getline(lines, line)) {
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos && line.compare(first, 2, "--") != 0) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> statements;
  std::istringstream lines(sql);
  std::string line, current;
  while (std::getline(lines, line)) {
    size_t last = line.find_last_not_of(" \t\r");
    bool ends = last != std::string::npos && line[last] == ';';
    current += ends ? line.substr(0, last) : line;
    current += '\n';
    if (ends) {
      if (HasCode(current)) statements.push_back(current);
      current.clear();
    }
  }
  if (HasCode(current)) statements.push_back(current);
  return statements;
}

}  // namespace tpch
