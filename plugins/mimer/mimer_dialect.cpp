// `mimer://`: URL to connection string, the missing-driver message, isolation levels.
#include "mimer_dialect.hpp"

#include "mimer_compiler.hpp"
#include "mimer_connection.hpp"
#include "mimer_ddl_compiler.hpp"
#include "mimer_errors.hpp"
#include "mimer_odbc_types.hpp"
#include "mimer_reflection.hpp"
#include "mimer_type_compiler.hpp"

#include <athanor/errors.hpp>
#include <athanor/odbc/driver_lookup.hpp>
#include <athanor/sdk/isolation_level.hpp>
#include <athanor/sdk/text_util.hpp>

namespace athanor::mimer {

namespace {

bool given(const std::optional<std::string>& part) { return part && !part->empty(); }

MimerConnection& mimer_connection(sdk::DriverConnection& connection) {
    auto* mimer = dynamic_cast<MimerConnection*>(&connection);
    if (!mimer)
        throw ArgumentError("the mimer dialect was given a connection it did not open; pass connections opened by "
                            "the same dialect");
    return *mimer;
}

/// True when unixODBC could not find or load the driver (as opposed to the driver failing).
bool driver_missing(const DBAPIError& error) {
    const std::string state = sdk::ascii_upper(error.sqlstate());
    const std::string& text = error.driver_message();
    return state == "IM002" || state == "IM003" || sdk::ascii_icontains(text, "can't open lib") ||
           sdk::ascii_icontains(text, "data source name not found");
}

}  // namespace

std::string MimerDialect::default_odbc_driver() const {
    std::string path = odbc::find_driver_library({"libmimodbc.so"});
    return path.empty() ? std::string("MIMER") : path;
}

odbc::OdbcConnectionString MimerDialect::connection_string(const Url& url) const {
    if (url.query_value("dsn")) return OdbcDialect::connection_string(url);
    odbc::OdbcConnectionString cs;
    cs.set("Driver", url.query_value("driver").value_or(default_odbc_driver()));
    if (given(url.host()) && !given(url.database()) && !url.port()) {
        // mimer://user:pw@mimerdb: the one name is the Mimer database (found through SQLHOSTS).
        cs.set("Database", *url.host());
    } else {
        if (given(url.host())) {
            cs.set("Server", *url.host());
            cs.set("Port", std::to_string(url.port().value_or(*default_port())));
        } else if (url.port()) {
            throw ArgumentError("a mimer URL with a port needs a host too: mimer://user:pw@host:" +
                                std::to_string(*url.port()) + "/database (got " + url.render() + ")");
        }
        if (given(url.database())) cs.set("Database", *url.database());
    }
    if (given(url.username())) cs.set("UID", *url.username());
    if (url.password()) cs.set("PWD", *url.password());
    for (const auto& [key, value] : url.query())
        if (key != "driver" && key != "odbc_connect" && key != "odbc_text") cs.set(key, value);
    return cs;
}

odbc::OdbcConnectOptions MimerDialect::connect_options(const Url& url) const {
    auto options = OdbcDialect::connect_options(url);
    options.vendor_sql_types = vendor_sql_types();
    return options;
}

std::unique_ptr<sdk::DriverConnection> MimerDialect::connect(const Url& url) {
    try {
        return std::make_unique<MimerConnection>(OdbcDialect::connect(url));
    } catch (const DBAPIError& error) {
        if (!driver_missing(error)) throw;
        if (url.query_value("odbc_connect")) throw;
        if (const auto dsn = url.query_value("dsn"))
            throw InterfaceError("unixODBC knows no data source '" + *dsn + "' for " + url.render() +
                                     ": define it in odbc.ini (`odbcinst -q -s` lists them) with Driver= the Mimer "
                                     "ODBC driver and Database= the Mimer database name, or leave out ?dsn= (" +
                                     error.driver_message() + ")",
                                 error.sqlstate(), error.native_code());
        const std::string driver = url.query_value("driver").value_or(default_odbc_driver());
        throw InterfaceError(
            "the Mimer SQL ODBC driver '" + driver + "' for " + url.render() +
                " is not installed or not registered with unixODBC (" + error.driver_message() +
                "). Install Mimer SQL's client (it ships the driver, libmimodbc.so) and register it: "
                "printf '[MIMER]\\nDescription=Mimer SQL\\nDriver=/usr/lib/libmimodbc.so\\n' > mimer.ini && "
                "odbcinst -i -d -f mimer.ini (`odbcinst -q -d` lists the drivers); or name the driver's file "
                "with ?driver=/path/to/libmimodbc.so",
            error.sqlstate(), error.native_code());
    }
}

std::vector<std::string> MimerDialect::isolation_levels() const {
    return {"AUTOCOMMIT", "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"};
}

void MimerDialect::set_isolation_level(sdk::DriverConnection& connection, std::string_view level) {
    const std::string wanted = sdk::check_isolation_level(*this, level);
    auto& mimer = mimer_connection(connection);
    if (wanted == "AUTOCOMMIT") {
        mimer.set_autocommit(true);
        mimer.set_isolation({});
        return;
    }
    mimer.set_autocommit(false);
    mimer.set_isolation(wanted);
}

std::string MimerDialect::get_isolation_level(sdk::DriverConnection& connection) {
    auto& mimer = mimer_connection(connection);
    if (mimer.autocommit()) return "AUTOCOMMIT";
    // Mimer's default isolation level (Mimer SQL Reference Manual, SET TRANSACTION).
    return mimer.isolation().empty() ? std::string("REPEATABLE READ") : mimer.isolation();
}

std::shared_ptr<sql::SqlCompiler> MimerDialect::create_statement_compiler() const {
    return std::make_shared<MimerCompiler>(*this);
}

std::shared_ptr<sql::TypeCompiler> MimerDialect::create_type_compiler() const {
    return std::make_shared<MimerTypeCompiler>();
}

std::shared_ptr<sql::DdlCompiler> MimerDialect::create_ddl_compiler() const {
    return std::make_shared<MimerDdlCompiler>(*this);
}

std::unique_ptr<sdk::Reflector> MimerDialect::create_reflector() const { return std::make_unique<MimerReflector>(); }

odbc::OdbcErrorTranslator MimerDialect::error_translator() const { return mimer_error_translator(); }

}  // namespace athanor::mimer
