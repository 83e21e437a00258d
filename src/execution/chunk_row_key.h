// A row of a chunk as bytes under which equal rows collide: the order-preserving key encoding
// of its values (NULLs equal each other, 1.0 = 1.00, -0.0 = 0.0), as DISTINCT and the set
// operations compare rows.
#pragma once

#include <string>

#include "common/data_chunk.h"

namespace heliosdb {

std::string ChunkRowKey(const DataChunk& chunk, idx_t row);

}  // namespace heliosdb
