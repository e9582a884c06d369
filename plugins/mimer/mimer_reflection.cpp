// Mimer SQL catalog queries.
#include "mimer_reflection.hpp"

#include "mimer_catalog.hpp"
#include "mimer_type_compiler.hpp"

#include <athanor/sdk/driver_util.hpp>

#include <string>

namespace athanor::mimer {

namespace {

/// `column = the schema`: the given one, or the session's.
std::string schema_condition(const std::string& column, std::string_view schema) {
    return "UPPER(" + column + ") = " + (schema.empty() ? std::string("UPPER(CURRENT_SCHEMA)") : std::string("UPPER(?)"));
}

/// Rows of `sql` whose placeholders are, in order, the schema (when given) and then `table`.
CatalogRows rows(sdk::DriverConnection& connection, const std::string& sql, std::string_view schema,
                 std::string_view table = {}, bool table_first = false) {
    std::vector<Value> params;
    if (table_first && !table.empty()) params.emplace_back(std::string(table));
    if (!schema.empty()) params.emplace_back(std::string(schema));
    if (!table_first && !table.empty()) params.emplace_back(std::string(table));
    return sdk::query_rows(connection, sql, params);
}

}  // namespace

std::string MimerReflector::default_schema_name(sdk::DriverConnection& connection) {
    const Value v = sdk::query_value(connection, "SELECT CURRENT_SCHEMA FROM SYSTEM.ONEROW");
    return v.kind() == Value::Kind::text ? v.as_string() : std::string();
}

std::vector<std::string> MimerReflector::get_schema_names(sdk::DriverConnection& connection) {
    return build_schema_names(sdk::query_rows(connection, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"));
}

std::vector<std::string> MimerReflector::get_table_names(sdk::DriverConnection& connection, std::string_view schema) {
    return build_names(rows(connection,
                            "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND " +
                                schema_condition("TABLE_SCHEMA", schema),
                            schema));
}

std::vector<std::string> MimerReflector::get_view_names(sdk::DriverConnection& connection, std::string_view schema) {
    return build_names(rows(
        connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.VIEWS WHERE " + schema_condition("TABLE_SCHEMA", schema),
        schema));
}

std::vector<ReflectedSequence> MimerReflector::get_sequences(sdk::DriverConnection& connection, std::string_view schema) {
    return build_sequences(rows(connection,
                                "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES WHERE " +
                                    schema_condition("SEQUENCE_SCHEMA", schema),
                                schema));
}

bool MimerReflector::has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    return !rows(connection,
                 "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE " + schema_condition("TABLE_SCHEMA", schema) +
                     " AND UPPER(TABLE_NAME) = UPPER(?)",
                 schema, table)
                .empty();
}

std::vector<ReflectedColumn> MimerReflector::get_columns(sdk::DriverConnection& connection, std::string_view table,
                                                         std::string_view schema) {
    const MimerTypeCompiler types;
    return build_columns(
        rows(connection,
             "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, "
             "COLUMN_DEFAULT, USER_DEFINED_TYPE_SCHEMA, USER_DEFINED_TYPE_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE " +
                 schema_condition("TABLE_SCHEMA", schema) + " AND UPPER(TABLE_NAME) = UPPER(?) ORDER BY ORDINAL_POSITION",
             schema, table),
        types);
}

namespace {

std::string key_columns_query(const char* constraint_type, std::string_view schema) {
    return std::string("SELECT tc.CONSTRAINT_NAME, kcu.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                       "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                       "AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_TYPE = '") +
           constraint_type + "' AND " + schema_condition("tc.TABLE_SCHEMA", schema) +
           " AND UPPER(tc.TABLE_NAME) = UPPER(?) ORDER BY tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION";
}

}  // namespace

ReflectedPrimaryKey MimerReflector::get_pk_constraint(sdk::DriverConnection& connection, std::string_view table,
                                                      std::string_view schema) {
    return build_primary_key(rows(connection, key_columns_query("PRIMARY KEY", schema), schema, table));
}

std::vector<ReflectedForeignKey> MimerReflector::get_foreign_keys(sdk::DriverConnection& connection,
                                                                  std::string_view table, std::string_view schema) {
    // The referenced columns pair with the referencing ones by position in their keys.
    const std::string sql =
        "SELECT rc.CONSTRAINT_NAME, kcu.COLUMN_NAME, ref.TABLE_SCHEMA, ref.TABLE_NAME, ref.COLUMN_NAME, "
        "rc.UPDATE_RULE, rc.DELETE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc "
        "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu ON kcu.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA "
        "AND kcu.CONSTRAINT_NAME = rc.CONSTRAINT_NAME "
        "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE ref ON ref.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA "
        "AND ref.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME AND ref.ORDINAL_POSITION = kcu.ORDINAL_POSITION WHERE " +
        schema_condition("kcu.TABLE_SCHEMA", schema) +
        " AND UPPER(kcu.TABLE_NAME) = UPPER(?) ORDER BY rc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION";
    const std::string own_schema = schema.empty() ? default_schema_name(connection) : std::string(schema);
    return build_foreign_keys(rows(connection, sql, schema, table), own_schema);
}

std::vector<ReflectedIndex> MimerReflector::get_indexes(sdk::DriverConnection& connection, std::string_view table,
                                                        std::string_view schema) {
    const std::string sql =
        "SELECT i.INDEX_NAME, i.IS_UNIQUE, ic.COLUMN_NAME FROM INFORMATION_SCHEMA.EXT_INDEXES i "
        "JOIN INFORMATION_SCHEMA.EXT_INDEX_COLUMN_USAGE ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA "
        "AND ic.TABLE_NAME = i.TABLE_NAME AND ic.INDEX_NAME = i.INDEX_NAME WHERE " +
        schema_condition("i.INDEX_SCHEMA", schema) +
        " AND UPPER(i.TABLE_NAME) = UPPER(?) AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
        "WHERE tc.CONSTRAINT_SCHEMA = i.INDEX_SCHEMA AND tc.CONSTRAINT_NAME = i.INDEX_NAME "
        "AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')) ORDER BY i.INDEX_NAME, ic.ORDINAL_POSITION";
    return build_indexes(rows(connection, sql, schema, table));
}

std::vector<ReflectedUniqueConstraint> MimerReflector::get_unique_constraints(sdk::DriverConnection& connection,
                                                                              std::string_view table,
                                                                              std::string_view schema) {
    return build_unique_constraints(rows(connection, key_columns_query("UNIQUE", schema), schema, table));
}

std::vector<ReflectedCheckConstraint> MimerReflector::get_check_constraints(sdk::DriverConnection& connection,
                                                                            std::string_view table,
                                                                            std::string_view schema) {
    const std::string sql =
        "SELECT cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
        "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
        "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND " +
        schema_condition("tc.TABLE_SCHEMA", schema) + " AND UPPER(tc.TABLE_NAME) = UPPER(?) ORDER BY cc.CONSTRAINT_NAME";
    return build_check_constraints(rows(connection, sql, schema, table));
}

std::optional<std::string> MimerReflector::get_view_definition(sdk::DriverConnection& connection,
                                                               std::string_view view, std::string_view schema) {
    const auto found = rows(connection,
                            "SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE " +
                                schema_condition("TABLE_SCHEMA", schema) + " AND UPPER(TABLE_NAME) = UPPER(?)",
                            schema, view);
    if (found.empty() || found.front().empty() || found.front()[0].kind() != Value::Kind::text) return std::nullopt;
    return found.front()[0].as_string();
}

}  // namespace athanor::mimer
