// LRU bookkeeping for prepared statement names.
#include "pg_statement_cache.hpp"

namespace athanor::postgresql {

const PreparedStatement* PreparedStatementCache::find(std::string_view key) {
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);  // iterators and keys stay valid
    return &it->second->second;
}

const PreparedStatement& PreparedStatementCache::insert(std::string key, PreparedStatement statement,
                                                        std::vector<std::string>& evicted) {
    if (const auto it = index_.find(key); it != index_.end()) {
        const auto entry = it->second;
        index_.erase(it);  // before the key it views goes
        evicted.push_back(std::move(entry->second.name));
        entries_.erase(entry);
    }
    entries_.emplace_front(std::move(key), std::move(statement));
    index_.emplace(entries_.front().first, entries_.begin());
    while (entries_.size() > capacity_ && entries_.size() > 1) {
        auto& last = entries_.back();
        index_.erase(last.first);
        evicted.push_back(std::move(last.second.name));
        entries_.pop_back();
    }
    return entries_.front().second;
}

void PreparedStatementCache::erase(std::string_view key, std::vector<std::string>& evicted) {
    const auto it = index_.find(key);
    if (it == index_.end()) return;
    const auto entry = it->second;
    index_.erase(it);  // before the key it views goes
    evicted.push_back(std::move(entry->second.name));
    entries_.erase(entry);
}

void PreparedStatementCache::drain(std::vector<std::string>& evicted) {
    for (auto& entry : entries_) evicted.push_back(std::move(entry.second.name));
    clear();
}

void PreparedStatementCache::clear() {
    index_.clear();
    entries_.clear();
}

}  // namespace athanor::postgresql
