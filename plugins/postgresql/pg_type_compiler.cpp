// PostgreSQL type names and processors (see pg_type_compiler.hpp).
#include "pg_type_compiler.hpp"

#include <athanor/sql/types.hpp>

#include <algorithm>
#include <cctype>


namespace athanor::postgresql {

std::string PgTypeCompiler::visit_float(const sql::TypeEngine& t) const {
    // PostgreSQL's FLOAT(p) is REAL up to 24 bits of mantissa, DOUBLE PRECISION above.
    return t.precision() && *t.precision() <= 24 ? "REAL" : "DOUBLE PRECISION";
}

std::string PgTypeCompiler::visit_double(const sql::TypeEngine&) const { return "DOUBLE PRECISION"; }

std::string PgTypeCompiler::visit_time(const sql::TypeEngine& t) const {
    return t.timezone() ? "TIME WITH TIME ZONE" : "TIME";
}

std::string PgTypeCompiler::visit_datetime(const sql::TypeEngine& t) const {
    return t.timezone() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
}

std::string PgTypeCompiler::visit_large_binary(const sql::TypeEngine&) const { return "BYTEA"; }

std::string PgTypeCompiler::visit_uuid(const sql::TypeEngine& t) const {
    return t.options().native_uuid ? "UUID" : TypeCompiler::visit_uuid(t);
}

std::string PgTypeCompiler::visit_interval(const sql::TypeEngine& t) const {
    // SQLAlchemy renders the second precision as PostgreSQL's INTERVAL(p); day precision has
    // no PostgreSQL spelling.
    const auto& p = t.options().second_precision;
    return p ? "INTERVAL(" + std::to_string(*p) + ")" : "INTERVAL";
}

std::string PgTypeCompiler::visit_enum(const sql::TypeEngine& t) const {
    const std::string& name = t.options().enum_name;
    if (name.empty()) return TypeCompiler::visit_enum(t);
    // A lower-case plain name as is; anything else double-quoted (PostgreSQL folds to lower case).
    const bool plain = !std::isdigit(static_cast<unsigned char>(name.front())) &&
                       std::all_of(name.begin(), name.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                       });
    if (plain) return name;
    std::string quoted = "\"";
    for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + '"';
}

sql::Processor PgTypeCompiler::bind_processor(const sql::TypeEngine& t) const {
    if (t.kind() == sql::TypeKind::uuid)
        return t.options().native_uuid ? sql::processors::uuid_to_canonical : sql::processors::uuid_to_hex;
    return TypeCompiler::bind_processor(t);
}

}  // namespace athanor::postgresql
