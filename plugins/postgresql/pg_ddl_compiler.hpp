// pg_ddl_compiler.hpp — PostgreSQL's DDL flavour, shared by postgresql:// and postgresql+odbc://.
//
// - Types through PgTypeCompiler (BYTEA, TIMESTAMP, UUID, DOUBLE PRECISION, ...).
// - The autoincrement primary key becomes SERIAL / BIGSERIAL / SMALLSERIAL (SQLAlchemy 2's
//   default on PostgreSQL), unless the column has an Identity (GENERATED ... AS IDENTITY)
//   or a Sequence (plain INTEGER; the INSERT uses nextval('seq')).
// - A Computed column is GENERATED ALWAYS AS (expr) STORED; INCLUDE columns make covering indexes.
// - Sequences, IF [NOT] EXISTS and COMMENT ON statements: the generic (standard) forms.
// - A named Enum (Enum({"happy", "sad"}, "mood")) is a native type: create_all issues
//   CREATE TYPE mood AS ENUM ('happy', 'sad') before the table (once, and under checkfirst
//   only when pg_type lacks it) and drop_all DROP TYPE mood after the tables, as SQLAlchemy.
//   An unnamed Enum is VARCHAR(n) plus CHECK (col IN ('a', 'b')).
//
// Example:
//   CREATE TYPE mood AS ENUM ('happy', 'sad')
//   CREATE TABLE users (
//       id SERIAL NOT NULL,
//       mood mood,
//       size VARCHAR(5) CHECK (size IN ('small', 'large')),
//       PRIMARY KEY (id)
//   )
#pragma once

#include <athanor/sql/ddl_compiler.hpp>

namespace athanor::postgresql {

class PgDdlCompiler final : public sql::DdlCompiler {
public:
    using DdlCompiler::DdlCompiler;

    std::string get_column_specification(const sql::TableNode& table, const sql::Column& column) override;
    std::string type_ddl(const sql::TableNode& table, const sql::Column& column) override;
    std::vector<sql::AuxiliaryDdl> pre_create_statements(const sql::TableNode& table) override;
    std::vector<sql::AuxiliaryDdl> post_drop_statements(const sql::TableNode& table) override;
    /// GENERATED ALWAYS AS (...) STORED: PostgreSQL stores every generated column, so a
    /// Computed with persisted false is a CompileError.
    std::string computed_clause(const sql::TableNode& table, const sql::Column& column) override;
    /// CREATE INDEX ... INCLUDE (...) (PostgreSQL 11+).
    bool supports_index_include() const override { return true; }

private:
    /// "schema.name" of a named enum type (the table's schema), and the pg_type lookup for it.
    std::string enum_type_name(const sql::TableNode& table, const sql::TypeEngine& type);
    std::string enum_exists_query(const sql::TableNode& table, const sql::TypeEngine& type);
};

}  // namespace athanor::postgresql
