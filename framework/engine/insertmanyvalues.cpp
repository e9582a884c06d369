// The insertmanyvalues strategy: an executemany of a single-row INSERT sent as multi-row
// INSERT ... VALUES pages, each one Cursor::execute(), as SQLAlchemy's
// _exec_insertmany_context does.
#include "executemany.hpp"

#include "execution_result.hpp"
#include "parameter_binding.hpp"

#include <athanor/errors.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

namespace athanor::detail {

namespace {

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

}  // namespace

/// Every set is bound before the first page is sent (a missing value, or one a processor
/// rejects, fails the call with nothing executed); each page then copies its rows' values into
/// one flat vector and runs with Cursor::execute(); RETURNING rows are read per page and matched
/// to parameter sets in order. The SQL of a full page is built once per call, so is the shorter
/// last page.
void run_insertmanyvalues(const ManyExecution& run, const ExecutemanyPlan& plan) {
    auto& st = run.connection;
    auto& engine = *st.engine;
    const auto& compiled = run.compiled;
    const auto& param_sets = run.param_sets;
    const Params* own = run.statement_values;
    auto& rs = run.result;
    const auto& imv = *compiled.insertmanyvalues;
    const auto style = engine.dialect->paramstyle();
    const std::size_t per_row = compiled.binds.size();
    const std::size_t page_rows = plan.page_rows;
    const std::size_t total = param_sets.size();
    const std::size_t pages = (total + page_rows - 1) / page_rows;

    const BoundBatch batch(compiled, param_sets, own);

    auto& driver = st.driver();
    st.autobegin();
    std::string full_sql, last_sql;
    std::vector<Value> values;
    std::int64_t rowcount = 0;
    std::size_t logged_rows = 0;
    std::size_t page = 0;
    std::string* sql = nullptr;
    try {
        auto cursor = driver.cursor();
        for (std::size_t first = 0; first < total; first += page_rows, ++page) {
            const std::size_t rows = std::min(page_rows, total - first);
            sql = rows == page_rows ? &full_sql : &last_sql;
            if (sql->empty()) *sql = multivalues_sql(imv, style, rows, plan.send_returning);
            values.resize(rows * per_row);
            // Assigned over the previous page's cells, which keep their storage where the kinds match.
            const Value* const* cells = batch.cells.data() + first * per_row;
            for (std::size_t c = 0; c < rows * per_row; ++c) values[c] = *cells[c];
            if (engine.echo()) {
                if (rows != logged_rows) engine.log(*sql);  // the SQL once per page shape
                logged_rows = rows;
                std::string line = "[" + std::string(run.origin) + "; insertmanyvalues " + std::to_string(page + 1) +
                                   "/" + std::to_string(pages) + ", " + std::to_string(rows) + " rows] ";
                line += engine.options.hide_parameters ? std::string("[parameters hidden]") : render_params(values);
                engine.log(line);
            }
            const sdk::ParameterRows sent(std::span<const std::vector<Value>>(&values, 1));
            st.before_cursor(*sql, sent, true);
            cursor->execute(*sql, values);
            st.after_cursor(*sql, sent, true, cursor->rowcount());

            std::size_t returned = 0;
            if (plan.caller_rows)
                returned = collect_rows(rs, *cursor);
            else if (plan.fetch_keys)
                returned = read_key_rows(*cursor, compiled, param_sets, first, rows, own, rs.inserted_keys);
            if ((plan.caller_rows || plan.fetch_keys) && returned != rows)
                throw InternalError("insertmanyvalues: the database returned " + std::to_string(returned) +
                                    " RETURNING rows for a page of " + std::to_string(rows) +
                                    " rows; set EngineOptions::insertmanyvalues_page_size = 0 to insert row by row");
            if (plan.pk_insert && !plan.fetch_keys)
                append_given_keys(compiled, param_sets, first, rows, own, rs.inserted_keys);
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

}  // namespace athanor::detail
