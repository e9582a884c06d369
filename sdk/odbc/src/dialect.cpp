// The generic ODBC dialect: URL -> connection string, isolation levels, disconnect detection.
#include <athanor/odbc/dialect.hpp>

#include <athanor/errors.hpp>
#include <athanor/sdk/isolation_level.hpp>
#include <athanor/sdk/text_util.hpp>

#include <sql.h>
#include <sqlext.h>

#include <algorithm>

namespace athanor::odbc {

namespace {

bool given(const std::optional<std::string>& part) { return part && !part->empty(); }

struct IsolationLevel {
    const char* name;
    SQLULEN value;
};
constexpr IsolationLevel isolation_table[] = {
    {"READ UNCOMMITTED", SQL_TXN_READ_UNCOMMITTED},
    {"READ COMMITTED", SQL_TXN_READ_COMMITTED},
    {"REPEATABLE READ", SQL_TXN_REPEATABLE_READ},
    {"SERIALIZABLE", SQL_TXN_SERIALIZABLE},
};

}  // namespace

OdbcConnection& OdbcDialect::odbc_connection(sdk::DriverConnection& connection) {
    auto* odbc = dynamic_cast<OdbcConnection*>(&connection);
    if (odbc == nullptr)
        throw ArgumentError("this ODBC dialect was given a connection that is not an ODBC connection; "
                            "pass connections opened by the same dialect");
    return *odbc;
}

OdbcConnectionString OdbcDialect::connection_string(const Url& url) const {
    const auto names = attribute_names();
    const std::string where = description() + " URL " + url.render();
    auto require_key = [&](const std::string& key, const char* part) {
        if (key.empty())
            throw ArgumentError("the " + description() + " dialect takes no " + part + " in its URL (got " +
                                url.render() + "); remove it, or pass a full ?odbc_connect= string");
    };
    std::vector<std::string> reserved = reserved_query_keys();
    reserved.insert(reserved.end(), {"odbc_connect", "driver", "dsn", "odbc_text"});
    auto is_reserved = [&](const std::string& key) {
        return std::find(reserved.begin(), reserved.end(), key) != reserved.end();
    };

    OdbcConnectionString cs;
    const auto dsn = url.query_value("dsn");
    const auto driver_key = url.query_value("driver");
    const bool dsn_form = dsn.has_value() || (given(url.host()) && !given(url.database()) && !url.port() &&
                                               !driver_key.has_value());
    if (dsn_form) {
        const std::string name = dsn ? *dsn : *url.host();
        if (name.empty()) throw ArgumentError("empty ?dsn= in " + where + "; name a data source from odbc.ini");
        cs.set("DSN", name);
        if (dsn && given(url.host())) {
            require_key(names.server, "host");
            cs.set(names.server, *url.host());
        }
        if (dsn && given(url.database())) {
            require_key(names.database, "database");
            cs.set(names.database, *url.database());
        }
    } else {
        const std::string driver = driver_key.value_or(default_odbc_driver());
        if (driver.empty())
            throw ArgumentError("no ODBC driver for " + where +
                                ": add ?driver=NAME (a section of odbcinst.ini; list them with `odbcinst -q -d`) "
                                "or ?driver=/path/to/driver.so, or name a DSN (x+odbc://user:pw@DSNNAME)");
        cs.set("Driver", driver);
        if (given(url.host())) {
            require_key(names.server, "host");
            cs.set(names.server, *url.host());
        }
        std::optional<std::uint16_t> port = url.port() ? url.port() : (given(url.host()) ? default_port() : std::nullopt);
        if (port) {
            require_key(names.port, "port");
            cs.set(names.port, std::to_string(*port));
        }
        if (given(url.database())) {
            require_key(names.database, "database");
            cs.set(names.database, *url.database());
        }
    }
    if (given(url.username())) {
        require_key(names.user, "user name");
        cs.set(names.user, *url.username());
    }
    if (url.password()) {
        require_key(names.password, "password");
        cs.set(names.password, *url.password());
    }
    for (const auto& [key, value] : url.query())
        if (!is_reserved(key)) cs.set(key, value);
    for (auto& [key, value] : default_attributes()) cs.set_default(key, value);
    return cs;
}

OdbcConnectOptions OdbcDialect::connect_options(const Url& url) const {
    OdbcConnectOptions options;
    if (const auto raw = url.query_value("odbc_connect")) {
        if (raw->empty()) throw ArgumentError("empty ?odbc_connect= in " + url.render() + "; give a connection string");
        const auto parsed = OdbcConnectionString::parse(*raw);
        options.connection_string = *raw;
        options.display = parsed.redacted();
    } else {
        const auto cs = connection_string(url);
        options.connection_string = cs.str();
        options.display = cs.redacted();
    }
    options.text_mode = text_mode();
    if (const auto mode = url.query_value("odbc_text")) {
        if (*mode == "wide") options.text_mode = OdbcTextMode::wide;
        else if (*mode == "utf8") options.text_mode = OdbcTextMode::utf8;
        else throw ArgumentError("invalid ODBC URL option odbc_text=" + *mode +
                                 ": use wide (Unicode drivers) or utf8 (ANSI drivers)");
    }
    options.ping_query = ping_query();
    options.sql_lexicon = sql_lexicon();
    options.translate_error = error_translator();
    return options;
}

std::unique_ptr<sdk::DriverConnection> OdbcDialect::connect(const Url& url) {
    return OdbcConnection::open(connect_options(url));
}

bool OdbcDialect::is_disconnect(const DBAPIError& error) const {
    const std::string state = sdk::ascii_upper(error.sqlstate());
    return state.rfind("08", 0) == 0 || state == "HYT01" || state == "57P01" || state == "57P02" || state == "57P03";
}

std::vector<std::string> OdbcDialect::isolation_levels() const {
    return {"AUTOCOMMIT", "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"};
}

void OdbcDialect::set_isolation_level(sdk::DriverConnection& connection, std::string_view level) {
    const std::string wanted = sdk::check_isolation_level(*this, level);
    auto& odbc = odbc_connection(connection);
    if (wanted == "AUTOCOMMIT") {
        odbc.set_autocommit(true);
        return;
    }
    odbc.set_autocommit(false);
    for (const auto& entry : isolation_table)
        if (wanted == entry.name) odbc.set_attribute(SQL_ATTR_TXN_ISOLATION, static_cast<std::intptr_t>(entry.value));
}

std::string OdbcDialect::get_isolation_level(sdk::DriverConnection& connection) {
    auto& odbc = odbc_connection(connection);
    if (odbc.autocommit()) return "AUTOCOMMIT";
    const auto value = odbc.attribute(SQL_ATTR_TXN_ISOLATION) & 0xffffffffu;
    for (const auto& entry : isolation_table)
        if (value == entry.value) return entry.name;
    return {};
}

}  // namespace athanor::odbc
