// PostgreSQL DDL: SERIAL for the autoincrement key, native type names, named enums as
// CREATE TYPE ... AS ENUM, CHECK for unnamed ones.
#include "pg_ddl_compiler.hpp"

#include "pg_type_compiler.hpp"

#include <athanor/errors.hpp>

namespace athanor::postgresql {

namespace {

bool is_autoincrement_key(const sql::TableNode& table, const sql::Column& column) {
    const auto index = table.autoincrement_index();
    return index && table.primary_key()[*index] == column.name();
}

bool is_enum(const sql::Column& column) {
    return column.type() && column.type()->kind() == sql::TypeKind::enum_ && !column.type()->enum_values().empty();
}

bool is_named_enum(const sql::Column& column) { return is_enum(column) && !column.type()->options().enum_name.empty(); }

}  // namespace

std::string PgDdlCompiler::computed_clause(const sql::TableNode& table, const sql::Column& column) {
    const auto& computed = *column.computed();
    if (computed.persisted && !*computed.persisted)
        throw CompileError("column '" + table.table_name + "." + column.name() +
                           "': PostgreSQL has no virtual generated columns (Computed with persisted false); "
                           "leave persisted unset or true for a stored one");
    return "GENERATED ALWAYS AS (" + computed.sqltext + ") STORED";
}

std::string PgDdlCompiler::type_ddl(const sql::TableNode& table, const sql::Column& column) {
    if (!column.type()) throw CompileError("column '" + table.table_name + "." + column.name() + "' has no type");
    const auto& type = *column.type();
    // An Identity or a Sequence already supplies the values; otherwise SERIAL owns a sequence.
    if (is_autoincrement_key(table, column) && !column.identity() && !column.sequence()) {
        switch (type.kind()) {
            case sql::TypeKind::small_integer: return "SMALLSERIAL";
            case sql::TypeKind::big_integer: return "BIGSERIAL";
            case sql::TypeKind::integer: return "SERIAL";
            default: break;
        }
    }
    if (is_named_enum(column)) return enum_type_name(table, type);
    return DdlCompiler::type_ddl(table, column);
}

std::string PgDdlCompiler::enum_type_name(const sql::TableNode& table, const sql::TypeEngine& type) {
    return format_table_name(table.schema, type.options().enum_name);
}

std::string PgDdlCompiler::enum_exists_query(const sql::TableNode& table, const sql::TypeEngine& type) {
    // Without a schema the type is looked up as the search_path resolves it; the schema is the
    // one the type is created in (after the schema_translate_map).
    const std::string& schema = effective_schema(table.schema);
    return "SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
           "WHERE t.typname = " + literal(Value(type.options().enum_name)) + " AND " +
           (schema.empty() ? std::string("pg_catalog.pg_type_is_visible(t.oid)") : "n.nspname = " + literal(Value(schema)));
}

std::vector<sql::AuxiliaryDdl> PgDdlCompiler::pre_create_statements(const sql::TableNode& table) {
    std::vector<sql::AuxiliaryDdl> out;
    for (const auto& column : table.columns) {
        if (!is_named_enum(column)) continue;
        const auto& type = *column.type();
        std::string values;
        for (const auto& v : type.enum_values()) values += (values.empty() ? "" : ", ") + literal(Value(v));
        out.push_back({"CREATE TYPE " + enum_type_name(table, type) + " AS ENUM (" + values + ")",
                       enum_exists_query(table, type)});
    }
    return out;
}

std::vector<sql::AuxiliaryDdl> PgDdlCompiler::post_drop_statements(const sql::TableNode& table) {
    std::vector<sql::AuxiliaryDdl> out;
    for (const auto& column : table.columns)
        if (is_named_enum(column))
            out.push_back({"DROP TYPE " + enum_type_name(table, *column.type()), enum_exists_query(table, *column.type())});
    return out;
}

std::string PgDdlCompiler::get_column_specification(const sql::TableNode& table, const sql::Column& column) {
    std::string out = DdlCompiler::get_column_specification(table, column);
    if (is_enum(column) && !is_named_enum(column)) {
        std::string list;
        for (const auto& v : column.type()->enum_values()) list += (list.empty() ? "" : ", ") + literal(Value(v));
        out += " CHECK (" + quote(column.name()) + " IN (" + list + "))";
    }
    return out;
}

}  // namespace athanor::postgresql
