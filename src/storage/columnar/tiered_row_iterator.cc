#include "storage/columnar/tiered_row_iterator.h"

namespace heliosdb {

TieredRowIterator::TieredRowIterator(std::unique_ptr<RowIterator> hot,
                                     std::vector<VisibleGroup> groups,
                                     std::vector<VisibleGroup> skipped,
                                     std::map<std::string, Scn, std::less<>> ended,
                                     std::string_view lower, std::string_view upper)
    : hot_(std::move(hot)), ended_(std::move(ended)) {
  for (VisibleGroup& vg : groups) AddCursor(std::move(vg), false, lower, upper);
  for (VisibleGroup& vg : skipped) AddCursor(std::move(vg), true, lower, upper);
  Choose();
}

void TieredRowIterator::AddCursor(VisibleGroup group, bool skipped, std::string_view lower,
                                  std::string_view upper) {
  Cursor c;
  const RowGroup& rows = group.group->rows;
  c.from = rows.LowerBound(lower);
  c.to = upper.empty() ? rows.count() : rows.LowerBound(upper);
  if (c.from >= c.to) return;
  c.first_key = rows.KeyAt(c.from);
  c.group = std::move(group);
  c.skipped = skipped;
  cursors_.push_back(std::move(c));
}

std::string_view TieredRowIterator::CursorKey(const Cursor& c) const {
  return c.loaded ? std::string_view(c.rows.keys[c.pos]) : std::string_view(c.first_key);
}

bool TieredRowIterator::Settle(Cursor& c) {
  if (!c.loaded) {
    c.rows = c.group.group->rows.Decode(c.from, c.to, /*with_rows=*/!c.skipped);
    c.loaded = true;
    c.pos = 0;
  }
  for (; c.pos < c.rows.keys.size(); c.pos++) {
    Scn begin = c.rows.begins[c.pos];
    if (begin > c.group.cap) continue;
    auto it = ended_.find(c.rows.keys[c.pos]);
    if (it != ended_.end() && it->second >= begin) continue;
    return true;
  }
  c.rows = RowGroup::Decoded();  // passed: release the decoded rows
  return false;
}

void TieredRowIterator::Choose() {
  // The cursor with the smallest key, loading cursors until the smallest is a visible row.
  cold_ = nullptr;
  while (true) {
    Cursor* best = nullptr;
    for (Cursor& c : cursors_) {
      if (c.loaded && c.pos >= c.rows.keys.size()) continue;
      if (!best || CursorKey(c) < CursorKey(*best)) best = &c;
    }
    if (!best) break;
    if (!best->loaded) {
      Settle(*best);
      continue;
    }
    if (!best->skipped) {
      cold_ = best;
      break;
    }
    // A visible row of a skipped group: the hot version of its key, if any, is older.
    if (hot_->Valid() && hot_->key() < CursorKey(*best)) break;
    if (hot_->Valid() && hot_->key() == CursorKey(*best)) hot_->Next();
    best->pos++;
    Settle(*best);
  }
  from_cold_ = cold_ && (!hot_->Valid() || CursorKey(*cold_) <= hot_->key());
}

void TieredRowIterator::Next() {
  if (from_cold_) {
    if (hot_->Valid() && hot_->key() == CursorKey(*cold_)) hot_->Next();  // an older version
    cold_->pos++;
    Settle(*cold_);
  } else {
    hot_->Next();
  }
  Choose();
}

std::string_view TieredRowIterator::key() const {
  return from_cold_ ? CursorKey(*cold_) : hot_->key();
}

std::string_view TieredRowIterator::value() const {
  return from_cold_ ? std::string_view(cold_->rows.rows[cold_->pos]) : hot_->value();
}

}  // namespace heliosdb
