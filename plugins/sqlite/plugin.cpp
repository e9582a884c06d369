// Entry point of libathanor_dialect_sqlite.so: the factory the plugin registry calls.
#include "sqlite_dialect.hpp"
#ifdef ATHANOR_SQLITE_WITH_ODBC
#include "sqlite_odbc_dialect.hpp"
#endif

#include <athanor/sdk/plugin.hpp>

static std::unique_ptr<athanor::sdk::Dialect> make_sqlite_dialect(const std::string& driver) {
#ifdef ATHANOR_SQLITE_WITH_ODBC
    if (driver == "odbc") return std::make_unique<athanor::sqlite::SqliteOdbcDialect>();
#endif
    return std::make_unique<athanor::sqlite::SqliteDialect>(driver);
}

ATHANOR_DIALECT_PLUGIN(make_sqlite_dialect)
