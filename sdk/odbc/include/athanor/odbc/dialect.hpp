// athanor/odbc/dialect.hpp — the generic ODBC dialect base a vendor plugin subclasses.
//
// OdbcDialect is driver "odbc" with qmark parameters. connect() turns the URL into an ODBC
// connection string, following SQLAlchemy's pyodbc conventions, and opens an OdbcConnection:
//   ?odbc_connect=<percent-encoded string>   the string verbatim (nothing else of the URL is used)
//   x+odbc://user:pw@DSNNAME                 DSN=DSNNAME;UID=user;PWD=pw  (a host, no port, no
//                                            database, no driver key), or ?dsn=NAME explicitly
//   x+odbc://user:pw@host:port/db?driver=D   Driver=D;Server=host;Port=port;Database=db;UID=..;PWD=..
// `driver` is a section of odbcinst.ini ("PostgreSQL Unicode") or the path of the driver's
// shared object (no odbcinst.ini needed); without it the dialect's default_odbc_driver()
// applies. Every other query key is passed through as a connection-string attribute (values
// braced when needed); the vendor's default_attributes() fill in what the URL left out. The
// password never appears in a message. `?odbc_text=wide|utf8` overrides the vendor's
// text_mode() (see OdbcTextMode in connection.hpp), e.g. for an odbc_connect to another driver.
//
// Hooks for the vendor: name(), default_odbc_driver(), default_port(), attribute_names()
// (Server/Port/Database/UID/PWD spellings), default_attributes(), reserved_query_keys() (keys
// the vendor reads itself), ping_query(), sql_lexicon() (where a statement ends: every execute
// runs exactly one), text_mode(), error_translator(), isolation_levels(), and the
// usual sdk::Dialect hooks (create_statement_compiler(), on_connect(), pool_kind(), ...).
// is_disconnect(): SQLSTATE class 08, HYT01 and 57P01-57P03. Isolation levels go through
// SQL_ATTR_TXN_ISOLATION; AUTOCOMMIT through SQL_ATTR_AUTOCOMMIT.
//
// Example (a vendor plugin):
//   class MimerDialect final : public athanor::odbc::OdbcDialect {
//   public:
//       std::string name() const override { return "mimer"; }
//   protected:
//       std::string default_odbc_driver() const override { return "MIMER"; }
//       std::optional<std::uint16_t> default_port() const override { return 1360; }
//       std::string ping_query() const override { return "SELECT 1 FROM system.onerow"; }
//   };
#pragma once

#include <athanor/odbc/connection.hpp>
#include <athanor/odbc/connection_string.hpp>
#include <athanor/odbc/diagnostics.hpp>
#include <athanor/sdk/dialect.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace athanor::odbc {

/// How a driver spells the connection-string keys a URL fills in. An empty name means the
/// URL part is not allowed (ArgumentError when given).
struct OdbcAttributeNames {
    std::string server = "Server";
    std::string port = "Port";
    std::string database = "Database";
    std::string user = "UID";
    std::string password = "PWD";
};

class OdbcDialect : public sdk::Dialect {
public:
    std::string driver() const override { return "odbc"; }
    sdk::Paramstyle paramstyle() const override { return sdk::Paramstyle::qmark; }

    std::unique_ptr<sdk::DriverConnection> connect(const Url& url) override;
    bool is_disconnect(const DBAPIError& error) const override;

    void set_isolation_level(sdk::DriverConnection& connection, std::string_view level) override;
    std::string get_isolation_level(sdk::DriverConnection& connection) override;
    /// AUTOCOMMIT, READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ, SERIALIZABLE.
    std::vector<std::string> isolation_levels() const override;

    /// The connection string for `url` by the rules above (not for odbc_connect URLs: that
    /// string is used as given). Throws ArgumentError naming what to add or remove.
    virtual OdbcConnectionString connection_string(const Url& url) const;
    /// Everything OdbcConnection::open() gets for `url`.
    virtual OdbcConnectOptions connect_options(const Url& url) const;

protected:
    /// Driver when the URL names none: an odbcinst.ini section or a .so path; "" = required.
    virtual std::string default_odbc_driver() const { return {}; }
    virtual std::optional<std::uint16_t> default_port() const { return std::nullopt; }
    virtual OdbcAttributeNames attribute_names() const { return {}; }
    /// Added when the URL does not set them, e.g. {"BoolsAsChar", "0"} for psqlODBC.
    virtual std::vector<std::pair<std::string, std::string>> default_attributes() const { return {}; }
    /// Query keys this dialect consumes itself; never passed to the driver.
    virtual std::vector<std::string> reserved_query_keys() const { return {}; }
    virtual std::string ping_query() const { return "SELECT 1"; }
    /// The SQL's lexical rules, for refusing a second statement in one execute
    /// (statement_scan.hpp); standard SQL quoting and comments by default.
    virtual OdbcSqlLexicon sql_lexicon() const { return {}; }
    /// wide for Unicode drivers (the default), utf8 for ANSI-only drivers.
    virtual OdbcTextMode text_mode() const { return OdbcTextMode::wide; }
    /// Vendor mapping of diagnostic records; must not capture the dialect (it may be gone
    /// before the last connection closes). Empty: the SQLSTATE mapping alone.
    virtual OdbcErrorTranslator error_translator() const { return {}; }

    /// The OdbcConnection behind `connection`; ArgumentError when it is not one.
    static OdbcConnection& odbc_connection(sdk::DriverConnection& connection);
};

}  // namespace athanor::odbc
