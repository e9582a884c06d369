// sqlite_handle.hpp — the native SQLite connection (sqlite3*) with its statement cache: the
// state a SqliteConnection shares with the cursors it opens.
//
// Cursors hold the handle by shared_ptr, so a cursor that outlives the connection's close()
// still finalizes its statement safely (sqlite3_close_v2 defers the real close until then)
// and is told clearly that the connection is closed. Not thread-safe: a connection and its
// cursors are used by one thread at a time.
//
// Example (inside the plugin):
//   auto handle = std::make_shared<SqliteHandle>(100);   // statement cache size
//   handle->db = db;                                     // from sqlite3_open_v2
//   handle->require_open("execute");
#pragma once

#include "sqlite_statement_cache.hpp"

#include <cstddef>
#include <string>
#include <string_view>

struct sqlite3;

namespace athanor::sqlite {

struct SqliteHandle {
    sqlite3* db = nullptr;  // nullptr once closed
    StatementCache statements;
    std::string filename;  // for error messages

    explicit SqliteHandle(std::size_t cache_size) : statements(cache_size) {}
    bool closed() const { return db == nullptr; }
    /// Throws InterfaceError (native code SQLITE_MISUSE) when the connection is closed.
    void require_open(std::string_view operation) const;
};

}  // namespace athanor::sqlite
