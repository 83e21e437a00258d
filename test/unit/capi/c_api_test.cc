// The C API (include/heliosdb.h) against the engine: open, exec, prepare/bind/step, column
// access, errors with SQLSTATEs, and cleanup of statements left open at close.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "heliosdb.h"

namespace {

class CApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "heliosdb-capi-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/test.heliosdb";
    ASSERT_EQ(helios_open(path_.c_str(), &db_), HELIOS_OK) << helios_errmsg(db_);
  }
  void TearDown() override {
    helios_close(db_);
    std::filesystem::remove_all(dir_);
  }

  void Exec(const char* sql) {
    char* err = nullptr;
    ASSERT_EQ(helios_exec(db_, sql, nullptr, nullptr, &err), HELIOS_OK) << (err ? err : "");
    helios_free(err);
  }

  std::string dir_, path_;
  helios_db* db_ = nullptr;
};

int CollectRows(void* arg, int ncols, char** values, char** names) {
  auto* out = static_cast<std::vector<std::string>*>(arg);
  for (int i = 0; i < ncols; ++i) {
    out->push_back(std::string(names[i]) + "=" + (values[i] ? values[i] : "NULL"));
  }
  return 0;
}

int StopAtOnce(void*, int, char**, char**) {
  return 1;
}

TEST_F(CApiTest, ExecRunsStatementsAndCallsBackPerRow) {
  Exec("CREATE TABLE t (a integer, b text); INSERT INTO t VALUES (1, 'x'), (2, NULL)");
  EXPECT_EQ(helios_changes(db_), 2);
  std::vector<std::string> rows;
  ASSERT_EQ(helios_exec(db_, "SELECT a, b FROM t ORDER BY a", CollectRows, &rows, nullptr),
            HELIOS_OK);
  EXPECT_EQ(rows, (std::vector<std::string>{"a=1", "b=x", "a=2", "b=NULL"}));
  EXPECT_EQ(helios_exec(db_, "SELECT a FROM t", StopAtOnce, nullptr, nullptr), HELIOS_ABORT);
  EXPECT_STREQ(helios_sqlstate(db_), "57014");
}

TEST_F(CApiTest, PrepareBindStepAndColumns) {
  Exec("CREATE TABLE t (id integer, name text, score float8, ok boolean)");
  helios_stmt* ins = nullptr;
  ASSERT_EQ(helios_prepare(db_, "INSERT INTO t VALUES ($1, $2, $3, $4)", -1, &ins, nullptr),
            HELIOS_OK)
      << helios_errmsg(db_);
  EXPECT_EQ(helios_bind_parameter_count(ins), 4);
  EXPECT_EQ(helios_bind_int64(ins, 1, 7), HELIOS_OK);
  EXPECT_EQ(helios_bind_text(ins, 2, "seven", -1), HELIOS_OK);
  EXPECT_EQ(helios_bind_double(ins, 3, 2.5), HELIOS_OK);
  EXPECT_EQ(helios_bind_bool(ins, 4, 1), HELIOS_OK);
  EXPECT_EQ(helios_step(ins), HELIOS_DONE) << helios_errmsg(db_);
  EXPECT_EQ(helios_changes(db_), 1);
  ASSERT_EQ(helios_reset(ins), HELIOS_OK);
  EXPECT_EQ(helios_clear_bindings(ins), HELIOS_OK);
  EXPECT_EQ(helios_bind_int(ins, 1, 8), HELIOS_OK);
  EXPECT_EQ(helios_step(ins), HELIOS_DONE) << helios_errmsg(db_);  // NULLs elsewhere
  EXPECT_EQ(helios_finalize(ins), HELIOS_OK);

  helios_stmt* q = nullptr;
  ASSERT_EQ(helios_prepare(db_, "SELECT id, name, score, ok FROM t ORDER BY id", -1, &q, nullptr),
            HELIOS_OK);
  ASSERT_EQ(helios_step(q), HELIOS_ROW) << helios_errmsg(db_);
  EXPECT_EQ(helios_column_count(q), 4);
  EXPECT_STREQ(helios_column_name(q, 1), "name");
  EXPECT_STREQ(helios_column_decltype(q, 0), "integer");
  EXPECT_STREQ(helios_column_decltype(q, 1), "text");
  EXPECT_EQ(helios_column_type(q, 0), HELIOS_INTEGER);
  EXPECT_EQ(helios_column_type(q, 1), HELIOS_TEXT);
  EXPECT_EQ(helios_column_type(q, 2), HELIOS_FLOAT);
  EXPECT_EQ(helios_column_int(q, 0), 7);
  EXPECT_EQ(helios_column_int64(q, 0), 7);
  EXPECT_STREQ(helios_column_text(q, 1), "seven");
  EXPECT_EQ(helios_column_bytes(q, 1), 5);
  EXPECT_DOUBLE_EQ(helios_column_double(q, 2), 2.5);
  EXPECT_EQ(helios_column_int(q, 3), 1);
  ASSERT_EQ(helios_step(q), HELIOS_ROW);
  EXPECT_EQ(helios_column_int(q, 0), 8);
  EXPECT_TRUE(helios_column_is_null(q, 1));
  EXPECT_EQ(helios_column_type(q, 1), HELIOS_NULL);
  EXPECT_EQ(helios_column_text(q, 1), nullptr);
  EXPECT_EQ(helios_step(q), HELIOS_DONE);
  EXPECT_EQ(helios_step(q), HELIOS_DONE);
  EXPECT_EQ(helios_column_text(q, 0), nullptr);  // no current row
  ASSERT_EQ(helios_reset(q), HELIOS_OK);
  EXPECT_EQ(helios_step(q), HELIOS_ROW);  // runs again
  helios_finalize(q);
}

TEST_F(CApiTest, PrepareTailAndBlankSql) {
  const char* sql = "SELECT 1; SELECT 'a;b'";
  const char* tail = nullptr;
  helios_stmt* st = nullptr;
  ASSERT_EQ(helios_prepare(db_, sql, -1, &st, &tail), HELIOS_OK);
  ASSERT_NE(st, nullptr);
  EXPECT_STREQ(tail, " SELECT 'a;b'");
  ASSERT_EQ(helios_step(st), HELIOS_ROW);
  EXPECT_EQ(helios_column_int(st, 0), 1);
  helios_finalize(st);
  ASSERT_EQ(helios_prepare(db_, tail, -1, &st, &tail), HELIOS_OK);
  ASSERT_EQ(helios_step(st), HELIOS_ROW);
  EXPECT_STREQ(helios_column_text(st, 0), "a;b");
  EXPECT_EQ(*tail, '\0');
  helios_finalize(st);
  ASSERT_EQ(helios_prepare(db_, "  -- nothing\n ", -1, &st, nullptr), HELIOS_OK);
  EXPECT_EQ(st, nullptr);
}

TEST_F(CApiTest, ErrorsCarryMessageAndSqlstate) {
  char* err = nullptr;
  EXPECT_EQ(helios_exec(db_, "SELEC 1", nullptr, nullptr, &err), HELIOS_ERROR);
  ASSERT_NE(err, nullptr);
  EXPECT_GT(std::strlen(err), 0u);
  EXPECT_STREQ(helios_sqlstate(db_), "42601");
  EXPECT_EQ(helios_errcode(db_), HELIOS_ERROR);
  EXPECT_STREQ(helios_errmsg(db_), err);
  helios_free(err);

  helios_stmt* st = nullptr;
  EXPECT_EQ(helios_prepare(db_, "SELECT * FROM no_such_table", -1, &st, nullptr), HELIOS_ERROR);
  EXPECT_EQ(st, nullptr);
  EXPECT_STREQ(helios_sqlstate(db_), "42P01");

  Exec("CREATE TABLE u (id integer PRIMARY KEY)");
  Exec("INSERT INTO u VALUES (1)");
  EXPECT_EQ(helios_sqlstate(db_), std::string("00000"));
  EXPECT_EQ(helios_exec(db_, "INSERT INTO u VALUES (1)", nullptr, nullptr, nullptr),
            HELIOS_CONSTRAINT);
  EXPECT_STREQ(helios_sqlstate(db_), "23505");
}

TEST_F(CApiTest, MisuseAndRange) {
  EXPECT_EQ(helios_step(nullptr), HELIOS_MISUSE);
  EXPECT_EQ(helios_exec(nullptr, "SELECT 1", nullptr, nullptr, nullptr), HELIOS_MISUSE);
  EXPECT_EQ(helios_finalize(nullptr), HELIOS_OK);
  EXPECT_EQ(helios_close(nullptr), HELIOS_OK);
  helios_stmt* st = nullptr;
  ASSERT_EQ(helios_prepare(db_, "SELECT $1::integer", -1, &st, nullptr), HELIOS_OK);
  EXPECT_EQ(helios_bind_int(st, 0, 1), HELIOS_RANGE);
  EXPECT_EQ(helios_bind_int(st, 2, 1), HELIOS_RANGE);
  EXPECT_EQ(helios_column_name(st, 5), nullptr);
  helios_finalize(st);
}

TEST_F(CApiTest, CloseFinalizesOpenStatements) {
  helios_stmt* a = nullptr;
  helios_stmt* b = nullptr;
  ASSERT_EQ(helios_prepare(db_, "SELECT 1", -1, &a, nullptr), HELIOS_OK);
  ASSERT_EQ(helios_prepare(db_, "SELECT 2", -1, &b, nullptr), HELIOS_OK);
  ASSERT_EQ(helios_step(a), HELIOS_ROW);
  EXPECT_EQ(helios_close(db_), HELIOS_OK);
  db_ = nullptr;  // TearDown closes nothing
}

TEST(CApiOpenTest, ReadOnlyOpenOfMissingPathFails) {
  std::string path = (std::filesystem::temp_directory_path() / "heliosdb-capi-missing-db").string();
  std::filesystem::remove_all(path);
  helios_db* db = nullptr;
  EXPECT_EQ(helios_open_v2(path.c_str(), &db, HELIOS_OPEN_READONLY), HELIOS_CANTOPEN);
  ASSERT_NE(db, nullptr);
  EXPECT_GT(std::strlen(helios_errmsg(db)), 0u);
  helios_close(db);
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_STREQ(helios_libversion(), "0.1.0");
}

}  // namespace
