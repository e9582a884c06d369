// Column-element nodes: construction, dispatch to the compiler, and the cache-key/value walk.
// Each walk() visits children in the order the matching SqlCompiler::visit_* renders them.
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/element.hpp>
#include <athanor/sql/select.hpp>
#include <athanor/sql/selectable.hpp>

#include <algorithm>
#include <cstring>
#include <typeinfo>

namespace athanor::sql {

ClauseElement::~ClauseElement() = default;

void ColumnElement::collect_froms(std::vector<FromPtr>&) const {}

void add_from(std::vector<FromPtr>& out, const FromPtr& from) {
    if (!from) return;
    for (const auto& f : out)
        if (f.get() == from.get()) return;
    out.push_back(from);
}

namespace {
void collect_all(const std::vector<ColumnPtr>& items, std::vector<FromPtr>& out) {
    for (const auto& i : items)
        if (i) i->collect_froms(out);
}
void walk_all(const std::vector<ColumnPtr>& items, Walker& w) {
    w.number(static_cast<std::int64_t>(items.size()));
    for (const auto& i : items) i->walk(w);
}
}  // namespace

// ---- ColumnNode ---------------------------------------------------------------------
ColumnNode::ColumnNode(FromPtr from, std::string name, TypePtr type, const Column* schema_column)
    : from(std::move(from)), name(std::move(name)), type(std::move(type)), schema_column(schema_column) {}
void ColumnNode::accept(SqlCompiler& c) const { c.visit_column(*this); }
void ColumnNode::walk(Walker& w) const {
    w.token("c");
    w.token(from ? std::string_view(from->name()) : std::string_view());
    w.token(name);
    // The type decides the compiled statement's processors, so it is part of the shape.
    if (type) w.type(*type);
}
void ColumnNode::collect_froms(std::vector<FromPtr>& out) const { add_from(out, from); }

// ---- BindParamNode ------------------------------------------------------------------
BindParamNode::BindParamNode(std::string key, std::optional<Value> value, bool anonymous, TypeAffinity affinity,
                             TypePtr type, bool literal_execute)
    : key(std::move(key)),
      value(std::move(value)),
      anonymous(anonymous),
      affinity_(type ? type->affinity() : affinity),
      type(std::move(type)),
      literal_execute(literal_execute) {}
std::shared_ptr<const BindParamNode> BindParamNode::renamed(std::string new_key, bool now_anonymous) const {
    auto copy = std::make_shared<BindParamNode>(std::move(new_key), value, now_anonymous, affinity_, type, literal_execute);
    copy->expanding = expanding;
    copy->list = list;
    copy->tuple_types = tuple_types;
    return copy;
}
void BindParamNode::accept(SqlCompiler& c) const { c.visit_bind_param(*this); }
void BindParamNode::walk(Walker& w) const { w.bind(*this); }

// ---- TextNode / KeywordNode ---------------------------------------------------------
TextNode::TextNode(std::string text, std::string result_name) : text(std::move(text)), name(std::move(result_name)) {}
void TextNode::accept(SqlCompiler& c) const { c.visit_text(*this); }
void TextNode::walk(Walker& w) const {
    w.token("t");
    w.token(text);
}
void KeywordNode::accept(SqlCompiler& c) const { c.visit_keyword(*this); }
void KeywordNode::walk(Walker& w) const { w.number(100 + static_cast<int>(kind)); }
std::shared_ptr<const ColumnElement> KeywordNode::negation() const {
    if (kind == Kind::true_) return std::make_shared<KeywordNode>(Kind::false_);
    if (kind == Kind::false_) return std::make_shared<KeywordNode>(Kind::true_);
    return nullptr;
}

// ---- BinaryNode ---------------------------------------------------------------------
BinaryNode::BinaryNode(ColumnPtr left, BinaryOp op, ColumnPtr right, std::string custom_op, std::optional<char> escape)
    : left(std::move(left)), op(op), right(std::move(right)), custom_op(std::move(custom_op)), escape(escape) {}
void BinaryNode::accept(SqlCompiler& c) const { c.visit_binary(*this); }
void BinaryNode::walk(Walker& w) const {
    w.token("bin");
    w.number(static_cast<int>(op));
    if (op == BinaryOp::custom) w.token(custom_op);
    if (escape) w.token(std::string(1, *escape));
    left->walk(w);
    right->walk(w);
}
int BinaryNode::precedence() const {
    switch (op) {
        case BinaryOp::add:
        case BinaryOp::sub: return prec::additive;
        case BinaryOp::mul:
        case BinaryOp::div:
        case BinaryOp::floordiv:
        case BinaryOp::mod: return prec::multiplicative;
        case BinaryOp::concat: return prec::concat;
        case BinaryOp::bitwise_and:
        case BinaryOp::bitwise_or:
        case BinaryOp::bitwise_xor:
        case BinaryOp::bitwise_lshift:
        case BinaryOp::bitwise_rshift: return prec::bitwise;
        default: return prec::comparison;
    }
}
TypeAffinity BinaryNode::affinity() const {
    switch (op) {
        case BinaryOp::add:
        case BinaryOp::sub:
        case BinaryOp::mul:
        case BinaryOp::mod: {
            const auto l = left->affinity();
            return l == TypeAffinity::unknown ? right->affinity() : l;
        }
        case BinaryOp::div:
            return is_true_division() ? TypeAffinity::numeric : left->affinity();
        case BinaryOp::floordiv: return left->affinity();
        case BinaryOp::bitwise_and:
        case BinaryOp::bitwise_or:
        case BinaryOp::bitwise_xor:
        case BinaryOp::bitwise_lshift:
        case BinaryOp::bitwise_rshift: return TypeAffinity::integer;
        case BinaryOp::concat: return TypeAffinity::string;
        case BinaryOp::custom: return TypeAffinity::unknown;
        default: return TypeAffinity::boolean;
    }
}
bool BinaryNode::is_true_division() const {
    return op == BinaryOp::div && left->affinity() == TypeAffinity::integer &&
           right->affinity() == TypeAffinity::integer;
}
void BinaryNode::collect_froms(std::vector<FromPtr>& out) const {
    left->collect_froms(out);
    right->collect_froms(out);
}
std::shared_ptr<const ColumnElement> BinaryNode::negation() const {
    static constexpr std::pair<BinaryOp, BinaryOp> opposites[] = {
        {BinaryOp::eq, BinaryOp::ne},      {BinaryOp::lt, BinaryOp::ge},
        {BinaryOp::gt, BinaryOp::le},      {BinaryOp::like, BinaryOp::not_like},
        {BinaryOp::ilike, BinaryOp::not_ilike}, {BinaryOp::is, BinaryOp::is_not},
        {BinaryOp::is_distinct_from, BinaryOp::is_not_distinct_from}};
    for (const auto& [a, b] : opposites) {
        if (op == a) return std::make_shared<BinaryNode>(left, b, right, custom_op, escape);
        if (op == b) return std::make_shared<BinaryNode>(left, a, right, custom_op, escape);
    }
    return nullptr;
}

std::string_view binary_operator_text(BinaryOp op) {
    switch (op) {
        case BinaryOp::eq: return " = ";
        case BinaryOp::ne: return " != ";
        case BinaryOp::lt: return " < ";
        case BinaryOp::le: return " <= ";
        case BinaryOp::gt: return " > ";
        case BinaryOp::ge: return " >= ";
        case BinaryOp::add: return " + ";
        case BinaryOp::sub: return " - ";
        case BinaryOp::mul: return " * ";
        case BinaryOp::div:
        case BinaryOp::floordiv: return " / ";
        case BinaryOp::mod: return " % ";
        case BinaryOp::concat: return " || ";
        case BinaryOp::like: return " LIKE ";
        case BinaryOp::not_like: return " NOT LIKE ";
        case BinaryOp::ilike: return " ILIKE ";
        case BinaryOp::not_ilike: return " NOT ILIKE ";
        case BinaryOp::is: return " IS ";
        case BinaryOp::is_not: return " IS NOT ";
        case BinaryOp::is_distinct_from: return " IS DISTINCT FROM ";
        case BinaryOp::is_not_distinct_from: return " IS NOT DISTINCT FROM ";
        case BinaryOp::bitwise_and: return " & ";
        case BinaryOp::bitwise_or: return " | ";
        case BinaryOp::bitwise_xor: return " ^ ";
        case BinaryOp::bitwise_lshift: return " << ";
        case BinaryOp::bitwise_rshift: return " >> ";
        case BinaryOp::custom: break;
    }
    return " ";
}

// ---- UnaryNode ----------------------------------------------------------------------
UnaryNode::UnaryNode(UnaryOp op, ColumnPtr operand) : op(op), operand(std::move(operand)) {}
void UnaryNode::accept(SqlCompiler& c) const { c.visit_unary(*this); }
void UnaryNode::walk(Walker& w) const {
    w.token("u");
    w.number(static_cast<int>(op));
    operand->walk(w);
}
int UnaryNode::precedence() const {
    switch (op) {
        case UnaryOp::not_: return prec::not_;
        case UnaryOp::neg:
        case UnaryOp::bitwise_not: return prec::unary;
        case UnaryOp::distinct: return prec::comparison;
        default: return prec::atom;
    }
}
TypeAffinity UnaryNode::affinity() const {
    return op == UnaryOp::not_ ? TypeAffinity::boolean : operand->affinity();
}
void UnaryNode::collect_froms(std::vector<FromPtr>& out) const { operand->collect_froms(out); }
std::string UnaryNode::result_name() const {
    return op == UnaryOp::not_ || op == UnaryOp::neg || op == UnaryOp::bitwise_not ? std::string()
                                                                                   : operand->result_name();
}
std::shared_ptr<const ColumnElement> UnaryNode::negation() const {
    return op == UnaryOp::not_ ? operand : nullptr;
}

// ---- BooleanListNode ----------------------------------------------------------------
BooleanListNode::BooleanListNode(bool is_and, std::vector<ColumnPtr> items) : is_and(is_and), items(std::move(items)) {}
void BooleanListNode::accept(SqlCompiler& c) const { c.visit_boolean_list(*this); }
void BooleanListNode::walk(Walker& w) const {
    w.token(is_and ? "and" : "or");
    walk_all(items, w);
}
void BooleanListNode::collect_froms(std::vector<FromPtr>& out) const { collect_all(items, out); }

// ---- InNode -------------------------------------------------------------------------
InNode::InNode(ColumnPtr left, bool negated, std::vector<Value> values, std::vector<ColumnPtr> items,
               std::shared_ptr<const SelectBaseNode> subquery)
    : left(std::move(left)), negated(negated), values(std::move(values)), items(std::move(items)),
      subquery(std::move(subquery)) {}
void InNode::accept(SqlCompiler& c) const { c.visit_in(*this); }
void InNode::walk(Walker& w) const {
    w.token(negated ? "notin" : "in");
    left->walk(w);
    if (subquery) {
        w.token("sub");
        subquery->walk(w);
    } else if (!items.empty()) {
        walk_all(items, w);
    } else {
        // Only empty or not: a list is rendered at execution (an expanding bind), so lists of
        // any length share one compiled form.
        w.token(values.empty() ? "exp0" : "exp");
        if (values.empty()) return;
        const std::string name = w.namer().next(left->bind_base());
        if (!w.wants_values()) return;
        for (std::size_t i = 0; i < values.size(); ++i)
            w.named_value(name + "_" + std::to_string(i + 1), &values[i]);
    }
}
void InNode::collect_froms(std::vector<FromPtr>& out) const {
    left->collect_froms(out);
    collect_all(items, out);
}
std::shared_ptr<const ColumnElement> InNode::negation() const {
    return std::make_shared<InNode>(left, !negated, values, items, subquery);
}

// ---- BetweenNode --------------------------------------------------------------------
BetweenNode::BetweenNode(ColumnPtr expr, ColumnPtr low, ColumnPtr high, bool negated)
    : expr(std::move(expr)), low(std::move(low)), high(std::move(high)), negated(negated) {}
void BetweenNode::accept(SqlCompiler& c) const { c.visit_between(*this); }
void BetweenNode::walk(Walker& w) const {
    w.token(negated ? "nbetween" : "between");
    expr->walk(w);
    low->walk(w);
    high->walk(w);
}
void BetweenNode::collect_froms(std::vector<FromPtr>& out) const {
    expr->collect_froms(out);
    low->collect_froms(out);
    high->collect_froms(out);
}
std::shared_ptr<const ColumnElement> BetweenNode::negation() const {
    return std::make_shared<BetweenNode>(expr, low, high, !negated);
}

// ---- FunctionNode / LabelNode -------------------------------------------------------
FunctionNode::FunctionNode(std::string name, std::vector<ColumnPtr> args, TypeAffinity affinity)
    : name(std::move(name)), args(std::move(args)), affinity_(affinity) {}
void FunctionNode::accept(SqlCompiler& c) const { c.visit_function(*this); }
void FunctionNode::walk(Walker& w) const {
    w.token("f");
    w.token(name);
    walk_all(args, w);
}
void FunctionNode::collect_froms(std::vector<FromPtr>& out) const { collect_all(args, out); }

CollateNode::CollateNode(ColumnPtr element, std::string collation)
    : element(std::move(element)), collation(std::move(collation)) {}
void CollateNode::accept(SqlCompiler& c) const { c.visit_collate(*this); }
void CollateNode::walk(Walker& w) const {
    w.token("collate");
    w.token(collation);
    element->walk(w);
}

RegexpNode::RegexpNode(Kind kind, ColumnPtr element, ColumnPtr pattern, ColumnPtr replacement, std::string flags)
    : kind(kind), element(std::move(element)), pattern(std::move(pattern)), replacement(std::move(replacement)),
      flags(std::move(flags)) {}
void RegexpNode::accept(SqlCompiler& c) const {
    if (kind == Kind::replace)
        c.visit_regexp_replace(*this);
    else
        c.visit_regexp_match(*this);
}
void RegexpNode::walk(Walker& w) const {
    w.token("regexp");
    w.number(static_cast<int>(kind));
    w.token(flags);
    element->walk(w);
    pattern->walk(w);
    if (replacement) replacement->walk(w);
}
void RegexpNode::collect_froms(std::vector<FromPtr>& out) const {
    element->collect_froms(out);
    pattern->collect_froms(out);
    if (replacement) replacement->collect_froms(out);
}
std::shared_ptr<const ColumnElement> RegexpNode::negation() const {
    if (kind == Kind::replace) return nullptr;
    return std::make_shared<RegexpNode>(kind == Kind::match ? Kind::not_match : Kind::match, element, pattern, nullptr, flags);
}

FunctionFilterNode::FunctionFilterNode(ColumnPtr function, ColumnPtr criterion)
    : function(std::move(function)), criterion(std::move(criterion)) {}
void FunctionFilterNode::accept(SqlCompiler& c) const { c.visit_function_filter(*this); }
void FunctionFilterNode::walk(Walker& w) const {
    w.token("filter");
    function->walk(w);
    criterion->walk(w);
}
void FunctionFilterNode::collect_froms(std::vector<FromPtr>& out) const {
    function->collect_froms(out);
    criterion->collect_froms(out);
}

WithinGroupNode::WithinGroupNode(ColumnPtr function, std::vector<ColumnPtr> order_by)
    : function(std::move(function)), order_by(std::move(order_by)) {}
void WithinGroupNode::accept(SqlCompiler& c) const { c.visit_within_group(*this); }
void WithinGroupNode::walk(Walker& w) const {
    w.token("within");
    function->walk(w);
    w.number(static_cast<std::int64_t>(order_by.size()));
    for (const auto& o : order_by) o->walk(w);
}
void WithinGroupNode::collect_froms(std::vector<FromPtr>& out) const {
    function->collect_froms(out);
    for (const auto& o : order_by) o->collect_froms(out);
}

ExtractNode::ExtractNode(std::string field, ColumnPtr element) : field(std::move(field)), element(std::move(element)) {}
void ExtractNode::accept(SqlCompiler& c) const { c.visit_extract(*this); }
void ExtractNode::walk(Walker& w) const {
    w.token("extract");
    w.token(field);
    element->walk(w);
}

AnyAllNode::AnyAllNode(bool all, ColumnPtr element) : all(all), element(std::move(element)) {}
void AnyAllNode::accept(SqlCompiler& c) const { c.visit_any_all(*this); }
void AnyAllNode::walk(Walker& w) const {
    w.token(all ? "all" : "any");
    element->walk(w);
}

LabelNode::LabelNode(ColumnPtr element, std::string name) : element(std::move(element)), name(std::move(name)) {}
void LabelNode::accept(SqlCompiler& c) const { c.visit_label(*this); }
void LabelNode::walk(Walker& w) const {
    w.token("lbl");
    w.token(name);
    element->walk(w);
}

// ---- CaseNode / CastNode / OverNode -------------------------------------------------
CaseNode::CaseNode(ColumnPtr value, std::vector<std::pair<ColumnPtr, ColumnPtr>> whens, ColumnPtr else_)
    : value(std::move(value)), whens(std::move(whens)), else_(std::move(else_)) {}
void CaseNode::accept(SqlCompiler& c) const { c.visit_case(*this); }
void CaseNode::walk(Walker& w) const {
    w.token("case");
    if (value) value->walk(w);
    w.number(static_cast<std::int64_t>(whens.size()));
    for (const auto& [cond, result] : whens) {
        cond->walk(w);
        result->walk(w);
    }
    if (else_) {
        w.token("else");
        else_->walk(w);
    }
}
void CaseNode::collect_froms(std::vector<FromPtr>& out) const {
    if (value) value->collect_froms(out);
    for (const auto& [cond, result] : whens) {
        cond->collect_froms(out);
        result->collect_froms(out);
    }
    if (else_) else_->collect_froms(out);
}
TypeAffinity CaseNode::affinity() const {
    return whens.empty() ? TypeAffinity::unknown : whens.front().second->affinity();
}

CastNode::CastNode(ColumnPtr element, TypePtr type) : element(std::move(element)), type(std::move(type)) {}
void CastNode::accept(SqlCompiler& c) const { c.visit_cast(*this); }
void CastNode::walk(Walker& w) const {
    w.token("cast");
    w.type(*type);
    element->walk(w);
}

TypeCoerceNode::TypeCoerceNode(ColumnPtr element, TypePtr type) : element(std::move(element)), type(std::move(type)) {}
void TypeCoerceNode::accept(SqlCompiler& c) const { c.visit_type_coerce(*this); }
void TypeCoerceNode::walk(Walker& w) const {
    w.token("coerce");
    w.type(*type);
    element->walk(w);
}

JsonGetNode::JsonGetNode(ColumnPtr json, ColumnPtr path, bool is_path, TypePtr type)
    : json(std::move(json)), path(std::move(path)), is_path(is_path), type(std::move(type)) {}
void JsonGetNode::accept(SqlCompiler& c) const { c.visit_json_get(*this); }
void JsonGetNode::walk(Walker& w) const {
    w.token(is_path ? "jpath" : "jget");
    w.type(*type);
    json->walk(w);
    path->walk(w);
}

TupleNode::TupleNode(std::vector<ColumnPtr> elements) : elements(std::move(elements)) {}
void TupleNode::accept(SqlCompiler& c) const { c.visit_tuple(*this); }
void TupleNode::walk(Walker& w) const {
    w.token("tuple");
    w.number(static_cast<std::int64_t>(elements.size()));
    walk_all(elements, w);
}
void TupleNode::collect_froms(std::vector<FromPtr>& out) const { collect_all(elements, out); }

OverNode::OverNode(ColumnPtr element, std::vector<ColumnPtr> partition_by, std::vector<ColumnPtr> order_by,
                   FrameKind frame, std::optional<std::int64_t> frame_start, std::optional<std::int64_t> frame_end)
    : element(std::move(element)),
      partition_by(std::move(partition_by)),
      order_by(std::move(order_by)),
      frame(frame),
      frame_start(frame_start),
      frame_end(frame_end) {}
void OverNode::accept(SqlCompiler& c) const { c.visit_over(*this); }
void OverNode::walk(Walker& w) const {
    w.token("over");
    element->walk(w);
    walk_all(partition_by, w);
    walk_all(order_by, w);
    if (frame != FrameKind::none) {
        // Frame bounds are rendered as literals, so they belong to the statement's shape.
        w.token(frame == FrameKind::rows ? "rows" : frame == FrameKind::range ? "range" : "groups");
        for (const auto& bound : {frame_start, frame_end}) {
            w.token(bound ? "b" : "u");
            if (bound) w.number(*bound);
        }
    }
}
void OverNode::collect_froms(std::vector<FromPtr>& out) const {
    element->collect_froms(out);
    collect_all(partition_by, out);
    collect_all(order_by, out);
}

// ---- subquery expressions -----------------------------------------------------------
ScalarSelectNode::ScalarSelectNode(std::shared_ptr<const SelectBaseNode> select) : select(std::move(select)) {}
void ScalarSelectNode::accept(SqlCompiler& c) const { c.visit_scalar_select(*this); }
void ScalarSelectNode::walk(Walker& w) const {
    w.token("scalar");
    select->walk(w);
}

ExistsNode::ExistsNode(std::shared_ptr<const SelectBaseNode> select, bool negated)
    : select(std::move(select)), negated(negated) {}
void ExistsNode::accept(SqlCompiler& c) const { c.visit_exists(*this); }
void ExistsNode::walk(Walker& w) const {
    w.token(negated ? "nexists" : "exists");
    select->walk(w);
}
std::shared_ptr<const ColumnElement> ExistsNode::negation() const {
    return std::make_shared<ExistsNode>(select, !negated);
}

NextValueNode::NextValueNode(std::string sequence, std::string schema)
    : sequence(std::move(sequence)), schema(std::move(schema)) {}
void NextValueNode::accept(SqlCompiler& c) const { c.visit_next_value(*this); }
void NextValueNode::walk(Walker& w) const {
    w.token("nextval");
    w.token(schema);
    w.token(sequence);
}

ExcludedColumnNode::ExcludedColumnNode(std::string name) : name(std::move(name)) {}
void ExcludedColumnNode::accept(SqlCompiler& c) const { c.visit_excluded_column(*this); }
void ExcludedColumnNode::walk(Walker& w) const {
    w.token("excluded");
    w.token(name);
}

// ---- BindNamer / Walker -------------------------------------------------------------
std::string BindNamer::next(std::string_view base) {
    for (auto& [name, count] : counters_) {
        if (name == base) return name + "_" + std::to_string(++count);
    }
    counters_.emplace_back(std::string(base), 1);
    return std::string(base) + "_1";
}

void Walker::mix_bytes(std::string_view bytes) {
    // Length first, so ("ab", "c") and ("a", "bc") differ; then 8 bytes at a time.
    mix(0x5A00000000000000ull ^ bytes.size());
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + i, 8);
        mix(word);
    }
    if (i < bytes.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, bytes.size() - i);
        mix(word);
    }
}

void Walker::number(std::int64_t n) {
    if (!key_) return;
    mix(0x4E00000000000000ull);
    mix(static_cast<std::uint64_t>(n));
}

void Walker::finish() {
    if (!key_) return;
    // Final avalanche (murmur3's fmix64) on each lane, so every input bit reaches every byte.
    const auto fmix = [](std::uint64_t k) {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDull;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53ull;
        k ^= k >> 33;
        return k;
    };
    const std::uint64_t a = fmix(h1_);
    const std::uint64_t b = fmix(h2_ ^ a);
    key_->assign(15, '\0');
    std::memcpy(key_->data() + 1, &a, 8);
    std::memcpy(key_->data() + 9, &b, 6);
}

void Walker::bind(const BindParamNode& b) {
    if (key_) {
        mix(0x4200000000000000ull | (b.expanding ? 0x400u : 0u) | (b.literal_execute ? 0x200u : 0u) |
            (b.anonymous ? 0x100u : 0u) | static_cast<std::uint64_t>(b.affinity_));
        mix_bytes(b.key);
        // The type chooses the bind processor; an anonymous literal_execute value is in the SQL
        // text (a named one is rendered at execution, like an expanding bind's list).
        if (b.type) mix_bytes(b.type->cache_token());
        number(static_cast<std::int64_t>(b.tuple_types.size()));
        for (const auto& t : b.tuple_types) mix_bytes(t ? t->cache_token() : std::string("-"));
        if (b.literal_execute && b.anonymous && b.value) {
            mix(static_cast<std::uint64_t>(b.value->kind()));
            mix_bytes(b.value->repr());
        }
    }
    // Rendered in place: no placeholder, no value, no anonymous name (as the compiler does).
    if (b.literal_execute && b.anonymous) return;
    if (!values_) return;
    if (b.expanding) {
        // The default list is this statement's, not the cached form's.
        if (b.list) values_->set_list(b.key, b.list->values);
        return;
    }
    if (b.anonymous) {
        std::string name = namer_.next(b.key);
        if (b.value) values_->set(std::move(name), *b.value);
    } else if (b.value) {
        values_->set(b.key, *b.value);
    }
}

void Walker::type(const TypeEngine& type) {
    if (!key_) return;
    mix_bytes(type.cache_token());
    // A subclass (a TypeDecorator-like type) may render, wrap or process values differently
    // from the generic type with the same parameters.
    if (typeid(type) != typeid(TypeEngine)) mix_bytes(typeid(type).name());
}

void Walker::named_value(const std::string& name, const Value* value) {
    if (values_ && value) values_->set(name, *value);
}

bool Walker::first_visit_cte(const std::string& name) {
    if (std::find(ctes_.begin(), ctes_.end(), name) != ctes_.end()) return false;
    ctes_.push_back(name);
    return true;
}

}  // namespace athanor::sql
