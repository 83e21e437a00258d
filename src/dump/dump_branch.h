// A database branch as a dump carries it: the payload of a kBranches block, followed by the
// branch's tables as ordinary table blocks (kTableBegin, kRows, kTableEnd) until the next
// kBranches block or the trailer.
//
//   name str | parent str | fork SCN varint | fork time signed | created_at signed |
//   catalog (the payload of a kCatalog block: the branch's own view of every object)
//
// str is a varint length and the bytes; times are microseconds since 2000-01-01 UTC. The block
// is marked required: a reader that does not know branches refuses the dump rather than load
// a branch's tables into main. Fields are only ever appended.
#pragma once

#include <cstdint>
#include <string>

#include "dump/dump_catalog.h"

namespace heliosdb::dump {

struct DumpBranch {
  std::string name, parent;
  uint64_t fork_scn = 0;  // in the source database; the import forks at its own state
  int64_t fork_time = 0;  // the commit time of fork_scn, 0 when unknown
  int64_t created_at = 0;
  DumpCatalog catalog;  // what the branch shows, with its tables' row counts

  std::string Encode() const;
  static DumpBranch Decode(std::string_view bytes);  // throws XX001 on malformed input
};

}  // namespace heliosdb::dump
