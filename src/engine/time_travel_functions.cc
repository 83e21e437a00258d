#include "engine/time_travel_functions.h"

#include "common/exception.h"
#include "storage/commit_time_map.h"

namespace heliosdb {

Value TimeTravelFunction(StorageEngine& storage, const std::string& name,
                         const std::vector<Value>& args) {
  Scn last = storage.transactions().last_committed_scn();
  if (name == "current_scn") return Value::BigInt(static_cast<int64_t>(last));
  CommitTimeMap map(&storage.kv());
  if (name == "scn_to_timestamp") {
    if (args[0].is_null()) return Value::Null(TypeId::kTimestampTz);
    int64_t scn = args[0].GetInt64();
    if (scn > 0 && static_cast<Scn>(scn) > last)
      ThrowError(sqlstate::kInvalidParameterValue,
                 "SCN " + std::to_string(scn) + " is in the future (the current SCN is " +
                     std::to_string(last) + ")");
    std::optional<int64_t> t = scn > 0 ? map.TimeOf(static_cast<Scn>(scn)) : std::nullopt;
    return t ? Value::Int(TypeId::kTimestampTz, *t) : Value::Null(TypeId::kTimestampTz);
  }
  if (args[0].is_null()) return Value::Null(TypeId::kBigInt);
  return Value::BigInt(static_cast<int64_t>(map.ScnAt(args[0].GetInt64(), last)));
}

}  // namespace heliosdb
