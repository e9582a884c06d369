// Expr handle: operators and builder functions. Plain values compared with a column take the
// column's name as their bind base (users.id == 5 -> :id_1), as SQLAlchemy names them.
#include <athanor/errors.hpp>
#include <athanor/sql/expression.hpp>
#include <athanor/sql/select.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <cctype>

namespace athanor::sql {

namespace {

const BindParamNode* anonymous_literal(const ColumnPtr& node) {
    auto* b = dynamic_cast<const BindParamNode*>(node.get());
    return b && b->anonymous && b->key == "param" ? b : nullptr;
}

/// A literal on one side of an operator takes its name from the other side.
ColumnPtr coerce(const ColumnPtr& value, const ColumnPtr& against) {
    // Row values pair up element by element: tuple_(a, b) == tuple_(1, 2) names :a_1, :b_1.
    const auto* tuple = dynamic_cast<const TupleNode*>(value.get());
    const auto* facing = dynamic_cast<const TupleNode*>(against.get());
    if (tuple && facing && tuple->elements.size() == facing->elements.size()) {
        std::vector<ColumnPtr> elements;
        for (std::size_t i = 0; i < tuple->elements.size(); ++i)
            elements.push_back(coerce(tuple->elements[i], facing->elements[i]));
        return std::make_shared<TupleNode>(std::move(elements));
    }
    if (const auto* b = anonymous_literal(value)) {
        std::string base = against->bind_base();
        if (base == "param") return value;
        // A literal nobody else holds yet (the temporary made from a plain value) is renamed
        // in place: it is not shared, so immutability is not observable, and it saves an allocation.
        if (value.use_count() == 1) {
            const_cast<BindParamNode*>(b)->key = std::move(base);
            return value;
        }
        return b->renamed(std::move(base), true);
    }
    return value;
}

bool is_null_literal(const ColumnPtr& node) {
    if (const auto* b = anonymous_literal(node)) return b->value && b->value->is_null();
    const auto* k = dynamic_cast<const KeywordNode*>(node.get());
    return k && k->kind == KeywordNode::Kind::null;
}

Expr binary(const Expr& a, BinaryOp op, const Expr& b) {
    auto left = coerce(a.node(), b.node());
    auto right = coerce(b.node(), a.node());
    return Expr(std::make_shared<BinaryNode>(std::move(left), op, std::move(right)));
}

Expr comparison(const Expr& a, BinaryOp op, const Expr& b) {
    // any_(q) == x is x = ANY (q): ANY / ALL stand on the right, the operator mirrored.
    if (dynamic_cast<const AnyAllNode*>(a.node().get()) && !dynamic_cast<const AnyAllNode*>(b.node().get())) {
        const BinaryOp mirrored = op == BinaryOp::lt   ? BinaryOp::gt
                                  : op == BinaryOp::gt ? BinaryOp::lt
                                  : op == BinaryOp::le ? BinaryOp::ge
                                  : op == BinaryOp::ge ? BinaryOp::le
                                                       : op;
        return binary(b, mirrored, a);
    }
    // `x == null` is IS NULL, as in SQLAlchemy.
    if ((op == BinaryOp::eq || op == BinaryOp::ne) && is_null_literal(b.node()))
        return Expr(std::make_shared<BinaryNode>(a.node(), op == BinaryOp::eq ? BinaryOp::is : BinaryOp::is_not,
                                                 std::make_shared<KeywordNode>(KeywordNode::Kind::null)));
    return binary(a, op, b);
}

ColumnPtr null_keyword_if_null(const ColumnPtr& node) {
    return is_null_literal(node) ? std::make_shared<KeywordNode>(KeywordNode::Kind::null) : node;
}

std::string escape_like(const std::string& text, char escape) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == escape) out += escape;
        out += c;
    }
    return out;
}

Expr like_with_wildcards(const Expr& self, const std::string& text, bool autoescape, bool before, bool after) {
    const std::optional<char> escape = autoescape ? std::optional<char>('/') : std::nullopt;
    Expr value = literal(autoescape ? escape_like(text, '/') : text);
    ColumnPtr pattern = coerce(value.node(), self.node());
    // The '%' are SQL string literals, as SQLAlchemy renders them: '%' || :x || '%'.
    ColumnPtr wildcard = std::make_shared<TextNode>("'%'");
    if (before) pattern = std::make_shared<BinaryNode>(wildcard, BinaryOp::concat, pattern);
    if (after) pattern = std::make_shared<BinaryNode>(pattern, BinaryOp::concat, wildcard);
    return Expr(std::make_shared<BinaryNode>(self.node(), BinaryOp::like, pattern, std::string(), escape));
}

std::vector<ColumnPtr> nodes(const std::vector<Expr>& exprs) {
    std::vector<ColumnPtr> out;
    out.reserve(exprs.size());
    for (const auto& e : exprs) out.push_back(e.node());
    return out;
}

Expr boolean_list(bool is_and, std::vector<Expr> conditions) {
    std::vector<ColumnPtr> items;
    for (auto& c : conditions) {
        // Flatten and_(a, and_(b, c)) as SQLAlchemy does.
        if (auto* list = dynamic_cast<const BooleanListNode*>(c.node().get()); list && list->is_and == is_and)
            items.insert(items.end(), list->items.begin(), list->items.end());
        else
            items.push_back(c.node());
    }
    if (items.empty()) return is_and ? true_() : false_();
    if (items.size() == 1) return Expr(items.front());
    return Expr(std::make_shared<BooleanListNode>(is_and, std::move(items)));
}

}  // namespace

ColumnPtr Expr::make_literal(Value v) {
    const auto affinity = TypeEngine::affinity_of(v);
    return std::make_shared<BindParamNode>("param", std::move(v), true, affinity);
}

Expr::Expr(const Select& scalar_subquery) : node_(scalar_subquery.scalar_subquery().node()) {}

Expr Expr::in_(std::vector<Value> values) const {
    return Expr(std::make_shared<InNode>(node_, false, std::move(values), std::vector<ColumnPtr>{}, nullptr));
}
Expr Expr::in_(const std::vector<Expr>& expressions) const {
    std::vector<ColumnPtr> items;
    for (const auto& e : expressions) items.push_back(coerce(e.node(), node_));
    if (items.empty()) return in_(std::vector<Value>{});
    return Expr(std::make_shared<InNode>(node_, false, std::vector<Value>{}, std::move(items), nullptr));
}
namespace {
// in_(bindparam("q")): a named bind becomes expanding (SQLAlchemy's coercion of a bindparam()
// given to in_()); anything else is a one-item list.
std::vector<ColumnPtr> in_items(const Expr& e, const ColumnPtr& left) {
    const auto* bind = dynamic_cast<const BindParamNode*>(e.node().get());
    if (!bind || bind->anonymous) return {coerce(e.node(), left)};
    if (bind->expanding) return {e.node()};
    auto expanding = std::const_pointer_cast<BindParamNode>(bind->renamed(bind->key, false));
    expanding->expanding = true;
    return {std::move(expanding)};
}
}  // namespace

Expr Expr::in_(const Expr& expanding_bind) const {
    return Expr(std::make_shared<InNode>(node_, false, std::vector<Value>{}, in_items(expanding_bind, node_), nullptr));
}
Expr Expr::not_in(const Expr& expanding_bind) const {
    return Expr(std::make_shared<InNode>(node_, true, std::vector<Value>{}, in_items(expanding_bind, node_), nullptr));
}
Expr Expr::in_(const Select& subquery) const {
    return Expr(std::make_shared<InNode>(node_, false, std::vector<Value>{}, std::vector<ColumnPtr>{}, subquery.node()));
}
Expr Expr::not_in(std::vector<Value> values) const {
    return Expr(std::make_shared<InNode>(node_, true, std::move(values), std::vector<ColumnPtr>{}, nullptr));
}
Expr Expr::not_in(const std::vector<Expr>& expressions) const {
    std::vector<ColumnPtr> items;
    for (const auto& e : expressions) items.push_back(coerce(e.node(), node_));
    if (items.empty()) return not_in(std::vector<Value>{});
    return Expr(std::make_shared<InNode>(node_, true, std::vector<Value>{}, std::move(items), nullptr));
}
Expr Expr::not_in(const Select& subquery) const {
    return Expr(std::make_shared<InNode>(node_, true, std::vector<Value>{}, std::vector<ColumnPtr>{}, subquery.node()));
}

Expr Expr::like(const Expr& pattern, std::optional<char> escape) const {
    return Expr(std::make_shared<BinaryNode>(node_, BinaryOp::like, coerce(pattern.node(), node_), std::string(), escape));
}
Expr Expr::not_like(const Expr& pattern, std::optional<char> escape) const {
    return Expr(
        std::make_shared<BinaryNode>(node_, BinaryOp::not_like, coerce(pattern.node(), node_), std::string(), escape));
}
Expr Expr::ilike(const Expr& pattern, std::optional<char> escape) const {
    return Expr(std::make_shared<BinaryNode>(node_, BinaryOp::ilike, coerce(pattern.node(), node_), std::string(), escape));
}
Expr Expr::not_ilike(const Expr& pattern, std::optional<char> escape) const {
    return Expr(
        std::make_shared<BinaryNode>(node_, BinaryOp::not_ilike, coerce(pattern.node(), node_), std::string(), escape));
}
Expr Expr::contains(const std::string& text, bool autoescape) const {
    return like_with_wildcards(*this, text, autoescape, true, true);
}
Expr Expr::startswith(const std::string& text, bool autoescape) const {
    return like_with_wildcards(*this, text, autoescape, false, true);
}
Expr Expr::endswith(const std::string& text, bool autoescape) const {
    return like_with_wildcards(*this, text, autoescape, true, false);
}
Expr Expr::between(const Expr& low, const Expr& high) const {
    return Expr(std::make_shared<BetweenNode>(node_, coerce(low.node(), node_), coerce(high.node(), node_), false));
}
Expr Expr::not_between(const Expr& low, const Expr& high) const {
    return Expr(std::make_shared<BetweenNode>(node_, coerce(low.node(), node_), coerce(high.node(), node_), true));
}
Expr Expr::is_(const Expr& other) const {
    return Expr(std::make_shared<BinaryNode>(node_, BinaryOp::is, coerce(null_keyword_if_null(other.node()), node_)));
}
Expr Expr::is_not(const Expr& other) const {
    return Expr(std::make_shared<BinaryNode>(node_, BinaryOp::is_not, coerce(null_keyword_if_null(other.node()), node_)));
}
Expr Expr::is_distinct_from(const Expr& other) const { return binary(*this, BinaryOp::is_distinct_from, other); }
Expr Expr::is_not_distinct_from(const Expr& other) const {
    return binary(*this, BinaryOp::is_not_distinct_from, other);
}
Expr Expr::concat(const Expr& other) const { return binary(*this, BinaryOp::concat, other); }
Expr Expr::op(const std::string& sql_operator, const Expr& other) const {
    return Expr(std::make_shared<BinaryNode>(node_, BinaryOp::custom, coerce(other.node(), node_), sql_operator));
}

namespace {
/// A JSON element with another SQL type to read it as.
Expr json_element_as(const ColumnPtr& node, TypePtr type, const char* accessor) {
    const auto* j = dynamic_cast<const JsonGetNode*>(node.get());
    if (!j)
        throw ArgumentError(std::string(accessor) +
                            "() reads a JSON element: apply it to doc[\"key\"] or doc.json_path({...}) of a JSON column");
    return Expr(std::make_shared<JsonGetNode>(j->json, j->path, j->is_path, std::move(type)));
}

/// The JSON array text of a path: ["key1", 0, "subkey"].
std::string json_path_text(const std::vector<Value>& path) {
    std::string out = "[";
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i) out += ", ";
        const Value& v = path[i];
        if (v.kind() == Value::Kind::integer) {
            out += std::to_string(v.as_int());
        } else if (v.kind() == Value::Kind::text) {
            out += '"';
            for (unsigned char c : v.as_string()) {
                if (c == '"' || c == '\\') {
                    out += '\\';
                    out += static_cast<char>(c);
                } else if (c < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
            }
            out += '"';
        } else {
            throw ArgumentError("a JSON path element is a key (text) or an array index (integer), not " + v.repr());
        }
    }
    return out + "]";
}
}  // namespace

Expr Expr::bitwise_and(const Expr& other) const {
    return binary(*this, BinaryOp::bitwise_and, other);
}
Expr Expr::bitwise_or(const Expr& other) const {
    return binary(*this, BinaryOp::bitwise_or, other);
}
Expr Expr::bitwise_xor(const Expr& other) const {
    return binary(*this, BinaryOp::bitwise_xor, other);
}
Expr Expr::bitwise_not() const { return Expr(std::make_shared<UnaryNode>(UnaryOp::bitwise_not, node_)); }
Expr Expr::bitwise_lshift(const Expr& other) const {
    return binary(*this, BinaryOp::bitwise_lshift, other);
}
Expr Expr::bitwise_rshift(const Expr& other) const {
    return binary(*this, BinaryOp::bitwise_rshift, other);
}
Expr Expr::regexp_match(const Expr& pattern, std::string flags) const {
    return Expr(std::make_shared<RegexpNode>(RegexpNode::Kind::match, node_, coerce(pattern.node(), node_), nullptr,
                                             std::move(flags)));
}
Expr Expr::regexp_replace(const Expr& pattern, const Expr& replacement, std::string flags) const {
    return Expr(std::make_shared<RegexpNode>(RegexpNode::Kind::replace, node_, coerce(pattern.node(), node_),
                                             coerce(replacement.node(), node_), std::move(flags)));
}
Expr Expr::collate(std::string collation) const {
    if (collation.empty()) throw ArgumentError("collate() needs a collation name");
    return Expr(std::make_shared<CollateNode>(node_, std::move(collation)));
}
Expr collate(const Expr& e, std::string collation) { return e.collate(std::move(collation)); }

Expr Expr::operator[](const Value& key_or_index) const {
    if (key_or_index.kind() != Value::Kind::text && key_or_index.kind() != Value::Kind::integer)
        throw ArgumentError("a JSON element is addressed by a key (text) or an array index (integer), not " +
                            key_or_index.repr());
    auto bind = std::make_shared<BindParamNode>("param", key_or_index, true, TypeEngine::affinity_of(key_or_index));
    return Expr(std::make_shared<JsonGetNode>(node_, std::move(bind), false, types::JSON()));
}
Expr Expr::json_path(const std::vector<Value>& path) const {
    if (path.empty()) throw ArgumentError("json_path() needs at least one key or index");
    auto bind = std::make_shared<BindParamNode>("param", Value(json_path_text(path)), true, TypeAffinity::string);
    return Expr(std::make_shared<JsonGetNode>(node_, std::move(bind), true, types::JSON()));
}
Expr Expr::as_string() const { return json_element_as(node_, types::String(), "as_string"); }
Expr Expr::as_integer() const { return json_element_as(node_, types::Integer(), "as_integer"); }
Expr Expr::as_float() const { return json_element_as(node_, types::Float(), "as_float"); }
Expr Expr::as_boolean() const { return json_element_as(node_, types::Boolean(), "as_boolean"); }
Expr Expr::as_numeric(int precision, int scale) const {
    return json_element_as(node_, types::Numeric(precision, scale), "as_numeric");
}
Expr Expr::as_json() const { return json_element_as(node_, types::JSON(), "as_json"); }

Expr Expr::label(std::string name) const { return Expr(std::make_shared<LabelNode>(node_, std::move(name))); }
Expr Expr::asc() const { return Expr(std::make_shared<UnaryNode>(UnaryOp::asc, node_)); }
Expr Expr::desc() const { return Expr(std::make_shared<UnaryNode>(UnaryOp::desc, node_)); }
Expr Expr::nulls_first() const { return Expr(std::make_shared<UnaryNode>(UnaryOp::nulls_first, node_)); }
Expr Expr::nulls_last() const { return Expr(std::make_shared<UnaryNode>(UnaryOp::nulls_last, node_)); }
Expr Expr::distinct() const { return Expr(std::make_shared<UnaryNode>(UnaryOp::distinct, node_)); }
Expr Expr::over(const Window& window) const {
    if (int(window.rows.has_value()) + int(window.range.has_value()) + int(window.groups.has_value()) > 1)
        throw ArgumentError("over(): a window has one frame, ROWS, RANGE or GROUPS; more than one was given");
    auto kind = OverNode::FrameKind::none;
    std::optional<std::int64_t> start, end;
    if (const auto& frame = window.rows ? window.rows : window.range ? window.range : window.groups) {
        kind = window.rows ? OverNode::FrameKind::rows : window.range ? OverNode::FrameKind::range : OverNode::FrameKind::groups;
        start = frame->start;
        end = frame->end;
        if (start && end && *start > *end)
            throw ArgumentError("over(): the frame starts after it ends (" + std::to_string(*start) + " > " +
                                std::to_string(*end) + ")");
    }
    return Expr(std::make_shared<OverNode>(node_, nodes(window.partition_by), nodes(window.order_by), kind, start, end));
}

namespace {
bool is_function(const ColumnPtr& node) {
    return dynamic_cast<const FunctionNode*>(node.get()) || dynamic_cast<const FunctionFilterNode*>(node.get()) ||
           dynamic_cast<const WithinGroupNode*>(node.get());
}
}  // namespace

Expr Expr::filter(const Expr& criterion) const {
    if (const auto* f = dynamic_cast<const FunctionFilterNode*>(node_.get()))
        return Expr(std::make_shared<FunctionFilterNode>(f->function, and_(Expr(f->criterion), criterion).node()));
    if (!is_function(node_)) throw ArgumentError("filter() applies to an aggregate function (count(), sum(), func(...))");
    return Expr(std::make_shared<FunctionFilterNode>(node_, criterion.node()));
}

Expr Expr::within_group(const std::vector<Expr>& order_by) const {
    if (!dynamic_cast<const FunctionNode*>(node_.get()))
        throw ArgumentError("within_group() applies to an ordered-set aggregate function (func(\"percentile_cont\", 0.5))");
    if (order_by.empty()) throw ArgumentError("within_group() needs at least one ORDER BY expression");
    return Expr(std::make_shared<WithinGroupNode>(node_, nodes(order_by)));
}

Expr extract(const std::string& field, const Expr& e) {
    static const char* const fields[] = {"year", "month", "day", "hour", "minute", "second",
                                         "dow", "doy", "week", "quarter", "epoch"};
    std::string lowered;
    for (char ch : field) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (std::find(std::begin(fields), std::end(fields), lowered) == std::end(fields))
        throw ArgumentError("extract(): unknown field '" + field +
                            "'; the fields are year, month, day, hour, minute, second, dow, doy, week, quarter, epoch");
    return Expr(std::make_shared<ExtractNode>(std::move(lowered), e.node()));
}

Expr any_(const Expr& e) { return Expr(std::make_shared<AnyAllNode>(false, e.node())); }
Expr all_(const Expr& e) { return Expr(std::make_shared<AnyAllNode>(true, e.node())); }

Expr operator==(const Expr& a, const Expr& b) { return comparison(a, BinaryOp::eq, b); }
Expr operator!=(const Expr& a, const Expr& b) { return comparison(a, BinaryOp::ne, b); }
Expr operator<(const Expr& a, const Expr& b) { return comparison(a, BinaryOp::lt, b); }
Expr operator<=(const Expr& a, const Expr& b) { return comparison(a, BinaryOp::le, b); }
Expr operator>(const Expr& a, const Expr& b) { return comparison(a, BinaryOp::gt, b); }
Expr operator>=(const Expr& a, const Expr& b) { return comparison(a, BinaryOp::ge, b); }
Expr operator+(const Expr& a, const Expr& b) {
    // Strings concatenate, as SQLAlchemy's String type does with +.
    const bool strings = a.node()->affinity() == TypeAffinity::string && b.node()->affinity() == TypeAffinity::string;
    return binary(a, strings ? BinaryOp::concat : BinaryOp::add, b);
}
Expr operator-(const Expr& a, const Expr& b) { return binary(a, BinaryOp::sub, b); }
Expr operator*(const Expr& a, const Expr& b) { return binary(a, BinaryOp::mul, b); }
Expr operator/(const Expr& a, const Expr& b) { return binary(a, BinaryOp::div, b); }
Expr operator%(const Expr& a, const Expr& b) { return binary(a, BinaryOp::mod, b); }
Expr floordiv(const Expr& a, const Expr& b) { return binary(a, BinaryOp::floordiv, b); }
Expr operator-(const Expr& a) { return Expr(std::make_shared<UnaryNode>(UnaryOp::neg, a.node())); }
Expr operator&(const Expr& a, const Expr& b) { return and_(std::vector<Expr>{a, b}); }
Expr operator|(const Expr& a, const Expr& b) { return or_(std::vector<Expr>{a, b}); }
Expr operator~(const Expr& a) { return not_(a); }
Expr operator!(const Expr& a) { return not_(a); }

Expr and_(std::vector<Expr> conditions) { return boolean_list(true, std::move(conditions)); }
Expr or_(std::vector<Expr> conditions) { return boolean_list(false, std::move(conditions)); }
Expr not_(const Expr& condition) {
    if (auto negated = condition.node()->negation()) return Expr(std::move(negated));
    return Expr(std::make_shared<UnaryNode>(UnaryOp::not_, condition.node()));
}

Expr literal(Value value) {
    const auto affinity = TypeEngine::affinity_of(value);
    return Expr(std::make_shared<BindParamNode>("param", std::move(value), true, affinity));
}
Expr literal(Value value, TypePtr type, bool literal_execute) {
    if (!type) throw ArgumentError("literal(value, type) needs a type");
    const auto affinity = TypeEngine::affinity_of(value);
    return Expr(std::make_shared<BindParamNode>("param", std::move(value), true, affinity, std::move(type), literal_execute));
}
Expr bindparam(std::string name, std::optional<Value> value) {
    if (name.empty()) throw ArgumentError("bindparam() needs a non-empty name");
    const auto affinity = value ? TypeEngine::affinity_of(*value) : TypeAffinity::unknown;
    return Expr(std::make_shared<BindParamNode>(std::move(name), std::move(value), false, affinity));
}
Expr bindparam(std::string name, TypePtr type, std::optional<Value> value) {
    if (name.empty()) throw ArgumentError("bindparam() needs a non-empty name");
    const auto affinity = value ? TypeEngine::affinity_of(*value) : TypeAffinity::unknown;
    return Expr(std::make_shared<BindParamNode>(std::move(name), std::move(value), false, affinity, std::move(type)));
}
Expr bindparam(std::string name, const BindOptions& options) {
    if (name.empty()) throw ArgumentError("bindparam() needs a non-empty name");
    if (options.list && !options.expanding)
        throw ArgumentError("bindparam('" + name + "'): a default list needs .expanding = true");
    if (!options.tuple_types.empty() && !options.expanding)
        throw ArgumentError("bindparam('" + name + "'): tuple types need .expanding = true");
    if (options.expanding && options.value)
        throw ArgumentError("bindparam('" + name + "'): an expanding bind takes a default .list, not a .value");
    const auto affinity = options.value ? TypeEngine::affinity_of(*options.value) : TypeAffinity::unknown;
    auto node = std::make_shared<BindParamNode>(std::move(name), options.value, false, affinity, options.type,
                                                options.literal_execute);
    node->expanding = options.expanding;
    if (options.list) node->list = std::make_shared<const ListParam>(ListParam{*options.list, 1, false});
    node->tuple_types = options.tuple_types;
    return Expr(std::move(node));
}
Expr literal_column(std::string sql) {
    std::string name = sql;
    return Expr(std::make_shared<TextNode>(std::move(sql), std::move(name)));
}
Expr literal_column(std::string sql, TypePtr type) {
    if (!type) throw ArgumentError("literal_column(sql, type) needs a type");
    return type_coerce(literal_column(std::move(sql)), std::move(type));
}
Expr type_coerce(const Expr& e, TypePtr type) {
    if (!type) throw ArgumentError("type_coerce() needs a type");
    return Expr(std::make_shared<TypeCoerceNode>(e.node(), std::move(type)));
}
Expr text_fragment(std::string sql) { return Expr(std::make_shared<TextNode>(std::move(sql))); }
Expr null_() { return Expr(std::make_shared<KeywordNode>(KeywordNode::Kind::null)); }
Expr true_() { return Expr(std::make_shared<KeywordNode>(KeywordNode::Kind::true_)); }
Expr false_() { return Expr(std::make_shared<KeywordNode>(KeywordNode::Kind::false_)); }

Expr asc(const Expr& e) { return e.asc(); }
Expr desc(const Expr& e) { return e.desc(); }
Expr distinct(const Expr& e) { return e.distinct(); }
Expr tuple_(std::vector<Expr> elements) {
    if (elements.empty()) throw ArgumentError("tuple_() needs at least one element");
    return Expr(std::make_shared<TupleNode>(nodes(elements)));
}

Expr cast(const Expr& e, TypePtr type) {
    if (!type) throw ArgumentError("cast() needs a type");
    return Expr(std::make_shared<CastNode>(e.node(), std::move(type)));
}
Expr cast(const Expr& e, const std::string& type_name) { return cast(e, TypeEngine::named(type_name)); }

namespace {
std::vector<std::pair<ColumnPtr, ColumnPtr>> when_nodes(const std::vector<std::pair<Expr, Expr>>& whens) {
    if (whens.empty()) throw ArgumentError("case_() needs at least one WHEN/THEN pair");
    std::vector<std::pair<ColumnPtr, ColumnPtr>> out;
    for (const auto& [cond, result] : whens) out.emplace_back(cond.node(), result.node());
    return out;
}
}  // namespace

Expr case_(std::vector<std::pair<Expr, Expr>> whens) {
    return Expr(std::make_shared<CaseNode>(nullptr, when_nodes(whens), nullptr));
}
Expr case_(std::vector<std::pair<Expr, Expr>> whens, const Expr& else_) {
    return Expr(std::make_shared<CaseNode>(nullptr, when_nodes(whens), else_.node()));
}
Expr case_value(const Expr& value, std::vector<std::pair<Expr, Expr>> whens) {
    return Expr(std::make_shared<CaseNode>(value.node(), when_nodes(whens), nullptr));
}
Expr case_value(const Expr& value, std::vector<std::pair<Expr, Expr>> whens, const Expr& else_) {
    return Expr(std::make_shared<CaseNode>(value.node(), when_nodes(whens), else_.node()));
}

namespace {
Expr function(std::string name, std::vector<Expr> args, TypeAffinity affinity = TypeAffinity::unknown) {
    std::vector<ColumnPtr> arg_nodes;
    for (auto& a : args) {
        ColumnPtr n = a.node();
        // A literal argument takes the function's name as its bind base (lower(:lower_1)).
        if (const auto* b = anonymous_literal(n)) n = b->renamed(name, true);
        arg_nodes.push_back(std::move(n));
    }
    return Expr(std::make_shared<FunctionNode>(std::move(name), std::move(arg_nodes), affinity));
}
}  // namespace

Expr func(std::string name, std::vector<Expr> args) {
    if (name.empty()) throw ArgumentError("func() needs a function name");
    return function(std::move(name), std::move(args));
}
Expr count() { return function("count", {}, TypeAffinity::integer); }
Expr count(const Expr& e) { return function("count", {e}, TypeAffinity::integer); }
Expr sum(const Expr& e) { return function("sum", {e}, e.node()->affinity()); }
Expr min(const Expr& e) { return function("min", {e}, e.node()->affinity()); }
Expr max(const Expr& e) { return function("max", {e}, e.node()->affinity()); }
Expr avg(const Expr& e) { return function("avg", {e}, TypeAffinity::numeric); }
Expr lower(const Expr& e) { return function("lower", {e}, TypeAffinity::string); }
Expr upper(const Expr& e) { return function("upper", {e}, TypeAffinity::string); }
Expr now() { return function("now", {}, TypeAffinity::datetime); }
Expr coalesce(std::vector<Expr> args) {
    const auto affinity = args.empty() ? TypeAffinity::unknown : args.front().node()->affinity();
    return function("coalesce", std::move(args), affinity);
}
Expr next_value(std::string sequence_name) { return Expr(std::make_shared<NextValueNode>(std::move(sequence_name))); }
Expr next_value(std::string sequence_name, std::string schema) {
    return Expr(std::make_shared<NextValueNode>(std::move(sequence_name), std::move(schema)));
}
Expr exists(const Select& subquery) { return subquery.exists(); }
Expr excluded(std::string column) { return Expr(std::make_shared<ExcludedColumnNode>(std::move(column))); }

}  // namespace athanor::sql
