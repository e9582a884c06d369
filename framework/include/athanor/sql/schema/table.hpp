// athanor/sql/schema/table.hpp — Table: a named set of columns, the FROM object statements
// start from.
//
// A Table is a cheap handle (copies refer to the same table). It converts to From, so it
// joins, aliases and appears in select() like any FROM object, and it starts DML.
//
// Usage:
//   using namespace athanor::sql;
//   Table users("users", {Column("id", TypeEngine::named("INTEGER"), primary_key()),
//                         Column("name", TypeEngine::named("VARCHAR(50)"))});
//   auto stmt = select(users).where(users.c("name") == "Bob");
//   auto ins = users.insert().values({{"name", "Alex"}});
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/schema/column.hpp>
#include <athanor/sql/selectable.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sql {

class Insert;
class Update;
class Delete;

class ATHANOR_API TableNode final : public FromClause {
public:
    TableNode(std::string name, std::vector<Column> columns, std::string schema = {});
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    const std::string& name() const override { return table_name; }
    std::vector<std::string> column_names() const override;
    TypePtr column_type(const std::string& column) const override;
    ColumnPtr make_column(const FromPtr& self, const std::string& column) const override;
    void base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const override;

    /// nullptr when absent.
    const Column* find(const std::string& column) const;
    std::vector<std::string> primary_key() const;
    /// Index into primary_key() of the column the database generates, as SQLAlchemy decides:
    /// a single integer primary-key column without a foreign key, unless autoincrement(false).
    std::optional<std::size_t> autoincrement_index() const;

    std::string table_name;
    std::string schema;
    std::vector<Column> columns;
};

class ATHANOR_API Table : public From {
public:
    Table(std::string name, std::vector<Column> columns, std::string schema = {});
    explicit Table(std::shared_ptr<const TableNode> node) : From(node), table_(std::move(node)) {}

    const TableNode& table() const { return *table_; }
    const std::shared_ptr<const TableNode>& table_node() const { return table_; }

    Insert insert() const;
    Update update() const;
    Delete delete_() const;

private:
    std::shared_ptr<const TableNode> table_;
};

}  // namespace athanor::sql
