// The executemany strategies that send the statement as written: one driver batch (plain, or
// reading RETURNING rows back) or one execute() per parameter set. insertmanyvalues pages are
// in insertmanyvalues.cpp.
#include "executemany.hpp"

#include "execution_result.hpp"
#include "parameter_binding.hpp"

#include <athanor/errors.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace athanor::detail {

namespace {

/// Checks out the driver connection, autobegins, logs the statement with `logged` (every set's
/// values; only read when echo is on), then runs `body` on a new cursor. A driver error names
/// the statement and `result.params` (the failing row's values, when a strategy sets them).
void on_cursor(const ManyExecution& run, const std::vector<std::vector<Value>>& logged,
               const std::function<void(sdk::Cursor&)>& body) {
    auto& st = run.connection;
    auto& engine = *st.engine;
    auto& driver = st.driver();
    st.autobegin();
    if (engine.echo()) engine.log_statement_many(run.compiled.sql, logged, run.origin);
    try {
        auto cursor = driver.cursor();
        body(*cursor);
        cursor->close();
    } catch (DBAPIError& e) {
        st.handle_dbapi_error(e, run.compiled.sql, run.result.params);
        throw;
    }
}

/// Every set's given key, unless the generated keys are known to be missing.
void record_given_keys(const ManyExecution& run, const ExecutemanyPlan& plan) {
    if (plan.pk_insert && !plan.keys_not_fetched)
        append_given_keys(run.compiled, run.param_sets, 0, run.param_sets.size(), run.statement_values,
                          run.result.inserted_keys);
}

}  // namespace

void run_executemany(const ManyExecution& run, const ExecutemanyPlan& plan) {
    switch (plan.strategy) {
        case ExecutemanyStrategy::executemany: return run_plain_executemany(run, plan);
        case ExecutemanyStrategy::executemany_returning_rows: return run_executemany_returning_rows(run, plan);
        case ExecutemanyStrategy::executemany_returning_keys: return run_executemany_returning_keys(run);
        case ExecutemanyStrategy::insertmanyvalues: return run_insertmanyvalues(run, plan);
        case ExecutemanyStrategy::row_at_a_time: return run_row_at_a_time(run, plan);
    }
}

void run_plain_executemany(const ManyExecution& run, const ExecutemanyPlan& plan) {
    // The batch goes to the driver as pointers to the caller's values (BoundBatch); the echo
    // log works on copies.
    std::optional<BoundBatch> batch;
    std::vector<std::vector<Value>> positional;
    if (run.connection.engine->echo())
        positional = bind_all(run.compiled, run.param_sets, run.statement_values);
    else
        batch.emplace(run.compiled, run.param_sets, run.statement_values);
    on_cursor(run, positional, [&](sdk::Cursor& cursor) {
        const auto rows = batch ? batch->view() : sdk::ParameterRows(positional);
        run.connection.before_cursor(run.compiled.sql, rows, true);
        cursor.executemany(run.compiled.sql, rows);
        run.connection.after_cursor(run.compiled.sql, rows, true, cursor.rowcount());
        run.result.rowcount = cursor.rowcount();
        run.result.lastrowid = cursor.lastrowid();
        record_given_keys(run, plan);
    });
}

void run_executemany_returning_rows(const ManyExecution& run, const ExecutemanyPlan& plan) {
    const auto positional = bind_all(run.compiled, run.param_sets, run.statement_values);
    on_cursor(run, positional, [&](sdk::Cursor& cursor) {
        auto& rs = run.result;
        run.connection.before_cursor(run.compiled.sql, positional, true);
        cursor.executemany(run.compiled.sql, positional);
        run.connection.after_cursor(run.compiled.sql, positional, true, cursor.rowcount());
        collect_rows(rs, cursor);
        const auto count = cursor.rowcount();
        rs.rowcount = count >= 0 ? count : static_cast<std::int64_t>(rs.buffered.size());
        record_given_keys(run, plan);
    });
}

void run_executemany_returning_keys(const ManyExecution& run) {
    const auto positional = bind_all(run.compiled, run.param_sets, run.statement_values);
    on_cursor(run, positional, [&](sdk::Cursor& cursor) {
        const std::size_t sets = run.param_sets.size();
        run.connection.before_cursor(run.compiled.sql, positional, true);
        cursor.executemany(run.compiled.sql, positional);
        run.connection.after_cursor(run.compiled.sql, positional, true, cursor.rowcount());
        const std::size_t read = read_key_rows(cursor, run.compiled, run.param_sets, 0, sets, run.statement_values,
                                               run.result.inserted_keys);
        if (read != sets)
            throw InternalError("the driver returned " + std::to_string(read) + " RETURNING rows for " +
                                std::to_string(sets) + " parameter sets");
        const auto count = cursor.rowcount();
        run.result.rowcount = count >= 0 ? count : static_cast<std::int64_t>(read);
    });
}

void run_row_at_a_time(const ManyExecution& run, const ExecutemanyPlan& plan) {
    const auto& compiled = run.compiled;
    // Each row is bound into one reused buffer; every set is bound up front only when the echo
    // log needs the copies or a processor must vet every row first.
    auto positional = run.connection.engine->echo() ? bind_all(compiled, run.param_sets, run.statement_values)
                                                    : prebind_processed(compiled, run.param_sets, run.statement_values);
    on_cursor(run, positional, [&](sdk::Cursor& cursor) {
        auto& rs = run.result;
        std::int64_t total = 0;
        std::vector<Value> row_values;
        std::vector<std::size_t> slots;
        for (std::size_t i = 0; i < run.param_sets.size(); ++i) {
            if (positional.empty())
                bind_into(compiled, run.param_sets[i], run.statement_values, row_values, slots);
            else
                row_values = std::move(positional[i]);
            const sdk::ParameterRows sent(std::span<const std::vector<Value>>(&row_values, 1));
            run.connection.before_cursor(compiled.sql, sent, true);
            try {
                cursor.execute(compiled.sql, row_values);
            } catch (DBAPIError&) {
                rs.params = row_values;  // the failing row, for the error message
                throw;
            }
            run.connection.after_cursor(compiled.sql, sent, true, cursor.rowcount());
            std::optional<Row> returning;
            std::int64_t returned = 0;
            if (plan.caller_rows) {
                // Runs the statement to completion: rowcount is known.
                returned = static_cast<std::int64_t>(collect_rows(rs, cursor));
            } else if (compiled.returns_primary_key && !cursor.description().empty()) {
                std::vector<Value> row;
                if (cursor.fetch(row)) {
                    process_row(compiled, row);
                    returning.emplace(metadata_for(cursor.description()), std::move(row));
                    returned = 1;
                }
            }
            const auto count = cursor.rowcount();
            total += count > 0 ? count : returned;
            rs.lastrowid = cursor.lastrowid();
            if (plan.pk_insert)
                append_primary_key(compiled, run.param_sets[i], run.statement_values, rs.lastrowid,
                                   returning ? &*returning : nullptr, rs.inserted_keys);
        }
        rs.rowcount = total;
    });
}

}  // namespace athanor::detail
