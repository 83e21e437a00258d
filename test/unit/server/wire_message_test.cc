// Message framing: what MessageWriter produces and how MessageReader rejects short bodies.
#include "server/wire_message.h"

#include <gtest/gtest.h>

namespace heliosdb::server {

TEST(WireMessage, WriterFramesMessagesWithTheirLength) {
  MessageWriter w;
  w.Begin('Z');
  w.Int8('I');
  w.Finish();
  w.Begin('C');
  w.String("SELECT 1");
  w.Finish();
  EXPECT_EQ(w.buffer(), std::string("Z\0\0\0\5I", 6) + std::string("C\0\0\0\015SELECT 1\0", 14));
}

TEST(WireMessage, ReaderReadsFieldsInOrder) {
  MessageWriter w;
  w.Int16(-2);
  w.Int32(70000);
  w.String("name");
  w.Bytes("xyz");
  MessageReader r(w.buffer());
  EXPECT_EQ(r.Int16(), -2);
  EXPECT_EQ(r.Int32(), 70000);
  EXPECT_EQ(r.String(), "name");
  EXPECT_EQ(r.Bytes(3), "xyz");
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(WireMessage, ShortBodiesAreProtocolErrors) {
  std::string two("\0\1", 2);
  MessageReader a(two);
  EXPECT_THROW(a.Int32(), ProtocolError);
  MessageReader b("no terminator");
  EXPECT_THROW(b.String(), ProtocolError);
  MessageReader c("abc");
  EXPECT_THROW(c.Bytes(4), ProtocolError);
  MessageReader d("");
  EXPECT_THROW(d.Int8(), ProtocolError);
}

}  // namespace heliosdb::server
