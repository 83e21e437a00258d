// Statements must be valid UTF-8: CheckUtf8 accepts every well-formed sequence and names the
// first bad one with 22021, as PostgreSQL reports it.
#include <gtest/gtest.h>

#include "common/exception.h"
#include "common/types/string_type.h"

namespace heliosdb {
namespace {

std::string Error(const std::string& s) {
  try {
    CheckUtf8(s);
  } catch (const DbException& e) {
    return e.status().sqlstate() + " " + e.status().message();
  }
  return "ok";
}

TEST(Utf8Check, AcceptsWellFormedText) {
  EXPECT_EQ(Error(""), "ok");
  EXPECT_EQ(Error("SELECT 'ascii'"), "ok");
  EXPECT_EQ(Error("\xc3\xbc \xe2\x82\xac \xf0\x9f\xa6\x86"), "ok");  // ü € 🦆
  EXPECT_EQ(Error("\xf4\x8f\xbf\xbf"), "ok");                        // U+10FFFF
}

TEST(Utf8Check, NamesTheFirstBadSequence) {
  EXPECT_EQ(Error("a\xe3\x28"
                  "b"),
            "22021 invalid byte sequence for encoding \"UTF8\": 0xe3 0x28 0x62");
  EXPECT_EQ(Error("\x80"), "22021 invalid byte sequence for encoding \"UTF8\": 0x80");
  EXPECT_EQ(Error("x\xc3"),
            "22021 invalid byte sequence for encoding \"UTF8\": 0xc3");  // truncated
  EXPECT_NE(Error("\xc0\xaf"), "ok");                                    // overlong '/'
  EXPECT_NE(Error("\xe0\x80\xaf"), "ok");                                // overlong
  EXPECT_NE(Error("\xed\xa0\x80"), "ok");                                // a surrogate
  EXPECT_NE(Error("\xf4\x90\x80\x80"), "ok");                            // past U+10FFFF
  EXPECT_NE(Error(std::string("a\0b", 3)), "ok");
}

}  // namespace
}  // namespace heliosdb
