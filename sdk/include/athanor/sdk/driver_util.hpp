// athanor/sdk/driver_util.hpp — one statement on a DriverConnection, start to finish.
//
// A dialect often runs a statement of its own on a connection and wants all of it at once:
// a PRAGMA or SET with no result, the one value of `SHOW transaction_isolation`, whether a
// catalog query finds a row (has_table), or every row of one (reflection). Each function opens
// a cursor, executes `sql` with `params` (in the dialect's paramstyle), reads what it promises
// and closes the cursor, also when the statement fails; failures are the driver's DBAPIError.
//
// Example (inside a dialect):
//   using namespace athanor::sdk;
//   execute_statement(conn, "PRAGMA foreign_keys=ON");
//   Value level = query_value(conn, "PRAGMA read_uncommitted");   // NULL when no row came back
//   bool found = query_has_row(conn, "SELECT 1 FROM sqlite_master WHERE name = ?", {Value("users")});
//   for (const auto& row : query_rows(conn, "SELECT name FROM sqlite_master")) use(row[0]);
#pragma once

#include <athanor/export.hpp>
#include <athanor/sdk/driver.hpp>
#include <athanor/value.hpp>

#include <string_view>
#include <vector>

namespace athanor::sdk {

/// Runs `sql`, reading no rows.
ATHANOR_API void execute_statement(DriverConnection& connection, std::string_view sql,
                                   const std::vector<Value>& params = {});

/// The first column of the first row of `sql`; NULL when it returns no row (or no column).
ATHANOR_API Value query_value(DriverConnection& connection, std::string_view sql,
                              const std::vector<Value>& params = {});

/// True when `sql` returns at least one row (only the first is fetched).
ATHANOR_API bool query_has_row(DriverConnection& connection, std::string_view sql,
                               const std::vector<Value>& params = {});

/// Every row of `sql`, in order.
ATHANOR_API std::vector<std::vector<Value>> query_rows(DriverConnection& connection, std::string_view sql,
                                                       const std::vector<Value>& params = {});

}  // namespace athanor::sdk
