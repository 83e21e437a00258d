// An in-process server driven by the raw test client: startup, the extended protocol's row
// limits and error-until-Sync rule, implicit transactions of multi-statement messages, COPY
// failure, connection limits, and bad input (malformed, oversized and random messages) that
// must close only the offending connection.
#include "server/server.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <random>
#include <thread>

#include "test_client.h"

namespace heliosdb::server {
namespace {

using testing::CStr;
using testing::ErrorCode;
using testing::I16;
using testing::I32;
using testing::TestClient;

class ServerTest : public ::testing::Test {
 protected:
  void StartServer(int max_connections = 100) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "heliosdb-server-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    auto db = Database::Open(dir_ + "/db");
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::move(db.value());
    ServerOptions options;
    options.port = 0;
    options.max_connections = max_connections;
    server_ = std::make_unique<Server>(db_.get(), options);
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }
  void SetUp() override { StartServer(); }
  void TearDown() override {
    server_->RequestStop(true);
    thread_.join();
    server_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  int port() const { return server_->port(); }

  // Runs sql as a simple query; returns the reply's message types ("TDCZ", ...).
  std::string Query(TestClient& c, const std::string& sql,
                    std::vector<std::string>* bodies = nullptr) {
    c.Send('Q', CStr(sql));
    return c.ReceiveUntilReady(bodies);
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(ServerTest, StartupReportsParametersKeyAndReadyForQuery) {
  TestClient c(port());
  c.SendStartup();
  std::vector<std::string> bodies;
  std::string types = c.ReceiveUntilReady(&bodies);
  EXPECT_EQ(types, "RSSSSSSSSSSSSSKZ");
  bool saw_version = false;
  for (const std::string& b : bodies)
    saw_version |= b.rfind(CStr("server_version") + "15.", 0) == 0;
  EXPECT_TRUE(saw_version);
  EXPECT_EQ(bodies.back(), "I");
}

TEST_F(ServerTest, SslRequestIsRefusedThenStartupProceeds) {
  TestClient c(port());
  c.SendRaw(I32(8) + I32(80877103));
  char answer = 0;
  ASSERT_EQ(recv(c.fd(), &answer, 1, 0), 1);
  EXPECT_EQ(answer, 'N');
  EXPECT_TRUE(c.Start());
  EXPECT_EQ(Query(c, "SELECT 1"), "TDCZ");
}

TEST_F(ServerTest, MissingUserIsFatal) {
  TestClient c(port());
  std::string body = I32(196608) + CStr("database") + CStr("db") + CStr("");
  c.SendRaw(I32(static_cast<int64_t>(body.size()) + 4) + body);
  auto [type, reply] = c.Receive();
  EXPECT_EQ(type, 'E');
  EXPECT_EQ(ErrorCode(reply), "28000");
  EXPECT_EQ(c.Receive().first, 0);
}

TEST_F(ServerTest, ExecuteRowLimitSuspendsThePortal) {
  TestClient c(port());
  ASSERT_TRUE(c.Start());
  c.Send('P', CStr("") + CStr("SELECT * FROM generate_series(1, 5)") + I16(0));
  c.Send('B', CStr("") + CStr("") + I16(0) + I16(0) + I16(0));
  c.Send('D', "P" + CStr(""));
  for (int i = 0; i < 3; i++) c.Send('E', CStr("") + I32(2));
  c.Send('S', "");
  EXPECT_EQ(c.ReceiveUntilReady(), "12TDDsDDsDCZ");
}

TEST_F(ServerTest, DescribeStatementGivesParameterTypes) {
  TestClient c(port());
  ASSERT_TRUE(c.Start());
  c.Send('P', CStr("s1") + CStr("SELECT $1::int + $2") + I16(1) + I32(0));
  c.Send('D', "S" + CStr("s1"));
  c.Send('S', "");
  std::vector<std::string> bodies;
  EXPECT_EQ(c.ReceiveUntilReady(&bodies), "1tTZ");
  EXPECT_EQ(bodies[1], I16(2) + I32(23) + I32(23));
  // A named statement survives Sync; its name cannot be reused.
  c.Send('P', CStr("s1") + CStr("SELECT 1") + I16(0));
  c.Send('S', "");
  bodies.clear();
  EXPECT_EQ(c.ReceiveUntilReady(&bodies), "EZ");
  EXPECT_EQ(ErrorCode(bodies[0]), "42P05");
}

TEST_F(ServerTest, AfterAnErrorMessagesAreSkippedUntilSync) {
  TestClient c(port());
  ASSERT_TRUE(c.Start());
  c.Send('P', CStr("") + CStr("SELEC 1") + I16(0));
  c.Send('B', CStr("") + CStr("") + I16(0) + I16(0) + I16(0));
  c.Send('E', CStr("") + I32(0));
  c.Send('S', "");
  std::vector<std::string> bodies;
  EXPECT_EQ(c.ReceiveUntilReady(&bodies), "EZ");
  EXPECT_EQ(ErrorCode(bodies[0]), "42601");
  c.Send('P', CStr("") + CStr("SELECT 2") + I16(0));
  c.Send('B', CStr("") + CStr("") + I16(0) + I16(0) + I16(0));
  c.Send('E', CStr("") + I32(0));
  c.Send('S', "");
  EXPECT_EQ(c.ReceiveUntilReady(), "12DCZ");
}

TEST_F(ServerTest, BindWithTheWrongParameterCountIsAnError) {
  TestClient c(port());
  ASSERT_TRUE(c.Start());
  c.Send('P', CStr("") + CStr("SELECT $1::int") + I16(0));
  c.Send('B', CStr("") + CStr("") + I16(0) + I16(0) + I16(0));
  c.Send('S', "");
  std::vector<std::string> bodies;
  EXPECT_EQ(c.ReceiveUntilReady(&bodies), "1EZ");
  EXPECT_EQ(ErrorCode(bodies[1]), "08P01");
}

TEST_F(ServerTest, MultiStatementMessageIsOneImplicitTransaction) {
  TestClient c(port());
  ASSERT_TRUE(c.Start());
  std::vector<std::string> bodies;
  EXPECT_EQ(Query(c, "CREATE TABLE t (a int); INSERT INTO t VALUES (1); SELECT 1/0", &bodies),
            "CCEZ");
  EXPECT_EQ(ErrorCode(bodies[2]), "22012");
  bodies.clear();
  EXPECT_EQ(Query(c, "SELECT * FROM t", &bodies), "EZ");  // rolled back with the error
  EXPECT_EQ(ErrorCode(bodies[0]), "42P01");
  // BEGIN ... COMMIT inside a message commits; the error after it does not undo it.
  EXPECT_EQ(Query(c, "BEGIN; CREATE TABLE u (a int); INSERT INTO u VALUES (1); COMMIT; SELECT 1/0"),
            "CCCCEZ");
  bodies.clear();
  EXPECT_EQ(Query(c, "SELECT count(*) FROM u", &bodies), "TDCZ");
  EXPECT_EQ(bodies[1], I16(1) + I32(1) + "1");
  // Statements before BEGIN join the explicit block.
  EXPECT_EQ(Query(c, "INSERT INTO u VALUES (7); BEGIN"), "CCZ");
  EXPECT_EQ(Query(c, "ROLLBACK"), "CZ");
  bodies.clear();
  Query(c, "SELECT count(*) FROM u", &bodies);
  EXPECT_EQ(bodies[1], I16(1) + I32(1) + "1");
  // The rest of a message after an error is skipped.
  EXPECT_EQ(Query(c, "INSERT INTO u VALUES (2); SELEC; INSERT INTO u VALUES (3)"), "EZ");
  EXPECT_EQ(Query(c, "SELECT 1/0; INSERT INTO u VALUES (3)"), "EZ");
  bodies.clear();
  Query(c, "SELECT count(*) FROM u", &bodies);
  EXPECT_EQ(bodies[1], I16(1) + I32(1) + "1");
  EXPECT_EQ(Query(c, ""), "IZ");
}

TEST_F(ServerTest, CopyFailRollsTheCopyBack) {
  TestClient c(port());
  ASSERT_TRUE(c.Start());
  Query(c, "CREATE TABLE t (a int, b text)");
  c.Send('Q', CStr("COPY t FROM STDIN"));
  auto [type, body] = c.Receive();
  EXPECT_EQ(type, 'G');
  c.Send('d', "1\tx\n");
  c.Send('f', CStr("client gave up"));
  std::vector<std::string> bodies;
  EXPECT_EQ(c.ReceiveUntilReady(&bodies), "EZ");
  EXPECT_EQ(ErrorCode(bodies[0]), "57014");
  bodies.clear();
  Query(c, "SELECT count(*) FROM t", &bodies);
  EXPECT_EQ(bodies[1], I16(1) + I32(1) + "0");
  // Bad data ends the COPY with an error; the CopyData that follow are dropped.
  c.Send('Q', CStr("COPY t FROM STDIN"));
  EXPECT_EQ(c.Receive().first, 'G');
  c.Send('d', "x\ty\n");
  c.Send('d', "2\tz\n");
  c.Send('c', "");
  bodies.clear();
  EXPECT_EQ(c.ReceiveUntilReady(&bodies), "EZ");
  EXPECT_EQ(ErrorCode(bodies[0]), "22P02");
  EXPECT_EQ(Query(c, "SELECT 1"), "TDCZ");
}

TEST_F(ServerTest, BadMessageDuringCopyClosesTheConnection) {
  TestClient c(port());
  ASSERT_TRUE(c.Start());
  Query(c, "CREATE TABLE t (a int)");
  c.Send('Q', CStr("COPY t FROM STDIN"));
  EXPECT_EQ(c.Receive().first, 'G');
  c.Send('d', "1\n");
  c.Send('f', "no terminator");
  std::vector<std::string> bodies;
  EXPECT_EQ(c.ReceiveUntilReady(&bodies), "E<eof>");
  EXPECT_EQ(ErrorCode(bodies[0]), "08P01");
  TestClient d(port());
  ASSERT_TRUE(d.Start());
  bodies.clear();
  Query(d, "SELECT count(*) FROM t", &bodies);
  EXPECT_EQ(bodies[1], I16(1) + I32(1) + "0");
}

TEST_F(ServerTest, MalformedMessageClosesOnlyThatConnection) {
  TestClient good(port());
  ASSERT_TRUE(good.Start());
  TestClient bad(port());
  ASSERT_TRUE(bad.Start());
  bad.Send('\x01', "junk");
  auto [type, body] = bad.Receive();
  EXPECT_EQ(type, 'E');
  EXPECT_EQ(ErrorCode(body), "08P01");
  EXPECT_EQ(bad.Receive().first, 0);
  // A message whose fields run past its end.
  TestClient bad2(port());
  ASSERT_TRUE(bad2.Start());
  bad2.Send('B', CStr("") + CStr("") + I16(5));
  auto reply = bad2.Receive();
  EXPECT_EQ(ErrorCode(reply.second), "08P01");
  EXPECT_EQ(Query(good, "SELECT 1"), "TDCZ");
}

TEST_F(ServerTest, OversizedMessagesAreRefused) {
  TestClient big(port());
  ASSERT_TRUE(big.Start());
  big.SendRaw(std::string("Q") + I32(0x7fffffff));
  auto [type, body] = big.Receive();
  EXPECT_EQ(ErrorCode(body), "08P01");
  TestClient startup(port());
  startup.SendRaw(I32(1 << 20) + I32(196608));
  EXPECT_EQ(ErrorCode(startup.Receive().second), "08P01");
  TestClient ok(port());
  EXPECT_TRUE(ok.Start());
}

class LimitedServerTest : public ServerTest {
 protected:
  void SetUp() override { StartServer(2); }
};

TEST_F(LimitedServerTest, TooManyClients) {
  TestClient a(port()), b(port()), c(port());
  ASSERT_TRUE(a.Start());
  ASSERT_TRUE(b.Start());
  c.SendStartup();
  auto [type, body] = c.Receive();
  EXPECT_EQ(type, 'E');
  EXPECT_EQ(ErrorCode(body), "53300");
  a.Send('X', "");
  EXPECT_EQ(a.Receive().first, 0);
  // The slot frees once the server has seen the Terminate.
  for (int i = 0; i < 100; i++) {
    TestClient d(port());
    d.SendStartup();
    if (d.ReceiveUntilReady().back() == 'Z') return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL() << "the freed slot was never reused";
}

// Random and truncated messages from many connections; the server must keep serving a
// witness connection and new ones.
TEST_F(ServerTest, FuzzedMessagesNeverBringTheServerDown) {
  TestClient witness(port());
  ASSERT_TRUE(witness.Start());
  ASSERT_EQ(Query(witness, "CREATE TABLE f (a int, b text)"), "CZ");
  std::mt19937 rng(12345);
  auto random_bytes = [&](size_t n) {
    std::string s(n, '\0');
    for (char& ch : s) ch = static_cast<char>(rng() & 0xff);
    return s;
  };
  const std::string types = "QPBDESCHXdcfF\x01pZ";
  const std::vector<std::string> valid = {
      CStr("SELECT 1"),
      CStr("") + CStr("SELECT $1::int") + I16(1) + I32(23),
      CStr("") + CStr("") + I16(1) + I16(1) + I16(1) + I32(4) + I32(7) + I16(1) + I16(1),
      "P" + CStr(""),
      CStr("") + I32(0),
      CStr("INSERT INTO f VALUES (1, 'x')"),
      CStr("COPY f FROM STDIN"),
  };
  for (int round = 0; round < 300; round++) {
    TestClient c(port());
    int mode = static_cast<int>(rng() % 4);
    if (mode == 0) {  // a random startup packet
      c.SendRaw(random_bytes(rng() % 64));
    } else {
      if (!c.Start()) continue;
      for (int m = 0; m < 8; m++) {
        char type = types[rng() % types.size()];
        std::string body = rng() % 2 ? valid[rng() % valid.size()] : random_bytes(rng() % 48);
        if (mode == 2 && !body.empty()) body.resize(rng() % body.size());  // truncated fields
        if (mode == 3 && m == 7) {  // a message cut off by the connection closing
          std::string framed(1, type);
          framed += I32(static_cast<int64_t>(body.size()) + 4) + body;
          c.SendRaw(framed.substr(0, rng() % framed.size()));
          break;
        }
        c.Send(type, body);
      }
    }
  }
  EXPECT_EQ(Query(witness, "SELECT 1"), "TDCZ");
  TestClient fresh(port());
  ASSERT_TRUE(fresh.Start());
  EXPECT_EQ(Query(fresh, "SELECT count(*) >= 0 FROM f"), "TDCZ");
}

}  // namespace
}  // namespace heliosdb::server
