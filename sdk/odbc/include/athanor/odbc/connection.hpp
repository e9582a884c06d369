// athanor/odbc/connection.hpp — an ODBC connection as an Athanor driver connection.
//
// OdbcConnection::open() calls SQLDriverConnectW with a ready connection string (built from a
// URL by OdbcDialect, see dialect.hpp), switches ODBC autocommit off (PEP 249: a connection
// starts in a transaction-per-unit-of-work mode) and reads what the driver supports.
// Transactions: in manual-commit mode the driver opens a transaction with the first statement,
// so begin() only makes sure SQL_ATTR_AUTOCOMMIT is off; commit()/rollback() are SQLEndTran.
// set_autocommit(true) sets SQL_ATTR_AUTOCOMMIT on. ping() asks SQL_ATTR_CONNECTION_DEAD first
// (cheap, but only as fresh as the driver's last round trip), then runs the ping query.
// Every error goes through diagnostics.hpp, naming the target by its redacted connection string
// (PWD=***); a failure on a
// connection the driver now reports dead carries SQLSTATE 08S01 so dialects see a disconnect.
// Use after close() throws InterfaceError with SQLSTATE 08003.
//
// Example:
//   athanor::odbc::OdbcConnectOptions options;
//   options.connection_string = "Driver=/usr/lib/x86_64-linux-gnu/odbc/libsqlite3odbc.so;Database=:memory:";
//   auto conn = athanor::odbc::OdbcConnection::open(std::move(options));
//   auto cursor = conn->cursor();
//   cursor->execute("SELECT 1", {});
#pragma once

#include <athanor/odbc/diagnostics.hpp>
#include <athanor/odbc/statement_scan.hpp>
#include <athanor/sdk/driver.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace athanor::odbc {

namespace detail {
struct OdbcHandle;
}

/// How text crosses the driver boundary.
enum class OdbcTextMode {
    wide,  // SQLWCHAR (UTF-16) everywhere: the ...W functions and SQL_C_WCHAR. Unicode drivers
           // (psqlodbcw) need it: their ANSI entry points reinterpret bytes in the process locale.
    utf8,  // UTF-8 bytes through the ANSI functions and SQL_C_CHAR. ANSI-only drivers
           // (sqlite3odbc) need it: unixODBC narrows their wide calls to one byte per character.
};

/// Everything OdbcConnection::open() needs.
struct OdbcConnectOptions {
    OdbcTextMode text_mode = OdbcTextMode::wide;
    /// Sent verbatim to SQLDriverConnectW.
    std::string connection_string;
    /// How error messages name the target: the redacted connection string (PWD=***), so the
    /// password is masked where it was put; driver messages are shown as the driver wrote them.
    std::string display;
    /// Vendor translation of diagnostic records before the SQLSTATE mapping (may be empty).
    OdbcErrorTranslator translate_error;
    /// The round trip ping() makes when the driver does not report the connection dead.
    std::string ping_query = "SELECT 1";
    /// SQL_ATTR_LOGIN_TIMEOUT in seconds, when set: how long connecting may wait for the
    /// server (psqlODBC hands it to libpq as connect_timeout).
    std::optional<int> login_timeout_seconds;
    /// The SQL's lexical rules; every execute refuses a second `;`-separated statement with
    /// ProgrammingError before anything is sent, as the native transports do.
    OdbcSqlLexicon sql_lexicon;
    /// executemany() binds parameter arrays (SQL_ATTR_PARAMSET_SIZE) when the driver takes them.
    bool array_binding = true;
    /// Rows per parameter array (memory is capped as well, see cursor.hpp).
    std::size_t array_batch_rows = 1000;
    /// The SQL type integer parameters are bound as (with C type SQL_C_SBIGINT). SQL_BIGINT
    /// (-5) by default; psqlODBC with UseServerSidePrepare=0 writes an SQL_INTEGER (4) value
    /// as a bare literal the server types by size (int4, int8, numeric), an SQL_BIGINT one as
    /// an untyped quoted string ('6' & '3' is "operator is not unique").
    short integer_sql_type = -5;
    /// Integer and floating-point columns are read as the driver's text and typed by what it
    /// holds (an integer, a number, else the text itself), not by the declared type. For
    /// drivers of dynamically typed databases: sqlite3odbc describes a column by its declared
    /// type, and as SQL_C_SBIGINT would turn a text 'abc' in a BIGINT column into 0. A number
    /// beyond the range of double in that text is a DataError, never an infinity.
    bool numbers_as_text = false;
    /// Character columns whose driver type name is one of these are read as booleans
    /// (psqlODBC describes BOOLEAN as SQL_VARCHAR "bool" unless BoolsAsChar=0).
    std::vector<std::string> boolean_type_names = {"bool", "boolean"};
    /// Vendor SQL type codes a driver reports for result columns, each with the standard ODBC
    /// code whose reading applies to it ({vendor, standard}), e.g. a driver that describes its
    /// BOOLEAN with a code of its own read as SQL_BIT (-7). A code not listed and not standard
    /// is read as the driver's text.
    std::vector<std::pair<short, short>> vendor_sql_types;
};

/// What SQLGetInfo says about the driver, read once at connect time.
struct OdbcDriverInfo {
    std::string driver_name;   // SQL_DRIVER_NAME, e.g. "psqlodbcw.so"
    std::string driver_version;
    std::string dbms_name;     // SQL_DBMS_NAME, e.g. "PostgreSQL", "SQLite"
    std::string dbms_version;
    /// SQL_PARAM_ARRAY_ROW_COUNTS: 1 = one count per set (SQL_PARC_BATCH), 2 = one total.
    unsigned param_array_row_counts = 0;
};

class OdbcConnection final : public sdk::DriverConnection {
public:
    /// Connects; throws OperationalError (or the class of the driver's SQLSTATE) naming
    /// options.display, never the password.
    static std::unique_ptr<OdbcConnection> open(OdbcConnectOptions options);
    ~OdbcConnection() override;

    std::unique_ptr<sdk::Cursor> cursor() override;
    void begin() override;
    void commit() override;
    void rollback() override;
    void set_autocommit(bool on) override;
    bool autocommit() const override { return autocommit_; }
    bool ping() override;
    void close() override;
    bool closed() const override;

    const OdbcDriverInfo& driver_info() const;
    /// SQLSetConnectAttr with an integer value (e.g. SQL_ATTR_TXN_ISOLATION).
    void set_attribute(int attribute, std::intptr_t value);
    /// SQLGetConnectAttr of an integer attribute.
    std::uint64_t attribute(int attribute) const;
    /// SQL_ATTR_CONNECTION_DEAD, where the driver reports it (false otherwise).
    bool reported_dead() const;
    /// The SQLHDBC, for vendor extensions.
    void* native_handle() const;

private:
    explicit OdbcConnection(std::shared_ptr<detail::OdbcHandle> handle) : handle_(std::move(handle)) {}

    std::shared_ptr<detail::OdbcHandle> handle_;
    bool autocommit_ = false;
};

}  // namespace athanor::odbc
