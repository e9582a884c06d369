// connection_state.hpp (private) — the state of one Connection, shared with its Transactions
// and Results so that they stay safe to use (or fail cleanly) whatever order they die in.
#pragma once

#include "engine_state.hpp"

#include <athanor/engine/connection.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/sdk/driver.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::detail {

struct ResultState;

/// One Transaction object's view: the root transaction or one savepoint.
struct TransactionState {
    std::weak_ptr<ConnectionState> connection;
    bool nested = false;
    std::string savepoint_name;  // "" for the root
    bool active = true;
};

struct ConnectionState : std::enable_shared_from_this<ConnectionState> {
    std::shared_ptr<EngineState> engine;
    Pool::Lease lease;
    bool closed = false;

    // Transaction bookkeeping. `in_transaction` is the database-level transaction (autobegun
    // or explicit); `root` is the Transaction object begin() returned, if any; `savepoints`
    // the open SAVEPOINTs, innermost last.
    bool in_transaction = false;
    std::shared_ptr<TransactionState> root;
    std::vector<std::shared_ptr<TransactionState>> savepoints;
    std::size_t savepoint_counter = 0;

    // Set when the driver connection was dropped while a transaction was open: the user must
    // roll back before the connection reconnects (as SQLAlchemy's PendingRollbackError).
    bool invalidated_in_transaction = false;

    // Isolation level before the first set_isolation_level() on this checkout, to restore.
    std::optional<std::string> isolation_to_restore;

    // execution_options(): the schema_translate_map every statement is compiled with, and its
    // part of the compiled-cache key ("" when there is none).
    std::shared_ptr<const sql::SchemaTranslateMap> schema_translate_map;
    std::string schema_translate_key;

    // Results still streaming from a cursor of this connection; closed before the driver
    // connection goes back to the pool.
    std::vector<std::weak_ptr<ResultState>> open_results;

    // A cursor whose result ran out, kept for the next execute() on this connection: running
    // the same statement again then skips the driver's cursor setup (prepared-statement lookup,
    // column description). Dropped with the driver connection (close_results()).
    std::unique_ptr<sdk::Cursor> spare_cursor;

    ConnectionState(std::shared_ptr<EngineState> e, Pool::Lease l) : engine(std::move(e)), lease(std::move(l)) {}

    /// Throws ResourceClosedError when closed.
    void check_open() const;
    /// The driver connection, checking one out again after an invalidation.
    sdk::DriverConnection& driver();
    /// Starts the database transaction if none is in progress (driver begin() unless autocommit).
    void autobegin();
    /// Runs a statement the framework generates (SAVEPOINT ...), logging it and attaching it to errors.
    void run_internal(const std::string& sql);

    void commit_root();
    void rollback_root();
    /// Deactivates savepoints from position `from` on (they were released or rolled back).
    void drop_savepoints(std::size_t from);

    /// The `before_cursor_execute` / `after_cursor_execute` events for one statement text sent
    /// to the driver (one relaxed load when nobody listens).
    void before_cursor(std::string_view sql, sdk::ParameterRows rows, bool many) {
        auto& list = engine->events->before_cursor_execute;
        if (!list.any()) return;
        const CursorExecuteEvent event{sql, rows, many, -1};
        list.fire(event);
    }
    void after_cursor(std::string_view sql, sdk::ParameterRows rows, bool many, std::int64_t rowcount) {
        auto& list = engine->events->after_cursor_execute;
        if (!list.any()) return;
        const CursorExecuteEvent event{sql, rows, many, rowcount};
        list.fire(event);
    }

    /// Wraps a driver error: attaches statement and parameters, fires `handle_error` (whose
    /// listener may throw a replacement), invalidates on disconnect.
    void handle_dbapi_error(DBAPIError& error, std::string_view sql, const std::vector<Value>& params);
    /// Drops the driver connection. `disconnect`: the driver said it is gone, so the pool
    /// also presumes every connection opened before it gone (Pool::Lease::invalidate_pool()).
    void invalidate(bool disconnect = false);
    void close_results();
    void close();
};

}  // namespace athanor::detail
