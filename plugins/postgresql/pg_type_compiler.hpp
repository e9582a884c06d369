// pg_type_compiler.hpp — PostgreSQL's type map (DDL/CAST names) and value processing, shared
// by postgresql:// (libpq) and postgresql+odbc:// (psqlODBC).
//
// Names: BOOLEAN, SMALLINT, INTEGER, BIGINT, NUMERIC(p, s), REAL (Float(p <= 24)),
// DOUBLE PRECISION (Double, Float without or with larger precision), VARCHAR(n), TEXT, BYTEA,
// DATE, TIME [WITH TIME ZONE], TIMESTAMP [WITH TIME ZONE], INTERVAL, UUID, JSON (a JSONB
// column made elsewhere reads back the same), and for Enum: its type name when it has one
// (PgDdlCompiler makes create_all issue CREATE TYPE ... AS ENUM), else VARCHAR(longest
// value) with a CHECK (col IN (...)) added by PgDdlCompiler.
// Values travel in their native form: UUIDs bound as canonical dashed text (the generic
// processor would send 32 hex digits, which the server also accepts but never prints),
// everything else as the generic processors leave it (libpq decodes results by type OID).
//
// Example:
//   athanor::postgresql::PgTypeCompiler tc;
//   tc.process(*athanor::types::DateTime(true));   // "TIMESTAMP WITH TIME ZONE"
//   tc.process(*athanor::types::LargeBinary());    // "BYTEA"
#pragma once

#include <athanor/sql/type_compiler.hpp>

namespace athanor::postgresql {

class PgTypeCompiler final : public sql::TypeCompiler {
public:
    std::string visit_float(const sql::TypeEngine& type) const override;
    std::string visit_double(const sql::TypeEngine& type) const override;
    std::string visit_time(const sql::TypeEngine& type) const override;
    std::string visit_datetime(const sql::TypeEngine& type) const override;
    std::string visit_large_binary(const sql::TypeEngine& type) const override;
    std::string visit_uuid(const sql::TypeEngine& type) const override;
    std::string visit_interval(const sql::TypeEngine& type) const override;
    std::string visit_enum(const sql::TypeEngine& type) const override;

    sql::Processor bind_processor(const sql::TypeEngine& type) const override;
};

}  // namespace athanor::postgresql
