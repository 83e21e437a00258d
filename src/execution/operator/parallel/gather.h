// Gather: runs its children (the clones of one parallel pipeline) each on a thread of its own
// and returns their batches as they come, in no particular order. A bounded queue between
// the clones and the consumer keeps memory flat when the consumer is slower. Destroying a
// Gather before its input is drained (a LIMIT was met) stops the clones after their current
// batch. An error in any clone ends the statement with that error.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "execution/physical_operator.h"

namespace heliosdb {

class Gather : public PhysicalOperator {
 public:
  explicit Gather(std::vector<LogicalType> types) : PhysicalOperator(std::move(types)) {}
  ~Gather() override;
  DataChunk* Next(ExecContext& ctx) override;

 private:
  void Work(size_t clone, ExecContext ctx);
  void Stop();

  std::mutex mutex_;
  std::condition_variable changed_;  // a batch queued or taken, a clone ended, or stop
  std::deque<DataChunk> queue_;
  size_t running_ = 0;
  bool stop_ = false;
  std::exception_ptr error_;
  std::vector<std::thread> threads_;
  bool started_ = false;
  DataChunk out_;
};

}  // namespace heliosdb
