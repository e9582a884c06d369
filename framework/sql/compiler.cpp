// The generic SQL compiler: SQL-standard output matching SQLAlchemy's default compiler,
// with every dialect difference behind a virtual hook. This file holds the compile driver,
// the helpers every visitor shares, the FROM objects and the SELECT statements; the column
// elements, DML, expanding IN and literal/type handling have files of their own
// (compiler_elements.cpp, compiler_dml.cpp, compiler_expand.cpp, compiler_literals.cpp).
#include "compiler_placeholders.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/types.hpp>

#include "compiler_state.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace athanor::sql {

namespace {

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

SqlCompiler::SqlCompiler(const sdk::Dialect& dialect) : dialect_(dialect), state_(std::make_unique<State>()) {}
SqlCompiler::~SqlCompiler() = default;

std::string& SqlCompiler::out() { return state_->out_; }

std::shared_ptr<CompiledStatement> SqlCompiler::compile(const ClauseElement& statement, const CompileOptions& options) {
    state_->options_ = options;
    state_->result_ = std::make_shared<CompiledStatement>();
    state_->positional_ = dialect_.paramstyle() != sdk::Paramstyle::named;
    state_->out_.clear();
    state_->binds_.clear();
    state_->bind_type_.reset();
    state_->bind_processors_.clear();
    state_->values_tuple_.reset();
    state_->out_.reserve(256);
    process(statement);
    record_insertmanyvalues();

    std::string sql;
    std::vector<BindParameter> binds;
    if (!state_->ctes_.empty()) {
        bool recursive = false;
        for (const auto& c : state_->ctes_) recursive = recursive || c.recursive;
        sql = cte_preamble(recursive) + " ";
        for (std::size_t i = 0; i < state_->ctes_.size(); ++i) {
            if (i) sql += ", ";
            sql += quote(state_->ctes_[i].name) + state_->ctes_[i].columns + " AS (" + state_->ctes_[i].sql + ")";
            for (auto& b : state_->ctes_[i].binds) binds.push_back(std::move(b));
        }
        sql += " ";
    }
    sql += state_->out_;
    for (auto& b : state_->binds_) binds.push_back(std::move(b));

    if (!state_->positional_ && !state_->ctes_.empty()) {
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
        state_->result_->insertmanyvalues.reset();
        state_->result_->expanding_template = sql;
        state_->result_->binds = std::move(binds);
        state_->result_->sql = render_template(*state_->result_, nullptr, nullptr);
        return std::move(state_->result_);
    }
    if (state_->positional_) {
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
    state_->result_->sql = std::move(sql);
    state_->result_->binds = std::move(binds);
    return std::move(state_->result_);
}

// ---- helpers ------------------------------------------------------------------------
const IdentifierPreparer& SqlCompiler::preparer() {
    if (!state_->preparer_) state_->preparer_ = create_preparer();
    return *state_->preparer_;
}

std::unique_ptr<IdentifierPreparer> SqlCompiler::create_preparer() const {
    return std::make_unique<IdentifierPreparer>(dialect_);
}

void SqlCompiler::unsupported(const std::string& construct) const {
    throw CompileError(construct + " is not supported by dialect '" + dialect_.name() +
                       "'; rewrite the statement without it or use a dialect that supports it");
}

const TypeCompiler& SqlCompiler::type_compiler() const {
    if (!state_->type_compiler_) state_->type_compiler_ = type_compiler_for(dialect_);
    return *state_->type_compiler_;
}

std::string SqlCompiler::type_sql(const TypeEngine& type) const { return type_compiler().process(type); }

void SqlCompiler::process_operand(const ColumnElement& child, int parent_precedence, bool parenthesise_equal) {
    const int p = child.precedence();
    const bool group = p < parent_precedence || (p == parent_precedence && parenthesise_equal && p != prec::atom);
    if (group) state_->out_ += '(';
    child.accept(*this);
    if (group) state_->out_ += ')';
}

void SqlCompiler::emit_bind(const std::string& key, const std::optional<Value>& value) {
    Processor processor = state_->bind_type_ ? bind_processor_for(state_->bind_type_) : Processor{};
    if (state_->options_.literal_binds && value) {
        state_->out_ += render_literal_value(processor ? processor(*value) : *value);
        return;
    }
    if (state_->positional_) {
        state_->binds_.push_back(BindParameter{key, value, std::move(processor)});
        state_->out_ += positional_marker;
        return;
    }
    const bool seen = std::any_of(state_->binds_.begin(), state_->binds_.end(), [&](const auto& b) { return b.key == key; });
    if (!seen) state_->binds_.push_back(BindParameter{key, value, std::move(processor)});
    state_->out_ += bind_placeholder(safe_bind_name(key), 0);
}

void SqlCompiler::comma_list(const std::vector<ColumnPtr>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) state_->out_ += ", ";
        process(*items[i]);
    }
}

void SqlCompiler::order_by_clause(const std::vector<ColumnPtr>& order_by) {
    if (order_by.empty()) return;
    state_->out_ += " ORDER BY ";
    for (std::size_t i = 0; i < order_by.size(); ++i) {
        if (i) state_->out_ += ", ";
        // A label is referred to by name in ORDER BY, as SQLAlchemy does.
        const ColumnElement* e = order_by[i].get();
        const auto* u = dynamic_cast<const UnaryNode*>(e);
        const bool modifier = u && (u->op == UnaryOp::asc || u->op == UnaryOp::desc || u->op == UnaryOp::nulls_first ||
                                     u->op == UnaryOp::nulls_last);
        const ColumnElement* inner = modifier ? u->operand.get() : e;
        if (const auto* label = dynamic_cast<const LabelNode*>(inner)) {
            state_->out_ += quote(label->name);
            if (u && inner != e) {
                if (u->op == UnaryOp::asc) state_->out_ += " ASC";
                if (u->op == UnaryOp::desc) state_->out_ += " DESC";
                if (u->op == UnaryOp::nulls_first) state_->out_ += " NULLS FIRST";
                if (u->op == UnaryOp::nulls_last) state_->out_ += " NULLS LAST";
            }
        } else {
            process(*e);
        }
    }
}

void SqlCompiler::from_item(const FromClause& from) { process(from); }

void SqlCompiler::from_list(const std::vector<FromPtr>& froms) {
    for (std::size_t i = 0; i < froms.size(); ++i) {
        if (i) state_->out_ += ", ";
        from_item(*froms[i]);
    }
}

// ---- hooks --------------------------------------------------------------------------
void SqlCompiler::limit_clause(const ColumnElement* limit, const ColumnElement* offset) {
    if (limit) {
        state_->out_ += " LIMIT ";
        row_count(*limit);
    }
    if (offset) {
        if (!limit) state_->out_ += " LIMIT -1";
        state_->out_ += " OFFSET ";
        row_count(*offset);
    }
}

void SqlCompiler::fetch_clause(const FetchClause& fetch, const ColumnElement* offset) {
    // The standard's grammar takes a literal, a parameter or a parenthesised expression here
    // (PostgreSQL rejects OFFSET 1 + 1 ROWS), hence the grouping.
    if (offset) {
        state_->out_ += " OFFSET ";
        row_count(*offset, true);
        state_->out_ += " ROWS";
    }
    state_->out_ += " FETCH FIRST ";
    row_count(*fetch.count, true);
    if (fetch.percent) state_->out_ += " PERCENT";
    state_->out_ += fetch.with_ties ? " ROWS WITH TIES" : " ROWS ONLY";
}

void SqlCompiler::row_count(const ColumnElement& value, bool grouped) {
    process_coerced(value, types::Integer(), grouped ? prec::atom : 0, false);
}

BindNamer SqlCompiler::bind_namer() const { return state_->namer_; }
void SqlCompiler::set_bind_namer(BindNamer namer) { state_->namer_ = std::move(namer); }

namespace {
/// LIMIT/OFFSET or FETCH of a SELECT or compound SELECT, through the dialect's hooks.
void row_limits(SqlCompiler& c, const SelectBaseNode& node) {
    if (node.fetch)
        c.fetch_clause(*node.fetch, node.offset.get());
    else if (node.limit || node.offset)
        c.limit_clause(node.limit.get(), node.offset.get());
}
}  // namespace

std::string SqlCompiler::next_value_sql(const std::string& quoted_sequence) const {
    unsupported("the next value of sequence " + quoted_sequence);
}

std::string SqlCompiler::empty_in_expression(bool negated) const {
    return negated ? "NULL) OR (1 = 1" : "NULL) AND (1 != 1";
}

std::string SqlCompiler::empty_tuple_in_expression(bool negated, std::size_t width) const {
    std::string nulls = "(";
    for (std::size_t i = 0; i < width; ++i) nulls += i ? ", NULL" : "NULL";
    nulls += ')';
    return nulls + (negated ? ") OR (1 = 1" : ") AND (1 != 1");
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

std::string SqlCompiler::cte_preamble(bool recursive) const { return recursive ? "WITH RECURSIVE" : "WITH"; }

// ---- FROM objects -------------------------------------------------------------------
const std::string& SqlCompiler::effective_schema(const std::string& schema) const {
    return translate_schema(state_->options_.schema_translate_map.get(), schema);
}

void SqlCompiler::visit_table(const TableNode& node) {
    if (const auto& schema = effective_schema(node.schema); !schema.empty()) state_->out_ += quote(schema) + ".";
    state_->out_ += quote(node.table_name);
    if (const auto* alias = state_->ambiguous_alias(&node)) state_->out_ += " AS " + quote(*alias);
}

void SqlCompiler::visit_alias(const AliasNode& node) {
    // An aliased table is named by its alias already: no anonymous alias inside this one.
    auto ambiguous = std::move(state_->ambiguous_tables_);
    state_->ambiguous_tables_.clear();
    process(*node.element);
    state_->ambiguous_tables_ = std::move(ambiguous);
    state_->out_ += " AS " + quote(node.alias);
}

void SqlCompiler::visit_join(const JoinNode& node) {
    process(*node.left);
    switch (node.kind) {
        case JoinKind::inner: state_->out_ += " JOIN "; break;
        case JoinKind::left: state_->out_ += " LEFT OUTER JOIN "; break;
        case JoinKind::full: state_->out_ += " FULL OUTER JOIN "; break;
    }
    const bool nested = dynamic_cast<const JoinNode*>(node.right.get()) != nullptr;
    if (nested) state_->out_ += '(';
    process(*node.right);
    if (nested) state_->out_ += ')';
    state_->out_ += " ON ";
    process(*node.onclause);
}

void SqlCompiler::visit_subquery(const SubqueryNode& node) {
    if (node.lateral) {
        lateral_keyword();
        state_->out_ += '(';
        ++state_->depth_;
        process(*node.select);  // keeps state_->enclosing_froms_: it correlates with the FROM items before it
        --state_->depth_;
        state_->out_ += ") AS " + quote(node.alias);
        return;
    }
    state_->out_ += '(';
    auto saved = std::move(state_->enclosing_froms_);
    state_->enclosing_froms_.clear();
    ++state_->depth_;
    process(*node.select);
    --state_->depth_;
    state_->enclosing_froms_ = std::move(saved);
    state_->out_ += ") AS " + quote(node.alias);
}

void SqlCompiler::visit_cte(const CteNode& node) {
    if (std::find(state_->cte_names_.begin(), state_->cte_names_.end(), node.cte_name) == state_->cte_names_.end()) {
        state_->cte_names_.push_back(node.cte_name);
        // Rendered apart and placed in the statement's WITH clause.
        std::string saved_out = std::move(state_->out_);
        auto saved_binds = std::move(state_->binds_);
        auto saved_froms = std::move(state_->enclosing_froms_);
        state_->out_.clear();
        state_->binds_.clear();
        state_->enclosing_froms_.clear();
        ++state_->depth_;
        std::string columns;
        if (node.values) {
            values_rows(*node.values);
            columns = " (" + values_column_list(*node.values) + ")";
        } else {
            process(*node.select);
        }
        --state_->depth_;
        state_->ctes_.push_back(
            State::CteText{node.cte_name, std::move(state_->out_), std::move(state_->binds_), node.recursive, std::move(columns)});
        state_->out_ = std::move(saved_out);
        state_->binds_ = std::move(saved_binds);
        state_->enclosing_froms_ = std::move(saved_froms);
    }
    state_->out_ += quote(node.cte_name);
}

void SqlCompiler::values_rows(const ValuesNode& node) {
    if (node.rows.empty()) throw CompileError("values('" + node.alias + "') has no rows: give them with data()");
    state_->out_ += "VALUES ";
    for (std::size_t r = 0; r < node.rows.size(); ++r) {
        state_->out_ += r ? ", (" : "(";
        for (std::size_t i = 0; i < node.rows[r].size(); ++i) {
            if (i) state_->out_ += ", ";
            values_cell(*node.rows[r][i], node.columns[i].type);
        }
        state_->out_ += ')';
    }
}

void SqlCompiler::values_cell(const ColumnElement& cell, const TypePtr& type) { process_coerced(cell, type); }

void SqlCompiler::visit_values(const ValuesNode& node) {
    state_->out_ += '(';
    values_rows(node);
    state_->out_ += ") AS " + quote(node.alias) + " (" + values_column_list(node) + ")";
}

std::string SqlCompiler::values_column_list(const ValuesNode& node) {
    std::string out;
    for (const auto& c : node.columns) out += (out.empty() ? "" : ", ") + quote(c.name);
    return out;
}

// ---- statements ---------------------------------------------------------------------
void SqlCompiler::select_columns(const SelectNode& node) {
    const auto labels = node.column_labels();
    for (std::size_t i = 0; i < node.columns.size(); ++i) {
        if (i) state_->out_ += ", ";
        // The top-level SELECT list shows a column through its type's column_expression().
        const ColumnPtr selected = state_->depth_ == 1 ? selected_expression(node.columns[i]) : node.columns[i];
        const ColumnElement& c = *selected;
        const auto* label = dynamic_cast<const LabelNode*>(&c);
        const bool wrapped = selected != node.columns[i];
        if (label)
            process(*label->element);
        else
            process(c);
        // An explicit label() is the user's name (refused when too long, by quote()); one the
        // compiler made up (count_1, id_1, ...) is shortened to the dialect's limit instead.
        if (wrapped && label) state_->out_ += " AS " + quote(label->name);
        else if (labels[i].second) state_->out_ += " AS " + quote(label ? labels[i].first : preparer().truncate(labels[i].first));
    }
}

void SqlCompiler::visit_select(const SelectNode& node) {
    if (state_->depth_ == 0) {
        state_->result_->kind = StatementKind::select;
        // What the database returns is each column's column_expression(): its type reads it.
        std::vector<ColumnPtr> shown;
        shown.reserve(node.columns.size());
        for (const auto& c : node.columns) shown.push_back(selected_expression(c));
        set_result_processors(shown);
    }
    ++state_->depth_;
    const auto froms = node.froms(state_->enclosing_froms_);
    const auto mark = state_->enclosing_froms_.size();
    for (const auto& f : froms) state_->enclosing_froms_.push_back(f.get());
    const auto ambiguous_mark = state_->ambiguous_tables_.size();
    {
        // A schema-qualified table named like an unqualified one in the same FROM list gets an
        // anonymous alias (SQLAlchemy #7471: `schema.t JOIN t` makes `t.c` ambiguous).
        std::vector<std::pair<const TableNode*, FromPtr>> tables;
        for (const auto& f : froms) f->base_tables(f, tables);
        for (const auto& [table, from] : tables) {
            if (from.get() != table || table->schema.empty() || state_->ambiguous_alias(table)) continue;
            const std::string& name = table->table_name;  // (a structured binding is not captured: Clang < 16)
            const bool clash = std::any_of(tables.begin(), tables.end(), [&](const auto& other) {
                return other.second.get() == other.first && other.first->schema.empty() && other.first->table_name == name;
            });
            if (clash)
                state_->ambiguous_tables_.emplace_back(
                    table, preparer().truncate(table->table_name + "_" + std::to_string(++state_->ambiguous_counter_)));
        }
    }

    state_->out_ += node.distinct ? "SELECT DISTINCT " : "SELECT ";
    if (!node.distinct_on.empty()) distinct_on_clause(node.distinct_on);
    if (node.columns.empty())
        throw CompileError("a SELECT needs at least one column; give select() columns or a table");
    select_columns(node);
    if (froms.empty()) {
        state_->out_ += default_from();
    } else {
        state_->out_ += " FROM ";
        from_list(froms);
    }
    if (node.where) {
        state_->out_ += " WHERE ";
        process(*node.where);
    }
    if (!node.group_by.empty()) {
        state_->out_ += " GROUP BY ";
        comma_list(node.group_by);
    }
    if (node.having) {
        state_->out_ += " HAVING ";
        process(*node.having);
    }
    order_by_clause(node.order_by);
    row_limits(*this, node);
    if (node.for_update) for_update_clause(*node.for_update);
    state_->ambiguous_tables_.resize(ambiguous_mark);
    state_->enclosing_froms_.resize(mark);
    --state_->depth_;
}

void SqlCompiler::for_update_clause(const ForUpdateClause&) { state_->out_ += " FOR UPDATE"; }

void SqlCompiler::lateral_keyword() { state_->out_ += "LATERAL "; }

void SqlCompiler::distinct_on_clause(const std::vector<ColumnPtr>&) { unsupported("SELECT DISTINCT ON"); }

void SqlCompiler::visit_compound_select(const CompoundSelectNode& node) {
    if (state_->depth_ == 0) {
        state_->result_->kind = StatementKind::select;
        set_result_processors(node);
    }
    ++state_->depth_;
    for (std::size_t i = 0; i < node.selects.size(); ++i) {
        if (i) state_->out_ += compound_keyword(node.op);
        compound_member(*node.selects[i]);
    }
    order_by_clause(node.order_by);
    row_limits(*this, node);
    --state_->depth_;
}

bool SqlCompiler::compound_member_needs_grouping(const SelectBaseNode& member) {
    return !member.order_by.empty() || member.limit || member.offset || member.fetch ||
           dynamic_cast<const CompoundSelectNode*>(&member) != nullptr;
}

void SqlCompiler::compound_member(const SelectBaseNode& member) {
    const bool group = compound_member_needs_grouping(member);
    if (group) state_->out_ += '(';
    process(member);
    if (group) state_->out_ += ')';
}

}  // namespace athanor::sql
