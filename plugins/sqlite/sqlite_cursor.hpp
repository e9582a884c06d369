// sqlite_cursor.hpp — the SQLite cursor (sdk::Cursor over one sqlite3_stmt at a time).
//
// execute() takes an idle statement for the SQL from the connection's cache (or prepares a
// new one, refusing SQL that holds more than one statement), binds the positional `?`
// parameters, and steps once so that errors surface at execute time. fetch() then steps
// lazily, one row per call, into the caller's vector. Once the rows are exhausted (or the
// cursor is closed or re-executed) the statement goes back to the cache.
//
// Binding: NULL, bool as 0/1, integer, double, text (UTF-8), bytes as BLOB, Date/Time/
// DateTime as ISO 8601 text (Value::iso()), Decimal as its text. Interval has no SQLite
// storage class and no SQLite function understands ISO 8601 durations, so binding one
// throws NotSupportedError: store months/days/microseconds explicitly instead.
// Fetching follows the value's storage class: INTEGER -> integer, REAL -> double, TEXT ->
// text, BLOB -> bytes, NULL -> NULL. fetch() writes into the caller's cells in place
// (Value::set_text/set_bytes), so a row vector reused across fetches keeps its string storage.
//
// Example (inside the plugin):
//   SqliteCursor cursor(handle);
//   cursor.execute("SELECT id, name FROM users WHERE id > ?", std::vector<Value>{1});
//   std::vector<Value> row;
//   while (cursor.fetch(row)) use(row);
#pragma once

#include <athanor/sdk/driver.hpp>

#include <memory>
#include <string>

struct sqlite3_stmt;

namespace athanor::sqlite {

struct SqliteHandle;

class SqliteCursor final : public sdk::Cursor {
public:
    explicit SqliteCursor(std::shared_ptr<SqliteHandle> handle);
    ~SqliteCursor() override;
    SqliteCursor(const SqliteCursor&) = delete;
    SqliteCursor& operator=(const SqliteCursor&) = delete;

    void execute(std::string_view sql, std::span<const Value> params) override;
    void executemany(std::string_view sql, sdk::ParameterRows param_sets) override;
    const std::vector<sdk::ColumnDescription>& description() const override { return description_; }
    bool fetch(std::vector<Value>& row) override;
    std::int64_t rowcount() const override { return rowcount_; }
    std::optional<std::int64_t> lastrowid() const override { return lastrowid_; }
    void close() override;

private:
    enum class Kind { query, insert, dml };

    void reset_state();
    /// Takes a cached statement for `sql` or prepares one; nullptr for SQL with no statement.
    sqlite3_stmt* acquire(std::string_view sql);
    /// Returns the current statement to the cache (or finalizes it when the connection is gone).
    void release();
    void bind(sdk::ParameterRow params, bool copy_values);
    static void check_parameter_count(std::size_t expected, std::size_t given);
    void bind_values(sdk::ParameterRow params, void (*lifetime)(void*));
    /// Binds, then steps once so errors surface in execute().
    void bind_and_step(std::span<const Value> params);
    /// Steps the current statement; true when a row is ready. Releases it on completion or error.
    bool step();
    void finish();

    std::shared_ptr<SqliteHandle> handle_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
    Kind kind_ = Kind::query;
    bool row_ready_ = false;  // a stepped row waits to be read by fetch()
    bool idle_ = false;       // stmt_ ran to completion and was reset; kept for a re-execute of sql_
    bool closed_ = false;
    std::vector<sdk::ColumnDescription> description_;
    std::int64_t rowcount_ = -1;
    std::optional<std::int64_t> lastrowid_;
    // RETURNING rows of an INSERT/UPDATE/DELETE, read to the end in execute(): the statement is
    // then finished, so the transaction can commit before the caller reads them (SQLite refuses
    // COMMIT while a statement is in progress), and rowcount is known at once.
    std::vector<std::vector<Value>> returned_;
    std::size_t returned_next_ = 0;
};

}  // namespace athanor::sqlite
