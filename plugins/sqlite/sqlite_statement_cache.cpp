// LRU cache of idle statements; see the header for the ownership rule. An entry keeps its SQL
// (and its place in the index) while its statement is checked out, so handing it back moves
// the entry to the front without allocating.
#include "sqlite_statement_cache.hpp"

#include <sqlite3.h>

#include <utility>

namespace athanor::sqlite {

namespace {
void finalize(sqlite3_stmt* stmt) {
    if (stmt != nullptr) sqlite3_finalize(stmt);
}
}  // namespace

StatementCache::~StatementCache() { clear(); }

sqlite3_stmt* StatementCache::take(std::string_view sql) {
    sqlite3_stmt** idle = entries_.peek(sql);
    return idle != nullptr ? std::exchange(*idle, nullptr) : nullptr;
}

void StatementCache::give_back(std::string_view sql, sqlite3_stmt* stmt) {
    if (stmt == nullptr) return;
    sqlite3_stmt** idle = entries_.peek(sql);
    if (entries_.capacity() == 0 || (idle != nullptr && *idle != nullptr)) {
        sqlite3_finalize(stmt);  // no cache, or a second copy of an idle statement: not worth keeping
        return;
    }
    // The reset's return code repeats the last step's error, already reported.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    entries_.put(sql, stmt, finalize);
}

void StatementCache::clear() { entries_.clear(finalize); }

std::size_t StatementCache::size() const {
    std::size_t idle = 0;
    entries_.for_each([&](sqlite3_stmt* stmt) { idle += stmt != nullptr ? 1 : 0; });
    return idle;
}

}  // namespace athanor::sqlite
