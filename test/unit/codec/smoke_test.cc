#include <gtest/gtest.h>

#include "storage/columnar/codec/segment.h"

namespace heliosdb::codec {
TEST(CodecSmoke, Builds) {
  std::vector<int64_t> v = {1, 2, 3};
  ColumnView c;
  c.type = StorageType::kInt64;
  c.count = 3;
  c.fixed = reinterpret_cast<const uint8_t*>(v.data());
  EncodedSegment seg = WriteSegment(c);
  SegmentReader r(seg.bytes);
  ColumnBuffer out;
  r.Decompress(out);
  EXPECT_EQ(out.view().Get<int64_t>(2), 3);
}
}  // namespace heliosdb::codec
