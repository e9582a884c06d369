// PostgreSQL DDL: SERIAL for the autoincrement key, native type names, CHECK for enums.
#include "pg_ddl_compiler.hpp"

#include "pg_type_compiler.hpp"

#include <athanor/errors.hpp>

namespace athanor::postgresql {

namespace {

bool is_autoincrement_key(const sql::TableNode& table, const sql::Column& column) {
    const auto index = table.autoincrement_index();
    return index && table.primary_key()[*index] == column.name();
}

}  // namespace

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
    return PgTypeCompiler().process(type);
}

std::string PgDdlCompiler::get_column_specification(const sql::TableNode& table, const sql::Column& column) {
    std::string out = DdlCompiler::get_column_specification(table, column);
    if (column.type() && column.type()->kind() == sql::TypeKind::enum_ && !column.type()->enum_values().empty()) {
        std::string list;
        for (const auto& v : column.type()->enum_values()) list += (list.empty() ? "" : ", ") + literal(Value(v));
        out += " CHECK (" + quote(column.name()) + " IN (" + list + "))";
    }
    return out;
}

}  // namespace athanor::postgresql
