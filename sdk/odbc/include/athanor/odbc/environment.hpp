// athanor/odbc/environment.hpp — the process-wide ODBC environment handle (SQLHENV).
//
// ODBC wants one environment per process, set to ODBC 3 behaviour before any connection is
// allocated. OdbcEnvironment::instance() creates it on first use (thread-safe: a function-
// local static) and never frees it: plugins stay loaded for the life of the process and a
// connection closed during static destruction must still find its environment alive.
// Driver-manager connection pooling is left off; Athanor's Pool does the pooling.
//
// Example:
//   SQLHDBC dbc = nullptr;
//   SQLAllocHandle(SQL_HANDLE_DBC, athanor::odbc::OdbcEnvironment::instance().handle(), &dbc);
#pragma once

namespace athanor::odbc {

class OdbcEnvironment {
public:
    /// The environment; throws InterfaceError when the driver manager cannot allocate one.
    static OdbcEnvironment& instance();

    /// The SQLHENV, as void* so this header needs no ODBC headers.
    void* handle() const { return handle_; }

    OdbcEnvironment(const OdbcEnvironment&) = delete;
    OdbcEnvironment& operator=(const OdbcEnvironment&) = delete;

private:
    OdbcEnvironment();
    void* handle_ = nullptr;
};

}  // namespace athanor::odbc
