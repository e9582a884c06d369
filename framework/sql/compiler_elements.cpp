// The generic SQL compiler's column-element visitors: columns, binds, operators, IN,
// functions, CASE, CAST, window functions, scalar subqueries.
#include "compiler_placeholders.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/compiler.hpp>

#include "compiler_state.hpp"

#include <algorithm>
#include <cctype>

namespace athanor::sql {

namespace {

bool associative(BinaryOp op) { return op == BinaryOp::add || op == BinaryOp::mul || op == BinaryOp::concat; }

bool same_operator(const ColumnElement& a, const ColumnElement& b) {
    const auto* ba = dynamic_cast<const BinaryNode*>(&a);
    const auto* bb = dynamic_cast<const BinaryNode*>(&b);
    if (ba && bb) return ba->op == bb->op && associative(ba->op);
    const auto* la = dynamic_cast<const BooleanListNode*>(&a);
    const auto* lb = dynamic_cast<const BooleanListNode*>(&b);
    return la && lb && la->is_and == lb->is_and;
}

/// Operators whose bound side takes the other side's type (not LIKE / concat / custom ones,
/// whose right side is a pattern or text rather than a value of the column).
bool coerces_operands(BinaryOp op) {
    switch (op) {
        case BinaryOp::eq: case BinaryOp::ne: case BinaryOp::lt: case BinaryOp::le: case BinaryOp::gt:
        case BinaryOp::ge: case BinaryOp::add: case BinaryOp::sub: case BinaryOp::mul: case BinaryOp::div:
        case BinaryOp::floordiv: case BinaryOp::mod: case BinaryOp::is: case BinaryOp::is_not: case BinaryOp::is_distinct_from:
        case BinaryOp::is_not_distinct_from: case BinaryOp::bitwise_and: case BinaryOp::bitwise_or:
        case BinaryOp::bitwise_xor: case BinaryOp::bitwise_lshift: case BinaryOp::bitwise_rshift: return true;
        default: return false;
    }
}

}  // namespace

void SqlCompiler::visit_tuple(const TupleNode& node) {
    state_->out_ += '(';
    comma_list(node.elements);
    state_->out_ += ')';
}

// ---- column elements ----------------------------------------------------------------
void SqlCompiler::visit_column(const ColumnNode& node) {
    if (const auto* alias = node.from ? state_->ambiguous_alias(node.from.get()) : nullptr) {
        state_->out_ += quote(*alias);
        state_->out_ += '.';
    } else if (node.from && !node.from->name().empty()) {
        if (const auto* table = dynamic_cast<const TableNode*>(node.from.get())) {
            if (const auto& schema = effective_schema(table->schema); !schema.empty()) {
                state_->out_ += quote(schema);
                state_->out_ += '.';
            }
        }
        state_->out_ += quote(node.from->name());
        state_->out_ += '.';
    }
    // A column of a subquery, alias or CTE may be a label this compiler generated for the
    // inner SELECT and shortened there (select_columns): refer to it by the same short name.
    // A table's own column is the user's name and is never shortened.
    if (dynamic_cast<const TableNode*>(node.from.get()) || !node.from)
        state_->out_ += quote(node.name);
    else
        state_->out_ += quote(preparer().truncate(node.name));
}

void SqlCompiler::visit_bind_param(const BindParamNode& node) {
    // An explicit type wins over the type of what the bind faces (SQLAlchemy coerces only
    // binds without a type).
    TypePtr saved;
    const bool typed = node.type != nullptr;
    if (typed) {
        saved = std::move(state_->bind_type_);
        state_->bind_type_ = node.type;
    }
    if (node.expanding) {
        // Outside IN (a list in a function, say): the list in parentheses, scalars only.
        BindParameter b{node.key, std::nullopt, state_->bind_type_ ? bind_processor_for(state_->bind_type_) : Processor{},
                        true};
        b.post_compile = BindParameter::PostCompile::list;
        b.literal_execute = node.literal_execute;
        b.empty_set = empty_in_expression(false);
        state_->out_ += '(';
        state_->binds_.push_back(std::move(b));
        state_->out_ += expanding_marker;
        state_->out_ += ')';
    } else if (node.literal_execute && !node.anonymous && !(state_->options_.literal_binds && node.value)) {
        // A named literal_execute bind: its value comes with the execution, rendered then.
        BindParameter b{node.key, node.value, state_->bind_type_ ? bind_processor_for(state_->bind_type_) : Processor{},
                        true};
        b.post_compile = BindParameter::PostCompile::scalar;
        b.literal_execute = true;
        state_->binds_.push_back(std::move(b));
        state_->out_ += expanding_marker;
    } else if (node.literal_execute) {
        const TypePtr& type = state_->bind_type_;
        const Processor processor = type ? bind_processor_for(type) : Processor{};
        const Value v = node.value.value_or(Value());
        state_->out_ += render_literal_value(processor && !v.is_null() ? processor(v) : v);
    } else {
        emit_bind(node.anonymous ? state_->namer_.next(node.key) : node.key, node.value);
    }
    if (typed) state_->bind_type_ = std::move(saved);
}

void SqlCompiler::visit_text(const TextNode& node) {
    if (dialect_.paramstyle() != sdk::Paramstyle::format) {
        state_->out_ += node.text;
        return;
    }
    for (char c : node.text) {
        if (c == '%') state_->out_ += '%';
        state_->out_ += c;
    }
}

void SqlCompiler::visit_keyword(const KeywordNode& node) {
    switch (node.kind) {
        case KeywordNode::Kind::null: state_->out_ += "NULL"; break;
        case KeywordNode::Kind::true_: state_->out_ += render_bool(true); break;
        case KeywordNode::Kind::false_: state_->out_ += render_bool(false); break;
    }
}

void SqlCompiler::visit_binary(const BinaryNode& node) {
    if (node.is_true_division() && div_is_floordiv()) return visit_true_division(node);
    if (node.op == BinaryOp::floordiv) return visit_floor_division(node);
    if (node.op == BinaryOp::ilike || node.op == BinaryOp::not_ilike) return visit_ilike(node);
    if (node.op == BinaryOp::bitwise_xor) return visit_bitwise_xor(node);
    binary_operands(node);
}

void SqlCompiler::visit_bitwise_xor(const BinaryNode& node) { binary_operands(node); }

void SqlCompiler::visit_collate(const CollateNode& node) {
    process_operand(*node.element, node.precedence());
    state_->out_ += " COLLATE ";
    state_->out_ += quote(node.collation);
}

void SqlCompiler::visit_function_filter(const FunctionFilterNode& node) {
    process(*node.function);
    state_->out_ += " FILTER (WHERE ";
    process(*node.criterion);
    state_->out_ += ')';
}

void SqlCompiler::visit_within_group(const WithinGroupNode& node) {
    process(*node.function);
    state_->out_ += " WITHIN GROUP (ORDER BY ";
    comma_list(node.order_by);
    state_->out_ += ')';
}

void SqlCompiler::visit_extract(const ExtractNode& node) {
    // The SQL standard's <extract field>s; dow, doy, week, quarter and epoch are PostgreSQL's.
    static const char* const standard[] = {"year", "month", "day", "hour", "minute", "second"};
    if (std::find(std::begin(standard), std::end(standard), node.field) == std::end(standard))
        unsupported("extract('" + node.field + "')");
    extract_expression(node);
}

void SqlCompiler::extract_expression(const ExtractNode& node) {
    state_->out_ += "EXTRACT(" + sdk::ascii_upper(node.field) + " FROM ";
    process(*node.element);
    state_->out_ += ')';
}

void SqlCompiler::visit_any_all(const AnyAllNode& node) {
    state_->out_ += node.all ? "ALL (" : "ANY (";
    if (const auto* sub = dynamic_cast<const ScalarSelectNode*>(node.element.get())) {
        ++state_->depth_;
        process(*sub->select);
        --state_->depth_;
    } else {
        process(*node.element);
    }
    state_->out_ += ')';
}

void SqlCompiler::visit_regexp_match(const RegexpNode&) { unsupported("regexp_match()"); }

void SqlCompiler::visit_regexp_replace(const RegexpNode&) { unsupported("regexp_replace()"); }

void SqlCompiler::visit_floor_division(const BinaryNode& node) {
    // SQLAlchemy's visit_floordiv_binary: integer division already floors where `/` truncates
    // and the divisor is an integer; anything else is FLOOR() of the true quotient.
    if (div_is_floordiv() && node.right->affinity() == TypeAffinity::integer) return binary_operands(node);
    state_->out_ += "FLOOR(";
    binary_operands(node);
    state_->out_ += ')';
}

void SqlCompiler::visit_type_coerce(const TypeCoerceNode& node) {
    process_coerced(*node.element, node.type, node.precedence(), false);
}

void SqlCompiler::visit_json_get(const JsonGetNode&) { unsupported("JSON element access"); }

void SqlCompiler::binary_operands(const BinaryNode& node) {
    const int p = node.precedence();
    // A bound value takes the type of the other side (users.born == Date{...} binds as a Date).
    const bool coerce = coerces_operands(node.op);
    if (coerce && dynamic_cast<const TupleNode*>(node.left.get()) && dynamic_cast<const TupleNode*>(node.right.get())) {
        process_facing(*node.left, *node.right);
        state_->out_ += binary_operator_text(node.op);
        process_facing(*node.right, *node.left);
        return;
    }
    const bool left_bind = coerce && dynamic_cast<const BindParamNode*>(node.left.get()) != nullptr;
    const bool right_bind = coerce && dynamic_cast<const BindParamNode*>(node.right.get()) != nullptr;
    const TypePtr left_type = right_bind ? expression_type(*node.left) : nullptr;
    const TypePtr right_type = left_bind ? expression_type(*node.right) : nullptr;
    process_coerced(*node.left, right_type, p, !same_operator(*node.left, node));
    if (node.op == BinaryOp::custom) {
        state_->out_ += ' ';
        state_->out_ += node.custom_op;
        state_->out_ += ' ';
    } else if (node.op == BinaryOp::mod && dialect_.paramstyle() == sdk::Paramstyle::format) {
        state_->out_ += " %% ";
    } else {
        state_->out_ += binary_operator_text(node.op);
    }
    process_coerced(*node.right, left_type, p, !same_operator(*node.right, node));
    if (node.escape) state_->out_ += " ESCAPE " + render_literal_value(Value(std::string(1, *node.escape)));
}

void SqlCompiler::visit_true_division(const BinaryNode& node) {
    process_operand(*node.left, prec::multiplicative);
    state_->out_ += " / CAST(";
    process_coerced(*node.right, expression_type(*node.left));
    state_->out_ += " AS " + true_division_type() + ")";
}

void SqlCompiler::visit_ilike(const BinaryNode& node) {
    state_->out_ += "lower(";
    process(*node.left);
    state_->out_ += node.op == BinaryOp::ilike ? ") LIKE lower(" : ") NOT LIKE lower(";
    process(*node.right);
    state_->out_ += ')';
    if (node.escape) state_->out_ += " ESCAPE " + render_literal_value(Value(std::string(1, *node.escape)));
}

void SqlCompiler::visit_unary(const UnaryNode& node) {
    switch (node.op) {
        case UnaryOp::not_:
            state_->out_ += "NOT ";
            process_operand(*node.operand, prec::not_ + 1);
            return;
        case UnaryOp::neg:
            state_->out_ += '-';
            process_operand(*node.operand, prec::unary);
            return;
        case UnaryOp::bitwise_not:
            state_->out_ += '~';
            process_operand(*node.operand, prec::unary);
            return;
        case UnaryOp::distinct:
            state_->out_ += "DISTINCT ";
            process_operand(*node.operand, prec::comparison + 1);
            return;
        case UnaryOp::asc: process(*node.operand); state_->out_ += " ASC"; return;
        case UnaryOp::desc: process(*node.operand); state_->out_ += " DESC"; return;
        case UnaryOp::nulls_first: process(*node.operand); state_->out_ += " NULLS FIRST"; return;
        case UnaryOp::nulls_last: process(*node.operand); state_->out_ += " NULLS LAST"; return;
    }
}

void SqlCompiler::visit_boolean_list(const BooleanListNode& node) {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (i) state_->out_ += node.is_and ? " AND " : " OR ";
        process_operand(*node.items[i], node.precedence(), !same_operator(*node.items[i], node));
    }
}

void SqlCompiler::visit_in(const InNode& node) {
    const auto* tuple = dynamic_cast<const TupleNode*>(node.left.get());
    if (node.expanding() && node.values.empty()) {
        // SQLAlchemy's empty-set expression, grouped so AND/OR around it keep their meaning.
        state_->out_ += '(';
        process_operand(*node.left, prec::comparison);
        state_->out_ += node.negated ? " NOT IN (" : " IN (";
        state_->out_ += tuple ? empty_tuple_in_expression(node.negated, tuple->elements.size())
                              : empty_in_expression(node.negated);
        state_->out_ += "))";
        return;
    }
    const auto* bind = node.items.size() == 1 ? dynamic_cast<const BindParamNode*>(node.items[0].get()) : nullptr;
    if (bind && bind->expanding) {
        // A named expanding bind: rendered at execution for the list given then (expand()),
        // each value processed as the type it faces (a tuple's: element by element).
        BindParameter b{bind->key, std::nullopt, {}, true};
        b.post_compile = BindParameter::PostCompile::list;
        b.literal_execute = bind->literal_execute;
        if (tuple) {
            const std::size_t width = tuple->elements.size();
            if (!bind->tuple_types.empty() && bind->tuple_types.size() != width)
                throw ArgumentError("bindparam('" + bind->key + "') has " + std::to_string(bind->tuple_types.size()) +
                                    " tuple types for a tuple of " + std::to_string(width));
            b.tuple_width = width;
            for (std::size_t i = 0; i < width; ++i) {
                const TypePtr type = bind->tuple_types.empty() ? expression_type(*tuple->elements[i]) : bind->tuple_types[i];
                b.element_processors.push_back(type ? bind_processor_for(type) : Processor{});
            }
            b.empty_set = empty_tuple_in_expression(node.negated, width);
        } else {
            const TypePtr type = bind->type ? bind->type : expression_type(*node.left);
            if (type) b.processor = bind_processor_for(type);
            b.empty_set = empty_in_expression(node.negated);
        }
        state_->out_ += group_open_marker;
        process_operand(*node.left, prec::comparison);
        state_->out_ += node.negated ? " NOT IN (" : " IN (";
        state_->binds_.push_back(std::move(b));
        state_->out_ += expanding_marker;
        state_->out_ += ')';
        state_->out_ += group_close_marker;
        return;
    }
    process_operand(*node.left, prec::comparison);
    state_->out_ += node.negated ? " NOT IN (" : " IN (";
    if (node.subquery) {
        ++state_->depth_;
        process(*node.subquery);
        --state_->depth_;
    } else if (!node.items.empty()) {
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            if (i) state_->out_ += ", ";
            process_facing(*node.items[i], *node.left);
        }
    } else {
        const std::string name = state_->namer_.next(node.left->bind_base());
        TypePtr saved = std::move(state_->bind_type_);
        state_->bind_type_ = expression_type(*node.left);
        if (state_->options_.keep_expanding && !state_->options_.literal_binds) {
            // One bind for the whole list, rendered when the statement runs (expand()).
            state_->binds_.push_back(BindParameter{name, std::nullopt,
                                           state_->bind_type_ ? bind_processor_for(state_->bind_type_) : Processor{}, true});
            state_->out_ += expanding_marker;
        } else {
            for (std::size_t i = 0; i < node.values.size(); ++i) {
                if (i) state_->out_ += ", ";
                emit_bind(name + "_" + std::to_string(i + 1), node.values[i]);
            }
        }
        state_->bind_type_ = std::move(saved);
    }
    state_->out_ += ')';
}

void SqlCompiler::visit_between(const BetweenNode& node) {
    process_operand(*node.expr, prec::comparison);
    const TypePtr type = expression_type(*node.expr);
    state_->out_ += node.negated ? " NOT BETWEEN " : " BETWEEN ";
    process_coerced(*node.low, type, prec::comparison);
    state_->out_ += " AND ";
    process_coerced(*node.high, type, prec::comparison);
}

void SqlCompiler::visit_function(const FunctionNode& node) {
    static const char* const bare[] = {"current_timestamp", "current_date", "current_time", "localtime",
                                       "localtimestamp", "current_user", "session_user", "user"};
    if (node.args.empty()) {
        for (const char* b : bare)
            if (node.name == b) {
                state_->out_ += sdk::ascii_upper(node.name);
                return;
            }
    }
    state_->out_ += function_name(node.name);
    state_->out_ += '(';
    if (node.name == "count" && node.args.empty()) state_->out_ += '*';
    comma_list(node.args);
    state_->out_ += ')';
}

void SqlCompiler::visit_label(const LabelNode& node) { process(*node.element); }

void SqlCompiler::visit_case(const CaseNode& node) {
    state_->out_ += "CASE";
    if (node.value) {
        state_->out_ += ' ';
        process(*node.value);
    }
    const TypePtr value_type = node.value ? expression_type(*node.value) : nullptr;
    for (const auto& [cond, result] : node.whens) {
        state_->out_ += " WHEN ";
        process_coerced(*cond, value_type);
        state_->out_ += " THEN ";
        process(*result);
    }
    if (node.else_) {
        state_->out_ += " ELSE ";
        process(*node.else_);
    }
    state_->out_ += " END";
}

void SqlCompiler::visit_cast(const CastNode& node) {
    state_->out_ += "CAST(";
    process(*node.element);
    state_->out_ += " AS " + type_sql(*node.type) + ")";
}

void SqlCompiler::visit_over(const OverNode& node) {
    process(*node.element);
    state_->out_ += " OVER (";
    if (!node.partition_by.empty()) {
        state_->out_ += "PARTITION BY ";
        comma_list(node.partition_by);
    }
    if (!node.order_by.empty()) {
        if (!node.partition_by.empty()) state_->out_ += ' ';
        state_->out_ += "ORDER BY ";
        comma_list(node.order_by);
    }
    if (node.frame != OverNode::FrameKind::none) {
        if (!node.partition_by.empty() || !node.order_by.empty()) state_->out_ += ' ';
        state_->out_ += node.frame == OverNode::FrameKind::rows    ? "ROWS BETWEEN "
                        : node.frame == OverNode::FrameKind::range ? "RANGE BETWEEN "
                                                                   : "GROUPS BETWEEN ";
        const auto bound = [](std::optional<std::int64_t> b, const char* unbounded) -> std::string {
            if (!b.has_value()) return unbounded;
            if (*b == 0) return "CURRENT ROW";
            // Magnitude as unsigned: -INT64_MIN would overflow.
            const std::uint64_t n = *b < 0 ? 0 - static_cast<std::uint64_t>(*b) : static_cast<std::uint64_t>(*b);
            return std::to_string(n) + (*b < 0 ? " PRECEDING" : " FOLLOWING");
        };
        state_->out_ += bound(node.frame_start, "UNBOUNDED PRECEDING") + " AND " + bound(node.frame_end, "UNBOUNDED FOLLOWING");
    }
    state_->out_ += ')';
}

void SqlCompiler::visit_scalar_select(const ScalarSelectNode& node) {
    state_->out_ += '(';
    ++state_->depth_;
    process(*node.select);
    --state_->depth_;
    state_->out_ += ')';
}

void SqlCompiler::visit_exists(const ExistsNode& node) {
    state_->out_ += node.negated ? "NOT (EXISTS (" : "EXISTS (";
    ++state_->depth_;
    process(*node.select);
    --state_->depth_;
    state_->out_ += node.negated ? "))" : ")";
}

void SqlCompiler::visit_next_value(const NextValueNode& node) {
    const auto& schema = effective_schema(node.schema);
    state_->out_ += next_value_sql(schema.empty() ? quote(node.sequence) : quote(schema) + "." + quote(node.sequence));
}

void SqlCompiler::visit_excluded_column(const ExcludedColumnNode& node) { state_->out_ += "excluded." + quote(node.name); }

}  // namespace athanor::sql
