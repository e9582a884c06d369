// athanor/sql/schema/table.hpp — Table: a named set of columns and constraints, the FROM
// object statements start from and what DDL creates.
//
// A Table is a cheap handle (copies refer to the same table). It converts to From, so it
// joins, aliases and appears in select() like any FROM object, and it starts DML. Tables
// normally live in a MetaData (metadata.hpp), which names constraints by its naming
// convention and creates them in foreign-key order; a Table made without one stands alone.
// Arguments after the name: Columns, then constraints (PrimaryKeyConstraint,
// ForeignKeyConstraint, UniqueConstraint, CheckConstraint), Index and TableOptions, in any
// order.
//
// Usage:
//   sa::MetaData metadata;
//   sa::Table users("users", metadata,
//                   sa::Column("id", sa::Integer(), sa::primary_key()),
//                   sa::Column("name", sa::String(50), sa::nullable(false)),
//                   sa::TableOptions{.comment = "people"});
//   auto stmt = sa::select(users).where(users.c("name") == "Bob");
//   auto ins = users.insert().values({{"name", "Alex"}});
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/schema/column.hpp>
#include <athanor/sql/schema/constraints.hpp>
#include <athanor/sql/schema/naming_convention.hpp>
#include <athanor/sql/selectable.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace athanor::sql {

class Insert;
class Update;
class Delete;
class MetaData;

struct TableOptions {
    /// Schema the table lives in ("" = the MetaData's, else the default schema).
    std::string schema = {};
    /// Table comment (COMMENT ON TABLE where the dialect has comments).
    std::string comment = {};
    /// Dialect-specific switches, "<dialect>_<option>" -> value, as SQLAlchemy's dialect
    /// keywords: {"sqlite_autoincrement", "true"} adds AUTOINCREMENT on SQLite.
    std::map<std::string, std::string> dialect_options = {};
    /// SQLAlchemy's Table(implicit_returning=...): false keeps the engine from adding RETURNING
    /// to this table's INSERTs to read back a generated key (the dialect's lastrowid, if any,
    /// is used instead; an explicit returning() is unaffected). Also turns return_defaults() off.
    bool implicit_returning = true;
};

/// Everything given to a Table after its name, gathered by type.
struct ATHANOR_API TableArgs {
    std::vector<Column> columns;
    std::optional<PrimaryKeyConstraint> primary_key;
    std::vector<ForeignKeyConstraint> foreign_keys;
    std::vector<UniqueConstraint> unique_constraints;
    std::vector<CheckConstraint> check_constraints;
    std::vector<Index> indexes;
    TableOptions options;

    void add(Column c) { columns.push_back(std::move(c)); }
    void add(PrimaryKeyConstraint c) { primary_key = std::move(c); }
    void add(ForeignKeyConstraint c) { foreign_keys.push_back(std::move(c)); }
    void add(UniqueConstraint c) { unique_constraints.push_back(std::move(c)); }
    void add(CheckConstraint c) { check_constraints.push_back(std::move(c)); }
    void add(Index i) { indexes.push_back(std::move(i)); }
    void add(TableOptions o) { options = std::move(o); }
};

class ATHANOR_API TableNode final : public FromClause {
public:
    TableNode(std::string name, std::vector<Column> columns, std::string schema = {});
    /// Resolves column options into constraints and names them by `convention`. Throws
    /// ArgumentError for duplicate columns or a constraint naming an unknown column.
    TableNode(std::string name, TableArgs args, const NamingConvention& convention);
    void accept(SqlCompiler& c) const override;
    void walk(Walker& w) const override;
    const std::string& name() const override { return table_name; }
    std::vector<std::string> column_names() const override;
    TypePtr column_type(const std::string& column) const override;
    ColumnPtr make_column(const FromPtr& self, const std::string& column) const override;
    void base_tables(const FromPtr& self, std::vector<std::pair<const TableNode*, FromPtr>>& out) const override;

    /// nullptr when absent.
    const Column* find(const std::string& column) const;
    /// Primary-key column names in key order.
    std::vector<std::string> primary_key() const;
    /// Index into primary_key() of the column the database generates, as SQLAlchemy decides:
    /// the key column marked autoincrement(true), else a single integer primary-key column
    /// without a foreign key or client default, unless autoincrement(false).
    std::optional<std::size_t> autoincrement_index() const;
    /// "schema.name" or "name": the MetaData key.
    std::string key() const { return schema.empty() ? table_name : schema + "." + table_name; }
    /// Value of a TableOptions::dialect_options entry, "" when absent.
    std::string dialect_option(const std::string& key) const;
    /// Names of the tables this one's foreign keys refer to (as written), itself excluded.
    std::vector<std::string> referred_tables() const;

    std::string table_name;
    std::string schema;
    std::vector<Column> columns;
    std::string comment;
    std::map<std::string, std::string> dialect_options;
    bool implicit_returning = true;  // TableOptions::implicit_returning
    PrimaryKeyConstraint primary_key_constraint;
    std::vector<ForeignKeyConstraint> foreign_key_constraints;  // column ForeignKeys included
    std::vector<UniqueConstraint> unique_constraints;           // column unique() included
    std::vector<CheckConstraint> check_constraints;
    std::vector<Index> indexes;                                 // column index() included

private:
    void build(TableArgs args, const NamingConvention& convention);
};

class ATHANOR_API Table : public From {
public:
    Table(std::string name, std::vector<Column> columns, std::string schema = {});
    explicit Table(std::shared_ptr<const TableNode> node) : From(node), table_(std::move(node)) {}
    /// Defines the table in `metadata` (SQLAlchemy's Table(name, metadata, ...)). Throws
    /// ArgumentError when `metadata` already has a table of that name.
    template <class... Args>
    Table(std::string name, MetaData& metadata, Args&&... args)
        : Table(std::move(name), metadata, collect(std::forward<Args>(args)...)) {}
    Table(std::string name, MetaData& metadata, TableArgs args);

    const TableNode& table() const { return *table_; }
    const std::shared_ptr<const TableNode>& table_node() const { return table_; }
    const std::string& name() const { return table_->table_name; }

    Insert insert() const;
    Update update() const;
    Delete delete_() const;

    template <class... Args>
    static TableArgs collect(Args&&... args) {
        TableArgs out;
        (out.add(std::forward<Args>(args)), ...);
        return out;
    }

private:
    std::shared_ptr<const TableNode> table_;
};

}  // namespace athanor::sql
