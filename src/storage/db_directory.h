// DbDirectory: recognizes, creates and checks a HeliosDB database directory before RocksDB
// touches it, so that opening a path that is not ours changes nothing.
//
// Layout of the directory:
//   PATH/HELIOSDB      marker file, text: "HELIOSDB format <N>\n" (N = kFormatVersion)
//   PATH/*             RocksDB's files (CURRENT, MANIFEST-*, *.log, *.sst, LOCK, LOG, OPTIONS-*)
// The marker is written (and fsynced) before RocksDB creates anything, so a directory without
// it that is not empty is never ours.
//
// Thread safety: stateless functions.
#pragma once

#include <string>

#include "heliosdb/status.h"

namespace heliosdb {

struct DbDirectoryState {
  bool fresh = false;  // the directory was created (or found empty): a new database
};

// Checks `path` and, when allowed and needed, creates it with its marker file.
// Errors: 58030 (cannot read/create), XX001 (not ours / other format version), 3D000 (missing).
Status PrepareDbDirectory(const std::string& path, bool create_if_missing, bool read_only,
                          DbDirectoryState* state);

// Writes (and fsyncs) the marker file of a database directory that exists: a new database,
// or a backup that RocksDB's checkpoint just filled.
Status WriteDbMarker(const std::string& dir);

}  // namespace heliosdb
