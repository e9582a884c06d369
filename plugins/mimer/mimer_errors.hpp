// mimer_errors.hpp — Mimer SQL's diagnostics onto Athanor's exception hierarchy.
//
// The Mimer ODBC driver reports a SQLSTATE and Mimer's native (negative) error code for each
// failure. A standard SQLSTATE decides by itself through athanor::throw_for_sqlstate()
// (23xxx IntegrityError for unique, foreign-key, NOT NULL and check violations, 22xxx
// DataError, 42xxx ProgrammingError, 40001 OperationalError for a transaction Mimer's
// optimistic concurrency control aborts at COMMIT, 08xxx OperationalError, ...). When the
// driver gives only the generic HY000 (or no SQLSTATE), the native codes listed in
// mimer_errors.cpp decide, each with its source; an unlisted code stays DatabaseError with
// the driver's text. The translator captures nothing, so it outlives the dialect.
//
// Example:
//   auto translate = athanor::mimer::mimer_error_translator();
//   translate({{"HY000", -12517, "ident does not exist"}}, "login failed");  // throws OperationalError
#pragma once

#include <athanor/odbc/diagnostics.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace athanor::mimer {

/// The SQLSTATE a Mimer native error code stands for when the driver reports only HY000;
/// nullopt for codes the plugin does not know.
std::optional<std::string> sqlstate_for_native_code(std::int64_t native_code);

odbc::OdbcErrorTranslator mimer_error_translator();

}  // namespace athanor::mimer
