// mimer_connection.hpp — a Mimer SQL connection: the SDK's ODBC connection with Mimer's
// transaction rules and generated keys.
//
// Transactions (Mimer SQL Reference Manual, SET TRANSACTION and "Transaction Handling"):
// - Isolation: a level chosen with set_isolation() is sent as `SET TRANSACTION ISOLATION
//   LEVEL <level>` before the first statement of every transaction (Mimer accepts SET
//   TRANSACTION only before a transaction starts, and it applies to that one transaction).
//   Without one the server's default applies, which for Mimer is REPEATABLE READ.
// - DDL: Mimer runs a DDL statement only as the sole statement of its transaction and
//   commits it at once. A DDL statement on a transaction that already ran INSERT, UPDATE,
//   DELETE or MERGE is refused with InvalidRequestError before anything is sent, so the
//   user's changes are neither committed nor rolled back behind their back (the Python
//   dialect rolls them back). A DDL statement on a transaction without DML runs and is
//   committed at once, as Mimer does; the next statement starts a new transaction.
// Generated keys (pre-executed, race-free): a single-row INSERT that leaves out a column whose
// default is `NEXT VALUE FOR s` (the implicit autoincrement sequence, or any other) first draws
// the key with `SELECT NEXT VALUE FOR s FROM SYSTEM.ONEROW`, then runs the INSERT with the
// column added and the key as its value (`INSERT INTO t ("id", a) VALUES (?, ?)`);
// lastrowid() is that key, which no other session can also get. Each table's sequence default
// is read once per connection from INFORMATION_SCHEMA.COLUMNS; when it cannot be read (no
// privilege) the INSERT runs as given and lastrowid() stays empty. An INSERT of several VALUES
// rows or INSERT ... SELECT runs as given (no single key to report). An INSERT that gives the
// column `NEXT VALUE FOR s` itself (a column with an explicit Sequence: the statement compiler
// writes it) reports `SELECT CURRENT VALUE FOR s FROM SYSTEM.ONEROW`, the value NEXT VALUE gave
// in this session. executemany() runs as
// given: the engine runs an INSERT whose keys are wanted (return_defaults()) row by row, each
// through execute().
//
// Example:
//   auto connection = std::make_unique<MimerConnection>(athanor::odbc::OdbcConnection::open(options));
//   connection->set_isolation("SERIALIZABLE");
#pragma once

#include "mimer_statement.hpp"

#include <athanor/sdk/driver.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace athanor::mimer {

class MimerConnection final : public sdk::DriverConnection {
public:
    explicit MimerConnection(std::unique_ptr<sdk::DriverConnection> odbc);
    ~MimerConnection() override;

    std::unique_ptr<sdk::Cursor> cursor() override;
    void begin() override;
    void commit() override;
    void rollback() override;
    void set_autocommit(bool on) override;
    bool autocommit() const override;
    bool ping() override;
    void close() override;
    bool closed() const override;

    /// The level SET TRANSACTION sends for each later transaction ("" for the server's default).
    void set_isolation(std::string level) { isolation_ = std::move(level); }
    const std::string& isolation() const { return isolation_; }

    /// The ODBC connection underneath.
    sdk::DriverConnection& odbc() { return *odbc_; }

    // For MimerCursor: called around every statement.
    void before_statement(StatementKind kind);
    void after_statement(StatementKind kind);
    /// The sequence the default of one of `table`'s columns draws from, with that column;
    /// nullopt when none (cached per table).
    std::optional<std::pair<std::string, QualifiedName>> sequence_default(const QualifiedName& table);

private:
    std::unique_ptr<sdk::DriverConnection> odbc_;
    std::string isolation_;
    bool transaction_started_ = false;  // a statement ran since the last commit/rollback
    bool holds_dml_ = false;
    std::map<std::pair<std::string, std::string>, std::optional<std::pair<std::string, QualifiedName>>> sequences_;
    void end_transaction();
};

}  // namespace athanor::mimer
