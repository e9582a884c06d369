// sqlite_odbc_dialect.hpp — `sqlite+odbc://`: SQLite through the SQLite ODBC driver
// (Debian's libsqliteodbc) on the SDK's ODBC transport.
//
// URLs: `sqlite+odbc://` or `sqlite+odbc:///:memory:` is a private in-memory database (one
// shared connection: PoolKind::single); `sqlite+odbc:///relative.db`,
// `sqlite+odbc:////abs/path.db` a file. The connection string is
// `Driver=<libsqlite3odbc.so path>;Database=<path>;FKSupport=1` (the driver's file is found
// in the usual folders, so no odbcinst.ini is needed; ?driver=NAME overrides it). Other query
// keys go to the driver as attributes (e.g. Timeout=2000 busy timeout in ms, SyncPragma=off);
// `?odbc_connect=` and `?dsn=` work as in every ODBC dialect. A host, port, user or password
// is an ArgumentError: SQLite has no server.
//
// Differences from `sqlite://`: no lastrowid (ODBC has none; use RETURNING), decimals come
// back as text (the driver describes DECIMAL as VARCHAR). Errors are not: the driver reports a
// failure of SQLite as SQLSTATE HY000 with SQLite's result code as the native code, and
// sqlite://'s mapping (sqlite_errors.hpp) turns it into the same class and SQLSTATE as there
// (a constraint failure is IntegrityError with SQLSTATE "23000"). Integer and REAL
// columns are read as the driver's text and typed by the value (a text stored in a BIGINT
// column comes back as that text, as from sqlite://); the driver renders REAL with about 15
// significant digits, and a value that rounds past the largest double is a DataError.
// One statement per execute (the scan knows SQLite's [names] and `names`).
// Isolation levels: AUTOCOMMIT and SERIALIZABLE. The SQL flavour (statement, DDL and type
// compilers, has_table, the Inspector's reflector) is sqlite://'s, compiled from
// plugins/sqlite's sources.
//
// Example:
//   auto engine = athanor::create_engine("sqlite+odbc:///app.db");
#pragma once

#include "sqlite_limits.hpp"

#include <athanor/odbc/dialect.hpp>

namespace athanor::sqlite {

class SqliteOdbcDialect final : public odbc::OdbcDialect {
public:
    std::string name() const override { return "sqlite"; }
    sdk::PoolKind pool_kind(const Url& url) const override;
    std::vector<std::string> isolation_levels() const override { return {"AUTOCOMMIT", "SERIALIZABLE"}; }
    void set_isolation_level(sdk::DriverConnection& connection, std::string_view level) override;
    std::string get_isolation_level(sdk::DriverConnection& connection) override;
    odbc::OdbcConnectionString connection_string(const Url& url) const override;
    /// OdbcDialect's options with numbers read as text (see the header comment).
    odbc::OdbcConnectOptions connect_options(const Url& url) const override;

    std::size_t max_bind_params() const override { return sqlite::max_bind_params; }
    std::shared_ptr<sql::SqlCompiler> create_statement_compiler() const override;
    std::shared_ptr<sql::TypeCompiler> create_type_compiler() const override;
    std::shared_ptr<sql::DdlCompiler> create_ddl_compiler() const override;
    /// The sqlite_master/pragma reflector of sqlite:// (sqlite_reflection.hpp).
    std::unique_ptr<sdk::Reflector> create_reflector() const override;

protected:
    std::string default_odbc_driver() const override;
    std::vector<std::pair<std::string, std::string>> default_attributes() const override {
        return {{"FKSupport", "1"}};
    }
    odbc::OdbcErrorTranslator error_translator() const override;
    odbc::OdbcSqlLexicon sql_lexicon() const override {
        return {.bracket_identifiers = true, .backtick_identifiers = true};
    }
    /// sqlite3odbc is an ANSI driver: UTF-8 through the narrow functions.
    odbc::OdbcTextMode text_mode() const override { return odbc::OdbcTextMode::utf8; }
};

}  // namespace athanor::sqlite
