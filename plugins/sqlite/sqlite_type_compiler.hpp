// sqlite_type_compiler.hpp — SQLite's type map and value processing.
//
// DDL names keep SQLAlchemy's SQLite choices (INTEGER, VARCHAR(n), NUMERIC(p, s), BOOLEAN,
// DATE, TIME, DATETIME, BLOB, CHAR(32) for Uuid, JSON, INTERVAL). SQLite has no date, UUID
// or interval storage, so values travel as text: dates/times as ISO 8601 (Value::iso()),
// intervals as ISO 8601 durations (P1DT2H), UUIDs as 32 lowercase hex digits, booleans as
// 0/1; they come back as athanor::Date, Interval, canonical UUID text, bool, and Numeric as
// athanor::Decimal (exact to SQLite's 15 significant digits under NUMERIC affinity; a
// column declared TEXT keeps every digit). Reflection follows SQLite's affinity rules for
// names it does not know ("MONEYINT" -> Integer, "WIDECHAR" -> Text, "" -> LargeBinary).
//
// Example:
//   auto tc = dialect.create_type_compiler();
//   tc->process(*athanor::types::Uuid());          // "CHAR(32)"
//   tc->from_database_type("VARCHAR(20)");         // String(20)
#pragma once

#include <athanor/sql/type_compiler.hpp>

namespace athanor::sqlite {

class SqliteTypeCompiler final : public sql::TypeCompiler {
public:
    sql::Processor bind_processor(const sql::TypeEngine& type) const override;
    sql::TypePtr from_database_type(std::string_view name) const override;
};

}  // namespace athanor::sqlite
