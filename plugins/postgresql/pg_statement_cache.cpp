// LRU bookkeeping for prepared statement names: every name that leaves the cache is handed
// back for DEALLOCATE.
#include "pg_statement_cache.hpp"

namespace athanor::postgresql {

const PreparedStatement* PreparedStatementCache::find(std::string_view key) { return entries_.find(key); }

const PreparedStatement& PreparedStatementCache::insert(std::string_view key, PreparedStatement statement,
                                                        std::vector<std::string>& evicted) {
    return entries_.put(key, std::move(statement),
                        [&](PreparedStatement&& gone) { evicted.push_back(std::move(gone.name)); });
}

void PreparedStatementCache::erase(std::string_view key, std::vector<std::string>& evicted) {
    if (auto gone = entries_.take(key)) evicted.push_back(std::move(gone->name));
}

void PreparedStatementCache::drain(std::vector<std::string>& evicted) {
    entries_.clear([&](PreparedStatement&& gone) { evicted.push_back(std::move(gone.name)); });
}

void PreparedStatementCache::clear() { entries_.clear(); }

}  // namespace athanor::postgresql
