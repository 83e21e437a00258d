// The families of built-in functions. Each Register function adds its family to the registry;
// function_registry.cc calls them all, in one hand-written list.
#pragma once

#include "function/function_registry.h"

namespace heliosdb {

// scalar/
void RegisterArithmeticOperators(FunctionRegistry& registry);  // + - * / % ^ on numbers
void RegisterDateTimeOperators(FunctionRegistry& registry);    // date/time/interval arithmetic
void RegisterComparisonOperators(FunctionRegistry& registry);  // = <> < <= > >=
void RegisterStringFunctions(FunctionRegistry& registry);      // || length lower substr ...
void RegisterLikeOperators(FunctionRegistry& registry);        // ~~ !~~ ~~* !~~*
void RegisterMathFunctions(FunctionRegistry& registry);        // abs round sqrt random ...
void RegisterDateTimeFunctions(FunctionRegistry& registry);    // now date_part date_trunc ...
void RegisterFormattingFunctions(FunctionRegistry& registry);  // to_char to_date to_timestamp
void RegisterMiscFunctions(FunctionRegistry& registry);        // gen_random_uuid md5 ...
void RegisterArrayOperators(FunctionRegistry& registry);       // || = < ... on arrays
void RegisterArrayFunctions(FunctionRegistry& registry);       // array_length cardinality ...
void RegisterRegexpFunctions(FunctionRegistry& registry);      // ~ regexp_match regexp_replace ...
void RegisterFormatFunctions(FunctionRegistry& registry);      // format quote_ident quote_literal
void RegisterEncodeFunctions(FunctionRegistry& registry);      // encode decode sha256 ...
void RegisterCatalogInfoFunctions(FunctionRegistry& registry);  // format_type pg_get_expr ...
// aggregate/
void RegisterBasicAggregates(FunctionRegistry& registry);        // count sum avg min max
void RegisterBoolStringAggregates(FunctionRegistry& registry);   // bool_and bool_or string_agg
void RegisterStatisticalAggregates(FunctionRegistry& registry);  // stddev variance ...
void RegisterArrayAggregates(FunctionRegistry& registry);        // array_agg

}  // namespace heliosdb
