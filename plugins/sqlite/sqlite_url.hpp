// sqlite_url.hpp — what a sqlite:// URL opens, by SQLAlchemy's pysqlite rules.
//
// The URL's database is a plain file name unless the query says `uri=true`: "" and ":memory:"
// are a private in-memory database, anything else a path (a relative name that begins with
// "file:" is opened as "./file:...", so SQLite — built with SQLITE_USE_URI on Debian — never
// reads it as a URI). With `uri=true` the database is a SQLite URI (https://sqlite.org/uri.html,
// e.g. file:data.db or file::memory:) and every query key but the dialect's own `timeout` and
// `uri` belongs to it: `sqlite:///file:data.db?mode=ro&cache=shared&uri=true` opens
// "file:data.db?mode=ro&cache=shared" (keys in the order written, values percent-encoded).
// Without `uri=true` the query keys are `timeout` (seconds, default 5) and `mode`
// (ro, rw, rwc); anything else is an ArgumentError.
//
// A NUL byte (%00) in the database or a URI value is an ArgumentError: SQLite would stop at
// it and open another file.
//
// Example:
//   auto options = open_options(Url::parse("sqlite:///file:mem?mode=memory&cache=shared&uri=true"));
//   // options.filename == "file:mem?mode=memory&cache=shared", SQLITE_OPEN_URI set
//   is_private_memory(url);  // false: every connection sees the same shared-cache database
#pragma once

#include "sqlite_connection.hpp"

#include <athanor/url.hpp>

namespace athanor::sqlite {

/// sqlite3_open_v2's arguments for `url`; throws ArgumentError for a bad option or a NUL.
SqliteOpenOptions open_options(const Url& url);

/// True when `url` names an in-memory database that each connection would get a new copy of
/// (`sqlite://`, ":memory:", a memory URI without cache=shared): such an engine must keep one
/// connection. Never throws; a URL that open_options() refuses fails at connect instead.
bool is_private_memory(const Url& url);

}  // namespace athanor::sqlite
