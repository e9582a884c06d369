// FROM objects other than tables: aliases, joins (with ON inferred from foreign keys),
// subqueries and CTEs, and the From/Cte handles.
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
void CteNode::accept(SqlCompiler& c) const { c.visit_cte(*this); }
void CteNode::walk(Walker& w) const {
    w.token("cte");
    w.token(cte_name);
    if (!w.first_visit_cte(cte_name)) return;
    w.number(recursive ? 1 : 0);
    auto saved = std::move(w.enclosing_froms());
    w.enclosing_froms().clear();
    select->walk(w);
    w.enclosing_froms() = std::move(saved);
}
std::vector<std::string> CteNode::column_names() const { return select->column_names(); }

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
    auto compound = std::make_shared<CompoundSelectNode>();
    compound->op = op;
    compound->selects = {cte->select, part.node()};
    return Cte(std::make_shared<CteNode>(compound, cte->cte_name, cte->recursive));
}
}  // namespace

Cte Cte::union_all(const Select& recursive_part) const { return compound_cte(cte_, recursive_part, CompoundOp::union_all); }
Cte Cte::union_(const Select& recursive_part) const { return compound_cte(cte_, recursive_part, CompoundOp::union_); }

}  // namespace athanor::sql
