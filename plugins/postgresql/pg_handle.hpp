// pg_handle.hpp — the native PostgreSQL connection (PGconn) with its prepared-statement cache,
// the state a PgConnection shares with its cursors.
//
// Owns the PGconn and the prepared-statement cache. prepare() returns the server-side
// statement for a SQL text and the parameter type OIDs declared for it (pg_types.hpp; 0 =
// inferred): on a miss it sends PQprepare alone — the parameter count is read from the SQL's
// highest $n, so a wrong number of parameters is a ProgrammingError before anything runs, and
// a statement over the protocol's 65535 parameters is refused before it is sent (SQLSTATE
// 54000, as the server's program_limit_exceeded) — names it athanor_sN and caches
// it under SQL + OIDs, so a NULL (OID 0) and a later integer (int8) never share a plan;
// statements pushed out of the LRU are DEALLOCATEd. With a cache size of 0 the unnamed
// statement is used every time. Cursors hold a shared_ptr, so a cursor that outlives
// close() gets a clear InterfaceError instead of a dangling handle.
//
// Schema changes: the server fixes a prepared statement's parameter types (inferred ones
// too) and result row type when it is prepared, so after a table is dropped and created
// again with other column types the same SQL fails ("cached plan must not change result
// type", "column x is of type bigint but expression is of type character varying").
// schema_changed() — called by the cursor after DDL (CREATE/ALTER/DROP, SET search_path),
// at the end of a transaction that ran DDL, and when the server refuses a cached statement
// for such a reason — bumps a process-wide generation: every PgHandle forgets (and
// DEALLOCATEs) its statements before its next prepare(), since pooled connections share one
// database. DDL from another process is caught by the cursor's retry (pg_cursor.hpp).
//
// Example (inside the plugin):
//   auto handle = std::make_shared<PgHandle>(conn, 100, "127.0.0.1:5432, database 'app'");
//   const PreparedStatement& s = handle->prepare("SELECT $1::int", {});
//   ResultPtr res = handle->exec("SET search_path TO app");
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

/// The protocol's limit on parameters in one statement (Bind and ParameterDescription carry
/// a 16-bit count).
inline constexpr int max_parameters = 65535;

struct PgHandle {
    PGconn* conn = nullptr;  // nullptr once closed
    PreparedStatementCache statements;
    std::string where;  // "host:port, database 'name'" for messages

    PgHandle(PGconn* connection, std::size_t cache_size, std::string where_text);
    ~PgHandle();
    PgHandle(const PgHandle&) = delete;
    PgHandle& operator=(const PgHandle&) = delete;

    bool closed() const { return conn == nullptr; }
    /// Throws InterfaceError (SQLSTATE 08003, a disconnect) when the connection is closed.
    void require_open(std::string_view operation) const;

    /// The prepared statement for `sql` with the given declared parameter types (see above).
    /// The reference is valid until the next prepare(). `reused` (when given) is set to true
    /// when it came from the cache, i.e. was prepared against an earlier state of the schema.
    const PreparedStatement& prepare(std::string_view sql, std::span<const TypeOid> types, bool* reused = nullptr);

    /// The schema may have changed: this and every other handle of the process re-prepare (see above).
    void schema_changed();
    /// The server already dropped every prepared statement (DISCARD ALL, DEALLOCATE ALL).
    void statements_dropped_by_server();
    /// DDL ran inside the open transaction; its COMMIT or ROLLBACK changes the schema again.
    void ddl_ran(bool in_transaction);
    /// COMMIT, ROLLBACK or ROLLBACK TO SAVEPOINT ran: re-prepare if the transaction ran DDL.
    void transaction_ended();

    /// Runs parameterless SQL through the simple protocol; throws on failure.
    ResultPtr exec(const std::string& sql);

    /// Closes the connection (PQfinish). Idempotent.
    void close();

private:
    void deallocate_evicted();
    /// Forgets every cached statement; DEALLOCATEs them now or after a failed transaction ends.
    void forget_statements();

    std::uint64_t schema_generation_;   // the process-wide generation the cache was built in
    bool ddl_in_transaction_ = false;

    std::uint64_t counter_ = 0;
    std::vector<std::string> evicted_;  // names waiting for DEALLOCATE
    std::string key_;                   // reused cache-key buffer
    std::string sql_;                   // reused NUL-terminated copy
    PreparedStatement unnamed_;
};

}  // namespace athanor::postgresql
