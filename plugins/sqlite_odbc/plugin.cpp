// Entry point of libathanor_dialect_sqlite_odbc.so (sqlite+odbc): the factory the plugin
// registry calls.
#include "sqlite_odbc_dialect.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/plugin.hpp>

static std::unique_ptr<athanor::sdk::Dialect> make_sqlite_odbc_dialect(const std::string& driver) {
    if (driver == "odbc") return std::make_unique<athanor::sqlite::SqliteOdbcDialect>();
    throw athanor::ArgumentError("the sqlite_odbc plugin serves only sqlite+odbc:// (got driver '" + driver +
                                 "'); use sqlite:// for the SQLite3 C API");
}

ATHANOR_DIALECT_PLUGIN(make_sqlite_odbc_dialect)
