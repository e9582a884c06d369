// athanor/engine/connection.hpp — one checked-out database connection.
//
// A Connection "autobegins": the first statement starts a transaction that lasts until
// commit() or rollback() (SQLAlchemy 2.0's commit-as-you-go). begin() makes it explicit and
// returns a Transaction that rolls back in its destructor unless committed; begin_nested()
// opens a SAVEPOINT. Destroying or closing the Connection rolls back whatever is uncommitted
// and returns it to the pool.
//
// Statements: anything Executable — text() now, select()/insert()/... from the expression
// language. A list of parameter sets runs as executemany.
//
// Usage:
//   auto conn = engine.connect();
//   {
//       auto tx = conn.begin();
//       conn.execute(athanor::text("INSERT INTO users (name) VALUES (:name)"),
//                    std::vector<athanor::Params>{{{"name", "Alex"}}, {{"name", "Bob"}}});
//       auto sp = conn.begin_nested();
//       conn.execute(athanor::text("DELETE FROM users"));
//       sp.rollback();                                 // the DELETE is undone
//       tx.commit();
//   }
#pragma once

#include <athanor/engine/result.hpp>
#include <athanor/export.hpp>
#include <athanor/sql/executable.hpp>
#include <athanor/sql/statement.hpp>
#include <athanor/value.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace athanor {

namespace sdk {
class Dialect;
class DriverConnection;
}
class Engine;
struct PluginManifest;
namespace detail {
struct ConnectionState;
struct TransactionState;
}

class Transaction;

/// Options that apply to every later statement of one Connection (SQLAlchemy's
/// Connection.execution_options()). A field left unset keeps the connection's current value.
struct ExecutionOptions {
    /// Schema names replaced as statements and DDL are compiled: with {{"per_tenant",
    /// "tenant_42"}} a Table or Sequence of schema "per_tenant" is used as "tenant_42" (the
    /// key "" stands for objects without a schema, a value "" renders none). Compiled forms
    /// are cached per map. An empty map turns translation off.
    std::optional<sql::SchemaTranslateMap> schema_translate_map = std::nullopt;
};

class ATHANOR_API Connection {
public:
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    /// Executes one statement with one parameter set.
    Result execute(const sql::Executable& statement, const Params& params = {});
    /// executemany: one statement, many parameter sets (rowcount is the total).
    Result execute(const sql::Executable& statement, const std::vector<Params>& param_sets);
    /// Raw SQL in the dialect's own paramstyle with positional values, no parsing at all.
    Result exec_driver_sql(std::string_view sql, const std::vector<Value>& params = {});

    /// Shorthands: first column of the first row, and first column of every row.
    Value scalar(const sql::Executable& statement, const Params& params = {});
    std::vector<Value> scalars(const sql::Executable& statement, const Params& params = {});

    /// Explicit transaction; throws InvalidRequestError if one is already in progress.
    Transaction begin();
    /// A SAVEPOINT inside the current transaction (which is begun if needed).
    Transaction begin_nested();
    bool in_transaction() const;

    /// Commit-as-you-go: end the autobegun (or explicit) transaction.
    void commit();
    void rollback();

    /// Sets options for this connection's later statements, until it is closed; returns *this:
    ///   conn.execution_options({.schema_translate_map = sql::SchemaTranslateMap{{"per_tenant", "t42"}}});
    ///   conn.execute(select(orders));   // SELECT ... FROM t42.orders where orders has schema per_tenant
    Connection& execution_options(const ExecutionOptions& options);
    /// The schema an object of `schema` is used with under the schema_translate_map (`schema`
    /// itself without one): what MetaData::create_all() asks has_table() about.
    std::string effective_schema(const std::string& schema) const;
    /// The schema_translate_map set by execution_options() (null for none), for code that
    /// compiles DDL itself for this connection (MetaData::create_all's auxiliary statements).
    std::shared_ptr<const sql::SchemaTranslateMap> schema_translate_map() const;

    /// "SERIALIZABLE", "READ COMMITTED", ..., "AUTOCOMMIT" for this connection only; reset
    /// when it returns to the pool.
    void set_isolation_level(std::string_view level);
    std::string get_isolation_level();

    /// Drops the underlying connection from the pool (it will not be reused).
    void invalidate();
    /// Rolls back, returns the connection to the pool. Idempotent.
    void close();
    bool closed() const;

    /// The driver connection, for plugin-specific calls. Valid while this Connection is open.
    sdk::DriverConnection& driver_connection();

    /// The dialect this connection speaks (its Engine's): name, paramstyle, quoting, identifier
    /// limit, and its compilers through athanor::sql::compiler_for() and friends. Valid while the
    /// Engine or any Connection of it lives; also after close(). ResourceClosedError when moved from.
    sdk::Dialect& dialect() const;
    /// What the serving plugin's manifest claims, e.g. plugin().has_capability("insert_returning").
    const PluginManifest& plugin() const;
    /// The Engine this connection was checked out of (a copy sharing its state).
    Engine engine() const;

private:
    friend class Engine;
    explicit Connection(std::shared_ptr<detail::ConnectionState> state);
    std::shared_ptr<detail::ConnectionState> state_;
};

/// A transaction or savepoint. Rolls back in its destructor unless committed or rolled back.
/// Made by Connection::begin() / begin_nested(); it shares state with its Connection, so an
/// outer commit or rollback deactivates the savepoints inside it, and it stays safe to use
/// (it throws ResourceClosedError) after its Connection was closed or moved.
class ATHANOR_API Transaction {
public:
    explicit Transaction(std::shared_ptr<detail::TransactionState> state);
    Transaction(Transaction&&) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    ~Transaction();

    /// Commits (root) or releases the savepoint (nested); InvalidRequestError when inactive.
    void commit();
    /// Rolls back (root) or rolls back to the savepoint (nested); no-op when inactive.
    void rollback();
    bool is_active() const;
    bool nested() const;

private:
    std::shared_ptr<detail::TransactionState> state_;
};

}  // namespace athanor
