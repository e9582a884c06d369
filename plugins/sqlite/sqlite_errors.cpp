// The SQLite result-code mapping (see sqlite_errors.hpp). Driver-neutral: no sqlite3.h, so
// sqlite+odbc compiles it as it is.
#include "sqlite_errors.hpp"

#include <athanor/errors.hpp>

namespace athanor::sqlite {

void throw_for_code(std::int64_t native_code, std::string message) {
    namespace rc = result_code;
    switch (static_cast<int>(native_code & 0xff)) {
        case rc::constraint:
            throw IntegrityError(std::move(message), "23000", native_code);
        case rc::mismatch:
        case rc::toobig:
        case rc::range:
            throw DataError(std::move(message), "22000", native_code);
        case rc::misuse:
            throw InterfaceError(std::move(message), "HY000", native_code);
        case rc::internal:
        case rc::notfound:
            throw InternalError(std::move(message), "HY000", native_code);
        case rc::error:
        case rc::perm:
        case rc::abort:
        case rc::busy:
        case rc::locked:
        case rc::nomem:
        case rc::readonly:
        case rc::interrupt:
        case rc::ioerr:
        case rc::full:
        case rc::cantopen:
        case rc::protocol:
        case rc::schema:
        case rc::nolfs:
        case rc::auth:
        case rc::notadb:
            throw OperationalError(std::move(message), "HY000", native_code);
        default:
            throw DatabaseError(std::move(message), "HY000", native_code);
    }
}

}  // namespace athanor::sqlite
