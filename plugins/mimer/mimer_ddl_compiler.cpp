// Mimer SQL DDL: NOT NULL, implicit autoincrement sequences, Mimer's sequence options.
#include "mimer_ddl_compiler.hpp"

#include "mimer_statement.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql/type_compiler.hpp>

namespace athanor::mimer {

const sql::Column* MimerDdlCompiler::implicit_sequence_column(const sql::TableNode& table) const {
    const auto index = table.autoincrement_index();
    if (!index) return nullptr;
    const std::string name = table.primary_key()[*index];
    for (const auto& column : table.columns) {
        if (column.name() != name) continue;
        if (column.sequence() || column.server_default() || column.computed() || !column.type()) return nullptr;
        const auto kind = column.type()->kind();
        if (kind != sql::TypeKind::integer && kind != sql::TypeKind::small_integer && kind != sql::TypeKind::big_integer)
            return nullptr;
        return &column;
    }
    return nullptr;
}

std::optional<std::string> MimerDdlCompiler::implicit_sequence(const sql::TableNode& table) {
    const auto* column = implicit_sequence_column(table);
    if (!column) return std::nullopt;
    return format_table_name(table.schema, implicit_sequence_name(table.table_name, column->name()));
}

std::string MimerDdlCompiler::get_column_specification(const sql::TableNode& table, const sql::Column& column) {
    std::optional<std::string> sequence;
    if (column.sequence() && !column.server_default() && !column.computed())
        sequence = format_sequence(*column.sequence());
    else if (implicit_sequence_column(table) == &column)
        sequence = implicit_sequence(table);
    if (!sequence) return DdlCompiler::get_column_specification(table, column);
    // <column definition>: name, type, DEFAULT, then the NOT NULL constraint.
    std::string out = quote(column.name()) + " " + type_ddl(table, column) + " DEFAULT NEXT VALUE FOR " + *sequence;
    if (!column.nullable()) out += " NOT NULL";
    return out;
}

std::string MimerDdlCompiler::computed_clause(const sql::TableNode& table, const sql::Column& column) {
    unsupported("computed column '" + table.table_name + "." + column.name() + "' (GENERATED ALWAYS AS)");
}

std::string MimerDdlCompiler::sequence_options(const sql::Sequence& sequence) {
    const auto& o = sequence.options();
    if (o.cache) unsupported("CREATE SEQUENCE ... CACHE");
    std::string out;
    if (o.start) out += " START WITH " + std::to_string(*o.start);
    if (o.increment) out += " INCREMENT BY " + std::to_string(*o.increment);
    if (o.minvalue) out += " MINVALUE " + std::to_string(*o.minvalue);
    if (o.maxvalue) out += " MAXVALUE " + std::to_string(*o.maxvalue);
    if (o.cycle) out += " CYCLE";
    return out;
}

std::string MimerDdlCompiler::sequence_exists_query(const sql::TableNode& table, const std::string& name) {
    // Mimer compares identifiers without regard to case (Mimer SQL 11 Syntax Rules), so the
    // catalog is searched the same way.
    const std::string schema = effective_schema(table.schema);
    return "SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES WHERE UPPER(SEQUENCE_NAME) = UPPER(" + literal(Value(name)) +
           ") AND UPPER(SEQUENCE_SCHEMA) = " +
           (schema.empty() ? std::string("UPPER(CURRENT_SCHEMA)") : "UPPER(" + literal(Value(schema)) + ")");
}

std::vector<sql::AuxiliaryDdl> MimerDdlCompiler::pre_create_statements(const sql::TableNode& table) {
    const auto* column = implicit_sequence_column(table);
    if (!column) return {};
    const std::string name = implicit_sequence_name(table.table_name, column->name());
    return {{"CREATE SEQUENCE " + *implicit_sequence(table) + " AS " + type_compiler().process(*column->type()) +
                 " NO CYCLE",
             sequence_exists_query(table, name)}};
}

std::vector<sql::AuxiliaryDdl> MimerDdlCompiler::post_drop_statements(const sql::TableNode& table) {
    const auto* column = implicit_sequence_column(table);
    if (!column) return {};
    const std::string name = implicit_sequence_name(table.table_name, column->name());
    return {{"DROP SEQUENCE " + *implicit_sequence(table), sequence_exists_query(table, name)}};
}

}  // namespace athanor::mimer
