// INSERT / UPDATE / DELETE nodes and builders. Plain values bind under their column key.
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/dml.hpp>
#include <athanor/sql/select.hpp>

#include <algorithm>

namespace athanor::sql {

namespace {

void walk_assignments(const NodeAssignments& a, Walker& w) {
    w.number(static_cast<std::int64_t>(a.size()));
    for (const auto& [name, value] : a) {
        w.token(name);
        value->walk(w);
    }
}
void walk_list(const std::vector<ColumnPtr>& items, Walker& w) {
    w.number(static_cast<std::int64_t>(items.size()));
    for (const auto& i : items) i->walk(w);
}

const Column& require_column(const TableNode& table, const std::string& key, const char* construct) {
    const Column* c = table.find(key);
    if (!c) {
        std::string names;
        for (const auto& col : table.columns) names += (names.empty() ? "" : ", ") + col.name();
        throw ArgumentError(std::string(construct) + ": table '" + table.table_name + "' has no column '" + key +
                            "'; its columns are: " + names);
    }
    return *c;
}

/// A plain value bound under `key`; an expression is kept as it is. A literal_execute literal
/// stays anonymous: it is rendered in place at compile time, and a named literal_execute bind
/// would instead wait for its value at execution.
ColumnPtr value_for(const std::string& key, const Expr& value) {
    const auto* b = dynamic_cast<const BindParamNode*>(value.node().get());
    if (b && b->anonymous && b->key == "param" && !b->literal_execute) return b->renamed(key, false);
    return value.node();
}

ColumnPtr bind_for(const std::string& key) {
    return std::make_shared<BindParamNode>(key, std::nullopt, false, TypeAffinity::unknown);
}

bool contains_key(const ParameterKeys& keys, const std::string& name) {
    return keys && std::find(keys->begin(), keys->end(), name) != keys->end();
}

const ColumnPtr* find_assignment(const NodeAssignments& a, const std::string& name) {
    for (const auto& [k, v] : a)
        if (k == name) return &v;
    return nullptr;
}

/// What a column's client-side default puts into an INSERT that does not give the column:
/// a value bound under the column's name, a SQL expression, or (for a function) a NULL
/// placeholder whose processor calls the function per row (see Insert::compile); nullptr
/// when the column has no default.
ColumnPtr default_for(const Column& col) {
    const auto& d = col.default_value();
    switch (d.kind) {
        case ColumnDefault::Kind::value:
            return std::make_shared<BindParamNode>(col.name(), d.value, false, TypeEngine::affinity_of(d.value));
        case ColumnDefault::Kind::callable:
            return std::make_shared<BindParamNode>(col.name(), Value(), false,
                                                   col.type() ? col.type()->affinity() : TypeAffinity::unknown);
        case ColumnDefault::Kind::expression: return d.expression;
        case ColumnDefault::Kind::none: break;
    }
    return nullptr;
}

/// Table-ordered assignments: explicit values, plus parameters (or every column if neither);
/// for an INSERT (`defaults`), columns given neither way that have a client default.
NodeAssignments ordered_assignments(const TableNode& table, const NodeAssignments& values, const ParameterKeys& keys,
                                    bool defaults) {
    NodeAssignments out;
    const bool all_columns = values.empty() && !keys;
    for (const auto& col : table.columns) {
        if (const auto* v = find_assignment(values, col.name()))
            out.emplace_back(col.name(), *v);
        else if (all_columns && defaults && col.default_value().kind == ColumnDefault::Kind::value)
            out.emplace_back(col.name(), default_for(col));  // bound, so a parameter still overrides it
        else if (all_columns || contains_key(keys, col.name()))
            out.emplace_back(col.name(), bind_for(col.name()));
        else if (defaults && col.has_default())
            out.emplace_back(col.name(), default_for(col));
    }
    return out;
}

/// Columns of an INSERT whose value comes from a default function (their binds get a processor).
std::vector<const Column*> callable_defaults(const InsertNode& node) {
    std::vector<const Column*> out;
    if (!node.multi_values.empty()) return out;
    if (node.from_select) {
        // INSERT ... SELECT: the columns with_select_defaults() added, at the end of the list.
        const auto& names = node.select_columns;
        for (std::size_t i = names.size() - std::min(node.select_defaults, names.size()); i < names.size(); ++i)
            if (const Column* col = node.table->find(names[i]);
                col && col->default_value().kind == ColumnDefault::Kind::callable)
                out.push_back(col);
        return out;
    }
    for (const auto& col : node.table->columns)
        if (col.default_value().kind == ColumnDefault::Kind::callable && !find_assignment(node.values, col.name()) &&
            !contains_key(node.parameter_keys, col.name()))
            out.push_back(&col);
    return out;
}

std::vector<std::string> param_keys(const Params& params) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : params) keys.push_back(k);
    return keys;
}

std::vector<ColumnPtr> to_nodes(const std::vector<Expr>& exprs) {
    std::vector<ColumnPtr> out;
    for (const auto& e : exprs) out.push_back(e.node());
    return out;
}

/// INSERT ... SELECT with client-side defaults (SQLAlchemy's _scan_insert_from_select_cols):
/// every column the SELECT does not fill that has a default_() (or a Sequence, where the
/// dialect has sequences) is added to the column list, its value appended to the SELECT's
/// columns — a value as a bind, a SQL expression inline, a function as a bind whose processor
/// calls it once per execution, a sequence as its next value. Only a plain SELECT can be
/// extended; a compound one (UNION ...) with such columns raises CompileError.
std::shared_ptr<const InsertNode> with_select_defaults(const std::shared_ptr<const InsertNode>& node,
                                                       const sdk::Dialect& dialect) {
    std::vector<std::pair<std::string, ColumnPtr>> added;
    std::optional<bool> sequences;
    for (const auto& col : node->table->columns) {
        if (std::find(node->select_columns.begin(), node->select_columns.end(), col.name()) !=
            node->select_columns.end())
            continue;
        if (col.has_default()) {
            added.emplace_back(col.name(), default_for(col));
        } else if (col.sequence()) {
            if (!sequences.has_value()) sequences = ddl_compiler_for(dialect)->supports_sequences();
            if (*sequences) added.emplace_back(col.name(), std::make_shared<NextValueNode>(col.sequence()->name(), col.sequence()->schema()));
        }
    }
    if (added.empty()) return node;
    const auto* select = dynamic_cast<const SelectNode*>(node->from_select.get());
    if (!select) {
        std::string names;
        for (const auto& [name, value] : added) names += (names.empty() ? "'" : ", '") + name + "'";
        throw CompileError("INSERT INTO '" + node->table->table_name + "' ... FROM a compound SELECT cannot add the "
                           "client-side defaults of " + names + "; select those values in the SELECT itself");
    }
    auto extended = std::make_shared<SelectNode>(*select);
    auto out = std::make_shared<InsertNode>(*node);
    for (auto& [name, value] : added) {
        out->select_columns.push_back(name);
        extended->columns.push_back(std::move(value));
    }
    out->select_defaults = added.size();
    out->from_select = std::move(extended);
    return out;
}

/// The FROM objects `where` and `values` refer to besides `target`, in order of first mention,
/// each once (one that another covers, a table inside a join say, is left out).
std::vector<FromPtr> dml_extra_froms(const TableNode& target, const ColumnPtr& where, const NodeAssignments* values) {
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

}  // namespace

// ---- InsertNode ---------------------------------------------------------------------
void InsertNode::accept(SqlCompiler& c) const { c.visit_insert(*this); }

std::vector<NodeAssignments> InsertNode::rows() const {
    if (!multi_values.empty()) return multi_values;
    return {ordered_assignments(*table, values, parameter_keys, true)};
}

void InsertNode::walk(Walker& w) const {
    w.token("INSERT");
    table->walk(w);
    if (from_select) {
        for (const auto& c : select_columns) w.token(c);
        from_select->walk(w);
    } else {
        const auto all = rows();
        w.number(static_cast<std::int64_t>(all.size()));
        for (const auto& row : all) walk_assignments(row, w);
    }
    if (on_conflict != OnConflict::none) {
        w.token(on_conflict == OnConflict::do_nothing ? "ocnothing" : "ocupdate");
        for (const auto& t : conflict_target) w.token(t);
        walk_assignments(conflict_set, w);
        if (conflict_where) conflict_where->walk(w);
    }
    if (!returning.empty()) {
        w.token("RETURNING");
        walk_list(returning, w);
    }
    if (return_defaults) w.token("return_defaults");
}

// ---- UpdateNode ---------------------------------------------------------------------
void UpdateNode::accept(SqlCompiler& c) const { c.visit_update(*this); }
NodeAssignments UpdateNode::assignments() const { return ordered_assignments(*table, values, parameter_keys, false); }
std::vector<FromPtr> UpdateNode::extra_froms(const NodeAssignments& assignments) const {
    return dml_extra_froms(*table, where, &assignments);
}
void UpdateNode::walk(Walker& w) const {
    w.token("UPDATE");
    table->walk(w);
    // In the compiler's order (SET, FROM, WHERE), so anonymous binds get the same names; the
    // other FROM objects (a CTE's body among them) are part of the key and of the values.
    const auto a = assignments();
    const auto extra = extra_froms(a);
    const auto mark = w.enclosing_froms().size();
    w.enclosing_froms().push_back(table.get());
    for (const auto& f : extra) w.enclosing_froms().push_back(f.get());
    walk_assignments(a, w);
    if (!extra.empty()) {
        w.token("FROM");
        for (const auto& f : extra) f->walk(w);
    }
    if (where) {
        w.token("WHERE");
        where->walk(w);
    }
    w.enclosing_froms().resize(mark);
    if (!returning.empty()) {
        w.token("RETURNING");
        walk_list(returning, w);
    }
}

// ---- DeleteNode ---------------------------------------------------------------------
void DeleteNode::accept(SqlCompiler& c) const { c.visit_delete(*this); }
std::vector<FromPtr> DeleteNode::extra_froms() const { return dml_extra_froms(*table, where, nullptr); }
void DeleteNode::walk(Walker& w) const {
    w.token("DELETE");
    table->walk(w);
    const auto extra = extra_froms();
    const auto mark = w.enclosing_froms().size();
    w.enclosing_froms().push_back(table.get());
    for (const auto& f : extra) w.enclosing_froms().push_back(f.get());
    if (!extra.empty()) {
        w.token("USING");
        for (const auto& f : extra) f->walk(w);
    }
    if (where) {
        w.token("WHERE");
        where->walk(w);
    }
    w.enclosing_froms().resize(mark);
    if (!returning.empty()) {
        w.token("RETURNING");
        walk_list(returning, w);
    }
}

// ---- Insert -------------------------------------------------------------------------
Insert::Insert(const Table& table) {
    auto n = std::make_shared<InsertNode>();
    n->table = table.table_node();
    n->table_from = table.node();
    node_ = std::move(n);
}
std::shared_ptr<InsertNode> Insert::copy() const { return std::make_shared<InsertNode>(*node_); }

std::shared_ptr<const CompiledStatement> Insert::compile(const sdk::Dialect& dialect,
                                                         const CompileOptions& options) const {
    std::shared_ptr<const InsertNode> effective = node_;
    const InsertNode& node = *node_;
    // A column Sequence supplies the value when the column is not given (not in the
    // every-column form, where the caller gives every column).
    if (node.multi_values.empty() && !node.from_select && (!node.values.empty() || node.parameter_keys)) {
        std::shared_ptr<InsertNode> n;
        std::optional<bool> sequences;
        for (const auto& col : node.table->columns) {
            if (!col.sequence() || find_assignment(node.values, col.name()) || contains_key(node.parameter_keys, col.name()))
                continue;
            if (!sequences.has_value()) sequences = ddl_compiler_for(dialect)->supports_sequences();
            if (!*sequences) break;  // ignored, as SQLAlchemy does: the dialect's autoincrement applies
            if (!n) n = copy();
            n->values.emplace_back(col.name(), std::make_shared<NextValueNode>(col.sequence()->name(), col.sequence()->schema()));
        }
        if (n) effective = std::move(n);
    }
    if (node.from_select) effective = with_select_defaults(effective, dialect);
    auto compiled = Insert(effective).Statement::compile(dialect, options);
    const auto callables = callable_defaults(*effective);
    if (callables.empty()) return compiled;
    auto patched = std::make_shared<CompiledStatement>(*compiled);
    for (auto& b : patched->binds)
        for (const Column* col : callables) {
            if (b.key != col->name()) continue;
            // NULL is the placeholder the statement carries; a value a later parameter set gives wins.
            b.processor = [fn = col->default_value().function, next = b.processor](Value v) {
                if (v.is_null()) v = fn();
                return next ? next(std::move(v)) : v;
            };
        }
    return patched;
}

Insert Insert::values(const Assignments& values) const {
    auto n = copy();
    for (const auto& [key, value] : values) {
        require_column(*n->table, key, "insert().values()");
        auto bound = value_for(key, value);
        auto it = std::find_if(n->values.begin(), n->values.end(), [&key = key](const auto& a) { return a.first == key; });
        if (it != n->values.end())
            it->second = std::move(bound);
        else
            n->values.emplace_back(key, std::move(bound));
    }
    return Insert(std::move(n));
}

Insert Insert::multi_values(const std::vector<Params>& rows) const {
    if (rows.empty()) throw ArgumentError("insert().multi_values() needs at least one row");
    // Every row names the same columns, in table order, as SQLAlchemy requires.
    std::vector<std::string> columns;
    for (const auto& col : node_->table->columns)
        if (rows.front().contains(col.name())) columns.push_back(col.name());
    for (const auto& [key, v] : rows.front()) require_column(*node_->table, key, "insert().multi_values()");
    auto n = copy();
    n->multi_values.clear();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].size() != columns.size())
            throw ArgumentError("insert().multi_values(): row " + std::to_string(i) +
                                " names different columns than row 0; every row must give the same columns");
        NodeAssignments row;
        for (const auto& name : columns) {
            const Value* v = rows[i].find(name);
            if (!v)
                throw ArgumentError("insert().multi_values(): row " + std::to_string(i) + " has no value for column '" +
                                    name + "' that row 0 gives");
            row.emplace_back(name, std::make_shared<BindParamNode>(name + "_m" + std::to_string(i), *v, false,
                                                                   TypeEngine::affinity_of(*v)));
        }
        // Client defaults for the columns the rows leave out; functions are called per row now.
        NodeAssignments full;
        for (const auto& col : node_->table->columns) {
            if (const auto* given = find_assignment(row, col.name())) {
                full.emplace_back(col.name(), *given);
                continue;
            }
            const auto& d = col.default_value();
            if (d.kind == ColumnDefault::Kind::expression) {
                full.emplace_back(col.name(), d.expression);
            } else if (d.kind != ColumnDefault::Kind::none) {
                Value v = d.kind == ColumnDefault::Kind::value ? d.value : d.function();
                auto affinity = TypeEngine::affinity_of(v);
                full.emplace_back(col.name(), std::make_shared<BindParamNode>(col.name() + "_m" + std::to_string(i),
                                                                              std::move(v), false, affinity));
            }
        }
        row = std::move(full);
        n->multi_values.push_back(std::move(row));
    }
    return Insert(std::move(n));
}

Insert Insert::from_select(std::vector<std::string> columns, const Select& select) const {
    for (const auto& c : columns) require_column(*node_->table, c, "insert().from_select()");
    auto n = copy();
    n->select_columns = std::move(columns);
    n->from_select = select.node();
    return Insert(std::move(n));
}

Insert Insert::return_defaults() const {
    auto n = copy();
    n->return_defaults = true;
    return Insert(std::move(n));
}

Insert Insert::returning(std::vector<Expr> columns) const {
    auto n = copy();
    for (auto& c : to_nodes(columns)) n->returning.push_back(std::move(c));
    return Insert(std::move(n));
}

Insert Insert::on_conflict_do_nothing(std::vector<std::string> index_elements) const {
    auto n = copy();
    n->on_conflict = InsertNode::OnConflict::do_nothing;
    n->conflict_target = std::move(index_elements);
    n->conflict_set.clear();
    n->conflict_where = nullptr;
    return Insert(std::move(n));
}

Insert Insert::on_conflict_do_update(std::vector<std::string> index_elements, const Assignments& set,
                                     std::optional<Expr> where) const {
    if (index_elements.empty())
        throw ArgumentError("on_conflict_do_update() needs the conflict target columns (index_elements)");
    if (set.empty()) throw ArgumentError("on_conflict_do_update() needs at least one column to SET");
    auto n = copy();
    n->on_conflict = InsertNode::OnConflict::do_update;
    n->conflict_target = std::move(index_elements);
    n->conflict_set.clear();
    for (const auto& [key, value] : set) {
        require_column(*n->table, key, "on_conflict_do_update(set)");
        n->conflict_set.emplace_back(key, value.node());
    }
    n->conflict_where = where ? where->node() : nullptr;
    return Insert(std::move(n));
}

Insert Insert::for_parameters(const Params& first_parameters) const {
    if (!node_->multi_values.empty() || node_->from_select) return *this;
    auto n = copy();
    n->parameter_keys = param_keys(first_parameters);
    return Insert(std::move(n));
}
std::unique_ptr<Executable> Insert::with_parameter_keys(const Params& first_parameters) const {
    return std::make_unique<Insert>(for_parameters(first_parameters));
}

// ---- Update -------------------------------------------------------------------------
Update::Update(const Table& table) {
    auto n = std::make_shared<UpdateNode>();
    n->table = table.table_node();
    n->table_from = table.node();
    node_ = std::move(n);
}
std::shared_ptr<UpdateNode> Update::copy() const { return std::make_shared<UpdateNode>(*node_); }

Update Update::values(const Assignments& values) const {
    auto n = copy();
    for (const auto& [key, value] : values) {
        require_column(*n->table, key, "update().values()");
        auto bound = value_for(key, value);
        auto it = std::find_if(n->values.begin(), n->values.end(), [&key = key](const auto& a) { return a.first == key; });
        if (it != n->values.end())
            it->second = std::move(bound);
        else
            n->values.emplace_back(key, std::move(bound));
    }
    return Update(std::move(n));
}
Update Update::where(const Expr& criterion) const {
    auto n = copy();
    n->where = n->where ? and_(Expr(n->where), criterion).node() : criterion.node();
    return Update(std::move(n));
}
Update Update::returning(std::vector<Expr> columns) const {
    auto n = copy();
    for (auto& c : to_nodes(columns)) n->returning.push_back(std::move(c));
    return Update(std::move(n));
}
Update Update::return_defaults() const {
    auto n = copy();
    n->return_defaults = true;
    return Update(std::move(n));
}
Update Update::for_parameters(const Params& first_parameters) const {
    auto n = copy();
    n->parameter_keys = param_keys(first_parameters);
    return Update(std::move(n));
}
std::unique_ptr<Executable> Update::with_parameter_keys(const Params& first_parameters) const {
    return std::make_unique<Update>(for_parameters(first_parameters));
}

// ---- Delete -------------------------------------------------------------------------
Delete::Delete(const Table& table) {
    auto n = std::make_shared<DeleteNode>();
    n->table = table.table_node();
    n->table_from = table.node();
    node_ = std::move(n);
}
std::shared_ptr<DeleteNode> Delete::copy() const { return std::make_shared<DeleteNode>(*node_); }
Delete Delete::where(const Expr& criterion) const {
    auto n = copy();
    n->where = n->where ? and_(Expr(n->where), criterion).node() : criterion.node();
    return Delete(std::move(n));
}
Delete Delete::returning(std::vector<Expr> columns) const {
    auto n = copy();
    for (auto& c : to_nodes(columns)) n->returning.push_back(std::move(c));
    return Delete(std::move(n));
}
Delete Delete::return_defaults() const {
    auto n = copy();
    n->return_defaults = true;
    return Delete(std::move(n));
}

}  // namespace athanor::sql
