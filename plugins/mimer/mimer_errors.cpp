// Mimer native error codes for the cases where the driver's SQLSTATE says nothing.
#include "mimer_errors.hpp"

#include <athanor/errors.hpp>

namespace athanor::mimer {

namespace {

struct NativeCode {
    std::int64_t code;
    const char* sqlstate;
};

// Only codes with a source are listed; guessing a class would mislabel errors.
// -12517 / -12564: the login ident does not exist (sqlalchemy-mimer tests/db_config.py treats
// both as "ident does not exist" when connecting): invalid authorization, SQLSTATE 28000.
constexpr NativeCode native_codes[] = {
    {-12517, "28000"},
    {-12564, "28000"},
};

}  // namespace

std::optional<std::string> sqlstate_for_native_code(std::int64_t native_code) {
    for (const auto& entry : native_codes)
        if (entry.code == native_code) return std::string(entry.sqlstate);
    return std::nullopt;
}

odbc::OdbcErrorTranslator mimer_error_translator() {
    return [](const std::vector<odbc::OdbcDiagnostic>& records, const std::string& message) {
        for (const auto& r : records) {
            if (r.sqlstate.rfind("01", 0) == 0) continue;  // warnings
            if (r.sqlstate.empty() || r.sqlstate == "HY000")
                if (auto state = sqlstate_for_native_code(r.native_code))
                    throw_for_sqlstate(message, *state, r.native_code);
            return;  // a standard SQLSTATE decides through the default mapping
        }
    };
}

}  // namespace athanor::mimer
