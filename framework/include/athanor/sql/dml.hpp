// athanor/sql/dml.hpp — INSERT, UPDATE, DELETE (with RETURNING), and SQLite/PostgreSQL's
// ON CONFLICT upsert.
//
// Values given with values() are bound under their column names (`:name`); multi-row values
// under `name_m0`, `name_m1`, ... An INSERT/UPDATE without values() takes every column, or,
// through for_parameters(), the columns the first parameter set names (what
// SQLAlchemy does on execute). ON CONFLICT renders only on dialects that support it; others
// raise CompileError.
//
// Usage:
//   using namespace athanor::sql;
//   users.insert().values({{"name", "Alex"}}).returning(users.c("id"));
//   users.update().where(users.c("id") == 5).values({{"visits", users.c("visits") + 1}});
//   users.delete_().where(users.c("name").like("test%"));
//   users.insert().values({{"id", 1}, {"name", "A"}})
//        .on_conflict_do_update({"id"}, {{"name", excluded("name")}});
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/expression.hpp>
#include <athanor/sql/schema/table.hpp>
#include <athanor/sql/statement.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace athanor::sql {

class Select;
class SelectBaseNode;

/// column key -> value expression
using Assignments = std::vector<std::pair<std::string, Expr>>;
using NodeAssignments = std::vector<std::pair<std::string, ColumnPtr>>;

/// Column lists from parameter keys (see file comment); empty optional = "all columns".
using ParameterKeys = std::optional<std::vector<std::string>>;

class ATHANOR_API InsertNode final : public ClauseElement {
public:
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    /// The columns and value expressions to render, one entry per row.
    std::vector<NodeAssignments> rows() const;

    std::shared_ptr<const TableNode> table;
    FromPtr table_from;
    NodeAssignments values;                 // single row
    std::vector<NodeAssignments> multi_values;
    std::vector<std::string> select_columns;  // from_select
    std::shared_ptr<const SelectBaseNode> from_select;
    /// The last `select_defaults` select_columns were added by compile() for client-side
    /// defaults (their values are the SELECT's last columns).
    std::size_t select_defaults = 0;
    std::vector<ColumnPtr> returning;
    ParameterKeys parameter_keys;
    bool return_defaults = false;  // executemany also fetches every row's generated key

    enum class OnConflict { none, do_nothing, do_update };
    OnConflict on_conflict = OnConflict::none;
    std::vector<std::string> conflict_target;
    NodeAssignments conflict_set;
    ColumnPtr conflict_where;
};

class ATHANOR_API UpdateNode final : public ClauseElement {
public:
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    /// SET entries to render.
    NodeAssignments assignments() const;
    /// The tables (and subqueries, CTEs) its WHERE or SET refers to besides the target, in order
    /// of first mention: what UPDATE ... FROM names, and what its cache key must cover.
    std::vector<FromPtr> extra_froms(const NodeAssignments& assignments) const;

    std::shared_ptr<const TableNode> table;
    FromPtr table_from;
    NodeAssignments values;
    ColumnPtr where;
    std::vector<ColumnPtr> returning;
    ParameterKeys parameter_keys;
    bool return_defaults = false;  // Update::return_defaults()
};

class ATHANOR_API DeleteNode final : public ClauseElement {
public:
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    /// The tables its WHERE refers to besides the target (DELETE ... USING), as UpdateNode's.
    std::vector<FromPtr> extra_froms() const;

    std::shared_ptr<const TableNode> table;
    FromPtr table_from;
    ColumnPtr where;
    std::vector<ColumnPtr> returning;
    bool return_defaults = false;  // Delete::return_defaults()
};

class ATHANOR_API Insert : public Statement {
public:
    explicit Insert(const Table& table);
    explicit Insert(std::shared_ptr<const InsertNode> node) : node_(std::move(node)) {}
    ElementPtr element() const override { return node_; }
    const std::shared_ptr<const InsertNode>& node() const { return node_; }

    /// Compiles with the schema's defaults applied: a column Sequence renders inline (next
    /// value) where the dialect has sequences, and default functions get a bind processor that
    /// calls them once per row. Printing (to_string) shows the plain statement.
    using Statement::compile;
    std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect,
                                                     const CompileOptions& options) const override;

    /// One row: {{"name", "Alex"}, {"created", now()}}. Plain values bind as `:name`.
    Insert values(const Assignments& values) const;
    /// Several rows in one INSERT (VALUES (...), (...)); binds `name_m0`, `name_m1`, ...
    Insert multi_values(const std::vector<Params>& rows) const;
    /// INSERT INTO t (columns) SELECT ... — columns not listed that have a client-side default_()
    /// (or a Sequence) get it, appended to the SELECT, as SQLAlchemy does.
    Insert from_select(std::vector<std::string> columns, const Select& select) const;
    Insert returning(std::vector<Expr> columns) const;
    /// As SQLAlchemy's return_defaults(): executemany also fetches the key the database generates
    /// for every row (Result::inserted_primary_key_rows()), through RETURNING or row by row for
    /// lastrowid. Without it executemany sends the rows as one batch and keeps no keys; a
    /// single-row insert always reports inserted_primary_key().
    /// Where the dialect has RETURNING (and the Table's implicit_returning is on) the key is read
    /// through RETURNING <primary key>, also on dialects that would otherwise use lastrowid
    /// (SQLite), as SQLAlchemy 2.0 does: the Result then returns_rows(), keys() names the key
    /// columns and its one row has been consumed (fetchone() gives none).
    Insert return_defaults() const;
    template <class... E>
    Insert returning(const Expr& first, const E&... rest) const {
        return returning(std::vector<Expr>{first, Expr(rest)...});
    }
    /// ON CONFLICT [(target)] DO NOTHING
    Insert on_conflict_do_nothing(std::vector<std::string> index_elements = {}) const;
    /// ON CONFLICT (target) DO UPDATE SET ... [WHERE ...]
    Insert on_conflict_do_update(std::vector<std::string> index_elements, const Assignments& set,
                                 std::optional<Expr> where = std::nullopt) const;

    /// The statement as executed with parameter sets naming `keys` (columns not given
    /// by values() come from the parameters, in table order).
    Insert for_parameters(const Params& first_parameters) const;
    /// for_parameters() as an Executable: what the engine calls on execute.
    std::unique_ptr<Executable> with_parameter_keys(const Params& first_parameters) const override;

private:
    std::shared_ptr<InsertNode> copy() const;
    std::shared_ptr<const InsertNode> node_;
};

class ATHANOR_API Update : public Statement {
public:
    explicit Update(const Table& table);
    explicit Update(std::shared_ptr<const UpdateNode> node) : node_(std::move(node)) {}
    ElementPtr element() const override { return node_; }
    const std::shared_ptr<const UpdateNode>& node() const { return node_; }

    Update values(const Assignments& values) const;
    Update where(const Expr& criterion) const;
    Update returning(std::vector<Expr> columns) const;
    template <class... E>
    Update returning(const Expr& first, const E&... rest) const {
        return returning(std::vector<Expr>{first, Expr(rest)...});
    }
    /// SQLAlchemy's UpdateBase.return_defaults(): read back what the database generates while
    /// updating (server-side on-update values). Athanor's columns carry no on-update default, so
    /// there is nothing to fetch: the UPDATE runs as written, with the same rowcount (the rows
    /// matched). Accepted so code written to SQLAlchemy's pattern runs unchanged.
    Update return_defaults() const;
    Update for_parameters(const Params& first_parameters) const;
    /// for_parameters() as an Executable: what the engine calls on execute.
    std::unique_ptr<Executable> with_parameter_keys(const Params& first_parameters) const override;

private:
    std::shared_ptr<UpdateNode> copy() const;
    std::shared_ptr<const UpdateNode> node_;
};

class ATHANOR_API Delete : public Statement {
public:
    explicit Delete(const Table& table);
    explicit Delete(std::shared_ptr<const DeleteNode> node) : node_(std::move(node)) {}
    ElementPtr element() const override { return node_; }
    const std::shared_ptr<const DeleteNode>& node() const { return node_; }

    Delete where(const Expr& criterion) const;
    Delete returning(std::vector<Expr> columns) const;
    template <class... E>
    Delete returning(const Expr& first, const E&... rest) const {
        return returning(std::vector<Expr>{first, Expr(rest)...});
    }
    /// As Update::return_defaults(): a DELETE generates nothing to read back; it runs as
    /// written and rowcount is the rows deleted.
    Delete return_defaults() const;

private:
    std::shared_ptr<DeleteNode> copy() const;
    std::shared_ptr<const DeleteNode> node_;
};

inline Insert insert(const Table& table) { return Insert(table); }
inline Update update(const Table& table) { return Update(table); }
inline Delete delete_(const Table& table) { return Delete(table); }

}  // namespace athanor::sql
