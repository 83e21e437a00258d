#include "execution/profiled_operator.h"

#include <chrono>

namespace heliosdb {

ProfiledOperator::ProfiledOperator(PhysicalOperatorPtr op, OperatorProfile* profile)
    : PhysicalOperator(op->types()), profile_(profile) {
  profile_->loops++;
  AddChild(std::move(op));
}

DataChunk* ProfiledOperator::Next(ExecContext& ctx) {
  auto start = std::chrono::steady_clock::now();
  DataChunk* chunk = child(0)->Next(ctx);
  profile_->ns += std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  if (chunk) profile_->rows += static_cast<int64_t>(chunk->size());
  return chunk;
}

}  // namespace heliosdb
