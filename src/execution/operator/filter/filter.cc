#include "execution/operator/filter/filter.h"

#include "execution/expression_executor.h"

namespace heliosdb {

DataChunk* Filter::Next(ExecContext& ctx) {
  ExpressionExecutor executor(ctx);
  while (DataChunk* in = child()->Next(ctx)) {
    SelectionVector sel(in->size());
    idx_t n = executor.Select(predicate_, *in, &sel);
    if (n == 0) continue;
    out_ = *in;
    if (n < in->size()) out_.Slice(sel, n);
    return &out_;
  }
  return nullptr;
}

}  // namespace heliosdb
