// Result-code mapping. SQLite reports no SQLSTATE, so the primary result code (the low
// byte of the extended code) chooses the class.
//
// Choice for SQLITE_ERROR (syntax errors, "no such table", "no such column", ...): it maps to
// OperationalError, as pysqlite and therefore SQLAlchemy's sqlite dialect do, so code written
// against SQLAlchemy's behaviour catches the same class. Errors the plugin itself detects
// before SQLite runs anything (several statements in one execute, a wrong number of
// parameters) are ProgrammingError, as in pysqlite. Where the brief asks for it we deviate
// from pysqlite: SQLITE_MISMATCH, SQLITE_TOOBIG and SQLITE_RANGE are DataError (PEP 249's
// "problems with the processed data"), SQLITE_NOTADB is OperationalError.
#include "sqlite_errors.hpp"

#include <athanor/errors.hpp>

#include <sqlite3.h>

namespace athanor::sqlite {

void throw_for_code(int extended_code, std::string message) {
    const std::int64_t native = extended_code;
    switch (extended_code & 0xff) {
        case SQLITE_CONSTRAINT:
            throw IntegrityError(std::move(message), {}, native);
        case SQLITE_MISMATCH:
        case SQLITE_TOOBIG:
        case SQLITE_RANGE:
            throw DataError(std::move(message), {}, native);
        case SQLITE_MISUSE:
            throw InterfaceError(std::move(message), {}, native);
        case SQLITE_INTERNAL:
        case SQLITE_NOTFOUND:
            throw InternalError(std::move(message), {}, native);
        case SQLITE_ERROR:
        case SQLITE_PERM:
        case SQLITE_ABORT:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_NOMEM:
        case SQLITE_READONLY:
        case SQLITE_INTERRUPT:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_PROTOCOL:
        case SQLITE_SCHEMA:
        case SQLITE_NOLFS:
        case SQLITE_AUTH:
        case SQLITE_NOTADB:
            throw OperationalError(std::move(message), {}, native);
        default:  // SQLITE_CORRUPT, SQLITE_FORMAT, SQLITE_EMPTY and anything newer
            throw DatabaseError(std::move(message), {}, native);
    }
}

void throw_sqlite_error(sqlite3* db, int rc, const std::string& context) {
    // sqlite3_errmsg describes the most recent failure on db, which is the one for rc
    // as long as nothing ran in between; fall back to the generic text otherwise.
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (message.empty() || message == "not an error") message = sqlite3_errstr(rc);
    if (!context.empty()) message += " (" + context + ")";
    throw_for_code(rc, std::move(message));
}

}  // namespace athanor::sqlite
