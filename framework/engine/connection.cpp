// Connection: SQLAlchemy 2.0 semantics — autobegin, commit-as-you-go, explicit begin(),
// SAVEPOINTs — over one pooled driver connection. Statements are compiled through the
// engine's cache, bound by name and run on a driver cursor; an execute() with many parameter
// sets runs by the ExecutemanyPlan chosen for it (executemany_plan.hpp, executemany.hpp).
#include "connection_state.hpp"
#include "executemany.hpp"
#include "execution_result.hpp"
#include "result_state.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/driver_util.hpp>

#include <algorithm>
#include <cstdint>

namespace athanor {

namespace detail {

// --- ConnectionState ---------------------------------------------------------------------

void ConnectionState::check_open() const {
    if (closed) throw ResourceClosedError("This Connection is closed; take a new one with engine.connect()");
}

sdk::DriverConnection& ConnectionState::driver() {
    check_open();
    if (!lease) {
        if (invalidated_in_transaction)
            throw InvalidRequestError(
                "Can't reconnect until the invalid transaction is rolled back: the database connection was "
                "lost inside a transaction; call rollback() on the Connection (or its Transaction) first");
        lease = engine->pool->checkout();
    }
    return *lease;
}

void ConnectionState::autobegin() {
    if (in_transaction) return;
    auto& d = driver();
    if (d.autocommit()) {
        if (engine->echo()) engine->log("BEGIN (implicit; autocommit mode, no database transaction)");
    } else {
        if (engine->echo()) engine->log("BEGIN (implicit)");
        try {
            d.begin();
        } catch (DBAPIError& e) {
            handle_dbapi_error(e, "BEGIN", {});
            throw;
        }
    }
    in_transaction = true;
}

void ConnectionState::run_internal(const std::string& sql) {
    auto& d = driver();
    if (engine->echo()) engine->log(sql);
    const std::vector<std::vector<Value>> no_values(1);
    before_cursor(sql, sdk::ParameterRows(no_values), false);
    try {
        sdk::execute_statement(d, sql);
    } catch (DBAPIError& e) {
        handle_dbapi_error(e, sql, {});
        throw;
    }
    after_cursor(sql, sdk::ParameterRows(no_values), false, -1);
}

void ConnectionState::drop_savepoints(std::size_t from) {
    for (std::size_t i = from; i < savepoints.size(); ++i) savepoints[i]->active = false;
    if (from < savepoints.size()) savepoints.erase(savepoints.begin() + static_cast<std::ptrdiff_t>(from), savepoints.end());
}

void ConnectionState::commit_root() {
    check_open();
    // The database already discarded that transaction with the lost connection: committing
    // "nothing" would tell the caller their writes were saved (SQLAlchemy's PendingRollbackError).
    if (invalidated_in_transaction)
        throw InvalidRequestError(
            "Can't commit: the database connection was lost inside this transaction and its work is gone; "
            "call rollback() on the Connection (or its Transaction), then run the transaction again");
    if (!in_transaction) return;  // nothing begun: commit is a no-op, as in SQLAlchemy
    auto& d = driver();
    if (!d.autocommit()) {
        if (engine->echo()) engine->log("COMMIT");
        try {
            d.commit();
        } catch (DBAPIError& e) {
            // The transaction stays open: the caller can still roll it back.
            handle_dbapi_error(e, "COMMIT", {});
            throw;
        }
    } else if (engine->echo()) {
        engine->log("COMMIT (autocommit mode, nothing to do)");
    }
    in_transaction = false;
    drop_savepoints(0);
    if (root) root->active = false;
    root.reset();
}

void ConnectionState::rollback_root() {
    check_open();
    const bool had = in_transaction || invalidated_in_transaction;
    in_transaction = false;
    invalidated_in_transaction = false;
    drop_savepoints(0);
    if (root) root->active = false;
    root.reset();
    if (!had || !lease) return;
    auto& d = *lease;
    if (d.autocommit()) {
        if (engine->echo()) engine->log("ROLLBACK (autocommit mode, nothing to do)");
        return;
    }
    if (engine->echo()) engine->log("ROLLBACK");
    try {
        d.rollback();
    } catch (DBAPIError& e) {
        // A connection that cannot roll back is not reused.
        e.attach_statement("ROLLBACK", {}, engine->options.hide_parameters);
        invalidate();
        throw;
    }
}

void ConnectionState::handle_dbapi_error(DBAPIError& error, std::string_view sql, const std::vector<Value>& params) {
    error.attach_statement(std::string(sql), params, engine->options.hide_parameters);
    bool disconnect = false;
    try {
        disconnect = engine->dialect->is_disconnect(error);
    } catch (...) {
        disconnect = false;
    }
    if (disconnect) error.set_connection_invalidated(true);
    std::exception_ptr replacement;
    if (engine->events->handle_error.any()) {
        try {
            const ErrorEvent event{error, sql, params, disconnect};
            engine->events->handle_error.fire(event);
        } catch (...) {
            replacement = std::current_exception();
        }
    }
    if (disconnect) invalidate(true);
    if (replacement) std::rethrow_exception(replacement);
}

void ConnectionState::close_results() {
    for (auto& weak : open_results) {
        if (auto rs = weak.lock()) {
            rs->release_cursor();
            if (!rs->exhausted && !rs->closed) {
                rs->closed = true;
                rs->closed_reason = closed ? "This result's Connection is closed; fetch rows before closing it"
                                           : "This result's database connection was invalidated";
            }
        }
    }
    open_results.clear();
    spare_cursor.reset();
}

void ConnectionState::invalidate(bool disconnect) {
    close_results();
    if (lease) {
        if (disconnect) {
            if (engine->echo())
                engine->log("Disconnect detected: invalidating the database connection and every pooled connection "
                            "opened before it");
            lease.invalidate_pool();
        } else {
            if (engine->echo()) engine->log("Invalidating the database connection; it will not be reused");
            lease.invalidate();
        }
        lease.release();
    }
    if (in_transaction) invalidated_in_transaction = true;
    in_transaction = false;
    isolation_to_restore.reset();
}

void ConnectionState::close() {
    if (closed) return;
    closed = true;
    close_results();
    drop_savepoints(0);
    if (root) root->active = false;
    root.reset();
    if (lease) {
        if (isolation_to_restore) {
            try {
                const auto& configured = engine->options.isolation_level;
                const std::string& level = configured.empty() ? *isolation_to_restore : configured;
                if (!level.empty())
                    engine->dialect->set_isolation_level(*lease, level);
                else
                    lease->set_autocommit(false);
            } catch (...) {
                lease.invalidate();  // its isolation level is unknown now; do not reuse it
            }
        }
        if (in_transaction && engine->echo() && !lease->autocommit())
            engine->log("ROLLBACK (connection returned to the pool)");
        lease.release();  // the pool's resetter rolls back
    }
    in_transaction = false;
    invalidated_in_transaction = false;
}

}  // namespace detail

// --- Connection --------------------------------------------------------------------------

namespace {

detail::ConnectionState& open_state(const std::shared_ptr<detail::ConnectionState>& state) {
    if (!state) throw ResourceClosedError("This Connection was moved from or closed; take a new one with engine.connect()");
    state->check_open();
    return *state;
}

void register_result(detail::ConnectionState& st, const std::shared_ptr<detail::ResultState>& rs) {
    auto& results = st.open_results;
    results.erase(std::remove_if(results.begin(), results.end(), [](const auto& w) { return w.expired(); }),
                  results.end());
    results.push_back(rs);
}

/// After a single execute(): either a row-returning result streaming from the cursor, or a
/// finished DML result whose cursor is released at once.
void finish_execution(detail::ConnectionState& st, const std::shared_ptr<detail::ResultState>& rs) {
    auto& cursor = *rs->cursor;
    rs->rowcount = cursor.rowcount();
    rs->lastrowid = cursor.lastrowid();
    const auto& description = cursor.description();
    if (description.empty()) {
        rs->release_cursor();
        detail::present_no_rows(*rs);
        return;
    }
    rs->metadata = detail::metadata_for(description, rs->compiled.get());
    if (rs->compiled) {
        const auto kind = rs->compiled->kind;
        rs->dml_returning_rows = kind == sql::StatementKind::insert || kind == sql::StatementKind::update ||
                                 kind == sql::StatementKind::delete_;
    }
    rs->connection = st.shared_from_this();
    register_result(st, rs);
}

}  // namespace

Connection::Connection(std::shared_ptr<detail::ConnectionState> state) : state_(std::move(state)) {}
Connection::Connection(Connection&&) noexcept = default;

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        try {
            close();
        } catch (...) {
        }
        state_ = std::move(other.state_);
    }
    return *this;
}

Connection::~Connection() {
    try {
        close();
    } catch (...) {
        // Destructors do not throw; the pool drops a connection it cannot reset.
    }
}

Result Connection::execute(const sql::Executable& statement, const Params& params) {
    auto& st = open_state(state_);
    auto& engine = *st.engine;
    auto& events = *engine.events;
    if (events.before_execute.any()) {
        const ExecuteEvent event{&statement, {}, std::span<const Params>(&params, 1), {}, false, nullptr};
        events.before_execute.fire(event);
    }
    Params statement_values;
    bool from_cache = false;
    auto compiled = engine.compile(statement, params, statement_values, from_cache, st.schema_translate_map, st.schema_translate_key);
    // The statement's own values, read from its tree by the cache walk: what a cached or an
    // expanded form binds (a fresh plain form carries the same values itself).
    const Params* own = statement_values.empty() ? nullptr : &statement_values;

    auto rs = std::make_shared<detail::ResultState>();
    rs->compiled = compiled;
    rs->params = compiled->bind(params, own);
    auto& driver = st.driver();
    st.autobegin();
    if (engine.echo()) engine.log_statement(compiled->sql, rs->params, from_cache ? "cached" : "generated");
    const sdk::ParameterRows sent(std::span<const std::vector<Value>>(&rs->params, 1));
    st.before_cursor(compiled->sql, sent, false);
    try {
        rs->cursor = st.spare_cursor ? std::move(st.spare_cursor) : driver.cursor();
        rs->cursor->execute(compiled->sql, rs->params);
    } catch (DBAPIError& e) {
        rs->cursor.reset();
        st.handle_dbapi_error(e, compiled->sql, rs->params);
        throw;
    }
    if (events.after_cursor_execute.any()) st.after_cursor(compiled->sql, sent, false, rs->cursor->rowcount());
    finish_execution(st, rs);

    if (detail::is_pk_insert(*compiled)) {
        std::optional<Row> returning;
        if (compiled->returns_primary_key && rs->metadata) {
            // RETURNING added for the key is the engine's, not the caller's: the engine reads
            // the key row, and the result stays a row-returning one whose rows are used up
            // (SQLAlchemy 2.0: returns_rows, keys() the returned columns, fetchone() None,
            // soft-closed but not closed).
            returning = rs->next_row();
            rs->release_cursor();
            rs->exhausted = true;
            if (rs->rowcount < 0) rs->rowcount = returning ? 1 : 0;
        }
        rs->key_width = compiled->primary_key_columns.size();
        rs->inserted_keys.reserve(rs->key_width);
        detail::append_primary_key(*compiled, params, own, rs->lastrowid, returning ? &*returning : nullptr,
                                   rs->inserted_keys);
        rs->has_inserted_primary_key = true;
    } else {
        rs->primary_key_source = detail::kind_name(compiled->kind);  // the message is built only if asked
    }
    Result result(rs);
    if (events.after_execute.any()) {
        const ExecuteEvent event{&statement, {}, std::span<const Params>(&params, 1), {}, false, &result};
        events.after_execute.fire(event);
    }
    return result;
}

Result Connection::execute(const sql::Executable& statement, const std::vector<Params>& param_sets) {
    if (param_sets.size() <= 1) return execute(statement, param_sets.empty() ? Params{} : param_sets.front());
    // One statement text is sent for every set, so no set can bring a list of its own.
    for (const auto& params : param_sets)
        if (!params.lists().empty())
            throw ArgumentError("expanding bind parameters (Params::set_list / set_tuples) can't be used with "
                                "executemany (a list of parameter sets); execute each set on its own");

    auto& st = open_state(state_);
    auto& engine = *st.engine;
    auto& events = *engine.events;
    if (events.before_execute.any()) {
        const ExecuteEvent event{&statement, {}, std::span<const Params>(param_sets), {}, true, nullptr};
        events.before_execute.fire(event);
    }
    Params statement_values;
    bool from_cache = false;
    auto compiled = engine.compile(statement, param_sets.front(), statement_values, from_cache, st.schema_translate_map,
                                   st.schema_translate_key);
    // The statement's own values, read from its tree by the cache walk: what a cached or an
    // expanded form binds (a fresh plain form carries the same values itself).
    const Params* own = statement_values.empty() ? nullptr : &statement_values;

    const auto plan = detail::plan_executemany(engine, *compiled, param_sets, own);
    auto rs = std::make_shared<detail::ResultState>();
    rs->compiled = compiled;
    if (plan.pk_insert) {
        rs->key_width = compiled->primary_key_columns.size();
        rs->inserted_keys.reserve(rs->key_width * param_sets.size());
    }
    detail::run_executemany(
        detail::ManyExecution{st, *compiled, param_sets, own, from_cache ? "cached" : "generated", *rs}, plan);
    rs->primary_key_unavailable = detail::no_primary_key_reason(compiled.get(), true);
    rs->keys_not_fetched = plan.keys_not_fetched;
    rs->params.clear();
    if (plan.caller_rows && rs->metadata) {
        // Every parameter set's RETURNING rows, in order, read from the buffer.
        if (rs->buffered.empty()) rs->exhausted = true;
    } else {
        detail::present_no_rows(*rs);
    }
    Result result(rs);
    if (events.after_execute.any()) {
        const ExecuteEvent event{&statement, {}, std::span<const Params>(param_sets), {}, true, &result};
        events.after_execute.fire(event);
    }
    return result;
}

Result Connection::exec_driver_sql(std::string_view sql, const std::vector<Value>& params) {
    auto& st = open_state(state_);
    auto& events = *st.engine->events;
    if (events.before_execute.any()) {
        const ExecuteEvent event{nullptr, sql, {}, std::span<const Value>(params), false, nullptr};
        events.before_execute.fire(event);
    }
    auto rs = std::make_shared<detail::ResultState>();
    rs->sql = std::string(sql);
    rs->params = params;
    auto& driver = st.driver();
    st.autobegin();
    if (st.engine->echo()) st.engine->log_statement(rs->sql, rs->params, "raw sql");
    const sdk::ParameterRows sent(std::span<const std::vector<Value>>(&rs->params, 1));
    st.before_cursor(rs->sql, sent, false);
    try {
        rs->cursor = st.spare_cursor ? std::move(st.spare_cursor) : driver.cursor();
        rs->cursor->execute(rs->sql, rs->params);
    } catch (DBAPIError& e) {
        rs->cursor.reset();
        st.handle_dbapi_error(e, rs->sql, rs->params);
        throw;
    }
    if (events.after_cursor_execute.any()) st.after_cursor(rs->sql, sent, false, rs->cursor->rowcount());
    finish_execution(st, rs);
    rs->primary_key_unavailable = detail::no_primary_key_reason(nullptr, false);
    Result result(rs);
    if (events.after_execute.any()) {
        const ExecuteEvent event{nullptr, sql, {}, std::span<const Value>(params), false, &result};
        events.after_execute.fire(event);
    }
    return result;
}

Value Connection::scalar(const sql::Executable& statement, const Params& params) {
    return execute(statement, params).scalar();
}

std::vector<Value> Connection::scalars(const sql::Executable& statement, const Params& params) {
    return execute(statement, params).scalars();
}

Transaction Connection::begin() {
    auto& st = open_state(state_);
    if (st.in_transaction)
        throw InvalidRequestError(
            st.root ? "A transaction is already begun on this Connection; commit or roll it back first, or use "
                      "begin_nested() for a savepoint"
                    : "This Connection has already autobegun a transaction (a statement ran without begin()); "
                      "call commit() or rollback() first, or use begin_nested() for a savepoint");
    st.autobegin();
    auto tx = std::make_shared<detail::TransactionState>();
    tx->connection = st.shared_from_this();
    st.root = tx;
    return Transaction(tx);
}

Transaction Connection::begin_nested() {
    auto& st = open_state(state_);
    st.autobegin();
    std::string name = "sa_savepoint_" + std::to_string(++st.savepoint_counter);
    st.run_internal(st.engine->dialect->savepoint_sql(name));
    auto tx = std::make_shared<detail::TransactionState>();
    tx->connection = st.shared_from_this();
    tx->nested = true;
    tx->savepoint_name = std::move(name);
    st.savepoints.push_back(tx);
    return Transaction(tx);
}

bool Connection::in_transaction() const { return state_ && !state_->closed && state_->in_transaction; }

void Connection::commit() { open_state(state_).commit_root(); }

void Connection::rollback() { open_state(state_).rollback_root(); }

Connection& Connection::execution_options(const ExecutionOptions& options) {
    auto& st = open_state(state_);
    if (options.schema_translate_map) {
        const auto& map = *options.schema_translate_map;
        if (map.empty()) {
            st.schema_translate_map.reset();
            st.schema_translate_key.clear();
        } else {
            // Length-prefixed pairs: names may hold any character.
            std::string key;
            for (const auto& [from, to] : map) {
                for (const auto* s : {&from, &to}) key.append(std::to_string(s->size())).append(":").append(*s);
            }
            st.schema_translate_map = std::make_shared<const sql::SchemaTranslateMap>(map);
            st.schema_translate_key = std::move(key);
        }
    }
    return *this;
}

std::shared_ptr<const sql::SchemaTranslateMap> Connection::schema_translate_map() const {
    return state_ ? state_->schema_translate_map : nullptr;
}

std::string Connection::effective_schema(const std::string& schema) const {
    if (!state_) throw ResourceClosedError("this Connection was moved from");
    return sql::translate_schema(state_->schema_translate_map.get(), schema);
}

void Connection::set_isolation_level(std::string_view level) {
    auto& st = open_state(state_);
    if (st.in_transaction)
        throw InvalidRequestError("Cannot set the isolation level to '" + std::string(level) +
                                  "' while a transaction is in progress; commit() or rollback() first");
    auto& driver = st.driver();
    auto& dialect = *st.engine->dialect;
    if (!st.isolation_to_restore) {
        try {
            st.isolation_to_restore = dialect.get_isolation_level(driver);
        } catch (const Error&) {
            st.isolation_to_restore = st.engine->options.isolation_level;
        }
    }
    dialect.set_isolation_level(driver, level);
}

std::string Connection::get_isolation_level() {
    auto& st = open_state(state_);
    return st.engine->dialect->get_isolation_level(st.driver());
}

void Connection::invalidate() { open_state(state_).invalidate(); }

void Connection::close() {
    if (state_) state_->close();
}

bool Connection::closed() const { return !state_ || state_->closed; }

sdk::DriverConnection& Connection::driver_connection() { return open_state(state_).driver(); }

namespace {
detail::EngineState& engine_of(const std::shared_ptr<detail::ConnectionState>& state) {
    if (!state) throw ResourceClosedError("This Connection has been moved from");
    return *state->engine;
}
}  // namespace

sdk::Dialect& Connection::dialect() const { return *engine_of(state_).dialect; }

const PluginManifest& Connection::plugin() const { return *engine_of(state_).manifest; }

Engine Connection::engine() const {
    engine_of(state_);
    return Engine(state_->engine);
}

}  // namespace athanor
