#include "execution/parallel/worker_threads.h"

#include <exception>
#include <thread>
#include <vector>

namespace heliosdb {

ExecContext WorkerContext(const ExecContext& ctx) {
  ExecContext worker = ctx;
  worker.profile = nullptr;
  return worker;
}

void RunOnThreads(size_t n, const ExecContext& ctx,
                  const std::function<void(size_t i, ExecContext& worker_ctx)>& task) {
  std::vector<std::exception_ptr> errors(n);
  auto run = [&](size_t i) {
    ExecContext worker = i == 0 ? ctx : WorkerContext(ctx);
    try {
      task(i, worker);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (size_t i = 1; i < n; i++) threads.emplace_back(run, i);
  run(0);
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace heliosdb
