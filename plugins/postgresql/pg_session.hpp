// pg_session.hpp — the state a PostgreSQL connection shares with its cursors.
//
// Owns the PGconn and the prepared-statement cache. prepare() returns the server-side
// statement for a SQL text: on a miss it sends PQprepare (declaring bytea parameters, every
// other type left for the server to infer) and PQdescribePrepared (so a wrong number of
// parameters is a ProgrammingError before anything runs), names it athanor_sN and caches
// it; statements pushed out of the LRU are DEALLOCATEd. With a cache size of 0 the unnamed
// statement is used every time. Cursors hold a shared_ptr, so a cursor that outlives
// close() gets a clear InterfaceError instead of a dangling handle.
//
// Example (inside the plugin):
//   auto session = std::make_shared<PgSession>(conn, 100, "127.0.0.1:5432, database 'app'");
//   const PreparedStatement& s = session->prepare("SELECT $1::int", {});
//   ResultPtr res = session->exec("SET search_path TO app");
#pragma once

#include "pg_result.hpp"
#include "pg_statement_cache.hpp"
#include "pg_types.hpp"

#include <libpq-fe.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::postgresql {

struct PgSession {
    PGconn* conn = nullptr;  // nullptr once closed
    PreparedStatementCache statements;
    std::string where;  // "host:port, database 'name'" for messages

    PgSession(PGconn* connection, std::size_t cache_size, std::string where_text);
    ~PgSession();
    PgSession(const PgSession&) = delete;
    PgSession& operator=(const PgSession&) = delete;

    bool closed() const { return conn == nullptr; }
    /// Throws InterfaceError (SQLSTATE 08003, a disconnect) when the connection is closed.
    void require_open(std::string_view operation) const;

    /// The prepared statement for `sql` with the given declared parameter types (see above).
    /// The reference is valid until the next prepare().
    const PreparedStatement& prepare(std::string_view sql, std::span<const TypeOid> types);

    /// Runs parameterless SQL through the simple protocol; throws on failure.
    ResultPtr exec(const std::string& sql);

    /// Closes the connection (PQfinish). Idempotent.
    void close();

private:
    void deallocate_evicted();

    std::uint64_t counter_ = 0;
    std::vector<std::string> evicted_;  // names waiting for DEALLOCATE
    std::string key_;                   // reused cache-key buffer
    std::string sql_;                   // reused NUL-terminated copy
    PreparedStatement unnamed_;
};

}  // namespace athanor::postgresql
