// athanor/odbc/driver_lookup.hpp — finding an ODBC driver's shared object without odbcinst.ini.
//
// A dialect can default to the driver's file path (Driver=/usr/lib/.../psqlodbcw.so), which
// unixODBC loads directly, so no system-wide odbcinst.ini entry is needed. This looks the
// file up in the usual driver folders (Debian multiarch odbc/, /usr/lib64, /usr/local/lib ...).
//
// Example:
//   std::string driver = athanor::odbc::find_driver_library({"psqlodbcw.so"});
//   if (driver.empty()) driver = "PostgreSQL Unicode";   // fall back to the odbcinst.ini name
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace athanor::odbc {

/// The full path of the first of `file_names` found in a standard driver folder, else "".
std::string find_driver_library(std::initializer_list<std::string_view> file_names);

}  // namespace athanor::odbc
