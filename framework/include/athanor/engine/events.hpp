// athanor/engine/events.hpp — listeners on an Engine's connections and statements
// (SQLAlchemy's engine, pool and dialect events: `connect`, `checkout`, `checkin`,
// `before_execute` / `after_execute`, `before_cursor_execute` / `after_cursor_execute`,
// `handle_error`).
//
// Engine::events() hands out an EngineEvents that shares the engine's listener registry;
// each on_*() call registers one listener and returns a ListenerHandle whose remove() takes it
// out again. Listeners run on the thread that triggers the event (the one checking out,
// executing...), so they must be safe to call from several threads at once when the Engine is
// shared. Registering and removing are safe at any time from any thread: an event that is
// already being dispatched on another thread finishes with the listeners it started with.
// An event without listeners costs one relaxed atomic load.
//
// Order: listeners run in the order they were registered; ListenOptions::insert puts a
// listener before every listener registered so far. For `connect`, the engine's own set-up of
// a new connection (the dialect's on_connect(), EngineOptions::isolation_level, and on the
// first connection the capture of Engine::default_schema_name()) sits between the inserted
// listeners and the others, as in SQLAlchemy: a connect listener that changes the session
// (SET search_path ...) must be registered with insert = true for the engine to see it.
//
// Errors: an exception thrown by a listener propagates to the caller of the operation that
// fired it (connect(), execute(), ...), which then fails as if the database had failed:
//   - connect: the new connection is closed and the checkout fails;
//   - checkout: the connection is dropped (not reused) and Engine::connect() rethrows;
//   - before_execute / before_cursor_execute: the statement is not sent;
//   - after_execute / after_cursor_execute: the statement has run (its effects are part of the
//     transaction), the result is discarded;
//   - handle_error: the listener's exception replaces the database error (SQLAlchemy's
//     "raise another exception from handle_error"); returning normally lets the original
//     DBAPIError propagate;
//   - checkin runs while a connection is being returned, often from a destructor: its
//     exception cannot reach anyone, so the connection is dropped instead of reused and the
//     exception's text is written to the engine's log sink (EngineOptions::log_sink, std::clog
//     by default) whether or not echo is on.
//
// Usage (count statements, set up every new connection, log errors):
//   auto engine = athanor::create_engine("postgresql://scott:tiger@localhost/test");
//   std::atomic<int> statements{0};
//   auto counting = engine.events().on_before_cursor_execute(
//       [&](const athanor::CursorExecuteEvent&) { ++statements; });
//   engine.events().on_connect([](athanor::sdk::DriverConnection& c) {
//       athanor::sdk::execute_statement(c, "SET search_path TO app, public");
//   }, {.insert = true});
//   engine.events().on_handle_error([](const athanor::ErrorEvent& e) {
//       std::cerr << "failed: " << e.statement << '\n';
//   });
//   ...
//   counting.remove();
#pragma once

#include <athanor/export.hpp>
#include <athanor/sdk/parameter_rows.hpp>
#include <athanor/value.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string_view>

namespace athanor {

namespace sdk {
class DriverConnection;
}
namespace sql {
class Executable;
}
class DBAPIError;
class Result;

namespace detail {
struct EventRegistry;
}

/// SQLAlchemy's event.listen() keywords.
struct ListenOptions {
    /// Run before every listener registered so far for the same event (for `connect`: also
    /// before the engine's own set-up of the connection).
    bool insert = false;
    /// Run at most once, then remove itself (even if it throws).
    bool once = false;
};

/// before_execute / after_execute: one call per Connection::execute() or exec_driver_sql().
struct ExecuteEvent {
    /// The statement given to execute(); nullptr for exec_driver_sql().
    const sql::Executable* statement = nullptr;
    /// exec_driver_sql()'s SQL text; empty for execute().
    std::string_view driver_sql;
    /// execute()'s parameter sets: one for a single execution (possibly empty Params), several
    /// for an executemany. Empty for exec_driver_sql().
    std::span<const Params> parameter_sets;
    /// exec_driver_sql()'s positional values.
    std::span<const Value> driver_parameters;
    bool executemany = false;
    /// after_execute only: the result the call is about to return (reading its rows here
    /// consumes them for the caller too; rowcount() and keys() do not).
    Result* result = nullptr;
};

/// before_cursor_execute / after_cursor_execute: one call per statement text handed to the
/// driver — every page of an insertmanyvalues executemany, every row of a row-at-a-time one,
/// the engine's own SAVEPOINT statements — so counting these counts round trips.
struct CursorExecuteEvent {
    /// The SQL text exactly as sent, in the dialect's paramstyle.
    std::string_view statement;
    /// The positional values sent: one row for execute(), every set for a driver executemany.
    sdk::ParameterRows parameters;
    /// Part of an execute() with several parameter sets.
    bool executemany = false;
    /// after_cursor_execute only: the driver's rowcount (-1 when unknown).
    std::int64_t rowcount = -1;
};

/// handle_error: a driver error raised while running a statement (or BEGIN / COMMIT / a
/// savepoint statement) on one of the engine's connections. A failed ROLLBACK is not reported here.
struct ErrorEvent {
    /// The error as it will propagate (statement and parameters already attached).
    const DBAPIError& error;
    /// The statement that failed ("BEGIN", "COMMIT", ... for the transaction primitives).
    std::string_view statement;
    /// Its positional values.
    std::span<const Value> parameters;
    /// The dialect classed the error as a lost connection: the connection is invalidated.
    bool is_disconnect = false;
};

/// Removes one listener. Copies refer to the same listener; destroying a handle does not
/// remove it.
class ATHANOR_API ListenerHandle {
public:
    ListenerHandle() = default;
    /// Takes the listener out; later events no longer call it. Idempotent.
    void remove();
    /// Registered, not removed, and (for `once`) not yet called.
    bool active() const;

    struct Token;
    explicit ListenerHandle(std::shared_ptr<Token> token) : token_(std::move(token)) {}

private:
    std::shared_ptr<Token> token_;
};

/// The listener registry of one Engine (every copy of the Engine shares it). Cheap to copy.
class ATHANOR_API EngineEvents {
public:
    /// Listeners that see a driver connection.
    using ConnectionListener = std::function<void(sdk::DriverConnection&)>;
    using ExecuteListener = std::function<void(const ExecuteEvent&)>;
    using CursorExecuteListener = std::function<void(const CursorExecuteEvent&)>;
    using ErrorListener = std::function<void(const ErrorEvent&)>;

    explicit EngineEvents(std::shared_ptr<detail::EventRegistry> registry) : registry_(std::move(registry)) {}

    /// A new driver connection was opened (before it is first handed out).
    ListenerHandle on_connect(ConnectionListener fn, ListenOptions options = {});
    /// A connection is handed out by the pool (Engine::connect(), or a Connection reconnecting).
    ListenerHandle on_checkout(ConnectionListener fn, ListenOptions options = {});
    /// A connection went back to the pool (after its rollback), including one about to be
    /// closed because the pool is full or it was invalidated but still open.
    ListenerHandle on_checkin(ConnectionListener fn, ListenOptions options = {});
    /// Connection::execute() / exec_driver_sql() was called, before anything is compiled or sent.
    ListenerHandle on_before_execute(ExecuteListener fn, ListenOptions options = {});
    /// ... returned successfully, with the Result.
    ListenerHandle on_after_execute(ExecuteListener fn, ListenOptions options = {});
    /// A statement text is about to go to the driver.
    ListenerHandle on_before_cursor_execute(CursorExecuteListener fn, ListenOptions options = {});
    /// ... the driver ran it.
    ListenerHandle on_after_cursor_execute(CursorExecuteListener fn, ListenOptions options = {});
    /// The driver raised an error (see ErrorEvent); throw from the listener to replace it.
    ListenerHandle on_handle_error(ErrorListener fn, ListenOptions options = {});

    /// Removes every listener of every event.
    void remove_all();

private:
    std::shared_ptr<detail::EventRegistry> registry_;
};

}  // namespace athanor
