// SCRAM-SHA-256 against RFC 7677's test vector (user "user", password "pencil").
#include "common/scram.h"

#include <gtest/gtest.h>

namespace heliosdb {
namespace {

constexpr const char* kClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
constexpr const char* kServerNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
constexpr const char* kServerFirst =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
constexpr const char* kClientFinal =
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
    "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
constexpr const char* kServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

ScramVerifier PencilVerifier() {
  return MakeScramVerifier("pencil", 4096, *Base64Decode("W22ZaJ0SNY7soEsUEjb6gQ=="));
}

TEST(ScramTest, Rfc7677Exchange) {
  ScramExchange exchange(PencilVerifier(), kServerNonce);
  std::string reply;
  ASSERT_TRUE(exchange.ClientFirst(kClientFirst, &reply));
  EXPECT_EQ(reply, kServerFirst);
  ASSERT_TRUE(exchange.ClientFinal(kClientFinal, &reply));
  EXPECT_EQ(reply, kServerFinal);
}

TEST(ScramTest, WrongPasswordFails) {
  ScramExchange exchange(
      MakeScramVerifier("pencil2", 4096, *Base64Decode("W22ZaJ0SNY7soEsUEjb6gQ==")), kServerNonce);
  std::string reply;
  ASSERT_TRUE(exchange.ClientFirst(kClientFirst, &reply));
  EXPECT_FALSE(exchange.ClientFinal(kClientFinal, &reply));
}

TEST(ScramTest, UnknownRoleAlwaysFails) {
  ScramExchange exchange(std::nullopt, kServerNonce);
  std::string reply;
  ASSERT_TRUE(exchange.ClientFirst(kClientFirst, &reply));
  EXPECT_FALSE(exchange.ClientFinal(kClientFinal, &reply));
}

TEST(ScramTest, MalformedMessagesAreRefused) {
  ScramExchange exchange(PencilVerifier(), kServerNonce);
  std::string reply;
  EXPECT_FALSE(exchange.ClientFirst("", &reply));
  EXPECT_FALSE(exchange.ClientFirst("p=tls-server-end-point,,n=,r=x", &reply));
  EXPECT_FALSE(exchange.ClientFirst("n,,n=user", &reply));
  ASSERT_TRUE(exchange.ClientFirst(kClientFirst, &reply));
  EXPECT_FALSE(exchange.ClientFinal("c=biws,r=other,p=AAAA", &reply));
  EXPECT_FALSE(exchange.ClientFinal("c=biws", &reply));
}

TEST(ScramTest, VerifierTextRoundTrip) {
  ScramVerifier v = PencilVerifier();
  std::string text = FormatScramVerifier(v);
  EXPECT_EQ(text.rfind("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$", 0), 0u);
  auto parsed = ParseScramVerifier(text);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->stored_key, v.stored_key);
  EXPECT_EQ(parsed->server_key, v.server_key);
  EXPECT_FALSE(ParseScramVerifier("SCRAM-SHA-256$x:abc$def:ghi").has_value());
  EXPECT_FALSE(ParseScramVerifier("md5abc").has_value());
}

}  // namespace
}  // namespace heliosdb
