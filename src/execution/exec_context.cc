#include "execution/exec_context.h"

#include "common/exception.h"

namespace heliosdb {

int64_t ExecContext::NextSequenceValue(const SequenceInfo& seq) {
  // The counter counts calls; the value is start + (calls - 1) * increment, so any increment
  // and a crash's skipped reservations keep the never-repeat guarantee.
  int64_t n = storage->IncrementCounter(SequenceCounterName(seq.id));
  int64_t base = storage->ReadCounter(SequenceBaseName(seq.id));
  __int128 value = static_cast<__int128>(base) + static_cast<__int128>(n - 1) * seq.increment;
  if (value > seq.max_value || value < seq.min_value) {
    if (!seq.cycle) {
      bool up = seq.increment > 0;
      ThrowError("2200H", "nextval: reached " + std::string(up ? "maximum" : "minimum") +
                              " value of sequence \"" + seq.name + "\" (" +
                              std::to_string(up ? seq.max_value : seq.min_value) + ")");
    }
    __int128 span = static_cast<__int128>(seq.max_value) - seq.min_value + 1;
    __int128 offset = (value - (seq.increment > 0 ? seq.min_value : seq.max_value)) % span;
    if (offset < 0) offset += span;
    value = seq.increment > 0 ? seq.min_value + offset : seq.max_value - offset;
  }
  if (session) session->RecordSequenceValue(seq.id, static_cast<int64_t>(value));
  return static_cast<int64_t>(value);
}

std::string SequenceCounterName(ObjectId id) { return "seq:" + std::to_string(id); }
std::string SequenceBaseName(ObjectId id) { return "seqbase:" + std::to_string(id); }

void ResetSequence(StorageEngine* storage, ObjectId id, int64_t next_value) {
  storage->SetCounter(SequenceBaseName(id), next_value);
  storage->SetCounter(SequenceCounterName(id), 0);
}

bool IsSessionFunction(const std::string& name) {
  return name == "currval" || name == "lastval" || name == "setval" ||
         name == "current_setting" || name == "set_config" || name == "pg_sleep" ||
         name == "current_scn" || name == "scn_to_timestamp" || name == "timestamp_to_scn";
}

void ExecContext::CheckCancel() const {
  if (cancel && cancel->load(std::memory_order_relaxed))
    ThrowError(sqlstate::kQueryCanceled, "canceling statement due to user request");
  if (deadline != std::chrono::steady_clock::time_point::max() &&
      std::chrono::steady_clock::now() >= deadline)
    ThrowError(sqlstate::kQueryCanceled, "canceling statement due to statement timeout");
}

}  // namespace heliosdb
