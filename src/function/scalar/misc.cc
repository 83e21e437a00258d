// Miscellaneous scalar functions: gen_random_uuid, uuid helpers, num_nulls / num_nonnulls.
#include "common/types/uuid.h"
#include "function/builtin_functions.h"
#include "function/kernel_util.h"

namespace heliosdb {

void RegisterMiscFunctions(FunctionRegistry& reg) {
  LogicalType uuid(TypeId::kUuid), i4(TypeId::kInteger), any(TypeId::kUnknown);
  ScalarFunction gen = Scalar("gen_random_uuid", {}, uuid,
                              [](DataChunk&, idx_t count, Vector* result, FunctionContext&) {
                                result->validity().Reset();
                                for (idx_t i = 0; i < count; i++)
                                  result->data<Uuid>()[i] = RandomUuid();
                              });
  gen.volatile_ = true;
  reg.AddScalar(gen);
  ScalarFunction uuid4 = gen;
  uuid4.name = "uuid_generate_v4";
  reg.AddScalar(uuid4);
  // pg_typeof(any): PostgreSQL returns regtype; we return its output, the type's name without
  // modifiers ('character varying', 'numeric', 'unknown' for an untyped literal).
  ScalarFunction type_of =
      Scalar("pg_typeof", {any}, LogicalType(TypeId::kText),
             [](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
               const LogicalType& t = args.column(0).type();
               std::string name =
                   t.IsArray() ? LogicalType::Array(LogicalType(t.element_type().id())).ToString()
                               : LogicalType(t.id()).ToString();
               result->validity().Reset();
               for (idx_t i = 0; i < count; i++) result->SetString(i, name);
             });
  type_of.strict = false;
  type_of.keep_unknown = true;
  reg.AddScalar(type_of);
  for (bool nulls : {true, false}) {
    ScalarFunction f =
        Scalar(nulls ? "num_nulls" : "num_nonnulls", {any}, i4,
               [nulls](DataChunk& args, idx_t count, Vector* result, FunctionContext&) {
                 result->validity().Reset();
                 for (idx_t i = 0; i < count; i++) {
                   int64_t n = 0;
                   for (idx_t c = 0; c < args.column_count(); c++) {
                     n += args.column(c).ToUnified().IsValid(i) != nulls;
                   }
                   result->data<int64_t>()[i] = n;
                 }
               });
    f.variadic = true;
    f.strict = false;
    reg.AddScalar(f);
  }
}

}  // namespace heliosdb
