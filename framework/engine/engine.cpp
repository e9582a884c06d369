// Engine: builds the pool from the dialect and options, owns the compiled-statement cache and
// the echo logger. Every copy of an Engine shares one EngineState.
#include "engine_state.hpp"
#include "connection_state.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/isolation_level.hpp>
#include <athanor/sdk/reflector.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/statement.hpp>

#include <iostream>

namespace athanor {

namespace detail {

// --- StatementCache ----------------------------------------------------------------------

std::shared_ptr<const sql::CompiledStatement> StatementCache::get(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto* hit = lru_.find(key);
    if (hit == nullptr) {
        ++misses_;
        return nullptr;
    }
    ++hits_;
    return *hit;
}

void StatementCache::put(const std::string& key, std::shared_ptr<const sql::CompiledStatement> compiled) {
    std::lock_guard lock(mutex_);
    if (lru_.capacity() == 0) return;
    // When another thread compiled the same statement meanwhile, the newer one replaces it.
    lru_.put(key, std::move(compiled));
}

Engine::CacheStats StatementCache::stats() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_, lru_.size()};
}

// --- EngineState -------------------------------------------------------------------------

namespace {
// "plugin /x/libathanor_dialect_a.so, shadowing /y/libathanor_dialect_b.so and ...": which file serves
// the scheme, and which plugins listing it too were passed over.
std::string plugin_origin(const PluginManifest* manifest, const std::vector<std::filesystem::path>& shadowed) {
    std::string out = "plugin " + (manifest ? manifest->library_path.string() : std::string("(unknown)"));
    for (std::size_t i = 0; i < shadowed.size(); ++i) out += (i ? " and " : ", shadowing ") + shadowed[i].string();
    return out;
}

void validate(const EngineOptions& o, const sdk::Dialect& dialect, const Url& url) {
    if (o.pool_size == 0 && o.max_overflow == 0)
        throw ArgumentError("EngineOptions: pool_size 0 with max_overflow 0 allows no connection at all for " +
                            url.render() + "; set pool_size (default 5) or max_overflow above 0");
    if (o.pool_timeout.count() < 0)
        throw ArgumentError("EngineOptions: pool_timeout must not be negative (got " +
                            std::to_string(o.pool_timeout.count()) + " ms)");
    if (o.pool_recycle.count() < 0)
        throw ArgumentError("EngineOptions: pool_recycle must not be negative (got " +
                            std::to_string(o.pool_recycle.count()) + " s); use 0 to never recycle");
    if (!o.isolation_level.empty()) {
        try {
            sdk::check_isolation_level(dialect, o.isolation_level);
        } catch (const ArgumentError& e) {
            throw ArgumentError(std::string("EngineOptions.isolation_level: ") + e.what());
        }
    }
}
}  // namespace

void initialize_on_first_connect(sdk::Dialect& dialect, sdk::DriverConnection& connection, FirstConnect& state) {
    std::lock_guard lock(state.mutex);
    if (state.done) return;
    // Read on the connection as the `insert` connect listeners left it, as SQLAlchemy's
    // dialect.initialize() does; the query's implicit transaction is not handed to the user.
    if (const auto reflector = dialect.create_reflector()) {
        state.default_schema_name = reflector->default_schema_name(connection);
        if (!connection.autocommit()) connection.rollback();
    }
    state.done = true;  // not set when the query threw: the next connection tries again
}

EngineCapabilities EngineCapabilities::of(const PluginManifest& manifest) {
    EngineCapabilities out;
    out.multivalues_inserts = manifest.has_capability("multivalues_inserts");
    out.multivalues_returning_in_order = manifest.has_capability("multivalues_returning_in_order");
    out.cursor_executemany_returning = manifest.has_capability("cursor_executemany_returning");
    return out;
}

EngineState::EngineState(Url u, EngineOptions o, LoadedDialect loaded)
    : url(std::move(u)),
      options(std::move(o)),
      dialect(std::move(loaded.dialect)),
      manifest(std::move(loaded.manifest)),
      cache(options.compiled_cache_size) {
    if (!dialect)
        throw NoSuchModuleError("the plugin for '" + url.drivername() + "' (" + url.render() +
                                ") returned no dialect");
    validate(options, *dialect, url);
    if (manifest) capabilities = EngineCapabilities::of(*manifest);

    Pool::Settings settings;
    settings.pool_size = options.pool_size;
    settings.max_overflow = options.max_overflow;
    settings.timeout = options.pool_timeout;
    settings.pre_ping = options.pool_pre_ping;
    settings.recycle = options.pool_recycle;
    settings.single = dialect->pool_kind(url) == sdk::PoolKind::single;

    // The creator, resetter and hooks capture what they need by value: they must not keep the
    // EngineState alive (it owns the pool) nor dangle if it is moved.
    auto d = dialect;
    Url target = url;
    std::string isolation = options.isolation_level;
    auto registry = events;
    auto first = first_connect;
    Pool::Creator creator = [d, target, isolation, registry, first]() {
        auto connection = d->connect(target);
        if (!connection) return connection;
        try {
            // SQLAlchemy's order: `insert` connect listeners, the dialect's set-up, the first
            // connection's initialize, then the other connect listeners.
            registry->connect.fire_front(*connection);
            d->on_connect(*connection);
            if (!isolation.empty()) d->set_isolation_level(*connection, isolation);
            initialize_on_first_connect(*d, *connection, *first);
            registry->connect.fire_back(*connection);
        } catch (...) {
            try {
                connection->close();
            } catch (...) {
                // The set-up's error is the one to report.
            }
            throw;
        }
        return connection;
    };
    const bool default_autocommit = sdk::ascii_upper(isolation) == "AUTOCOMMIT";
    Pool::Resetter resetter = [default_autocommit](sdk::DriverConnection& connection) {
        // Whatever the borrower left uncommitted is undone; a Connection that changed its
        // isolation level has already restored it, this only guards the autocommit flag.
        if (!connection.autocommit()) connection.rollback();
        if (connection.autocommit() != default_autocommit) connection.set_autocommit(default_autocommit);
    };
    Pool::Hooks hooks;
    hooks.checkout = [registry](sdk::DriverConnection& connection) { registry->checkout.fire(connection); };
    LogSink sink = options.log_sink;
    hooks.checkin = [registry, sink](sdk::DriverConnection& connection) {
        if (!registry->checkin.any()) return;
        try {
            registry->checkin.fire(connection);
        } catch (const std::exception& e) {
            // Nobody can catch this (a connection is often returned from a destructor): say it.
            const std::string line = std::string("[athanor.pool] a checkin listener raised; the connection is "
                                                 "dropped instead of reused: ") + e.what();
            if (sink)
                sink(line);
            else
                std::clog << line << '\n';
            throw;
        }
    };
    pool = std::make_unique<Pool>(settings, std::move(creator), std::move(resetter), std::move(hooks));

    if (options.echo)
        log("Engine created for " + url.render() + " (dialect " + dialect->description() + ", " +
            plugin_origin(manifest.get(), loaded.shadowed) + ", " + (settings.single ? std::string("single shared connection")
                             : "pool size " + std::to_string(settings.pool_size) + ", overflow " +
                                   std::to_string(settings.max_overflow)) +
            ")");
}

std::shared_ptr<const sql::CompiledStatement> EngineState::compile(
    const sql::Executable& given, const Params& first_params, Params& statement_values, bool& from_cache,
    const std::shared_ptr<const sql::SchemaTranslateMap>& translate, std::string_view translate_key) {
    from_cache = false;
    // insert()/update() without values() take their columns from the parameters.
    auto specialised = given.with_parameter_keys(first_params);
    const sql::Executable& statement = specialised ? *specialised : given;
    std::string key;
    // One walk yields the key and this statement's own literals; the cached form carries the
    // first statement's literals, so a hit binds these instead. A miss ignores them.
    if (cache.capacity() > 0) key = statement.cache_key(statement_values);
    // The same statement under another schema_translate_map is another compiled form.
    if (!key.empty() && !translate_key.empty()) key.append("\x1eS").append(translate_key);
    std::shared_ptr<const sql::CompiledStatement> compiled;
    if (!key.empty()) compiled = cache.get(key);
    if (compiled) {
        from_cache = true;
    } else {
        // The cached form keeps IN lists as expanding binds: one form for any list length.
        if (const auto* tree = dynamic_cast<const sql::Statement*>(&statement))
            compiled = tree->compile(*dialect, sql::CompileOptions{.keep_expanding = true, .schema_translate_map = translate});
        else if (const auto* ddl = dynamic_cast<const sql::DdlElement*>(&statement))
            compiled = ddl->compile(*dialect, translate);
        else
            compiled = statement.compile(*dialect);
        if (!compiled) throw CompileError("statement compiled to nothing for dialect " + dialect->description());
        if (!key.empty()) cache.put(key, compiled);
    }
    if (compiled->has_expanding()) {
        // Rendered for this execution's lists, which are among the statement's own values.
        if (key.empty()) statement.bound_values(statement_values);
        compiled = sql::compiler_for(*dialect)->expand(*compiled, first_params, &statement_values);
    }
    return compiled;
}

void EngineState::log(std::string_view line) {
    std::string full = "[athanor.engine] ";
    full += line;
    std::lock_guard lock(log_mutex);
    if (options.log_sink)
        options.log_sink(full);
    else
        std::clog << full << '\n';
}

std::string render_params(const std::vector<Value>& params) {
    std::string out = "(";
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (i) out += ", ";
        out += params[i].repr();
    }
    out += ")";
    return out;
}

void EngineState::log_statement(std::string_view sql, const std::vector<Value>& params, std::string_view origin) {
    log(sql);
    std::string line = "[";
    line += origin;
    line += "] ";
    line += options.hide_parameters ? std::string("[parameters hidden]") : render_params(params);
    log(line);
}

void EngineState::log_statement_many(std::string_view sql, const std::vector<std::vector<Value>>& param_sets,
                                     std::string_view origin) {
    log(sql);
    std::string line = "[";
    line += origin;
    line += "] ";
    if (options.hide_parameters) {
        line += "[parameters hidden] (" + std::to_string(param_sets.size()) + " parameter sets)";
    } else {
        constexpr std::size_t shown = 10;
        line += "[";
        for (std::size_t i = 0; i < param_sets.size() && i < shown; ++i) {
            if (i) line += ", ";
            line += render_params(param_sets[i]);
        }
        if (param_sets.size() > shown)
            line += ", ... displaying " + std::to_string(shown) + " of " + std::to_string(param_sets.size()) +
                    " total bound parameter sets ...";
        line += "]";
    }
    log(line);
}

}  // namespace detail

// --- Engine ------------------------------------------------------------------------------

Engine::Engine(const Url& url, EngineOptions options) {
    PluginRegistry& registry = options.registry ? *options.registry : PluginRegistry::global();
    LoadedDialect loaded = registry.load(url);
    state_ = std::make_shared<detail::EngineState>(url, std::move(options), std::move(loaded));
}

Engine::~Engine() = default;
Engine::Engine(std::shared_ptr<detail::EngineState> state) : state_(std::move(state)) {}

Engine::Engine(const Engine&) = default;
Engine& Engine::operator=(const Engine&) = default;

Connection Engine::connect() {
    auto lease = state_->pool->checkout();
    return Connection(std::make_shared<detail::ConnectionState>(state_, std::move(lease)));
}

void Engine::transaction(const std::function<void(Connection&)>& fn) {
    Connection connection = connect();
    Transaction tx = connection.begin();
    try {
        fn(connection);
    } catch (...) {
        try {
            tx.rollback();
        } catch (...) {
            // The original error is the one worth reporting.
        }
        throw;
    }
    if (tx.is_active()) tx.commit();
}

const Url& Engine::url() const { return state_->url; }
sdk::Dialect& Engine::dialect() const { return *state_->dialect; }
const PluginManifest& Engine::plugin() const { return *state_->manifest; }
Pool& Engine::pool() const { return *state_->pool; }
const EngineOptions& Engine::options() const { return state_->options; }
void Engine::dispose() { state_->pool->dispose(); }
Engine::CacheStats Engine::cache_stats() const { return state_->cache.stats(); }
EngineEvents Engine::events() const { return EngineEvents(state_->events); }

std::string Engine::default_schema_name() const {
    std::lock_guard lock(state_->first_connect->mutex);
    return state_->first_connect->default_schema_name;
}

Engine create_engine(std::string_view url, EngineOptions options) {
    return Engine(Url::parse(url), std::move(options));
}

Engine create_engine(const Url& url, EngineOptions options) { return Engine(url, std::move(options)); }

}  // namespace athanor
