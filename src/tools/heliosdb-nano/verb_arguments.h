// Argument parsing shared by the dump verbs (export, import, migrate, verify): positional
// arguments and "--name VALUE" / "--name=VALUE" options, and the one place where their
// errors are printed.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace heliosdb::shell {

class VerbArguments {
 public:
  VerbArguments(const char* verb, int argc, char** argv) : verb_(verb), argc_(argc), argv_(argv) {}
  // Walks argv[1..]: --help and -? set help(); other flags and valued options are offered to
  // on_option(name, value_or_null), which returns false for an unknown one. Positionals are
  // collected. Returns false (after printing the error) on a bad command line.
  bool Parse(
      const std::vector<std::string>& valued_options,
      const std::function<bool(const std::string& name, const std::string* value)>& on_option);
  const std::vector<std::string>& positional() const { return positional_; }
  bool help() const { return help_; }
  // Prints "heliosdb-nano VERB: message" to stderr and returns 2 (bad usage) or 1.
  int Fail(const std::string& message, int status = 1) const;
  // Runs fn, turning a DbException into "ERROR:  message" (as psql prints) and status 1.
  int Run(const std::function<int()>& fn) const;

 private:
  const char* verb_;
  int argc_;
  char** argv_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

}  // namespace heliosdb::shell
