// athanor/reflection/reflect.hpp — fill a MetaData from a live database (SQLAlchemy's
// MetaData.reflect() and Table(..., autoload_with=engine)), and the whole schema as JSON.
//
// reflect() adds every table of a schema (or only the named ones) with its columns (generic
// types from the dialect's type map, nullability, server defaults, autoincrement, comments),
// primary key, foreign keys (with ON DELETE / ON UPDATE), unique and check constraints,
// indexes and table comment, plus the schema's standalone sequences. Tables the MetaData
// already has are left as they are. The result can create_all() the same schema on another
// database of the same dialect. reflect_table() loads one table by name (NoSuchTableError
// when it is missing). Serial/identity defaults (nextval of the column's own sequence) are
// not copied: the column is marked autoincrement and the dialect generates it again.
//
// reflect_json() is what `athanor reflect URL --json` prints:
//   {"tables": {"<table>": {"columns": [...], "primary_key": {...}, "foreign_keys": [...],
//    "indexes": [...], "unique_constraints": [...], "check_constraints": [...],
//    "comment": ...}, ...}, "views": ["<view>", ...], "sequences": [{...}, ...]}
// with the Inspector's field names, lists in a stable order (so two databases with the same
// schema give the same text). load_schema_json() reads that text back into a MetaData, as
// reflect() would have filled it from the database, with generic types so that the MetaData
// can create_all() the schema on another dialect: a column's "type_name" where it names a
// generic type ("uuid", "integer"), else its generic "type" (which is only that type's default
// spelling). Views are not part of it, and what the JSON does not carry — computed columns,
// index INCLUDE columns, an enum type's values — is not recreated.
//
// Example:
//   auto engine = athanor::create_engine("sqlite:///app.db");
//   athanor::MetaData metadata;
//   athanor::reflect(metadata, engine);                       // every table
//   auto& users = athanor::reflect_table(metadata, engine, "users");  // already there: returned
//   metadata.create_all(other_engine);
#pragma once

#include <athanor/export.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sql/schema/metadata.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace athanor {

struct ReflectOptions {
    /// The schema to read ("" = the default one); tables get it as their schema when set.
    std::string schema = {};
    /// Only these tables (each must exist: InvalidRequestError naming the missing ones).
    std::vector<std::string> only = {};
    /// Also standalone sequences of the schema.
    bool sequences = true;
};

ATHANOR_API void reflect(sql::MetaData& metadata, Inspector& inspector, const ReflectOptions& options = {});
ATHANOR_API void reflect(sql::MetaData& metadata, const Engine& engine, const ReflectOptions& options = {});
ATHANOR_API void reflect(sql::MetaData& metadata, Connection& connection, const ReflectOptions& options = {});

/// Autoload: the table named `table` added to `metadata` from the database (or the one it
/// already has). NoSuchTableError when the database has no such table.
ATHANOR_API sql::Table& reflect_table(sql::MetaData& metadata, Inspector& inspector, std::string_view table,
                                      std::string_view schema = {});
ATHANOR_API sql::Table& reflect_table(sql::MetaData& metadata, const Engine& engine, std::string_view table,
                                      std::string_view schema = {});
ATHANOR_API sql::Table& reflect_table(sql::MetaData& metadata, Connection& connection, std::string_view table,
                                      std::string_view schema = {});

/// The whole schema as JSON text (see the file comment), indented by `indent` (-1: one line).
ATHANOR_API std::string reflect_json(Inspector& inspector, std::string_view schema = {}, int indent = 2);

/// Adds the tables and standalone sequences of a JSON schema (reflect_json's text) to
/// `metadata`, in `schema` ("" = the default one); tables it already has are left as they are.
/// ArgumentError naming the place ("tables.users.columns[1] has no \"name\"") when the text is
/// not such a schema; then nothing is added.
///   athanor::MetaData metadata;
///   athanor::load_schema_json(metadata, text);
///   metadata.create_all(other_engine);
ATHANOR_API void load_schema_json(sql::MetaData& metadata, std::string_view json, std::string_view schema = {});

}  // namespace athanor
