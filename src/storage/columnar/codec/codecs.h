// The codec tables, one per file or folder; codec_registry.cc lists them.
#pragma once

#include "storage/columnar/codec/codec.h"

namespace heliosdb::codec {

extern const Codec kNoneCodec;          // none.cc
extern const Codec kConstantCodec;      // constant.cc
extern const Codec kRleCodec;           // rle.cc
extern const Codec kDictionaryCodec;    // dictionary.cc
extern const Codec kBitPackingCodec;    // bit_packing.cc
extern const Codec kDeltaCodec;         // delta.cc
extern const Codec kDeltaOfDeltaCodec;  // delta_of_delta.cc
extern const Codec kFsstCodec;          // fsst/
extern const Codec kAlpCodec;           // alp/alp.cc
extern const Codec kAlpRdCodec;         // alp/alp_rd.cc
extern const Codec kGorillaCodec;       // gorilla.cc
extern const Codec kZstdCodec;          // zstd.cc
extern const Codec kLz4Codec;           // lz4.cc

// Type predicates the tables share.
inline bool SupportsAnyType(StorageType) {
  return true;
}
inline bool SupportsFixedWidth(StorageType t) {
  return t != StorageType::kString;
}
inline bool SupportsIntegers(StorageType t) {
  return IsIntegerType(t);
}
inline bool SupportsFloats(StorageType t) {
  return IsFloatType(t);
}
inline bool SupportsStrings(StorageType t) {
  return t == StorageType::kString;
}

}  // namespace heliosdb::codec
