// mimer_odbc_types.hpp — the SQL type codes the Mimer ODBC driver may report for a result
// column, standard and vendor, and how each is read.
//
// Standard ODBC codes are read by the SDK's ODBC transport as usual. Mimer's own type codes
// (its C API's: BOOLEAN 42, BLOB 57, CLOB 58, NCLOB 59, BUILTIN.UUID 8104; MimerPy
// mimerapi.py) are not ODBC codes; whether the ODBC driver ever reports them instead of the
// standard ones is UNVERIFIED (no driver was available), so the plugin maps each to the
// standard code of the same kind (OdbcConnectOptions::vendor_sql_types) and a column of such a
// type is read as a bool, bytes or text rather than as unknown text.
// generic_type_for_sql_type() names the generic type a code stands for, for reflection of
// result columns and for tests.
//
// Example:
//   athanor::mimer::standard_sql_type(42);          // -7 (SQL_BIT)
//   athanor::mimer::generic_type_for_sql_type(-9);  // Unicode (SQL_WVARCHAR)
#pragma once

#include <athanor/sql/type_engine.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace athanor::mimer {

/// {vendor code, standard code} for every Mimer vendor code listed above.
const std::vector<std::pair<short, short>>& vendor_sql_types();

/// The standard code `code` is read as: itself when standard, its mapping when a Mimer vendor
/// code, nullopt otherwise.
std::optional<short> standard_sql_type(short code);

/// The generic type of a standard or Mimer vendor code; nullptr for an unknown one.
sql::TypePtr generic_type_for_sql_type(short code);

}  // namespace athanor::mimer
