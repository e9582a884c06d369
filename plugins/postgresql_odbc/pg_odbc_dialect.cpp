// `postgresql+odbc://`: psqlODBC defaults and the PostgreSQL SQL flavour on the ODBC transport.
#include "pg_odbc_dialect.hpp"

#include "pg_catalog.hpp"
#include "pg_compiler.hpp"
#include "pg_ddl_compiler.hpp"
#include "pg_reflection.hpp"
#include "pg_type_compiler.hpp"

#include <athanor/odbc/driver_lookup.hpp>

namespace athanor::postgresql {

std::string PgOdbcDialect::default_odbc_driver() const {
    std::string path = odbc::find_driver_library({"psqlodbcw.so"});
    return path.empty() ? std::string("PostgreSQL Unicode") : path;  // else the odbcinst.ini section name
}

std::vector<std::pair<std::string, std::string>> PgOdbcDialect::default_attributes() const {
    return {{"BoolsAsChar", "0"}, {"ConnSettings", "SET IntervalStyle = 'iso_8601'"}};
}

std::unique_ptr<sql::SqlCompiler> PgOdbcDialect::create_statement_compiler() const {
    return std::make_unique<PgCompiler>(*this);
}

std::unique_ptr<sql::TypeCompiler> PgOdbcDialect::create_type_compiler() const {
    return std::make_unique<PgTypeCompiler>();
}

std::unique_ptr<sql::DdlCompiler> PgOdbcDialect::create_ddl_compiler() const {
    return std::make_unique<PgDdlCompiler>(*this);
}

bool PgOdbcDialect::has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    return postgresql::has_table(connection, table, schema, sdk::Paramstyle::qmark);
}

std::unique_ptr<sdk::Reflector> PgOdbcDialect::create_reflector() const {
    return std::make_unique<PgReflector>(sdk::Paramstyle::qmark);  // psqlODBC takes ? placeholders
}

}  // namespace athanor::postgresql
