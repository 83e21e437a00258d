// Generates the eight TPC-H tables for one scale factor and seed (clause 4.2 of the spec):
// the cardinalities, key relationships and value distributions follow the spec, the comment
// text comes from a simplified grammar (text_pool.h). The same (scale factor, seed) always
// gives byte-identical files.
#pragma once

#include <cstdint>
#include <string>

#include "random.h"
#include "text_pool.h"

namespace tpch {

struct ScaleCounts {
  int64_t suppliers;  // SF * 10,000
  int64_t parts;      // SF * 200,000 (partsupp has four rows per part)
  int64_t customers;  // SF * 150,000
  int64_t orders;     // SF * 1,500,000 (lineitem has one to seven rows per order)
  int64_t clerks;     // SF * 1,000, at least one
};

// Throws std::invalid_argument when sf is too small for the spec's partsupp key formula to give
// each part four distinct suppliers.
ScaleCounts CountsFor(double sf);

class Generator {
 public:
  Generator(double sf, uint64_t seed);

  // Writes region.csv ... lineitem.csv into dir (which must exist); returns a one-line summary
  // of the row counts. Throws std::runtime_error on an I/O error.
  std::string WriteAll(const std::string& dir);

 private:
  void WriteRegion(const std::string& path);
  void WriteNation(const std::string& path);
  void WriteSupplier(const std::string& path);
  void WritePart(const std::string& path);
  void WritePartSupp(const std::string& path);
  void WriteCustomer(const std::string& path);
  // Orders and their line items together: an order's status and total price come from its lines.
  void WriteOrdersAndLineitems(const std::string& orders_path, const std::string& lineitem_path);

  // The i-th (0..3) supplier of a part, as the spec's formula pairs them.
  int64_t SupplierOfPart(int64_t part, int i) const;
  std::string Phone(Random& rng, int nation) const;
  std::string AlphaNumeric(Random& rng, int min_len, int max_len) const;

  ScaleCounts counts_;
  uint64_t seed_;
  TextPool text_;
  std::string summary_;
};

}  // namespace tpch
