// pg_connection.hpp — the libpq driver connection (sdk::DriverConnection over PGconn).
//
// open() connects with PQconnectdbParams from keyword/value pairs (never a concatenated
// conninfo string) and sets the session up so results can be decoded whatever the server's
// defaults: IntervalStyle iso_8601, bytea_output hex, DateStyle ISO; notices are dropped
// instead of going to stderr. A failed connect is an OperationalError (SQLSTATE 08001)
// naming host:port, database and user, with libpq's message as it is (it never contains the
// password, and the password is never searched for in it).
//
// Transactions: begin() sends BEGIN (nothing in autocommit mode); commit()/rollback() are
// no-ops when PQtransactionStatus says no transaction is open. COMMIT of a transaction an
// earlier error aborted rolls it back on the server; commit() then throws InternalError
// (SQLSTATE 25P02) rather than pretend the work was saved.
//
// Example (inside the plugin):
//   PgConnectOptions options;
//   options.keywords = {{"host", "127.0.0.1"}, {"port", "5432"}, {"dbname", "app"}};
//   auto conn = PgConnection::open(options);
//   auto cursor = conn->cursor();
//   cursor->execute("SELECT $1::int + 1", std::vector<athanor::Value>{41});
#pragma once

#include "pg_handle.hpp"

#include <athanor/sdk/driver.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace athanor::postgresql {

/// What PQconnectdbParams needs, already derived from the URL by PgDialect.
struct PgConnectOptions {
    std::vector<std::pair<std::string, std::string>> keywords;  // libpq keyword -> value, in order
    std::string password;                                      // not read: messages never contain it
    std::size_t statement_cache_size = 100;
};

class PgConnection final : public sdk::DriverConnection {
public:
    static std::unique_ptr<PgConnection> open(const PgConnectOptions& options);
    ~PgConnection() override;

    std::unique_ptr<sdk::Cursor> cursor() override;
    void begin() override;
    void commit() override;
    void rollback() override;
    void set_autocommit(bool on) override { autocommit_ = on; }
    bool autocommit() const override { return autocommit_; }
    bool ping() override;
    void close() override;
    bool closed() const override { return handle_->closed(); }

    /// Runs parameterless SQL (SET, SHOW, SAVEPOINT...) and returns the first cell, or NULL.
    Value run(const std::string& sql);
    const std::string& where() const { return handle_->where; }

private:
    explicit PgConnection(std::shared_ptr<PgHandle> handle) : handle_(std::move(handle)) {}

    std::shared_ptr<PgHandle> handle_;
    bool autocommit_ = false;
};

}  // namespace athanor::postgresql
