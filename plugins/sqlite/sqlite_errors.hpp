// sqlite_errors.hpp — the one mapping from a SQLite result code to Athanor's exception class
// and SQLSTATE, shared by sqlite:// (the SQLite3 C API) and sqlite+odbc:// (the SQLite ODBC
// driver, which reports SQLite's result code as the native error number), so the same failure
// raises the same class with the same SQLSTATE whichever transport ran it.
//
// The primary result code (the low byte of an extended code) chooses; the native code is kept
// as the transport reported it (sqlite:// has extended codes, e.g. 1555 for a PRIMARY KEY
// violation, the ODBC driver only primary ones, 19). SQLite has no SQLSTATE of its own, so the
// SQLSTATE is the class's standard one: 23000 for a constraint violation, 22000 for the data
// errors, HY000 (general error, what the ODBC driver reports) for everything else.
//
//   SQLITE_CONSTRAINT                                   IntegrityError      23000
//   SQLITE_MISMATCH, SQLITE_TOOBIG, SQLITE_RANGE         DataError           22000
//   SQLITE_MISUSE                                       InterfaceError      HY000
//   SQLITE_INTERNAL, SQLITE_NOTFOUND                    InternalError       HY000
//   SQLITE_ERROR (syntax errors, "no such table"...), PERM, ABORT, BUSY, LOCKED, NOMEM,
//   READONLY, INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL, SCHEMA, NOLFS, AUTH, NOTADB
//                                                       OperationalError    HY000
//   anything else (CORRUPT, FORMAT, EMPTY, newer codes)  DatabaseError       HY000
//
// SQLITE_ERROR is an OperationalError as in pysqlite, so code written against SQLAlchemy's
// sqlite dialect catches the same class; MISMATCH, TOOBIG and RANGE are DataError (PEP 249's
// "problems with the processed data") where pysqlite has IntegrityError or InterfaceError, and
// NOTADB is an OperationalError. Errors a transport detects before SQLite runs anything (two
// statements in one execute, a wrong number of parameters) are ProgrammingError, raised by the
// transport itself.
//
// Example:
//   athanor::sqlite::throw_for_code(1555, "UNIQUE constraint failed: t.id");  // IntegrityError, 23000
#pragma once

#include <cstdint>
#include <string>

namespace athanor::sqlite {

/// SQLite's primary result codes (https://sqlite.org/rescode.html), fixed by its ABI. Spelled
/// out here because sqlite+odbc compiles this mapping without sqlite3.h; the native plugin
/// checks them against sqlite3.h at compile time (sqlite_api_errors.cpp).
namespace result_code {
inline constexpr int error = 1;
inline constexpr int internal = 2;
inline constexpr int perm = 3;
inline constexpr int abort = 4;
inline constexpr int busy = 5;
inline constexpr int locked = 6;
inline constexpr int nomem = 7;
inline constexpr int readonly = 8;
inline constexpr int interrupt = 9;
inline constexpr int ioerr = 10;
inline constexpr int corrupt = 11;
inline constexpr int notfound = 12;
inline constexpr int full = 13;
inline constexpr int cantopen = 14;
inline constexpr int protocol = 15;
inline constexpr int empty = 16;
inline constexpr int schema = 17;
inline constexpr int toobig = 18;
inline constexpr int constraint = 19;
inline constexpr int mismatch = 20;
inline constexpr int misuse = 21;
inline constexpr int nolfs = 22;
inline constexpr int auth = 23;
inline constexpr int format = 24;
inline constexpr int range = 25;
inline constexpr int notadb = 26;
}  // namespace result_code

/// Throws the DBAPIError subclass for SQLite result code `native_code` (primary or extended),
/// with the SQLSTATE of the table above, `message` as the driver message and `native_code`
/// as the native code.
[[noreturn]] void throw_for_code(std::int64_t native_code, std::string message);

}  // namespace athanor::sqlite
