// Entry point of libathanor_dialect_postgresql.so: the factory the plugin registry calls.
#include "pg_dialect.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/plugin.hpp>

static std::unique_ptr<athanor::sdk::Dialect> make_postgresql_dialect(const std::string& driver) {
    if (driver.empty() || driver == "libpq") return std::make_unique<athanor::postgresql::PgDialect>();
    // postgresql+odbc: once the SDK's ODBC transport (sdk/odbc) lands, return its PostgreSQL
    // dialect here (same SQL flavour, ODBC driver) and add postgresql+odbc to SCHEMES.
    throw athanor::ArgumentError("the postgresql dialect has no driver '" + driver +
                                 "'; use postgresql:// or postgresql+libpq://");
}

ATHANOR_DIALECT_PLUGIN(make_postgresql_dialect)
