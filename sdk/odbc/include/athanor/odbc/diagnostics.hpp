// athanor/odbc/diagnostics.hpp — ODBC diagnostic records turned into Athanor exceptions.
//
// After a failed ODBC call every diagnostic record of the handle (SQLGetDiagRecW: SQLSTATE,
// native code, message) is read; the first record that is not a warning (class 01) chooses
// the exception through athanor::throw_for_sqlstate() and gives the SQLSTATE and native code;
// the other records are appended to the message. A vendor dialect can translate records first
// (OdbcErrorContext::translate, e.g. SQLite's "HY000" with native code 19 is a constraint
// violation). A connection string quoted in a record has its password masked
// (OdbcConnectionString::mask_passwords: the value after PWD=/Password=); the rest of the
// driver's text is kept exactly as written, and a connection names its target by the redacted
// connection string, so the password is masked where it was put.
//
// Example:
//   SQLRETURN rc = SQLExecute(stmt);
//   if (!SQL_SUCCEEDED(rc) && rc != SQL_NO_DATA)
//       athanor::odbc::throw_odbc_error(SQL_HANDLE_STMT, stmt, "executing the statement", &context);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::odbc {

/// One diagnostic record.
struct OdbcDiagnostic {
    std::string sqlstate;      // five characters, e.g. "23505", "HY000", "08S01"
    std::int64_t native_code = 0;
    std::string message;       // UTF-8, with PWD=/Password= values masked
};

/// Called with the records and the composed message before the default mapping; throw a
/// DBAPIError subclass to override it, or return to keep throw_for_sqlstate()'s choice.
using OdbcErrorTranslator =
    std::function<void(const std::vector<OdbcDiagnostic>& records, const std::string& message)>;

/// What a connection contributes to its error reports.
struct OdbcErrorContext {
    OdbcErrorTranslator translate;  // may be empty
};

/// Every diagnostic record of `handle` (SQL_HANDLE_ENV/DBC/STMT), in order.
/// `wide`: read through SQLGetDiagRecW (Unicode drivers) or SQLGetDiagRec (UTF-8 bytes).
std::vector<OdbcDiagnostic> read_diagnostics(short handle_type, void* handle, bool wide = true);

/// Throws for `records` (see the header comment); `doing` says what was being done
/// ("executing the statement"). With no usable record it throws DatabaseError("HY000").
[[noreturn]] void throw_diagnostics(const std::vector<OdbcDiagnostic>& records, std::string_view doing,
                                    const OdbcErrorContext* context = nullptr);

/// Reads the records of `handle` and throws for them.
[[noreturn]] void throw_odbc_error(short handle_type, void* handle, std::string_view doing,
                                   const OdbcErrorContext* context = nullptr);

}  // namespace athanor::odbc
