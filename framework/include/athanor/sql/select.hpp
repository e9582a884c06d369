// athanor/sql/select.hpp — SELECT and compound SELECT (UNION, INTERSECT, EXCEPT).
//
// Statements are immutable values: every method returns a new statement. The FROM clause
// is inferred from the columns and the WHERE clause unless given (select_from / join); a
// SELECT used as a scalar subquery or in EXISTS correlates with the enclosing SELECT.
//
// Usage:
//   using namespace athanor::sql;
//   auto stmt = select(users.c("name"), count(addresses.c("id")).label("n"))
//                   .join_from(users, addresses)
//                   .where(users.c("name").startswith("a"))
//                   .group_by(users.c("name"))
//                   .having(count(addresses.c("id")) > 1)
//                   .order_by(desc(users.c("name")))
//                   .limit(10);
//   auto page = select(users).order_by(users.c("id")).limit(bindparam("n")).offset(bindparam("o"));
//   auto top = select(scores).order_by(desc(scores.c("points"))).fetch(3, /*with_ties=*/true);
//   auto both = union_all(select(users.c("id")), select(addresses.c("user_id")));
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/expression.hpp>
#include <athanor/sql/schema/table.hpp>
#include <athanor/sql/selectable.hpp>
#include <athanor/sql/statement.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sql {

/// FETCH FIRST count [PERCENT] ROWS {ONLY | WITH TIES} (Select::fetch()).
struct FetchClause {
    ColumnPtr count;
    bool with_ties = false;
    bool percent = false;
};

/// What SELECT and compound SELECT share: ORDER BY, LIMIT / OFFSET / FETCH, result column names.
class ATHANOR_API SelectBaseNode : public ClauseElement {
public:
    /// Names of the result columns (labels, column names, anonymous labels `anon_1`).
    virtual std::vector<std::string> column_names() const = 0;

    std::vector<ColumnPtr> order_by;
    /// LIMIT and OFFSET: an integer given as such is an inline literal (literal_column("5")),
    /// anything else (a bindparam(), an expression) is rendered as that expression.
    ColumnPtr limit;
    ColumnPtr offset;
    /// FETCH FIRST; set only when limit is not (fetch() and limit() replace each other).
    std::optional<FetchClause> fetch;
};

/// SELECT ... FOR UPDATE and its variants (see Select::with_for_update).
struct ForUpdateClause {
    bool read = false;         // FOR SHARE (FOR KEY SHARE with key_share)
    bool key_share = false;    // FOR NO KEY UPDATE / FOR KEY SHARE (PostgreSQL)
    bool nowait = false;       // NOWAIT
    bool skip_locked = false;  // SKIP LOCKED
    std::vector<FromPtr> of;   // OF t1, t2: lock only these tables' rows
};

class ATHANOR_API SelectNode final : public SelectBaseNode {
public:
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    std::vector<std::string> column_names() const override;

    /// Per column: its result name, and whether it needs an (anonymous) AS label.
    std::vector<std::pair<std::string, bool>> column_labels() const;
    /// The FROM list: explicit FROMs, then those the columns and WHERE refer to that are not
    /// already covered, minus those of enclosing SELECTs (auto-correlation).
    std::vector<FromPtr> froms(const std::vector<const FromClause*>& enclosing) const;

    std::vector<ColumnPtr> columns;
    std::vector<FromPtr> explicit_froms;
    ColumnPtr where;
    std::vector<ColumnPtr> group_by;
    ColumnPtr having;
    bool distinct = false;
    std::vector<ColumnPtr> distinct_on;  // PostgreSQL's DISTINCT ON (...)
    std::optional<ForUpdateClause> for_update;
};

enum class CompoundOp { union_, union_all, intersect, intersect_all, except_, except_all };

class ATHANOR_API CompoundSelectNode final : public SelectBaseNode {
public:
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    std::vector<std::string> column_names() const override;

    CompoundOp op = CompoundOp::union_;
    std::vector<std::shared_ptr<const SelectBaseNode>> selects;
};

/// One item of select(...): a column expression or a FROM object (all its columns).
class ATHANOR_API SelectArg {
public:
    SelectArg(const Expr& e) : expr_(e.node()) {}
    SelectArg(const From& f) : from_(f.node()) {}
    template <ValueLike V>
    SelectArg(V&& v) : expr_(Expr(std::forward<V>(v)).node()) {}

    const ColumnPtr& expr() const { return expr_; }
    const FromPtr& from() const { return from_; }

private:
    ColumnPtr expr_;
    FromPtr from_;
};

/// Options of Select::with_for_update(), as SQLAlchemy's: read = FOR SHARE, key_share = the
/// PostgreSQL KEY variants, nowait / skip_locked, and `of`: the tables whose rows are locked.
struct ForUpdate {
    bool read = false;
    bool key_share = false;
    bool nowait = false;
    bool skip_locked = false;
    std::vector<From> of = {};
};

class ATHANOR_API Select : public Statement {
public:
    explicit Select(std::vector<SelectArg> columns);
    explicit Select(std::shared_ptr<const SelectNode> node) : node_(std::move(node)) {}

    ElementPtr element() const override { return node_; }
    const std::shared_ptr<const SelectNode>& node() const { return node_; }

    /// Adds a WHERE criterion (several calls are ANDed).
    Select where(const Expr& criterion) const&;
    /// On a temporary (select(t).where(...)) the unshared node is reused instead of copied.
    Select where(const Expr& criterion) &&;
    Select filter(const Expr& criterion) const& { return where(criterion); }
    Select filter(const Expr& criterion) && { return std::move(*this).where(criterion); }
    Select order_by(std::vector<Expr> clauses) const;
    template <class... E>
    Select order_by(const Expr& first, const E&... rest) const {
        return order_by(std::vector<Expr>{first, Expr(rest)...});
    }
    Select group_by(std::vector<Expr> clauses) const;
    template <class... E>
    Select group_by(const Expr& first, const E&... rest) const {
        return group_by(std::vector<Expr>{first, Expr(rest)...});
    }
    Select having(const Expr& criterion) const;
    /// LIMIT n (rendered inline); replaces a fetch().
    Select limit(std::int64_t n) const;
    /// LIMIT <expression>: limit(bindparam("l")) with l given at execution, or
    /// limit(literal_column("1") + literal_column("2")).
    Select limit(const Expr& n) const;
    Select offset(std::int64_t n) const;
    Select offset(const Expr& n) const;
    /// FETCH FIRST count ROWS ONLY, as SQLAlchemy's Select.fetch(): with_ties keeps the rows
    /// that tie with the last one on the ORDER BY (FETCH ... WITH TIES), percent counts a
    /// percentage of the rows (FETCH FIRST n PERCENT ROWS); an offset() renders as
    /// OFFSET n ROWS before it. Replaces a limit(). A dialect without FETCH renders an exact
    /// equivalent (SQLite: LIMIT n) or raises CompileError for options it cannot honour.
    ///   select(t).order_by(t.c("x")).fetch(2, true).offset(1)
    ///   -> ... ORDER BY t.x OFFSET 1 ROWS FETCH FIRST 2 ROWS WITH TIES
    Select fetch(std::int64_t count, bool with_ties = false, bool percent = false) const;
    Select fetch(const Expr& count, bool with_ties = false, bool percent = false) const;
    Select distinct() const;
    /// SELECT DISTINCT ON (a, b): the first row of each group of equal a, b (PostgreSQL; other
    /// dialects raise CompileError). Pair it with an order_by() that starts with the same
    /// expressions, as PostgreSQL requires.
    Select distinct_on(std::vector<Expr> expressions) const;
    /// Locks the selected rows until the transaction ends: `SELECT ... FOR UPDATE`, or with
    /// options `FOR SHARE`, `FOR NO KEY UPDATE`, `OF t`, `NOWAIT`, `SKIP LOCKED` where the
    /// dialect has them. SQLite has no row locks (a write transaction locks the database) and
    /// renders nothing, as SQLAlchemy does; the generic dialect renders plain FOR UPDATE.
    ///   select(accounts).where(accounts.c("id") == 7).with_for_update({.nowait = true})
    Select with_for_update(ForUpdate options = {}) const;
    Select add_columns(std::vector<SelectArg> columns) const;
    Select select_from(const From& from) const;
    /// Joins `right` to the leftmost FROM (ON inferred from foreign keys when not given).
    Select join(const From& right, std::optional<Expr> onclause = std::nullopt) const;
    Select outerjoin(const From& right, std::optional<Expr> onclause = std::nullopt) const;
    Select full_outer_join(const From& right, std::optional<Expr> onclause = std::nullopt) const;
    Select join_from(const From& left, const From& right, std::optional<Expr> onclause = std::nullopt) const;

    /// (SELECT ...) AS name, usable as a FROM object.
    From subquery(std::string name = "anon_1") const;
    /// LATERAL (SELECT ...) AS name: a FROM object that may refer to the FROM items before it,
    /// e.g. each user's latest address:
    ///   auto latest = select(a.c("email")).where(a.c("user_id") == users.c("id"))
    ///                     .order_by(a.c("id").desc()).limit(1).lateral("latest");
    ///   select(users.c("name"), latest.c("email")).select_from(users.join(latest, true_()));
    From lateral(std::string name = "anon_1") const;
    Cte cte(std::string name, bool recursive = false) const;
    /// (SELECT ...) used as a value.
    Expr scalar_subquery() const;
    /// EXISTS (SELECT ...)
    Expr exists() const;

private:
    Select joined(const From& right, std::optional<Expr> onclause, JoinKind kind) const;
    std::shared_ptr<SelectNode> copy() const;
    std::shared_ptr<const SelectNode> node_;
};

template <class... A>
Select select(const A&... args) {
    return Select(std::vector<SelectArg>{SelectArg(args)...});
}
inline Select select(std::vector<SelectArg> args) { return Select(std::move(args)); }

class ATHANOR_API CompoundSelect : public Statement {
public:
    CompoundSelect(CompoundOp op, std::vector<std::shared_ptr<const SelectBaseNode>> selects);
    ElementPtr element() const override { return node_; }
    const std::shared_ptr<const CompoundSelectNode>& node() const { return node_; }

    CompoundSelect order_by(std::vector<Expr> clauses) const;
    template <class... E>
    CompoundSelect order_by(const Expr& first, const E&... rest) const {
        return order_by(std::vector<Expr>{first, Expr(rest)...});
    }
    /// LIMIT / OFFSET / FETCH FIRST of the whole compound, as Select's.
    CompoundSelect limit(std::int64_t n) const;
    CompoundSelect limit(const Expr& n) const;
    CompoundSelect offset(std::int64_t n) const;
    CompoundSelect offset(const Expr& n) const;
    CompoundSelect fetch(std::int64_t count, bool with_ties = false, bool percent = false) const;
    CompoundSelect fetch(const Expr& count, bool with_ties = false, bool percent = false) const;
    From subquery(std::string name = "anon_1") const;

private:
    std::shared_ptr<const CompoundSelectNode> node_;
};

ATHANOR_API CompoundSelect union_(std::vector<Select> selects);
ATHANOR_API CompoundSelect union_all(std::vector<Select> selects);
ATHANOR_API CompoundSelect intersect(std::vector<Select> selects);
ATHANOR_API CompoundSelect intersect_all(std::vector<Select> selects);
ATHANOR_API CompoundSelect except_(std::vector<Select> selects);
ATHANOR_API CompoundSelect except_all(std::vector<Select> selects);
template <class... S>
CompoundSelect union_(const Select& a, const S&... rest) { return union_(std::vector<Select>{a, rest...}); }
template <class... S>
CompoundSelect union_all(const Select& a, const S&... rest) { return union_all(std::vector<Select>{a, rest...}); }
template <class... S>
CompoundSelect intersect(const Select& a, const S&... rest) { return intersect(std::vector<Select>{a, rest...}); }
template <class... S>
CompoundSelect except_(const Select& a, const S&... rest) { return except_(std::vector<Select>{a, rest...}); }

}  // namespace athanor::sql
