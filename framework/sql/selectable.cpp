// FROM objects other than tables: aliases, joins (with ON inferred from foreign keys),
// subqueries, CTEs, VALUES lists, and the From/Cte/Values handles.
#include <athanor/errors.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/schema/table.hpp>
#include <athanor/sql/select.hpp>
#include <athanor/sql/selectable.hpp>

#include <algorithm>

namespace athanor::sql {

namespace {
std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}
const std::string empty_name;
}  // namespace

// ---- FromClause ---------------------------------------------------------------------
TypePtr FromClause::column_type(const std::string&) const { return nullptr; }

ColumnPtr FromClause::make_column(const FromPtr& self, const std::string& column) const {
    const auto names = column_names();
    if (std::find(names.begin(), names.end(), column) == names.end())
        throw ArgumentError("'" + (name().empty() ? std::string("join") : name()) + "' has no column '" + column +
                            "'; its columns are: " + join_names(names));
    return std::make_shared<ColumnNode>(self, column, column_type(column));
}

void FromClause::base_tables(const FromPtr&, std::vector<std::pair<const TableNode*, FromPtr>>&) const {}

// ---- AliasNode ----------------------------------------------------------------------
AliasNode::AliasNode(FromPtr element, std::string name) : element(std::move(element)), alias(std::move(name)) {}
void AliasNode::accept(SqlCompiler& c) const { c.visit_alias(*this); }
void AliasNode::walk(Walker& w) const {
    w.token("alias");
    w.token(alias);
    element->walk(w);
}
void AliasNode::base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const {
    if (auto* table = dynamic_cast<const TableNode*>(element.get())) out.emplace_back(table, self);
}

// ---- JoinNode -----------------------------------------------------------------------
JoinNode::JoinNode(FromPtr left, FromPtr right, ColumnPtr onclause, JoinKind kind)
    : left(std::move(left)), right(std::move(right)), onclause(std::move(onclause)), kind(kind) {}
void JoinNode::accept(SqlCompiler& c) const { c.visit_join(*this); }
void JoinNode::walk(Walker& w) const {
    w.token("join");
    w.number(static_cast<int>(kind));
    left->walk(w);
    right->walk(w);
    onclause->walk(w);
}
const std::string& JoinNode::name() const { return empty_name; }
std::vector<std::string> JoinNode::column_names() const {
    auto names = left->column_names();
    for (auto& n : right->column_names()) names.push_back(n);
    return names;
}
bool JoinNode::covers(const FromClause* other) const {
    return other == this || left->covers(other) || right->covers(other);
}
void JoinNode::base_tables(const FromPtr&, std::vector<std::pair<const TableNode*, FromPtr>>& out) const {
    left->base_tables(left, out);
    right->base_tables(right, out);
}

ColumnPtr infer_onclause(const FromPtr& left, const FromPtr& right) {
    std::vector<std::pair<const TableNode*, FromPtr>> lefts, rights;
    left->base_tables(left, lefts);
    right->base_tables(right, rights);
    std::vector<ColumnPtr> found;
    std::vector<std::string> described;
    // Foreign keys in `from` pointing at a table in `to`.
    const auto scan = [&](const auto& from_tables, const auto& to_tables) {
        for (const auto& [ft, frep] : from_tables)
            for (const auto& col : ft->columns)
                for (const auto& fk : col.foreign_keys())
                    for (const auto& [tt, trep] : to_tables) {
                        if (tt->table_name != fk.table() || !tt->find(fk.column())) continue;
                        found.push_back(std::make_shared<BinaryNode>(trep->make_column(trep, fk.column()), BinaryOp::eq,
                                                                     frep->make_column(frep, col.name())));
                        described.push_back(frep->name() + "." + col.name() + " -> " + trep->name() + "." + fk.column());
                    }
    };
    // Foreign keys of the right side first (SQLAlchemy's order); the other way only if none.
    scan(rights, lefts);
    if (found.empty()) scan(lefts, rights);
    const std::string l = left->name().empty() ? "join" : left->name();
    const std::string r = right->name().empty() ? "join" : right->name();
    if (found.empty())
        throw ArgumentError("Can't find any foreign key relationships between '" + l + "' and '" + r +
                            "'; give the join an explicit ON clause");
    if (found.size() > 1)
        throw ArgumentError("Can't determine the join between '" + l + "' and '" + r +
                            "': they have more than one foreign key relationship (" + join_names(described) +
                            "); give the join an explicit ON clause");
    return found.front();
}

// ---- SubqueryNode / CteNode ---------------------------------------------------------
SubqueryNode::SubqueryNode(std::shared_ptr<const SelectBaseNode> select, std::string name, bool lateral)
    : select(std::move(select)), alias(std::move(name)), lateral(lateral) {}
void SubqueryNode::accept(SqlCompiler& c) const { c.visit_subquery(*this); }
void SubqueryNode::walk(Walker& w) const {
    w.token(lateral ? "lateral" : "subq");
    w.token(alias);
    if (lateral) {  // correlates with the FROM items around it, as the compiler renders it
        select->walk(w);
        return;
    }
    // A FROM subquery does not correlate with the SELECT around it.
    auto saved = std::move(w.enclosing_froms());
    w.enclosing_froms().clear();
    select->walk(w);
    w.enclosing_froms() = std::move(saved);
}
std::vector<std::string> SubqueryNode::column_names() const { return select->column_names(); }

CteNode::CteNode(std::shared_ptr<const SelectBaseNode> select, std::string name, bool recursive)
    : select(std::move(select)), cte_name(std::move(name)), recursive(recursive) {}
CteNode::CteNode(std::shared_ptr<const ValuesNode> values, std::string name)
    : values(std::move(values)), cte_name(std::move(name)), recursive(false) {}
void CteNode::accept(SqlCompiler& c) const { c.visit_cte(*this); }
void CteNode::walk(Walker& w) const {
    w.token("cte");
    w.token(cte_name);
    if (!w.first_visit_cte(cte_name)) return;
    w.number(recursive ? 1 : 0);
    auto saved = std::move(w.enclosing_froms());
    w.enclosing_froms().clear();
    if (values)
        values->walk(w);
    else
        select->walk(w);
    w.enclosing_froms() = std::move(saved);
}
std::vector<std::string> CteNode::column_names() const {
    return values ? values->column_names() : select->column_names();
}
TypePtr CteNode::column_type(const std::string& column) const {
    return values ? values->column_type(column) : nullptr;
}

// ---- ValuesNode ---------------------------------------------------------------------
ValuesNode::ValuesNode(std::vector<ValuesColumn> columns, std::vector<std::vector<ColumnPtr>> rows, std::string name)
    : columns(std::move(columns)), rows(std::move(rows)), alias(std::move(name)) {}
void ValuesNode::accept(SqlCompiler& c) const { c.visit_values(*this); }
void ValuesNode::walk(Walker& w) const {
    w.token("values");
    w.token(alias);
    w.number(static_cast<std::int64_t>(columns.size()));
    for (const auto& c : columns) w.token(c.name);
    w.number(static_cast<std::int64_t>(rows.size()));
    for (const auto& row : rows)
        for (const auto& cell : row) cell->walk(w);
}
std::vector<std::string> ValuesNode::column_names() const {
    std::vector<std::string> out;
    out.reserve(columns.size());
    for (const auto& c : columns) out.push_back(c.name);
    return out;
}
TypePtr ValuesNode::column_type(const std::string& column) const {
    for (const auto& c : columns)
        if (c.name == column) return c.type;
    return nullptr;
}

Values values(std::vector<ValuesColumn> columns, std::string name, bool literal_binds) {
    if (columns.empty()) throw ArgumentError("values() needs at least one column");
    if (name.empty()) throw ArgumentError("values() needs a name (the FROM clause refers to its columns by it)");
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name.empty()) throw ArgumentError("values(): column " + std::to_string(i + 1) + " has no name");
        if (!columns[i].type) throw ArgumentError("values(): column '" + columns[i].name + "' has no type");
        for (std::size_t j = 0; j < i; ++j)
            if (columns[j].name == columns[i].name)
                throw ArgumentError("values(): column '" + columns[i].name + "' is named twice");
    }
    return Values(std::make_shared<ValuesNode>(std::move(columns), std::vector<std::vector<ColumnPtr>>{}, std::move(name)),
                  literal_binds);
}

Values Values::data(const std::vector<std::vector<Expr>>& rows) const {
    auto all = values_->rows;
    const auto& columns = values_->columns;
    for (const auto& row : rows) {
        if (row.size() != columns.size())
            throw ArgumentError("values('" + values_->alias + "').data(): a row has " + std::to_string(row.size()) +
                                " values for " + std::to_string(columns.size()) + " columns");
        std::vector<ColumnPtr> cells;
        cells.reserve(row.size());
        for (std::size_t i = 0; i < row.size(); ++i) {
            const auto* bind = dynamic_cast<const BindParamNode*>(row[i].node().get());
            // A plain value is bound as its column's type, named after the column (:id_1);
            // with literal_binds it is rendered as that type's literal.
            if (bind && bind->anonymous && !bind->type && bind->value)
                cells.push_back(std::make_shared<BindParamNode>(columns[i].name, bind->value, true,
                                                                columns[i].type->affinity(), columns[i].type,
                                                                literal_binds_));
            else
                cells.push_back(row[i].node());
        }
        all.push_back(std::move(cells));
    }
    return Values(std::make_shared<ValuesNode>(columns, std::move(all), values_->alias), literal_binds_);
}

Values Values::alias(std::string name) const {
    if (name.empty()) throw ArgumentError("alias() needs a name");
    return Values(std::make_shared<ValuesNode>(values_->columns, values_->rows, std::move(name)), literal_binds_);
}

Cte Values::cte(std::string name) const {
    if (name.empty()) throw ArgumentError("cte() needs a name");
    return Cte(std::make_shared<CteNode>(values_, std::move(name)));
}

// ---- From / Cte handles -------------------------------------------------------------
Expr From::c(const std::string& column) const { return Expr(node_->make_column(node_, column)); }

std::vector<Expr> From::columns() const {
    std::vector<Expr> out;
    for (const auto& name : node_->column_names()) out.emplace_back(node_->make_column(node_, name));
    return out;
}

From From::alias(std::string name) const {
    if (name.empty()) throw ArgumentError("alias() needs a name");
    return From(std::make_shared<AliasNode>(node_, std::move(name)));
}

namespace {
From make_join(const FromPtr& left, const From& right, const std::optional<Expr>& onclause, JoinKind kind) {
    ColumnPtr on = onclause ? onclause->node() : infer_onclause(left, right.node());
    return From(std::make_shared<JoinNode>(left, right.node(), std::move(on), kind));
}
}  // namespace

From From::join(const From& right, std::optional<Expr> onclause) const {
    return make_join(node_, right, onclause, JoinKind::inner);
}
From From::outerjoin(const From& right, std::optional<Expr> onclause) const {
    return make_join(node_, right, onclause, JoinKind::left);
}
From From::full_outer_join(const From& right, std::optional<Expr> onclause) const {
    return make_join(node_, right, onclause, JoinKind::full);
}

namespace {
Cte compound_cte(const std::shared_ptr<const CteNode>& cte, const Select& part, CompoundOp op) {
    if (!cte->select)
        throw ArgumentError("the CTE '" + cte->cte_name + "' is a VALUES list; a recursive CTE starts from a SELECT");
    auto compound = std::make_shared<CompoundSelectNode>();
    compound->op = op;
    compound->selects = {cte->select, part.node()};
    return Cte(std::make_shared<CteNode>(compound, cte->cte_name, cte->recursive));
}
}  // namespace

Cte Cte::union_all(const Select& recursive_part) const { return compound_cte(cte_, recursive_part, CompoundOp::union_all); }
Cte Cte::union_(const Select& recursive_part) const { return compound_cte(cte_, recursive_part, CompoundOp::union_); }

}  // namespace athanor::sql
