// SessionContext: what expressions may ask of the session running them: its settings
// (current_setting, set_config) and its sequence history (currval, lastval, setval).
// Implemented by the engine's connection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/value.h"

namespace heliosdb {

class SessionContext {
 public:
  virtual ~SessionContext() = default;
  // Runs the session function `name` (currval, lastval, setval, current_setting,
  // set_config) on one row's arguments; sequence arguments arrive as their object id.
  virtual Value CallSessionFunction(const std::string& name, const std::vector<Value>& args) = 0;
  // Records a value nextval() handed out, for currval and lastval.
  virtual void RecordSequenceValue(int64_t sequence_id, int64_t value) = 0;
  // The id of the role whose privileges the statement runs with (SET ROLE's, else the
  // session user's), for has_table_privilege and the like.
  virtual int64_t CurrentRole() = 0;
};

// The functions served by SessionContext, with their result types.
bool IsSessionFunction(const std::string& name);

}  // namespace heliosdb
