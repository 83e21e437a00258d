// DROP, ALTER TABLE / ALTER SEQUENCE, TRUNCATE and COMMENT ON.
#include "parser/parser_impl.h"

namespace heliosdb::parser {

ast::StatementPtr ParserImpl::ParseDrop() {
  auto s = MakeNode<ast::DropStmt>(Next().location);
  using Object = ast::DropStmt::Object;
  if (AcceptKw("table")) {
    s->object = Object::kTable;
  } else if (AcceptKw("index")) {
    s->object = Object::kIndex;
    AcceptKw("concurrently");
  } else if (AcceptKw("view")) {
    s->object = Object::kView;
  } else if (AcceptKw("materialized")) {
    ExpectKw("view");
    s->object = Object::kMaterializedView;
  } else if (AcceptKw("sequence")) {
    s->object = Object::kSequence;
  } else if (AcceptKw("schema")) {
    s->object = Object::kSchema;
  } else {
    SyntaxErrorHere();
  }
  if (AcceptKw("if")) {
    ExpectKw("exists");
    s->if_exists = true;
  }
  s->names = ParseQualifiedNameList();
  if (AcceptKw("cascade")) {
    s->cascade = true;
  } else {
    AcceptKw("restrict");
  }
  return s;
}

ast::StatementPtr ParserImpl::ParseAlter() {
  Next();  // ALTER
  if (PeekKw("table")) return ParseAlterTable();
  if (PeekKw("sequence")) return ParseCreateSequence(true);
  SyntaxErrorHere();
}

ast::StatementPtr ParserImpl::ParseAlterTable() {
  auto s = MakeNode<ast::AlterTableStmt>(Next().location);
  if (AcceptKw("if")) {
    ExpectKw("exists");
    s->if_exists = true;
  }
  AcceptKw("only");
  s->table = ParseQualifiedName();
  do {
    s->actions.push_back(ParseAlterTableAction());
  } while (AcceptOp(","));
  return s;
}

ast::AlterTableAction ParserImpl::ParseAlterTableAction() {
  using Type = ast::AlterTableAction::Type;
  ast::AlterTableAction a;
  a.location = Loc();
  if (AcceptKw("add")) {
    if (PeekTableConstraint()) {
      a.type = Type::kAddConstraint;
      a.constraint = ParseTableConstraint();
      return a;
    }
    AcceptKw("column");
    if (AcceptKw("if")) {
      ExpectKw("not");
      ExpectKw("exists");
      a.if_exists = true;
    }
    a.type = Type::kAddColumn;
    a.column = ParseColumnDef();
    return a;
  }
  if (AcceptKw("drop")) {
    a.type = AcceptKw("constraint") ? Type::kDropConstraint : Type::kDropColumn;
    if (a.type == Type::kDropColumn) AcceptKw("column");
    if (AcceptKw("if")) {
      ExpectKw("exists");
      a.if_exists = true;
    }
    a.name = ParseColId();
    if (AcceptKw("cascade")) {
      a.cascade = true;
    } else {
      AcceptKw("restrict");
    }
    return a;
  }
  if (AcceptKw("rename")) {
    if (AcceptKw("to")) {
      a.type = Type::kRenameTable;
      a.new_name = ParseColId();
      return a;
    }
    a.type = AcceptKw("constraint") ? Type::kRenameConstraint : Type::kRenameColumn;
    if (a.type == Type::kRenameColumn) AcceptKw("column");
    a.name = ParseColId();
    ExpectKw("to");
    a.new_name = ParseColId();
    return a;
  }
  if (AcceptKw("alter")) {
    AcceptKw("column");
    auto action = ParseAlterColumnAction();
    action.location = a.location;
    return action;
  }
  if (PeekKw("set") && PeekOp("(", 1)) {
    Next();
    a.type = Type::kSetOptions;
    a.options = ParseOptionList();
    return a;
  }
  SyntaxErrorHere();
}

ast::AlterTableAction ParserImpl::ParseAlterColumnAction() {
  using Type = ast::AlterTableAction::Type;
  ast::AlterTableAction a;
  a.name = ParseColId();
  if (PeekKw("type") || (PeekKw("set") && PeekKw("data", 1))) {
    if (AcceptKw("set")) Next();
    ExpectKw("type");
    a.type = Type::kAlterColumnType;
    a.new_type = ParseTypeName();
    if (AcceptKw("collate")) ParseQualifiedName();
    if (AcceptKw("using")) a.expr = ParseExpr();
  } else if (AcceptKw("set")) {
    if (AcceptKw("default")) {
      a.type = Type::kSetDefault;
      a.expr = ParseExpr();
    } else if (AcceptKw("not")) {
      ExpectKw("null");
      a.type = Type::kSetNotNull;
    } else if (PeekOp("(")) {
      a.type = Type::kSetColumnOptions;
      a.options = ParseOptionList();
    } else {
      SyntaxErrorHere();
    }
  } else if (AcceptKw("drop")) {
    if (AcceptKw("default")) {
      a.type = Type::kDropDefault;
    } else {
      ExpectKw("not");
      ExpectKw("null");
      a.type = Type::kDropNotNull;
    }
  } else {
    SyntaxErrorHere();
  }
  return a;
}

ast::StatementPtr ParserImpl::ParseTruncate() {
  auto s = MakeNode<ast::TruncateStmt>(Next().location);
  AcceptKw("table");
  do {
    AcceptKw("only");
    s->tables.push_back(ParseQualifiedName());
  } while (AcceptOp(","));
  if (AcceptKw("restart")) {
    ExpectKw("identity");
    s->restart_identity = true;
  } else if (AcceptKw("continue")) {
    ExpectKw("identity");
  }
  if (AcceptKw("cascade")) {
    s->cascade = true;
  } else {
    AcceptKw("restrict");
  }
  return s;
}

ast::StatementPtr ParserImpl::ParseComment() {
  auto s = MakeNode<ast::CommentStmt>(Next().location);
  ExpectKw("on");
  if (AcceptKw("materialized")) {
    ExpectKw("view");
    s->object_type = "materialized view";
  } else if (PeekKw("table") || PeekKw("column") || PeekKw("index") || PeekKw("view") ||
             PeekKw("schema") || PeekKw("sequence")) {
    s->object_type = Next().text;
  } else {
    SyntaxErrorHere();
  }
  s->name = ParseQualifiedName();
  ExpectKw("is");
  if (AcceptKw("null")) {
    s->is_null = true;
  } else if (Peek().type == TokenType::kString) {
    s->comment = Next().text;
  } else {
    SyntaxErrorHere();
  }
  return s;
}

}  // namespace heliosdb::parser
