// athanor/sql/selectable.hpp — FROM-clause objects: aliases, joins, subqueries, CTEs, and
// From, the handle that gives access to their columns.
//
// Tables live in schema/table.hpp; a Table converts to From. Joins infer their ON clause
// from foreign keys when none is given (ArgumentError when there is none or more than one).
//
// Usage:
//   From u = users.alias("u");
//   From j = users.join(addresses);                       // ON users.id = addresses.user_id
//   auto sq = select(users.c("id")).where(users.c("id") > 5).subquery("sq");
//   select(sq.c("id"));                                    // SELECT sq.id FROM (SELECT ...) AS sq
//   auto v = values({{"id", types::Integer()}, {"name", types::String()}}, "v").data({{1, "a"}, {2, "b"}});
//   select(v);                  // SELECT v.id, v.name FROM (VALUES (?, ?), (?, ?)) AS v (id, name)
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/element.hpp>
#include <athanor/sql/expression.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sql {

class TableNode;

class ATHANOR_API FromClause : public ClauseElement {
public:
    /// Name used to qualify its columns ("" for a join).
    virtual const std::string& name() const = 0;
    virtual std::vector<std::string> column_names() const = 0;
    virtual TypePtr column_type(const std::string& column) const;
    /// The column node for `column` of this object (`self` is the shared pointer to this);
    /// throws ArgumentError naming the object and its columns when there is none.
    virtual ColumnPtr make_column(const FromPtr& self, const std::string& column) const;
    /// True when `other` is this object or is nested in it (a join covers its sides).
    virtual bool covers(const FromClause* other) const { return other == this; }
    /// The tables underneath with the FROM object that represents each (for ON inference):
    /// a table represents itself, an alias of a table represents that table.
    virtual void base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const;
};

/// `table AS name`
class ATHANOR_API AliasNode final : public FromClause {
public:
    AliasNode(FromPtr element, std::string name);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    const std::string& name() const override { return alias; }
    std::vector<std::string> column_names() const override { return element->column_names(); }
    TypePtr column_type(const std::string& column) const override { return element->column_type(column); }
    void base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const override;

    FromPtr element;
    std::string alias;
};

enum class JoinKind { inner, left, full };

class ATHANOR_API JoinNode final : public FromClause {
public:
    JoinNode(FromPtr left, FromPtr right, ColumnPtr onclause, JoinKind kind);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    const std::string& name() const override;
    std::vector<std::string> column_names() const override;
    bool covers(const FromClause* other) const override;
    void base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const override;

    FromPtr left, right;
    ColumnPtr onclause;
    JoinKind kind;
};

/// The ON clause a join of `left` and `right` gets from their foreign keys.
ATHANOR_API ColumnPtr infer_onclause(const FromPtr& left, const FromPtr& right);

/// (SELECT ...) AS name in a FROM clause.
class ATHANOR_API SubqueryNode final : public FromClause {
public:
    SubqueryNode(std::shared_ptr<const SelectBaseNode> select, std::string name, bool lateral = false);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    const std::string& name() const override { return alias; }
    std::vector<std::string> column_names() const override;

    std::shared_ptr<const SelectBaseNode> select;
    std::string alias;
    /// LATERAL: may refer to the FROM items before it (it correlates with them).
    bool lateral = false;
};

/// One column of a values() construct: its name and SQL type (the type its bound values are
/// sent as and its results read as).
struct ValuesColumn {
    std::string name;
    TypePtr type;
};

/// A table value constructor, VALUES (a, b), (c, d), as a FROM object (SQLAlchemy's
/// values()): `(VALUES ...) AS name (col, ...)` in a FROM clause, `name (col, ...) AS
/// (VALUES ...)` as a CTE. A dialect without column alias lists renders an exact
/// equivalent (SQLite: a SELECT of column1, column2, ... AS the names).
class ATHANOR_API ValuesNode final : public FromClause {
public:
    ValuesNode(std::vector<ValuesColumn> columns, std::vector<std::vector<ColumnPtr>> rows, std::string name);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    const std::string& name() const override { return alias; }
    std::vector<std::string> column_names() const override;
    TypePtr column_type(const std::string& column) const override;

    std::vector<ValuesColumn> columns;
    /// One expression per column in each row; bound values carry their column's type.
    std::vector<std::vector<ColumnPtr>> rows;
    std::string alias;
};

/// A common table expression: referenced by name, defined once in the statement's WITH.
class ATHANOR_API CteNode final : public FromClause {
public:
    CteNode(std::shared_ptr<const SelectBaseNode> select, std::string name, bool recursive);
    /// A CTE whose body is a VALUES list: WITH name (col, ...) AS (VALUES ...).
    CteNode(std::shared_ptr<const ValuesNode> values, std::string name);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    const std::string& name() const override { return cte_name; }
    std::vector<std::string> column_names() const override;
    /// A VALUES body's column types (a SELECT body's columns carry their own).
    TypePtr column_type(const std::string& column) const override;

    /// The body: a SELECT (or compound), or else `values`.
    std::shared_ptr<const SelectBaseNode> select;
    std::shared_ptr<const ValuesNode> values;
    std::string cte_name;
    bool recursive;
};

/// Handle to any FROM object.
class ATHANOR_API From {
public:
    From(FromPtr node) : node_(std::move(node)) {}

    const FromPtr& node() const { return node_; }
    const std::string& name() const { return node_->name(); }
    /// The column `name`; throws ArgumentError naming the object and its columns if absent.
    Expr c(const std::string& column) const;
    /// Every column, in order.
    std::vector<Expr> columns() const;

    From alias(std::string name) const;
    /// JOIN; the ON clause is inferred from foreign keys when `onclause` is not given.
    From join(const From& right, std::optional<Expr> onclause = std::nullopt) const;
    /// LEFT OUTER JOIN
    From outerjoin(const From& right, std::optional<Expr> onclause = std::nullopt) const;
    /// FULL OUTER JOIN
    From full_outer_join(const From& right, std::optional<Expr> onclause = std::nullopt) const;

private:
    FromPtr node_;
};

/// A CTE handle; union_all() builds the recursive form (same name).
class ATHANOR_API Cte : public From {
public:
    explicit Cte(std::shared_ptr<const CteNode> node) : From(node), cte_(std::move(node)) {}
    Cte union_all(const Select& recursive_part) const;
    Cte union_(const Select& recursive_part) const;

private:
    std::shared_ptr<const CteNode> cte_;
};

/// The handle of a values() construct: data() adds rows, and it is used as any FROM object
/// (select(v), v.c("id"), joins) or as a CTE.
class ATHANOR_API Values : public From {
public:
    explicit Values(std::shared_ptr<const ValuesNode> node, bool literal_binds = false)
        : From(node), values_(std::move(node)), literal_binds_(literal_binds) {}
    /// A new construct with `rows` appended: one expression or value per column (plain values
    /// are bound as the column's type; literal_binds renders them as SQL literals instead).
    /// Throws ArgumentError for a row of the wrong length.
    Values data(const std::vector<std::vector<Expr>>& rows) const;
    /// The same rows under another name (`(VALUES ...) AS name (...)`).
    Values alias(std::string name) const;
    /// WITH name (col, ...) AS (VALUES ...): a CTE of the rows.
    Cte cte(std::string name) const;
    const std::shared_ptr<const ValuesNode>& values_node() const { return values_; }

private:
    std::shared_ptr<const ValuesNode> values_;
    bool literal_binds_ = false;
};

/// values({{"id", types::Integer()}, {"name", types::String()}}, "my_values").data({{1, "a"}}):
/// SQLAlchemy's values(column(...), ..., name=, literal_binds=). Throws ArgumentError without
/// columns, for an empty or repeated column name, or a missing type.
ATHANOR_API Values values(std::vector<ValuesColumn> columns, std::string name = "anon_1", bool literal_binds = false);

}  // namespace athanor::sql
