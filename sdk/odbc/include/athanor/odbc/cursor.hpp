// athanor/odbc/cursor.hpp — an ODBC statement handle as an Athanor cursor.
//
// execute() prepares the SQL (SQLPrepareW; re-executing the same SQL reuses the prepared
// statement), checks the parameter count (SQLNumParams), binds every parameter (types in
// the table of sdk/odbc/src/parameter_binding.hpp) and runs SQLExecute. Quirks handled:
// SQL_NO_DATA from an UPDATE/DELETE that matched nothing is success with rowcount 0 (with
// RETURNING, SQLNumResultCols still gives the columns: an empty result, unnamed columns); the
// rowcount of a statement returning rows is -1 whatever SQLRowCount says (drivers disagree:
// psqlODBC gives the row count, sqlite3odbc 0). fetch() reads each cell with SQLGetData, long
// text and binary values in chunks (see column_reader.hpp for the type map).
// executemany() binds column-wise parameter arrays (SQL_ATTR_PARAMSET_SIZE, up to
// OdbcConnectOptions::array_batch_rows sets and 16 MiB per batch) when the driver accepts
// them, summing SQLRowCount over SQLMoreResults; when it does not, or a column mixes value
// kinds, it executes the prepared statement once per set. rowcount() is the sum either way.
// ODBC has no lastrowid: lastrowid() is always empty.
//
// Example:
//   auto cursor = connection->cursor();
//   cursor->execute("SELECT id, name FROM users WHERE id > ?", std::vector<athanor::Value>{1});
//   std::vector<athanor::Value> row;
//   while (cursor->fetch(row)) use(row);
#pragma once

#include <athanor/sdk/driver.hpp>

#include <memory>
#include <string>
#include <vector>

namespace athanor::odbc {

namespace detail {
struct OdbcHandle;
struct ColumnInfo;
}  // namespace detail

class OdbcCursor final : public sdk::Cursor {
public:
    explicit OdbcCursor(std::shared_ptr<detail::OdbcHandle> handle);
    ~OdbcCursor() override;
    OdbcCursor(const OdbcCursor&) = delete;
    OdbcCursor& operator=(const OdbcCursor&) = delete;

    void execute(std::string_view sql, std::span<const Value> params) override;
    void executemany(std::string_view sql, sdk::ParameterRows param_sets) override;
    const std::vector<sdk::ColumnDescription>& description() const override { return description_; }
    bool fetch(std::vector<Value>& row) override;
    std::int64_t rowcount() const override { return rowcount_; }
    std::optional<std::int64_t> lastrowid() const override { return std::nullopt; }
    void close() override;

private:
    void start(std::string_view sql);
    void prepare(std::string_view sql);
    std::size_t parameter_count();
    void finish_result();
    void read_result(short execute_rc);
    std::int64_t affected_rows(short execute_rc);
    /// True when every set was run with parameter arrays; false when the driver refused.
    bool execute_arrays(sdk::ParameterRows sets, std::size_t params, std::int64_t& total);
    void execute_loop(sdk::ParameterRows sets, std::size_t first, std::int64_t& total);
    [[noreturn]] void fail(std::string_view doing);

    std::shared_ptr<detail::OdbcHandle> handle_;
    void* stmt_ = nullptr;  // SQLHSTMT, allocated lazily
    std::string prepared_sql_;
    bool closed_ = false;
    bool has_rows_ = false;
    std::vector<sdk::ColumnDescription> description_;
    std::vector<detail::ColumnInfo> columns_;
    std::vector<char> buffer_;
    std::int64_t rowcount_ = -1;
};

}  // namespace athanor::odbc
