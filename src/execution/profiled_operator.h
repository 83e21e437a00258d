// ProfiledOperator: wraps an operator for EXPLAIN ANALYZE, adding the rows it returns and the
// time its Next() calls take (its children's time included, as PostgreSQL reports) to a
// profile entry. Plans run without it when nobody asks, so ordinary queries pay nothing.
#pragma once

#include "execution/physical_operator.h"
#include "planner/logical_plan.h"

namespace heliosdb {

class ProfiledOperator : public PhysicalOperator {
 public:
  ProfiledOperator(PhysicalOperatorPtr op, OperatorProfile* profile);
  DataChunk* Next(ExecContext& ctx) override;

 private:
  OperatorProfile* profile_;
};

}  // namespace heliosdb
