// The dictionary codec's parts, for scans that hand execution a DICTIONARY vector instead of
// materializing every row (vector_bridge.h).
#pragma once

#include <string_view>
#include <vector>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec {

// Decodes a 'dictionary' payload into its entries (one row each) and the code of every row.
// Throws XX001 on a corrupted payload (a code without an entry included).
void DecodeDictionary(std::string_view payload, StorageType type, idx_t count,
                      ColumnBuffer& entries, std::vector<uint32_t>& codes);

}  // namespace heliosdb::codec
