// Failed SQLite3 C API calls (see sqlite_api_errors.hpp).
#include "sqlite_api_errors.hpp"

#include "sqlite_errors.hpp"

#include <sqlite3.h>

namespace athanor::sqlite {

// The shared mapping spells SQLite's result codes out; they are the ones of this sqlite3.h.
static_assert(result_code::error == SQLITE_ERROR && result_code::internal == SQLITE_INTERNAL &&
              result_code::perm == SQLITE_PERM && result_code::abort == SQLITE_ABORT &&
              result_code::busy == SQLITE_BUSY && result_code::locked == SQLITE_LOCKED &&
              result_code::nomem == SQLITE_NOMEM && result_code::readonly == SQLITE_READONLY &&
              result_code::interrupt == SQLITE_INTERRUPT && result_code::ioerr == SQLITE_IOERR &&
              result_code::corrupt == SQLITE_CORRUPT && result_code::notfound == SQLITE_NOTFOUND &&
              result_code::full == SQLITE_FULL && result_code::cantopen == SQLITE_CANTOPEN &&
              result_code::protocol == SQLITE_PROTOCOL && result_code::empty == SQLITE_EMPTY &&
              result_code::schema == SQLITE_SCHEMA && result_code::toobig == SQLITE_TOOBIG &&
              result_code::constraint == SQLITE_CONSTRAINT && result_code::mismatch == SQLITE_MISMATCH &&
              result_code::misuse == SQLITE_MISUSE && result_code::nolfs == SQLITE_NOLFS &&
              result_code::auth == SQLITE_AUTH && result_code::format == SQLITE_FORMAT &&
              result_code::range == SQLITE_RANGE && result_code::notadb == SQLITE_NOTADB);

void throw_sqlite_error(sqlite3* db, int rc, const std::string& context) {
    // sqlite3_errmsg describes the most recent failure on db, which is the one for rc
    // as long as nothing ran in between; fall back to the generic text otherwise.
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    if (message.empty() || message == "not an error") message = sqlite3_errstr(rc);
    if (!context.empty()) message += " (" + context + ")";
    throw_for_code(rc, std::move(message));
}

}  // namespace athanor::sqlite
