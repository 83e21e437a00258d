// The session functions: currval, lastval, setval, current_setting, set_config, the
// session's identity (current_user, session_user, pg_backend_pid) and privilege checks.
#include <algorithm>
#include <chrono>
#include <thread>

#include "common/exception.h"
#include "catalog/privileges.h"
#include "engine/connection_impl.h"
#include "engine/time_travel_functions.h"
#include "planner/system_catalog/catalog_oids.h"

namespace heliosdb {

namespace {
// pg_sleep: sleeps in short steps so that a cancel request or statement_timeout ends it.
constexpr auto kSleepStep = std::chrono::milliseconds(10);
}  // namespace

Value Connection::Impl::Sleep(const Value& seconds) {
  if (seconds.is_null()) return Value::Text("");
  auto until = std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(std::max(0.0, seconds.GetDouble())));
  ExecContext ctx;
  ctx.cancel = &cancel;
  ctx.deadline = statement_deadline;
  while (true) {
    ctx.CheckCancel();
    auto now = std::chrono::steady_clock::now();
    if (now >= until) break;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(until - now, kSleepStep));
  }
  return Value::Text("");
}

void Connection::Impl::RecordSequenceValue(int64_t sequence_id, int64_t value) {
  currvals[sequence_id] = value;
  lastval = value;
}

namespace {
// An OID argument arrives as a number, or as the digits of one.
std::optional<int64_t> OidArgument(const Value& v) {
  if (v.type().physical() != PhysicalType::kString) return v.GetInt64();
  const std::string& s = v.GetString();
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}
}  // namespace

bool Connection::Impl::HasPrivilege(const std::string& function, const std::vector<Value>& args) {
  if (function != "has_table_privilege" || args.size() < 2) return true;
  const Catalog& catalog = CurrentCatalog();
  ObjectId role = CurrentRoleId();
  size_t at = 0;
  if (args.size() == 3) {
    const Value& r = args[at++];
    std::optional<int64_t> oid = OidArgument(r);
    const RoleInfo* info = oid ? catalog.GetRole(static_cast<ObjectId>(*oid))
                               : catalog.FindRole(r.GetString());
    if (!info)
      ThrowError(sqlstate::kUndefinedObject, "role \"" + r.ToString() + "\" does not exist");
    role = info->id;
  }
  const Value& t = args[at];
  ObjectId relation = 0;
  if (std::optional<int64_t> oid = OidArgument(t)) {
    relation = static_cast<ObjectId>(*oid - system_catalog::RelationOid(0));  // 16384 + id
  } else {
    std::string name = t.GetString(), schema;
    if (size_t dot = name.find('.'); dot != std::string::npos) {
      schema = name.substr(0, dot);
      name = name.substr(dot + 1);
    }
    if (const TableInfo* table = catalog.FindTable(schema, name)) {
      relation = table->id;
    } else if (const ViewInfo* view = catalog.FindView(schema, name)) {
      relation = view->id;
    } else {
      ThrowError(sqlstate::kUndefinedTable, "relation \"" + t.GetString() + "\" does not exist");
    }
  }
  return HasTablePrivilege(catalog, role, relation, ParsePrivilegeList(args[at + 1].GetString()));
}

std::string Connection::Impl::RoleName(ObjectId role) {
  const RoleInfo* info = CurrentCatalog().GetRole(role);
  return info ? info->name : std::string(kBootstrapSuperuserName);
}

Value Connection::Impl::CallSessionFunction(const std::string& name,
                                            const std::vector<Value>& args) {
  if (name == "current_user") return Value::Text(RoleName(CurrentRoleId()));
  if (name == "session_user") return Value::Text(RoleName(SessionRoleId()));
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
  if (name == "pg_sleep") return Sleep(args[0]);
  if (name == "current_scn" || name == "scn_to_timestamp" || name == "timestamp_to_scn")
    return TimeTravelFunction(*db->storage, name, args);
  if (name == "set_config") {
    if (args[0].is_null())
      ThrowError(sqlstate::kNullValueNotAllowed, "SET requires parameter name");
    bool local = !args[2].is_null() && args[2].GetBool();
    // Who the session runs as goes through the same checks as SET ROLE.
    std::string setting = args[0].GetString();
    for (char& c : setting) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (setting == "role" || setting == "session_authorization") {
      std::string value = args[1].is_null() ? "" : args[1].GetString();
      if (setting == "role") {
        SetRole(value.empty() ? "none" : value, local);
      } else {
        SetSessionAuthorization(value);
      }
      return Value::Text(settings.Get(setting));
    }
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
