// Reading one column chunk: its pages (dictionary page, data pages v1 and v2, in any of the
// codecs page_codec.h reads), their levels and values (PLAIN, PLAIN_DICTIONARY /
// RLE_DICTIONARY, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
// BYTE_STREAM_SPLIT, RLE booleans), assembled into one SQL value per row.
#pragma once

#include <vector>

#include "common/value.h"
#include "parquet/file_metadata.h"
#include "parquet/random_access_file.h"
#include "parquet/schema_mapping.h"

namespace heliosdb::parquet {

// The rows of one column chunk. Throws 22P04 naming the byte offset for corrupted or truncated
// pages, 0A000 for encodings and codecs we do not read.
std::vector<Value> ReadColumnChunk(const RandomAccessFile& file, const ColumnMetaData& meta,
                                   const ReadColumn& column, int64_t num_rows);

}  // namespace heliosdb::parquet
