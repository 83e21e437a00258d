// TieredRowIterator: the visible rows of a key range, hot versions and cold rows merged in key
// order (TieredTransaction::Scan and ScanZoned build it). A visible cold row wins over the hot
// version of the same key: that one is older (cold_tier.h). Each row group is decoded, only over
// the range, when the merge first reaches its smallest key, and released once passed. Thread
// safety: none; one iterator belongs to one pipeline.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "storage/columnar/cold_tier.h"

namespace heliosdb {

class TieredRowIterator : public RowIterator {
 public:
  // ended: the end markers the snapshot sees in the range (key -> the begin SCN they end).
  // skipped: row groups whose zone maps rule out every row: their rows are not returned, but
  // their keys still hide the older hot versions of those keys (only keys and SCNs are read).
  TieredRowIterator(std::unique_ptr<RowIterator> hot, std::vector<VisibleGroup> groups,
                    std::vector<VisibleGroup> skipped,
                    std::map<std::string, Scn, std::less<>> ended, std::string_view lower,
                    std::string_view upper);

  bool Valid() const override { return from_cold_ || hot_->Valid(); }
  void Next() override;
  std::string_view key() const override;
  std::string_view value() const override;

 private:
  // One row group's rows in the range; decoded on first use.
  struct Cursor {
    VisibleGroup group;
    idx_t from = 0, to = 0;  // the range's rows, before decoding
    bool loaded = false;
    bool skipped = false;  // a zone-skipped group: its keys only hide hot versions
    RowGroup::Decoded rows;
    size_t pos = 0;
    std::string first_key;  // the smallest key in range, while not loaded
  };
  std::string_view CursorKey(const Cursor& c) const;
  // Loads and skips the invisible rows of c; false once it is exhausted.
  bool Settle(Cursor& c);
  void AddCursor(VisibleGroup group, bool skipped, std::string_view lower, std::string_view upper);
  // Picks the source of the current row.
  void Choose();

  std::unique_ptr<RowIterator> hot_;
  std::vector<Cursor> cursors_;
  std::map<std::string, Scn, std::less<>> ended_;
  Cursor* cold_ = nullptr;  // the cursor with the smallest key, if any
  bool from_cold_ = false;
};

}  // namespace heliosdb
