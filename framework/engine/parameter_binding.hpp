// parameter_binding.hpp (private) — parameter sets turned into the positional values a driver
// cursor takes, for the sets of one executemany(): in a reused buffer row by row, as a table
// of pointers to the caller's values, or as copies of every set.
#pragma once

#include <athanor/sdk/parameter_rows.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/value.hpp>

#include <cstddef>
#include <vector>

namespace athanor::detail {

/// compiled.bind() into a reused vector: cells of the same kind keep their storage (a string
/// assigned over a string reuses its buffer), so executing row after row allocates nothing.
/// `slots` remembers where each bind's key sat in the previous set; pass the same vector for
/// every set of a call. Falls back to bind() — and its error message — when a value is missing.
void bind_into(const sql::CompiledStatement& compiled, const Params& params, const Params* statement_values,
               std::vector<Value>& out, std::vector<std::size_t>& slots);

/// compiled.bind() of every set, in order: copies, for the echo log and the batch calls that
/// take rows of values.
std::vector<std::vector<Value>> bind_all(const sql::CompiledStatement& compiled, const std::vector<Params>& param_sets,
                                         const Params* statement_values);

/// Every row bound up front when any bind has a processor: a value a processor rejects (an
/// Enum outside its values, bad JSON) then fails the whole call before any row is written, and
/// each processor (a column's default function among them) still runs exactly once per row.
/// Empty when no bind has a processor; callers then bind row by row.
std::vector<std::vector<Value>> prebind_processed(const sql::CompiledStatement& compiled,
                                                  const std::vector<Params>& param_sets,
                                                  const Params* statement_values);

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
               const Params* statement_values);

    sdk::ParameterRows view() const { return sdk::ParameterRows(cells.data(), rows, width); }
};

}  // namespace athanor::detail
