// CREATE / ALTER / DROP ROLE (and USER, GROUP) and GRANT / REVOKE, as in PostgreSQL's gram.y.
#include "parser/parser_impl.h"

namespace heliosdb::parser {

std::string ParserImpl::ParseRoleName() {
  if (Peek().type == TokenType::kString) return Next().text;
  return ParseColId();
}

ast::StatementPtr ParserImpl::ParseCreateRole() {
  int loc = Loc();
  bool is_user = PeekKw("user");
  Next();  // ROLE | USER | GROUP
  auto s = std::make_unique<ast::RoleStmt>(ast::StmtKind::kCreateRole);
  s->location = loc;
  s->is_user = is_user;
  s->names.push_back(ParseRoleName());
  ParseRoleOptions(s.get());
  return s;
}

ast::StatementPtr ParserImpl::ParseAlterRole() {
  int loc = Loc();
  Next();  // ROLE | USER
  auto s = std::make_unique<ast::RoleStmt>(ast::StmtKind::kAlterRole);
  s->location = loc;
  s->names.push_back(ParseRoleName());
  if (AcceptKw("rename")) {
    ExpectKw("to");
    s->new_name = ParseRoleName();
    return s;
  }
  ParseRoleOptions(s.get());
  return s;
}

ast::StatementPtr ParserImpl::ParseDropRole() {
  int loc = Loc();
  Next();  // ROLE | USER | GROUP
  auto s = std::make_unique<ast::RoleStmt>(ast::StmtKind::kDropRole);
  s->location = loc;
  if (AcceptKw("if")) {
    ExpectKw("exists");
    s->if_exists = true;
  }
  do {
    s->names.push_back(ParseRoleName());
  } while (AcceptOp(","));
  return s;
}

void ParserImpl::ParseRoleOptions(ast::RoleStmt* s) {
  AcceptKw("with");
  static const char* kFlags[] = {"superuser", "login",       "createdb", "createrole",
                                 "inherit",   "replication", "bypassrls"};
  while (PeekIdent() && !Peek().quoted) {
    const std::string& w = Peek().text;
    bool matched = false;
    for (const char* flag : kFlags) {
      std::string name = flag;
      if (w == name || w == "no" + name) {
        s->flags[name] = w == name;
        Next();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (w == "password" || w == "encrypted") {
      Next();
      if (Prev().text == "encrypted") ExpectKw("password");
      if (AcceptKw("null")) {
        s->password_null = true;
      } else if (Peek().type == TokenType::kString) {
        s->password = Next().text;
      } else {
        SyntaxErrorHere();
      }
    } else if (w == "in" && (PeekKw("role", 1) || PeekKw("group", 1))) {
      Next();
      Next();
      do {
        s->in_roles.push_back(ParseRoleName());
      } while (AcceptOp(","));
    } else if (w == "connection" && PeekKw("limit", 1)) {
      Next();
      Next();
      AcceptOp("-");
      if (Peek().type != TokenType::kInteger) SyntaxErrorHere();
      Next();  // accepted and not enforced per role
    } else if (w == "valid" && PeekKw("until", 1)) {
      Next();
      Next();
      if (Peek().type != TokenType::kString) SyntaxErrorHere();
      Next();  // accepted; passwords do not expire here
    } else {
      SyntaxErrorHere();
    }
  }
}

ast::StatementPtr ParserImpl::ParseGrant() {
  auto s = MakeNode<ast::GrantStmt>(Loc());
  s->grant = Next().text == "grant";
  if (!s->grant && PeekKw("grant") && PeekKw("option", 1))
    Error("REVOKE GRANT OPTION FOR is not supported", Loc());
  // Privileges, or role names for GRANT role TO role.
  if (AcceptKw("all")) {
    AcceptKw("privileges");
  } else {
    do {
      std::string word = ParseColLabel();
      if (PeekOp("(")) Error("column privileges are not supported", Loc());
      s->privileges.push_back(word);
    } while (AcceptOp(","));
  }
  if (!AcceptKw("on")) {
    if (s->privileges.empty()) SyntaxErrorHere();
    s->roles = true;
  } else if (AcceptKw("all")) {
    ExpectKw("tables");
    ExpectKw("in");
    ExpectKw("schema");
    s->all_tables_in_schema = true;
    do {
      s->objects.push_back({ParseColId()});
    } while (AcceptOp(","));
  } else {
    if (PeekKw("sequence") || PeekKw("schema") || PeekKw("function") || PeekKw("database"))
      Error("GRANT and REVOKE support tables and views only", Loc());
    AcceptKw("table");
    s->objects = ParseQualifiedNameList();
  }
  if (s->grant) {
    ExpectKw("to");
  } else {
    ExpectKw("from");
  }
  do {
    if (AcceptKw("public")) {
      s->grantees.push_back("");
    } else {
      AcceptKw("group");
      s->grantees.push_back(ParseRoleName());
    }
  } while (AcceptOp(","));
  if (s->grant && AcceptKw("with")) {
    // Accepted for compatibility: grants here carry no grant option.
    if (!AcceptKw("grant") && !AcceptKw("admin")) SyntaxErrorHere();
    ExpectKw("option");
  }
  if (AcceptKw("granted")) {
    ExpectKw("by");
    ParseRoleName();
  }
  if (!s->grant) {
    if (AcceptKw("cascade")) {
      s->cascade = true;
    } else {
      AcceptKw("restrict");
    }
  }
  return s;
}

}  // namespace heliosdb::parser
