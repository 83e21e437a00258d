// The value domains of the TPC-H specification (clause 4.2.2 and 4.2.3): every string a query
// filters or groups on comes from these lists, so the 22 queries find the rows they expect.
#pragma once

#include <cstddef>

namespace tpch {

struct Nation {
  const char* name;
  int region;
};

extern const char* const kRegions[5];
extern const Nation kNations[25];

// p_type is one syllable from each list; p_container one from each of the two container lists.
extern const char* const kTypeSyllable1[6];
extern const char* const kTypeSyllable2[5];
extern const char* const kTypeSyllable3[5];
extern const char* const kContainerSyllable1[5];
extern const char* const kContainerSyllable2[8];

extern const char* const kSegments[5];
extern const char* const kPriorities[5];
extern const char* const kShipInstructions[4];
extern const char* const kShipModes[7];

// p_name is five distinct words of this list.
extern const char* const kColors[92];

// The word classes of the comment grammar (a simplified form of the spec's clause 4.2.2.10).
extern const char* const kNouns[32];
extern const char* const kVerbs[32];
extern const char* const kAdjectives[29];
extern const char* const kAdverbs[28];
extern const char* const kPrepositions[24];
extern const char* const kAuxiliaries[16];
extern const char* const kTerminators[6];

}  // namespace tpch
