// `postgresql+odbc://`: psqlODBC defaults and the PostgreSQL SQL flavour on the ODBC transport.
#include "pg_odbc_dialect.hpp"
#include "pg_odbc_compiler.hpp"

#include "pg_catalog.hpp"
#include "pg_compiler.hpp"
#include "pg_ddl_compiler.hpp"
#include "pg_reflection.hpp"
#include "pg_type_compiler.hpp"

#include <athanor/errors.hpp>
#include <athanor/odbc/driver_lookup.hpp>

#include <sql.h>

#include <algorithm>
#include <cctype>

namespace athanor::postgresql {

namespace {

/// The URL's connect_timeout in seconds: 10 when absent (as postgresql:// sets for libpq).
int connect_timeout(const Url& url) {
    const auto raw = url.query_value("connect_timeout");
    if (!raw) return 10;
    const bool digits = !raw->empty() && raw->size() <= 6 &&
                        std::all_of(raw->begin(), raw->end(), [](unsigned char c) { return std::isdigit(c); });
    if (!digits)
        throw ArgumentError("invalid connect_timeout=" + *raw +
                            " in a postgresql+odbc URL: give whole seconds (at most 999999), e.g. connect_timeout=10; "
                            "0 waits without limit");
    return std::stoi(*raw);
}

}  // namespace

std::string PgOdbcDialect::default_odbc_driver() const {
    std::string path = odbc::find_driver_library({"psqlodbcw.so"});
    return path.empty() ? std::string("PostgreSQL Unicode") : path;  // else the odbcinst.ini section name
}

std::vector<std::pair<std::string, std::string>> PgOdbcDialect::default_attributes() const {
    // UseServerSidePrepare=0: psqlODBC sends every server-side parameter as type `unknown`
    // (parameter OID 0) and, for a prepared statement, without a cast, so `? & ?` is "operator
    // is not unique" and `SELECT ?` comes back as text. Prepared by the driver, it writes each
    // value as a typed literal instead: doubles as '1.5'::float8, SQL_INTEGER values bare (the
    // server types them int4/int8/numeric by size), text quoted and untyped (so it still
    // coerces to uuid, json, varchar, ...).
    return {{"BoolsAsChar", "0"},
            {"UseServerSidePrepare", "0"},
            {"ConnSettings", "SET IntervalStyle = 'iso_8601'"}};
}

odbc::OdbcConnectOptions PgOdbcDialect::connect_options(const Url& url) const {
    auto options = OdbcDialect::connect_options(url);
    options.integer_sql_type = SQL_INTEGER;  // a bare literal; SQL_BIGINT would be quoted and untyped
    // psqlODBC passes SQL_ATTR_LOGIN_TIMEOUT to libpq as connect_timeout (a connect_timeout in
    // its pqopt would conflict with it); 0 leaves the attribute unset: no limit.
    if (const int seconds = connect_timeout(url); seconds > 0) options.login_timeout_seconds = seconds;
    return options;
}

std::shared_ptr<sql::SqlCompiler> PgOdbcDialect::create_statement_compiler() const {
    return std::make_shared<PgOdbcCompiler>(*this);
}

std::shared_ptr<sql::TypeCompiler> PgOdbcDialect::create_type_compiler() const {
    return std::make_shared<PgTypeCompiler>();
}

std::shared_ptr<sql::DdlCompiler> PgOdbcDialect::create_ddl_compiler() const {
    return std::make_shared<PgDdlCompiler>(*this);
}

bool PgOdbcDialect::has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) {
    return postgresql::has_table(connection, table, schema, sdk::Paramstyle::qmark);
}

std::unique_ptr<sdk::Reflector> PgOdbcDialect::create_reflector() const {
    return std::make_unique<PgReflector>(sdk::Paramstyle::qmark);  // psqlODBC takes ? placeholders
}

}  // namespace athanor::postgresql
