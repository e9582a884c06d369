// athanor/sql/compiled.hpp — a statement compiled for one dialect: the SQL text in the
// dialect's paramstyle plus everything the engine needs to bind, execute and read it back.
//
// Produced by Executable::compile() (text(), and the expression language's compiler) and
// cached by the Engine; immutable once built, so one instance serves many executions.
//
// Usage (what Connection does):
//   auto compiled = stmt.compile(dialect);
//   std::vector<Value> positional = compiled->bind(params);   // in placeholder order
#pragma once

#include <athanor/export.hpp>
#include <athanor/value.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sql {

/// Converts a value between its program form and its database form (e.g. Date <-> ISO text
/// on SQLite). An empty processor is the identity.
using Processor = std::function<Value(Value)>;

/// One placeholder in the SQL text, in order of appearance.
struct BindParameter {
    /// The parameter name users pass values under (`:name` in text(), a column key in insert()).
    std::string key;
    /// A value carried by the statement itself (a literal or bindparam with a value); used when
    /// the caller's parameters do not name `key`.
    std::optional<Value> value;
    /// Applied to the value before it is sent to the driver.
    Processor processor;
    /// An IN list rendered at execution (SQLAlchemy's "expanding" parameter): it stands for
    /// `key_1`, `key_2`, ... — as many as the values at hand — so one compiled form serves
    /// lists of any length. For an IN list of literal values only with
    /// CompileOptions::keep_expanding; always for a named expanding or literal_execute
    /// bindparam() (`post_compile` says which). SqlCompiler::expand() turns them into ordinary
    /// binds (or literals) before execution.
    bool expanding = false;

    // ---- post-compile binds (expanding == true), rendered by SqlCompiler::expand() ----
    enum class PostCompile : std::uint8_t {
        statement_values,  // an IN list of the statement's own values, `key_1`, `key_2`, ...
        list,              // a named expanding bind: Params::find_list(key), else `default_list`
        scalar,            // a named literal_execute bind: one value, rendered as a literal
    };
    PostCompile post_compile = PostCompile::statement_values;
    /// Rendered as literals (the processor, then SqlCompiler::render_literal_value), not bound.
    bool literal_execute = false;
    /// A tuple IN: the tuples' arity and one processor per element (empty ones pass through).
    /// 0: a list of scalars; with `any_shape` (text()), whatever the values are.
    std::size_t tuple_width = 0;
    bool any_shape = false;
    std::vector<Processor> element_processors = {};
    /// What an empty list renders as: the dialect's empty-set expression, after "x IN (".
    std::string empty_set = {};
    /// The list a text() expanding bindparam() carries (an expression's comes with its values).
    std::shared_ptr<const ListParam> default_list = nullptr;
};

enum class StatementKind { select, insert, update, delete_, ddl, text, other };

/// Where the VALUES tuple sits in a single-row INSERT, so executemany can send many parameter
/// sets as one INSERT ... VALUES (...), (...), ... per page ("insertmanyvalues"). Only built
/// for a top-level INSERT with one VALUES row, no INSERT ... SELECT, no CTE and no ON CONFLICT,
/// in a positional paramstyle, when every bind is inside the tuple (prefix and suffix bind
/// nothing), so CompiledStatement::binds are exactly the tuple's binds in order.
struct InsertManyValues {
    /// "INSERT INTO t (a, b) VALUES " — the text before the first tuple.
    std::string prefix;
    /// The tuple split around its placeholders: "(" , ", ", ")" for "(?, ?)"; one more segment
    /// than binds. The engine puts the page's placeholders between them.
    std::vector<std::string> tuple_segments;
    /// The text after the tuple, e.g. " RETURNING t.id" (empty without RETURNING).
    std::string suffix;
};

struct ATHANOR_API CompiledStatement {
    std::string sql;
    std::vector<BindParameter> binds;
    StatementKind kind = StatementKind::other;

    /// Applied to each result column by position; missing or empty entries pass values through.
    std::vector<Processor> result_processors;

    /// For INSERT: the table's primary-key column names in order, and which of them the
    /// database generates (filled from lastrowid or RETURNING), so Result can report
    /// inserted_primary_key.
    std::vector<std::string> primary_key_columns;
    std::optional<std::size_t> autoincrement_column;
    /// The statement ends in RETURNING <pk columns> added implicitly for the primary key: the
    /// inserted key comes back as a row, which the engine consumes (the Result returns no rows).
    bool returns_primary_key = false;
    /// The INSERT/UPDATE/DELETE has a RETURNING clause the caller asked for (.returning()): its
    /// rows belong to the caller, also under executemany.
    bool explicit_returning = false;
    /// The names of the RETURNING columns (implicit or explicit), in order: the result's keys()
    /// where a driver describes a result without rows with empty column names (psqlODBC).
    std::vector<std::string> returning_keys;
    /// insert().return_defaults(): executemany fetches every row's generated key too.
    bool return_defaults = false;
    /// Set for a single-row INSERT the engine may batch into multi-row VALUES pages.
    std::optional<InsertManyValues> insertmanyvalues;
    /// With expanding binds: the SQL before placeholders were rendered, each placeholder a
    /// marker byte (SqlCompiler::expand() renders it); `sql` then shows each expanding bind as
    /// `__[POSTCOMPILE_key]`, for reading only. Empty otherwise.
    std::string expanding_template;
    bool has_expanding() const { return !expanding_template.empty(); }

    /// Positional values for one execution: each bind takes params[key], else
    /// (*statement_values)[key], else its own value, then goes through its processor; a bind
    /// with none throws ArgumentError("A value is required for bind parameter 'x' (given: ...)").
    /// `statement_values` are values carried by a statement that was taken from the cache.
    /// Keys in `params` that no bind names are ignored.
    std::vector<Value> bind(const Params& params, const Params* statement_values = nullptr) const;
};

}  // namespace athanor::sql
