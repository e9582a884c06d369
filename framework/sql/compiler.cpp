// The generic SQL compiler: SQL-standard output matching SQLAlchemy's default compiler,
// with every dialect difference behind a virtual hook. This file holds the compile driver,
// the helpers every visitor shares, the FROM objects and the SELECT statements; the column
// elements, DML, expanding IN and literal/type handling have files of their own
// (compiler_elements.cpp, compiler_dml.cpp, compiler_expand.cpp, compiler_literals.cpp).
#include "compiler_placeholders.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>

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

void SqlCompiler::from_item(const FromClause& from) { process(from); }

void SqlCompiler::from_list(const std::vector<FromPtr>& froms) {
    for (std::size_t i = 0; i < froms.size(); ++i) {
        if (i) out_ += ", ";
        from_item(*froms[i]);
    }
}

// ---- hooks --------------------------------------------------------------------------
void SqlCompiler::limit_clause(std::optional<std::int64_t> limit, std::optional<std::int64_t> offset) {
    if (limit) out_ += " LIMIT " + std::to_string(*limit);
    if (offset) {
        if (!limit.has_value()) out_ += " LIMIT -1";
        out_ += " OFFSET " + std::to_string(*offset);
    }
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

std::string SqlCompiler::cte_preamble(bool recursive) const { return recursive ? "WITH RECURSIVE" : "WITH"; }

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

}  // namespace athanor::sql
