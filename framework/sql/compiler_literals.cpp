// The generic SQL compiler's type coercion and literal rendering: the type of an
// expression, the bind and result processors it implies, and values rendered inline.
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>

#include "compiler_state.hpp"
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <charconv>

namespace athanor::sql {

namespace {

/// Functions whose result has the type of their first argument.
bool returns_argument_type(const std::string& name) {
    static const char* const names[] = {"sum", "min", "max", "coalesce", "abs", "round", "nullif", "ifnull"};
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return name == n; });
}

}  // namespace

TypePtr SqlCompiler::expression_type(const ColumnElement& e) const {
    if (const auto* c = dynamic_cast<const ColumnNode*>(&e)) return c->type;
    if (const auto* b = dynamic_cast<const BindParamNode*>(&e)) {
        if (b->type) return b->type;
        // A date, time, date-time or Decimal value is its own type (select(literal(Date{...}))
        // reads back a Date, select(literal(Decimal)) a Decimal, where the database hands back
        // text), as SQLAlchemy types a bind by its Python value; other values keep the
        // database's answer.
        if (!b->value.has_value()) return nullptr;
        switch (b->value->kind()) {
            case Value::Kind::decimal: return types::Numeric();
            case Value::Kind::date: return types::Date();
            case Value::Kind::time: return types::Time(b->value->as_time().utc_offset_minutes.has_value());
            case Value::Kind::datetime:
                return types::DateTime(b->value->as_datetime().time.utc_offset_minutes.has_value());
            default: return nullptr;
        }
    }
    if (const auto* l = dynamic_cast<const LabelNode*>(&e)) return expression_type(*l->element);
    if (const auto* c = dynamic_cast<const CastNode*>(&e)) return c->type;
    if (const auto* c = dynamic_cast<const TypeCoerceNode*>(&e)) return c->type;
    if (const auto* j = dynamic_cast<const JsonGetNode*>(&e)) return j->type;
    if (const auto* f = dynamic_cast<const FunctionNode*>(&e)) {
        if (f->name == "count") return types::Integer();
        if (f->name == "lower" || f->name == "upper" || f->name == "trim") return types::String();
        if (f->name == "now" || f->name == "current_timestamp" || f->name == "localtimestamp")
            return types::DateTime();
        if (f->name == "current_date") return types::Date();
        if (f->name == "current_time" || f->name == "localtime") return types::Time();
        if (f->name == "char_length" || f->name == "length") return types::Integer();
        if (returns_argument_type(f->name))
            for (const auto& arg : f->args)
                if (auto t = expression_type(*arg)) return t;
        return nullptr;
    }
    if (const auto* u = dynamic_cast<const UnaryNode*>(&e))
        return u->op == UnaryOp::not_ ? types::Boolean() : expression_type(*u->operand);
    if (const auto* c = dynamic_cast<const CollateNode*>(&e)) return expression_type(*c->element);
    if (const auto* f = dynamic_cast<const FunctionFilterNode*>(&e)) return expression_type(*f->function);
    if (const auto* w = dynamic_cast<const WithinGroupNode*>(&e)) return expression_type(*w->function);
    // EXTRACT: PostgreSQL answers NUMERIC; a field is read as an integer, as SQLAlchemy types it,
    // except second and epoch, which keep their fraction.
    if (const auto* x = dynamic_cast<const ExtractNode*>(&e))
        return x->field == "second" || x->field == "epoch" ? types::Float() : types::Integer();
    if (dynamic_cast<const RegexpNode*>(&e))
        return static_cast<const RegexpNode&>(e).kind == RegexpNode::Kind::replace ? types::String() : types::Boolean();
    if (const auto* b = dynamic_cast<const BinaryNode*>(&e)) {
        switch (b->op) {
            case BinaryOp::add: case BinaryOp::sub: case BinaryOp::mul: case BinaryOp::mod: {
                auto l = expression_type(*b->left), r = expression_type(*b->right);
                if (!l) return r;
                if (!r || l->affinity() == r->affinity()) return l;
                return nullptr;  // Date - Interval and the like: leave the value as the database gives it
            }
            case BinaryOp::div: return b->is_true_division() ? nullptr : expression_type(*b->left);
            case BinaryOp::floordiv: return expression_type(*b->left);
            case BinaryOp::bitwise_and: case BinaryOp::bitwise_or: case BinaryOp::bitwise_xor:
            case BinaryOp::bitwise_lshift: case BinaryOp::bitwise_rshift: {
                auto l = expression_type(*b->left);
                return l ? l : types::Integer();
            }
            case BinaryOp::concat: return types::String();
            case BinaryOp::custom: return nullptr;
            default: return types::Boolean();
        }
    }
    if (dynamic_cast<const BooleanListNode*>(&e) || dynamic_cast<const InNode*>(&e) ||
        dynamic_cast<const BetweenNode*>(&e) || dynamic_cast<const ExistsNode*>(&e))
        return types::Boolean();
    if (const auto* k = dynamic_cast<const KeywordNode*>(&e))
        return k->kind == KeywordNode::Kind::null ? nullptr : types::Boolean();
    if (const auto* c = dynamic_cast<const CaseNode*>(&e)) {
        for (const auto& w : c->whens)
            if (auto t = expression_type(*w.second)) return t;
        return c->else_ ? expression_type(*c->else_) : nullptr;
    }
    if (const auto* o = dynamic_cast<const OverNode*>(&e)) return expression_type(*o->element);
    if (const auto* s = dynamic_cast<const ScalarSelectNode*>(&e)) {
        if (const auto* sel = dynamic_cast<const SelectNode*>(s->select.get()); sel && !sel->columns.empty())
            return expression_type(*sel->columns.front());
        return nullptr;
    }
    if (dynamic_cast<const NextValueNode*>(&e)) return types::BigInteger();
    return nullptr;
}

void SqlCompiler::process_coerced(const ColumnElement& operand, const TypePtr& type, int parent_precedence,
                                  bool parenthesise_equal) {
    const auto* bind = dynamic_cast<const BindParamNode*>(&operand);
    if (!type || !bind) {
        process_operand(operand, parent_precedence, parenthesise_equal);
        return;
    }
    // A type with a bind_expression() (a TypeDecorator) wraps its bound values in SQL; the
    // wrapped copy renders the same bind (same name, same value) inside it.
    if (auto wrapped = type->bind_expression(std::make_shared<BindParamNode>(*bind))) {
        process_operand(*wrapped, parent_precedence, parenthesise_equal);
        return;
    }
    TypePtr saved = std::move(state_->bind_type_);
    state_->bind_type_ = type;
    process_operand(operand, parent_precedence, parenthesise_equal);
    state_->bind_type_ = std::move(saved);
}

void SqlCompiler::process_facing(const ColumnElement& operand, const ColumnElement& other, int parent_precedence,
                                 bool parenthesise_equal) {
    const auto* tuple = dynamic_cast<const TupleNode*>(&operand);
    const auto* facing = dynamic_cast<const TupleNode*>(&other);
    if (tuple && facing) {
        if (tuple->elements.size() != facing->elements.size())
            throw CompileError("a tuple of " + std::to_string(tuple->elements.size()) +
                               " elements is compared with one of " + std::to_string(facing->elements.size()));
        state_->out_ += '(';
        for (std::size_t i = 0; i < tuple->elements.size(); ++i) {
            if (i) state_->out_ += ", ";
            process_facing(*tuple->elements[i], *facing->elements[i]);
        }
        state_->out_ += ')';
        return;
    }
    const bool bind = dynamic_cast<const BindParamNode*>(&operand) != nullptr;
    process_coerced(operand, bind ? expression_type(other) : nullptr, parent_precedence, parenthesise_equal);
}

Processor SqlCompiler::bind_processor_for(const TypePtr& type) {
    for (const auto& [t, p] : state_->bind_processors_)
        if (t == type.get()) return p;
    Processor p = type->bind_processor(type_compiler());
    state_->bind_processors_.emplace_back(type.get(), p);
    return p;
}

ColumnPtr SqlCompiler::selected_expression(const ColumnPtr& column) const {
    const auto* label = dynamic_cast<const LabelNode*>(column.get());
    const ColumnPtr& element = label ? label->element : column;
    const TypePtr type = expression_type(*element);
    if (!type) return column;
    ColumnPtr wrapped = type->column_expression(element);
    if (wrapped.get() == nullptr) return column;
    // Keeps the name the row has: the label, or the column's own name.
    std::string name = label ? label->name : element->result_name();
    if (name.empty()) return wrapped;
    return std::make_shared<LabelNode>(std::move(wrapped), std::move(name));
}

void SqlCompiler::set_result_processors(const std::vector<ColumnPtr>& columns) {
    std::vector<Processor> processors;
    bool any = false;
    for (const auto& c : columns) {
        const TypePtr type = expression_type(*c);
        processors.push_back(type ? type->result_processor(type_compiler()) : Processor{});
        any = any || static_cast<bool>(processors.back());
    }
    // No processors at all keeps the per-row loop in Result away.
    if (any) state_->result_->result_processors = std::move(processors);
    else state_->result_->result_processors.clear();
}

void SqlCompiler::set_result_processors(const SelectBaseNode& select) {
    if (const auto* s = dynamic_cast<const SelectNode*>(&select)) return set_result_processors(s->columns);
    if (const auto* c = dynamic_cast<const CompoundSelectNode*>(&select); c && !c->selects.empty())
        set_result_processors(*c->selects.front());
}

TypePtr SqlCompiler::column_type(const TableNode& table, const std::string& column) const {
    const Column* c = table.find(column);
    return c ? c->type() : nullptr;
}

std::string SqlCompiler::render_bool(bool value) const { return value ? "true" : "false"; }

std::string SqlCompiler::render_literal_value(const Value& value) const {
    const bool format = dialect_.paramstyle() == sdk::Paramstyle::format;
    const auto quoted = [format](const std::string& s) {
        std::string out = "'";
        for (char c : s) {
            if (c == '\'') out += '\'';
            if (c == '%' && format) out += '%';
            out += c;
        }
        return out + "'";
    };
    switch (value.kind()) {
        case Value::Kind::null: return "NULL";
        case Value::Kind::boolean: return render_bool(std::get<bool>(value.storage()));
        case Value::Kind::integer: return std::to_string(std::get<std::int64_t>(value.storage()));
        case Value::Kind::floating: {
            char buf[64];
            const auto r = std::to_chars(buf, buf + sizeof buf, std::get<double>(value.storage()));
            std::string text(buf, r.ptr);
            if (text == "inf" || text == "-inf" || text == "nan")
                throw CompileError("cannot render the float " + text + " as a SQL literal; bind it instead");
            return text;
        }
        case Value::Kind::text: return quoted(std::get<std::string>(value.storage()));
        case Value::Kind::bytes: {
            static const char* hex = "0123456789ABCDEF";
            std::string out = "X'";
            for (auto b : std::get<Bytes>(value.storage())) {
                out += hex[b >> 4];
                out += hex[b & 15];
            }
            return out + "'";
        }
        case Value::Kind::date: return quoted(std::get<Date>(value.storage()).iso());
        case Value::Kind::time: return quoted(std::get<Time>(value.storage()).iso());
        case Value::Kind::datetime: return quoted(std::get<DateTime>(value.storage()).iso());
        case Value::Kind::decimal: return std::get<Decimal>(value.storage()).str();
        case Value::Kind::interval: return quoted(std::get<Interval>(value.storage()).iso());
    }
    return "NULL";
}

}  // namespace athanor::sql
