// The ODBC connection: connect, transactions through SQL_ATTR_AUTOCOMMIT/SQLEndTran, ping, close.
#include <athanor/odbc/connection.hpp>

#include <athanor/odbc/cursor.hpp>
#include <athanor/odbc/environment.hpp>

#include "handle.hpp"
#include "utf16.hpp"

#include <athanor/errors.hpp>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

namespace athanor::odbc {

namespace detail {

OdbcHandle::~OdbcHandle() {
    if (dbc == nullptr) return;
    if (connected) {
        // An open transaction makes SQLDisconnect fail with 25000; end it first.
        SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK);
        SQLDisconnect(dbc);
    }
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

void OdbcHandle::require_open(std::string_view operation) const {
    if (!connected)
        throw InterfaceError("cannot " + std::string(operation) + ": the ODBC connection to " + options.display +
                                 " is closed; check out a new connection",
                             "08003");
}

bool OdbcHandle::dead() const {
    if (dbc == nullptr || !connected) return true;
    SQLUINTEGER value = SQL_CD_FALSE;
    const SQLRETURN rc = SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &value, 0, nullptr);
    return SQL_SUCCEEDED(rc) && value == SQL_CD_TRUE;
}

void OdbcHandle::fail(short handle_type, void* handle, std::string_view doing) const {
    raise(read_diagnostics(handle_type, handle, wide()), doing);
}

void OdbcHandle::raise(std::vector<OdbcDiagnostic> records, std::string_view doing) const {
    const bool connection_class = !records.empty() && records.front().sqlstate.rfind("08", 0) == 0;
    if (!connection_class && connected && dead()) {
        // Drivers report a lost server in many ways (psqlODBC: HY000 "no connection to the
        // server"); the attribute tells the truth, and 08S01 lets is_disconnect() see it.
        records.insert(records.begin(), OdbcDiagnostic{"08S01", 0, "the connection to " + options.display +
                                                                       " is dead (communication link failure)"});
    }
    throw_diagnostics(records, doing, &errors);
}

}  // namespace detail

std::unique_ptr<OdbcConnection> OdbcConnection::open(OdbcConnectOptions options) {
    auto handle = std::make_shared<detail::OdbcHandle>();
    handle->options = std::move(options);
    auto& opts = handle->options;
    if (opts.display.empty()) opts.display = "the ODBC data source";
    handle->errors.translate = opts.translate_error;

    SQLHDBC dbc = SQL_NULL_HDBC;
    auto* env = static_cast<SQLHENV>(OdbcEnvironment::instance().handle());
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))
        throw_odbc_error(SQL_HANDLE_ENV, env, "allocating an ODBC connection handle", &handle->errors);
    handle->dbc = dbc;
    if (opts.login_timeout_seconds)
        SQLSetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT,
                          reinterpret_cast<SQLPOINTER>(static_cast<SQLULEN>(*opts.login_timeout_seconds)), 0);

    if (opts.connection_string.size() > 32000)
        throw ArgumentError("the ODBC connection string for " + opts.display + " is " +
                            std::to_string(opts.connection_string.size()) + " bytes long; ODBC accepts at most 32000");
    SQLRETURN rc = SQL_ERROR;
    SQLSMALLINT out_length = 0;
    if (handle->wide()) {
        std::u16string wide = detail::to_utf16(opts.connection_string);
        SQLWCHAR out[1024];
        rc = SQLDriverConnectW(dbc, nullptr, reinterpret_cast<SQLWCHAR*>(wide.data()), static_cast<SQLSMALLINT>(wide.size()),
                               out, 1024, &out_length, SQL_DRIVER_NOPROMPT);
    } else {
        std::string narrow = opts.connection_string;
        SQLCHAR out[1024];
        rc = SQLDriverConnect(dbc, nullptr, reinterpret_cast<SQLCHAR*>(narrow.data()), static_cast<SQLSMALLINT>(narrow.size()),
                              out, 1024, &out_length, SQL_DRIVER_NOPROMPT);
    }
    if (!SQL_SUCCEEDED(rc)) handle->fail(SQL_HANDLE_DBC, dbc, "connecting to " + opts.display);
    handle->connected = true;

    auto read_info = [&](SQLUSMALLINT item) {
        SQLWCHAR buffer[256] = {};
        SQLSMALLINT length = 0;
        if (!SQL_SUCCEEDED(SQLGetInfoW(dbc, item, buffer, sizeof buffer, &length))) return std::string();
        const auto units = std::min<std::size_t>(static_cast<std::size_t>(std::max<SQLSMALLINT>(length, 0)) / 2, 255);
        return detail::to_utf8(reinterpret_cast<const char16_t*>(buffer), units);
    };
    auto& info = handle->info;
    info.driver_name = read_info(SQL_DRIVER_NAME);
    info.driver_version = read_info(SQL_DRIVER_VER);
    info.dbms_name = read_info(SQL_DBMS_NAME);
    info.dbms_version = read_info(SQL_DBMS_VER);
    SQLUINTEGER counts = 0;
    if (SQL_SUCCEEDED(SQLGetInfo(dbc, SQL_PARAM_ARRAY_ROW_COUNTS, &counts, sizeof counts, nullptr)))
        info.param_array_row_counts = counts;

    std::unique_ptr<OdbcConnection> connection(new OdbcConnection(handle));
    connection->set_attribute(SQL_ATTR_AUTOCOMMIT, SQL_AUTOCOMMIT_OFF);
    return connection;
}

OdbcConnection::~OdbcConnection() {
    try {
        close();
    } catch (...) {  // a destructor must not throw; the OdbcHandle frees the SQLHDBC regardless
    }
}

std::unique_ptr<sdk::Cursor> OdbcConnection::cursor() {
    handle_->require_open("open a cursor");
    return std::make_unique<OdbcCursor>(handle_);
}

void OdbcConnection::set_attribute(int attribute, std::intptr_t value) {
    handle_->require_open("set a connection attribute");
    const SQLRETURN rc = SQLSetConnectAttr(handle_->dbc, static_cast<SQLINTEGER>(attribute),
                                           reinterpret_cast<SQLPOINTER>(value), 0);
    if (!SQL_SUCCEEDED(rc))
        handle_->fail(SQL_HANDLE_DBC, handle_->dbc, "setting ODBC connection attribute " + std::to_string(attribute));
}

std::uint64_t OdbcConnection::attribute(int attribute) const {
    handle_->require_open("read a connection attribute");
    SQLULEN value = 0;  // wide enough for integer and SQLULEN attributes
    const SQLRETURN rc =
        SQLGetConnectAttr(handle_->dbc, static_cast<SQLINTEGER>(attribute), &value, sizeof value, nullptr);
    if (!SQL_SUCCEEDED(rc))
        handle_->fail(SQL_HANDLE_DBC, handle_->dbc, "reading ODBC connection attribute " + std::to_string(attribute));
    return value;
}

void OdbcConnection::begin() {
    handle_->require_open("begin a transaction");
    if (autocommit_) return;
    // Manual-commit mode is already on (set at open and after set_autocommit(false)); the
    // driver opens the transaction with the first statement.
}

void OdbcConnection::commit() {
    handle_->require_open("commit");
    if (autocommit_) return;
    if (!SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, handle_->dbc, SQL_COMMIT)))
        handle_->fail(SQL_HANDLE_DBC, handle_->dbc, "committing");
}

void OdbcConnection::rollback() {
    handle_->require_open("roll back");
    if (autocommit_) return;
    if (!SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, handle_->dbc, SQL_ROLLBACK)))
        handle_->fail(SQL_HANDLE_DBC, handle_->dbc, "rolling back");
}

void OdbcConnection::set_autocommit(bool on) {
    if (on == autocommit_) return;
    set_attribute(SQL_ATTR_AUTOCOMMIT, on ? SQL_AUTOCOMMIT_ON : SQL_AUTOCOMMIT_OFF);
    autocommit_ = on;
}

bool OdbcConnection::reported_dead() const { return handle_->connected && handle_->dead(); }

bool OdbcConnection::ping() {
    if (!handle_->connected || handle_->dead()) return false;
    if (handle_->options.ping_query.empty()) return true;
    try {
        OdbcCursor cursor(handle_);
        cursor.execute(handle_->options.ping_query, {});
        cursor.close();
        return true;
    } catch (const Error&) {
        return false;
    }
}

void OdbcConnection::close() {
    if (!handle_->connected) return;
    // Roll back first: SQLDisconnect refuses while a transaction is open (25000).
    SQLEndTran(SQL_HANDLE_DBC, handle_->dbc, SQL_ROLLBACK);
    SQLDisconnect(handle_->dbc);  // frees every statement of the connection
    handle_->connected = false;
}

bool OdbcConnection::closed() const { return !handle_->connected; }

const OdbcDriverInfo& OdbcConnection::driver_info() const { return handle_->info; }

void* OdbcConnection::native_handle() const { return handle_->dbc; }

}  // namespace athanor::odbc
