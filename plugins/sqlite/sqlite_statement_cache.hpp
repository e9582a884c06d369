// sqlite_statement_cache.hpp — a per-connection LRU cache of idle prepared statements.
//
// A statement is either idle (in the cache) or checked out by exactly one user, never both:
// take() hands it out, give_back() resets it and returns it. So two cursors running the same
// SQL at once never share a sqlite3_stmt; the second gets nullptr from take() and prepares its
// own. Not thread-safe: a connection is used by one thread at a time.
//
// An entry (its SQL text and index slot) stays in place while its statement is checked out,
// so the take/give-back cycle of a statement run again and again allocates nothing; only the
// first give_back() of new SQL allocates its entry.
//
// Example:
//   StatementCache cache(100);
//   sqlite3_stmt* stmt = cache.take(sql);
//   if (!stmt) sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &stmt, nullptr);
//   ... step ...
//   cache.give_back(sql, stmt);     // reset, bindings cleared, kept for the next take(sql)
//   cache.clear();                  // finalizes everything (before sqlite3_close_v2)
#pragma once

#include <athanor/sdk/lru_map.hpp>

#include <cstddef>
#include <string_view>

struct sqlite3_stmt;

namespace athanor::sqlite {

class StatementCache {
public:
    explicit StatementCache(std::size_t capacity) : entries_(capacity) {}
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    /// The idle statement for `sql`, now owned by the caller; nullptr when none is idle.
    sqlite3_stmt* take(std::string_view sql);
    /// Resets `stmt` and keeps it as the idle statement for `sql`, evicting the least
    /// recently used entry beyond capacity. Finalizes it instead when `sql` already has an
    /// idle statement or the capacity is 0.
    void give_back(std::string_view sql, sqlite3_stmt* stmt);
    /// Finalizes every idle statement.
    void clear();

    /// Number of idle statements.
    std::size_t size() const;

private:
    sdk::LruMap<sqlite3_stmt*> entries_;  // nullptr while the statement is checked out
};

}  // namespace athanor::sqlite
