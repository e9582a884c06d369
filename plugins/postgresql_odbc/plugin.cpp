// Entry point of libathanor_dialect_postgresql_odbc.so (postgresql+odbc): the factory the
// plugin registry calls.
#include "pg_odbc_dialect.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/plugin.hpp>

static std::unique_ptr<athanor::sdk::Dialect> make_postgresql_odbc_dialect(const std::string& driver) {
    if (driver == "odbc") return std::make_unique<athanor::postgresql::PgOdbcDialect>();
    throw athanor::ArgumentError("the postgresql_odbc plugin serves only postgresql+odbc:// (got driver '" + driver +
                                 "'); use postgresql:// for libpq");
}

ATHANOR_DIALECT_PLUGIN(make_postgresql_odbc_dialect)
