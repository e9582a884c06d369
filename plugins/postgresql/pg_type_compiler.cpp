// PostgreSQL type names and processors (see pg_type_compiler.hpp).
#include "pg_type_compiler.hpp"

#include <athanor/sql/types.hpp>


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

std::string PgTypeCompiler::visit_uuid(const sql::TypeEngine&) const { return "UUID"; }

sql::Processor PgTypeCompiler::bind_processor(const sql::TypeEngine& t) const {
    if (t.kind() == sql::TypeKind::uuid) return sql::processors::uuid_to_canonical;
    return TypeCompiler::bind_processor(t);
}

}  // namespace athanor::postgresql
