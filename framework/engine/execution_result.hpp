// execution_result.hpp (private) — what an execution writes into its ResultState: column
// metadata, processed rows, the inserted primary keys and why inserted_primary_key() is not
// available. Shared by the single-row execute() and every executemany strategy, so a key or
// a row reads the same whichever path produced it.
#pragma once

#include "result_state.hpp"

#include <athanor/engine/result.hpp>
#include <athanor/value.hpp>
#include <athanor/sdk/driver.hpp>
#include <athanor/sql/compiled.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::detail {

/// Column names for a cursor's description. The same statement run again (the common case)
/// describes the same columns, so the last metadata built on this thread is reused instead of
/// allocating the names again for every execution.
std::shared_ptr<const ResultMetadata> metadata_for(const std::vector<sdk::ColumnDescription>& description);
/// The same, naming columns the driver left unnamed after the compiled statement's RETURNING
/// columns.
std::shared_ptr<const ResultMetadata> metadata_for(const std::vector<sdk::ColumnDescription>& description,
                                                   const sql::CompiledStatement* compiled);

/// The value a parameter set gives primary-key column `column` (its own entry, else the
/// statement's values(), else a bind's literal), or nullptr.
const Value* supplied_value(const sql::CompiledStatement& compiled, std::string_view column, const Params& params,
                            const Params* statement_values);

/// An insert() into a table with a primary key: its results carry the inserted keys.
bool is_pk_insert(const sql::CompiledStatement& compiled);

/// Appends the new row's key to `out`: given values, the autoincrement column from lastrowid
/// or the RETURNING row.
void append_primary_key(const sql::CompiledStatement& compiled, const Params& params, const Params* statement_values,
                        std::optional<std::int64_t> lastrowid, const Row* returning, std::vector<Value>& out);

/// append_primary_key() from the given values alone, for the `count` sets from `first` on (a
/// key the database generates is NULL).
void append_given_keys(const sql::CompiledStatement& compiled, const std::vector<Params>& param_sets,
                       std::size_t first, std::size_t count, const Params* statement_values,
                       std::vector<Value>& out);

/// Applies the compiled result processors to one fetched row.
void process_row(const sql::CompiledStatement& compiled, std::vector<Value>& row);

/// Reads every row `cursor` has into `rs.buffered` (taking the cursor's columns as the
/// result's metadata if it has none yet); returns how many rows were read.
std::size_t collect_rows(ResultState& rs, sdk::Cursor& cursor);

/// Reads up to `count` key RETURNING rows from `cursor`, in order, and appends each one's key
/// for the parameter sets from `first` on; returns how many rows were read.
std::size_t read_key_rows(sdk::Cursor& cursor, const sql::CompiledStatement& compiled,
                          const std::vector<Params>& param_sets, std::size_t first, std::size_t count,
                          const Params* statement_values, std::vector<Value>& out);

/// Marks a result as one that returns no rows (DML without RETURNING for the caller).
void present_no_rows(ResultState& rs);

/// "a SELECT", "an UPDATE", ...: what kind of statement a result without inserted keys came from.
const char* kind_name(sql::StatementKind kind);

/// Why inserted_primary_key() is unavailable; `many`: the result came from executemany.
std::string no_primary_key_reason(const sql::CompiledStatement* compiled, bool many);

}  // namespace athanor::detail
