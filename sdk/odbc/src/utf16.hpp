// utf16.hpp (internal) — UTF-8 <-> UTF-16 for ODBC's SQLWCHAR (2 bytes under unixODBC).
//
// Text crosses ODBC as SQLWCHAR so that Unicode drivers (psqlodbcw) never reinterpret it in
// the process locale. Invalid UTF-8 from the program is a DataError naming the byte offset;
// unpaired surrogates from a driver become U+FFFD.
//
// Example:
//   std::u16string wide = athanor::odbc::detail::to_utf16("Grüße");
//   std::string back = athanor::odbc::detail::to_utf8(wide.data(), wide.size());
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace athanor::odbc::detail {

std::u16string to_utf16(std::string_view utf8);
std::string to_utf8(const char16_t* data, std::size_t length);

}  // namespace athanor::odbc::detail
