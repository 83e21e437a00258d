#include "execution/operator/scan/external_rows_scan.h"

#include "common/exception.h"

namespace heliosdb {

DataChunk* ExternalRowsScan::Next(ExecContext& ctx) {
  HELIOS_ASSERT(ctx.external_rows);
  out_.Initialize(types_);
  if (!ctx.external_rows->Next(&out_)) return nullptr;
  ctx.CheckCancel();
  return &out_;
}

}  // namespace heliosdb
