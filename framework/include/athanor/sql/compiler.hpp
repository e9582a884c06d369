// athanor/sql/compiler.hpp — SqlCompiler: renders statement trees to SQL for one dialect.
//
// The generic compiler follows the SQL standard and SQLAlchemy's default output. A dialect
// subclasses it, overrides the hooks that differ (limit_clause, fetch_clause, render_bool, default_from,
// next_value_sql, returning, true division, empty IN, quoting, placeholders, literals) or
// any visit_*, and returns it from Dialect::create_statement_compiler(). One compiler
// instance compiles one statement.
//
// Types: the compiler asks the dialect's TypeCompiler (Dialect::create_type_compiler) for
// the name of a type in CAST, for a result processor per selected/returned column (from the
// column's type: a Date column gives Dates back) and for a bind processor per bound value
// from the type of what it is compared with, inserted into or SET on (SQLAlchemy's
// coercion of the other side of a binary expression). All of it happens at compile time,
// so a cached statement executes with no type work beyond running the processors.
//
// Example (a dialect that uses FETCH FIRST, FROM DUAL and 1/0 for booleans):
//   class MyCompiler : public athanor::sql::SqlCompiler {
//   public:
//       using SqlCompiler::SqlCompiler;
//       void limit_clause(const ColumnElement* limit, const ColumnElement* offset) override {
//           if (offset) { out() += " OFFSET "; row_count(*offset, true); out() += " ROWS"; }
//           if (limit) { out() += " FETCH FIRST "; row_count(*limit, true); out() += " ROWS ONLY"; }
//       }
//       std::string default_from() const override { return " FROM DUAL"; }
//       std::string render_bool(bool v) const override { return v ? "1" : "0"; }
//   };
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/compiled.hpp>
#include <athanor/sql/dml.hpp>
#include <athanor/sql/element.hpp>
#include <athanor/sql/identifier_preparer.hpp>
#include <athanor/sql/select.hpp>
#include <athanor/sql/selectable.hpp>
#include <athanor/sql/statement.hpp>
#include <athanor/sql/type_compiler.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sdk {
class Dialect;
}

namespace athanor::sql {

class ATHANOR_API SqlCompiler {
public:
    explicit SqlCompiler(const sdk::Dialect& dialect);
    virtual ~SqlCompiler();
    SqlCompiler(const SqlCompiler&) = delete;
    SqlCompiler& operator=(const SqlCompiler&) = delete;

    /// Renders a whole statement (or a lone expression) into a CompiledStatement.
    std::shared_ptr<CompiledStatement> compile(const ClauseElement& statement, const CompileOptions& options = {});
    /// A statement with post-compile binds (CompiledStatement::has_expanding()), rendered for
    /// one execution. An IN list of the statement's own values `k` becomes binds `k_1` ... `k_n`,
    /// n being the highest such key in `params` or `statement_values`; a named expanding bind
    /// `q` takes the list params.find_list("q") (else statement_values', else its default) and
    /// becomes `q_1` ... `q_n`, or `(q_1_1, q_1_2), ...` for tuples, or the empty-set
    /// expression; a literal_execute bind becomes literals. Placeholders after them are
    /// renumbered. Throws ArgumentError for a missing list or value, a value where a list is
    /// expected, or tuples of the wrong arity.
    std::shared_ptr<CompiledStatement> expand(const CompiledStatement& compiled, const Params& params,
                                              const Params* statement_values);

    // ---- visit_*: one per node kind -------------------------------------------------
    virtual void visit_column(const ColumnNode& node);
    virtual void visit_bind_param(const BindParamNode& node);
    virtual void visit_text(const TextNode& node);
    virtual void visit_keyword(const KeywordNode& node);
    virtual void visit_binary(const BinaryNode& node);
    /// integer / integer when the dialect's `/` is floor division: right side cast to numeric.
    virtual void visit_true_division(const BinaryNode& node);
    /// Default lower(a) LIKE lower(b); PostgreSQL overrides with ILIKE.
    virtual void visit_ilike(const BinaryNode& node);
    virtual void visit_unary(const UnaryNode& node);
    virtual void visit_boolean_list(const BooleanListNode& node);
    virtual void visit_in(const InNode& node);
    virtual void visit_between(const BetweenNode& node);
    virtual void visit_function(const FunctionNode& node);
    virtual void visit_label(const LabelNode& node);
    virtual void visit_case(const CaseNode& node);
    virtual void visit_cast(const CastNode& node);
    virtual void visit_over(const OverNode& node);
    virtual void visit_tuple(const TupleNode& node);
    virtual void visit_scalar_select(const ScalarSelectNode& node);
    virtual void visit_exists(const ExistsNode& node);
    virtual void visit_next_value(const NextValueNode& node);
    virtual void visit_excluded_column(const ExcludedColumnNode& node);
    virtual void visit_table(const TableNode& node);
    virtual void visit_alias(const AliasNode& node);
    virtual void visit_join(const JoinNode& node);
    virtual void visit_subquery(const SubqueryNode& node);
    virtual void visit_cte(const CteNode& node);
    /// values() in a FROM clause: `(VALUES (a, b), ...) AS name (col, ...)`; SQLite, which has
    /// no column alias list, overrides it (see values_rows()).
    virtual void visit_values(const ValuesNode& node);
    virtual void visit_select(const SelectNode& node);
    virtual void visit_compound_select(const CompoundSelectNode& node);
    virtual void visit_insert(const InsertNode& node);
    virtual void visit_update(const UpdateNode& node);
    virtual void visit_delete(const DeleteNode& node);
    /// ON CONFLICT ... (SQLite, PostgreSQL); the generic compiler raises CompileError.
    virtual void visit_on_conflict(const InsertNode& node);
    /// type_coerce(): the element as it is, a bound value inside processed as the new type.
    virtual void visit_type_coerce(const TypeCoerceNode& node);
    /// A JSON element (doc["k"], doc.json_path(...), as_*()): the generic compiler raises
    /// CompileError; PostgreSQL renders -> ->> #> #>>, SQLite JSON_EXTRACT.
    virtual void visit_json_get(const JsonGetNode& node);
    /// floordiv(a, b): `a / b` when div_is_floordiv() and b is an integer, else FLOOR(a / b).
    virtual void visit_floor_division(const BinaryNode& node);
    /// a.bitwise_xor(b): `a ^ b` (PostgreSQL: `a # b`; SQLite, which has no XOR, the exact
    /// equivalent `((a | b) - (a & b))`).
    virtual void visit_bitwise_xor(const BinaryNode& node);
    /// collate(e, name): `e COLLATE name`, the name quoted where the dialect's rules require.
    virtual void visit_collate(const CollateNode& node);
    /// One value of a values() row, `type` being its column's: the value, a bound one processed
    /// as `type`. A database that cannot type a parameter there casts it (Mimer).
    virtual void values_cell(const ColumnElement& cell, const TypePtr& type);
    /// `agg FILTER (WHERE criterion)` (SQL:2003; PostgreSQL 9.4+, SQLite 3.30+).
    virtual void visit_function_filter(const FunctionFilterNode& node);
    /// `agg WITHIN GROUP (ORDER BY ...)` (PostgreSQL); SQLite raises CompileError.
    virtual void visit_within_group(const WithinGroupNode& node);
    /// `EXTRACT(field FROM e)` for the SQL standard's fields (year ... second; others raise
    /// CompileError); PostgreSQL every field; SQLite: CAST(STRFTIME(format, e) AS INTEGER).
    virtual void visit_extract(const ExtractNode& node);
    /// `ANY (e)` / `ALL (e)`, a subquery rendered inside the one pair of parentheses; SQLite
    /// raises CompileError.
    virtual void visit_any_all(const AnyAllNode& node);
    /// a.regexp_match(p) and its negation: CompileError by default (no standard syntax);
    /// PostgreSQL `~` / `!~` (`~*` / `!~*` for flags "i", other flags as an embedded `(?flags)`
    /// prefix of the pattern), SQLite `REGEXP` / `NOT REGEXP` (flags refused).
    virtual void visit_regexp_match(const RegexpNode& node);
    /// a.regexp_replace(p, r, flags): CompileError by default; PostgreSQL REGEXP_REPLACE().
    virtual void visit_regexp_replace(const RegexpNode& node);

    // ---- hooks ----------------------------------------------------------------------
    /// Appends " LIMIT n OFFSET m" (offset alone: " LIMIT -1 OFFSET m") for limit() / offset();
    /// either may be null. Each is an expression: an inline integer, a bind, or any SQL
    /// expression (render it with row_count()).
    virtual void limit_clause(const ColumnElement* limit, const ColumnElement* offset);
    /// Appends the FETCH FIRST of a fetch(), after " OFFSET m ROWS" when `offset` is not null:
    /// the SQL standard's " OFFSET m ROWS FETCH FIRST n [PERCENT] ROWS {ONLY | WITH TIES}",
    /// each value parenthesised unless it is a literal, bind or column (the grammar's rule).
    /// A database without FETCH renders its exact equivalent (SQLite: LIMIT) and refuses the
    /// options it lacks with unsupported(); PostgreSQL has no PERCENT.
    virtual void fetch_clause(const FetchClause& fetch, const ColumnElement* offset);
    /// Appends the row-locking clause of a SELECT ... with_for_update(). Generic: " FOR UPDATE"
    /// (options ignored, as SQLAlchemy's generic compiler); SQLite: nothing; PostgreSQL: every
    /// variant.
    virtual void for_update_clause(const ForUpdateClause& clause);
    /// Before a LATERAL subquery: "LATERAL " (SQL:1999; PostgreSQL); SQLite raises CompileError.
    virtual void lateral_keyword();
    /// After "SELECT DISTINCT ": "ON (a, b) " on PostgreSQL; CompileError by default (not SQL
    /// standard).
    virtual void distinct_on_clause(const std::vector<ColumnPtr>& expressions);
    /// UPDATE whose WHERE or SET refers to other tables: " FROM a, b" (PostgreSQL, SQLite
    /// 3.33+, and the generic form). A database without multi-table UPDATE overrides it to
    /// call unsupported().
    virtual void update_from_clause(const std::vector<FromPtr>& extra_froms);
    /// DELETE whose WHERE refers to other tables: " USING a, b" (PostgreSQL and the generic
    /// form); SQLite has no such DELETE and raises CompileError.
    virtual void delete_using_clause(const std::vector<FromPtr>& extra_froms);
    /// "true"/"false"; dialects without a boolean type render "1"/"0".
    virtual std::string render_bool(bool value) const;
    virtual bool supports_returning() const { return true; }
    /// When true, a single-row INSERT into a table with an autoincrement key gets
    /// RETURNING <primary key> and sets CompiledStatement::returns_primary_key (PostgreSQL style).
    virtual bool implicit_returning() const { return false; }
    /// Appends " RETURNING a, b".
    virtual void returning_clause(const std::vector<ColumnPtr>& columns);
    /// One member SELECT of a UNION/INTERSECT/EXCEPT. The generic form parenthesises a member
    /// that has ORDER BY/LIMIT/OFFSET or is itself compound, "(SELECT ... LIMIT 1) UNION ...";
    /// a database without such parentheses (SQLite) wraps it as SELECT * FROM (...) instead.
    virtual void compound_member(const SelectBaseNode& member);
    /// True when a compound member needs grouping (ORDER BY, LIMIT, OFFSET, nested compound).
    static bool compound_member_needs_grouping(const SelectBaseNode& member);
    /// FROM for a SELECT without tables: "" or " FROM DUAL" / " FROM system.onerow".
    virtual std::string default_from() const { return ""; }
    /// The next value of a sequence (already quoted); raises CompileError by default.
    virtual std::string next_value_sql(const std::string& quoted_sequence) const;
    /// True when the database's `/` on integers truncates, so true division needs a cast.
    virtual bool div_is_floordiv() const { return true; }
    virtual std::string true_division_type() const { return "NUMERIC"; }
    /// What follows "x IN (" for an empty list, closing parentheses balanced by the caller's ")".
    virtual std::string empty_in_expression(bool negated) const;
    /// The same for a tuple IN of `width` elements: `(a, b) IN ((NULL, NULL)) AND (1 != 1)`.
    virtual std::string empty_tuple_in_expression(bool negated, std::size_t width) const;
    /// The placeholder for a bind: `name` is already safe for SQL; position counts from 1.
    virtual std::string bind_placeholder(const std::string& name, std::size_t position) const;
    /// A value as a SQL literal (literal_binds mode), quotes escaped.
    virtual std::string render_literal_value(const Value& value) const;
    /// "WITH" / "WITH RECURSIVE"
    virtual std::string cte_preamble(bool recursive) const;
    virtual bool supports_on_conflict() const { return false; }
    /// A type's name in CAST. Default: the dialect's TypeCompiler.
    virtual std::string type_sql(const TypeEngine& type) const;
    /// A function's rendered name (e.g. now -> CURRENT_TIMESTAMP on some dialects).
    virtual std::string function_name(const std::string& name) const { return name; }
    virtual std::unique_ptr<IdentifierPreparer> create_preparer() const;

    // ---- for subclasses -------------------------------------------------------------
    std::string& out();
    void process(const ClauseElement& element) { element.accept(*this); }
    /// Renders `child`, parenthesised when it binds less tightly than `parent_precedence`.
    void process_operand(const ColumnElement& child, int parent_precedence, bool parenthesise_equal = true);
    /// Emits a placeholder for `key` (or a literal in literal_binds mode) and records the bind.
    void emit_bind(const std::string& key, const std::optional<Value>& value);
    const IdentifierPreparer& preparer();
    std::string quote(const std::string& identifier) { return preparer().quote(identifier); }
    /// The schema a table or sequence of `schema` renders with: CompileOptions'
    /// schema_translate_map applied ("" for none).
    const std::string& effective_schema(const std::string& schema) const;
    const sdk::Dialect& dialect() const { return dialect_; }
    /// The dialect's type compiler (created on first use).
    const TypeCompiler& type_compiler() const;
    /// The SQL type of an expression when it has one: a column's type, count() -> Integer,
    /// comparisons -> Boolean, cast -> its type, a label -> its element's; nullptr otherwise.
    virtual TypePtr expression_type(const ColumnElement& element) const;
    /// Renders `operand` (grouped as process_operand does; 0: never grouped); when it is a
    /// bound parameter, its value is processed as `type`.
    void process_coerced(const ColumnElement& operand, const TypePtr& type, int parent_precedence = 0,
                         bool parenthesise_equal = true);
    /// Renders `operand` as a value facing `other` (the other side of a comparison or the left
    /// of IN): a bound parameter takes other's type; two tuples pair up element by element.
    void process_facing(const ColumnElement& operand, const ColumnElement& other, int parent_precedence = 0,
                        bool parenthesise_equal = true);
    /// Throws CompileError: "<construct> is not supported by dialect <name>".
    [[noreturn]] void unsupported(const std::string& construct) const;
    /// Renders a LIMIT / OFFSET / FETCH value, a bound value in it processed as an Integer;
    /// with `grouped`, parenthesised unless it is an atom (a literal, bind or column).
    void row_count(const ColumnElement& value, bool grouped = false);
    /// The names given to anonymous binds so far. A hook that renders an operand twice (SQLite's
    /// XOR equivalent repeats both) saves it before the first rendering and puts it back with
    /// set_bind_namer() before the second, so both renderings use the same names and the cached
    /// statement takes each value from the one bind it is.
    BindNamer bind_namer() const;
    void set_bind_namer(BindNamer namer);
    /// `VALUES (a, b), (c, d)` of a values() construct, each bound value as its column's type;
    /// CompileError when it has no rows.
    void values_rows(const ValuesNode& node);
    /// The quoted column names of a values() construct, comma-separated.
    std::string values_column_list(const ValuesNode& node);

protected:
    /// `EXTRACT(FIELD FROM e)` for any field, unchecked: visit_extract() overrides call it once
    /// they accept the field.
    void extract_expression(const ExtractNode& node);
    /// `left op right` with the bound values coerced to the other side's type, the operator
    /// text from binary_operator_text() (or the custom operator); no special forms.
    void binary_operands(const BinaryNode& node);
    /// The column_expression() of the type of a selected column (`column` itself when the
    /// type has none), for a top-level SELECT list.
    ColumnPtr selected_expression(const ColumnPtr& column) const;
    void select_columns(const SelectNode& node);
    void order_by_clause(const std::vector<ColumnPtr>& order_by);
    void comma_list(const std::vector<ColumnPtr>& items);
    void set_clause(const NodeAssignments& assignments, const TableNode* table = nullptr);
    void from_item(const FromClause& from);
    /// "a, b, c" through from_item().
    void from_list(const std::vector<FromPtr>& froms);
    Processor bind_processor_for(const TypePtr& type);
    /// Result processors for the columns of a top-level SELECT / RETURNING.
    void set_result_processors(const std::vector<ColumnPtr>& columns);
    void set_result_processors(const SelectBaseNode& select);
    TypePtr column_type(const TableNode& table, const std::string& column) const;

private:
    friend class TextClause;  // renders its expanding binds' template as statements do
    const sdk::Dialect& dialect_;
    // Every other member lives in State (framework/sql/compiler_state.hpp), so the class's size
    // and layout, which plugin compilers inherit, do not change when the compiler gains state.
    struct State;
    friend struct State;
    std::unique_ptr<State> state_;
    void record_insertmanyvalues();
    /// The caller's RETURNING of an INSERT/UPDATE/DELETE (`statement`): refused where the
    /// dialect has none, its rows marked as the result's at top level.
    void explicit_returning(const std::vector<ColumnPtr>& columns, const char* statement);
    /// expanding_template with placeholders: the expanding binds shown as __[POSTCOMPILE_k]
    /// without `params`, else expanded, `binds` receiving the binds of the expanded text.
    std::string render_template(const CompiledStatement& compiled, const Params* params,
                                const Params* statement_values, std::vector<BindParameter>* binds = nullptr);
};

/// The statement compiler for `dialect`: its Dialect::create_statement_compiler(), or the generic
/// SqlCompiler when the dialect returns none (the SDK's default).
ATHANOR_API std::shared_ptr<SqlCompiler> compiler_for(const sdk::Dialect& dialect);

}  // namespace athanor::sql
