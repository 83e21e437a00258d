// Dispatch of set-returning functions, and unnest: the elements of its arrays side by side,
// the shorter ones padded with NULL (a NULL array has no elements).
#include "function/table/set_function.h"

#include "common/exception.h"
#include "common/types/array_value.h"

namespace heliosdb {

namespace {

class UnnestRows : public SetFunctionRows {
 public:
  UnnestRows(const std::vector<Value>& arrays, const std::vector<LogicalType>& columns) {
    for (size_t i = 0; i < arrays.size(); i++) {
      elements_.push_back(arrays[i].is_null() ? std::vector<Value>{}
                                              : DecodeArray(arrays[i].GetString(), columns[i]));
      length_ = std::max(length_, elements_.back().size());
      nulls_.push_back(Value::Null(columns[i]));
    }
  }
  bool Next(std::vector<Value>* row) override {
    if (next_ >= length_) return false;
    row->clear();
    for (size_t i = 0; i < elements_.size(); i++)
      row->push_back(next_ < elements_[i].size() ? elements_[i][next_] : nulls_[i]);
    next_++;
    return true;
  }

 private:
  std::vector<std::vector<Value>> elements_;
  std::vector<Value> nulls_;
  size_t length_ = 0;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<SetFunctionRows> StartSetFunction(const std::string& name, std::vector<Value> args,
                                                  const std::vector<LogicalType>& columns,
                                                  FunctionContext& ctx) {
  if (name == "generate_series") return StartGenerateSeries(std::move(args), ctx);
  if (name == "unnest") return std::make_unique<UnnestRows>(args, columns);
  if (name == "regexp_split_to_table" || name == "regexp_matches")
    return StartRegexpRows(name, std::move(args));
  HELIOS_UNREACHABLE();
}

}  // namespace heliosdb
