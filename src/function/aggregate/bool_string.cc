// bool_and / every, bool_or, bit_and / bit_or / bit_xor on integers, and string_agg(text, delimiter) / string_agg(bytea, delimiter).
// string_agg skips NULL values; a NULL delimiter counts as empty; no rows gives NULL.
#include "function/aggregate/aggregate_util.h"
#include "function/builtin_functions.h"

namespace heliosdb {

namespace {

struct BoolState {
  bool value = false;
  bool has = false;
};

struct StringAggState {
  std::string* text = nullptr;  // owned; nullptr until the first value
};

void AddBoolAggregates(FunctionRegistry& reg) {
  LogicalType b(TypeId::kBoolean);
  for (const char* name : {"bool_and", "every", "bool_or"}) {
    bool is_and = name[5] != 'o';
    reg.AddAggregate(MakeAggregate<BoolState, bool>(
        name, b, b,
        [is_and](BoolState& s, bool v) {
          s.value = s.has ? (is_and ? s.value && v : s.value || v) : v;
          s.has = true;
        },
        [is_and](BoolState& d, const BoolState& s) {
          if (!s.has) return;
          d.value = d.has ? (is_and ? d.value && s.value : d.value || s.value) : s.value;
          d.has = true;
        },
        [](const BoolState& s, Vector* r, idx_t row) {
          s.has ? EmitValue(r, row, s.value) : r->SetNull(row);
        }));
  }
}

struct BitState {
  int64_t value = 0;
  bool has = false;
};

void AddBitAggregates(FunctionRegistry& reg) {
  for (TypeId id : {TypeId::kSmallInt, TypeId::kInteger, TypeId::kBigInt}) {
    LogicalType t(id);
    for (int op = 0; op < 3; op++) {
      static const char* const kNames[] = {"bit_and", "bit_or", "bit_xor"};
      auto apply = [op](int64_t a, int64_t b) { return op == 0 ? a & b : (op == 1 ? a | b : a ^ b); };
      reg.AddAggregate(MakeAggregate<BitState, int64_t>(
          kNames[op], t, t,
          [apply](BitState& s, int64_t v) {
            s.value = s.has ? apply(s.value, v) : v;
            s.has = true;
          },
          [apply](BitState& d, const BitState& s) {
            if (!s.has) return;
            d.value = d.has ? apply(d.value, s.value) : s.value;
            d.has = true;
          },
          [](const BitState& s, Vector* r, idx_t row) {
            s.has ? EmitValue(r, row, s.value) : r->SetNull(row);
          }));
    }
  }
}

void AddStringAgg(FunctionRegistry& reg, LogicalType t) {
  AggregateFunction f;
  f.name = "string_agg";
  f.args = {t, t};
  f.return_type = t;
  f.state_size = sizeof(StringAggState);
  f.init = [](uint8_t* s) { StoreState(s, StringAggState{}); };
  f.update = [](DataChunk& args, uint8_t** states, idx_t count) {
    UnifiedFormat v = args.column(0).ToUnified(), d = args.column(1).ToUnified();
    for (idx_t i = 0; i < count; i++) {
      if (!v.IsValid(i)) continue;
      StringAggState s = LoadState<StringAggState>(states[i]);
      if (!s.text) {
        s.text = new std::string(v.Get<std::string_view>(i));
        StoreState(states[i], s);
        continue;
      }
      if (d.IsValid(i)) s.text->append(d.Get<std::string_view>(i));
      s.text->append(v.Get<std::string_view>(i));
    }
  };
  // Partial results are concatenated without knowing the delimiter between them; the parallel
  // aggregate must therefore not split string_agg (order-sensitive anyway), or accept that the
  // delimiter between partials is lost. We keep the partials adjacent with no delimiter.
  f.combine = [](const uint8_t* src, uint8_t* dst) {
    StringAggState s = LoadState<StringAggState>(src), d = LoadState<StringAggState>(dst);
    if (!s.text) return;
    if (!d.text) {
      d.text = new std::string(*s.text);
      StoreState(dst, d);
    } else {
      d.text->append(*s.text);
    }
  };
  f.finalize = [](uint8_t** states, idx_t count, Vector* result, idx_t offset) {
    for (idx_t i = 0; i < count; i++) {
      StringAggState s = LoadState<StringAggState>(states[i]);
      if (!s.text) {
        result->SetNull(offset + i);
      } else {
        result->validity().SetValid(offset + i);
        result->SetString(offset + i, *s.text);
      }
    }
  };
  f.destroy = [](uint8_t* state) {
    delete LoadState<StringAggState>(state).text;
    StoreState(state, StringAggState{});
  };
  reg.AddAggregate(f);
}

}  // namespace

void RegisterBoolStringAggregates(FunctionRegistry& reg) {
  AddBoolAggregates(reg);
  AddBitAggregates(reg);
  AddStringAgg(reg, LogicalType(TypeId::kText));
  AddStringAgg(reg, LogicalType(TypeId::kBytea));
}

}  // namespace heliosdb
