// athanor/sdk/text_util.hpp — ASCII case folding of identifiers, keywords and option names.
//
// SQL keywords, SQLSTATEs, URL option names and ODBC attribute keys are ASCII and compared
// without regard to case. These functions fold exactly the 26 ASCII letters and leave every
// other byte alone, whatever the process locale says (std::toupper would also change bytes
// of a single-byte locale, and so split a UTF-8 name), so a folded identifier keeps its
// non-ASCII characters intact.
//
// Example:
//   using namespace athanor::sdk;
//   ascii_upper("read committed");              // "READ COMMITTED"
//   ascii_lower("Odbc_Connect");                // "odbc_connect"
//   ascii_iequals("PWD", "pwd");                // true
//   ascii_icontains("SET Search_Path TO x", "search_path");   // true
#pragma once

#include <athanor/export.hpp>

#include <string>
#include <string_view>

namespace athanor::sdk {

/// `c` upper-cased when it is an ASCII letter, else `c` unchanged.
constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
/// `c` lower-cased when it is an ASCII letter, else `c` unchanged.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// A copy of `text` with its ASCII letters upper-cased.
ATHANOR_API std::string ascii_upper(std::string_view text);
/// A copy of `text` with its ASCII letters lower-cased.
ATHANOR_API std::string ascii_lower(std::string_view text);
/// True when `a` and `b` are equal but for the case of ASCII letters.
ATHANOR_API bool ascii_iequals(std::string_view a, std::string_view b);
/// True when `text` contains `word`, ASCII letters compared without regard to case.
ATHANOR_API bool ascii_icontains(std::string_view text, std::string_view word);

}  // namespace athanor::sdk
