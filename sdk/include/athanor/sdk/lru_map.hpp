// athanor/sdk/lru_map.hpp — a map from text keys to values that remembers which was used last.
//
// LruMap keeps its entries in most-recently-used order: find() and put() move an entry to the
// front, and put() pushes the least recently used entries out once there are more than
// capacity() of them, handing each pushed-out value to the caller (to finalize a statement,
// DEALLOCATE a name). Lookups take a std::string_view and allocate nothing; an entry's key is
// stored once, in the entry, and stays where it is while the entry moves, so a put() under a key
// already present allocates nothing either. Pointers and references to values stay valid until
// their entry is removed. Not thread-safe: one owner (a connection, or a caller holding a lock).
//
// Example (a statement cache):
//   athanor::sdk::LruMap<sqlite3_stmt*> idle(100);
//   if (sqlite3_stmt** hit = idle.find(sql)) use(*hit);
//   idle.put(sql, stmt, [](sqlite3_stmt* gone) { sqlite3_finalize(gone); });
//   idle.clear([](sqlite3_stmt* gone) { sqlite3_finalize(gone); });
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace athanor::sdk {

template <class Value>
class LruMap {
public:
    /// At most `capacity` entries stay after a put() (the one just put always stays).
    explicit LruMap(std::size_t capacity) : capacity_(capacity) {}
    LruMap(const LruMap&) = delete;
    LruMap& operator=(const LruMap&) = delete;

    std::size_t capacity() const { return capacity_; }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

    /// The value under `key`, now the most recently used; nullptr when absent.
    Value* find(std::string_view key) {
        const auto it = index_.find(key);
        if (it == index_.end()) return nullptr;
        entries_.splice(entries_.begin(), entries_, it->second);  // iterators and keys stay valid
        return &it->second->second;
    }

    /// The value under `key`, its place in the order unchanged; nullptr when absent.
    Value* peek(std::string_view key) {
        const auto it = index_.find(key);
        return it == index_.end() ? nullptr : &it->second->second;
    }

    /// Stores `value` under `key` as the most recently used entry. The value it replaces, then
    /// each entry pushed out beyond capacity() (least recently used first), is passed to
    /// `discard` (called as discard(Value&&)); the entry just put is never pushed out.
    template <class Discard>
    Value& put(std::string_view key, Value value, Discard&& discard) {
        if (Value* present = find(key)) {
            Value old = std::exchange(*present, std::move(value));
            discard(std::move(old));
            return *present;
        }
        entries_.emplace_front(std::string(key), std::move(value));
        index_.emplace(std::string_view(entries_.front().first), entries_.begin());
        while (entries_.size() > capacity_ && entries_.size() > 1) {
            auto& oldest = entries_.back();
            index_.erase(std::string_view(oldest.first));
            Value gone = std::move(oldest.second);
            entries_.pop_back();
            discard(std::move(gone));
        }
        return entries_.front().second;
    }

    /// put() that lets replaced and pushed-out values go.
    Value& put(std::string_view key, Value value) {
        return put(key, std::move(value), [](Value&&) {});
    }

    /// Removes the entry under `key` and returns its value; nullopt when absent.
    std::optional<Value> take(std::string_view key) {
        const auto it = index_.find(key);
        if (it == index_.end()) return std::nullopt;
        const auto entry = it->second;
        index_.erase(it);  // before the key it views goes
        std::optional<Value> out(std::move(entry->second));
        entries_.erase(entry);
        return out;
    }

    /// Calls `visit(const Value&)` for every value, most recently used first.
    template <class Visit>
    void for_each(Visit&& visit) const {
        for (const auto& entry : entries_) visit(entry.second);
    }

    /// Removes every entry, passing each value to `discard` (most recently used first).
    template <class Discard>
    void clear(Discard&& discard) {
        index_.clear();
        for (auto& entry : entries_) discard(std::move(entry.second));
        entries_.clear();
    }

    /// Removes every entry.
    void clear() {
        index_.clear();
        entries_.clear();
    }

private:
    using Entry = std::pair<std::string, Value>;
    std::size_t capacity_;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string_view, typename std::list<Entry>::iterator> index_;  // keys view into entries_
};

}  // namespace athanor::sdk
