// sqlite_errors.hpp — turns SQLite result codes into Athanor's exception hierarchy.
//
// Every failure inside the SQLite plugin goes through throw_sqlite_error(), so the mapping
// from (extended) result code to exception class lives in one place. SQLite has no SQLSTATE:
// errors carry sqlstate "" and the extended result code as native_code.
//
// Example:
//   int rc = sqlite3_step(stmt);
//   if (rc != SQLITE_ROW && rc != SQLITE_DONE) athanor::sqlite::throw_sqlite_error(db, rc);
#pragma once

#include <string>

struct sqlite3;

namespace athanor::sqlite {

/// Throws the DBAPIError subclass for `extended_code` with `message` as the driver message.
[[noreturn]] void throw_for_code(int extended_code, std::string message);

/// Throws for `rc`, taking the message from sqlite3_errmsg(db) (or sqlite3_errstr when db
/// is null). `context`, when given, is appended so the reader knows what was being done.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::string& context = {});

}  // namespace athanor::sqlite
