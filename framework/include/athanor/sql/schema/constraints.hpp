// athanor/sql/schema/constraints.hpp — table-level constraints and indexes, given to a Table
// after its columns: PrimaryKeyConstraint (composite keys), ForeignKeyConstraint (composite
// references), UniqueConstraint, CheckConstraint and Index.
//
// Columns are named by their names. A constraint without a name gets one from the
// MetaData's naming convention (see metadata.hpp) or stays unnamed. Column options
// (primary_key(), ForeignKey, unique(), index()) are turned into the same objects, so a
// TableNode lists every constraint in one place.
//
// Usage:
//   metadata.table("order_lines",
//       sa::Column("order_id", sa::Integer()), sa::Column("line", sa::Integer()),
//       sa::Column("qty", sa::Integer()),
//       sa::PrimaryKeyConstraint({"order_id", "line"}),
//       sa::ForeignKeyConstraint({"order_id"}, {"orders.id"}, {.ondelete = "CASCADE"}),
//       sa::CheckConstraint("qty > 0", "positive_qty"),
//       sa::Index("ix_lines_qty", {"qty", "line"}, sa::unique()));
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/schema/column.hpp>

#include <string>
#include <vector>

namespace athanor::sql {

struct PrimaryKeyConstraint {
    PrimaryKeyConstraint() = default;
    explicit PrimaryKeyConstraint(std::vector<std::string> column_names, std::string constraint_name = {})
        : columns(std::move(column_names)), name(std::move(constraint_name)) {}
    std::vector<std::string> columns;
    std::string name;
    /// Set when the table's naming convention made `name`: the DDL compiler then fits it to
    /// the dialect's max_identifier_length() (IdentifierPreparer::truncate) instead of
    /// refusing it, as it does an explicit name that is too long.
    bool name_from_convention = false;
};

class ATHANOR_API ForeignKeyConstraint {
public:
    /// `referred` are "table.column" (or "schema.table.column"), one per local column, all
    /// naming the same table. Throws ArgumentError otherwise.
    ForeignKeyConstraint(std::vector<std::string> columns, std::vector<std::string> referred,
                         ForeignKeyOptions options = {});
    const std::vector<std::string>& columns() const { return columns_; }
    /// The referred table as written ("users" or "auth.users").
    const std::string& referred_table() const { return referred_table_; }
    const std::vector<std::string>& referred_columns() const { return referred_columns_; }
    const ForeignKeyOptions& options() const { return options_; }
    const std::string& name() const { return options_.name; }
    /// Set when the table is built (naming convention); `from_convention`: see
    /// PrimaryKeyConstraint::name_from_convention.
    void set_name(std::string name, bool from_convention = false) {
        options_.name = std::move(name);
        name_from_convention_ = from_convention;
    }
    bool name_from_convention() const { return name_from_convention_; }

private:
    std::vector<std::string> columns_;
    std::string referred_table_;
    std::vector<std::string> referred_columns_;
    ForeignKeyOptions options_;
    bool name_from_convention_ = false;
};

struct UniqueConstraint {
    UniqueConstraint() = default;
    explicit UniqueConstraint(std::vector<std::string> column_names, std::string constraint_name = {})
        : columns(std::move(column_names)), name(std::move(constraint_name)) {}
    std::vector<std::string> columns;
    std::string name;
    /// See PrimaryKeyConstraint::name_from_convention.
    bool name_from_convention = false;
};

/// CHECK (sqltext): the condition is SQL text, rendered as written.
struct CheckConstraint {
    CheckConstraint() = default;
    explicit CheckConstraint(std::string condition, std::string constraint_name = {})
        : sqltext(std::move(condition)), name(std::move(constraint_name)) {}
    std::string sqltext;
    std::string name;
    /// See PrimaryKeyConstraint::name_from_convention.
    bool name_from_convention = false;
};

/// CREATE [UNIQUE] INDEX name ON table (columns). The table is filled in when the Index is
/// given to a Table.
struct Index {
    Index() = default;
    Index(std::string index_name, std::vector<std::string> column_names, UniqueOption is_unique = {false})
        : name(std::move(index_name)), columns(std::move(column_names)), unique(is_unique.value) {}
    std::string name;
    std::vector<std::string> columns;
    bool unique = false;
    /// Non-key columns carried in the index (a covering index: INCLUDE (...), SQLAlchemy's
    /// postgresql_include / mssql_include). A dialect without covering indexes refuses a
    /// non-empty list with CompileError.
    std::vector<std::string> include = {};
    /// See PrimaryKeyConstraint::name_from_convention (an Index made by index() is named by
    /// the "ix" convention, SQLAlchemy's ix_%(column_0_label)s by default).
    bool name_from_convention = false;
    std::string table;   // owning table's name
    std::string schema;  // owning table's schema
};

}  // namespace athanor::sql
