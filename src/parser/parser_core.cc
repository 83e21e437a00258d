// Token access, names, option lists, nesting limits and the statement dispatcher.
#include <pthread.h>

#include <algorithm>

#include "common/types/string_type.h"
#include "parser/lexer.h"
#include "parser/parser.h"
#include "parser/parser_impl.h"

namespace heliosdb::parser {

namespace {

// PostgreSQL's "stack depth limit exceeded" (54001 statement_too_complex).
constexpr const char* kStatementTooComplex = "54001";
constexpr int kMaxDepth = 1000;
constexpr uintptr_t kMaxStackBytes = 2u << 20;
constexpr uintptr_t kStackMargin = 256u << 10;

// How many bytes of the current thread's stack lie below `here`.
uintptr_t StackAvailable(uintptr_t here) {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return kMaxStackBytes * 2;
  void* low = nullptr;
  size_t size = 0;
  pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  auto bottom = reinterpret_cast<uintptr_t>(low);
  return here > bottom ? here - bottom : 0;
}

}  // namespace

ast::ExprPtr MakeStringConstant(std::string text, int location) {
  auto c = MakeNode<ast::ConstantExpr>(location);
  c->type = ast::ConstantExpr::Type::kString;
  c->text = std::move(text);
  return c;
}

ast::ExprPtr MakeIntegerConstant(std::string text, int location) {
  auto c = MakeNode<ast::ConstantExpr>(location);
  c->type = ast::ConstantExpr::Type::kInteger;
  c->text = std::move(text);
  return c;
}

ParserImpl::ParserImpl(std::string_view sql) : sql_(sql) {
  tokens_ = Lexer(sql).Tokenize();
  paren_match_.assign(tokens_.size(), -1);
  std::vector<int> open;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (tokens_[i].type != TokenType::kOperator) continue;
    if (tokens_[i].text == "(") {
      open.push_back(static_cast<int>(i));
    } else if (tokens_[i].text == ")" && !open.empty()) {
      paren_match_[open.back()] = static_cast<int>(i);
      open.pop_back();
    }
  }
}

const Token& ParserImpl::Peek(int k) const {
  size_t i = pos_ + static_cast<size_t>(k);
  return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

const Token& ParserImpl::Next() {
  const Token& t = Peek();
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return t;
}

bool ParserImpl::PeekKw(std::string_view kw, int k) const {
  const Token& t = Peek(k);
  return t.type == TokenType::kIdent && !t.quoted && t.text == kw;
}

bool ParserImpl::AcceptKw(std::string_view kw) {
  if (!PeekKw(kw)) return false;
  Next();
  return true;
}

void ParserImpl::ExpectKw(std::string_view kw) {
  if (!AcceptKw(kw)) SyntaxErrorHere();
}

bool ParserImpl::PeekOp(std::string_view op, int k) const {
  const Token& t = Peek(k);
  return t.type == TokenType::kOperator && t.text == op;
}

bool ParserImpl::AcceptOp(std::string_view op) {
  if (!PeekOp(op)) return false;
  Next();
  return true;
}

void ParserImpl::ExpectOp(std::string_view op) {
  if (!AcceptOp(op)) SyntaxErrorHere();
}

void ParserImpl::SyntaxError(const Token& t) const {
  if (t.type == TokenType::kEnd) {
    ThrowError(sqlstate::kSyntaxError, "syntax error at end of input", t.location);
  }
  ThrowError(sqlstate::kSyntaxError,
             "syntax error at or near \"" +
                 std::string(sql_.substr(t.byte_begin, t.byte_end - t.byte_begin)) + "\"",
             t.location);
}

void ParserImpl::Error(const std::string& message, int location) const {
  ThrowError(sqlstate::kSyntaxError, message, location);
}

void ParserImpl::EnterDepth() {
  char probe = 0;
  auto here = reinterpret_cast<uintptr_t>(&probe);
  ++depth_;
  if (depth_ > kMaxDepth || (here < stack_base_ && stack_base_ - here > stack_budget_)) {
    ThrowError(kStatementTooComplex, "stack depth limit exceeded", Loc());
  }
}

std::string ParserImpl::TokenSource(int first, int last) const {
  if (last < first) return "";
  int begin = tokens_[first].byte_begin;
  return std::string(sql_.substr(begin, tokens_[last].byte_end - begin));
}

// ---------------------------------------------------------------- names

bool ParserImpl::IsColIdToken(const Token& t) const {
  return t.type == TokenType::kIdent && (t.quoted || t.keyword == KeywordCategory::kNone ||
                                         t.keyword == KeywordCategory::kColName);
}

bool ParserImpl::IsBareLabel(const Token& t) const {
  return t.type == TokenType::kIdent && (t.quoted || t.keyword == KeywordCategory::kNone);
}

std::string ParserImpl::ParseColId() {
  if (!IsColIdToken(Peek())) SyntaxErrorHere();
  return Next().text;
}

std::string ParserImpl::ParseColLabel() {
  if (!PeekIdent()) SyntaxErrorHere();
  return Next().text;
}

std::string ParserImpl::ParseTypeFunctionName() {
  const Token& t = Peek();
  if (t.type != TokenType::kIdent || !(t.quoted || t.keyword == KeywordCategory::kNone ||
                                       t.keyword == KeywordCategory::kTypeFunc)) {
    SyntaxErrorHere();
  }
  return Next().text;
}

std::vector<std::string> ParserImpl::ParseQualifiedName() {
  std::vector<std::string> names{ParseColId()};
  while (PeekOp(".")) {
    Next();
    names.push_back(ParseColLabel());
  }
  return names;
}

std::vector<std::string> ParserImpl::ParseNameList() {
  std::vector<std::string> names{ParseColId()};
  while (AcceptOp(",")) names.push_back(ParseColId());
  return names;
}

std::vector<std::string> ParserImpl::ParseParenNameList() {
  ExpectOp("(");
  auto names = ParseNameList();
  ExpectOp(")");
  return names;
}

std::vector<std::vector<std::string>> ParserImpl::ParseQualifiedNameList() {
  std::vector<std::vector<std::string>> names;
  do {
    names.push_back(ParseQualifiedName());
  } while (AcceptOp(","));
  return names;
}

ast::ExprPtr ParserImpl::ParseSignedNumber() {
  int loc = Loc();
  std::string sign;
  if (PeekOp("-") || PeekOp("+")) sign = Next().text == "-" ? "-" : "";
  const Token& t = Peek();
  if (t.type != TokenType::kInteger && t.type != TokenType::kNumeric) SyntaxErrorHere();
  auto c = MakeNode<ast::ConstantExpr>(loc);
  c->type = t.type == TokenType::kInteger ? ast::ConstantExpr::Type::kInteger
                                          : ast::ConstantExpr::Type::kNumeric;
  c->text = sign + Next().text;
  return c;
}

// Option values: strings, signed numbers, TRUE / FALSE, or any word (as a lower-case string).
ast::ExprPtr ParserImpl::ParseOptionValue() {
  const Token& t = Peek();
  if (t.type == TokenType::kString) return MakeStringConstant(Next().text, t.location);
  if (t.type == TokenType::kInteger || t.type == TokenType::kNumeric || PeekOp("-") ||
      PeekOp("+")) {
    return ParseSignedNumber();
  }
  if (PeekKw("true") || PeekKw("false")) {
    auto c = MakeNode<ast::ConstantExpr>(t.location);
    c->type =
        Next().text == "true" ? ast::ConstantExpr::Type::kTrue : ast::ConstantExpr::Type::kFalse;
    return c;
  }
  if (t.type == TokenType::kIdent) return MakeStringConstant(Next().text, t.location);
  if (AcceptOp("*")) return MakeStringConstant("*", t.location);
  if (PeekOp("(")) {  // a column list: COPY ... (FORCE_QUOTE (a, b))
    std::string joined;
    for (const auto& name : ParseParenNameList()) joined += (joined.empty() ? "" : ",") + name;
    return MakeStringConstant(joined, t.location);
  }
  SyntaxErrorHere();
}

ast::OptionList ParserImpl::ParseOptionList() {
  ast::OptionList options;
  ExpectOp("(");
  do {
    std::string key = ParseColLabel();
    while (AcceptOp(".")) key += "." + ParseColLabel();
    ast::ExprPtr value;
    if (AcceptOp("=") || !(PeekOp(",") || PeekOp(")"))) value = ParseOptionValue();
    options.emplace_back(std::move(key), std::move(value));
  } while (AcceptOp(","));
  ExpectOp(")");
  return options;
}

// Decides whether the parenthesized group at `index` holds a query (SELECT, VALUES, WITH,
// TABLE, or a parenthesized query followed by a set operation or a query tail) or an
// expression / join, without parsing: "((SELECT 1) + 1)" is an expression.
bool ParserImpl::IsQueryInParens(int index) const {
  while (true) {
    if (index < 0 || index + 1 >= static_cast<int>(tokens_.size())) return false;
    const Token& first = tokens_[index + 1];
    if (first.type == TokenType::kIdent && !first.quoted &&
        (first.text == "select" || first.text == "values" || first.text == "with" ||
         first.text == "table")) {
      return true;
    }
    if (first.type != TokenType::kOperator || first.text != "(") return false;
    int close = paren_match_[index + 1];
    if (close < 0) return false;
    const Token& after = tokens_[close + 1 < static_cast<int>(tokens_.size()) ? close + 1 : close];
    bool query_follow =
        (after.type == TokenType::kOperator && after.text == ")") ||
        (after.type == TokenType::kIdent && !after.quoted &&
         (after.text == "union" || after.text == "intersect" || after.text == "except" ||
          after.text == "order" || after.text == "limit" || after.text == "offset" ||
          after.text == "fetch" || after.text == "for"));
    if (!query_follow) return false;
    ++index;
  }
}

// ---------------------------------------------------------------- statements

std::vector<ast::StatementPtr> ParserImpl::ParseAll() {
  char probe = 0;
  stack_base_ = reinterpret_cast<uintptr_t>(&probe);
  uintptr_t available = StackAvailable(stack_base_);
  stack_budget_ = std::min(kMaxStackBytes,
                           available > 2 * kStackMargin ? available - kStackMargin : available / 2);
  std::vector<ast::StatementPtr> statements;
  while (true) {
    while (AcceptOp(";")) {
    }
    if (AtEnd()) break;
    statements.push_back(ParseStatement());
    if (!AtEnd() && !PeekOp(";")) SyntaxErrorHere();
  }
  return statements;
}

ast::StatementPtr ParserImpl::ParseStatement() {
  DepthGuard guard(this);
  size_t start = pos_;
  ast::StatementPtr stmt = ParseStatementBody();
  stmt->location = tokens_[start].location;
  stmt->end_location = Prev().end_location;
  return stmt;
}

ast::StatementPtr ParserImpl::ParseStatementBody() {
  const Token& t = Peek();
  if (PeekOp("(")) return ParseQuery();
  if (t.type != TokenType::kIdent || t.quoted) SyntaxErrorHere();
  const std::string& w = t.text;
  if (w == "select" || w == "values" || w == "table") return ParseQuery();
  if (w == "with") {
    auto with = ParseWithClause();
    if (PeekKw("insert")) return ParseInsert(std::move(with));
    if (PeekKw("update")) return ParseUpdate(std::move(with));
    if (PeekKw("delete")) return ParseDelete(std::move(with));
    return ParseQuery(std::move(with));
  }
  if (w == "insert") return ParseInsert(nullptr);
  if (w == "update") return ParseUpdate(nullptr);
  if (w == "delete") return ParseDelete(nullptr);
  if (w == "create" && (PeekKw("role", 1) || PeekKw("user", 1) || PeekKw("group", 1))) {
    Next();
    return ParseCreateRole();
  }
  if (w == "create") return ParseCreate();
  if (w == "drop" && (PeekKw("role", 1) || PeekKw("user", 1) || PeekKw("group", 1))) {
    Next();
    return ParseDropRole();
  }
  if (w == "drop") return PeekKw("database", 1) ? ParseDropBranch() : ParseDrop();
  if (w == "alter" && (PeekKw("role", 1) || PeekKw("user", 1))) {
    Next();
    return ParseAlterRole();
  }
  if (w == "alter") return ParseAlter();
  if (w == "grant" || w == "revoke") return ParseGrant();
  if (w == "truncate") return ParseTruncate();
  if (w == "comment") return ParseComment();
  if (w == "begin" || w == "start" || w == "commit" || w == "end" || w == "rollback" ||
      w == "abort" || w == "savepoint" || w == "release") {
    return ParseTransaction();
  }
  if (w == "explain") return ParseExplain();
  if (w == "set") return ParseSet();
  if (w == "show") return ParseShowOrReset(true);
  if (w == "reset") return ParseShowOrReset(false);
  if (w == "prepare") return ParsePrepare();
  if (w == "execute") return ParseExecute();
  if (w == "deallocate") return ParseDeallocate();
  if (w == "copy") return ParseCopy();
  if (w == "analyze" || w == "analyse") return ParseAnalyze(false);
  if (w == "vacuum") return ParseAnalyze(true);
  if (w == "checkpoint") {
    Next();
    return std::make_unique<ast::Statement>(ast::StmtKind::kCheckpoint);
  }
  if (w == "merge" && PeekKw("database", 1)) return ParseMergeBranch();
  if (w == "use") return ParseUseBranch();
  if (w == "restore" && PeekKw("database", 1)) return ParseRestoreDatabase();
  if (w == "refresh") return ParseRefresh();
  SyntaxErrorHere();
}

}  // namespace heliosdb::parser

namespace heliosdb {

std::vector<ast::StatementPtr> Parser::ParseAll(std::string_view sql) {
  CheckUtf8(sql);  // PostgreSQL refuses a statement that is not valid UTF-8 before parsing it
  return parser::ParserImpl(sql).ParseAll();
}

}  // namespace heliosdb
