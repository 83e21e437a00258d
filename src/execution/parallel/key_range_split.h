// Cutting a key range into pieces of about equal width, for parallel scans.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace heliosdb {

// Up to parts - 1 boundaries strictly between first and last, increasing, that cut
// [first, last] into `parts` ranges of equal width in key space: the keys are read as numbers
// by their first eight bytes after the prefix they share. Dense integer keys (the
// order-preserving encoding of a serial or TPC-H key) split into equal row counts; others
// split less evenly, which the dynamic hand-out of ranges absorbs. Fewer boundaries (none)
// when the keys are too close to cut.
std::vector<std::string> SplitKeyRange(std::string_view first, std::string_view last,
                                       size_t parts);

}  // namespace heliosdb
