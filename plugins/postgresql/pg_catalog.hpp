// pg_catalog.hpp — PostgreSQL catalog queries shared by postgresql:// and postgresql+odbc://.
//
// has_table: a table, partitioned table, foreign table, view or materialized view named
// exactly `table` (names are case-sensitive as stored; unquoted names are stored lower case)
// in `schema`, or, with no schema, one visible on the search_path (pg_table_is_visible),
// as SQLAlchemy does. The query is written with the caller's placeholder style ($1 for
// libpq, ? for ODBC).
//
// Example:
//   bool exists = athanor::postgresql::has_table(conn, "users", "", athanor::sdk::Paramstyle::dollar);
#pragma once

#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/driver.hpp>

#include <string_view>

namespace athanor::postgresql {

bool has_table(sdk::DriverConnection& connection, std::string_view table, std::string_view schema,
               sdk::Paramstyle placeholders);

}  // namespace athanor::postgresql
