// The SQLite dialect: turns a URL into sqlite3_open_v2 arguments and sets connections up.
#include "sqlite_dialect.hpp"

#include "sqlite_compiler.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_ddl_compiler.hpp"
#include "sqlite_reflection.hpp"
#include "sqlite_type_compiler.hpp"
#include "sqlite_url.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/driver_util.hpp>
#include <athanor/sdk/isolation_level.hpp>

#include <sqlite3.h>

namespace athanor::sqlite {

SqliteDialect::SqliteDialect(const std::string& driver) {
    if (!driver.empty() && driver != "sqlite3")
        throw ArgumentError("the sqlite dialect has no driver '" + driver +
                            "'; use sqlite:// or sqlite+sqlite3:// (or sqlite+odbc:// for ODBC)");
}

std::unique_ptr<sdk::DriverConnection> SqliteDialect::connect(const Url& url) {
    const auto given = [](const std::optional<std::string>& part) { return part && !part->empty(); };
    if (given(url.host()) || url.port() || given(url.username()) || given(url.password()))
        throw ArgumentError("a SQLite URL names a file, not a server: write sqlite:///relative.db or "
                            "sqlite:////absolute/path.db (got " + url.render() + ")");
    return SqliteConnection::open(open_options(url));
}

void SqliteDialect::on_connect(sdk::DriverConnection& connection) {
    sdk::execute_statement(connection, "PRAGMA foreign_keys=ON");
}

sdk::PoolKind SqliteDialect::pool_kind(const Url& url) const {
    return is_private_memory(url) ? sdk::PoolKind::single : sdk::PoolKind::queue;
}

std::vector<std::string> SqliteDialect::isolation_levels() const {
    return {"AUTOCOMMIT", "READ UNCOMMITTED", "SERIALIZABLE"};
}

void SqliteDialect::set_isolation_level(sdk::DriverConnection& connection, std::string_view level) {
    const std::string wanted = sdk::check_isolation_level(*this, level);
    if (wanted == "AUTOCOMMIT") {
        connection.set_autocommit(true);
        return;
    }
    connection.set_autocommit(false);
    sdk::execute_statement(connection,
                           wanted == "SERIALIZABLE" ? "PRAGMA read_uncommitted=0" : "PRAGMA read_uncommitted=1");
}

std::string SqliteDialect::get_isolation_level(sdk::DriverConnection& connection) {
    if (connection.autocommit()) return "AUTOCOMMIT";
    const Value v = sdk::query_value(connection, "PRAGMA read_uncommitted");
    return (!v.is_null() && v.as_int() != 0) ? "READ UNCOMMITTED" : "SERIALIZABLE";
}

bool SqliteDialect::is_disconnect(const DBAPIError& error) const {
    return dynamic_cast<const InterfaceError*>(&error) != nullptr && error.native_code() == SQLITE_MISUSE;
}

std::shared_ptr<sql::SqlCompiler> SqliteDialect::create_statement_compiler() const {
    return std::make_shared<SqliteCompiler>(*this);
}

std::shared_ptr<sql::TypeCompiler> SqliteDialect::create_type_compiler() const {
    return std::make_shared<SqliteTypeCompiler>();
}

std::shared_ptr<sql::DdlCompiler> SqliteDialect::create_ddl_compiler() const {
    return std::make_shared<SqliteDdlCompiler>(*this);
}

std::unique_ptr<sdk::Reflector> SqliteDialect::create_reflector() const { return std::make_unique<SqliteReflector>(); }

}  // namespace athanor::sqlite
