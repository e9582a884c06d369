// Entry point of libathanor_dialect_sqlite.so: the factory the plugin registry calls.
// sqlite+odbc lives in its own plugin file (plugins/sqlite_odbc), so a missing libodbc never
// disables sqlite://.
#include "sqlite_dialect.hpp"

#include <athanor/sdk/plugin.hpp>

static std::unique_ptr<athanor::sdk::Dialect> make_sqlite_dialect(const std::string& driver) {
    return std::make_unique<athanor::sqlite::SqliteDialect>(driver);
}

ATHANOR_DIALECT_PLUGIN(make_sqlite_dialect)
