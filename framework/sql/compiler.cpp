// The generic SQL compiler: SQL-standard output matching SQLAlchemy's default compiler,
// with every dialect difference behind a virtual hook.
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace athanor::sql {

namespace {

// Marks a positional placeholder until the final bind order is known (CTE bodies are
// rendered separately and placed first).
constexpr char positional_marker = '\x01';
constexpr char expanding_marker = '\x02';  // an expanding bind, rendered by expand()

/// The highest n for which `key`_n is in `values` (0 when none): how many values an
/// expanding bind has. One pass over the entries, not a lookup per n.
std::size_t expanding_count(const std::string& key, const Params& values) {
    std::size_t highest = 0;
    for (const auto& [name, value] : values) {
        if (name.size() <= key.size() + 1 || name.compare(0, key.size(), key) != 0 || name[key.size()] != '_') continue;
        std::size_t n = 0;
        bool digits = true;
        for (std::size_t i = key.size() + 1; i < name.size() && digits; ++i) {
            digits = name[i] >= '0' && name[i] <= '9';
            n = n * 10 + static_cast<std::size_t>(name[i] - '0');
        }
        if (digits) highest = std::max(highest, n);
    }
    return highest;
}

bool associative(BinaryOp op) { return op == BinaryOp::add || op == BinaryOp::mul || op == BinaryOp::concat; }

bool same_operator(const ColumnElement& a, const ColumnElement& b) {
    const auto* ba = dynamic_cast<const BinaryNode*>(&a);
    const auto* bb = dynamic_cast<const BinaryNode*>(&b);
    if (ba && bb) return ba->op == bb->op && associative(ba->op);
    const auto* la = dynamic_cast<const BooleanListNode*>(&a);
    const auto* lb = dynamic_cast<const BooleanListNode*>(&b);
    return la && lb && la->is_and == lb->is_and;
}

/// Bind names as they may appear after ':' — letters, digits and '_'; anything else hex-escaped.
std::string safe_bind_name(const std::string& key) {
    std::string out;
    if (!key.empty() && std::isdigit(static_cast<unsigned char>(key.front()))) out += 'p';
    for (unsigned char c : key) {
        if (std::isalnum(c) || c == '_') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "_%02X", c);
            out += buf;
        }
    }
    return out.empty() ? "p" : out;
}

/// Operators whose bound side takes the other side's type (not LIKE / concat / custom ones,
/// whose right side is a pattern or text rather than a value of the column).
bool coerces_operands(BinaryOp op) {
    switch (op) {
        case BinaryOp::eq: case BinaryOp::ne: case BinaryOp::lt: case BinaryOp::le: case BinaryOp::gt:
        case BinaryOp::ge: case BinaryOp::add: case BinaryOp::sub: case BinaryOp::mul: case BinaryOp::div:
        case BinaryOp::mod: case BinaryOp::is: case BinaryOp::is_not: case BinaryOp::is_distinct_from:
        case BinaryOp::is_not_distinct_from: return true;
        default: return false;
    }
}

/// Functions whose result has the type of their first argument.
bool returns_argument_type(const std::string& name) {
    static const char* const names[] = {"sum", "min", "max", "coalesce", "abs", "round", "nullif", "ifnull"};
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return name == n; });
}

const char* compound_keyword(CompoundOp op) {
    switch (op) {
        case CompoundOp::union_: return " UNION ";
        case CompoundOp::union_all: return " UNION ALL ";
        case CompoundOp::intersect: return " INTERSECT ";
        case CompoundOp::intersect_all: return " INTERSECT ALL ";
        case CompoundOp::except_: return " EXCEPT ";
        case CompoundOp::except_all: return " EXCEPT ALL ";
    }
    return " UNION ";
}

}  // namespace

SqlCompiler::SqlCompiler(const sdk::Dialect& dialect) : dialect_(dialect) {}
SqlCompiler::~SqlCompiler() = default;

std::shared_ptr<CompiledStatement> SqlCompiler::compile(const ClauseElement& statement, const CompileOptions& options) {
    options_ = options;
    result_ = std::make_shared<CompiledStatement>();
    positional_ = dialect_.paramstyle() != sdk::Paramstyle::named;
    out_.clear();
    binds_.clear();
    bind_type_.reset();
    bind_processors_.clear();
    values_tuple_.reset();
    out_.reserve(256);
    process(statement);
    record_insertmanyvalues();

    std::string sql;
    std::vector<BindParameter> binds;
    if (!ctes_.empty()) {
        bool recursive = false;
        for (const auto& c : ctes_) recursive = recursive || c.recursive;
        sql = cte_preamble(recursive) + " ";
        for (std::size_t i = 0; i < ctes_.size(); ++i) {
            if (i) sql += ", ";
            sql += quote(ctes_[i].name) + " AS (" + ctes_[i].sql + ")";
            for (auto& b : ctes_[i].binds) binds.push_back(std::move(b));
        }
        sql += " ";
    }
    sql += out_;
    for (auto& b : binds_) binds.push_back(std::move(b));

    if (!positional_ && !ctes_.empty()) {
        // Named binds appear once each, in order of first appearance.
        std::vector<BindParameter> unique;
        for (auto& b : binds) {
            const bool seen = std::any_of(unique.begin(), unique.end(), [&](const auto& u) { return u.key == b.key; });
            if (!seen) unique.push_back(std::move(b));
        }
        binds = std::move(unique);
    }
    if (std::any_of(binds.begin(), binds.end(), [](const BindParameter& b) { return b.expanding; })) {
        // Rendered per execution by expand(); `sql` shows the expanding binds for reading.
        result_->insertmanyvalues.reset();
        result_->expanding_template = sql;
        result_->binds = std::move(binds);
        result_->sql = render_template(*result_, nullptr, nullptr);
        return std::move(result_);
    }
    if (positional_) {
        std::string final_sql;
        final_sql.reserve(sql.size() + 16);
        std::size_t position = 0;
        for (char c : sql) {
            if (c != positional_marker) {
                final_sql += c;
                continue;
            }
            const auto& b = binds.at(position);
            final_sql += bind_placeholder(safe_bind_name(b.key), position + 1);
            ++position;
        }
        sql = std::move(final_sql);
    }
    result_->sql = std::move(sql);
    result_->binds = std::move(binds);
    return std::move(result_);
}

std::string SqlCompiler::render_template(const CompiledStatement& compiled, const Params* params,
                                         const Params* statement_values, std::vector<std::size_t>* counts) {
    const bool positional = dialect_.paramstyle() != sdk::Paramstyle::named;
    std::string sql;
    sql.reserve(compiled.expanding_template.size() + 32);
    std::size_t next_bind = 0;  // positional: every bind in order; named: the expanding ones
    std::size_t position = 0;
    const auto next = [&]() -> const BindParameter& {
        if (!positional)
            while (next_bind < compiled.binds.size() && !compiled.binds[next_bind].expanding) ++next_bind;
        return compiled.binds.at(next_bind++);
    };
    for (char c : compiled.expanding_template) {
        if (c == positional_marker) {
            sql += bind_placeholder(safe_bind_name(next().key), ++position);
        } else if (c == expanding_marker) {
            const BindParameter& b = next();
            if (!params) {
                sql += "__[POSTCOMPILE_" + safe_bind_name(b.key) + "]";
                continue;
            }
            std::size_t n = expanding_count(b.key, *params);
            if (statement_values) n = std::max(n, expanding_count(b.key, *statement_values));
            if (n == 0)
                throw ArgumentError("no values for the IN list '" + b.key + "' (expected " + b.key + "_1, " + b.key +
                                    "_2, ...)");
            for (std::size_t i = 1; i <= n; ++i) {
                if (i > 1) sql += ", ";
                sql += bind_placeholder(safe_bind_name(b.key + "_" + std::to_string(i)), ++position);
            }
            if (counts) counts->push_back(n);
        } else {
            sql += c;
        }
    }
    return sql;
}

std::shared_ptr<CompiledStatement> SqlCompiler::expand(const CompiledStatement& compiled, const Params& params,
                                                       const Params* statement_values) {
    auto out = std::make_shared<CompiledStatement>(compiled);
    out->expanding_template.clear();
    std::vector<std::size_t> counts;
    out->sql = render_template(compiled, &params, statement_values, &counts);
    // The binds in the same order, each expanding one replaced by one bind per value (the k-th
    // expanding bind is the k-th marker rendered, in either paramstyle).
    out->binds.clear();
    std::size_t k = 0;
    for (const auto& b : compiled.binds) {
        if (!b.expanding) {
            out->binds.push_back(b);
            continue;
        }
        for (std::size_t i = 1; i <= counts.at(k); ++i)
            out->binds.push_back(BindParameter{b.key + "_" + std::to_string(i), std::nullopt, b.processor, false});
        ++k;
    }
    return out;
}

void SqlCompiler::record_insertmanyvalues() {
    // Only when out_ is the whole statement and every placeholder is one of the tuple's, so a
    // page is prefix + k renumbered tuples + suffix and the binds repeat per row.
    if (!values_tuple_ || !positional_ || !ctes_.empty() || options_.literal_binds) return;
    const auto& span = *values_tuple_;
    if (span.binds_before != 0 || span.binds_after != binds_.size() || span.end > out_.size()) return;
    InsertManyValues imv;
    imv.prefix = out_.substr(0, span.begin);
    imv.suffix = out_.substr(span.end);
    if (imv.prefix.find(positional_marker) != std::string::npos ||
        imv.suffix.find(positional_marker) != std::string::npos)
        return;
    imv.tuple_segments.emplace_back();
    for (std::size_t i = span.begin; i < span.end; ++i) {
        if (out_[i] == positional_marker)
            imv.tuple_segments.emplace_back();
        else
            imv.tuple_segments.back() += out_[i];
    }
    if (imv.tuple_segments.size() != binds_.size() + 1) return;
    result_->insertmanyvalues = std::move(imv);
}

// ---- helpers ------------------------------------------------------------------------
const IdentifierPreparer& SqlCompiler::preparer() {
    if (!preparer_) preparer_ = create_preparer();
    return *preparer_;
}

std::unique_ptr<IdentifierPreparer> SqlCompiler::create_preparer() const {
    return std::make_unique<IdentifierPreparer>(dialect_);
}

void SqlCompiler::unsupported(const std::string& construct) const {
    throw CompileError(construct + " is not supported by dialect '" + dialect_.name() +
                       "'; rewrite the statement without it or use a dialect that supports it");
}

const TypeCompiler& SqlCompiler::type_compiler() const {
    if (!type_compiler_) type_compiler_ = type_compiler_for(dialect_);
    return *type_compiler_;
}

std::string SqlCompiler::type_sql(const TypeEngine& type) const { return type_compiler().process(type); }

TypePtr SqlCompiler::expression_type(const ColumnElement& e) const {
    if (const auto* c = dynamic_cast<const ColumnNode*>(&e)) return c->type;
    if (const auto* l = dynamic_cast<const LabelNode*>(&e)) return expression_type(*l->element);
    if (const auto* c = dynamic_cast<const CastNode*>(&e)) return c->type;
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
    if (const auto* b = dynamic_cast<const BinaryNode*>(&e)) {
        switch (b->op) {
            case BinaryOp::add: case BinaryOp::sub: case BinaryOp::mul: case BinaryOp::mod: {
                auto l = expression_type(*b->left), r = expression_type(*b->right);
                if (!l) return r;
                if (!r || l->affinity() == r->affinity()) return l;
                return nullptr;  // Date - Interval and the like: leave the value as the database gives it
            }
            case BinaryOp::div: return b->is_true_division() ? nullptr : expression_type(*b->left);
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
    if (!type || !dynamic_cast<const BindParamNode*>(&operand)) {
        process_operand(operand, parent_precedence, parenthesise_equal);
        return;
    }
    TypePtr saved = std::move(bind_type_);
    bind_type_ = type;
    process_operand(operand, parent_precedence, parenthesise_equal);
    bind_type_ = std::move(saved);
}

void SqlCompiler::process_facing(const ColumnElement& operand, const ColumnElement& other, int parent_precedence,
                                 bool parenthesise_equal) {
    const auto* tuple = dynamic_cast<const TupleNode*>(&operand);
    const auto* facing = dynamic_cast<const TupleNode*>(&other);
    if (tuple && facing) {
        if (tuple->elements.size() != facing->elements.size())
            throw CompileError("a tuple of " + std::to_string(tuple->elements.size()) +
                               " elements is compared with one of " + std::to_string(facing->elements.size()));
        out_ += '(';
        for (std::size_t i = 0; i < tuple->elements.size(); ++i) {
            if (i) out_ += ", ";
            process_facing(*tuple->elements[i], *facing->elements[i]);
        }
        out_ += ')';
        return;
    }
    const bool bind = dynamic_cast<const BindParamNode*>(&operand) != nullptr;
    process_coerced(operand, bind ? expression_type(other) : nullptr, parent_precedence, parenthesise_equal);
}

void SqlCompiler::visit_tuple(const TupleNode& node) {
    out_ += '(';
    comma_list(node.elements);
    out_ += ')';
}

Processor SqlCompiler::bind_processor_for(const TypePtr& type) {
    for (const auto& [t, p] : bind_processors_)
        if (t == type.get()) return p;
    Processor p = type->bind_processor(type_compiler());
    bind_processors_.emplace_back(type.get(), p);
    return p;
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
    if (any) result_->result_processors = std::move(processors);
    else result_->result_processors.clear();
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

void SqlCompiler::process_operand(const ColumnElement& child, int parent_precedence, bool parenthesise_equal) {
    const int p = child.precedence();
    const bool group = p < parent_precedence || (p == parent_precedence && parenthesise_equal && p != prec::atom);
    if (group) out_ += '(';
    child.accept(*this);
    if (group) out_ += ')';
}

void SqlCompiler::emit_bind(const std::string& key, const std::optional<Value>& value) {
    Processor processor = bind_type_ ? bind_processor_for(bind_type_) : Processor{};
    if (options_.literal_binds && value) {
        out_ += render_literal_value(processor ? processor(*value) : *value);
        return;
    }
    if (positional_) {
        binds_.push_back(BindParameter{key, value, std::move(processor)});
        out_ += positional_marker;
        return;
    }
    const bool seen = std::any_of(binds_.begin(), binds_.end(), [&](const auto& b) { return b.key == key; });
    if (!seen) binds_.push_back(BindParameter{key, value, std::move(processor)});
    out_ += bind_placeholder(safe_bind_name(key), 0);
}

void SqlCompiler::comma_list(const std::vector<ColumnPtr>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out_ += ", ";
        process(*items[i]);
    }
}

void SqlCompiler::order_by_clause(const std::vector<ColumnPtr>& order_by) {
    if (order_by.empty()) return;
    out_ += " ORDER BY ";
    for (std::size_t i = 0; i < order_by.size(); ++i) {
        if (i) out_ += ", ";
        // A label is referred to by name in ORDER BY, as SQLAlchemy does.
        const ColumnElement* e = order_by[i].get();
        const auto* u = dynamic_cast<const UnaryNode*>(e);
        const ColumnElement* inner = u && u->op != UnaryOp::not_ && u->op != UnaryOp::neg ? u->operand.get() : e;
        if (const auto* label = dynamic_cast<const LabelNode*>(inner)) {
            out_ += quote(label->name);
            if (u && inner != e) {
                if (u->op == UnaryOp::asc) out_ += " ASC";
                if (u->op == UnaryOp::desc) out_ += " DESC";
                if (u->op == UnaryOp::nulls_first) out_ += " NULLS FIRST";
                if (u->op == UnaryOp::nulls_last) out_ += " NULLS LAST";
            }
        } else {
            process(*e);
        }
    }
}

void SqlCompiler::set_clause(const NodeAssignments& assignments, const TableNode* table) {
    for (std::size_t i = 0; i < assignments.size(); ++i) {
        if (i) out_ += ", ";
        out_ += quote(assignments[i].first);
        out_ += '=';
        process_coerced(*assignments[i].second, table ? column_type(*table, assignments[i].first) : nullptr,
                        prec::atom);
    }
}

void SqlCompiler::from_item(const FromClause& from) { process(from); }

std::vector<FromPtr> SqlCompiler::extra_froms(const TableNode& target, const ColumnPtr& where,
                                              const NodeAssignments* values) const {
    std::vector<FromPtr> found;
    if (where) where->collect_froms(found);
    if (values)
        for (const auto& [column, value] : *values)
            if (value) value->collect_froms(found);
    std::vector<FromPtr> extra;
    for (const auto& f : found) {
        if (f->covers(&target)) continue;
        if (std::any_of(extra.begin(), extra.end(), [&](const FromPtr& e) { return e->covers(f.get()); })) continue;
        extra.push_back(f);
    }
    return extra;
}

void SqlCompiler::from_list(const std::vector<FromPtr>& froms) {
    for (std::size_t i = 0; i < froms.size(); ++i) {
        if (i) out_ += ", ";
        from_item(*froms[i]);
    }
}

void SqlCompiler::update_from_clause(const std::vector<FromPtr>& extra_froms) {
    out_ += " FROM ";
    from_list(extra_froms);
}

void SqlCompiler::delete_using_clause(const std::vector<FromPtr>& extra_froms) {
    out_ += " USING ";
    from_list(extra_froms);
}

// ---- hooks --------------------------------------------------------------------------
void SqlCompiler::limit_clause(std::optional<std::int64_t> limit, std::optional<std::int64_t> offset) {
    if (limit) out_ += " LIMIT " + std::to_string(*limit);
    if (offset) {
        if (!limit.has_value()) out_ += " LIMIT -1";
        out_ += " OFFSET " + std::to_string(*offset);
    }
}

std::string SqlCompiler::render_bool(bool value) const { return value ? "true" : "false"; }

void SqlCompiler::returning_clause(const std::vector<ColumnPtr>& columns) {
    out_ += " RETURNING ";
    comma_list(columns);
}

std::string SqlCompiler::next_value_sql(const std::string& quoted_sequence) const {
    unsupported("the next value of sequence " + quoted_sequence);
}

std::string SqlCompiler::empty_in_expression(bool negated) const {
    return negated ? "NULL) OR (1 = 1" : "NULL) AND (1 != 1";
}

std::string SqlCompiler::bind_placeholder(const std::string& name, std::size_t position) const {
    switch (dialect_.paramstyle()) {
        case sdk::Paramstyle::qmark: return "?";
        case sdk::Paramstyle::numeric: return ":" + std::to_string(position);
        case sdk::Paramstyle::dollar: return "$" + std::to_string(position);
        case sdk::Paramstyle::format: return "%s";
        case sdk::Paramstyle::named: break;
    }
    return ":" + name;
}

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

std::string SqlCompiler::cte_preamble(bool recursive) const { return recursive ? "WITH RECURSIVE" : "WITH"; }

// ---- column elements ----------------------------------------------------------------
void SqlCompiler::visit_column(const ColumnNode& node) {
    if (node.from && !node.from->name().empty()) {
        if (const auto* table = dynamic_cast<const TableNode*>(node.from.get()); table && !table->schema.empty()) {
            out_ += quote(table->schema);
            out_ += '.';
        }
        out_ += quote(node.from->name());
        out_ += '.';
    }
    // A column of a subquery, alias or CTE may be a label this compiler generated for the
    // inner SELECT and shortened there (select_columns): refer to it by the same short name.
    // A table's own column is the user's name and is never shortened.
    if (dynamic_cast<const TableNode*>(node.from.get()) || !node.from)
        out_ += quote(node.name);
    else
        out_ += quote(preparer().truncate(node.name));
}

void SqlCompiler::visit_bind_param(const BindParamNode& node) {
    emit_bind(node.anonymous ? namer_.next(node.key) : node.key, node.value);
}

void SqlCompiler::visit_text(const TextNode& node) {
    if (dialect_.paramstyle() != sdk::Paramstyle::format) {
        out_ += node.text;
        return;
    }
    for (char c : node.text) {
        if (c == '%') out_ += '%';
        out_ += c;
    }
}

void SqlCompiler::visit_keyword(const KeywordNode& node) {
    switch (node.kind) {
        case KeywordNode::Kind::null: out_ += "NULL"; break;
        case KeywordNode::Kind::true_: out_ += render_bool(true); break;
        case KeywordNode::Kind::false_: out_ += render_bool(false); break;
    }
}

void SqlCompiler::visit_binary(const BinaryNode& node) {
    if (node.is_true_division() && div_is_floordiv()) return visit_true_division(node);
    if (node.op == BinaryOp::ilike || node.op == BinaryOp::not_ilike) return visit_ilike(node);
    const int p = node.precedence();
    // A bound value takes the type of the other side (users.born == Date{...} binds as a Date).
    const bool coerce = coerces_operands(node.op);
    if (coerce && dynamic_cast<const TupleNode*>(node.left.get()) && dynamic_cast<const TupleNode*>(node.right.get())) {
        process_facing(*node.left, *node.right);
        out_ += binary_operator_text(node.op);
        process_facing(*node.right, *node.left);
        return;
    }
    const bool left_bind = coerce && dynamic_cast<const BindParamNode*>(node.left.get()) != nullptr;
    const bool right_bind = coerce && dynamic_cast<const BindParamNode*>(node.right.get()) != nullptr;
    const TypePtr left_type = right_bind ? expression_type(*node.left) : nullptr;
    const TypePtr right_type = left_bind ? expression_type(*node.right) : nullptr;
    process_coerced(*node.left, right_type, p, !same_operator(*node.left, node));
    if (node.op == BinaryOp::custom) {
        out_ += ' ';
        out_ += node.custom_op;
        out_ += ' ';
    } else if (node.op == BinaryOp::mod && dialect_.paramstyle() == sdk::Paramstyle::format) {
        out_ += " %% ";
    } else {
        out_ += binary_operator_text(node.op);
    }
    process_coerced(*node.right, left_type, p, !same_operator(*node.right, node));
    if (node.escape) out_ += " ESCAPE " + render_literal_value(Value(std::string(1, *node.escape)));
}

void SqlCompiler::visit_true_division(const BinaryNode& node) {
    process_operand(*node.left, prec::multiplicative);
    out_ += " / CAST(";
    process_coerced(*node.right, expression_type(*node.left));
    out_ += " AS " + true_division_type() + ")";
}

void SqlCompiler::visit_ilike(const BinaryNode& node) {
    out_ += "lower(";
    process(*node.left);
    out_ += node.op == BinaryOp::ilike ? ") LIKE lower(" : ") NOT LIKE lower(";
    process(*node.right);
    out_ += ')';
    if (node.escape) out_ += " ESCAPE " + render_literal_value(Value(std::string(1, *node.escape)));
}

void SqlCompiler::visit_unary(const UnaryNode& node) {
    switch (node.op) {
        case UnaryOp::not_:
            out_ += "NOT ";
            process_operand(*node.operand, prec::not_ + 1);
            return;
        case UnaryOp::neg:
            out_ += '-';
            process_operand(*node.operand, prec::unary);
            return;
        case UnaryOp::distinct:
            out_ += "DISTINCT ";
            process_operand(*node.operand, prec::comparison + 1);
            return;
        case UnaryOp::asc: process(*node.operand); out_ += " ASC"; return;
        case UnaryOp::desc: process(*node.operand); out_ += " DESC"; return;
        case UnaryOp::nulls_first: process(*node.operand); out_ += " NULLS FIRST"; return;
        case UnaryOp::nulls_last: process(*node.operand); out_ += " NULLS LAST"; return;
    }
}

void SqlCompiler::visit_boolean_list(const BooleanListNode& node) {
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        if (i) out_ += node.is_and ? " AND " : " OR ";
        process_operand(*node.items[i], node.precedence(), !same_operator(*node.items[i], node));
    }
}

void SqlCompiler::visit_in(const InNode& node) {
    if (node.expanding() && node.values.empty()) {
        // SQLAlchemy's empty-set expression, grouped so AND/OR around it keep their meaning.
        out_ += '(';
        process_operand(*node.left, prec::comparison);
        out_ += node.negated ? " NOT IN (" : " IN (";
        out_ += empty_in_expression(node.negated);
        out_ += "))";
        return;
    }
    process_operand(*node.left, prec::comparison);
    out_ += node.negated ? " NOT IN (" : " IN (";
    if (node.subquery) {
        ++depth_;
        process(*node.subquery);
        --depth_;
    } else if (!node.items.empty()) {
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            if (i) out_ += ", ";
            process_facing(*node.items[i], *node.left);
        }
    } else {
        const std::string name = namer_.next(node.left->bind_base());
        TypePtr saved = std::move(bind_type_);
        bind_type_ = expression_type(*node.left);
        if (options_.keep_expanding && !options_.literal_binds) {
            // One bind for the whole list, rendered when the statement runs (expand()).
            binds_.push_back(BindParameter{name, std::nullopt,
                                           bind_type_ ? bind_processor_for(bind_type_) : Processor{}, true});
            out_ += expanding_marker;
        } else {
            for (std::size_t i = 0; i < node.values.size(); ++i) {
                if (i) out_ += ", ";
                emit_bind(name + "_" + std::to_string(i + 1), node.values[i]);
            }
        }
        bind_type_ = std::move(saved);
    }
    out_ += ')';
}

void SqlCompiler::visit_between(const BetweenNode& node) {
    process_operand(*node.expr, prec::comparison);
    const TypePtr type = expression_type(*node.expr);
    out_ += node.negated ? " NOT BETWEEN " : " BETWEEN ";
    process_coerced(*node.low, type, prec::comparison);
    out_ += " AND ";
    process_coerced(*node.high, type, prec::comparison);
}

void SqlCompiler::visit_function(const FunctionNode& node) {
    static const char* const bare[] = {"current_timestamp", "current_date", "current_time", "localtime",
                                       "localtimestamp", "current_user", "session_user", "user"};
    if (node.args.empty()) {
        for (const char* b : bare)
            if (node.name == b) {
                std::string upper = node.name;
                for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                out_ += upper;
                return;
            }
    }
    out_ += function_name(node.name);
    out_ += '(';
    if (node.name == "count" && node.args.empty()) out_ += '*';
    comma_list(node.args);
    out_ += ')';
}

void SqlCompiler::visit_label(const LabelNode& node) { process(*node.element); }

void SqlCompiler::visit_case(const CaseNode& node) {
    out_ += "CASE";
    if (node.value) {
        out_ += ' ';
        process(*node.value);
    }
    const TypePtr value_type = node.value ? expression_type(*node.value) : nullptr;
    for (const auto& [cond, result] : node.whens) {
        out_ += " WHEN ";
        process_coerced(*cond, value_type);
        out_ += " THEN ";
        process(*result);
    }
    if (node.else_) {
        out_ += " ELSE ";
        process(*node.else_);
    }
    out_ += " END";
}

void SqlCompiler::visit_cast(const CastNode& node) {
    out_ += "CAST(";
    process(*node.element);
    out_ += " AS " + type_sql(*node.type) + ")";
}

void SqlCompiler::visit_over(const OverNode& node) {
    process(*node.element);
    out_ += " OVER (";
    if (!node.partition_by.empty()) {
        out_ += "PARTITION BY ";
        comma_list(node.partition_by);
    }
    if (!node.order_by.empty()) {
        if (!node.partition_by.empty()) out_ += ' ';
        out_ += "ORDER BY ";
        comma_list(node.order_by);
    }
    if (node.frame != OverNode::FrameKind::none) {
        if (!node.partition_by.empty() || !node.order_by.empty()) out_ += ' ';
        out_ += node.frame == OverNode::FrameKind::rows ? "ROWS BETWEEN " : "RANGE BETWEEN ";
        const auto bound = [](std::optional<std::int64_t> b, const char* unbounded) -> std::string {
            if (!b.has_value()) return unbounded;
            if (*b == 0) return "CURRENT ROW";
            // Magnitude as unsigned: -INT64_MIN would overflow.
            const std::uint64_t n = *b < 0 ? 0 - static_cast<std::uint64_t>(*b) : static_cast<std::uint64_t>(*b);
            return std::to_string(n) + (*b < 0 ? " PRECEDING" : " FOLLOWING");
        };
        out_ += bound(node.frame_start, "UNBOUNDED PRECEDING") + " AND " + bound(node.frame_end, "UNBOUNDED FOLLOWING");
    }
    out_ += ')';
}

void SqlCompiler::visit_scalar_select(const ScalarSelectNode& node) {
    out_ += '(';
    ++depth_;
    process(*node.select);
    --depth_;
    out_ += ')';
}

void SqlCompiler::visit_exists(const ExistsNode& node) {
    out_ += node.negated ? "NOT (EXISTS (" : "EXISTS (";
    ++depth_;
    process(*node.select);
    --depth_;
    out_ += node.negated ? "))" : ")";
}

void SqlCompiler::visit_next_value(const NextValueNode& node) { out_ += next_value_sql(quote(node.sequence)); }

void SqlCompiler::visit_excluded_column(const ExcludedColumnNode& node) { out_ += "excluded." + quote(node.name); }

// ---- FROM objects -------------------------------------------------------------------
void SqlCompiler::visit_table(const TableNode& node) {
    if (!node.schema.empty()) out_ += quote(node.schema) + ".";
    out_ += quote(node.table_name);
}

void SqlCompiler::visit_alias(const AliasNode& node) {
    process(*node.element);
    out_ += " AS " + quote(node.alias);
}

void SqlCompiler::visit_join(const JoinNode& node) {
    process(*node.left);
    switch (node.kind) {
        case JoinKind::inner: out_ += " JOIN "; break;
        case JoinKind::left: out_ += " LEFT OUTER JOIN "; break;
        case JoinKind::full: out_ += " FULL OUTER JOIN "; break;
    }
    const bool nested = dynamic_cast<const JoinNode*>(node.right.get()) != nullptr;
    if (nested) out_ += '(';
    process(*node.right);
    if (nested) out_ += ')';
    out_ += " ON ";
    process(*node.onclause);
}

void SqlCompiler::visit_subquery(const SubqueryNode& node) {
    if (node.lateral) {
        lateral_keyword();
        out_ += '(';
        ++depth_;
        process(*node.select);  // keeps enclosing_froms_: it correlates with the FROM items before it
        --depth_;
        out_ += ") AS " + quote(node.alias);
        return;
    }
    out_ += '(';
    auto saved = std::move(enclosing_froms_);
    enclosing_froms_.clear();
    ++depth_;
    process(*node.select);
    --depth_;
    enclosing_froms_ = std::move(saved);
    out_ += ") AS " + quote(node.alias);
}

void SqlCompiler::visit_cte(const CteNode& node) {
    if (std::find(cte_names_.begin(), cte_names_.end(), node.cte_name) == cte_names_.end()) {
        cte_names_.push_back(node.cte_name);
        // Rendered apart and placed in the statement's WITH clause.
        std::string saved_out = std::move(out_);
        auto saved_binds = std::move(binds_);
        auto saved_froms = std::move(enclosing_froms_);
        out_.clear();
        binds_.clear();
        enclosing_froms_.clear();
        ++depth_;
        process(*node.select);
        --depth_;
        ctes_.push_back(CteText{node.cte_name, std::move(out_), std::move(binds_), node.recursive});
        out_ = std::move(saved_out);
        binds_ = std::move(saved_binds);
        enclosing_froms_ = std::move(saved_froms);
    }
    out_ += quote(node.cte_name);
}

// ---- statements ---------------------------------------------------------------------
void SqlCompiler::select_columns(const SelectNode& node) {
    const auto labels = node.column_labels();
    for (std::size_t i = 0; i < node.columns.size(); ++i) {
        if (i) out_ += ", ";
        const ColumnElement& c = *node.columns[i];
        const auto* label = dynamic_cast<const LabelNode*>(&c);
        if (label)
            process(*label->element);
        else
            process(c);
        // An explicit label() is the user's name (refused when too long, by quote()); one the
        // compiler made up (count_1, id_1, ...) is shortened to the dialect's limit instead.
        if (labels[i].second) out_ += " AS " + quote(label ? labels[i].first : preparer().truncate(labels[i].first));
    }
}

void SqlCompiler::visit_select(const SelectNode& node) {
    if (depth_ == 0) {
        result_->kind = StatementKind::select;
        set_result_processors(node.columns);
    }
    ++depth_;
    const auto froms = node.froms(enclosing_froms_);
    const auto mark = enclosing_froms_.size();
    for (const auto& f : froms) enclosing_froms_.push_back(f.get());

    out_ += node.distinct ? "SELECT DISTINCT " : "SELECT ";
    if (!node.distinct_on.empty()) distinct_on_clause(node.distinct_on);
    if (node.columns.empty())
        throw CompileError("a SELECT needs at least one column; give select() columns or a table");
    select_columns(node);
    if (froms.empty()) {
        out_ += default_from();
    } else {
        out_ += " FROM ";
        from_list(froms);
    }
    if (node.where) {
        out_ += " WHERE ";
        process(*node.where);
    }
    if (!node.group_by.empty()) {
        out_ += " GROUP BY ";
        comma_list(node.group_by);
    }
    if (node.having) {
        out_ += " HAVING ";
        process(*node.having);
    }
    order_by_clause(node.order_by);
    if (node.limit || node.offset) limit_clause(node.limit, node.offset);
    if (node.for_update) for_update_clause(*node.for_update);
    enclosing_froms_.resize(mark);
    --depth_;
}

void SqlCompiler::for_update_clause(const ForUpdateClause&) { out_ += " FOR UPDATE"; }

void SqlCompiler::lateral_keyword() { out_ += "LATERAL "; }

void SqlCompiler::distinct_on_clause(const std::vector<ColumnPtr>&) { unsupported("SELECT DISTINCT ON"); }

void SqlCompiler::visit_compound_select(const CompoundSelectNode& node) {
    if (depth_ == 0) {
        result_->kind = StatementKind::select;
        set_result_processors(node);
    }
    ++depth_;
    for (std::size_t i = 0; i < node.selects.size(); ++i) {
        if (i) out_ += compound_keyword(node.op);
        compound_member(*node.selects[i]);
    }
    order_by_clause(node.order_by);
    if (node.limit || node.offset) limit_clause(node.limit, node.offset);
    --depth_;
}

bool SqlCompiler::compound_member_needs_grouping(const SelectBaseNode& member) {
    return !member.order_by.empty() || member.limit || member.offset ||
           dynamic_cast<const CompoundSelectNode*>(&member) != nullptr;
}

void SqlCompiler::compound_member(const SelectBaseNode& member) {
    const bool group = compound_member_needs_grouping(member);
    if (group) out_ += '(';
    process(member);
    if (group) out_ += ')';
}

void SqlCompiler::visit_insert(const InsertNode& node) {
    if (depth_ == 0) {
        result_->kind = StatementKind::insert;
        result_->primary_key_columns = node.table->primary_key();
        result_->autoincrement_column = node.table->autoincrement_index();
    }
    ++depth_;
    out_ += "INSERT INTO ";
    process(*node.table);
    if (node.from_select) {
        out_ += " (";
        for (std::size_t i = 0; i < node.select_columns.size(); ++i) {
            if (i) out_ += ", ";
            out_ += quote(node.select_columns[i]);
        }
        out_ += ") ";
        process(*node.from_select);
    } else {
        const auto rows = node.rows();
        if (rows.size() == 1 && rows.front().empty()) {
            out_ += " DEFAULT VALUES";
        } else {
            out_ += " (";
            const auto& first = rows.front();
            for (std::size_t i = 0; i < first.size(); ++i) {
                if (i) out_ += ", ";
                out_ += quote(first[i].first);
            }
            out_ += ") VALUES ";
            // A top-level single-row VALUES without ON CONFLICT (a page of rows could conflict
            // with each other) can be batched by executemany: remember where its tuple is.
            const bool batchable =
                depth_ == 1 && rows.size() == 1 && node.on_conflict == InsertNode::OnConflict::none;
            ValuesTupleSpan span{out_.size(), 0, binds_.size(), 0};
            for (std::size_t r = 0; r < rows.size(); ++r) {
                if (r) out_ += ", ";
                out_ += '(';
                for (std::size_t i = 0; i < rows[r].size(); ++i) {
                    if (i) out_ += ", ";
                    process_coerced(*rows[r][i].second, column_type(*node.table, rows[r][i].first));
                }
                out_ += ')';
            }
            if (batchable) {
                span.end = out_.size();
                span.binds_after = binds_.size();
                values_tuple_ = span;
            }
        }
    }
    if (node.on_conflict != InsertNode::OnConflict::none) visit_on_conflict(node);
    if (depth_ == 1) result_->return_defaults = node.return_defaults;
    if (!node.returning.empty()) {
        if (!supports_returning()) unsupported("INSERT ... RETURNING");
        if (depth_ == 1) {
            set_result_processors(node.returning);
            result_->explicit_returning = true;  // the caller's rows, unlike the implicit key RETURNING
        }
        returning_clause(node.returning);
    } else if (depth_ == 1 && implicit_returning() && supports_returning() && !node.from_select &&
               node.multi_values.empty() && result_->autoincrement_column) {
        std::vector<ColumnPtr> key;
        for (const auto& name : result_->primary_key_columns)
            key.push_back(node.table->make_column(node.table_from, name));
        set_result_processors(key);
        returning_clause(key);
        result_->returns_primary_key = true;
    }
    --depth_;
}

void SqlCompiler::visit_on_conflict(const InsertNode& node) {
    if (!supports_on_conflict()) unsupported("INSERT ... ON CONFLICT (on_conflict_do_nothing/do_update)");
    out_ += " ON CONFLICT";
    if (!node.conflict_target.empty()) {
        out_ += " (";
        for (std::size_t i = 0; i < node.conflict_target.size(); ++i) {
            if (i) out_ += ", ";
            out_ += quote(node.conflict_target[i]);
        }
        out_ += ')';
    }
    if (node.on_conflict == InsertNode::OnConflict::do_nothing) {
        out_ += " DO NOTHING";
        return;
    }
    out_ += " DO UPDATE SET ";
    for (std::size_t i = 0; i < node.conflict_set.size(); ++i) {
        if (i) out_ += ", ";
        out_ += quote(node.conflict_set[i].first) + " = ";
        process_coerced(*node.conflict_set[i].second, column_type(*node.table, node.conflict_set[i].first), prec::atom);
    }
    if (node.conflict_where) {
        out_ += " WHERE ";
        process(*node.conflict_where);
    }
}

void SqlCompiler::visit_update(const UpdateNode& node) {
    if (depth_ == 0) result_->kind = StatementKind::update;
    ++depth_;
    const auto assignments = node.assignments();
    if (assignments.empty())
        throw CompileError("UPDATE of '" + node.table->table_name +
                           "' has no column to SET; give values() or parameters named after columns");
    out_ += "UPDATE ";
    process(*node.table);
    // Subqueries in SET and WHERE correlate with the target and with the other tables.
    const auto extra = extra_froms(*node.table, node.where, &assignments);
    const auto mark = enclosing_froms_.size();
    enclosing_froms_.push_back(node.table.get());
    for (const auto& f : extra) enclosing_froms_.push_back(f.get());
    out_ += " SET ";
    set_clause(assignments, node.table.get());
    if (!extra.empty()) update_from_clause(extra);
    if (node.where) {
        out_ += " WHERE ";
        process(*node.where);
    }
    enclosing_froms_.resize(mark);
    if (!node.returning.empty()) {
        if (!supports_returning()) unsupported("UPDATE ... RETURNING");
        if (depth_ == 1) {
            set_result_processors(node.returning);
            result_->explicit_returning = true;  // the caller's rows, unlike the implicit key RETURNING
        }
        returning_clause(node.returning);
    }
    --depth_;
}

void SqlCompiler::visit_delete(const DeleteNode& node) {
    if (depth_ == 0) result_->kind = StatementKind::delete_;
    ++depth_;
    out_ += "DELETE FROM ";
    process(*node.table);
    const auto extra = extra_froms(*node.table, node.where, nullptr);
    const auto mark = enclosing_froms_.size();
    enclosing_froms_.push_back(node.table.get());
    for (const auto& f : extra) enclosing_froms_.push_back(f.get());
    if (!extra.empty()) delete_using_clause(extra);
    if (node.where) {
        out_ += " WHERE ";
        process(*node.where);
    }
    enclosing_froms_.resize(mark);
    if (!node.returning.empty()) {
        if (!supports_returning()) unsupported("DELETE ... RETURNING");
        if (depth_ == 1) {
            set_result_processors(node.returning);
            result_->explicit_returning = true;  // the caller's rows, unlike the implicit key RETURNING
        }
        returning_clause(node.returning);
    }
    --depth_;
}

}  // namespace athanor::sql
