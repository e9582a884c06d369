// athanor/sdk/driver.hpp — the driver SPI: what a plugin implements to move statements and
// rows (the transport), in the spirit of PEP 249 (DB-API 2.0).
//
// A DriverConnection opens Cursors; a Cursor executes one statement at a time with
// positional parameters, already rendered in the dialect's paramstyle by the framework,
// and hands back rows one by one into a caller-owned vector (no per-row allocation).
// Every failure is thrown as an athanor::DBAPIError subclass carrying the driver message,
// SQLSTATE and native code; the framework adds the statement and parameters.
//
// Transactions: the framework calls begin() before the first statement of a transaction
// unless the connection is in autocommit mode; commit()/rollback() end it.
//
// Example (inside a plugin):
//   class MyCursor final : public athanor::sdk::Cursor { ... };
//   std::unique_ptr<athanor::sdk::Cursor> MyConnection::cursor() {
//       return std::make_unique<MyCursor>(*this);
//   }
#pragma once

#include <athanor/errors.hpp>
#include <athanor/export.hpp>
#include <athanor/sdk/parameter_rows.hpp>
#include <athanor/value.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::sdk {

/// One result column as the driver reports it.
struct ColumnDescription {
    std::string name;
    /// The database's type name when known ("INTEGER", "int4", ...), else "".
    std::string type_name;
};

class ATHANOR_API Cursor {
public:
    virtual ~Cursor();

    /// Executes one statement. Any previous result of this cursor is discarded.
    virtual void execute(std::string_view sql, std::span<const Value> params) = 0;

    /// Executes one statement once per parameter set (a DML statement; no rows back).
    /// rowcount() is then the sum over all sets. A driver should prepare once and reuse.
    /// A driver MAY make rows returned by RETURNING available through fetch() after
    /// executemany, in parameter order; its manifest says so by claiming
    /// `cursor_executemany_returning`.
    /// The sets view the caller's values (see parameter_rows.hpp): they stay valid until this
    /// returns, so they may be bound without a copy.
    virtual void executemany(std::string_view sql, ParameterRows param_sets) = 0;

    /// Columns of the current result; empty when the statement returns no rows.
    virtual const std::vector<ColumnDescription>& description() const = 0;

    /// Fetches the next row into `row` (resized to the column count). False when exhausted.
    virtual bool fetch(std::vector<Value>& row) = 0;

    /// Rows matched by the last DML statement, or -1 when unknown.
    virtual std::int64_t rowcount() const = 0;

    /// The row id of the last inserted row, where the database has one.
    virtual std::optional<std::int64_t> lastrowid() const = 0;

    /// Releases the statement. Idempotent; the destructor calls it too.
    virtual void close() = 0;
};

class ATHANOR_API DriverConnection {
public:
    virtual ~DriverConnection();

    virtual std::unique_ptr<Cursor> cursor() = 0;

    /// Starts a transaction (not called in autocommit mode).
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    /// In autocommit mode every statement commits by itself and begin() is never called.
    virtual void set_autocommit(bool on) = 0;
    virtual bool autocommit() const = 0;

    /// A cheap round trip; false (never an exception) when the connection is dead.
    virtual bool ping() = 0;

    /// Closes the connection. Idempotent; the destructor calls it too.
    virtual void close() = 0;
    virtual bool closed() const = 0;
};

}  // namespace athanor::sdk
