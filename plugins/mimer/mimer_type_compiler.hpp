// mimer_type_compiler.hpp — Mimer SQL's type map, both ways.
//
// Generic type -> DDL/CAST name (Mimer SQL Reference Manual, "Data Types"):
//   Boolean BOOLEAN; Integer/SmallInteger/BigInteger INTEGER/SMALLINT/BIGINT;
//   Numeric(p, s) DECIMAL(p, s); Float(p <= 24) REAL, Float/Double DOUBLE PRECISION (Mimer's
//   FLOAT(p) counts decimal digits, SQLAlchemy's Float(p) binary ones, so FLOAT(p) is never
//   written); String(n) VARCHAR(n), without a length VARCHAR(15000) (Mimer's longest; its
//   VARCHAR is ISO 8859-1 only); Unicode(n) NVARCHAR(n), without a length NVARCHAR(5000);
//   Text CLOB, UnicodeText NCLOB, LargeBinary BLOB, each with its length when given, else
//   (2G) (Mimer's default LOB length is only 1M); Date DATE, Time TIME, DateTime TIMESTAMP;
//   Interval INTERVAL DAY(p) TO SECOND(s); Uuid BUILTIN.UUID (native_uuid false: CHAR(32)).
//   Refused with CompileError: time zones (Mimer has no TIME/TIMESTAMP WITH TIME ZONE), JSON.
// Values: the generic processors (native BOOLEAN, Decimal, date/time structs through ODBC);
// a Uuid is bound as its 36-character text, which BUILTIN.UUID takes (UNVERIFIED without a server).
// Database name -> generic type (reflection, INFORMATION_SCHEMA.COLUMNS.DATA_TYPE spellings):
//   CHARACTER [VARYING], NATIONAL CHARACTER [VARYING], CHARACTER/NATIONAL CHARACTER/BINARY
//   LARGE OBJECT, BINARY [VARYING], BUILTIN.UUID, plus everything the generic map knows.
//
// Example:
//   athanor::mimer::MimerTypeCompiler tc;
//   tc.process(*athanor::types::Unicode(40));   // "NVARCHAR(40)"
//   tc.process(*athanor::types::Text());        // "CLOB(2G)"
#pragma once

#include <athanor/sql/type_compiler.hpp>

namespace athanor::mimer {

class MimerTypeCompiler final : public sql::TypeCompiler {
public:
    std::string visit_string(const sql::TypeEngine& type) const override;
    std::string visit_unicode(const sql::TypeEngine& type) const override;
    std::string visit_text(const sql::TypeEngine& type) const override;
    std::string visit_unicode_text(const sql::TypeEngine& type) const override;
    std::string visit_large_binary(const sql::TypeEngine& type) const override;
    std::string visit_float(const sql::TypeEngine& type) const override;
    std::string visit_double(const sql::TypeEngine& type) const override;
    std::string visit_numeric(const sql::TypeEngine& type) const override;
    std::string visit_time(const sql::TypeEngine& type) const override;
    std::string visit_datetime(const sql::TypeEngine& type) const override;
    std::string visit_interval(const sql::TypeEngine& type) const override;
    std::string visit_uuid(const sql::TypeEngine& type) const override;
    std::string visit_json(const sql::TypeEngine& type) const override;

    sql::Processor bind_processor(const sql::TypeEngine& type) const override;
    sql::TypePtr from_database_type(std::string_view name) const override;
};

}  // namespace athanor::mimer
