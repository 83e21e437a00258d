#include "storage/columnar/codec/compare.h"

#include "common/exception.h"

namespace heliosdb::codec {

int CompareFixed(StorageType type, const uint8_t* p, const CompareConstant& c) {
  ColumnView one;
  one.type = type;
  one.count = 1;
  one.fixed = p;
  switch (type) {
    case StorageType::kFloat:
      return CompareFloat(one.Get<float>(0), c.d);
    case StorageType::kDouble:
      return CompareFloat(one.Get<double>(0), c.d);
    case StorageType::kString:
      HELIOS_UNREACHABLE();
    default:
      return CompareInt(one.GetInt(0), c.i);
  }
}

void FilterDecoded(const ColumnView& column, CompareOp op, const CompareConstant& c,
                   Selection& sel) {
  for (idx_t i = 0; i < column.count; i++) {
    if (Satisfies(op, CompareRow(column, i, c))) sel.push_back(static_cast<uint32_t>(i));
  }
}

}  // namespace heliosdb::codec
