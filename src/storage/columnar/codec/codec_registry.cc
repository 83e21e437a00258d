#include "storage/columnar/codec/codec_registry.h"

#include <string>

#include "common/exception.h"
#include "storage/columnar/codec/codecs.h"

namespace heliosdb::codec {

namespace {
// Order matters only for ties in the analysis: the earlier (cheaper to decode) codec wins.
constexpr const Codec* kCodecs[] = {
    &kConstantCodec,   &kRleCodec,  &kBitPackingCodec, &kDeltaCodec, &kDeltaOfDeltaCodec,
    &kDictionaryCodec, &kFsstCodec, &kAlpCodec,        &kAlpRdCodec, &kGorillaCodec,
    &kNoneCodec,       &kLz4Codec,  &kZstdCodec,
};
}  // namespace

std::span<const Codec* const> AllCodecs() {
  return kCodecs;
}

const Codec* FindCodec(CodecId id) {
  for (const Codec* c : kCodecs) {
    if (c->id == id) return c;
  }
  return nullptr;
}

const Codec* CodecForSetting(std::string_view name) {
  if (name == "auto") return nullptr;
  for (const Codec* c : kCodecs) {
    if (name == c->name) return c;
  }
  ThrowError(sqlstate::kInvalidParameterValue,
             "invalid compression method \"" + std::string(name) + "\"");
}

}  // namespace heliosdb::codec
