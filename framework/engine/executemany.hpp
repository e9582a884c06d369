// executemany.hpp (private) — the strategies that run one executemany() call, each its own
// code path, and the dispatch from an ExecutemanyPlan to them. Every strategy checks out the
// driver connection and autobegins only after the sets it sends up front are bound (a bad
// set then fails the call with nothing begun or sent), fills the call's ResultState with the
// rowcount, the inserted keys and any RETURNING rows, and hands a driver error to
// ConnectionState::handle_dbapi_error() with the statement it was running.
#pragma once

#include "connection_state.hpp"
#include "executemany_plan.hpp"
#include "result_state.hpp"

#include <athanor/sql/compiled.hpp>
#include <athanor/value.hpp>

#include <string_view>
#include <vector>

namespace athanor::detail {

/// One executemany() call: what every strategy reads, and the result it fills.
struct ManyExecution {
    ConnectionState& connection;
    const sql::CompiledStatement& compiled;
    const std::vector<Params>& param_sets;
    const Params* statement_values;  // the statement's own values(), or nullptr
    std::string_view origin;         // where the compiled form came from, for the echo log
    ResultState& result;
};

/// Runs `run` by `plan.strategy`.
void run_executemany(const ManyExecution& run, const ExecutemanyPlan& plan);

/// ExecutemanyStrategy::executemany: the sets as one batch, viewed in place (copied only for
/// the echo log).
void run_plain_executemany(const ManyExecution& run, const ExecutemanyPlan& plan);
/// ExecutemanyStrategy::executemany_returning_rows.
void run_executemany_returning_rows(const ManyExecution& run, const ExecutemanyPlan& plan);
/// ExecutemanyStrategy::executemany_returning_keys; InternalError when the driver returns
/// fewer key rows than sets.
void run_executemany_returning_keys(const ManyExecution& run);
/// ExecutemanyStrategy::row_at_a_time; a driver error names the failing row's values.
void run_row_at_a_time(const ManyExecution& run, const ExecutemanyPlan& plan);
/// ExecutemanyStrategy::insertmanyvalues (insertmanyvalues.cpp); a driver error names the
/// page as sent, InternalError when a page returns fewer RETURNING rows than it has rows.
void run_insertmanyvalues(const ManyExecution& run, const ExecutemanyPlan& plan);

}  // namespace athanor::detail
