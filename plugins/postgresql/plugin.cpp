// Entry point of libathanor_dialect_postgresql.so: the factory the plugin registry calls.
// postgresql+odbc lives in its own plugin file (plugins/postgresql_odbc) with the same SQL
// flavour, so a missing libodbc or libpq disables only the plugin that needs it.
#include "pg_dialect.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/plugin.hpp>

static std::unique_ptr<athanor::sdk::Dialect> make_postgresql_dialect(const std::string& driver) {
    if (driver.empty() || driver == "libpq") return std::make_unique<athanor::postgresql::PgDialect>();
    throw athanor::ArgumentError("the postgresql dialect has no driver '" + driver +
                                 "'; use postgresql:// or postgresql+libpq:// (postgresql+odbc:// is served by the "
                                 "postgresql_odbc plugin)");
}

ATHANOR_DIALECT_PLUGIN(make_postgresql_dialect)
