// handle.hpp (internal) — the ODBC connection handle (SQLHDBC) with what its statements need
// (options, error translation, driver facts): the state an OdbcConnection shares with its cursors.
//
// Cursors hold the OdbcHandle by shared_ptr, so a cursor that outlives its connection's close()
// sees `connected == false` and does not free a statement handle SQLDisconnect already freed.
//
// Example:
//   handle->require_open("execute");
//   if (!SQL_SUCCEEDED(rc)) handle->fail(SQL_HANDLE_STMT, stmt, "executing the statement");
#pragma once

#include <athanor/odbc/connection.hpp>

#include <string_view>

namespace athanor::odbc::detail {

struct OdbcHandle {
    void* dbc = nullptr;     // SQLHDBC
    bool connected = false;  // false once closed: statement handles are gone with it
    OdbcConnectOptions options;
    OdbcErrorContext errors;
    OdbcDriverInfo info;
    bool arrays_unsupported = false;  // learnt the first time the driver refuses PARAMSET_SIZE

    ~OdbcHandle();
    /// Throws InterfaceError (SQLSTATE 08003) when the connection is closed.
    void require_open(std::string_view operation) const;
    /// Throws for the diagnostics of `handle`, marking a dead connection with SQLSTATE 08S01.
    [[noreturn]] void fail(short handle_type, void* handle, std::string_view doing) const;
    /// Same, for records read earlier (before a call that would clear them).
    [[noreturn]] void raise(std::vector<OdbcDiagnostic> records, std::string_view doing) const;
    bool dead() const;
    bool wide() const { return options.text_mode == OdbcTextMode::wide; }
};

}  // namespace athanor::odbc::detail
