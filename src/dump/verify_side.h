// The sides verify compares: the database itself (one snapshot), a PostgreSQL-protocol server
// (checksums computed there by SQL, so nothing of our own export is trusted) and a dump file.
// Each yields per table a TableChecksum, the rows themselves (hash and canonical text) to name
// the ones that differ, and the names of the indexes and views it holds.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "dump/dump_catalog.h"
#include "dump/row_checksum.h"

namespace heliosdb::dump {

class VerifySide {
 public:
  virtual ~VerifySide() = default;
  virtual std::string name() const = 0;  // the column heading: "postgresql", "dump"
  // "schema.table" -> checksum, for the tables of `tables` this side holds.
  virtual std::map<std::string, TableChecksum> Checksums(const DumpCatalog& tables) = 0;
  using RowFn = std::function<void(int64_t hash, const std::string& text)>;
  virtual void Rows(const DumpTable& table, const RowFn& fn) = 0;
  // "schema.name" of every index (constraint indexes included) and view.
  virtual std::set<std::string> Indexes() = 0;
  virtual std::set<std::string> Views() = 0;
};

class SnapshotSource;

// Decodes COPY text rows and hands each row's hash and canonical text to fn.
void ForEachCopyRow(std::string_view copy_text, const VerifySide::RowFn& fn);

std::unique_ptr<VerifySide> LocalSide(SnapshotSource& source);
std::unique_ptr<VerifySide> PostgresSide(const std::string& conninfo);
std::unique_ptr<VerifySide> DumpSide(const std::string& file);

// "schema.name" as the sides key objects.
inline std::string ObjectKey(const std::string& schema, const std::string& name) {
  return schema + "." + name;
}

// The indexes a catalog implies: its secondary indexes and its primary key and unique
// constraints (each enforced by an index of the constraint's name, as in PostgreSQL).
std::set<std::string> CatalogIndexes(const DumpCatalog& catalog);

}  // namespace heliosdb::dump
