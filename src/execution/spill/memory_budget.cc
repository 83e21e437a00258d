#include "execution/spill/memory_budget.h"

namespace heliosdb {

int64_t ApproximateBytes(const DataChunk& chunk) {
  int64_t bytes = 0;
  for (idx_t c = 0; c < chunk.column_count(); c++) {
    const Vector& v = chunk.column(c);
    bytes += static_cast<int64_t>(PhysicalTypeSize(v.type().physical()) * chunk.size());
    if (v.type().physical() != PhysicalType::kString || v.kind() != VectorKind::kFlat) continue;
    const auto* strings = v.data<std::string_view>();
    for (idx_t r = 0; r < chunk.size(); r++) bytes += static_cast<int64_t>(strings[r].size());
  }
  return bytes;
}

}  // namespace heliosdb
