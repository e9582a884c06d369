// athanor/sql/element.hpp — the nodes of the expression tree (SQLAlchemy's ClauseElement family).
//
// Statements and expressions are small immutable trees of shared nodes. Application code
// builds them through the handles in expression.hpp / select.hpp / dml.hpp and never touches
// nodes; dialect authors see them in SqlCompiler::visit_*() overrides. Every node can
//   - accept(compiler): render itself by calling the compiler's visit_* for its kind;
//   - walk(walker):     write its structure into a cache key and yield the values it carries,
//                       in exactly the order the compiler renders them (so anonymous bind
//                       names such as `id_1` agree between compile() and bound_values()).
//
// Example (what a visit_* override sees):
//   void visit_binary(const BinaryNode& b) override { ... b.left ... b.op ... b.right ... }
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/type_engine.hpp>
#include <athanor/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace athanor::sql {

class SqlCompiler;
class Walker;
class FromClause;
class SelectBaseNode;
class Column;

class ATHANOR_API ClauseElement {
public:
    virtual ~ClauseElement();
    /// Renders through the compiler's visit_* for this node kind.
    virtual void accept(SqlCompiler& compiler) const = 0;
    /// Structure into the cache key, carried values into the statement values (render order).
    virtual void walk(Walker& walker) const = 0;
};
using ElementPtr = std::shared_ptr<const ClauseElement>;
using FromPtr = std::shared_ptr<const FromClause>;

/// Operator precedence, after SQLAlchemy's table: a child binding less tightly than its
/// parent is parenthesised.
namespace prec {
inline constexpr int or_ = 2, and_ = 3, not_ = 4, comparison = 5, concat = 6, additive = 7, multiplicative = 8,
                     unary = 9, atom = 100;
/// The bitwise operators (& | ^ << >>): below + and -, above comparisons, which is where
/// PostgreSQL and SQLite both put them; two of them side by side are always parenthesised.
inline constexpr int bitwise = concat;
}

/// Something with a value: columns, literals, operators, functions, scalar subqueries.
class ATHANOR_API ColumnElement : public ClauseElement {
public:
    virtual int precedence() const { return prec::atom; }
    virtual TypeAffinity affinity() const { return TypeAffinity::unknown; }
    /// Adds the FROM objects this expression refers to (tables of columns), without duplicates.
    virtual void collect_froms(std::vector<FromPtr>& out) const;
    /// Base for anonymous names: bind parameters compared with `users.id` are `id_1`, ...
    virtual std::string bind_base() const { return "param"; }
    /// The column name it gets in a SELECT list; "" when it needs an anonymous label.
    virtual std::string result_name() const { return ""; }
    /// Base of the anonymous label in a SELECT list (`count_1`, `anon_1`).
    virtual std::string anon_label_base() const { return "anon"; }
    /// The logical negation when one exists without NOT (a = b -> a != b); nullptr otherwise.
    virtual std::shared_ptr<const ColumnElement> negation() const { return nullptr; }
};
using ColumnPtr = std::shared_ptr<const ColumnElement>;

void add_from(std::vector<FromPtr>& out, const FromPtr& from);

/// A column of a table, alias, subquery or CTE: `users.id`.
class ATHANOR_API ColumnNode final : public ColumnElement {
public:
    ColumnNode(FromPtr from, std::string name, TypePtr type, const Column* schema_column = nullptr);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return type ? type->affinity() : TypeAffinity::unknown; }
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::string bind_base() const override { return name; }
    std::string result_name() const override { return name; }

    FromPtr from;
    std::string name;
    TypePtr type;
    const Column* schema_column;  // set for a Table's own columns (keys, foreign keys)
};

/// A bound parameter: the value is carried and sent separately, never spliced into SQL.
/// With an explicit `type` (literal(v, type), bindparam(name, type)) the value is processed
/// as that type whatever it faces, and a SELECT of it reads back through that type. With
/// `literal_execute` the value is rendered into the SQL as a literal of its type (the
/// dialect's bind processor, then SqlCompiler::render_literal_value) instead of being bound;
/// the value is then part of the statement's cache key.
class ATHANOR_API BindParamNode final : public ColumnElement {
public:
    BindParamNode(std::string key, std::optional<Value> value, bool anonymous, TypeAffinity affinity,
                  TypePtr type = nullptr, bool literal_execute = false);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return affinity_; }
    /// The same bind (value, type, literal_execute) under another key.
    std::shared_ptr<const BindParamNode> renamed(std::string new_key, bool now_anonymous) const;

    std::string key;  // the exact key, or the base of an anonymous name (`id` -> `id_1`)
    std::optional<Value> value;
    bool anonymous;
    TypeAffinity affinity_;
    TypePtr type;                  // nullptr: the type of what it faces (or of its value)
    bool literal_execute = false;  // rendered as a literal, never bound
    /// An expanding bind (bindparam(name, {.expanding = true}), or a named bind given to in_()):
    /// its value is a list (Params::set_list/set_tuples, else `list`) rendered at execution as
    /// one placeholder per value, so one compiled form serves lists of any length. A named
    /// literal_execute bind is likewise rendered at execution, as a literal.
    bool expanding = false;
    std::shared_ptr<const ListParam> list;  // the default list of an expanding bind, if any
    std::vector<TypePtr> tuple_types;       // per tuple element (a heterogeneous tuple IN), if given
};

/// Literal SQL text: literal_column("x"), text fragments, `*`.
class ATHANOR_API TextNode final : public ColumnElement {
public:
    TextNode(std::string text, std::string result_name = {});
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    std::string result_name() const override { return name; }

    std::string text;
    std::string name;
};

/// NULL, TRUE, FALSE as keywords (TRUE/FALSE render per dialect, 1/0 on some).
class ATHANOR_API KeywordNode final : public ColumnElement {
public:
    enum class Kind { null, true_, false_ };
    explicit KeywordNode(Kind kind) : kind(kind) {}
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return kind == Kind::null ? TypeAffinity::unknown : TypeAffinity::boolean; }
    std::shared_ptr<const ColumnElement> negation() const override;

    Kind kind;
};

enum class BinaryOp {
    eq, ne, lt, le, gt, ge,
    add, sub, mul, div, mod, concat,
    floordiv,  // SQLAlchemy's `//`: `a / b` for integers where `/` truncates, FLOOR(a / b) otherwise
    like, not_like, ilike, not_ilike,
    is, is_not, is_distinct_from, is_not_distinct_from,
    custom,
    // SQLAlchemy 2.0's bitwise_and / bitwise_or / bitwise_xor / bitwise_lshift / bitwise_rshift
    bitwise_and, bitwise_or, bitwise_xor, bitwise_lshift, bitwise_rshift
};

/// `left op right`, for comparisons, arithmetic, LIKE (with optional ESCAPE), IS, custom ops.
class ATHANOR_API BinaryNode final : public ColumnElement {
public:
    BinaryNode(ColumnPtr left, BinaryOp op, ColumnPtr right, std::string custom_op = {},
               std::optional<char> escape = std::nullopt);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override;
    TypeAffinity affinity() const override;
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::shared_ptr<const ColumnElement> negation() const override;
    /// Integer / integer: rendered as true division (the right side cast to a numeric type).
    bool is_true_division() const;

    ColumnPtr left;
    BinaryOp op;
    ColumnPtr right;
    std::string custom_op;
    std::optional<char> escape;
};

/// " = ", " + ", " LIKE " ... (custom ops give their own text).
ATHANOR_API std::string_view binary_operator_text(BinaryOp op);

enum class UnaryOp { not_, neg, distinct, asc, desc, nulls_first, nulls_last, bitwise_not };

class ATHANOR_API UnaryNode final : public ColumnElement {
public:
    UnaryNode(UnaryOp op, ColumnPtr operand);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override;
    TypeAffinity affinity() const override;
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::string result_name() const override;
    std::shared_ptr<const ColumnElement> negation() const override;

    UnaryOp op;
    ColumnPtr operand;
};

/// and_(...) / or_(...).
class ATHANOR_API BooleanListNode final : public ColumnElement {
public:
    BooleanListNode(bool is_and, std::vector<ColumnPtr> items);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override { return is_and ? prec::and_ : prec::or_; }
    TypeAffinity affinity() const override { return TypeAffinity::boolean; }
    void collect_froms(std::vector<FromPtr>& out) const override;

    bool is_and;
    std::vector<ColumnPtr> items;
};

/// x [NOT] IN (values...) | (expressions...) | (SELECT ...). A list of values expands to one
/// bind per value (`id_1_1, id_1_2`); an empty list renders the dialect's empty-set expression.
class ATHANOR_API InNode final : public ColumnElement {
public:
    InNode(ColumnPtr left, bool negated, std::vector<Value> values, std::vector<ColumnPtr> items,
           std::shared_ptr<const SelectBaseNode> subquery);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override { return prec::comparison; }
    TypeAffinity affinity() const override { return TypeAffinity::boolean; }
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::shared_ptr<const ColumnElement> negation() const override;

    ColumnPtr left;
    bool negated;
    std::vector<Value> values;
    std::vector<ColumnPtr> items;
    std::shared_ptr<const SelectBaseNode> subquery;
    bool expanding() const { return !subquery && items.empty(); }
};

class ATHANOR_API BetweenNode final : public ColumnElement {
public:
    BetweenNode(ColumnPtr expr, ColumnPtr low, ColumnPtr high, bool negated);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override { return prec::comparison; }
    TypeAffinity affinity() const override { return TypeAffinity::boolean; }
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::shared_ptr<const ColumnElement> negation() const override;

    ColumnPtr expr, low, high;
    bool negated;
};

/// name(args...); count() with no argument is count(*).
class ATHANOR_API FunctionNode final : public ColumnElement {
public:
    FunctionNode(std::string name, std::vector<ColumnPtr> args, TypeAffinity affinity = TypeAffinity::unknown);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return affinity_; }
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::string bind_base() const override { return name; }
    std::string anon_label_base() const override { return name; }

    std::string name;
    std::vector<ColumnPtr> args;
    TypeAffinity affinity_;
};

class ATHANOR_API LabelNode final : public ColumnElement {
public:
    LabelNode(ColumnPtr element, std::string name);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return element->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override { element->collect_froms(out); }
    std::string result_name() const override { return name; }
    std::string bind_base() const override { return element->bind_base(); }

    ColumnPtr element;
    std::string name;
};

/// CASE [value] WHEN .. THEN .. [ELSE ..] END
class ATHANOR_API CaseNode final : public ColumnElement {
public:
    CaseNode(ColumnPtr value, std::vector<std::pair<ColumnPtr, ColumnPtr>> whens, ColumnPtr else_);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    void collect_froms(std::vector<FromPtr>& out) const override;
    TypeAffinity affinity() const override;

    ColumnPtr value;  // may be null
    std::vector<std::pair<ColumnPtr, ColumnPtr>> whens;
    ColumnPtr else_;  // may be null
};

class ATHANOR_API CastNode final : public ColumnElement {
public:
    CastNode(ColumnPtr element, TypePtr type);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return type->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override { element->collect_froms(out); }
    std::string result_name() const override { return element->result_name(); }

    ColumnPtr element;
    TypePtr type;
};

/// An expression given a SQL type without a CAST (SQLAlchemy's type_coerce()): it renders as
/// its element, reports `type` to the compiler (result processor, the type binds facing it
/// take), and a bound value inside it is processed as `type`.
class ATHANOR_API TypeCoerceNode final : public ColumnElement {
public:
    TypeCoerceNode(ColumnPtr element, TypePtr type);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override { return element->precedence(); }
    TypeAffinity affinity() const override { return type->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override { element->collect_froms(out); }
    std::string result_name() const override { return element->result_name(); }
    std::string bind_base() const override { return element->bind_base(); }

    ColumnPtr element;
    TypePtr type;
};

/// `element COLLATE name` (collate()): the collation name is quoted by the dialect's
/// identifier rules, so a name that needs quoting (PostgreSQL's "POSIX") is quoted.
class ATHANOR_API CollateNode final : public ColumnElement {
public:
    CollateNode(ColumnPtr element, std::string collation);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override { return prec::unary; }
    TypeAffinity affinity() const override { return element->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override { element->collect_froms(out); }
    std::string result_name() const override { return element->result_name(); }
    std::string bind_base() const override { return element->bind_base(); }

    ColumnPtr element;
    std::string collation;
};

/// A regular-expression match or replacement (Expr::regexp_match / regexp_replace), as
/// SQLAlchemy's: the pattern (and replacement) are expressions, usually bound strings; `flags`
/// are the database's own flag letters ("i": case-insensitive), rendered as a literal. The
/// generic compiler refuses both (there is no standard syntax); PostgreSQL renders `~`, `!~`,
/// `~*` and REGEXP_REPLACE(), SQLite `REGEXP` (the plugin registers the function).
class ATHANOR_API RegexpNode final : public ColumnElement {
public:
    enum class Kind { match, not_match, replace };
    RegexpNode(Kind kind, ColumnPtr element, ColumnPtr pattern, ColumnPtr replacement, std::string flags);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    int precedence() const override { return kind == Kind::replace ? prec::atom : prec::comparison; }
    TypeAffinity affinity() const override {
        return kind == Kind::replace ? TypeAffinity::string : TypeAffinity::boolean;
    }
    void collect_froms(std::vector<FromPtr>& out) const override;
    /// A match's negation is the not-match of the same pattern, and the other way round.
    std::shared_ptr<const ColumnElement> negation() const override;

    Kind kind;
    ColumnPtr element;
    ColumnPtr pattern;
    ColumnPtr replacement;  // null unless kind == replace
    std::string flags;
};

/// `agg(...) FILTER (WHERE criterion)` (Expr::filter, SQLAlchemy's FunctionElement.filter):
/// the aggregate over the rows the criterion holds for.
class ATHANOR_API FunctionFilterNode final : public ColumnElement {
public:
    FunctionFilterNode(ColumnPtr function, ColumnPtr criterion);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return function->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::string anon_label_base() const override { return function->anon_label_base(); }

    ColumnPtr function;
    ColumnPtr criterion;
};

/// `agg(...) WITHIN GROUP (ORDER BY ...)` (Expr::within_group): an ordered-set aggregate such as
/// percentile_cont(0.5) or mode().
class ATHANOR_API WithinGroupNode final : public ColumnElement {
public:
    WithinGroupNode(ColumnPtr function, std::vector<ColumnPtr> order_by);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return function->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::string anon_label_base() const override { return function->anon_label_base(); }

    ColumnPtr function;
    std::vector<ColumnPtr> order_by;
};

/// `EXTRACT(field FROM expr)` (extract()): a date/time field as an integer. `field` is one of
/// the names in sql::extract's documentation, checked when it is built.
class ATHANOR_API ExtractNode final : public ColumnElement {
public:
    ExtractNode(std::string field, ColumnPtr element);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return TypeAffinity::integer; }
    void collect_froms(std::vector<FromPtr>& out) const override { element->collect_froms(out); }
    std::string anon_label_base() const override { return "anon"; }

    std::string field;  // lower case
    ColumnPtr element;
};

/// `ANY (expr)` / `ALL (expr)` (any_() / all_()) on the right of a comparison: `expr` is a
/// subquery (x = ANY (SELECT ...)) or an array-valued expression.
class ATHANOR_API AnyAllNode final : public ColumnElement {
public:
    AnyAllNode(bool all, ColumnPtr element);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    void collect_froms(std::vector<FromPtr>& out) const override { element->collect_froms(out); }

    bool all;
    ColumnPtr element;
};

/// An element of a JSON value: json[key], json[index] or the path json[(k1, k2, ...)], with
/// the SQL type the caller reads it as (JSON itself, or String/Integer/Float/Boolean/Numeric
/// through as_string() ... as_numeric()). `path` is one bound value: the key (text) or index
/// (integer) for an index, a JSON array of keys/indexes for a path; the dialect's compiler
/// renders it (PostgreSQL -> / ->> / #> / #>>, SQLite JSON_EXTRACT) and converts the bound
/// value with a bind processor, so the statement caches like any other.
class ATHANOR_API JsonGetNode final : public ColumnElement {
public:
    JsonGetNode(ColumnPtr json, ColumnPtr path, bool is_path, TypePtr type);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return type->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override { json->collect_froms(out); }

    ColumnPtr json;
    ColumnPtr path;  // a BindParamNode
    bool is_path;
    TypePtr type;
};

/// (a, b, ...): a row value, compared or tested with IN as a whole (tuple_()).
class ATHANOR_API TupleNode final : public ColumnElement {
public:
    explicit TupleNode(std::vector<ColumnPtr> elements);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    void collect_froms(std::vector<FromPtr>& out) const override;

    std::vector<ColumnPtr> elements;
};

/// A window function: fn(...) OVER (PARTITION BY ... ORDER BY ...).
class ATHANOR_API OverNode final : public ColumnElement {
public:
    enum class FrameKind { none, rows, range, groups };
    OverNode(ColumnPtr element, std::vector<ColumnPtr> partition_by, std::vector<ColumnPtr> order_by,
             FrameKind frame = FrameKind::none, std::optional<std::int64_t> frame_start = std::nullopt,
             std::optional<std::int64_t> frame_end = std::nullopt);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return element->affinity(); }
    void collect_froms(std::vector<FromPtr>& out) const override;
    std::string anon_label_base() const override { return "anon"; }

    ColumnPtr element;
    std::vector<ColumnPtr> partition_by, order_by;
    FrameKind frame;
    std::optional<std::int64_t> frame_start, frame_end;  // see sql::Frame
};

/// (SELECT ...) used as a value; correlates automatically with the enclosing SELECT.
class ATHANOR_API ScalarSelectNode final : public ColumnElement {
public:
    explicit ScalarSelectNode(std::shared_ptr<const SelectBaseNode> select);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;

    std::shared_ptr<const SelectBaseNode> select;
};

/// EXISTS (SELECT ...)
class ATHANOR_API ExistsNode final : public ColumnElement {
public:
    ExistsNode(std::shared_ptr<const SelectBaseNode> select, bool negated = false);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return TypeAffinity::boolean; }
    int precedence() const override { return negated ? prec::not_ : prec::atom; }
    std::shared_ptr<const ColumnElement> negation() const override;

    std::shared_ptr<const SelectBaseNode> select;
    bool negated;
};

/// The next value of a sequence; syntax per dialect (NEXT VALUE FOR s, nextval('s'), s.NEXTVAL).
class ATHANOR_API NextValueNode final : public ColumnElement {
public:
    explicit NextValueNode(std::string sequence, std::string schema = {});
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    TypeAffinity affinity() const override { return TypeAffinity::integer; }
    std::string anon_label_base() const override { return "next_value"; }

    std::string sequence;
    std::string schema;  // "" for the search path / default schema
};

/// `excluded.col` inside ON CONFLICT DO UPDATE.
class ATHANOR_API ExcludedColumnNode final : public ColumnElement {
public:
    explicit ExcludedColumnNode(std::string name);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    std::string bind_base() const override { return name; }

    std::string name;
};

/// Assigns anonymous bind names (`id_1`, `id_2`, `param_1`) in render order; shared by the
/// compiler and by Walker so both produce the same names.
class ATHANOR_API BindNamer {
public:
    std::string next(std::string_view base);

private:
    std::vector<std::pair<std::string, int>> counters_;
};

/// Cache-key writer and value collector (see the file comment). The key is a 112-bit hash of
/// the tokens (two 64-bit lanes, each token length-prefixed), not their text: hashing a token
/// costs less than appending it, and the engine's cache then hashes and compares 15 bytes
/// instead of a ~100-byte string. finish() writes it into the string given to the constructor.
class ATHANOR_API Walker {
public:
    Walker(std::string* key, Params* values) : key_(key), values_(values) {}

    void token(std::string_view t) {
        if (key_) mix_bytes(t);
    }
    void number(std::int64_t n);
    bool wants_values() const { return values_ != nullptr; }
    /// A bind parameter as BindParamNode renders it.
    void bind(const BindParamNode& b);
    /// An explicitly named value (insert/update column keys, expanded IN elements).
    void named_value(const std::string& name, const Value* value);
    /// A type into the cache key: its kind and parameters, and its C++ class when it is a
    /// subclass (whose overrides may render or process differently).
    void type(const TypeEngine& type);
    BindNamer& namer() { return namer_; }

    /// CTEs render once, at their first reference; returns true the first time.
    bool first_visit_cte(const std::string& name);
    /// The FROM objects of enclosing SELECTs, for auto-correlation.
    std::vector<const FromClause*>& enclosing_froms() { return enclosing_; }
    /// Writes the key (15 bytes, the first one 0 so it never equals a text key) after the walk.
    void finish();

private:
    void mix(std::uint64_t word) {
        h1_ = rotate(h1_ ^ word, 29) * 0x9E3779B97F4A7C15ull;
        h2_ = (rotate(h2_ + word, 37) ^ 0x2545F4914F6CDD1Dull) * 0xC2B2AE3D27D4EB4Full;
    }
    static std::uint64_t rotate(std::uint64_t v, int n) { return (v << n) | (v >> (64 - n)); }
    void mix_bytes(std::string_view bytes);

    std::uint64_t h1_ = 0x243F6A8885A308D3ull;
    std::uint64_t h2_ = 0x13198A2E03707344ull;
    std::string* key_;
    Params* values_;
    BindNamer namer_;
    std::vector<std::string> ctes_;
    std::vector<const FromClause*> enclosing_;
};

}  // namespace athanor::sql
