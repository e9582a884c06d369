// pg_errors.hpp — turns libpq failures into Athanor's exception hierarchy.
//
// Server errors carry a SQLSTATE, mapped by athanor::throw_for_sqlstate (23xxx
// IntegrityError, 42xxx ProgrammingError, 22xxx DataError, 08xxx/57Pxx OperationalError...).
// The message is the server's primary message plus its DETAIL and HINT lines. Failures with
// no SQLSTATE (the socket died, libpq refused a call) are OperationalError with SQLSTATE
// 08006 when the connection is gone, so PgDialect::is_disconnect() recognises them, and
// name the server they were talking to.
//
// Example:
//   ResultPtr res(PQexec(conn, sql));
//   if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) throw_result_error(conn, res.get(), where);
#pragma once

#include <libpq-fe.h>

#include <string>
#include <string_view>

namespace athanor::postgresql {

/// Throws for a failed result (null means libpq could not produce one).
/// `where` ("127.0.0.1:5432, database 'app'") is added when the connection is lost.
[[noreturn]] void throw_result_error(PGconn* conn, const PGresult* result, std::string_view where);

/// Throws for a failed libpq call that produced no result (PQsend*, PQconsumeInput...).
[[noreturn]] void throw_connection_error(PGconn* conn, std::string_view where, std::string_view doing);

/// True when a SQLSTATE or message means the connection is gone.
bool is_disconnect_error(std::string_view sqlstate, std::string_view message);

/// libpq's message without its trailing newline and "ERROR:  " style prefix.
std::string clean_message(std::string_view message);

}  // namespace athanor::postgresql
