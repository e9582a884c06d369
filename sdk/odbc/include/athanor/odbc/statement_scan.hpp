// athanor/odbc/statement_scan.hpp — finding a second statement in SQL text before it is sent.
//
// The native transports run one statement per execute (libpq's extended protocol refuses more,
// sqlite3_prepare's tail is checked); ODBC drivers differ (psqlODBC runs `SELECT 1; DROP TABLE t`
// whole), so OdbcCursor checks the text itself before SQLPrepare and refuses a second statement
// with ProgrammingError. The scan knows the database's lexical rules through OdbcSqlLexicon:
// '...' literals with '' doubling, "..." names with "" doubling, -- and /* */ comments, and per
// flavour PostgreSQL's dollar quotes ($$...$$, $tag$...$tag$), E'...' literals with backslash
// escapes and nested comments, or SQLite's [names] and `names`. A `;` inside any of these does
// not end a statement; trailing `;`s, blanks and comments after the statement are fine, and
// the cursor sends the statement without them (scan.end), which drivers with a simpler scan of
// their own (sqlite3odbc refuses `SELECT 1; -- done`) accept. Text the scan cannot close (an
// unterminated literal or comment) is sent whole, for the server to reject.
//
// Example:
//   athanor::odbc::OdbcSqlLexicon pg{.dollar_quotes = true, .escape_strings = true, .nested_comments = true};
//   scan_statement("SELECT $$;$$; -- done", pg);   // {end = 12, second = nullopt}: one statement
//   scan_statement("SELECT 1; DROP TABLE t", pg);  // {end = 8, second = 10}: DROP begins at 10
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace athanor::odbc {

/// The lexical rules of a database's SQL that decide where a statement ends.
struct OdbcSqlLexicon {
    bool dollar_quotes = false;         // PostgreSQL: $$...$$ and $tag$...$tag$
    bool escape_strings = false;        // PostgreSQL: E'...' takes backslash escapes (\' is a quote)
    bool nested_comments = false;       // PostgreSQL: /* /* */ */ is one comment
    bool bracket_identifiers = false;   // SQLite, SQL Server: [name]
    bool backtick_identifiers = false;  // SQLite, MySQL: `name`
};

/// Where the first statement of some SQL text ends, and where a second one starts.
struct OdbcStatementScan {
    /// Just past the first statement's last token (before trailing blanks, comments and `;`s);
    /// the whole length when a comment is left open.
    std::size_t end = 0;
    /// Where a second statement starts, when there is one.
    std::optional<std::size_t> second;
};

/// Scans `sql` by `lexicon`'s rules (see the header comment).
OdbcStatementScan scan_statement(std::string_view sql, const OdbcSqlLexicon& lexicon);

}  // namespace athanor::odbc
