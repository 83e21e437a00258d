#include "execution/chunk_row_key.h"

#include "storage/key_codec.h"

namespace heliosdb {

std::string ChunkRowKey(const DataChunk& chunk, idx_t row) {
  std::string key;
  for (idx_t c = 0; c < chunk.column_count(); c++)
    EncodeKeyPart(chunk.column(c).ToUnified(), chunk.column(c).type(), row, &key);
  return key;
}

}  // namespace heliosdb
