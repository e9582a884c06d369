// sqlite_api_errors.hpp — a failed SQLite3 C API call turned into an exception.
//
// throw_sqlite_error() reads the message SQLite keeps for the failure on the handle and throws
// through the shared result-code mapping (sqlite_errors.hpp), so the native plugin raises
// exactly what sqlite+odbc raises for the same failure.
//
// Example:
//   int rc = sqlite3_bind_int64(stmt, 1, v);
//   if (rc != SQLITE_OK) athanor::sqlite::throw_sqlite_error(db, rc, "binding parameter 1");
#pragma once

#include <string>

struct sqlite3;

namespace athanor::sqlite {

/// Throws for `rc`, taking the message from sqlite3_errmsg(db) (or sqlite3_errstr when db
/// is null). `context`, when given, is appended so the reader knows what was being done.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::string& context = {});

}  // namespace athanor::sqlite
