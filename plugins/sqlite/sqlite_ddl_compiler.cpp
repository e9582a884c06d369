// SQLite DDL: the rowid-alias primary key and AUTOINCREMENT; no sequences, identity or comments.
#include "sqlite_ddl_compiler.hpp"

namespace athanor::sqlite {

namespace {

bool is_autoincrement_key(const sql::TableNode& table, const sql::Column& column) {
    const auto index = table.autoincrement_index();
    const auto pk = table.primary_key();
    return index && pk.size() == 1 && pk.front() == column.name();
}

bool truthy(const std::string& v) { return v == "true" || v == "1" || v == "True" || v == "TRUE"; }

}  // namespace

bool SqliteDdlCompiler::primary_key_inline(const sql::TableNode& table) const {
    const auto pk = table.primary_key();
    return pk.size() == 1 && table.autoincrement_index();
}

std::string SqliteDdlCompiler::type_ddl(const sql::TableNode& table, const sql::Column& column) {
    // Only the exact name INTEGER makes the column the rowid (BIGINT would not autoincrement).
    if (is_autoincrement_key(table, column)) return "INTEGER";
    return DdlCompiler::type_ddl(table, column);
}

std::string SqliteDdlCompiler::autoincrement_clause(const sql::TableNode& table, const sql::Column& column) {
    if (is_autoincrement_key(table, column) && truthy(table.dialect_option("sqlite_autoincrement")))
        return " AUTOINCREMENT";
    return "";
}

std::string SqliteDdlCompiler::foreign_key_actions(const sql::ForeignKeyConstraint& fk) {
    const auto& match = fk.options().match;
    if (!match.empty() && match != "SIMPLE") unsupported("MATCH " + match + " (SQLite parses MATCH and ignores it)");
    return DdlCompiler::foreign_key_actions(fk);
}

}  // namespace athanor::sqlite
