// LRU cache of idle statements; see the header for the ownership rule.
#include "sqlite_statement_cache.hpp"

#include <sqlite3.h>

namespace athanor::sqlite {

StatementCache::~StatementCache() { clear(); }

sqlite3_stmt* StatementCache::take(std::string_view sql) {
    auto found = index_.find(sql);
    if (found == index_.end()) return nullptr;
    auto it = found->second;
    sqlite3_stmt* stmt = it->second;
    index_.erase(found);  // before erasing the entry: the key views its string
    entries_.erase(it);
    return stmt;
}

void StatementCache::give_back(std::string_view sql, sqlite3_stmt* stmt) {
    if (stmt == nullptr) return;
    if (capacity_ == 0 || index_.contains(sql)) {
        sqlite3_finalize(stmt);
        return;
    }
    // The reset's return code repeats the last step's error, already reported.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    entries_.emplace_front(std::string(sql), stmt);
    index_.emplace(std::string_view(entries_.front().first), entries_.begin());
    while (entries_.size() > capacity_) {
        auto& oldest = entries_.back();
        index_.erase(std::string_view(oldest.first));
        sqlite3_finalize(oldest.second);
        entries_.pop_back();
    }
}

void StatementCache::clear() {
    for (auto& entry : entries_) sqlite3_finalize(entry.second);
    index_.clear();
    entries_.clear();
}

}  // namespace athanor::sqlite
