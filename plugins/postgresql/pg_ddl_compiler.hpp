// pg_ddl_compiler.hpp — PostgreSQL's DDL flavour, shared by postgresql:// and postgresql+odbc://.
//
// - Types through PgTypeCompiler (BYTEA, TIMESTAMP, UUID, DOUBLE PRECISION, ...).
// - The autoincrement primary key becomes SERIAL / BIGSERIAL / SMALLSERIAL (SQLAlchemy 2's
//   default on PostgreSQL), unless the column has an Identity (GENERATED ... AS IDENTITY)
//   or a Sequence (plain INTEGER; the INSERT uses nextval('seq')).
// - Sequences, IF [NOT] EXISTS and COMMENT ON statements: the generic (standard) forms.
// - Enum columns: VARCHAR(n) plus CHECK (col IN ('a', 'b')), since create_all cannot issue
//   CREATE TYPE ... AS ENUM yet.
//
// Example:
//   CREATE TABLE users (
//       id SERIAL NOT NULL,
//       mood VARCHAR(5) CHECK (mood IN ('happy', 'sad')),
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
};

}  // namespace athanor::postgresql
