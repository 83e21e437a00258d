// HostRules: pg_hba.conf-style lines, first match wins, address prefixes, TLS-only rules.
#include "server/host_rules.h"

#include <gtest/gtest.h>

namespace heliosdb::server {
namespace {

TEST(HostRulesTest, FirstMatchingRuleDecides) {
  std::string error;
  auto rules = HostRules::Parse(
      "# comment\n"
      "host    all  bob         127.0.0.1/32  reject\n"
      "hostssl app  all         all           scram-sha-256\n"
      "host    all  alice,carol 10.0.0.0/8    scram-sha-256  # trailing comment\n"
      "host    all  all         127.0.0.0/8   trust\n",
      &error);
  ASSERT_TRUE(rules) << error;
  EXPECT_EQ(rules->Match("db", "bob", "127.0.0.1", false), AuthMethod::kReject);
  EXPECT_EQ(rules->Match("db", "eve", "127.0.0.1", false), AuthMethod::kTrust);
  EXPECT_EQ(rules->Match("app", "eve", "127.0.0.1", true), AuthMethod::kScramSha256);
  EXPECT_EQ(rules->Match("db", "carol", "10.1.2.3", false), AuthMethod::kScramSha256);
  EXPECT_EQ(rules->Match("db", "carol", "::ffff:10.1.2.3", false), AuthMethod::kScramSha256);
  EXPECT_FALSE(rules->Match("db", "eve", "10.1.2.3", false).has_value());
  EXPECT_FALSE(rules->Match("db", "eve", "::1", false).has_value());
}

TEST(HostRulesTest, MalformedLinesAreReported) {
  std::string error;
  EXPECT_FALSE(HostRules::Parse("local all all trust\n", &error));
  EXPECT_NE(error.find("line 1"), std::string::npos);
  EXPECT_FALSE(HostRules::Parse("host all all 1.2.3.4/33 trust\n", &error));
  EXPECT_FALSE(HostRules::Parse("host all all nowhere trust\n", &error));
  EXPECT_FALSE(HostRules::Parse("\nhost all all all md5\n", &error));
  EXPECT_NE(error.find("line 2"), std::string::npos);
  EXPECT_FALSE(HostRules::Parse("host all all\n", &error));
}

}  // namespace
}  // namespace heliosdb::server
