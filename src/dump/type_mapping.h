// Our types and index methods as PostgreSQL spells them (docs/UPGRADE.md holds the full table,
// including the planned mappings of later features).
#pragma once

#include <string>

namespace heliosdb::dump {

// Every type HeliosDB has today is a PostgreSQL type under the same name (the dump stores
// PostgreSQL's spelling), so the mapping is the identity; later types (vector(n)) map here.
std::string PostgresType(const std::string& type);
// btree and hash exist in PostgreSQL as they are; later methods (hnsw, bm25) map here.
std::string PostgresIndexMethod(const std::string& method);

}  // namespace heliosdb::dump
