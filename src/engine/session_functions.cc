// The session functions: currval, lastval, setval, current_setting, set_config, the
// session's identity (current_user, session_user, pg_backend_pid) and privilege checks.
#include "common/exception.h"
#include "engine/connection_impl.h"

namespace heliosdb {

void Connection::Impl::RecordSequenceValue(int64_t sequence_id, int64_t value) {
  currvals[sequence_id] = value;
  lastval = value;
}

bool Connection::Impl::HasPrivilege(const std::string&, const std::vector<Value>&) {
  return true;
}

Value Connection::Impl::CallSessionFunction(const std::string& name,
                                            const std::vector<Value>& args) {
  if (name == "current_user" || name == "session_user") return Value::Text(user);
  if (name == "pg_backend_pid") return Value::Integer(backend_id);
  if (name.rfind("has_", 0) == 0 || name == "pg_has_role") {
    for (const Value& v : args)
      if (v.is_null()) return Value::Null(TypeId::kBoolean);
    return Value::Boolean(HasPrivilege(name, args));
  }
  if (name == "current_setting") {
    if (args[0].is_null()) return Value::Null(TypeId::kText);
    bool missing_ok = args.size() > 1 && !args[1].is_null() && args[1].GetBool();
    try {
      return Value::Text(settings.Get(args[0].GetString()));
    } catch (const DbException&) {
      if (missing_ok) return Value::Null(TypeId::kText);
      throw;
    }
  }
  if (name == "set_config") {
    if (args[0].is_null())
      ThrowError(sqlstate::kNullValueNotAllowed, "SET requires parameter name");
    bool local = !args[2].is_null() && args[2].GetBool();
    if (local && !in_block) return args[1].is_null() ? Value::Text("") : args[1];
    if (local && !settings_before_local) settings_before_local = settings;
    std::string value = args[1].is_null() ? "" : args[1].GetString();
    settings.Set(args[0].GetString(), value);
    return Value::Text(settings.Get(args[0].GetString()));
  }
  if (name == "lastval") {
    if (!lastval)
      ThrowError(sqlstate::kObjectNotInPrerequisiteState,
                 "lastval is not yet defined in this session");
    return Value::BigInt(*lastval);
  }
  int64_t id = args[0].GetInt64();
  const SequenceInfo& seq = CurrentCatalog().sequences().at(static_cast<ObjectId>(id));
  if (name == "currval") {
    auto it = currvals.find(id);
    if (it == currvals.end())
      ThrowError(sqlstate::kObjectNotInPrerequisiteState,
                 "currval of sequence \"" + seq.name + "\" is not yet defined in this session");
    return Value::BigInt(it->second);
  }
  // setval(seq, value[, is_called]): the next nextval returns value + increment, or value
  // itself when is_called is false.
  if (args[1].is_null()) return Value::Null(TypeId::kBigInt);
  int64_t value = args[1].GetInt64();
  if (value < seq.min_value || value > seq.max_value)
    ThrowError(sqlstate::kNumericValueOutOfRange,
               "setval: value " + std::to_string(value) + " is out of bounds for sequence \"" +
                   seq.name + "\" (" + std::to_string(seq.min_value) + ".." +
                   std::to_string(seq.max_value) + ")");
  bool is_called = args.size() < 3 || args[2].is_null() || args[2].GetBool();
  ResetSequence(db->storage.get(), seq.id, is_called ? value + seq.increment : value);
  if (is_called) RecordSequenceValue(id, value);
  return Value::BigInt(value);
}

}  // namespace heliosdb
