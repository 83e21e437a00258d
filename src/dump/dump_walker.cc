#include "dump/dump_walker.h"

#include <optional>

#include "common/binary_io.h"

namespace heliosdb::dump {

DumpCatalog WalkDump(DumpReader& reader, const DumpHandlers& handlers) {
  DumpCatalog catalog;
  bool have_catalog = false;
  std::optional<DumpBranch> branch;  // whose tables follow
  Block block;
  while (reader.Next(&block)) {
    switch (static_cast<BlockKind>(block.kind)) {
      case BlockKind::kDumpInfo:
      case BlockKind::kConfig:
        break;  // informational: the rows are always rendered under SnapshotSource's settings
      case BlockKind::kCatalog:
        catalog = DumpCatalog::Decode(block.payload);
        have_catalog = true;
        if (handlers.on_catalog) handlers.on_catalog(catalog);
        break;
      case BlockKind::kTableBegin: {
        BinaryReader r(block.payload, "dump table header");
        std::string schema = r.GetString();
        std::string name = r.GetString();
        const DumpTable* table = (branch ? branch->catalog : catalog).FindTable(schema, name);
        if (!have_catalog || !table)
          reader.Corrupt(block.offset, "rows of table \"" + schema + "." + name +
                                           "\", which the catalog does not hold");
        reader.set_object("table " + schema + "." + name);
        DumpRowsStream rows(reader, handlers.progress);
        if (handlers.on_table) handlers.on_table(*table, rows);
        std::string rest;
        while (rows.Read(&rest)) {
        }
        reader.set_object("");
        break;
      }
      case BlockKind::kBranches: {
        if (!have_catalog) reader.Corrupt(block.offset, "a branch before the catalog");
        // Empty sections (a varint 0) come from exports of before branches were carried.
        if (block.payload.size() <= 1) break;
        reader.set_object("branch");
        branch = DumpBranch::Decode(block.payload);
        reader.set_object("branch " + branch->name);
        if (handlers.on_branch) handlers.on_branch(*branch);
        reader.set_object("");
        break;
      }
      case BlockKind::kMaterializedViews:
        // Materialized views do not exist yet: an empty section (a varint 0) holds nothing;
        // one with objects comes from a newer build.
        if (block.payload.size() > 1) reader.SkipUnknown(block);
        break;
      case BlockKind::kRows:
      case BlockKind::kTableEnd:
        reader.Corrupt(block.offset, "rows outside a table");
      default:
        reader.SkipUnknown(block);
    }
  }
  if (!have_catalog) reader.Corrupt(0, "the dump has no catalog");
  return catalog;
}

}  // namespace heliosdb::dump
