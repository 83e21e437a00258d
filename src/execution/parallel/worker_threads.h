// RunOnThreads: runs task(0) .. task(n - 1) on n threads (task 0 on the calling thread) and
// returns when all have ended; the first exception a task threw is then rethrown. Each task
// gets its own ExecContext copy, since a context carries per-statement caches that are not
// shared between threads (subquery results, working tables).
#pragma once

#include <functional>

#include "execution/exec_context.h"

namespace heliosdb {

void RunOnThreads(size_t n, const ExecContext& ctx,
                  const std::function<void(size_t i, ExecContext& worker_ctx)>& task);

// The context a clone runs with on a thread of its own: the statement's, minus what only the
// statement's thread may touch (the EXPLAIN ANALYZE map, which plans made on the fly add to).
ExecContext WorkerContext(const ExecContext& ctx);

}  // namespace heliosdb
