// Which files a heliosdb-slt run covers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace heliosdb::slt {

// Files given are taken as they are; directories are walked recursively for *.test, *.slt and
// *.test_slow, plus *.slt.part files that no walked file includes (RisingWave's stand-alone
// parts; the ones tpch.slt includes run only through it). Sorted per directory. An input that
// does not exist is reported on stderr and adds one to *failed.
std::vector<std::string> CollectTestFiles(const std::vector<std::string>& inputs, int64_t* failed);

}  // namespace heliosdb::slt
