// Table and Column: the schema objects statements start from.
#include <athanor/errors.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/dml.hpp>
#include <athanor/sql/schema/table.hpp>

#include <algorithm>

namespace athanor::sql {

ForeignKey::ForeignKey(std::string target) {
    const auto dot = target.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == target.size())
        throw ArgumentError("ForeignKey target '" + target + "' must be written \"table.column\"");
    table_ = target.substr(0, dot);
    column_ = target.substr(dot + 1);
}

TableNode::TableNode(std::string name, std::vector<Column> columns, std::string schema)
    : table_name(std::move(name)), schema(std::move(schema)), columns(std::move(columns)) {
    if (table_name.empty()) throw ArgumentError("a Table needs a name");
    for (std::size_t i = 0; i < this->columns.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (this->columns[i].name() == this->columns[j].name())
                throw ArgumentError("Table '" + table_name + "' has two columns named '" + this->columns[i].name() + "'");
}
void TableNode::accept(SqlCompiler& c) const { c.visit_table(*this); }
void TableNode::walk(Walker& w) const {
    w.token("tbl");
    if (!schema.empty()) w.token(schema);
    w.token(table_name);
}
std::vector<std::string> TableNode::column_names() const {
    std::vector<std::string> names;
    names.reserve(columns.size());
    for (const auto& c : columns) names.push_back(c.name());
    return names;
}
const Column* TableNode::find(const std::string& column) const {
    for (const auto& c : columns)
        if (c.name() == column) return &c;
    return nullptr;
}
TypePtr TableNode::column_type(const std::string& column) const {
    const auto* c = find(column);
    return c ? c->type() : nullptr;
}
ColumnPtr TableNode::make_column(const FromPtr& self, const std::string& column) const {
    const auto* c = find(column);
    if (!c) return FromClause::make_column(self, column);  // throws, naming the columns
    return std::make_shared<ColumnNode>(self, column, c->type(), c);
}
void TableNode::base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const {
    out.emplace_back(this, self);
}
std::vector<std::string> TableNode::primary_key() const {
    std::vector<std::string> pk;
    for (const auto& c : columns)
        if (c.primary_key()) pk.push_back(c.name());
    return pk;
}
std::optional<std::size_t> TableNode::autoincrement_index() const {
    std::vector<const Column*> pk;
    for (const auto& c : columns)
        if (c.primary_key()) pk.push_back(&c);
    for (std::size_t i = 0; i < pk.size(); ++i) {
        const Column& c = *pk[i];
        if (c.autoincrement() == true) return i;
    }
    if (pk.size() != 1) return std::nullopt;
    const Column& c = *pk.front();
    if (c.autoincrement() == false || !c.foreign_keys().empty()) return std::nullopt;
    if (!c.type() || c.type()->affinity() != TypeAffinity::integer) return std::nullopt;
    return 0;
}

Table::Table(std::string name, std::vector<Column> columns, std::string schema)
    : Table(std::make_shared<const TableNode>(std::move(name), std::move(columns), std::move(schema))) {}

Insert Table::insert() const { return Insert(*this); }
Update Table::update() const { return Update(*this); }
Delete Table::delete_() const { return Delete(*this); }

}  // namespace athanor::sql
