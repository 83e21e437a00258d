// current_scn(), scn_to_timestamp(scn) and timestamp_to_scn(ts): time travel's clock, over
// the commit-time map (storage/commit_time_map.h). current_scn() is the newest committed SCN
// of the database; scn_to_timestamp is NULL for an SCN that no commit took (22023 past the
// current SCN); timestamp_to_scn gives the newest commit at or before the time (0 when none).
#pragma once

#include <string>
#include <vector>

#include "common/value.h"
#include "storage/storage_engine.h"

namespace heliosdb {

Value TimeTravelFunction(StorageEngine& storage, const std::string& name,
                         const std::vector<Value>& args);

}  // namespace heliosdb
