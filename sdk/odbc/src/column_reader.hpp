// column_reader.hpp (internal) — reading one result cell with SQLGetData, typed by SQL type.
//
// Integers (TINYINT..BIGINT) -> integer, REAL/FLOAT/DOUBLE -> double, NUMERIC/DECIMAL ->
// Decimal (exact text), BIT -> bool, DATE -> Date, TIMESTAMP -> DateTime (microseconds),
// TIME -> Time parsed from the driver's text (keeps fractions), character types -> text
// (read as UTF-16 in chunks, so any length), binary types -> bytes (chunks), anything else
// (GUID, intervals, vendor codes) -> the driver's text. A character column whose driver type
// name is a boolean name (psqlODBC's BoolsAsChar) is read as bool. With
// OdbcConnectOptions::numbers_as_text, integer and floating-point columns are read as text and
// typed by their content (number_from_text).
//
// Example:
//   ColumnInfo info = describe_column(stmt, 1, {"bool"});
//   Value v = read_cell(stmt, 1, info, buffer, connection);
#pragma once

#include <athanor/sdk/driver.hpp>
#include <athanor/value.hpp>

#include <string>
#include <vector>

namespace athanor::odbc::detail {

struct OdbcHandle;

struct ColumnInfo {
    short sql_type = 0;
    bool boolean_text = false;  // a character column that really holds booleans
};

/// SQLDescribeColW + SQLColAttributeW(SQL_DESC_TYPE_NAME) for column `number` (1-based).
ColumnInfo describe_column(void* stmt, unsigned short number, const std::vector<std::string>& boolean_type_names,
                           sdk::ColumnDescription& description, const OdbcHandle& connection);

/// The value of column `number` of the current row. `buffer` is reused between calls.
Value read_cell(void* stmt, unsigned short number, const ColumnInfo& info, std::vector<char>& buffer,
                const OdbcHandle& connection);

/// The driver's text of a numeric cell typed by what it holds: an integer (optional '-', digits,
/// within int64) -> integer; a decimal or exponent number, or SQLite's "Inf"/"-Inf" -> double;
/// anything else -> the text unchanged. A number outside the range of double -> DataError.
Value number_from_text(const std::string& text);

/// A readable name for an ODBC SQL type code ("VARCHAR", "BIGINT", "SQL type 30").
std::string sql_type_name(short sql_type);

}  // namespace athanor::odbc::detail
