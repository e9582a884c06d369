// engine_state.hpp (private) — what every copy of an Engine shares: URL, options, dialect,
// pool, the compiled-statement cache and the echo logger.
#pragma once

#include "event_registry.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/lru_map.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/sql/executable.hpp>
#include <athanor/sql/statement.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::detail {

/// LRU cache of compiled statements. One per engine, so one dialect: the key is the
/// statement's structural cache_key() alone.
class StatementCache {
public:
    explicit StatementCache(std::size_t capacity) : lru_(capacity) {}

    std::shared_ptr<const sql::CompiledStatement> get(const std::string& key);
    void put(const std::string& key, std::shared_ptr<const sql::CompiledStatement> compiled);
    Engine::CacheStats stats() const;
    std::size_t capacity() const { return lru_.capacity(); }

private:
    mutable std::mutex mutex_;
    sdk::LruMap<std::shared_ptr<const sql::CompiledStatement>> lru_;
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
};

/// The manifest flags that decide how the engine runs statements, read once (the manifest is
/// the one source of what a plugin can do; docs/plugin-guide.md).
struct EngineCapabilities {
    /// `multivalues_inserts`: INSERT ... VALUES (...), (...) is accepted, so an executemany of
    /// a single-row insert() goes out as insertmanyvalues pages.
    bool multivalues_inserts = false;
    /// `multivalues_returning_in_order`: the RETURNING rows of one multi-row INSERT come back in
    /// VALUES order, so inserts with RETURNING may be paged too.
    bool multivalues_returning_in_order = false;
    /// `cursor_executemany_returning`: Cursor::executemany() of a RETURNING statement hands
    /// back every set's rows, in parameter order.
    bool cursor_executemany_returning = false;

    static EngineCapabilities of(const PluginManifest& manifest);
};

/// What the engine learns from its first connection (SQLAlchemy's dialect.initialize(), run
/// once unless it fails): today the default schema name.
struct FirstConnect {
    std::mutex mutex;
    bool done = false;
    std::string default_schema_name;
};

struct EngineState {
    Url url;
    EngineOptions options;
    std::shared_ptr<sdk::Dialect> dialect;
    std::shared_ptr<const PluginManifest> manifest;
    EngineCapabilities capabilities;
    std::unique_ptr<Pool> pool;
    StatementCache cache;
    std::mutex log_mutex;
    /// Shared with the pool's creator and hooks, which must not keep the EngineState alive.
    std::shared_ptr<EventRegistry> events = std::make_shared<EventRegistry>();
    std::shared_ptr<FirstConnect> first_connect = std::make_shared<FirstConnect>();

    EngineState(Url u, EngineOptions o, LoadedDialect loaded);

    /// Compiles `statement` through the cache. On a cache hit the statement's own values are
    /// written to `statement_values` and `from_cache` is set. `translate` is the connection's
    /// schema_translate_map (null for none), `translate_key` its part of the cache key.
    std::shared_ptr<const sql::CompiledStatement> compile(const sql::Executable& statement, const Params& first_params,
                                                          Params& statement_values, bool& from_cache,
                                                          const std::shared_ptr<const sql::SchemaTranslateMap>& translate = nullptr,
                                                          std::string_view translate_key = {});

    bool echo() const { return options.echo; }
    /// One echo line, prefixed "[athanor.engine] ".
    void log(std::string_view line);
    /// Logs a statement and its parameters (or "[parameters hidden]"). `origin` says where the
    /// compiled form came from: "generated", "cached", "raw sql".
    void log_statement(std::string_view sql, const std::vector<Value>& params, std::string_view origin);
    void log_statement_many(std::string_view sql, const std::vector<std::vector<Value>>& param_sets,
                            std::string_view origin);
};

/// SQLAlchemy's first-connect dialect.initialize(): captures the default schema name once.
void initialize_on_first_connect(sdk::Dialect& dialect, sdk::DriverConnection& connection, FirstConnect& state);

/// "(1, 'a', NULL)"
std::string render_params(const std::vector<Value>& params);

}  // namespace athanor::detail
