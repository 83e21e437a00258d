#include "verb_arguments.h"

#include <algorithm>
#include <cstdio>

#include "common/exception.h"

namespace heliosdb::shell {

bool VerbArguments::Parse(
    const std::vector<std::string>& valued,
    const std::function<bool(const std::string&, const std::string*)>& on_option) {
  for (int i = 1; i < argc_; i++) {
    std::string a = argv_[i];
    if (a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--help" || a == "-?") {
      help_ = true;
      continue;
    }
    std::string name = a, value;
    size_t eq = a.find('=');
    bool has_value = false;
    if (eq != std::string::npos && a.rfind("--", 0) == 0) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_value = true;
    }
    if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
      if (!has_value) {
        if (i + 1 >= argc_) {
          Fail("option " + name + " needs a value", 2);
          return false;
        }
        value = argv_[++i];
      }
      if (!on_option(name, &value)) {
        Fail("invalid value \"" + value + "\" for " + name, 2);
        return false;
      }
    } else if (has_value || !on_option(name, nullptr)) {
      Fail("unknown option " + a + " (see --help)", 2);
      return false;
    }
  }
  return true;
}

int VerbArguments::Fail(const std::string& message, int status) const {
  std::fprintf(stderr, "heliosdb-nano %s: %s\n", verb_, message.c_str());
  return status;
}

int VerbArguments::Run(const std::function<int()>& fn) const {
  try {
    return fn();
  } catch (const DbException& e) {
    std::fprintf(stderr, "heliosdb-nano %s: ERROR:  %s\n", verb_, e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "heliosdb-nano %s: ERROR:  %s\n", verb_, e.what());
  }
  return 1;
}

}  // namespace heliosdb::shell
