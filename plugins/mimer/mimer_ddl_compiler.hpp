// mimer_ddl_compiler.hpp — Mimer SQL's DDL (Mimer SQL Reference Manual, CREATE TABLE,
// CREATE SEQUENCE, DROP SEQUENCE, COMMENT).
//
// - Types through MimerTypeCompiler (BOOLEAN, NVARCHAR(n), CLOB(2G), BUILTIN.UUID, ...);
//   `NOT NULL` is written for every non-nullable column (the Python dialect leaves it out).
// - Autoincrement: Mimer has no identity columns. An integer primary key that is the table's
//   autoincrement column, with no Sequence and no server default, gets an implicit sequence
//   `<table>_<column>_autoinc_seq` (the Python dialect's name, in the table's schema) which
//   create_all creates before the table (`CREATE SEQUENCE s AS <type> NO CYCLE`, under
//   checkfirst only when INFORMATION_SCHEMA.SEQUENCES lacks it) and drop_all drops after it;
//   the column is `id INTEGER DEFAULT NEXT VALUE FOR s NOT NULL`. A column with an explicit
//   Sequence gets `DEFAULT NEXT VALUE FOR` that sequence (create_all creates it as usual).
// - Sequences: `CREATE SEQUENCE s [START WITH n] [INCREMENT BY n] [MINVALUE n] [MAXVALUE n]
//   [CYCLE]`; CACHE is refused (Mimer has no such option).
// - Refused (CompileError): IF [NOT] EXISTS (not in Mimer's manual; create_all's checkfirst
//   asks the catalog instead), computed columns, INCLUDE columns.
//
// Example:
//   CREATE SEQUENCE users_id_autoinc_seq AS INTEGER NO CYCLE
//   CREATE TABLE users (
//       id INTEGER DEFAULT NEXT VALUE FOR users_id_autoinc_seq NOT NULL,
//       name NVARCHAR(50) NOT NULL,
//       PRIMARY KEY (id)
//   )
#pragma once

#include <athanor/sql/ddl_compiler.hpp>

#include <optional>

namespace athanor::mimer {

class MimerDdlCompiler final : public sql::DdlCompiler {
public:
    using DdlCompiler::DdlCompiler;

    bool supports_if_exists() const override { return false; }
    bool supports_identity_columns() const override { return false; }

    std::string get_column_specification(const sql::TableNode& table, const sql::Column& column) override;
    std::string computed_clause(const sql::TableNode& table, const sql::Column& column) override;
    std::string sequence_options(const sql::Sequence& sequence) override;
    std::vector<sql::AuxiliaryDdl> pre_create_statements(const sql::TableNode& table) override;
    std::vector<sql::AuxiliaryDdl> post_drop_statements(const sql::TableNode& table) override;

    /// The implicit sequence of `table`'s autoincrement column, quoted and schema-qualified;
    /// nullopt when the table has none (no autoincrement key, or it has a Sequence, a server
    /// default or a non-integer type).
    std::optional<std::string> implicit_sequence(const sql::TableNode& table);

private:
    const sql::Column* implicit_sequence_column(const sql::TableNode& table) const;
    std::string sequence_exists_query(const sql::TableNode& table, const std::string& name);
};

}  // namespace athanor::mimer
