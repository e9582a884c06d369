// Connection: SQLAlchemy 2.0 semantics — autobegin, commit-as-you-go, explicit begin(),
// SAVEPOINTs — over one pooled driver connection. Statements are compiled through the
// engine's cache, bound by name and run on a driver cursor.
#include "connection_state.hpp"
#include "result_state.hpp"

#include <athanor/errors.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>

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
    try {
        auto cursor = d.cursor();
        cursor->execute(sql, {});
        cursor->close();
    } catch (DBAPIError& e) {
        handle_dbapi_error(e, sql, {});
        throw;
    }
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
    if (disconnect) {
        error.set_connection_invalidated(true);
        invalidate(true);
    }
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

/// Column names for a cursor's description. The same statement run again (the common case)
/// describes the same columns, so the last metadata built on this thread is reused instead of
/// allocating the names again for every execution.
std::shared_ptr<const ResultMetadata> metadata_for(const std::vector<sdk::ColumnDescription>& description) {
    thread_local std::shared_ptr<const ResultMetadata> last;
    if (last) {
        const auto& keys = last->keys();
        bool same = keys.size() == description.size();
        for (std::size_t i = 0; same && i < keys.size(); ++i) same = keys[i] == description[i].name;
        if (same) return last;
    }
    std::vector<std::string> keys;
    keys.reserve(description.size());
    for (const auto& column : description) keys.push_back(column.name);
    last = std::make_shared<const ResultMetadata>(std::move(keys));
    return last;
}

/// Key equality without a call to memcmp for the short keys parameter sets use: two 8-byte
/// loads cover keys of 8 to 16 bytes.
inline bool same_key(const std::string& a, const std::string& b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    if (n < 8 || n > 16) return a == b;
    std::uint64_t x, y, u, v;
    std::memcpy(&x, a.data(), 8);
    std::memcpy(&y, b.data(), 8);
    std::memcpy(&u, a.data() + n - 8, 8);
    std::memcpy(&v, b.data() + n - 8, 8);
    return x == y && u == v;
}

const Value* lookup_bind_slow(const sql::BindParameter& b, const Params& params, const Params* statement_values,
                              std::size_t& slot);

/// The value `b` takes from one parameter set: the set's own entry, else the statement's
/// values(), else the bind's literal value; nullptr when missing. `slot` remembers where b's key
/// sat in the previous set: the sets of one executemany() nearly always share their key order,
/// so a row costs one key compare per bind instead of a scan; a set in another order falls back
/// to the scan and re-learns the slot.
inline const Value* lookup_bind(const sql::BindParameter& b, const Params& params, const Params* statement_values,
                                std::size_t& slot) {
    const auto& items = params.items();
    if (slot < items.size() && same_key(items[slot].first, b.key)) return &items[slot].second;
    return lookup_bind_slow(b, params, statement_values, slot);
}

const Value* lookup_bind_slow(const sql::BindParameter& b, const Params& params, const Params* statement_values,
                              std::size_t& slot) {
    const auto& items = params.items();
    for (std::size_t k = 0; k < items.size(); ++k)
        if (items[k].first == b.key) {
            slot = k;
            return &items[k].second;
        }
    if (statement_values)
        if (const Value* v = statement_values->find(b.key)) return v;
    if (b.value) return &*b.value;
    return nullptr;
}

/// compiled.bind() into a reused vector: cells of the same kind keep their storage (a string
/// assigned over a string reuses its buffer), so executing row after row allocates nothing.
/// Falls back to bind() — and its error message — when a value is missing.
void bind_into(const sql::CompiledStatement& compiled, const Params& params, const Params* statement_values,
               std::vector<Value>& out, std::vector<std::size_t>& slots) {
    const auto& binds = compiled.binds;
    out.resize(binds.size());
    slots.resize(binds.size(), static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < binds.size(); ++i) {
        const auto& b = binds[i];
        const Value* v = lookup_bind(b, params, statement_values, slots[i]);
        if (!v) {
            out = compiled.bind(params, statement_values);  // throws ArgumentError naming the key
            return;
        }
        if (b.processor)
            out[i] = b.processor(*v);
        else
            out[i] = *v;
    }
}

/// A long list of parameter sets was built long before it is sent, so its entries sit in
/// memory, not in cache: asking for the entries of a set a few rows ahead overlaps those reads
/// instead of waiting for each in turn.
constexpr std::size_t prefetch_distance = 8;

void prefetch_entries(const Params& params) {
    const auto* bytes = reinterpret_cast<const char*>(params.items().data());
    const std::size_t size = params.size() * sizeof(Params::Item);
    for (std::size_t offset = 0; offset < size; offset += 64) __builtin_prefetch(bytes + offset);
}

/// Every parameter set of a batch as a table of pointers to the values themselves (the
/// caller's Params, the statement's values(), the binds' literals), so the batch reaches the
/// driver without a copy of each value. Only what a processor produces is stored here. All
/// sets are bound before any is sent: a missing value or one a processor rejects fails the
/// call with nothing executed, as in SQLAlchemy.
struct BoundBatch {
    std::vector<const Value*> cells;
    std::vector<Value> processed;  // reserved up front: cells point into it
    std::size_t rows = 0;
    std::size_t width = 0;

    BoundBatch(const sql::CompiledStatement& compiled, const std::vector<Params>& param_sets,
               const Params* statement_values)
        : rows(param_sets.size()), width(compiled.binds.size()) {
        const auto& binds = compiled.binds;
        const auto with_processor = static_cast<std::size_t>(std::count_if(
            binds.begin(), binds.end(), [](const sql::BindParameter& b) { return static_cast<bool>(b.processor); }));
        processed.reserve(with_processor * rows);
        cells.resize(rows * width);
        std::vector<std::size_t> slots(width, static_cast<std::size_t>(-1));
        for (std::size_t r = 0; r < rows; ++r) {
            if (r + prefetch_distance < rows) prefetch_entries(param_sets[r + prefetch_distance]);
            const Params& params = param_sets[r];
            const Value** row = cells.data() + r * width;
            for (std::size_t i = 0; i < width; ++i) {
                const auto& b = binds[i];
                const Value* v = lookup_bind(b, params, statement_values, slots[i]);
                if (!v) {
                    compiled.bind(params, statement_values);  // throws ArgumentError naming the key
                    throw InternalError("bind parameter '" + b.key + "' has no value");
                }
                if (b.processor) {
                    processed.push_back(b.processor(*v));
                    v = &processed.back();
                }
                row[i] = v;
            }
        }
    }

    sdk::ParameterRows view() const { return sdk::ParameterRows(cells.data(), rows, width); }
};

/// Every row bound up front when any bind has a processor: a value a processor rejects (an
/// Enum outside its values, bad JSON) then fails the whole call before any row is written, and
/// each processor (a column's default function among them) still runs exactly once per row.
/// Empty when no bind has a processor; callers then bind row by row.
std::vector<std::vector<Value>> prebind_processed(const sql::CompiledStatement& compiled,
                                                  const std::vector<Params>& param_sets,
                                                  const Params* statement_values) {
    std::vector<std::vector<Value>> rows;
    if (std::none_of(compiled.binds.begin(), compiled.binds.end(),
                     [](const sql::BindParameter& b) { return static_cast<bool>(b.processor); }))
        return rows;
    rows.reserve(param_sets.size());
    for (const auto& params : param_sets) rows.push_back(compiled.bind(params, statement_values));
    return rows;
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
        rs->exhausted = true;
        rs->closed = true;
        rs->closed_reason = "This result object does not return rows. It has been closed automatically.";
        return;
    }
    rs->metadata = metadata_for(description);
    if (rs->compiled) {
        const auto kind = rs->compiled->kind;
        rs->dml_returning_rows = kind == sql::StatementKind::insert || kind == sql::StatementKind::update ||
                                 kind == sql::StatementKind::delete_;
    }
    rs->connection = st.shared_from_this();
    register_result(st, rs);
}

/// The value a parameter set gives primary-key column `column`, or nullptr.
const Value* supplied_value(const sql::CompiledStatement& compiled, std::string_view column, const Params& params,
                            const Params* statement_values) {
    if (const Value* v = params.find(column)) return v;
    if (statement_values)
        if (const Value* v = statement_values->find(column)) return v;
    for (const auto& bind : compiled.binds)
        if (bind.key == column && bind.value) return &*bind.value;
    return nullptr;
}

bool is_pk_insert(const sql::CompiledStatement& compiled) {
    return compiled.kind == sql::StatementKind::insert && !compiled.primary_key_columns.empty();
}

/// Appends the new row's key to `out`: given values, the autoincrement column from lastrowid
/// or the RETURNING row.
void append_primary_key(const sql::CompiledStatement& compiled, const Params& params, const Params* statement_values,
                        std::optional<std::int64_t> lastrowid, const Row* returning, std::vector<Value>& out) {
    for (std::size_t i = 0; i < compiled.primary_key_columns.size(); ++i) {
        const auto& column = compiled.primary_key_columns[i];
        if (returning) {
            // RETURNING lists the key columns; find each by name, else by position.
            const Row& row = *returning;
            std::size_t index = i;
            for (std::size_t k = 0; k < row.keys().size(); ++k)
                if (row.keys()[k] == column) {
                    index = k;
                    break;
                }
            out.push_back(index < row.size() ? row[index] : Value());
            continue;
        }
        const Value* given = supplied_value(compiled, column, params, statement_values);
        if (given && !given->is_null()) {
            out.push_back(*given);
        } else if (compiled.autoincrement_column == i && lastrowid) {
            out.push_back(*lastrowid);
        } else {
            out.push_back(Value());
        }
    }
}

/// Applies the compiled result processors to one fetched row.
void process_row(const sql::CompiledStatement& compiled, std::vector<Value>& row) {
    const auto& processors = compiled.result_processors;
    for (std::size_t c = 0; c < row.size() && c < processors.size(); ++c)
        if (processors[c]) row[c] = processors[c](std::move(row[c]));
}

/// Marks a result as one that returns no rows (DML without RETURNING for the caller).
void present_no_rows(detail::ResultState& rs) {
    rs.metadata.reset();
    rs.exhausted = true;
    rs.closed = true;
    rs.closed_reason = "This result object does not return rows. It has been closed automatically.";
}

const char* kind_name(sql::StatementKind kind) {
    switch (kind) {
        case sql::StatementKind::select: return "a SELECT";
        case sql::StatementKind::insert: return "an INSERT without primary-key information";
        case sql::StatementKind::update: return "an UPDATE";
        case sql::StatementKind::delete_: return "a DELETE";
        case sql::StatementKind::ddl: return "a DDL statement";
        case sql::StatementKind::text: return "a text() statement";
        case sql::StatementKind::other: break;
    }
    return "a statement that is not an insert() construct";
}

std::string no_primary_key_reason(const sql::CompiledStatement* compiled, bool many) {
    if (many)
        return "inserted_primary_key is only available for a single-row insert() construct; this result came "
               "from executemany, use inserted_primary_key_rows()";
    std::string what = compiled ? kind_name(compiled->kind) : "exec_driver_sql()";
    return "inserted_primary_key is only available for a single-row insert() construct; this result came from " +
           what;
}

// ---- insertmanyvalues ---------------------------------------------------------------------

/// Appends the placeholder for 1-based `position` in a positional paramstyle.
void append_placeholder(std::string& sql, sdk::Paramstyle style, std::size_t position) {
    switch (style) {
        case sdk::Paramstyle::qmark: sql += '?'; return;
        case sdk::Paramstyle::format: sql += "%s"; return;
        case sdk::Paramstyle::numeric: sql += ':'; break;
        case sdk::Paramstyle::dollar: sql += '$'; break;
        case sdk::Paramstyle::named: break;  // never reached: the compiler records no tuple for it
    }
    sql += std::to_string(position);
}

/// prefix + `rows` tuples with placeholders numbered through + suffix (the RETURNING clause,
/// left off when nothing is to be read back).
std::string multivalues_sql(const sql::InsertManyValues& imv, sdk::Paramstyle style, std::size_t rows,
                            bool with_suffix) {
    const std::size_t per_row = imv.tuple_segments.size() - 1;
    std::string sql = imv.prefix;
    sql.reserve(imv.prefix.size() + imv.suffix.size() + rows * (per_row * 8 + 4));
    std::size_t position = 1;
    for (std::size_t r = 0; r < rows; ++r) {
        if (r) sql += ", ";
        for (std::size_t i = 0; i <= per_row; ++i) {
            sql += imv.tuple_segments[i];
            if (i < per_row) append_placeholder(sql, style, position++);
        }
    }
    if (with_suffix) sql += imv.suffix;
    return sql;
}

/// True when executemany of `compiled` goes out as multi-row VALUES pages: the dialect opts in,
/// the insert has a tuple to repeat, and every value the engine needs back comes from
/// RETURNING in VALUES order (a lastrowid per row cannot be had from one statement).
bool use_insertmanyvalues(const detail::EngineState& engine, const sql::CompiledStatement& compiled,
                          bool needs_lastrowid) {
    if (!compiled.insertmanyvalues || engine.options.insertmanyvalues_page_size == 0) return false;
    const auto& dialect = *engine.dialect;
    if (!dialect.supports_multivalues_insert()) return false;
    if (compiled.explicit_returning || compiled.returns_primary_key) return dialect.multivalues_returning_in_order();
    return !needs_lastrowid;
}

/// Runs the pages. Each page binds its rows into one flat vector and runs with
/// Cursor::execute(); RETURNING rows are read per page and matched to parameter sets in order.
/// The SQL of a full page is built once per call, so is the shorter last page.
void run_insertmanyvalues(detail::ConnectionState& st, const sql::CompiledStatement& compiled,
                          const std::vector<Params>& param_sets, const Params* own, std::string_view origin,
                          detail::ResultState& rs) {
    auto& engine = *st.engine;
    const auto& imv = *compiled.insertmanyvalues;
    const auto style = engine.dialect->paramstyle();
    const std::size_t per_row = compiled.binds.size();
    std::size_t page_rows = engine.options.insertmanyvalues_page_size;
    if (const auto limit = engine.dialect->max_bind_params(); limit && per_row)
        page_rows = std::max<std::size_t>(1, std::min(page_rows, limit / per_row));
    const std::size_t total = param_sets.size();
    const std::size_t pages = (total + page_rows - 1) / page_rows;
    const bool caller_rows = compiled.explicit_returning;
    const bool pk_insert = is_pk_insert(compiled);
    // The RETURNING the compiler added for the key is only sent when the keys are wanted
    // (insert().return_defaults()), as SQLAlchemy does for executemany.
    const bool drop_returning = compiled.returns_primary_key && !caller_rows && !compiled.return_defaults;
    const bool fetch_keys = compiled.returns_primary_key && !caller_rows && !drop_returning;

    auto prebound = prebind_processed(compiled, param_sets, own);

    auto& driver = st.driver();
    st.autobegin();
    std::string full_sql, last_sql;
    std::vector<Value> values, row_values, fetched;
    std::vector<std::size_t> slots;
    std::shared_ptr<const ResultMetadata> key_meta;
    Row row;
    std::int64_t rowcount = 0;
    std::size_t logged_rows = 0;
    std::size_t page = 0;
    std::string* sql = nullptr;
    try {
        auto cursor = driver.cursor();
        for (std::size_t first = 0; first < total; first += page_rows, ++page) {
            const std::size_t rows = std::min(page_rows, total - first);
            sql = rows == page_rows ? &full_sql : &last_sql;
            if (sql->empty()) *sql = multivalues_sql(imv, style, rows, !drop_returning);
            values.resize(rows * per_row);
            for (std::size_t r = 0; r < rows; ++r) {
                if (prebound.empty())
                    bind_into(compiled, param_sets[first + r], own, row_values, slots);
                else
                    row_values = std::move(prebound[first + r]);
                // Swapping hands the page cell's old buffers back to row_values for the next bind.
                for (std::size_t i = 0; i < per_row; ++i) std::swap(values[r * per_row + i], row_values[i]);
            }
            if (engine.echo()) {
                if (rows != logged_rows) engine.log(*sql);  // the SQL once per page shape
                logged_rows = rows;
                std::string line = "[" + std::string(origin) + "; insertmanyvalues " + std::to_string(page + 1) + "/" +
                                   std::to_string(pages) + ", " + std::to_string(rows) + " rows] ";
                line += engine.options.hide_parameters ? std::string("[parameters hidden]")
                                                       : detail::render_params(values);
                engine.log(line);
            }
            cursor->execute(*sql, values);

            std::size_t returned = 0;
            if (caller_rows) {
                if (!rs.metadata && !cursor->description().empty()) rs.metadata = metadata_for(cursor->description());
                while (rs.fetch_into_from(*cursor, row)) {
                    rs.buffered.push_back(row);
                    ++returned;
                }
            } else if (fetch_keys) {
                if (!key_meta) key_meta = metadata_for(cursor->description());
                while (returned < rows && cursor->fetch(fetched)) {
                    process_row(compiled, fetched);
                    const Row returning(key_meta, std::move(fetched));
                    append_primary_key(compiled, param_sets[first + returned], own, {}, &returning, rs.inserted_keys);
                    ++returned;
                }
            }
            if ((caller_rows || fetch_keys) && returned != rows)
                throw InternalError("insertmanyvalues: the database returned " + std::to_string(returned) +
                                    " RETURNING rows for a page of " + std::to_string(rows) +
                                    " rows; set EngineOptions::insertmanyvalues_page_size = 0 to insert row by row");
            if (pk_insert && !fetch_keys)
                for (std::size_t r = 0; r < rows; ++r)
                    append_primary_key(compiled, param_sets[first + r], own, {}, nullptr, rs.inserted_keys);
            const auto count = cursor->rowcount();
            rowcount += count >= 0 ? count : static_cast<std::int64_t>(rows);
        }
        cursor->close();
    } catch (DBAPIError& e) {
        // The page as sent: its SQL and values (masked in the message unless hide_parameters is off).
        st.handle_dbapi_error(e, sql ? *sql : compiled.sql, values);
        throw;
    }
    rs.rowcount = rowcount;
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
    Params statement_values;
    bool from_cache = false;
    auto compiled = engine.compile(statement, params, statement_values, from_cache);
    // The statement's own values, read from its tree by the cache walk: what a cached or an
    // expanded form binds (a fresh plain form carries the same values itself).
    const Params* own = statement_values.empty() ? nullptr : &statement_values;

    auto rs = std::make_shared<detail::ResultState>();
    rs->compiled = compiled;
    rs->params = compiled->bind(params, own);
    auto& driver = st.driver();
    st.autobegin();
    if (engine.echo()) engine.log_statement(compiled->sql, rs->params, from_cache ? "cached" : "generated");
    try {
        rs->cursor = st.spare_cursor ? std::move(st.spare_cursor) : driver.cursor();
        rs->cursor->execute(compiled->sql, rs->params);
    } catch (DBAPIError& e) {
        rs->cursor.reset();
        st.handle_dbapi_error(e, compiled->sql, rs->params);
        throw;
    }
    finish_execution(st, rs);

    if (is_pk_insert(*compiled)) {
        std::optional<Row> returning;
        if (compiled->returns_primary_key && rs->metadata) {
            // RETURNING added for the key is the engine's, not the caller's: read the key row,
            // then present a result without rows, as SQLAlchemy does.
            returning = rs->next_row();
            rs->release_cursor();
            present_no_rows(*rs);
            if (rs->rowcount < 0) rs->rowcount = returning ? 1 : 0;
        }
        rs->key_width = compiled->primary_key_columns.size();
        rs->inserted_keys.reserve(rs->key_width);
        append_primary_key(*compiled, params, own, rs->lastrowid, returning ? &*returning : nullptr,
                           rs->inserted_keys);
        rs->has_inserted_primary_key = true;
    } else {
        rs->primary_key_source = kind_name(compiled->kind);  // the message is built only if asked
    }
    return Result(rs);
}

Result Connection::execute(const sql::Executable& statement, const std::vector<Params>& param_sets) {
    if (param_sets.size() <= 1) return execute(statement, param_sets.empty() ? Params{} : param_sets.front());

    auto& st = open_state(state_);
    auto& engine = *st.engine;
    Params statement_values;
    bool from_cache = false;
    auto compiled = engine.compile(statement, param_sets.front(), statement_values, from_cache);
    // The statement's own values, read from its tree by the cache walk: what a cached or an
    // expanded form binds (a fresh plain form carries the same values itself).
    const Params* own = statement_values.empty() ? nullptr : &statement_values;

    // With a generated key per row, run row by row so each row's lastrowid (or RETURNING row)
    // is seen; the dialect-level batch strategies come with the insert compiler. A RETURNING
    // the caller asked for needs every row back: one batch where the driver returns RETURNING
    // rows from executemany, else row by row.
    const bool pk_insert = is_pk_insert(*compiled);
    const bool caller_rows = compiled->explicit_returning;
    const bool batch_rows = caller_rows && engine.dialect->supports_executemany_returning();
    bool per_row = caller_rows && !batch_rows;
    // Generated keys of every row (lastrowid row by row, or RETURNING) only when asked for with
    // insert().return_defaults(); otherwise the rows go out as one batch, as in SQLAlchemy.
    bool keys_not_fetched = false;
    if (!caller_rows && pk_insert && compiled->autoincrement_column && !compiled->return_defaults) {
        const auto& column = compiled->primary_key_columns[*compiled->autoincrement_column];
        for (std::size_t i = 0; !keys_not_fetched && i < param_sets.size(); ++i) {
            const Value* v = supplied_value(*compiled, column, param_sets[i], own);
            keys_not_fetched = !v || v->is_null();
        }
    }
    if (!caller_rows && pk_insert && compiled->autoincrement_column && compiled->return_defaults) {
        const auto& column = compiled->primary_key_columns[*compiled->autoincrement_column];
        per_row = compiled->returns_primary_key;
        for (std::size_t i = 0; !per_row && i < param_sets.size(); ++i) {
            const Value* v = supplied_value(*compiled, column, param_sets[i], own);
            if (!v || v->is_null()) per_row = true;
        }
    }
    if (use_insertmanyvalues(engine, *compiled, per_row && !caller_rows && !compiled->returns_primary_key)) {
        auto rs = std::make_shared<detail::ResultState>();
        rs->compiled = compiled;
        if (pk_insert) {
            rs->key_width = compiled->primary_key_columns.size();
            rs->inserted_keys.reserve(rs->key_width * param_sets.size());
        }
        run_insertmanyvalues(st, *compiled, param_sets, own, from_cache ? "cached" : "generated", *rs);
        rs->primary_key_unavailable = no_primary_key_reason(compiled.get(), true);
        rs->keys_not_fetched = keys_not_fetched;
        if (caller_rows && rs->metadata) {
            if (rs->buffered.empty()) rs->exhausted = true;
            return Result(rs);
        }
        present_no_rows(*rs);
        return Result(rs);
    }
    // The row-by-row path binds each row into one reused buffer; the whole list of positional
    // rows is only built when a batch call or the echo log needs it.
    const bool batch_returning =
        per_row && compiled->returns_primary_key && engine.dialect->supports_executemany_returning();
    std::vector<std::vector<Value>> positional;
    // A plain batch goes to the driver as pointers to the caller's values (BoundBatch); the
    // echo log and the row-by-row paths work on copies.
    std::optional<BoundBatch> batch;
    if (!per_row && !batch_rows && !engine.echo()) {
        batch.emplace(*compiled, param_sets, own);
    } else if (!per_row || batch_returning || engine.echo()) {
        positional.reserve(param_sets.size());
        for (const auto& params : param_sets) positional.push_back(compiled->bind(params, own));
    } else {
        positional = prebind_processed(*compiled, param_sets, own);
    }

    auto& driver = st.driver();
    st.autobegin();
    if (engine.echo()) engine.log_statement_many(compiled->sql, positional, from_cache ? "cached" : "generated");
    auto rs = std::make_shared<detail::ResultState>();
    rs->compiled = compiled;
    if (pk_insert) {
        rs->key_width = compiled->primary_key_columns.size();
        rs->inserted_keys.reserve(rs->key_width * param_sets.size());
    }
    // Reads every row the cursor has into the buffered rows handed out by the Result.
    const auto collect_rows = [&](sdk::Cursor& cursor) {
        if (!rs->metadata && !cursor.description().empty()) rs->metadata = metadata_for(cursor.description());
        Row row;
        while (rs->fetch_into_from(cursor, row)) rs->buffered.push_back(row);
    };
    try {
        auto cursor = driver.cursor();
        // A driver that hands back RETURNING rows from executemany (libpq pipeline) needs one
        // batch, not one round trip per row.
        if (batch_returning) {
            cursor->executemany(compiled->sql, positional);
            std::shared_ptr<const ResultMetadata> meta;
            std::vector<Value> row;
            std::size_t i = 0;
            while (i < param_sets.size() && cursor->fetch(row)) {
                if (!meta) meta = metadata_for(cursor->description());
                process_row(*compiled, row);
                const Row returning(meta, row);
                append_primary_key(*compiled, param_sets[i], own, {}, &returning, rs->inserted_keys);
                ++i;
            }
            if (i != param_sets.size())
                throw InternalError("the driver returned " + std::to_string(i) + " RETURNING rows for " +
                                    std::to_string(param_sets.size()) + " parameter sets");
            const auto count = cursor->rowcount();
            rs->rowcount = count >= 0 ? count : static_cast<std::int64_t>(i);
        } else if (batch_rows) {
            cursor->executemany(compiled->sql, positional);
            collect_rows(*cursor);
            const auto count = cursor->rowcount();
            rs->rowcount = count >= 0 ? count : static_cast<std::int64_t>(rs->buffered.size());
            if (pk_insert)
                for (const auto& params : param_sets)
                    append_primary_key(*compiled, params, own, {}, nullptr, rs->inserted_keys);
        } else if (per_row) {
            std::int64_t total = 0;
            std::vector<Value> row_values;
            std::vector<std::size_t> slots;
            for (std::size_t i = 0; i < param_sets.size(); ++i) {
                if (positional.empty())
                    bind_into(*compiled, param_sets[i], own, row_values, slots);
                else
                    row_values = std::move(positional[i]);
                try {
                    cursor->execute(compiled->sql, row_values);
                } catch (DBAPIError&) {
                    rs->params = row_values;  // the failing row, for the error message
                    throw;
                }
                std::optional<Row> returning;
                std::int64_t returned = 0;
                if (caller_rows) {
                    const auto before = rs->buffered.size();
                    collect_rows(*cursor);  // runs the statement to completion: rowcount is known
                    returned = static_cast<std::int64_t>(rs->buffered.size() - before);
                } else if (compiled->returns_primary_key && !cursor->description().empty()) {
                    std::vector<Value> row;
                    if (cursor->fetch(row)) {
                        process_row(*compiled, row);
                        returning.emplace(metadata_for(cursor->description()), std::move(row));
                        returned = 1;
                    }
                }
                const auto count = cursor->rowcount();
                total += count > 0 ? count : returned;
                rs->lastrowid = cursor->lastrowid();
                if (pk_insert)
                    append_primary_key(*compiled, param_sets[i], own, rs->lastrowid,
                                       returning ? &*returning : nullptr, rs->inserted_keys);
            }
            rs->rowcount = total;
        } else if (batch) {
            cursor->executemany(compiled->sql, batch->view());
            rs->rowcount = cursor->rowcount();
            rs->lastrowid = cursor->lastrowid();
            if (pk_insert && !keys_not_fetched)
                for (const auto& params : param_sets)
                    append_primary_key(*compiled, params, own, {}, nullptr, rs->inserted_keys);
        } else {
            cursor->executemany(compiled->sql, positional);
            rs->rowcount = cursor->rowcount();
            rs->lastrowid = cursor->lastrowid();
            if (pk_insert && !keys_not_fetched)
                for (const auto& params : param_sets)
                    append_primary_key(*compiled, params, own, {}, nullptr, rs->inserted_keys);
        }
        cursor->close();
    } catch (DBAPIError& e) {
        st.handle_dbapi_error(e, compiled->sql, rs->params);
        throw;
    }
    rs->primary_key_unavailable = no_primary_key_reason(compiled.get(), true);
    rs->keys_not_fetched = keys_not_fetched;
    rs->params.clear();
    if (caller_rows && rs->metadata) {
        // Every parameter set's RETURNING rows, in order, read from the buffer.
        if (rs->buffered.empty()) rs->exhausted = true;
        return Result(rs);
    }
    present_no_rows(*rs);
    return Result(rs);
}

Result Connection::exec_driver_sql(std::string_view sql, const std::vector<Value>& params) {
    auto& st = open_state(state_);
    auto rs = std::make_shared<detail::ResultState>();
    rs->sql = std::string(sql);
    rs->params = params;
    auto& driver = st.driver();
    st.autobegin();
    if (st.engine->echo()) st.engine->log_statement(rs->sql, rs->params, "raw sql");
    try {
        rs->cursor = st.spare_cursor ? std::move(st.spare_cursor) : driver.cursor();
        rs->cursor->execute(rs->sql, rs->params);
    } catch (DBAPIError& e) {
        rs->cursor.reset();
        st.handle_dbapi_error(e, rs->sql, rs->params);
        throw;
    }
    finish_execution(st, rs);
    rs->primary_key_unavailable = no_primary_key_reason(nullptr, false);
    return Result(rs);
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
