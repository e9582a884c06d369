// The native SQLite connection's closed-check (see sqlite_handle.hpp).
#include "sqlite_handle.hpp"

#include "sqlite_errors.hpp"

namespace athanor::sqlite {

void SqliteHandle::require_open(std::string_view operation) const {
    if (closed())
        throw_for_code(result_code::misuse, "cannot " + std::string(operation) + ": the SQLite connection to '" +
                                                filename + "' is closed; check out a new connection");
}

}  // namespace athanor::sqlite
