#include "dump/dump_branch.h"

#include "common/binary_io.h"

namespace heliosdb::dump {

std::string DumpBranch::Encode() const {
  BinaryWriter w;
  w.PutString(name);
  w.PutString(parent);
  w.PutVarint(fork_scn);
  w.PutSigned(fork_time);
  w.PutSigned(created_at);
  w.PutString(catalog.Encode());
  return std::move(w.data());
}

DumpBranch DumpBranch::Decode(std::string_view bytes) {
  BinaryReader r(bytes, "dump branch record");
  DumpBranch b;
  b.name = r.GetString();
  b.parent = r.GetString();
  b.fork_scn = r.GetVarint();
  b.fork_time = r.GetSigned();
  b.created_at = r.GetSigned();
  b.catalog = DumpCatalog::Decode(r.GetString());
  return b;
}

}  // namespace heliosdb::dump
