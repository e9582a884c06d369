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
    std::vector<Value> buffer;                       // reused by every fetch
    std::optional<Row> pending;                      // a row read ahead (RETURNING of a key)

    bool closed = false;     // close(), first(), one(), ... or a statement that returns no rows
    bool exhausted = false;  // every row was read
    std::string closed_reason;  // why fetching now throws ResourceClosedError ("" = closed by the user)

    std::int64_t rowcount = -1;
    std::optional<std::int64_t> lastrowid;
    bool has_inserted_primary_key = false;
    std::vector<Value> inserted_primary_key;
    std::vector<std::vector<Value>> inserted_primary_key_rows;
    std::string primary_key_unavailable;  // why inserted_primary_key() throws

    const std::string& statement_sql() const { return compiled ? compiled->sql : sql; }
    /// Reads the next row into a Row, or nullopt at the end (then the cursor is released).
    std::optional<Row> next_row();
    /// Releases the cursor without marking the result closed.
    void release_cursor();
};

}  // namespace athanor::detail
