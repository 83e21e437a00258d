#include "execution/operator/parallel/gather.h"

#include "execution/parallel/worker_threads.h"

namespace heliosdb {

namespace {
constexpr size_t kBatchesPerClone = 4;  // queue bound: enough to keep every clone busy
}  // namespace

Gather::~Gather() { Stop(); }

void Gather::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void Gather::Work(size_t clone, ExecContext ctx) {
  try {
    while (DataChunk* chunk = children_[clone]->Next(ctx)) {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] {
        return stop_ || queue_.size() < kBatchesPerClone * children_.size();
      });
      if (stop_) break;
      // The clone makes fresh buffers for each batch, so sharing them is safe.
      queue_.push_back(*chunk);
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!error_) error_ = std::current_exception();
    stop_ = true;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  running_--;
  changed_.notify_all();
}

DataChunk* Gather::Next(ExecContext& ctx) {
  if (!started_) {
    started_ = true;
    running_ = children_.size();
    for (size_t i = 0; i < children_.size(); i++)
      threads_.emplace_back(&Gather::Work, this, i, WorkerContext(ctx));
  }
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return error_ || !queue_.empty() || running_ == 0; });
  if (error_) {
    std::exception_ptr error = error_;
    lock.unlock();
    Stop();
    std::rethrow_exception(error);
  }
  if (queue_.empty()) return nullptr;
  out_ = std::move(queue_.front());
  queue_.pop_front();
  changed_.notify_all();
  return &out_;
}

}  // namespace heliosdb
