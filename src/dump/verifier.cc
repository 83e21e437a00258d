#include "dump/verifier.h"

#include <map>

#include "dump/snapshot_source.h"
#include "dump/verify_side.h"

namespace heliosdb::dump {

namespace {

// Prints up to kSampleRows rows found on only one side: a multiset difference of row hashes.
void PrintSampleRows(VerifySide& here, VerifySide& there, const DumpTable& t, std::FILE* out) {
  std::map<int64_t, std::pair<int64_t, std::string>> rows;  // hash -> (count here - there, text)
  here.Rows(t, [&](int64_t hash, const std::string& text) {
    auto& e = rows[hash];
    e.first++;
    e.second = text;
  });
  there.Rows(t, [&](int64_t hash, const std::string& text) {
    auto& e = rows[hash];
    e.first--;
    if (e.second.empty()) e.second = text;
  });
  int only_here = 0, only_there = 0;
  for (const auto& [hash, e] : rows) {
    if (e.first > 0 && only_here++ < kSampleRows)
      std::fprintf(out, "    only in %s: %s\n", here.name().c_str(), e.second.c_str());
    if (e.first < 0 && only_there++ < kSampleRows)
      std::fprintf(out, "    only in %s: %s\n", there.name().c_str(), e.second.c_str());
  }
}

int CompareObjects(const char* what, const std::set<std::string>& expected,
                   const std::set<std::string>& present, const std::string& there, std::FILE* out) {
  int missing = 0;
  for (const std::string& name : expected) {
    bool ok = present.count(name) > 0;
    std::fprintf(out, "%-40s %-12s %s\n", name.c_str(), what, ok ? "ok" : "MISSING");
    if (!ok) {
      std::fprintf(out, "    %s %s is missing in %s\n", what, name.c_str(), there.c_str());
      missing++;
    }
  }
  return missing;
}

}  // namespace

int Verify(const std::string& db_path, const VerifyTarget& target, std::FILE* out) {
  SnapshotSource source(db_path);
  return Verify(source, target, out);
}

int Verify(SnapshotSource& source, const VerifyTarget& target, std::FILE* out) {
  auto here = LocalSide(source);
  auto there = target.postgres.empty() ? DumpSide(target.dump_file) : PostgresSide(target.postgres);
  const DumpCatalog& catalog = source.catalog();
  auto ours = here->Checksums(catalog);
  auto theirs = there->Checksums(catalog);
  int differences = 0;
  std::fprintf(out, "%-40s %12s %12s  %-9s %s\n", "table", "rows here",
               ("rows " + there->name()).c_str(), "checksum", "status");
  for (const DumpTable& t : catalog.tables) {
    std::string key = ObjectKey(t.schema, t.name);
    const TableChecksum& a = ours[key];
    auto it = theirs.find(key);
    if (it == theirs.end()) {
      std::fprintf(out, "%-40s %12lld %12s  %-9s %s\n", key.c_str(), static_cast<long long>(a.rows),
                   "-", "-", "MISSING");
      differences++;
      continue;
    }
    const TableChecksum& b = it->second;
    bool same = a.rows == b.rows && a.sum == b.sum;
    std::fprintf(out, "%-40s %12lld %12lld  %-9s %s\n", key.c_str(), static_cast<long long>(a.rows),
                 static_cast<long long>(b.rows), a.sum == b.sum ? "match" : "differs",
                 same ? "ok" : "DIFFERENT");
    if (!same) {
      differences++;
      PrintSampleRows(*here, *there, t, out);
    }
  }
  std::fprintf(out, "\n");
  differences += CompareObjects("index", here->Indexes(), there->Indexes(), there->name(), out);
  differences += CompareObjects("view", here->Views(), there->Views(), there->name(), out);
  std::fprintf(out, "\n%s: %d difference%s\n", differences ? "FAILED" : "OK", differences,
               differences == 1 ? "" : "s");
  return differences;
}

}  // namespace heliosdb::dump
