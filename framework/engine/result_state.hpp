// result_state.hpp (private) — what a Result reads from: the driver cursor (while streaming),
// the compiled statement's processors and the DML outcome (rowcount, lastrowid, keys).
#pragma once

#include <athanor/engine/result.hpp>
#include <athanor/sdk/driver.hpp>
#include <athanor/sql/compiled.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::detail {

struct ConnectionState;

struct ResultState {
    std::shared_ptr<ConnectionState> connection;  // null for results not tied to a connection
    std::unique_ptr<sdk::Cursor> cursor;          // null once exhausted or closed
    std::shared_ptr<const sql::CompiledStatement> compiled;  // null for exec_driver_sql
    std::string sql;                                          // for error messages (raw SQL only)
    std::vector<Value> params;  // the positional values; kept alive while the cursor may read them

    std::shared_ptr<const ResultMetadata> metadata;  // null when the statement returns no rows
    // Rows already read, handed out before the cursor's (executemany ... RETURNING collects
    // every parameter set's rows here).
    std::vector<Row> buffered;
    std::size_t next_buffered = 0;

    bool closed = false;     // close(), first(), one(), ... or a statement that returns no rows
    bool exhausted = false;  // every row was read
    std::string closed_reason;  // why fetching now throws ResourceClosedError ("" = closed by the user)
    // `closed` was set by the engine for a statement without rows (SQLAlchemy's soft close),
    // not by close() / first() / one(): Result::closed() reports false, as SQLAlchemy's does.
    bool auto_closed = false;

    std::int64_t rowcount = -1;
    // An INSERT/UPDATE/DELETE whose RETURNING rows stream from the cursor: its rowcount is
    // known once every row was read (the driver's count, else the rows read), as SQLAlchemy's
    // rowcount of a RETURNING statement counts the rows it returned.
    bool dml_returning_rows = false;
    std::int64_t rows_read = 0;
    std::optional<std::int64_t> lastrowid;
    bool has_inserted_primary_key = false;
    // The inserted keys, flat: key_width values per parameter set, in order. One growing vector
    // instead of one vector per row; the nested form is built only if someone asks for it.
    std::size_t key_width = 0;
    std::vector<Value> inserted_keys;
    bool keys_not_fetched = false;  // executemany without return_defaults(): generated keys unknown
    std::optional<std::vector<std::vector<Value>>> key_rows;  // inserted_keys split into rows
    std::string primary_key_unavailable;  // why inserted_primary_key() throws
    // Or, when that is empty, what kind of statement this was ("a SELECT"): the message is
    // built from it only when someone asks, not on every execute().
    const char* primary_key_source = nullptr;

    const std::string& statement_sql() const { return compiled ? compiled->sql : sql; }
    /// Reads the next row into `row`, reusing its cells' storage; false at the end (then the
    /// cursor is released).
    bool fetch_into(Row& row);
    /// Reads the next row of `from` (not this result's cursor) into `row`, with this result's
    /// metadata and processors; false at its end.
    bool fetch_into_from(sdk::Cursor& from, Row& row);
    /// The next row as a new Row, or nullopt at the end.
    std::optional<Row> next_row();
    /// Releases the cursor without marking the result closed.
    void release_cursor();
    /// After the last row: hands the cursor to the connection for its next execute() (when it
    /// has none spare and is still open), else releases it.
    void recycle_cursor();
    /// Why inserted_primary_key() is unavailable, as a message.
    std::string primary_key_unavailable_message() const;
    /// inserted_keys as one vector per parameter set (built on first use).
    const std::vector<std::vector<Value>>& primary_key_rows();
};

}  // namespace athanor::detail
