#include "dump/local_session.h"

#include "common/exception.h"
#include "engine/connection_impl.h"

namespace heliosdb::dump {

namespace {
QueryResult OrThrow(Result<QueryResult> r) {
  if (!r.ok()) throw DbException(r.status());
  return std::move(r).value();
}
}  // namespace

LocalSession::LocalSession(const std::string& path, bool create_if_missing, bool read_only) {
  Options options;
  options.create_if_missing = create_if_missing;
  options.read_only = read_only;
  auto db = Database::Open(path, options);
  if (!db.ok()) throw DbException(db.status());
  owned_db_ = std::move(db).value();
  db_ = owned_db_.get();
  conn_ = owned_db_->Connect();
}

LocalSession::LocalSession(Database& database) : db_(&database), conn_(database.Connect()) {}

LocalSession::~LocalSession() {
  conn_.reset();  // before the database it belongs to
  owned_db_.reset();
}

QueryResult LocalSession::Exec(const std::string& sql) {
  return OrThrow(conn_->Execute(sql));
}

QueryResult LocalSession::Copy(const std::string& sql, CopyStream* stream) {
  conn_->impl()->copy_stream = stream;
  auto r = conn_->Execute(sql);
  conn_->impl()->copy_stream = nullptr;
  return OrThrow(std::move(r));
}

}  // namespace heliosdb::dump
