// CREATE TABLE (columns, constraints, WITH options, AS query), CREATE INDEX, CREATE SCHEMA,
// CREATE / ALTER SEQUENCE and CREATE [MATERIALIZED] VIEW.
#include "parser/parser_impl.h"

namespace heliosdb::parser {

ast::StatementPtr ParserImpl::ParseCreate() {
  Next();  // CREATE
  bool or_replace = false;
  if (AcceptKw("or")) {
    ExpectKw("replace");
    or_replace = true;
  }
  if ((PeekKw("global") || PeekKw("local")) && (PeekKw("temp", 1) || PeekKw("temporary", 1))) {
    Next();
  }
  bool temporary = AcceptKw("temp") || AcceptKw("temporary");
  if (!temporary) AcceptKw("unlogged");
  if (PeekKw("table")) return ParseCreateTable(temporary);
  if (AcceptKw("unique")) {
    if (!PeekKw("index")) SyntaxErrorHere();
    return ParseCreateIndex(true);
  }
  if (PeekKw("index")) return ParseCreateIndex(false);
  if (AcceptKw("schema")) {
    auto s = MakeNode<ast::CreateSchemaStmt>(Prev().location);
    if (AcceptKw("if")) {
      ExpectKw("not");
      ExpectKw("exists");
      s->if_not_exists = true;
    }
    s->name = ParseColId();
    if (AcceptKw("authorization")) ParseColId();
    return s;
  }
  if (PeekKw("sequence")) return ParseCreateSequence(false);
  if (AcceptKw("materialized")) return ParseCreateView(or_replace, true);
  if (PeekKw("view")) return ParseCreateView(or_replace, false);
  if (PeekKw("database") && PeekKw("branch", 1)) return ParseCreateBranch();
  SyntaxErrorHere();
}

ast::StatementPtr ParserImpl::ParseCreateTable(bool temporary) {
  auto s = MakeNode<ast::CreateTableStmt>(Next().location);
  s->temporary = temporary;
  if (AcceptKw("if")) {
    ExpectKw("not");
    ExpectKw("exists");
    s->if_not_exists = true;
  }
  s->name = ParseQualifiedName();
  if (PeekOp("(") && IsColumnNameListThenAs()) {
    // CREATE TABLE t (a, b) AS query: names for the query's columns.
    for (const auto& name : ParseParenNameList()) {
      ast::ColumnDef column;
      column.name = name;
      s->columns.push_back(std::move(column));
    }
  } else if (AcceptOp("(")) {
    if (!PeekOp(")")) {
      do {
        if (PeekTableConstraint()) {
          s->constraints.push_back(ParseTableConstraint());
        } else if (PeekKw("like")) {
          ThrowError(sqlstate::kFeatureNotSupported, "CREATE TABLE ... LIKE is not supported",
                     Loc());
        } else {
          s->columns.push_back(ParseColumnDef());
        }
      } while (AcceptOp(","));
    }
    ExpectOp(")");
    if (PeekKw("with") && PeekOp("(", 1)) {
      Next();
      s->options = ParseOptionList();
    }
    return s;
  }
  if (PeekKw("with") && PeekOp("(", 1)) {
    Next();
    s->options = ParseOptionList();
  }
  ExpectKw("as");
  s->as_select = ParseQuery();
  if (PeekKw("with") && (PeekKw("data", 1) || (PeekKw("no", 1) && PeekKw("data", 2)))) {
    Next();
    s->with_no_data = AcceptKw("no");
    ExpectKw("data");
  }
  return s;
}

bool ParserImpl::IsColumnNameListThenAs() const {
  // ( ident [, ident]... ) AS | WITH
  int k = 1;
  while (true) {
    if (!PeekIdent(k)) return false;
    if (PeekOp(")", k + 1)) return PeekKw("as", k + 2) || PeekKw("with", k + 2);
    if (!PeekOp(",", k + 1)) return false;
    k += 2;
  }
}

ast::ColumnDef ParserImpl::ParseColumnDef() {
  ast::ColumnDef column;
  column.location = Loc();
  column.name = ParseColId();
  column.type = ParseTypeName();
  while (ParseColumnConstraint(&column)) {
  }
  return column;
}

// Parses one column constraint (or an ignored clause such as COLLATE); false when none
// starts at the current token.
bool ParserImpl::ParseColumnConstraint(ast::ColumnDef* column) {
  ast::ColumnConstraint c;
  c.location = Loc();
  using Type = ast::ColumnConstraint::Type;
  if (AcceptKw("constraint")) c.name = ParseColId();
  if (PeekKw("not") && PeekKw("null", 1)) {
    Next();
    Next();
    c.type = Type::kNotNull;
  } else if (AcceptKw("null")) {
    c.type = Type::kNull;
  } else if (AcceptKw("default")) {
    c.type = Type::kDefault;
    c.expr = ParseComparison();
  } else if (AcceptKw("primary")) {
    ExpectKw("key");
    c.type = Type::kPrimaryKey;
  } else if (AcceptKw("unique")) {
    c.type = Type::kUnique;
    if (AcceptKw("nulls")) {
      AcceptKw("not");
      ExpectKw("distinct");
    }
  } else if (AcceptKw("check")) {
    c.type = Type::kCheck;
    ExpectOp("(");
    c.expr = ParseExpr();
    ExpectOp(")");
  } else if (AcceptKw("references")) {
    c.type = Type::kReferences;
    ParseReferences(&c.fk);
  } else if (AcceptKw("generated")) {
    c.identity_always = AcceptKw("always");
    if (!c.identity_always) {
      ExpectKw("by");
      ExpectKw("default");
    }
    ExpectKw("as");
    if (AcceptKw("identity")) {
      c.type = Type::kIdentity;
      if (AcceptOp("(")) {
        while (!AcceptOp(")")) {
          if (!ParseSequenceOption(&c.sequence_options)) SyntaxErrorHere();
        }
      }
    } else {
      c.type = Type::kGenerated;
      ExpectOp("(");
      c.expr = ParseExpr();
      ExpectOp(")");
      ExpectKw("stored");
    }
  } else if (!c.name.empty()) {
    SyntaxErrorHere();
  } else if (AcceptKw("collate")) {
    ParseQualifiedName();  // collations are not modelled; accepted for compatibility
    return true;
  } else if (PeekKw("with") && PeekOp("(", 1)) {
    Next();
    for (auto& option : ParseOptionList()) column->options.push_back(std::move(option));
    return true;
  } else if (AcceptKw("compression")) {
    int loc = Loc();
    column->options.emplace_back("compression", MakeStringConstant(ParseColLabel(), loc));
    return true;
  } else if (PeekKw("deferrable") || PeekKw("initially") ||
             (PeekKw("not") && PeekKw("deferrable", 1))) {
    SkipConstraintAttributes();
    return true;
  } else {
    return false;
  }
  SkipConstraintAttributes();
  column->constraints.push_back(std::move(c));
  return true;
}

void ParserImpl::SkipConstraintAttributes() {
  while (true) {
    if (AcceptKw("deferrable")) continue;
    if (PeekKw("not") && (PeekKw("deferrable", 1) || PeekKw("valid", 1))) {
      Next();
      Next();
    } else if (AcceptKw("initially")) {
      if (!AcceptKw("deferred")) ExpectKw("immediate");
    } else if (PeekKw("no") && PeekKw("inherit", 1)) {
      Next();
      Next();
    } else {
      return;
    }
  }
}

void ParserImpl::ParseReferences(ast::ForeignKeySpec* fk) {
  fk->ref_table = ParseQualifiedName();
  if (PeekOp("(")) fk->ref_columns = ParseParenNameList();
  while (true) {
    if (AcceptKw("match")) {
      fk->match_full = AcceptKw("full");
      if (!fk->match_full && !AcceptKw("simple")) ExpectKw("partial");
    } else if (PeekKw("on") && (PeekKw("delete", 1) || PeekKw("update", 1))) {
      Next();
      bool on_delete = Next().text == "delete";
      ast::RefAction action;
      if (AcceptKw("no")) {
        ExpectKw("action");
        action = ast::RefAction::kNoAction;
      } else if (AcceptKw("restrict")) {
        action = ast::RefAction::kRestrict;
      } else if (AcceptKw("cascade")) {
        action = ast::RefAction::kCascade;
      } else {
        ExpectKw("set");
        if (AcceptKw("null")) {
          action = ast::RefAction::kSetNull;
        } else {
          ExpectKw("default");
          action = ast::RefAction::kSetDefault;
        }
        if (PeekOp("(")) ParseParenNameList();
      }
      (on_delete ? fk->on_delete : fk->on_update) = action;
    } else {
      return;
    }
  }
}

bool ParserImpl::PeekTableConstraint() const {
  return PeekKw("constraint") || PeekKw("primary") || PeekKw("unique") || PeekKw("check") ||
         PeekKw("foreign");
}

ast::TableConstraint ParserImpl::ParseTableConstraint() {
  ast::TableConstraint c;
  c.location = Loc();
  using Type = ast::TableConstraint::Type;
  if (AcceptKw("constraint")) c.name = ParseColId();
  if (AcceptKw("primary")) {
    ExpectKw("key");
    c.type = Type::kPrimaryKey;
    c.columns = ParseParenNameList();
  } else if (AcceptKw("unique")) {
    c.type = Type::kUnique;
    if (AcceptKw("nulls")) {
      AcceptKw("not");
      ExpectKw("distinct");
    }
    c.columns = ParseParenNameList();
  } else if (AcceptKw("check")) {
    c.type = Type::kCheck;
    ExpectOp("(");
    c.check = ParseExpr();
    ExpectOp(")");
  } else if (AcceptKw("foreign")) {
    ExpectKw("key");
    c.type = Type::kForeignKey;
    c.columns = ParseParenNameList();
    ExpectKw("references");
    ParseReferences(&c.fk);
  } else {
    SyntaxErrorHere();
  }
  SkipConstraintAttributes();
  return c;
}

ast::StatementPtr ParserImpl::ParseCreateIndex(bool unique) {
  auto s = MakeNode<ast::CreateIndexStmt>(Next().location);  // INDEX
  s->unique = unique;
  s->concurrently = AcceptKw("concurrently");
  if (AcceptKw("if")) {
    ExpectKw("not");
    ExpectKw("exists");
    s->if_not_exists = true;
    s->name = ParseColId();
  } else if (!PeekKw("on")) {
    s->name = ParseColId();
  }
  ExpectKw("on");
  AcceptKw("only");
  s->table = ParseQualifiedName();
  s->method = AcceptKw("using") ? ParseColId() : "btree";
  ExpectOp("(");
  do {
    s->elements.push_back(ParseIndexElement());
  } while (AcceptOp(","));
  ExpectOp(")");
  if (AcceptKw("include")) s->include = ParseParenNameList();
  if (AcceptKw("nulls")) {
    AcceptKw("not");
    ExpectKw("distinct");
  }
  if (PeekKw("with") && PeekOp("(", 1)) {
    Next();
    s->options = ParseOptionList();
  }
  if (AcceptKw("where")) s->where = ParseExpr();
  return s;
}

ast::IndexElement ParserImpl::ParseIndexElement() {
  ast::IndexElement e;
  e.location = Loc();
  if (AcceptOp("(")) {
    e.expr = ParseExpr();
    ExpectOp(")");
  } else if (IsColIdToken(Peek()) && !PeekOp("(", 1) && !PeekOp(".", 1)) {
    e.column = ParseColId();
  } else {
    e.expr = ParsePrimary();  // a function call: lower(name)
  }
  if (AcceptKw("collate")) ParseQualifiedName();
  if (IsColIdToken(Peek()) && !PeekKw("nulls")) {
    for (const auto& part : ParseQualifiedName()) {
      e.opclass += (e.opclass.empty() ? "" : ".") + part;
    }
    if (PeekOp("(")) ParseOptionList();
  }
  if (AcceptKw("desc")) {
    e.descending = true;
  } else {
    AcceptKw("asc");
  }
  if (AcceptKw("nulls")) {
    if (AcceptKw("first")) {
      e.nulls_first = true;
    } else {
      ExpectKw("last");
      e.nulls_first = false;
    }
  }
  return e;
}

ast::StatementPtr ParserImpl::ParseCreateSequence(bool alter) {
  auto s = MakeNode<ast::CreateSequenceStmt>(Next().location);  // SEQUENCE
  if (alter) s->kind = ast::StmtKind::kAlterSequence;
  if (AcceptKw("if")) {
    if (alter) {
      s->if_exists = true;
    } else {
      ExpectKw("not");
      s->if_not_exists = true;
    }
    ExpectKw("exists");
  }
  s->name = ParseQualifiedName();
  while (ParseSequenceOption(&s->options)) {
  }
  return s;
}

bool ParserImpl::ParseSequenceOption(ast::OptionList* options) {
  int loc = Loc();
  auto flag = [&](bool value) {
    auto c = MakeNode<ast::ConstantExpr>(loc);
    c->type = value ? ast::ConstantExpr::Type::kTrue : ast::ConstantExpr::Type::kFalse;
    return c;
  };
  if (AcceptKw("as")) {
    options->emplace_back("as", MakeStringConstant(ParseTypeName().name, loc));
  } else if (AcceptKw("increment")) {
    AcceptKw("by");
    options->emplace_back("increment", ParseSignedNumber());
  } else if (PeekKw("minvalue") || PeekKw("maxvalue") || PeekKw("cache")) {
    std::string key = Next().text;
    options->emplace_back(std::move(key), ParseSignedNumber());
  } else if (AcceptKw("no")) {
    if (PeekKw("minvalue") || PeekKw("maxvalue")) {
      options->emplace_back(Next().text, nullptr);
    } else {
      ExpectKw("cycle");
      options->emplace_back("cycle", flag(false));
    }
  } else if (AcceptKw("cycle")) {
    options->emplace_back("cycle", flag(true));
  } else if (AcceptKw("start")) {
    AcceptKw("with");
    options->emplace_back("start", ParseSignedNumber());
  } else if (AcceptKw("restart")) {
    bool with = AcceptKw("with");
    bool number = Peek().type == TokenType::kInteger || PeekOp("-") || PeekOp("+");
    options->emplace_back("restart", with || number ? ParseSignedNumber() : nullptr);
  } else if (PeekKw("owned") && PeekKw("by", 1)) {
    Next();
    Next();
    std::string owner = "none";
    if (!AcceptKw("none")) {
      owner.clear();
      for (const auto& part : ParseQualifiedName()) owner += (owner.empty() ? "" : ".") + part;
    }
    options->emplace_back("owned_by", MakeStringConstant(owner, loc));
  } else if (PeekKw("sequence") && PeekKw("name", 1)) {
    Next();
    Next();
    std::string name;
    for (const auto& part : ParseQualifiedName()) name += (name.empty() ? "" : ".") + part;
    options->emplace_back("sequence_name", MakeStringConstant(name, loc));
  } else {
    return false;
  }
  return true;
}

ast::StatementPtr ParserImpl::ParseCreateView(bool or_replace, bool materialized) {
  auto s = MakeNode<ast::CreateViewStmt>(Loc());
  ExpectKw("view");
  s->or_replace = or_replace;
  s->materialized = materialized;
  if (AcceptKw("if")) {
    ExpectKw("not");
    ExpectKw("exists");
    s->if_not_exists = true;
  }
  s->name = ParseQualifiedName();
  if (PeekOp("(")) s->columns = ParseParenNameList();
  if (PeekKw("with") && PeekOp("(", 1)) {
    Next();
    s->options = ParseOptionList();
  }
  ExpectKw("as");
  int first = static_cast<int>(pos_);
  s->query = ParseQuery();
  s->query_text = TokenSource(first, static_cast<int>(pos_) - 1);
  // Trailing clauses: WITH [NO] DATA, WITH CHECK OPTION, and HeliosDB's WITH (options)
  // after the query (CREATE MATERIALIZED VIEW v AS SELECT ... WITH (auto_refresh = true)).
  while (PeekKw("with")) {
    if (PeekOp("(", 1)) {
      Next();
      for (auto& option : ParseOptionList()) s->options.push_back(std::move(option));
    } else if (PeekKw("data", 1) || PeekKw("no", 1)) {
      Next();
      s->with_no_data = AcceptKw("no");
      ExpectKw("data");
    } else if (PeekKw("check", 1) || PeekKw("cascaded", 1) || PeekKw("local", 1)) {
      Next();
      if (!AcceptKw("cascaded")) AcceptKw("local");
      ExpectKw("check");
      ExpectKw("option");
    } else {
      SyntaxError(Peek(1));
    }
  }
  return s;
}

}  // namespace heliosdb::parser
