// executemany_plan.hpp (private) — how one executemany() call reaches the database, chosen
// once from the compiled statement, the dialect's capabilities and the engine's options
// before anything is bound or sent.
#pragma once

#include "engine_state.hpp"

#include <athanor/sql/compiled.hpp>
#include <athanor/value.hpp>

#include <cstddef>
#include <vector>

namespace athanor::detail {

enum class ExecutemanyStrategy {
    /// One Cursor::executemany(); nothing is read back (keys given by the caller are recorded).
    executemany,
    /// One Cursor::executemany() whose driver hands back the caller's RETURNING rows of every
    /// set, in parameter order.
    executemany_returning_rows,
    /// One Cursor::executemany() whose driver hands back the key RETURNING row of every set.
    executemany_returning_keys,
    /// Multi-row INSERT ... VALUES pages, one Cursor::execute() each; RETURNING rows, when
    /// sent, are read per page and matched to parameter sets in order.
    insertmanyvalues,
    /// One Cursor::execute() per set: each row's lastrowid or RETURNING rows are seen.
    row_at_a_time,
};

struct ExecutemanyPlan {
    ExecutemanyStrategy strategy = ExecutemanyStrategy::executemany;
    /// An insert() into a table with a primary key: the result records every set's key.
    bool pk_insert = false;
    /// The caller asked for RETURNING: its rows, every set's in order, are the result.
    bool caller_rows = false;
    /// Some set leaves its key to the database and insert().return_defaults() was not asked
    /// for: the generated keys are not fetched (inserted_primary_key_rows() says so).
    bool keys_not_fetched = false;

    // insertmanyvalues only.
    /// Rows per page: the engine's insertmanyvalues_page_size, fewer when the dialect's bind
    /// parameter limit needs it (at least one).
    std::size_t page_rows = 0;
    /// The page SQL keeps the statement's RETURNING clause. The RETURNING the compiler added for
    /// the key is only sent when the keys are wanted (insert().return_defaults()), as
    /// SQLAlchemy does for executemany.
    bool send_returning = false;
    /// The key RETURNING rows are read back per page.
    bool fetch_keys = false;
};

/// The plan for running `compiled` once per set of `param_sets` (two or more).
ExecutemanyPlan plan_executemany(const EngineState& engine, const sql::CompiledStatement& compiled,
                                 const std::vector<Params>& param_sets, const Params* statement_values);

}  // namespace athanor::detail
