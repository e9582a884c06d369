// pg_statement_cache.hpp — per-connection LRU of server-side prepared statements.
//
// Maps a cache key (the SQL, plus the parameter type OIDs declared) to the name of a
// statement already prepared on the server (athanor_s1, athanor_s2, ...) and its parameter
// count. A PGresult does not depend on its statement, so evicting a statement that a
// cursor's rows came from is safe; the evicted names are handed back to be DEALLOCATEd.
// Not thread-safe: a connection is used by one thread at a time.
//
// Example:
//   PreparedStatementCache cache(100);
//   if (const PreparedStatement* s = cache.find(key)) use(s->name);
//   std::vector<std::string> evicted;
//   cache.insert(key, {"athanor_s7", 2}, evicted);    // then DEALLOCATE each evicted name
#pragma once

#include <athanor/sdk/lru_map.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::postgresql {

struct PreparedStatement {
    std::string name;      // "" is the unnamed statement (cache disabled)
    int param_count = 0;   // as the server inferred it (PQnparams of the description)
};

class PreparedStatementCache {
public:
    explicit PreparedStatementCache(std::size_t capacity) : entries_(capacity) {}

    std::size_t capacity() const { return entries_.capacity(); }
    std::size_t size() const { return entries_.size(); }

    /// The statement for `key`, now the most recently used; nullptr when absent.
    const PreparedStatement* find(std::string_view key);
    /// Adds `statement` under `key` (capacity > 0), appending the names pushed out to `evicted`.
    const PreparedStatement& insert(std::string_view key, PreparedStatement statement,
                                    std::vector<std::string>& evicted);
    /// Removes `key` (a statement the server refused to run as prepared), appending its name.
    void erase(std::string_view key, std::vector<std::string>& evicted);
    /// Forgets everything, appending every name to `evicted` (for DEALLOCATE).
    void drain(std::vector<std::string>& evicted);
    /// Forgets everything (the server side is gone, or already dropped by DISCARD ALL).
    void clear();

private:
    sdk::LruMap<PreparedStatement> entries_;
};

}  // namespace athanor::postgresql
