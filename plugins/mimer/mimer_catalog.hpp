// mimer_catalog.hpp — Mimer SQL catalog rows (INFORMATION_SCHEMA and Mimer's EXT_INDEXES
// views) turned into Athanor's reflection records. Pure functions of the rows, so they are
// tested without a server; MimerReflector (mimer_reflection.hpp) runs the queries whose
// column order each builder names.
//
// Rules:
// - Columns: the type from DATA_TYPE with CHARACTER_MAXIMUM_LENGTH or NUMERIC_PRECISION /
//   NUMERIC_SCALE (MimerTypeCompiler::from_database_type); a USER-DEFINED type BUILTIN.UUID
//   is Uuid; IS_NULLABLE 'YES' is nullable; a default `NEXT VALUE FOR s` or Mimer 11.0's
//   `NEXT_VALUE OF s` marks the column autoincrement (the default kept as stored).
// - Check constraints: Mimer may report a NOT NULL column as a check `c IS NOT NULL`; those are
//   left out (they are the column's nullability, reflected there).
// - Schemas: Mimer's system schemas (INFORMATION_SCHEMA, SYSTEM, MIMER, ODBC) are left out.
// - Indexes: IS_UNIQUE 'YES' is unique; columns in ORDINAL_POSITION order.
//
// Example:
//   auto columns = athanor::mimer::build_columns({{Value("id"), Value("INTEGER"), Value(), Value(10),
//                                                  Value(0), Value("NO"), Value("NEXT VALUE FOR \"t_id_autoinc_seq\""),
//                                                  Value(), Value()}}, type_compiler);
//   columns[0].autoincrement;   // true
#pragma once

#include <athanor/reflected.hpp>
#include <athanor/sql/type_compiler.hpp>
#include <athanor/value.hpp>

#include <string>
#include <vector>

namespace athanor::mimer {

using CatalogRows = std::vector<std::vector<Value>>;

/// COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,
/// IS_NULLABLE, COLUMN_DEFAULT, USER_DEFINED_TYPE_SCHEMA, USER_DEFINED_TYPE_NAME.
std::vector<ReflectedColumn> build_columns(const CatalogRows& rows, const sql::TypeCompiler& types);
/// CONSTRAINT_NAME, COLUMN_NAME in key order.
ReflectedPrimaryKey build_primary_key(const CatalogRows& rows);
/// CONSTRAINT_NAME, COLUMN_NAME, referred TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, UPDATE_RULE,
/// DELETE_RULE, by constraint and position.
std::vector<ReflectedForeignKey> build_foreign_keys(const CatalogRows& rows, const std::string& default_schema);
/// CONSTRAINT_NAME, COLUMN_NAME, by constraint and position.
std::vector<ReflectedUniqueConstraint> build_unique_constraints(const CatalogRows& rows);
/// CONSTRAINT_NAME, CHECK_CLAUSE.
std::vector<ReflectedCheckConstraint> build_check_constraints(const CatalogRows& rows);
/// INDEX_NAME, IS_UNIQUE, COLUMN_NAME, by index and position.
std::vector<ReflectedIndex> build_indexes(const CatalogRows& rows);
/// SEQUENCE_NAME, START_VALUE, INCREMENT.
std::vector<ReflectedSequence> build_sequences(const CatalogRows& rows);
/// SCHEMA_NAME, without the system schemas, sorted.
std::vector<std::string> build_schema_names(const CatalogRows& rows);
/// The first column of each row, sorted.
std::vector<std::string> build_names(const CatalogRows& rows);

/// True for INFORMATION_SCHEMA, SYSTEM, MIMER and ODBC (any case).
bool is_system_schema(const std::string& schema);

}  // namespace athanor::mimer
