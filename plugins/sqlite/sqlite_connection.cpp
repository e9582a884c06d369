// The SQLite connection: open/close, transactions, ping.
#include "sqlite_connection.hpp"

#include "sqlite_cursor.hpp"
#include "sqlite_errors.hpp"
#include "sqlite_functions.hpp"

#include <athanor/errors.hpp>

#include <sqlite3.h>

namespace athanor::sqlite {

std::unique_ptr<SqliteConnection> SqliteConnection::open(const SqliteOpenOptions& options) {
    // sqlite3_open_v2 reads a C string: a NUL would silently name another file.
    if (options.filename.find('\0') != std::string::npos)
        throw ArgumentError("a SQLite database name cannot contain a NUL byte: SQLite would stop at it and open "
                            "another file");
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(options.filename.c_str(), &db, options.flags, nullptr);
    if (rc != SQLITE_OK) {
        // The handle exists even on failure (unless memory ran out) and holds the message.
        std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        const int code = db != nullptr ? sqlite3_extended_errcode(db) : rc;
        sqlite3_close_v2(db);
        throw_for_code(code, message + ": '" + options.filename +
                                 "' (check that the folder exists and is readable/writable, and the mode= option)");
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, options.busy_timeout_ms);
    try {
        register_functions(db);
    } catch (...) {
        sqlite3_close_v2(db);
        throw;
    }
    auto handle = std::make_shared<SqliteHandle>(options.statement_cache_size);
    handle->db = db;
    handle->filename = options.filename;
    return std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(handle)));
}

SqliteConnection::~SqliteConnection() { close(); }

std::unique_ptr<sdk::Cursor> SqliteConnection::cursor() {
    handle_->require_open("open a cursor");
    return std::make_unique<SqliteCursor>(handle_);
}

void SqliteConnection::run(std::string_view sql) {
    SqliteCursor cursor(handle_);
    cursor.execute(sql, {});
    cursor.close();
}

bool SqliteConnection::in_transaction() const {
    return !handle_->closed() && sqlite3_get_autocommit(handle_->db) == 0;
}

void SqliteConnection::begin() {
    handle_->require_open("begin a transaction");
    if (autocommit_) return;
    run("BEGIN");
}

void SqliteConnection::commit() {
    handle_->require_open("commit");
    // SQLite refuses COMMIT outside a transaction; PEP 249 makes it a no-op.
    if (in_transaction()) run("COMMIT");
}

void SqliteConnection::rollback() {
    handle_->require_open("roll back");
    if (in_transaction()) run("ROLLBACK");
}

bool SqliteConnection::ping() {
    if (handle_->closed()) return false;
    try {
        run("SELECT 1");
        return true;
    } catch (const Error&) {
        return false;
    }
}

void SqliteConnection::close() {
    if (handle_->closed()) return;
    handle_->statements.clear();
    // close_v2: statements still held by open cursors keep the handle alive until they are
    // finalized, instead of failing with SQLITE_BUSY.
    sqlite3_close_v2(handle_->db);
    handle_->db = nullptr;
}

}  // namespace athanor::sqlite
