// The SQLite connection: open/close, transactions, ping.
#include "sqlite_connection.hpp"

#include "sqlite_cursor.hpp"
#include "sqlite_errors.hpp"

#include <athanor/errors.hpp>

#include <sqlite3.h>

namespace athanor::sqlite {

void SqliteSession::require_open(std::string_view operation) const {
    if (closed())
        throw_for_code(SQLITE_MISUSE, "cannot " + std::string(operation) + ": the SQLite connection to '" +
                                          filename + "' is closed; check out a new connection");
}

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
    auto session = std::make_shared<SqliteSession>(options.statement_cache_size);
    session->db = db;
    session->filename = options.filename;
    return std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(session)));
}

SqliteConnection::~SqliteConnection() { close(); }

std::unique_ptr<sdk::Cursor> SqliteConnection::cursor() {
    session_->require_open("open a cursor");
    return std::make_unique<SqliteCursor>(session_);
}

void SqliteConnection::run(std::string_view sql) {
    SqliteCursor cursor(session_);
    cursor.execute(sql, {});
    cursor.close();
}

bool SqliteConnection::in_transaction() const {
    return !session_->closed() && sqlite3_get_autocommit(session_->db) == 0;
}

void SqliteConnection::begin() {
    session_->require_open("begin a transaction");
    if (autocommit_) return;
    run("BEGIN");
}

void SqliteConnection::commit() {
    session_->require_open("commit");
    // SQLite refuses COMMIT outside a transaction; PEP 249 makes it a no-op.
    if (in_transaction()) run("COMMIT");
}

void SqliteConnection::rollback() {
    session_->require_open("roll back");
    if (in_transaction()) run("ROLLBACK");
}

bool SqliteConnection::ping() {
    if (session_->closed()) return false;
    try {
        run("SELECT 1");
        return true;
    } catch (const Error&) {
        return false;
    }
}

void SqliteConnection::close() {
    if (session_->closed()) return;
    session_->statements.clear();
    // close_v2: statements still held by open cursors keep the handle alive until they are
    // finalized, instead of failing with SQLITE_BUSY.
    sqlite3_close_v2(session_->db);
    session_->db = nullptr;
}

}  // namespace athanor::sqlite
