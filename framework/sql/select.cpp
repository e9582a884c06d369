// SELECT and compound SELECT: FROM inference, correlation, anonymous labels, and the
// immutable builder methods (each returns a modified copy).
#include <athanor/errors.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/select.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>

namespace athanor::sql {

namespace {
void walk_list(const std::vector<ColumnPtr>& items, Walker& w) {
    w.number(static_cast<std::int64_t>(items.size()));
    for (const auto& i : items) i->walk(w);
}
void walk_limits(const SelectBaseNode& s, Walker& w) {
    if (s.limit) {
        w.token("lim");
        s.limit->walk(w);
    }
    if (s.offset) {
        w.token("off");
        s.offset->walk(w);
    }
    if (s.fetch) {
        w.token("fetch");
        w.number((s.fetch->with_ties ? 1 : 0) | (s.fetch->percent ? 2 : 0));
        s.fetch->count->walk(w);
    }
}
/// An integer LIMIT / OFFSET / FETCH count, refused when negative, as an inline literal.
ColumnPtr row_count_literal(const char* method, std::int64_t count) {
    if (count < 0)
        throw ArgumentError(std::string(method) + "(" + std::to_string(count) + "): the " + method +
                            " must not be negative");
    return literal_column(std::to_string(count), types::Integer()).node();
}
void set_limit(SelectBaseNode& n, ColumnPtr limit) {
    n.limit = std::move(limit);
    n.fetch.reset();
}
void set_fetch(SelectBaseNode& n, ColumnPtr count, bool with_ties, bool percent) {
    n.fetch = FetchClause{std::move(count), with_ties, percent};
    n.limit = nullptr;
}
bool covered_by(const std::vector<const FromClause*>& froms, const FromClause* f) {
    for (const auto* e : froms)
        if (e->covers(f)) return true;
    return false;
}
}  // namespace

// ---- SelectNode ---------------------------------------------------------------------
void SelectNode::accept(SqlCompiler& c) const { c.visit_select(*this); }

void SelectNode::walk(Walker& w) const {
    w.token(distinct ? "SELECT DISTINCT" : "SELECT");
    if (!distinct_on.empty()) {
        w.token("ON");
        walk_list(distinct_on, w);
    }
    const auto from_list = froms(w.enclosing_froms());
    const auto mark = w.enclosing_froms().size();
    for (const auto& f : from_list) w.enclosing_froms().push_back(f.get());
    walk_list(columns, w);
    w.token("FROM");
    for (const auto& f : from_list) f->walk(w);
    if (where) {
        w.token("WHERE");
        where->walk(w);
    }
    if (!group_by.empty()) {
        w.token("GROUP");
        walk_list(group_by, w);
    }
    if (having) {
        w.token("HAVING");
        having->walk(w);
    }
    if (!order_by.empty()) {
        w.token("ORDER");
        walk_list(order_by, w);
    }
    walk_limits(*this, w);
    if (for_update) {
        w.token("FOR");
        w.number((for_update->read ? 1 : 0) | (for_update->key_share ? 2 : 0) | (for_update->nowait ? 4 : 0) |
                 (for_update->skip_locked ? 8 : 0));
        for (const auto& f : for_update->of) f->walk(w);
    }
    w.enclosing_froms().resize(mark);
}

std::vector<std::pair<std::string, bool>> SelectNode::column_labels() const {
    std::vector<std::pair<std::string, bool>> labels;
    BindNamer anon;
    labels.reserve(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        if (auto* label = dynamic_cast<const LabelNode*>(c.get())) {
            labels.emplace_back(label->name, true);
        } else if (const auto* col = dynamic_cast<const ColumnNode*>(c.get())) {
            // As SQLAlchemy 2.0: a name already taken gets a label, so result keys stay
            // unique (users.id, addresses.id AS id_1; the same column again: id__1).
            std::string name = c->result_name();
            bool repeated = false, same_column = false;
            for (std::size_t j = 0; j < i && !same_column; ++j) {
                if (labels[j].first != name) continue;
                repeated = true;
                const auto* other = dynamic_cast<const ColumnNode*>(columns[j].get());
                same_column = other && other->from == col->from && other->name == col->name;
            }
            if (repeated) labels.emplace_back(anon.next(same_column ? name + "_" : name), true);
            else labels.emplace_back(std::move(name), false);
        } else if (dynamic_cast<const TextNode*>(c.get())) {
            labels.emplace_back(c->result_name(), false);
        } else if (auto name = c->result_name(); !name.empty()) {
            labels.emplace_back(std::move(name), true);
        } else {
            labels.emplace_back(anon.next(c->anon_label_base()), true);
        }
    }
    return labels;
}

std::vector<std::string> SelectNode::column_names() const {
    std::vector<std::string> names;
    for (auto& [name, labelled] : column_labels()) names.push_back(std::move(name));
    return names;
}

std::vector<FromPtr> SelectNode::froms(const std::vector<const FromClause*>& enclosing) const {
    // Runs on every cache-key walk: the candidates are filtered in place, no extra vectors.
    std::vector<FromPtr> result;
    result.reserve(explicit_froms.size() + 1);
    for (const auto& f : explicit_froms) add_from(result, f);
    std::vector<FromPtr> implicit;
    implicit.reserve(columns.size() + 1);
    for (const auto& c : columns) c->collect_froms(implicit);
    if (where) where->collect_froms(implicit);
    // Candidates: the implicit FROMs no explicit one covers.
    implicit.erase(std::remove_if(implicit.begin(), implicit.end(),
                                  [&](const FromPtr& f) {
                                      return std::any_of(result.begin(), result.end(),
                                                         [&](const FromPtr& r) { return r->covers(f.get()); });
                                  }),
                   implicit.end());
    // Auto-correlation: FROMs of an enclosing SELECT are not repeated, unless that would
    // leave nothing to select from.
    const bool had_explicit = !result.empty();
    bool kept_any = false;
    for (const auto& f : implicit)
        if (!covered_by(enclosing, f.get())) {
            add_from(result, f);
            kept_any = true;
        }
    if (!kept_any && !had_explicit)
        for (const auto& f : implicit) add_from(result, f);
    // A table that is part of a join in the list is not listed again on its own.
    if (result.size() > 1)
        result.erase(std::remove_if(result.begin(), result.end(),
                                    [&](const FromPtr& f) {
                                        return std::any_of(result.begin(), result.end(), [&](const FromPtr& o) {
                                            return o.get() != f.get() && o->covers(f.get());
                                        });
                                    }),
                     result.end());
    return result;
}

// ---- CompoundSelectNode -------------------------------------------------------------
void CompoundSelectNode::accept(SqlCompiler& c) const { c.visit_compound_select(*this); }
void CompoundSelectNode::walk(Walker& w) const {
    w.token("compound");
    w.number(static_cast<int>(op));
    w.number(static_cast<std::int64_t>(selects.size()));
    for (const auto& s : selects) s->walk(w);
    if (!order_by.empty()) {
        w.token("ORDER");
        walk_list(order_by, w);
    }
    walk_limits(*this, w);
}
std::vector<std::string> CompoundSelectNode::column_names() const {
    return selects.empty() ? std::vector<std::string>{} : selects.front()->column_names();
}

// ---- Select -------------------------------------------------------------------------
namespace {
void append_args(SelectNode& node, const std::vector<SelectArg>& args) {
    for (const auto& a : args) {
        if (a.expr()) {
            node.columns.push_back(a.expr());
        } else if (const auto* table = dynamic_cast<const TableNode*>(a.from().get())) {
            node.columns.reserve(node.columns.size() + table->columns.size());
            for (const auto& c : table->columns)
                node.columns.push_back(std::make_shared<ColumnNode>(a.from(), c.name(), c.type(), &c));
            add_from(node.explicit_froms, a.from());
        } else if (const auto* join = dynamic_cast<const JoinNode*>(a.from().get())) {
            // Each side's columns, qualified by their own table (a join has no name).
            append_args(node, {SelectArg(From(join->left)), SelectArg(From(join->right))});
            add_from(node.explicit_froms, a.from());
        } else {
            for (const auto& name : a.from()->column_names()) node.columns.push_back(a.from()->make_column(a.from(), name));
            // A FROM given as a whole is kept even if it has no columns.
            add_from(node.explicit_froms, a.from());
        }
    }
}
std::vector<ColumnPtr> to_nodes(const std::vector<Expr>& exprs) {
    std::vector<ColumnPtr> out;
    for (const auto& e : exprs) out.push_back(e.node());
    return out;
}
ColumnPtr and_nodes(const ColumnPtr& existing, const Expr& added) {
    return existing ? and_(Expr(existing), added).node() : added.node();
}
}  // namespace

Select::Select(std::vector<SelectArg> columns) {
    auto node = std::make_shared<SelectNode>();
    append_args(*node, columns);
    node_ = std::move(node);
}

std::shared_ptr<SelectNode> Select::copy() const { return std::make_shared<SelectNode>(*node_); }

Select Select::where(const Expr& criterion) const& {
    auto n = copy();
    n->where = and_nodes(n->where, criterion);
    return Select(std::move(n));
}
Select Select::where(const Expr& criterion) && {
    if (node_.use_count() != 1) return static_cast<const Select&>(*this).where(criterion);
    // Nobody else can see this node, so finishing its construction in place is safe.
    auto* n = const_cast<SelectNode*>(node_.get());
    n->where = and_nodes(n->where, criterion);
    return Select(std::move(node_));
}
Select Select::order_by(std::vector<Expr> clauses) const {
    auto n = copy();
    for (auto& c : to_nodes(clauses)) n->order_by.push_back(std::move(c));
    return Select(std::move(n));
}
Select Select::group_by(std::vector<Expr> clauses) const {
    auto n = copy();
    for (auto& c : to_nodes(clauses)) n->group_by.push_back(std::move(c));
    return Select(std::move(n));
}
Select Select::having(const Expr& criterion) const {
    auto n = copy();
    n->having = and_nodes(n->having, criterion);
    return Select(std::move(n));
}
Select Select::limit(std::int64_t count) const { return limit(Expr(row_count_literal("limit", count))); }
Select Select::limit(const Expr& count) const {
    auto n = copy();
    set_limit(*n, count.node());
    return Select(std::move(n));
}
Select Select::offset(std::int64_t count) const { return offset(Expr(row_count_literal("offset", count))); }
Select Select::offset(const Expr& count) const {
    auto n = copy();
    n->offset = count.node();
    return Select(std::move(n));
}
Select Select::fetch(std::int64_t count, bool with_ties, bool percent) const {
    return fetch(Expr(row_count_literal("fetch", count)), with_ties, percent);
}
Select Select::fetch(const Expr& count, bool with_ties, bool percent) const {
    auto n = copy();
    set_fetch(*n, count.node(), with_ties, percent);
    return Select(std::move(n));
}
Select Select::with_for_update(ForUpdate options) const {
    if (options.nowait && options.skip_locked)
        throw ArgumentError("with_for_update(): nowait and skip_locked are mutually exclusive");
    auto n = copy();
    ForUpdateClause clause{options.read, options.key_share, options.nowait, options.skip_locked, {}};
    for (const auto& from : options.of) clause.of.push_back(from.node());
    n->for_update = std::move(clause);
    return Select(std::move(n));
}
Select Select::distinct_on(std::vector<Expr> expressions) const {
    if (expressions.empty()) throw ArgumentError("distinct_on() needs at least one expression");
    auto n = copy();
    n->distinct = true;
    n->distinct_on.clear();
    for (const auto& e : expressions) n->distinct_on.push_back(e.node());
    return Select(std::move(n));
}
Select Select::distinct() const {
    auto n = copy();
    n->distinct = true;
    return Select(std::move(n));
}
Select Select::add_columns(std::vector<SelectArg> columns) const {
    auto n = copy();
    append_args(*n, columns);
    return Select(std::move(n));
}
Select Select::select_from(const From& from) const {
    auto n = copy();
    add_from(n->explicit_froms, from.node());
    return Select(std::move(n));
}

Select Select::joined(const From& right, std::optional<Expr> onclause, JoinKind kind) const {
    const auto current = node_->froms({});
    if (current.empty())
        throw ArgumentError("join(): the SELECT has no FROM object to join '" + right.name() + "' to");
    const FromPtr& left = current.front();
    ColumnPtr on = onclause ? onclause->node() : infer_onclause(left, right.node());
    FromPtr joined_from = std::make_shared<JoinNode>(left, right.node(), std::move(on), kind);
    auto n = copy();
    auto it = std::find(n->explicit_froms.begin(), n->explicit_froms.end(), left);
    if (it != n->explicit_froms.end())
        *it = joined_from;
    else
        n->explicit_froms.insert(n->explicit_froms.begin(), joined_from);
    return Select(std::move(n));
}
Select Select::join(const From& right, std::optional<Expr> onclause) const {
    return joined(right, std::move(onclause), JoinKind::inner);
}
Select Select::outerjoin(const From& right, std::optional<Expr> onclause) const {
    return joined(right, std::move(onclause), JoinKind::left);
}
Select Select::full_outer_join(const From& right, std::optional<Expr> onclause) const {
    return joined(right, std::move(onclause), JoinKind::full);
}
Select Select::join_from(const From& left, const From& right, std::optional<Expr> onclause) const {
    return select_from(left.join(right, std::move(onclause)));
}

From Select::subquery(std::string name) const { return From(std::make_shared<SubqueryNode>(node_, std::move(name))); }
From Select::lateral(std::string name) const {
    return From(std::make_shared<SubqueryNode>(node_, std::move(name), true));
}
Cte Select::cte(std::string name, bool recursive) const {
    if (name.empty()) throw ArgumentError("cte() needs a name");
    return Cte(std::make_shared<CteNode>(node_, std::move(name), recursive));
}
Expr Select::scalar_subquery() const { return Expr(std::make_shared<ScalarSelectNode>(node_)); }
Expr Select::exists() const { return Expr(std::make_shared<ExistsNode>(node_)); }

// ---- CompoundSelect -----------------------------------------------------------------
CompoundSelect::CompoundSelect(CompoundOp op, std::vector<std::shared_ptr<const SelectBaseNode>> selects) {
    if (selects.size() < 2) throw ArgumentError("a UNION/INTERSECT/EXCEPT needs at least two SELECTs");
    auto n = std::make_shared<CompoundSelectNode>();
    n->op = op;
    n->selects = std::move(selects);
    node_ = std::move(n);
}
CompoundSelect CompoundSelect::order_by(std::vector<Expr> clauses) const {
    auto n = std::make_shared<CompoundSelectNode>(*node_);
    for (auto& c : to_nodes(clauses)) n->order_by.push_back(std::move(c));
    CompoundSelect out = *this;
    out.node_ = std::move(n);
    return out;
}
CompoundSelect CompoundSelect::limit(std::int64_t count) const {
    return limit(Expr(row_count_literal("limit", count)));
}
CompoundSelect CompoundSelect::limit(const Expr& count) const {
    auto n = std::make_shared<CompoundSelectNode>(*node_);
    set_limit(*n, count.node());
    CompoundSelect out = *this;
    out.node_ = std::move(n);
    return out;
}
CompoundSelect CompoundSelect::offset(std::int64_t count) const {
    return offset(Expr(row_count_literal("offset", count)));
}
CompoundSelect CompoundSelect::offset(const Expr& count) const {
    auto n = std::make_shared<CompoundSelectNode>(*node_);
    n->offset = count.node();
    CompoundSelect out = *this;
    out.node_ = std::move(n);
    return out;
}
CompoundSelect CompoundSelect::fetch(std::int64_t count, bool with_ties, bool percent) const {
    return fetch(Expr(row_count_literal("fetch", count)), with_ties, percent);
}
CompoundSelect CompoundSelect::fetch(const Expr& count, bool with_ties, bool percent) const {
    auto n = std::make_shared<CompoundSelectNode>(*node_);
    set_fetch(*n, count.node(), with_ties, percent);
    CompoundSelect out = *this;
    out.node_ = std::move(n);
    return out;
}
From CompoundSelect::subquery(std::string name) const {
    return From(std::make_shared<SubqueryNode>(node_, std::move(name)));
}

namespace {
CompoundSelect compound(CompoundOp op, const std::vector<Select>& selects) {
    std::vector<std::shared_ptr<const SelectBaseNode>> nodes;
    for (const auto& s : selects) nodes.push_back(s.node());
    return CompoundSelect(op, std::move(nodes));
}
}  // namespace

CompoundSelect union_(std::vector<Select> selects) { return compound(CompoundOp::union_, selects); }
CompoundSelect union_all(std::vector<Select> selects) { return compound(CompoundOp::union_all, selects); }
CompoundSelect intersect(std::vector<Select> selects) { return compound(CompoundOp::intersect, selects); }
CompoundSelect intersect_all(std::vector<Select> selects) { return compound(CompoundOp::intersect_all, selects); }
CompoundSelect except_(std::vector<Select> selects) { return compound(CompoundOp::except_, selects); }
CompoundSelect except_all(std::vector<Select> selects) { return compound(CompoundOp::except_all, selects); }

}  // namespace athanor::sql
