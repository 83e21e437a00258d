// array_agg(x): the group's values, NULLs included, as an array of x's type, in the order the
// rows are fed (ORDER BY inside the call orders them); no rows gives NULL. DISTINCT and ORDER
// BY are applied by the hash aggregate before the values reach the state.
#include "common/types/array_value.h"
#include "function/aggregate/aggregate_util.h"
#include "function/builtin_functions.h"

namespace heliosdb {

namespace {

struct ArrayAggState {
  std::vector<Value>* values = nullptr;  // owned; nullptr until the first row
};

std::vector<Value>* Values(uint8_t* state) {
  ArrayAggState s = LoadState<ArrayAggState>(state);
  if (!s.values) {
    s.values = new std::vector<Value>();
    StoreState(state, s);
  }
  return s.values;
}

}  // namespace

void RegisterArrayAggregates(FunctionRegistry& reg) {
  AggregateFunction f;
  f.name = "array_agg";
  f.args = {LogicalType(TypeId::kAnyElement)};
  f.return_type = LogicalType(TypeId::kArray);
  f.return_rule = [](const std::vector<LogicalType>& args) { return LogicalType::Array(args[0]); };
  f.state_size = sizeof(ArrayAggState);
  f.init = [](uint8_t* s) { StoreState(s, ArrayAggState{}); };
  f.update = [](DataChunk& args, uint8_t** states, idx_t count) {
    for (idx_t i = 0; i < count; i++) Values(states[i])->push_back(args.column(0).GetValue(i));
  };
  f.combine = [](const uint8_t* src, uint8_t* dst) {
    ArrayAggState s = LoadState<ArrayAggState>(src);
    if (!s.values) return;
    std::vector<Value>* d = Values(dst);
    d->insert(d->end(), s.values->begin(), s.values->end());
  };
  f.finalize = [](uint8_t** states, idx_t count, Vector* result, idx_t offset) {
    LogicalType element = result->type().element_type();
    for (idx_t i = 0; i < count; i++) {
      ArrayAggState s = LoadState<ArrayAggState>(states[i]);
      result->SetValue(offset + i, s.values ? MakeArray(*s.values, element) : Value::Null());
    }
  };
  f.destroy = [](uint8_t* state) {
    delete LoadState<ArrayAggState>(state).values;
    StoreState(state, ArrayAggState{});
  };
  reg.AddAggregate(f);
}

}  // namespace heliosdb
