// The choice of executemany strategy, made once per call.
#include "executemany_plan.hpp"

#include "execution_result.hpp"

#include <algorithm>

namespace athanor::detail {

namespace {

/// True when some set leaves the autoincrement key to the database (absent or NULL).
bool generates_key(const sql::CompiledStatement& compiled, const std::vector<Params>& param_sets,
                   const Params* statement_values) {
    const auto& column = compiled.primary_key_columns[*compiled.autoincrement_column];
    return std::any_of(param_sets.begin(), param_sets.end(), [&](const Params& params) {
        const Value* v = supplied_value(compiled, column, params, statement_values);
        return !v || v->is_null();
    });
}

/// True when executemany of `compiled` goes out as multi-row VALUES pages: the plugin claims it,
/// the insert has a tuple to repeat, and every value the engine needs back comes from
/// RETURNING in VALUES order (a lastrowid per row cannot be had from one statement).
bool use_insertmanyvalues(const EngineState& engine, const sql::CompiledStatement& compiled, bool needs_lastrowid) {
    if (!compiled.insertmanyvalues || engine.options.insertmanyvalues_page_size == 0) return false;
    if (!engine.capabilities.multivalues_inserts) return false;
    if (compiled.explicit_returning || compiled.returns_primary_key)
        return engine.capabilities.multivalues_returning_in_order;
    return !needs_lastrowid;
}

std::size_t page_rows(const EngineState& engine, const sql::CompiledStatement& compiled) {
    const std::size_t per_row = compiled.binds.size();
    std::size_t rows = engine.options.insertmanyvalues_page_size;
    if (const auto limit = engine.dialect->max_bind_params(); limit && per_row)
        rows = std::max<std::size_t>(1, std::min(rows, limit / per_row));
    return rows;
}

}  // namespace

ExecutemanyPlan plan_executemany(const EngineState& engine, const sql::CompiledStatement& compiled,
                                 const std::vector<Params>& param_sets, const Params* statement_values) {
    const bool cursor_returning = engine.capabilities.cursor_executemany_returning;
    ExecutemanyPlan plan;
    plan.pk_insert = is_pk_insert(compiled);
    plan.caller_rows = compiled.explicit_returning;
    // A RETURNING the caller asked for needs every row back: one batch where the driver
    // returns RETURNING rows from executemany, else row by row.
    bool per_row = plan.caller_rows && !cursor_returning;
    // Generated keys of every row (lastrowid row by row, or RETURNING) only when asked for with
    // insert().return_defaults(); otherwise the rows go out as one batch, as in SQLAlchemy.
    if (!plan.caller_rows && plan.pk_insert && compiled.autoincrement_column) {
        if (compiled.return_defaults)
            per_row = compiled.returns_primary_key || generates_key(compiled, param_sets, statement_values);
        else
            plan.keys_not_fetched = generates_key(compiled, param_sets, statement_values);
    }

    const bool needs_lastrowid = per_row && !plan.caller_rows && !compiled.returns_primary_key;
    if (use_insertmanyvalues(engine, compiled, needs_lastrowid)) {
        plan.strategy = ExecutemanyStrategy::insertmanyvalues;
        plan.page_rows = page_rows(engine, compiled);
        const bool drop_returning = compiled.returns_primary_key && !plan.caller_rows && !compiled.return_defaults;
        plan.send_returning = !drop_returning;
        plan.fetch_keys = compiled.returns_primary_key && !plan.caller_rows && !drop_returning;
    } else if (plan.caller_rows) {
        plan.strategy = per_row ? ExecutemanyStrategy::row_at_a_time : ExecutemanyStrategy::executemany_returning_rows;
    } else if (per_row) {
        // A driver that hands back RETURNING rows from executemany (libpq pipeline) needs one
        // batch, not one round trip per row.
        plan.strategy = compiled.returns_primary_key && cursor_returning
                            ? ExecutemanyStrategy::executemany_returning_keys
                            : ExecutemanyStrategy::row_at_a_time;
    }
    return plan;
}

}  // namespace athanor::detail
