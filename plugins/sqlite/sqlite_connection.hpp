// sqlite_connection.hpp — the SQLite driver connection (sdk::DriverConnection over sqlite3*).
//
// A SqliteConnection owns one sqlite3 handle and its prepared-statement cache, shared with
// the cursors it opens through a SqliteHandle, so a cursor that outlives close() still
// finalizes its statement safely (sqlite3_close_v2 defers the real close until then).
// Transactions: begin() sends a deferred "BEGIN"; in autocommit mode it does nothing and
// every statement commits by itself. commit()/rollback() are no-ops when SQLite reports no
// open transaction. Any use after close() throws InterfaceError with native code
// SQLITE_MISUSE, which SqliteDialect::is_disconnect() recognises.
//
// Example (inside the plugin):
//   SqliteOpenOptions options{.filename = "demo.db", .flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE};
//   auto conn = SqliteConnection::open(options);
//   auto cursor = conn->cursor();
//   cursor->execute("SELECT 1", {});
#pragma once

#include "sqlite_handle.hpp"

#include <athanor/sdk/driver.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace athanor::sqlite {

/// What sqlite3_open_v2 needs, already derived from the URL by SqliteDialect.
struct SqliteOpenOptions {
    std::string filename;        // a path, ":memory:", or a "file:" URI with SQLITE_OPEN_URI
    int flags = 0;               // SQLITE_OPEN_* flags
    int busy_timeout_ms = 5000;  // how long a statement waits for another connection's lock
    std::size_t statement_cache_size = 100;
};

class SqliteConnection final : public sdk::DriverConnection {
public:
    /// Opens the database; throws OperationalError naming the file when SQLite cannot.
    static std::unique_ptr<SqliteConnection> open(const SqliteOpenOptions& options);
    ~SqliteConnection() override;

    std::unique_ptr<sdk::Cursor> cursor() override;
    void begin() override;
    void commit() override;
    void rollback() override;
    void set_autocommit(bool on) override { autocommit_ = on; }
    bool autocommit() const override { return autocommit_; }
    bool ping() override;
    void close() override;
    bool closed() const override { return handle_->closed(); }

    /// True while SQLite has a transaction open on this connection.
    bool in_transaction() const;

private:
    explicit SqliteConnection(std::shared_ptr<SqliteHandle> handle) : handle_(std::move(handle)) {}
    void run(std::string_view sql);

    std::shared_ptr<SqliteHandle> handle_;
    bool autocommit_ = false;
};

}  // namespace athanor::sqlite
