// athanor/sdk/sql_scan.hpp — what a driver reads off the front of a SQL string before running it.
//
// A driver often needs to know what kind of statement it was given (a query, an INSERT whose
// row id to report, DDL that invalidates prepared statements) without parsing it.
// leading_keyword() gives the statement's first word, upper-cased, after any blanks,
// `-- line` and `/* block */` comments and opening parentheses (a parenthesised SELECT is a
// SELECT); skip_blanks_and_comments() is the skipping alone, e.g. to check that nothing but
// blanks, comments and `;` follows a statement. Quoted text is not looked into: the scan stops
// at the first character that is neither blank nor the start of a comment.
//
// Example:
//   using namespace athanor::sdk;
//   leading_keyword("  /* hint */ (select 1)");        // "SELECT"
//   leading_keyword("-- note\nInsert INTO t VALUES (1)"); // "INSERT"
//   leading_keyword("\"t\"");                           // "" (no keyword first)
//   skip_blanks_and_comments("  -- c\n ;", 0);          // 8, the index of ';'
#pragma once

#include <athanor/export.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace athanor::sdk {

/// The index of the first character at or after `pos` that is neither blank nor inside a
/// `--` or `/* */` comment; `sql.size()` when there is none (an unclosed comment runs to the end).
ATHANOR_API std::size_t skip_blanks_and_comments(std::string_view sql, std::size_t pos = 0);

/// The first word of `sql` (ASCII letters only), upper-cased, skipping blanks, comments and
/// opening parentheses; "" when the statement does not begin with a word.
ATHANOR_API std::string leading_keyword(std::string_view sql);

}  // namespace athanor::sdk
