// The SQLite dialect: turns a URL into sqlite3_open_v2 arguments and sets connections up.
#include "sqlite_dialect.hpp"

#include "sqlite_compiler.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_ddl_compiler.hpp"
#include "sqlite_reflection.hpp"
#include "sqlite_type_compiler.hpp"

#include <athanor/errors.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace athanor::sqlite {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool is_private_memory(const Url& url) {
    const std::string database = url.database().value_or("");
    if (database.empty() || database == ":memory:") return true;
    if (lower(url.query_value("uri").value_or("")) != "true") return false;
    // A URI names a private memory database unless it asks for a shared cache.
    const bool memory = database.rfind("file::memory:", 0) == 0 || database.find("mode=memory") != std::string::npos;
    return memory && database.find("cache=shared") == std::string::npos;
}

Value query_single_value(sdk::DriverConnection& connection, const std::string& sql) {
    auto cursor = connection.cursor();
    cursor->execute(sql, {});
    std::vector<Value> row;
    Value out;
    if (cursor->fetch(row) && !row.empty()) out = row.front();
    cursor->close();
    return out;
}

void run(sdk::DriverConnection& connection, const std::string& sql) {
    auto cursor = connection.cursor();
    cursor->execute(sql, {});
    cursor->close();
}

int parse_timeout_ms(const std::string& text) {
    double seconds = -1;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, seconds);
    if (ec != std::errc() || ptr != end || !std::isfinite(seconds) || seconds < 0 || seconds > 2'000'000)
        throw ArgumentError("invalid SQLite URL option timeout=" + text +
                            ": give the busy timeout in seconds, e.g. timeout=5 or timeout=0.25");
    return static_cast<int>(std::lround(seconds * 1000));
}

}  // namespace

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
    SqliteOpenOptions options;
    std::string mode = "rwc";
    bool uri = false;
    for (const auto& [key, value] : url.query()) {
        if (key == "timeout") {
            options.busy_timeout_ms = parse_timeout_ms(value);
        } else if (key == "mode") {
            mode = lower(value);
            if (mode != "ro" && mode != "rw" && mode != "rwc")
                throw ArgumentError("invalid SQLite URL option mode=" + value + ": use ro, rw or rwc");
        } else if (key == "uri") {
            const std::string v = lower(value);
            if (v != "true" && v != "false")
                throw ArgumentError("invalid SQLite URL option uri=" + value + ": use uri=true or uri=false");
            uri = v == "true";
        } else {
            throw ArgumentError("unknown SQLite URL option '" + key + "'; the sqlite dialect accepts timeout, mode and uri");
        }
    }
    if (mode == "ro")
        options.flags = SQLITE_OPEN_READONLY;
    else if (mode == "rw")
        options.flags = SQLITE_OPEN_READWRITE;
    else
        options.flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (uri) options.flags |= SQLITE_OPEN_URI;
    const std::string database = url.database().value_or("");
    options.filename = database.empty() ? ":memory:" : database;
    return SqliteConnection::open(options);
}

void SqliteDialect::on_connect(sdk::DriverConnection& connection) { run(connection, "PRAGMA foreign_keys=ON"); }

sdk::PoolKind SqliteDialect::pool_kind(const Url& url) const {
    return is_private_memory(url) ? sdk::PoolKind::single : sdk::PoolKind::queue;
}

std::vector<std::string> SqliteDialect::isolation_levels() const {
    return {"AUTOCOMMIT", "READ UNCOMMITTED", "SERIALIZABLE"};
}

void SqliteDialect::set_isolation_level(sdk::DriverConnection& connection, std::string_view level) {
    const std::string wanted = upper(level);
    if (wanted == "AUTOCOMMIT") {
        connection.set_autocommit(true);
    } else if (wanted == "SERIALIZABLE" || wanted == "READ UNCOMMITTED") {
        connection.set_autocommit(false);
        run(connection, wanted == "SERIALIZABLE" ? "PRAGMA read_uncommitted=0" : "PRAGMA read_uncommitted=1");
    } else {
        throw ArgumentError("invalid isolation level '" + std::string(level) +
                            "' for dialect sqlite+sqlite3; valid levels are: AUTOCOMMIT, READ UNCOMMITTED, "
                            "SERIALIZABLE");
    }
}

std::string SqliteDialect::get_isolation_level(sdk::DriverConnection& connection) {
    if (connection.autocommit()) return "AUTOCOMMIT";
    const Value v = query_single_value(connection, "PRAGMA read_uncommitted");
    return (!v.is_null() && v.as_int() != 0) ? "READ UNCOMMITTED" : "SERIALIZABLE";
}

bool SqliteDialect::is_disconnect(const DBAPIError& error) const {
    return dynamic_cast<const InterfaceError*>(&error) != nullptr && error.native_code() == SQLITE_MISUSE;
}

std::unique_ptr<sql::SqlCompiler> SqliteDialect::create_statement_compiler() const {
    return std::make_unique<SqliteCompiler>(*this);
}

std::unique_ptr<sql::TypeCompiler> SqliteDialect::create_type_compiler() const {
    return std::make_unique<SqliteTypeCompiler>();
}

std::unique_ptr<sql::DdlCompiler> SqliteDialect::create_ddl_compiler() const {
    return std::make_unique<SqliteDdlCompiler>(*this);
}

bool SqliteDialect::has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    return sqlite::has_table(connection, table, schema);
}

std::unique_ptr<sdk::Reflector> SqliteDialect::create_reflector() const { return std::make_unique<SqliteReflector>(); }

}  // namespace athanor::sqlite
