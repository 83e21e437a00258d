// The plain layout of 'none': fixed-width values as their bytes, strings as a string block
// (string_block.h). zstd and lz4 compress this same layout.
#pragma once

#include <string>
#include <string_view>

#include "storage/columnar/codec/column_data.h"

namespace heliosdb::codec {

void EncodePlain(const ColumnView& column, std::string& out);
uint64_t PlainBytes(const ColumnView& column);
void DecodePlain(std::string_view payload, StorageType type, idx_t count, ColumnBuffer& out);

}  // namespace heliosdb::codec
