// sqlite_ddl_compiler.hpp — SQLite's DDL flavour.
//
// The autoincrement primary key is written `id INTEGER NOT NULL PRIMARY KEY` in the column
// itself, so it is an alias of the rowid (SQLite requires the exact type name INTEGER, so a
// BigInteger key is declared INTEGER too); with the table option
// {"sqlite_autoincrement", "true"} the AUTOINCREMENT keyword follows (ids never reused).
// Sequences and Identity are ignored (the rowid does the job), comments are not rendered,
// IF [NOT] EXISTS is supported, foreign keys keep their ON DELETE / ON UPDATE actions.
//
// Example:
//   CREATE TABLE users (
//       id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
//       name VARCHAR(50)
//   )
#pragma once

#include <athanor/sql/ddl_compiler.hpp>

namespace athanor::sqlite {

class SqliteDdlCompiler final : public sql::DdlCompiler {
public:
    using DdlCompiler::DdlCompiler;

    bool supports_sequences() const override { return false; }
    bool supports_identity_columns() const override { return false; }
    bool supports_comments() const override { return false; }
    /// A SQLite schema is an ATTACHed database file, not something CREATE SCHEMA makes.
    bool supports_schemas() const override { return false; }
    /// SQLite's ALTER TABLE cannot add or drop constraints: use_alter keys stay in CREATE TABLE
    /// (SQLite accepts a reference to a table created later).
    bool supports_alter() const override { return false; }

    bool primary_key_inline(const sql::TableNode& table) const override;
    std::string type_ddl(const sql::TableNode& table, const sql::Column& column) override;
    std::string autoincrement_clause(const sql::TableNode& table, const sql::Column& column) override;
};

}  // namespace athanor::sqlite
