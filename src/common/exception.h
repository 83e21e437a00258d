// Errors inside query processing. A statement that cannot go on throws DbException; the
// connection catches it once and turns it into a Status with the SQLSTATE (STYLE.md, Errors).
// Expected outcomes (not found, end of data) are return values, never exceptions.
#pragma once

#include <exception>
#include <string>

#include "heliosdb/status.h"

namespace heliosdb {

// SQLSTATE codes used across the engine (PostgreSQL Appendix A).
namespace sqlstate {
inline constexpr const char* kSuccessfulCompletion = "00000";
inline constexpr const char* kWarning = "01000";
inline constexpr const char* kConnectionException = "08000";
inline constexpr const char* kProtocolViolation = "08P01";
inline constexpr const char* kFeatureNotSupported = "0A000";
inline constexpr const char* kCardinalityViolation = "21000";
inline constexpr const char* kDataException = "22000";
inline constexpr const char* kStringDataRightTruncation = "22001";
inline constexpr const char* kNumericValueOutOfRange = "22003";
inline constexpr const char* kNullValueNotAllowed = "22004";
inline constexpr const char* kInvalidDatetimeFormat = "22007";
inline constexpr const char* kDatetimeFieldOverflow = "22008";
inline constexpr const char* kInvalidTimeZoneDisplacement = "22009";
inline constexpr const char* kSubstringError = "22011";
inline constexpr const char* kDivisionByZero = "22012";
inline constexpr const char* kInvalidParameterValue = "22023";
// Time travel before the retention horizon (PostgreSQL's class 72, snapshot_too_old).
inline constexpr const char* kSnapshotTooOld = "72000";
inline constexpr const char* kInvalidEscapeSequence = "22025";
inline constexpr const char* kInvalidRegularExpression = "2201B";
inline constexpr const char* kInvalidRowCountInLimit = "2201W";
inline constexpr const char* kInvalidRowCountInOffset = "2201X";
inline constexpr const char* kInvalidTextRepresentation = "22P02";
inline constexpr const char* kInvalidBinaryRepresentation = "22P03";
inline constexpr const char* kIntegrityConstraintViolation = "23000";
inline constexpr const char* kRestrictViolation = "23001";
inline constexpr const char* kNotNullViolation = "23502";
inline constexpr const char* kForeignKeyViolation = "23503";
inline constexpr const char* kUniqueViolation = "23505";
inline constexpr const char* kCheckViolation = "23514";
inline constexpr const char* kInvalidTransactionState = "25000";
inline constexpr const char* kActiveSqlTransaction = "25001";
inline constexpr const char* kNoActiveSqlTransaction = "25P01";
inline constexpr const char* kInFailedSqlTransaction = "25P02";
inline constexpr const char* kIdleInTransactionSessionTimeout = "25P03";
inline constexpr const char* kReadOnlySqlTransaction = "25006";
inline constexpr const char* kInvalidSqlStatementName = "26000";
inline constexpr const char* kInvalidAuthorizationSpecification = "28000";
inline constexpr const char* kInvalidPassword = "28P01";
inline constexpr const char* kInvalidGrantOperation = "0LP01";
inline constexpr const char* kInvalidCatalogName = "3D000";
inline constexpr const char* kInvalidSchemaName = "3F000";
inline constexpr const char* kInvalidSavepointSpecification = "3B001";
inline constexpr const char* kSerializationFailure = "40001";
inline constexpr const char* kDeadlockDetected = "40P01";
inline constexpr const char* kSyntaxError = "42601";
inline constexpr const char* kInsufficientPrivilege = "42501";
inline constexpr const char* kUndefinedColumn = "42703";
inline constexpr const char* kUndefinedFunction = "42883";
inline constexpr const char* kUndefinedTable = "42P01";
inline constexpr const char* kUndefinedParameter = "42P02";
inline constexpr const char* kUndefinedObject = "42704";
inline constexpr const char* kDuplicateColumn = "42701";
inline constexpr const char* kDuplicateObject = "42710";
inline constexpr const char* kDuplicateAlias = "42712";
inline constexpr const char* kInvalidRecursion = "42P19";
inline constexpr const char* kWindowingError = "42P20";
inline constexpr const char* kCharacterNotInRepertoire = "22021";
inline constexpr const char* kDuplicateTable = "42P07";
inline constexpr const char* kDuplicateSchema = "42P06";
inline constexpr const char* kAmbiguousColumn = "42702";
inline constexpr const char* kAmbiguousFunction = "42725";
inline constexpr const char* kDatatypeMismatch = "42804";
inline constexpr const char* kIndeterminateDatatype = "42P18";
inline constexpr const char* kGroupingError = "42803";
inline constexpr const char* kWrongObjectType = "42809";
inline constexpr const char* kInvalidColumnReference = "42P10";
inline constexpr const char* kInvalidTableDefinition = "42P16";
inline constexpr const char* kInvalidColumnDefinition = "42611";
inline constexpr const char* kDependentObjectsStillExist = "2BP01";
inline constexpr const char* kUndefinedSchema = "3F000";
inline constexpr const char* kCannotCoerce = "42846";
inline constexpr const char* kInvalidObjectDefinition = "42P17";
inline constexpr const char* kProgramLimitExceeded = "54000";
inline constexpr const char* kTooManyConnections = "53300";
inline constexpr const char* kOutOfMemory = "53200";
inline constexpr const char* kDiskFull = "53100";
inline constexpr const char* kQueryCanceled = "57014";
inline constexpr const char* kObjectNotInPrerequisiteState = "55000";
inline constexpr const char* kLockNotAvailable = "55P03";
inline constexpr const char* kIoError = "58030";
inline constexpr const char* kInternalError = "XX000";
inline constexpr const char* kDataCorrupted = "XX001";
}  // namespace sqlstate

class DbException : public std::exception {
 public:
  explicit DbException(Status status) : status_(std::move(status)) {}
  DbException(const char* code, std::string message, int position = 0)
      : status_(Status::Error(code, std::move(message), position)) {}
  const Status& status() const { return status_; }
  Status& status() { return status_; }
  const char* what() const noexcept override { return status_.message().c_str(); }

 private:
  Status status_;
};

[[noreturn]] inline void ThrowError(const char* code, std::string message, int position = 0) {
  throw DbException(code, std::move(message), position);
}

}  // namespace heliosdb

// Assertions raise an internal error (XX000) that fails the statement, never the process.
#define HELIOS_STRINGIFY2(x) #x
#define HELIOS_STRINGIFY(x) HELIOS_STRINGIFY2(x)
#define HELIOS_ASSERT(cond)                                                              \
  do {                                                                                   \
    if (!(cond))                                                                         \
      ::heliosdb::ThrowError(::heliosdb::sqlstate::kInternalError,                       \
                             "internal error: assertion failed: " #cond " at " __FILE__ \
                             ":" HELIOS_STRINGIFY(__LINE__));                            \
  } while (0)
#define HELIOS_UNREACHABLE()                                                   \
  ::heliosdb::ThrowError(::heliosdb::sqlstate::kInternalError,                 \
                         "internal error: unreachable code reached at " __FILE__ \
                         ":" HELIOS_STRINGIFY(__LINE__))
