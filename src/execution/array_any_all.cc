// `x op ANY (array)` and `x op ALL (array)` with PostgreSQL's three-valued results: ANY is
// true when some comparison is true, NULL when none is but one is NULL (a NULL element or a
// NULL x), false otherwise; ALL is the dual. An empty array gives false for ANY and true for
// ALL whatever x is; a NULL array gives NULL.
#include "common/types/array_value.h"
#include "execution/expression_executor.h"

namespace heliosdb {

void ExpressionExecutor::EvaluateArrayAnyAll(const BoundExpr& e, const DataChunk& input,
                                             Vector* result) {
  idx_t count = input.size();
  Vector left, arrays;
  Evaluate(*e.children[0], input, &left);
  Evaluate(*e.children[1], input, &arrays);
  bool all = e.negated;
  LogicalType element = e.children[1]->type.element_type();
  Vector out(TypeId::kBoolean, std::max<idx_t>(count, 1));
  for (idx_t r = 0; r < count; r++) {
    Value array = arrays.GetValue(r);
    if (array.is_null()) {
      out.SetNull(r);
      continue;
    }
    std::vector<Value> elements = DecodeArray(array.GetString(), element);
    if (elements.empty()) {
      out.data<bool>()[r] = all;
      continue;
    }
    Value x = left.GetValue(r);
    if (x.is_null()) {
      out.SetNull(r);
      continue;
    }
    DataChunk pair;
    pair.columns().push_back(Vector::Constant(x));
    Vector items(element, elements.size());
    for (size_t i = 0; i < elements.size(); i++) items.SetValue(i, elements[i]);
    pair.columns().push_back(std::move(items));
    pair.SetSize(elements.size());
    Vector cmp(TypeId::kBoolean, elements.size());
    e.function.function->kernel(pair, elements.size(), &cmp, ctx_.function);
    bool decided = false, unknown = false;
    for (size_t i = 0; i < elements.size() && !decided; i++) {
      if (!cmp.validity().IsValid(i)) {
        unknown = true;
      } else if (cmp.data<bool>()[i] != all) {
        decided = true;
      }
    }
    if (!decided && unknown) {
      out.SetNull(r);
    } else {
      out.validity().SetValid(r);
      out.data<bool>()[r] = decided ? !all : all;
    }
  }
  *result = std::move(out);
}

}  // namespace heliosdb
