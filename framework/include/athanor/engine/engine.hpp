// athanor/engine/engine.hpp — create_engine(), the Engine and its options.
//
// An Engine is a dialect (loaded from its plugin by the URL's scheme), a connection pool
// and a compiled-statement cache. It is cheap to copy (copies share state) and safe to use
// from several threads; each thread takes its own Connection.
//
// Usage:
//   auto engine = athanor::create_engine("sqlite:///demo.db", {.echo = true});
//   engine.transaction([](athanor::Connection& conn) {      // commit on return, rollback on throw
//       conn.execute(athanor::text("CREATE TABLE t (x INTEGER)"));
//   });
//   auto conn = engine.connect();
//   auto n = conn.execute(athanor::text("SELECT count(*) FROM t")).scalar_one();
#pragma once

#include <athanor/engine/connection.hpp>
#include <athanor/engine/events.hpp>
#include <athanor/url.hpp>
#include <athanor/export.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace athanor {

namespace sdk {
class Dialect;
}
struct PluginManifest;
class PluginRegistry;
class Pool;

namespace detail {
struct EngineState;
}

/// Where echo output goes: one call per line. The default writes to std::clog.
using LogSink = std::function<void(std::string_view line)>;

struct EngineOptions {
    /// Log every statement (and its parameters unless hide_parameters) through `log_sink`.
    bool echo = false;
    /// Mask bound values in echo output and exception messages (they stay available
    /// programmatically through DBAPIError::params()). Set false to see them.
    bool hide_parameters = true;
    /// Connections kept open in the pool.
    std::size_t pool_size = 5;
    /// Extra connections opened under load, closed again when returned.
    std::size_t max_overflow = 10;
    /// How long connect() waits for a free connection before throwing TimeoutError.
    std::chrono::milliseconds pool_timeout{30000};
    /// Ping a pooled connection on checkout and replace it if dead.
    bool pool_pre_ping = false;
    /// Close and reopen pooled connections older than this (0: never).
    std::chrono::seconds pool_recycle{0};
    /// Isolation level for every connection ("" keeps the database default; "AUTOCOMMIT").
    std::string isolation_level = {};
    /// Compiled statements kept per engine (0 disables the cache).
    std::size_t compiled_cache_size = 500;
    /// Rows per statement when executemany of a single-row insert() is sent as
    /// INSERT ... VALUES (...), (...), ... ("insertmanyvalues", on dialects that support it,
    /// e.g. PostgreSQL). A page is made smaller when rows x parameters would pass the
    /// dialect's parameter limit. 0 turns the batching off (the driver's executemany is used).
    std::size_t insertmanyvalues_page_size = 1000;
    LogSink log_sink = {};
    /// The registry to load the dialect from; nullptr means PluginRegistry::global().
    PluginRegistry* registry = nullptr;
};

class ATHANOR_API Engine {
public:
    /// Prefer create_engine().
    Engine(const Url& url, EngineOptions options);
    ~Engine();
    Engine(const Engine&);
    Engine& operator=(const Engine&);

    /// Checks a connection out of the pool (opening one if needed).
    Connection connect();

    /// Runs `fn` in a transaction on a fresh connection: commits when it returns, rolls back
    /// and rethrows when it throws.
    void transaction(const std::function<void(Connection&)>& fn);

    const Url& url() const;
    sdk::Dialect& dialect() const;
    const PluginManifest& plugin() const;
    Pool& pool() const;
    const EngineOptions& options() const;

    /// Closes every pooled connection; new ones are opened on demand.
    void dispose();

    /// The compiled-statement cache's hit/miss counters (for tests and tuning).
    struct CacheStats {
        std::size_t hits = 0;
        std::size_t misses = 0;
        std::size_t size = 0;
    };
    CacheStats cache_stats() const;

    /// The engine's event listeners (athanor/engine/events.hpp), shared by every copy:
    ///   engine.events().on_before_cursor_execute([&](const CursorExecuteEvent& e) { log(e.statement); });
    EngineEvents events() const;

    /// The schema unqualified names resolve to, as the engine's first connection saw it after
    /// its `insert` connect listeners ran (SQLAlchemy's dialect.default_schema_name): "public"
    /// on PostgreSQL, "main" on SQLite. Empty before the first connection, or for a dialect
    /// without a Reflector. Ask Inspector::default_schema_name() for the current value.
    std::string default_schema_name() const;

private:
    friend class Connection;
    explicit Engine(std::shared_ptr<detail::EngineState> state);
    std::shared_ptr<detail::EngineState> state_;
};

/// Loads the dialect plugin for the URL's scheme and builds an Engine.
/// Throws ArgumentError for a malformed URL or bad option, NoSuchModuleError when no
/// plugin serves the scheme. No connection is opened until first use.
ATHANOR_API Engine create_engine(std::string_view url, EngineOptions options = {});
ATHANOR_API Engine create_engine(const Url& url, EngineOptions options = {});

}  // namespace athanor
