// sqlite_reflection.hpp — catalog queries for the SQLite dialect (sqlite_master and pragmas).
//
// For now has_table, which create_all / drop_all use with checkfirst; the Inspector's
// column/constraint reflection builds on the same file later.
//
// Example:
//   bool exists = athanor::sqlite::has_table(driver_connection, "users", "");   // main + temp
//   bool attached = athanor::sqlite::has_table(driver_connection, "users", "archive");
#pragma once

#include <athanor/sdk/driver.hpp>

#include <string_view>

namespace athanor::sqlite {

/// True when a table (or view) named `table` exists: in `schema` (an attached database name)
/// when given, else in main or temp. Names compare as SQLite does (case-insensitively).
bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema);

}  // namespace athanor::sqlite
