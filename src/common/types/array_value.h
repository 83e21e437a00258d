// Array values: one-dimensional PostgreSQL arrays with lower bound 1.
//
// An array is stored wherever a string is (vectors, rows, Values) as the bytes that
// array_value.cc draws, so every operator that moves strings moves arrays unchanged. Functions
// that look inside an array decode it into Values of the element type and encode the result.
// Comparison and hashing follow PostgreSQL's btree rules for arrays: element by element with
// the element type's order (NULL above every value, NULLs equal), then the shorter array first.
//
// Text form (PostgreSQL's array_out / array_in): {1,2,NULL,"a b"}. An element is quoted when
// it is empty, is NULL spelled in any case, or holds whitespace or one of {}," and \; inside
// quotes " and \ are escaped with \. Input accepts quoted and unquoted elements, \ escapes,
// whitespace around elements and the unquoted NULL. Differences from PostgreSQL: only one
// dimension (multidimensional input raises 0A000) and no explicit bounds ("[2:3]={1,2}").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/types/value_text.h"
#include "common/value.h"

namespace heliosdb {

// REQUIRES: every element is NULL or has element's physical type.
std::string EncodeArray(const std::vector<Value>& elements, const LogicalType& element);
// Elements typed as `element`. Throws XX001 on malformed bytes.
std::vector<Value> DecodeArray(std::string_view bytes, const LogicalType& element);
// The element count without decoding the elements.
idx_t ArrayLength(std::string_view bytes);
// An array Value of type element[].
Value MakeArray(const std::vector<Value>& elements, const LogicalType& element);

int CompareArrays(std::string_view a, std::string_view b, const LogicalType& element);
uint64_t HashArray(std::string_view bytes, const LogicalType& element);

std::string FormatArray(std::string_view bytes, const LogicalType& element,
                        const TextFormatOptions& options = {});
// Parses the text form into an array of type `array_type`; element input errors propagate
// (22P02 invalid input syntax for type integer ...), a malformed literal raises 22P02
// "malformed array literal".
Value ParseArray(std::string_view text, const LogicalType& array_type,
                 const TextFormatOptions& options = {});

}  // namespace heliosdb
