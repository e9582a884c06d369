// `sqlite+odbc://`: URL handling and error translation for the SQLite ODBC driver.
#include "sqlite_odbc_dialect.hpp"

#include "sqlite_compiler.hpp"
#include "sqlite_ddl_compiler.hpp"
#include "sqlite_errors.hpp"
#include "sqlite_reflection.hpp"
#include "sqlite_type_compiler.hpp"

#include <athanor/errors.hpp>
#include <athanor/odbc/driver_lookup.hpp>
#include <athanor/sdk/isolation_level.hpp>

namespace athanor::sqlite {

namespace {

bool given(const std::optional<std::string>& part) { return part && !part->empty(); }

}  // namespace

std::string SqliteOdbcDialect::default_odbc_driver() const {
    std::string path = odbc::find_driver_library({"libsqlite3odbc.so"});
    return path.empty() ? std::string("SQLite3") : path;  // else the odbcinst.ini section name
}

odbc::OdbcConnectionString SqliteOdbcDialect::connection_string(const Url& url) const {
    if (url.query_value("dsn")) return OdbcDialect::connection_string(url);
    if (given(url.host()) || url.port() || given(url.username()) || given(url.password()))
        throw ArgumentError("a sqlite+odbc URL names a file, not a server: write sqlite+odbc:///relative.db or "
                            "sqlite+odbc:////absolute/path.db (got " + url.render() + ")");
    odbc::OdbcConnectionString cs;
    cs.set("Driver", url.query_value("driver").value_or(default_odbc_driver()));
    const std::string database = given(url.database()) ? *url.database() : std::string(":memory:");
    if (database.find_first_of(";{}") != std::string::npos)
        throw ArgumentError("the SQLite ODBC driver cannot open '" + database +
                            "': it reads its connection string without {} quoting, so the path may not "
                            "contain ';', '{' or '}'; rename the file or use sqlite:// instead");
    // As for sqlite://, the database is a file name, never a SQLite URI: a relative name that
    // starts with "file:" is the file of that name in the current folder.
    cs.set("Database", database.rfind("file:", 0) == 0 ? "./" + database : database);
    for (const auto& [key, value] : url.query())
        if (key != "driver" && key != "odbc_connect" && key != "odbc_text") cs.set(key, value);
    for (auto& [key, value] : default_attributes()) cs.set_default(key, value);
    return cs;
}

odbc::OdbcConnectOptions SqliteOdbcDialect::connect_options(const Url& url) const {
    auto options = OdbcDialect::connect_options(url);
    // SQLite types values, not columns; the driver types cells by the declared type.
    options.numbers_as_text = true;
    return options;
}

sdk::PoolKind SqliteOdbcDialect::pool_kind(const Url& url) const {
    if (url.query_value("odbc_connect") || url.query_value("dsn")) return sdk::PoolKind::queue;
    const std::string database = url.database().value_or("");
    return database.empty() || database == ":memory:" ? sdk::PoolKind::single : sdk::PoolKind::queue;
}

void SqliteOdbcDialect::set_isolation_level(sdk::DriverConnection& connection, std::string_view level) {
    // The levels are AUTOCOMMIT and SERIALIZABLE: SQLite transactions are serializable.
    const std::string wanted = sdk::check_isolation_level(*this, level);
    odbc_connection(connection).set_autocommit(wanted == "AUTOCOMMIT");
}

std::string SqliteOdbcDialect::get_isolation_level(sdk::DriverConnection& connection) {
    return odbc_connection(connection).autocommit() ? "AUTOCOMMIT" : "SERIALIZABLE";
}

std::shared_ptr<sql::SqlCompiler> SqliteOdbcDialect::create_statement_compiler() const {
    return std::make_shared<SqliteCompiler>(*this);
}

std::shared_ptr<sql::TypeCompiler> SqliteOdbcDialect::create_type_compiler() const {
    return std::make_shared<SqliteTypeCompiler>();
}

std::shared_ptr<sql::DdlCompiler> SqliteOdbcDialect::create_ddl_compiler() const {
    return std::make_shared<SqliteDdlCompiler>(*this);
}

std::unique_ptr<sdk::Reflector> SqliteOdbcDialect::create_reflector() const { return std::make_unique<SqliteReflector>(); }

odbc::OdbcErrorTranslator SqliteOdbcDialect::error_translator() const {
    return [](const std::vector<odbc::OdbcDiagnostic>& records, const std::string& message) {
        for (const auto& r : records) {
            if (r.sqlstate.rfind("01", 0) == 0) continue;
            // The driver's own one-statement check, which knows only '' and "" quotes (a `;` in a
            // comment or a [name] trips it too): nothing ran, the SQL is at fault.
            if (r.message.find("only one SQL statement allowed") != std::string::npos)
                throw ProgrammingError(message, r.sqlstate, r.native_code);
            // A failure of SQLite itself comes as HY000 with SQLite's result code as the native
            // code: sqlite://'s mapping decides, class and SQLSTATE. Any other SQLSTATE is the
            // driver's or the driver manager's own and decides by itself.
            if (r.sqlstate == "HY000" && r.native_code != 0) throw_for_code(r.native_code, message);
            return;
        }
    };
}

}  // namespace athanor::sqlite
