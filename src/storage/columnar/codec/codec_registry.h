// The one hand-written list of codecs, looked up by the id in a segment header or by the name in
// a `compression = '...'` setting.
#pragma once

#include <span>
#include <string_view>

#include "storage/columnar/codec/codec.h"

namespace heliosdb::codec {

std::span<const Codec* const> AllCodecs();
// nullptr when no codec has the id (a segment from a newer version, or corruption).
const Codec* FindCodec(CodecId id);
// The codec a `compression` setting names: nullptr for 'auto' (the analysis chooses);
// throws 22023 "invalid compression method" for a name that is neither.
const Codec* CodecForSetting(std::string_view name);

}  // namespace heliosdb::codec
