// The process-wide ODBC environment: allocated once, set to ODBC 3, deliberately never freed.
#include <athanor/odbc/environment.hpp>

#include <athanor/odbc/diagnostics.hpp>

#include <athanor/errors.hpp>

#include <sql.h>
#include <sqlext.h>

namespace athanor::odbc {

OdbcEnvironment::OdbcEnvironment() {
    SQLHENV env = SQL_NULL_HENV;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)))
        throw InterfaceError("the ODBC driver manager could not allocate an environment handle; "
                             "check that unixODBC (libodbc) is installed and working (odbcinst -j)",
                             "HY001");
    const SQLRETURN rc =
        SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
    if (!SQL_SUCCEEDED(rc)) throw_odbc_error(SQL_HANDLE_ENV, env, "setting ODBC version 3 on the environment");
    handle_ = env;
}

OdbcEnvironment& OdbcEnvironment::instance() {
    // Leaked on purpose: see the header.
    static OdbcEnvironment* environment = new OdbcEnvironment();
    return *environment;
}

}  // namespace athanor::odbc
