// pg_cursor.hpp — the libpq cursor (sdk::Cursor over fully received PGresults).
//
// execute(): statements that can take parameters (SELECT, INSERT, UPDATE, DELETE, WITH,
// VALUES, TABLE, MERGE) and anything with parameters run as cached server-side prepared
// statements (PQexecPrepared, text results); other parameterless SQL (DDL, SET, SAVEPOINT)
// runs once through PQexecParams without polluting the cache. The whole result is received
// before execute() returns, so several cursors on one connection never disturb each other;
// fetch() decodes one row at a time by column type OID (see pg_types.hpp).
//
// Stale statements: DDL (CREATE/ALTER/DROP, SET search_path), and COMMIT/ROLLBACK of a
// transaction that ran DDL, make every connection of the process re-prepare (pg_handle.hpp).
// When the server still refuses a statement prepared earlier (DDL from elsewhere: "cached
// plan must not change result type", a parameter type that no longer fits, a table gone),
// the connection drops its statements; outside a transaction block the statement is then
// prepared and run once more (the refusal rolled its implicit transaction back), inside one
// the error is thrown, since it aborted the transaction, saying that a re-run will work.
//
// executemany() prepares once and runs the sets in libpq pipeline mode (pg_pipeline.hpp).
// With RETURNING, the returned rows are fetchable afterwards in parameter order.
// rowcount() is the command tag's count (summed over a batch); lastrowid() is always
// nullopt: PostgreSQL has no row ids, inserted keys come back through RETURNING.
//
// Example (inside the plugin):
//   PgCursor cursor(handle);
//   cursor.execute("SELECT id, name FROM users WHERE id > $1", std::vector<Value>{1});
//   std::vector<Value> row;
//   while (cursor.fetch(row)) use(row);
#pragma once

#include "pg_result.hpp"
#include "pg_types.hpp"

#include <athanor/sdk/driver.hpp>

#include <memory>
#include <string>
#include <vector>

namespace athanor::postgresql {

struct PgHandle;

class PgCursor final : public sdk::Cursor {
public:
    explicit PgCursor(std::shared_ptr<PgHandle> handle);
    ~PgCursor() override = default;
    PgCursor(const PgCursor&) = delete;
    PgCursor& operator=(const PgCursor&) = delete;

    void execute(std::string_view sql, std::span<const Value> params) override;
    void executemany(std::string_view sql, sdk::ParameterRows param_sets) override;
    const std::vector<sdk::ColumnDescription>& description() const override { return description_; }
    bool fetch(std::vector<Value>& row) override;
    std::int64_t rowcount() const override { return rowcount_; }
    std::optional<std::int64_t> lastrowid() const override { return std::nullopt; }
    void close() override;

private:
    void start(std::string_view operation);
    /// Tells the handle what a statement that succeeded did to the schema or transaction.
    void after_success(const std::string& keyword, std::string_view sql);
    /// Takes ownership of a single statement's result: rows, description, rowcount; throws on error.
    void accept(ResultPtr result);
    void describe(const PGresult* result);
    /// Leaves COPY state (refused: COPY needs its own API) so the connection stays usable.
    [[noreturn]] void refuse_copy(ExecStatusType status);

    std::shared_ptr<PgHandle> handle_;
    std::vector<ResultPtr> results_;  // fetched in order
    std::size_t result_index_ = 0;
    int row_index_ = 0;
    std::vector<sdk::ColumnDescription> description_;
    std::vector<Decoder> decoders_;
    std::vector<TypeOid> types_;
    ParameterBuffer buffer_;
    std::string sql_;
    std::int64_t rowcount_ = -1;
    bool closed_ = false;
};

}  // namespace athanor::postgresql
