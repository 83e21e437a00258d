// Status and Result<T>: how every public API call and the storage boundary report failure.
// A failed Status carries a PostgreSQL SQLSTATE (five characters, e.g. "23505"), a message and,
// for errors in SQL text, the 1-based character position of the offending token (0 = none).
// Thread safety: values; safe to copy between threads.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace heliosdb {

class Status {
 public:
  Status() = default;  // OK
  static Status OK() { return Status(); }
  static Status Error(std::string sqlstate, std::string message, int position = 0) {
    Status s;
    s.ok_ = false;
    s.sqlstate_ = std::move(sqlstate);
    s.message_ = std::move(message);
    s.position_ = position;
    return s;
  }

  bool ok() const { return ok_; }
  const std::string& sqlstate() const { return sqlstate_; }
  const std::string& message() const { return message_; }
  const std::string& detail() const { return detail_; }
  const std::string& hint() const { return hint_; }
  int position() const { return position_; }

  Status& WithDetail(std::string detail) {
    detail_ = std::move(detail);
    return *this;
  }
  Status& WithHint(std::string hint) {
    hint_ = std::move(hint);
    return *this;
  }
  Status& WithPosition(int position) {
    position_ = position;
    return *this;
  }

  // "ERROR:  message" as psql prints it, without position, detail or hint.
  std::string ToString() const { return ok_ ? "OK" : "ERROR:  " + message_; }

 private:
  bool ok_ = true;
  std::string sqlstate_ = "00000";
  std::string message_;
  std::string detail_;
  std::string hint_;
  int position_ = 0;
};

// Either a value or a failed Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: REQUIRES: !status.ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace heliosdb
