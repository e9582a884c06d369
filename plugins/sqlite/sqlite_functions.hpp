// sqlite_functions.hpp — SQL functions the SQLite plugin adds to each connection it opens.
//
// SQLite parses `x REGEXP p` as regexp(p, x) but ships no regexp() function (the manual,
// lang_expr.html, "The LIKE, GLOB, REGEXP, MATCH, and extract operators"). The plugin
// registers one, so regexp_match() works on every sqlite:// connection as it does with
// SQLAlchemy's pysqlite driver:
//   regexp(pattern, value)  1 when the ECMAScript regular expression `pattern` matches
//                           somewhere in `value` (std::regex_search), 0 when not, NULL when
//                           either is NULL; an invalid pattern is an SQL error naming it.
// The compiled pattern is cached per statement (sqlite3_set_auxdata), so a column tested
// against one pattern compiles it once.
#pragma once

struct sqlite3;

namespace athanor::sqlite {

/// Registers the functions above on `db`; throws the mapped error if SQLite refuses.
void register_functions(sqlite3* db);

}  // namespace athanor::sqlite
