// athanor/sql/expression.hpp — Expr, the value handle of the expression language, with its
// operators and the free functions that build expressions (and_, func, case_, cast, ...).
//
// An Expr wraps an immutable node; C++ operators build new nodes, never evaluate. Plain
// values (ints, strings, athanor::Value, ...) convert to bound parameters, so they are never
// spliced into SQL. `== athanor::null` renders IS NULL, and integer `/` integer is true
// division as in SQLAlchemy.
//
// Usage:
//   using namespace athanor::sql;
//   Expr cond = and_(users.c("id") > 5, users.c("name").like("a%"), users.c("deleted").is_(athanor::null));
//   Expr avg_age = func("avg", users.c("age")).label("avg_age");
//   Expr ratio = users.c("score") / 2;                       // users.score / CAST(:score_1 AS NUMERIC)
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/element.hpp>
#include <athanor/value.hpp>

#include <concepts>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace athanor::sql {

class Select;
class Expr;

namespace detail {
template <class T>
struct is_value_like : std::is_constructible<Value, T> {};
// Value's optional constructor is unconstrained; look through to the payload.
template <class T>
struct is_value_like<std::optional<T>> : is_value_like<T> {};
}  // namespace detail

/// A plain value that becomes a bound parameter (anything athanor::Value accepts).
template <class T>
concept ValueLike = detail::is_value_like<std::remove_cvref_t<T>>::value && !std::is_base_of_v<Expr, std::remove_cvref_t<T>>;

/// Window specification for Expr::over().
struct Window;

class ATHANOR_API Expr {
public:
    Expr(ColumnPtr node) : node_(std::move(node)) {}
    /// A plain value becomes an anonymous bound parameter.
    template <ValueLike V>
    Expr(V&& value) : node_(make_literal(Value(std::forward<V>(value)))) {}
    Expr(const Select& scalar_subquery);

    const ColumnPtr& node() const { return node_; }

    // Conditions
    Expr in_(std::vector<Value> values) const;
    Expr in_(std::initializer_list<Value> values) const { return in_(std::vector<Value>(values)); }
    Expr in_(const std::vector<Expr>& expressions) const;
    Expr in_(const Select& subquery) const;
    /// IN an expanding bind, its list given at execution (SQLAlchemy's in_(bindparam("q"))):
    ///   t.c("x").in_(bindparam("q"))   executed with Params{}.set_list("q", {2, 3, 4})
    ///   tuple_(t.c("x"), t.c("z")).in_(bindparam("q"))   with Params{}.set_tuples("q", {{2, "z2"}})
    /// A named bindparam() becomes expanding; any other expression is a one-item list.
    Expr in_(const Expr& expanding_bind) const;
    Expr not_in(std::vector<Value> values) const;
    Expr not_in(std::initializer_list<Value> values) const { return not_in(std::vector<Value>(values)); }
    Expr not_in(const std::vector<Expr>& expressions) const;
    Expr not_in(const Select& subquery) const;
    Expr not_in(const Expr& expanding_bind) const;
    Expr like(const Expr& pattern, std::optional<char> escape = std::nullopt) const;
    Expr not_like(const Expr& pattern, std::optional<char> escape = std::nullopt) const;
    /// Case-insensitive LIKE: lower(x) LIKE lower(y) unless the dialect has ILIKE.
    Expr ilike(const Expr& pattern, std::optional<char> escape = std::nullopt) const;
    Expr not_ilike(const Expr& pattern, std::optional<char> escape = std::nullopt) const;
    /// LIKE '%' || :v || '%'. With autoescape, % _ and / in the value match literally (ESCAPE '/').
    Expr contains(const std::string& text, bool autoescape = false) const;
    Expr startswith(const std::string& text, bool autoescape = false) const;
    Expr endswith(const std::string& text, bool autoescape = false) const;
    Expr between(const Expr& low, const Expr& high) const;
    Expr not_between(const Expr& low, const Expr& high) const;
    Expr is_(const Expr& other) const;
    Expr is_not(const Expr& other) const;
    Expr is_distinct_from(const Expr& other) const;
    Expr is_not_distinct_from(const Expr& other) const;
    /// `a || b`
    Expr concat(const Expr& other) const;
    /// Any binary operator the database knows: col.op("&", 4).
    Expr op(const std::string& sql_operator, const Expr& other) const;

    // Bitwise operators on integers (SQLAlchemy 2.0's bitwise_*; C++'s & | ~ build AND / OR /
    // NOT here). Each dialect renders its spelling or an exact equivalent: a.bitwise_xor(5) is
    // `a ^ 5` by default, `a # 5` on PostgreSQL, `(a | 5) - (a & 5)` on SQLite (no XOR).
    Expr bitwise_and(const Expr& other) const;
    Expr bitwise_or(const Expr& other) const;
    Expr bitwise_xor(const Expr& other) const;
    /// `~a`
    Expr bitwise_not() const;
    /// `a << n`, `a >> n`
    Expr bitwise_lshift(const Expr& other) const;
    Expr bitwise_rshift(const Expr& other) const;
    /// True where the regular expression `pattern` matches somewhere in the value
    /// (SQLAlchemy's regexp_match): PostgreSQL `a ~ p` (`~*` for flags "i"), SQLite
    /// `a REGEXP p`; !a.regexp_match(p) is the not-match (`!~`, `NOT REGEXP`). `flags` are the
    /// database's flag letters. A dialect without regular expressions raises CompileError.
    Expr regexp_match(const Expr& pattern, std::string flags = {}) const;
    /// The value with each match of `pattern` replaced (PostgreSQL REGEXP_REPLACE(a, p, r[, flags]);
    /// the first match only unless flags hold "g", as PostgreSQL defines it).
    Expr regexp_replace(const Expr& pattern, const Expr& replacement, std::string flags = {}) const;
    /// `a COLLATE name`: t.c("data").collate("NOCASE").asc() orders by that collation.
    Expr collate(std::string collation) const;

    // JSON (an expression of the JSON type): an element, itself JSON until read as a type.
    /// doc["key"], doc[0]: the element at a key or array index.
    Expr operator[](const Value& key_or_index) const;
    /// The element at a path of keys and indexes: doc.json_path({"key1", "subkey1"}).
    Expr json_path(const std::vector<Value>& path) const;
    /// A JSON element read as a SQL type (SQLAlchemy's as_string(), as_integer(), ...); the
    /// result compares and comes back as that type. Throw ArgumentError on anything but a
    /// JSON element (operator[] / json_path()).
    Expr as_string() const;
    Expr as_integer() const;
    Expr as_float() const;
    Expr as_boolean() const;
    Expr as_numeric(int precision, int scale) const;
    /// The element as JSON again (what doc["key"] already is).
    Expr as_json() const;

    // Modifiers
    Expr label(std::string name) const;
    Expr asc() const;
    Expr desc() const;
    Expr nulls_first() const;
    Expr nulls_last() const;
    Expr distinct() const;
    Expr over(const Window& window) const;
    /// `agg FILTER (WHERE criterion)` on an aggregate function (SQLAlchemy's
    /// FunctionElement.filter): count().filter(t.c("x") > 5); over() may follow. Several calls
    /// AND their criteria. Throws ArgumentError on anything but a function.
    Expr filter(const Expr& criterion) const;
    /// `agg WITHIN GROUP (ORDER BY ...)` on an ordered-set aggregate:
    /// func("percentile_cont", 0.5).within_group({t.c("x")}). ArgumentError on anything but a
    /// function, or without an ORDER BY expression. SQLite has none and raises CompileError.
    Expr within_group(const std::vector<Expr>& order_by) const;

private:
    static ColumnPtr make_literal(Value v);
    ColumnPtr node_;
};

/// A window frame, in SQLAlchemy's convention for each bound: std::nullopt is UNBOUNDED
/// (PRECEDING as start, FOLLOWING as end), 0 is CURRENT ROW, -n is n PRECEDING, n is
/// n FOLLOWING. Frame{std::nullopt, 0}: BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.
struct Frame {
    std::optional<std::int64_t> start = std::nullopt;
    std::optional<std::int64_t> end = std::nullopt;
};

/// Window specification for Expr::over(): PARTITION BY, ORDER BY, and at most one of a ROWS,
/// RANGE or GROUPS frame (GROUPS counts peer groups: PostgreSQL 11+, SQLite 3.28+).
///   sum(t.c("x")).over({.order_by = {t.c("day")}, .rows = Frame{-6, 0}})
///   -> sum(t.x) OVER (ORDER BY t.day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
struct Window {
    std::vector<Expr> partition_by = {};
    std::vector<Expr> order_by = {};
    std::optional<Frame> rows = std::nullopt;
    std::optional<Frame> range = std::nullopt;
    std::optional<Frame> groups = std::nullopt;
};

// Comparison (== null / != null render IS NULL / IS NOT NULL)
ATHANOR_API Expr operator==(const Expr& a, const Expr& b);
ATHANOR_API Expr operator!=(const Expr& a, const Expr& b);
ATHANOR_API Expr operator<(const Expr& a, const Expr& b);
ATHANOR_API Expr operator<=(const Expr& a, const Expr& b);
ATHANOR_API Expr operator>(const Expr& a, const Expr& b);
ATHANOR_API Expr operator>=(const Expr& a, const Expr& b);
// Arithmetic
ATHANOR_API Expr operator+(const Expr& a, const Expr& b);
ATHANOR_API Expr operator-(const Expr& a, const Expr& b);
ATHANOR_API Expr operator*(const Expr& a, const Expr& b);
ATHANOR_API Expr operator/(const Expr& a, const Expr& b);
ATHANOR_API Expr operator%(const Expr& a, const Expr& b);
/// Floor division, SQLAlchemy's `a // b` (C++ has no such operator): `a / b` where the
/// database's `/` already truncates integers and the right side is an integer, FLOOR(a / b)
/// otherwise; the result has the left side's type. floordiv(literal(-15), literal(5)) is -3.
ATHANOR_API Expr floordiv(const Expr& a, const Expr& b);
ATHANOR_API Expr operator-(const Expr& a);
// Boolean (SQLAlchemy's & | ~, plus the C++ spellings of NOT)
ATHANOR_API Expr operator&(const Expr& a, const Expr& b);
ATHANOR_API Expr operator|(const Expr& a, const Expr& b);
ATHANOR_API Expr operator~(const Expr& a);
ATHANOR_API Expr operator!(const Expr& a);

ATHANOR_API Expr and_(std::vector<Expr> conditions);
ATHANOR_API Expr or_(std::vector<Expr> conditions);
template <class... E>
Expr and_(const Expr& first, const E&... rest) {
    return and_(std::vector<Expr>{first, Expr(rest)...});
}
template <class... E>
Expr or_(const Expr& first, const E&... rest) {
    return or_(std::vector<Expr>{first, Expr(rest)...});
}
ATHANOR_API Expr not_(const Expr& condition);

/// An anonymous bound value (`:param_1`), and a named one (`:name`, value optional: then the
/// caller supplies it at execution).
ATHANOR_API Expr literal(Value value);
ATHANOR_API Expr bindparam(std::string name, std::optional<Value> value = std::nullopt);
/// A bound value of an explicit type (SQLAlchemy's literal(value, type_, literal_execute)):
/// it is processed as `type` whatever it faces, and reads back as `type` when selected.
/// With literal_execute the value is rendered into the SQL as the dialect's literal of that
/// type instead of being bound: literal(Date{2012, 10, 15}, types::Date(), true) -> '2012-10-15'.
ATHANOR_API Expr literal(Value value, TypePtr type, bool literal_execute = false);
/// A named bind of an explicit type, its value given now or at execution:
/// bindparam("foo", types::Date()) != null sends a NULL the database knows as a date where the
/// dialect needs the type (PostgreSQL renders it as CAST($1 AS DATE)).
ATHANOR_API Expr bindparam(std::string name, TypePtr type, std::optional<Value> value = std::nullopt);
/// How bindparam(name, options) binds (SQLAlchemy's bindparam() keywords), by designated
/// initializers in this order:
///   bindparam("q", {.expanding = true})                          x IN (__[POSTCOMPILE_q]): a list
///   bindparam("q", {.list = std::vector<Value>{"a"}, .expanding = true})   with a default list
///   bindparam("q", {.literal_execute = true})                    x = __[POSTCOMPILE_q]: the value,
///                                                                given at execution, as a literal
///   bindparam("q", {.expanding = true, .literal_execute = true, .tuple_types = {Integer(), String(50)}})
struct BindOptions {
    TypePtr type = nullptr;                                 // the value's type (each list element's)
    std::optional<Value> value = std::nullopt;              // a default value
    std::optional<std::vector<Value>> list = std::nullopt;  // a default list (expanding)
    bool expanding = false;
    bool literal_execute = false;
    std::vector<TypePtr> tuple_types = {};                  // one per element of a tuple IN
};
ATHANOR_API Expr bindparam(std::string name, const BindOptions& options);
/// SQL text used as a column or expression, verbatim (never put user input here).
ATHANOR_API Expr literal_column(std::string sql);
/// The same, of the given SQL type: literal_column("15", Integer()) / literal_column("10", Integer()).
ATHANOR_API Expr literal_column(std::string sql, TypePtr type);
/// `e` treated as `type` without a CAST in the SQL (SQLAlchemy's type_coerce()): the result
/// processor, and the processing of a bound value inside, follow `type`.
ATHANOR_API Expr type_coerce(const Expr& e, TypePtr type);
/// A SQL text fragment in an expression, verbatim: where(text_fragment("a > b")).
ATHANOR_API Expr text_fragment(std::string sql);
ATHANOR_API Expr null_();
ATHANOR_API Expr true_();
ATHANOR_API Expr false_();

ATHANOR_API Expr asc(const Expr& e);
ATHANOR_API Expr desc(const Expr& e);
ATHANOR_API Expr distinct(const Expr& e);
ATHANOR_API Expr cast(const Expr& e, TypePtr type);
/// `EXTRACT(field FROM e)` (SQLAlchemy's extract()): extract("year", t.c("born")). The field
/// is one of year, month, day, hour, minute, second, dow (day of week, Sunday 0), doy (day of
/// year), week, quarter, epoch (case-insensitive; ArgumentError otherwise). SQLite, which has no
/// EXTRACT, renders CAST(STRFTIME(...) AS INTEGER) and refuses the fields STRFTIME lacks.
ATHANOR_API Expr extract(const std::string& field, const Expr& e);
/// `x == any_(subquery)`: x = ANY (SELECT ...), true when it holds for some row; all_() for
/// every row. Written either side of a comparison (any_(q) == x is x = ANY (q)). The argument is
/// a scalar_subquery() or an array-valued expression. SQLite has neither and raises CompileError.
ATHANOR_API Expr any_(const Expr& e);
ATHANOR_API Expr all_(const Expr& e);
/// `e COLLATE collation` (SQLAlchemy's collate()): order_by(collate(t.c("data"), "POSIX")).
ATHANOR_API Expr collate(const Expr& e, std::string collation);
ATHANOR_API Expr cast(const Expr& e, const std::string& type_name);

/// A row value (a, b): tuple_(t.c("a"), t.c("b")).in_({tuple_(1, "x"), tuple_(2, "y")}) or
/// tuple_(a, b) == tuple_(1, 2). Each bound value takes the type of the element it faces.
ATHANOR_API Expr tuple_(std::vector<Expr> elements);
template <class... E>
Expr tuple_(const Expr& first, const E&... rest) {
    return tuple_(std::vector<Expr>{first, Expr(rest)...});
}

/// CASE WHEN c1 THEN r1 ... [ELSE e] END
ATHANOR_API Expr case_(std::vector<std::pair<Expr, Expr>> whens);
ATHANOR_API Expr case_(std::vector<std::pair<Expr, Expr>> whens, const Expr& else_);
/// CASE value WHEN v1 THEN r1 ... [ELSE e] END
ATHANOR_API Expr case_value(const Expr& value, std::vector<std::pair<Expr, Expr>> whens);
ATHANOR_API Expr case_value(const Expr& value, std::vector<std::pair<Expr, Expr>> whens, const Expr& else_);

/// Any SQL function: func("lower", users.c("name")).
ATHANOR_API Expr func(std::string name, std::vector<Expr> args = {});
template <class... A>
    requires(sizeof...(A) > 0)
Expr func(std::string name, const Expr& first, const A&... rest) {
    return func(std::move(name), std::vector<Expr>{first, Expr(rest)...});
}
/// count(*) without an argument.
ATHANOR_API Expr count();
ATHANOR_API Expr count(const Expr& e);
ATHANOR_API Expr sum(const Expr& e);
ATHANOR_API Expr min(const Expr& e);
ATHANOR_API Expr max(const Expr& e);
ATHANOR_API Expr avg(const Expr& e);
ATHANOR_API Expr lower(const Expr& e);
ATHANOR_API Expr upper(const Expr& e);
ATHANOR_API Expr now();
ATHANOR_API Expr coalesce(std::vector<Expr> args);
template <class... A>
Expr coalesce(const Expr& first, const A&... rest) {
    return coalesce(std::vector<Expr>{first, Expr(rest)...});
}
/// The sequence's next value, in the dialect's syntax; with a schema, of the sequence in that
/// schema: next_value(seq.name(), seq.schema()).
ATHANOR_API Expr next_value(std::string sequence_name);
ATHANOR_API Expr next_value(std::string sequence_name, std::string schema);
/// EXISTS (subquery)
ATHANOR_API Expr exists(const Select& subquery);
/// `excluded.<column>` for on_conflict_do_update(set_...).
ATHANOR_API Expr excluded(std::string column);

}  // namespace athanor::sql
