// mimer_dialect.hpp — `mimer://`: Mimer SQL through the Mimer ODBC driver on the SDK's ODBC
// transport (unixODBC), as a third-party plugin built on sdk/ and sdk/odbc.
//
// URLs (the ODBC driver finds a Mimer database by name; host and port come from Mimer's
// SQLHOSTS file, so a database name is what matters):
//   mimer://user:pw@mimerdb                 Driver=<driver>;Database=mimerdb;UID=user;PWD=pw
//                                           (one name and no port: the Mimer database name)
//   mimer://user:pw@host[:port]/db          Driver=<driver>;Server=host;Port=port (1360, Mimer's
//                                           standard port, when omitted);Database=db;UID;PWD
//   mimer://user:pw@/db  or  mimer:///db    Driver=<driver>;Database=db (a local database)
//   mimer://user:pw@?dsn=NAME               DSN=NAME;UID;PWD: a data source of odbc.ini
//   mimer://?odbc_connect=<string>          the connection string as given
// ?driver= names the driver: an odbcinst.ini section or the path of its shared object; the
// default is libmimodbc.so when found in the usual folders, else the section "MIMER" (both as
// Mimer's Linux installer is believed to register them: UNVERIFIED). Other query keys are
// passed to the driver as attributes. The password never appears in a message or rendering.
// `mimer+odbc://` is the same dialect.
// Without the Mimer ODBC driver, connect() raises InterfaceError naming the driver and how to
// register it with unixODBC; the plugin itself loads and compiles SQL without it.
//
// Isolation levels: AUTOCOMMIT (SQL_ATTR_AUTOCOMMIT), READ UNCOMMITTED, READ COMMITTED,
// REPEATABLE READ, SERIALIZABLE, each sent as SET TRANSACTION ISOLATION LEVEL before every
// transaction (mimer_connection.hpp, also for the DDL rules and generated keys). Without a
// choice the server's default, REPEATABLE READ, applies and get_isolation_level() says so.
// SQL flavour: MimerCompiler, MimerDdlCompiler, MimerTypeCompiler; reflection: MimerReflector;
// errors: mimer_errors.hpp. Identifiers up to 128 characters; names are not normalized
// (Mimer 11 compares identifiers without regard to case and reports them as created).
//
// Example:
//   auto engine = athanor::create_engine("mimer://SYSADM:secret@mimerdb");
#pragma once

#include <athanor/odbc/dialect.hpp>

namespace athanor::mimer {

class MimerDialect final : public odbc::OdbcDialect {
public:
    std::string name() const override { return "mimer"; }

    std::unique_ptr<sdk::DriverConnection> connect(const Url& url) override;
    odbc::OdbcConnectionString connection_string(const Url& url) const override;
    odbc::OdbcConnectOptions connect_options(const Url& url) const override;

    std::vector<std::string> isolation_levels() const override;
    void set_isolation_level(sdk::DriverConnection& connection, std::string_view level) override;
    std::string get_isolation_level(sdk::DriverConnection& connection) override;

    std::size_t max_identifier_length() const override { return 128; }

    std::shared_ptr<sql::SqlCompiler> create_statement_compiler() const override;
    std::shared_ptr<sql::TypeCompiler> create_type_compiler() const override;
    std::shared_ptr<sql::DdlCompiler> create_ddl_compiler() const override;
    std::unique_ptr<sdk::Reflector> create_reflector() const override;

    /// The driver a URL without ?driver= uses (see the header comment).
    std::string default_odbc_driver() const override;

protected:
    std::optional<std::uint16_t> default_port() const override { return 1360; }
    std::string ping_query() const override { return "SELECT 1 FROM SYSTEM.ONEROW"; }
    odbc::OdbcErrorTranslator error_translator() const override;
};

}  // namespace athanor::mimer
