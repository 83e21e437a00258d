#include "outcome.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tpch {

void WriteStatus(const std::string& prefix, const Outcome& outcome) {
  std::ofstream out(prefix + ".status", std::ios::trunc);
  switch (outcome.kind) {
    case Outcome::kOk:
      out << "ok " << outcome.median_ms << '\n';
      break;
    case Outcome::kTimeout:
      out << "timeout\n";
      break;
    default: {
      // One line: the message's own newlines would end the status early.
      std::string message = outcome.message;
      for (char& c : message) c = c == '\n' ? ' ' : c;
      out << "error " << message << '\n';
    }
  }
  out.close();
  if (!out) throw std::runtime_error("cannot write " + prefix + ".status");
}

Outcome ReadStatus(const std::string& prefix) {
  Outcome outcome;
  std::ifstream in(prefix + ".status");
  std::string line;
  if (!in || !std::getline(in, line)) {
    outcome.kind = Outcome::kError;
    outcome.message = "no status written (" + prefix + ".status)";
    return outcome;
  }
  std::istringstream words(line);
  std::string kind;
  words >> kind;
  if (kind == "ok") {
    outcome.kind = Outcome::kOk;
    words >> outcome.median_ms;
  } else if (kind == "timeout") {
    outcome.kind = Outcome::kTimeout;
  } else {
    outcome.kind = Outcome::kError;
    outcome.message = line.size() > 6 ? line.substr(6) : line;
  }
  return outcome;
}

}  // namespace tpch
