// Reading ODBC diagnostic records and choosing the exception for them.
#include <athanor/odbc/diagnostics.hpp>

#include <athanor/odbc/connection_string.hpp>

#include "utf16.hpp"

#include <athanor/errors.hpp>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <vector>

namespace athanor::odbc {

namespace {

std::vector<OdbcDiagnostic> read_narrow(short handle_type, void* handle) {
    std::vector<OdbcDiagnostic> records;
    for (SQLSMALLINT i = 1; i < 64; ++i) {
        SQLCHAR state[6] = {};
        SQLINTEGER native = 0;
        SQLSMALLINT length = 0;
        std::vector<SQLCHAR> text(2048);
        SQLRETURN rc = SQLGetDiagRec(handle_type, handle, i, state, &native, text.data(),
                                     static_cast<SQLSMALLINT>(text.size()), &length);
        if (rc == SQL_SUCCESS_WITH_INFO && length >= static_cast<SQLSMALLINT>(text.size())) {
            text.resize(static_cast<std::size_t>(length) + 1);
            rc = SQLGetDiagRec(handle_type, handle, i, state, &native, text.data(),
                               static_cast<SQLSMALLINT>(text.size()), &length);
        }
        if (!SQL_SUCCEEDED(rc)) break;
        OdbcDiagnostic record;
        record.sqlstate.assign(reinterpret_cast<const char*>(state), 5);
        record.native_code = native;
        const auto size = std::min<std::size_t>(static_cast<std::size_t>(std::max<SQLSMALLINT>(length, 0)),
                                                text.size() - 1);
        record.message = OdbcConnectionString::mask_passwords(
            std::string_view(reinterpret_cast<const char*>(text.data()), size));
        while (!record.message.empty() && (record.message.back() == '\n' || record.message.back() == ' '))
            record.message.pop_back();
        records.push_back(std::move(record));
    }
    return records;
}

}  // namespace

std::vector<OdbcDiagnostic> read_diagnostics(short handle_type, void* handle, bool wide) {
    std::vector<OdbcDiagnostic> records;
    if (handle == nullptr) return records;
    if (!wide) return read_narrow(handle_type, handle);
    static_assert(sizeof(SQLWCHAR) == sizeof(char16_t), "unixODBC's SQLWCHAR is 2 bytes");
    for (SQLSMALLINT i = 1; i < 64; ++i) {
        SQLWCHAR state[6] = {};
        SQLINTEGER native = 0;
        SQLSMALLINT length = 0;
        std::vector<SQLWCHAR> text(1024);
        SQLRETURN rc = SQLGetDiagRecW(handle_type, handle, i, state, &native, text.data(),
                                      static_cast<SQLSMALLINT>(text.size()), &length);
        if (rc == SQL_SUCCESS_WITH_INFO && length >= static_cast<SQLSMALLINT>(text.size())) {
            text.resize(static_cast<std::size_t>(length) + 1);
            rc = SQLGetDiagRecW(handle_type, handle, i, state, &native, text.data(),
                                static_cast<SQLSMALLINT>(text.size()), &length);
        }
        if (!SQL_SUCCEEDED(rc)) break;
        OdbcDiagnostic record;
        record.sqlstate = detail::to_utf8(reinterpret_cast<const char16_t*>(state), 5);
        record.native_code = native;
        const auto size = std::min<std::size_t>(static_cast<std::size_t>(std::max<SQLSMALLINT>(length, 0)),
                                                text.size() - 1);
        record.message = OdbcConnectionString::mask_passwords(
            detail::to_utf8(reinterpret_cast<const char16_t*>(text.data()), size));
        while (!record.message.empty() && (record.message.back() == '\n' || record.message.back() == ' '))
            record.message.pop_back();
        records.push_back(std::move(record));
    }
    return records;
}

void throw_diagnostics(const std::vector<OdbcDiagnostic>& records, std::string_view doing,
                       const OdbcErrorContext* context) {
    // The first real error decides; warnings (class 01) only add to the text.
    const OdbcDiagnostic* primary = nullptr;
    for (const auto& r : records)
        if (r.sqlstate.rfind("01", 0) != 0) {
            primary = &r;
            break;
        }
    if (primary == nullptr && !records.empty()) primary = &records.front();

    std::string message = primary != nullptr ? primary->message : "the ODBC driver reported an error without a diagnostic record";
    for (const auto& r : records) {
        if (&r == primary) continue;
        message += "; [" + r.sqlstate + "] " + r.message;
    }
    if (!doing.empty()) message += " (while " + std::string(doing) + ")";

    if (context != nullptr && context->translate) context->translate(records, message);
    const std::string sqlstate = primary != nullptr ? primary->sqlstate : "HY000";
    // A failed call with nothing but warnings: unixODBC reports a driver it cannot load as
    // 01000 "Can't open lib"; that is the driver manager's failure, an InterfaceError.
    if (sqlstate.rfind("01", 0) == 0) throw InterfaceError(std::move(message), sqlstate, primary->native_code);
    const std::optional<std::int64_t> native =
        primary != nullptr ? std::optional<std::int64_t>(primary->native_code) : std::nullopt;
    throw_for_sqlstate(std::move(message), sqlstate, native);
}

void throw_odbc_error(short handle_type, void* handle, std::string_view doing, const OdbcErrorContext* context) {
    throw_diagnostics(read_diagnostics(handle_type, handle), doing, context);
}

}  // namespace athanor::odbc
