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
// Generated keys: after a single-row INSERT that leaves out a column whose default is
// `NEXT VALUE FOR s` (the implicit autoincrement sequence, or any other), lastrowid() is
// `SELECT CURRENT VALUE FOR s FROM SYSTEM.ONEROW` on the same connection: Mimer keeps the
// current value of a sequence per session, so another session's inserts cannot change it.
// Each table's sequence default is read once per connection from INFORMATION_SCHEMA.COLUMNS.
// The INSERT has succeeded by then: when the catalog or the sequence cannot be read, lastrowid()
// stays empty (the key is reported as NULL) and the INSERT does not fail.
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
