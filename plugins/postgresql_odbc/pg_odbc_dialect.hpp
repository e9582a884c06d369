// pg_odbc_dialect.hpp — `postgresql+odbc://`: PostgreSQL through psqlODBC (Debian's
// odbc-postgresql) on the SDK's ODBC transport, with the PostgreSQL SQL flavour of
// plugins/postgresql (statement, DDL and type compilers, has_table, the Inspector's
// reflector) compiled in.
//
// URLs (OdbcDialect's rules): postgresql+odbc://user:pw@host[:port]/db[?key=value...] gives
// Driver=<psqlodbcw.so path>;Server=host;Port=port (5432 when omitted);Database=db;UID;PWD
// — the driver file is found in the usual folders, so no odbcinst.ini is needed; ?driver=
// names another (an odbcinst.ini section or a .so path). postgresql+odbc://user:pw@DSNNAME
// or ?dsn= uses odbc.ini; ?odbc_connect= passes a whole connection string. Other query keys
// are psqlODBC attributes (sslmode=require, UseDeclareFetch=1, Fetch=1000, ...).
// `connect_timeout` (whole seconds, 10 by default as for postgresql://, 0 = no limit) bounds
// connecting: it becomes SQL_ATTR_LOGIN_TIMEOUT, which psqlODBC hands to libpq as its
// connect_timeout, so a server that accepts and never answers is an OperationalError in time.
// Every execute runs one statement: a second `;`-separated one is a ProgrammingError before
// anything is sent (psqlODBC would run them all; the scan knows dollar quotes, E'' strings and
// nested comments).
// Defaults added unless the URL sets them: BoolsAsChar=0 (BOOLEAN arrives as SQL_BIT, so a
// bool, not the text '1'/'0'), UseServerSidePrepare=0 (psqlODBC then writes parameters as
// typed literals: server-side it sends them all as `unknown`) and ConnSettings that switch IntervalStyle to iso_8601 so
// intervals read back as athanor::Interval.
//
// Differences from postgresql:// (libpq): qmark parameters (psqlODBC rewrites them), no
// lastrowid (use RETURNING, which the compiler adds for inserted primary keys), executemany
// is ODBC array binding (the engine runs executemany ... RETURNING row by row), booleans reach
// the server untyped (CASE WHEN .. THEN ? ELSE ? END of bools reads back as text), time zone offsets of TIMESTAMP/TIME WITH TIME ZONE are not carried by ODBC's
// timestamp struct (values arrive in the session time zone, without offset).
// Isolation levels: AUTOCOMMIT, READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ,
// SERIALIZABLE (SQL_ATTR_TXN_ISOLATION).
//
// Example:
//   auto engine = athanor::create_engine("postgresql+odbc://app:secret@127.0.0.1:5432/app");
#pragma once

#include <athanor/odbc/dialect.hpp>

namespace athanor::postgresql {

class PgOdbcDialect final : public odbc::OdbcDialect {
public:
    std::string name() const override { return "postgresql"; }

    std::shared_ptr<sql::SqlCompiler> create_statement_compiler() const override;
    /// The server's limit, whatever the transport: NAMEDATALEN - 1 bytes.
    std::size_t max_identifier_length() const override { return 63; }
    /// The protocol's limit on parameters per statement, which insertmanyvalues pages keep to.
    std::size_t max_bind_params() const override { return 65535; }
    std::shared_ptr<sql::TypeCompiler> create_type_compiler() const override;
    std::shared_ptr<sql::DdlCompiler> create_ddl_compiler() const override;
    bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema) override;
    /// The pg_catalog reflector of postgresql:// with qmark placeholders (pg_reflection.hpp).
    std::unique_ptr<sdk::Reflector> create_reflector() const override;
    /// OdbcDialect's options with integers bound as SQL_INTEGER (see default_attributes()).
    odbc::OdbcConnectOptions connect_options(const Url& url) const override;

protected:
    std::string default_odbc_driver() const override;
    std::optional<std::uint16_t> default_port() const override { return 5432; }
    std::vector<std::pair<std::string, std::string>> default_attributes() const override;
    /// connect_timeout is read by connect_options(), never passed to the driver.
    std::vector<std::string> reserved_query_keys() const override { return {"connect_timeout"}; }
    odbc::OdbcSqlLexicon sql_lexicon() const override {
        return {.dollar_quotes = true, .escape_strings = true, .nested_comments = true};
    }
};

}  // namespace athanor::postgresql
