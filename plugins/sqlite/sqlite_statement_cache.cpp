// LRU cache of idle statements; see the header for the ownership rule. Entries are moved
// within the list by splice (no allocation) and keep their SQL while checked out.
#include "sqlite_statement_cache.hpp"

#include <sqlite3.h>

namespace athanor::sqlite {

StatementCache::~StatementCache() { clear(); }

sqlite3_stmt* StatementCache::take(std::string_view sql) {
    auto found = index_.find(sql);
    if (found == index_.end()) return nullptr;
    sqlite3_stmt* stmt = found->second->stmt;
    found->second->stmt = nullptr;
    return stmt;
}

void StatementCache::give_back(std::string_view sql, sqlite3_stmt* stmt) {
    if (stmt == nullptr) return;
    if (capacity_ == 0) {
        sqlite3_finalize(stmt);
        return;
    }
    auto found = index_.find(sql);
    if (found != index_.end() && found->second->stmt != nullptr) {
        sqlite3_finalize(stmt);  // a second copy of an idle statement is not worth keeping
        return;
    }
    // The reset's return code repeats the last step's error, already reported.
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (found != index_.end()) {
        found->second->stmt = stmt;
        entries_.splice(entries_.begin(), entries_, found->second);
        return;
    }
    entries_.push_front(Entry{std::string(sql), stmt});
    index_.emplace(std::string_view(entries_.front().sql), entries_.begin());
    while (entries_.size() > capacity_) {
        auto& oldest = entries_.back();
        index_.erase(std::string_view(oldest.sql));
        if (oldest.stmt != nullptr) sqlite3_finalize(oldest.stmt);
        entries_.pop_back();
    }
}

void StatementCache::clear() {
    for (auto& entry : entries_)
        if (entry.stmt != nullptr) sqlite3_finalize(entry.stmt);
    index_.clear();
    entries_.clear();
}

std::size_t StatementCache::size() const {
    std::size_t idle = 0;
    for (const auto& entry : entries_)
        if (entry.stmt != nullptr) ++idle;
    return idle;
}

}  // namespace athanor::sqlite
