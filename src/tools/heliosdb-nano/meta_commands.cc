#include "meta_commands.h"

#include <cstdio>
#include <vector>

#include "describe.h"
#include "shell.h"
#include "version.h"

namespace heliosdb::shell {
namespace {

// Splits a meta-command's arguments on whitespace; '...' keeps spaces ('' is a quote).
std::vector<std::string> Arguments(const std::string& text) {
  std::vector<std::string> args;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    std::string arg;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') {
      if (text[i] == '\'') {
        for (++i; i < text.size(); ++i) {
          if (text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            arg += '\'';
            ++i;
          } else if (text[i] == '\'') {
            ++i;
            break;
          } else {
            arg += text[i];
          }
        }
      } else {
        arg += text[i++];
      }
    }
    args.push_back(arg);
  }
  return args;
}

// \timing and \x: no argument toggles; on/off set. Returns false for a bad value.
bool Toggle(const std::vector<std::string>& args, bool* flag, const char* name) {
  if (args.empty()) {
    *flag = !*flag;
  } else if (args[0] == "on" || args[0] == "true" || args[0] == "1") {
    *flag = true;
  } else if (args[0] == "off" || args[0] == "false" || args[0] == "0") {
    *flag = false;
  } else {
    std::fprintf(stderr, "unrecognized value \"%s\" for \"%s\": Boolean expected\n",
                 args[0].c_str(), name);
    return false;
  }
  return true;
}

MetaStatus Describe(Shell* shell, const std::string& cmd, const std::vector<std::string>& args) {
  std::string base = cmd;
  while (base.size() > 2 && (base.back() == '+' || base.back() == 'S')) base.pop_back();
  std::string pattern = args.empty() ? "" : args[0];
  bool ok = true;
  if (base == "\\d" && !pattern.empty()) {
    ok = DescribeRelation(shell, pattern);
  } else if (base == "\\d") {
    ok = ListRelations(shell, RelationKind::kAny, "");
  } else if (base == "\\dt") {
    ok = ListRelations(shell, RelationKind::kTable, pattern);
  } else if (base == "\\dv") {
    ok = ListRelations(shell, RelationKind::kView, pattern);
  } else if (base == "\\di") {
    ok = ListRelations(shell, RelationKind::kIndex, pattern);
  } else if (base == "\\ds") {
    ok = ListRelations(shell, RelationKind::kSequence, pattern);
  } else {
    std::fprintf(stderr, "invalid command %s\nTry \\? for help.\n", cmd.c_str());
    return MetaStatus::kError;
  }
  return ok ? MetaStatus::kOk : MetaStatus::kError;
}

}  // namespace

const char* MetaCommandHelp() {
  return "General\n"
         "  \\q                     quit heliosdb-nano\n"
         "  \\?                     show this help\n"
         "  \\timing [on|off]       toggle timing of commands (Time: ... ms)\n"
         "  \\x [on|off]            toggle expanded output\n"
         "  \\echo [STRING]         write string to standard output\n"
         "  \\conninfo              display information about the open database\n"
         "\n"
         "Input\n"
         "  \\i FILE                execute commands from file\n"
         "  \\g                     execute the query buffer\n"
         "  \\p                     show the query buffer\n"
         "  \\r                     reset (clear) the query buffer\n"
         "  \\set NAME VALUE        set a variable (ON_ERROR_STOP)\n"
         "\n"
         "Informational\n"
         "  \\d                     list tables, views and sequences\n"
         "  \\d NAME                describe table or view (columns, types, indexes)\n"
         "  \\dt [PATTERN]          list tables\n"
         "  \\di [PATTERN]          list indexes\n"
         "  \\dv [PATTERN]          list views\n"
         "  \\ds [PATTERN]          list sequences\n";
}

MetaStatus RunMetaCommand(Shell* shell, const std::string& line) {
  size_t end = line.find_first_of(" \t");
  std::string cmd = line.substr(0, end);
  std::string rest = end == std::string::npos ? "" : line.substr(end + 1);
  std::vector<std::string> args = Arguments(rest);
  FILE* out = shell->out();
  if (cmd == "\\q" || cmd == "\\quit") {
    shell->set_quit();
  } else if (cmd == "\\timing") {
    if (!Toggle(args, &shell->timing, "\\timing")) return MetaStatus::kError;
    std::fprintf(out, "Timing is %s.\n", shell->timing ? "on" : "off");
  } else if (cmd == "\\x") {
    if (!Toggle(args, &shell->expanded, "\\x")) return MetaStatus::kError;
    std::fprintf(out, "Expanded display is %s.\n", shell->expanded ? "on" : "off");
  } else if (cmd == "\\?" || cmd == "\\h" || cmd == "\\help") {
    std::fputs(MetaCommandHelp(), out);
  } else if (cmd == "\\echo") {
    std::string text;
    for (size_t i = 0; i < args.size(); ++i) text += (i ? " " : "") + args[i];
    std::fprintf(out, "%s\n", text.c_str());
  } else if (cmd == "\\conninfo") {
    std::fprintf(out, "You are connected to database \"%s\" (HeliosDB Nano %s, embedded).\n",
                 shell->path().c_str(), kHeliosVersion);
  } else if (cmd == "\\i" || cmd == "\\include" || cmd == "\\ir") {
    if (args.empty()) {
      std::fprintf(stderr, "\\i: missing required argument\n");
      return MetaStatus::kError;
    }
    return shell->IncludeFile(args[0]) ? MetaStatus::kOk : MetaStatus::kError;
  } else if (cmd == "\\set") {
    if (args.empty()) return MetaStatus::kOk;
    shell->SetVariable(args[0], args.size() > 1 ? args[1] : "");
  } else if (cmd.rfind("\\d", 0) == 0) {
    return Describe(shell, cmd, args);
  } else {
    std::fflush(stdout);
    std::fprintf(stderr, "invalid command %s\nTry \\? for help.\n", cmd.c_str());
    return MetaStatus::kError;
  }
  return MetaStatus::kOk;
}

}  // namespace heliosdb::shell
