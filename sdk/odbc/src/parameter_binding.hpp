// parameter_binding.hpp (internal) — Values laid out as ODBC parameter buffers.
//
// One ParameterColumn holds parameter `index` for `rows` parameter sets, column-wise, ready
// for SQLBindParameter (a single execute is an array of one). Type choices:
//   NULL      SQL_C_CHAR -> SQL_VARCHAR with SQL_NULL_DATA (or the non-null rows' type)
//   bool      SQL_C_BIT -> SQL_BIT            integer  SQL_C_SBIGINT -> integer_sql_type
//             (SQL_BIGINT unless the connection options say otherwise, e.g. SQL_INTEGER for psqlODBC)
//   double    SQL_C_DOUBLE -> SQL_DOUBLE
//   text      SQL_C_WCHAR (UTF-16) -> SQL_WVARCHAR, SQL_WLONGVARCHAR above 4000 characters;
//             with wide == false (OdbcTextMode::utf8) SQL_C_CHAR -> SQL_VARCHAR/SQL_LONGVARCHAR
//   bytes     SQL_C_BINARY -> SQL_VARBINARY, SQL_LONGVARBINARY above 8000 bytes
//   Date      SQL_C_TYPE_DATE struct -> SQL_TYPE_DATE
//   DateTime  SQL_C_TYPE_TIMESTAMP struct (microseconds) -> SQL_TYPE_TIMESTAMP; with a UTC
//             offset: ISO text -> SQL_VARCHAR (the struct has no zone)
//   Time      ISO text -> SQL_TYPE_TIME (SQL_TIME_STRUCT has no fraction); with offset SQL_VARCHAR
//   Decimal   its text (SQL_C_CHAR) -> SQL_NUMERIC with precision/scale from the digits
//   Interval  ISO 8601 duration text -> SQL_VARCHAR
// Rows of different kinds in one column cannot share a buffer: build_column() returns nullopt
// and executemany falls back to one execute per set.
//
// Example:
//   auto column = build_column(sets, 0, 0, sets.size(), true, SQL_BIGINT);
//   if (column) bind_column(stmt, 1, *column);
#pragma once

#include <athanor/sdk/parameter_rows.hpp>
#include <athanor/value.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace athanor::odbc::detail {

struct ParameterColumn {
    short c_type = 0;
    short sql_type = 0;
    std::size_t column_size = 0;
    short decimal_digits = 0;
    std::size_t element_size = 0;          // bytes per row in `data`
    std::vector<unsigned char> data;       // rows * element_size
    std::vector<long> indicators;          // SQLLEN per row: byte length or SQL_NULL_DATA
};

/// Parameter `index` of sets [first, first + count); nullopt when the rows mix kinds.
std::optional<ParameterColumn> build_column(sdk::ParameterRows sets, std::size_t index,
                                            std::size_t first, std::size_t count, bool wide,
                                            short integer_sql_type);

/// One parameter on its own.
ParameterColumn build_single(const Value& value, bool wide, short integer_sql_type);

/// SQLBindParameter for parameter number `number` (1-based); returns the SQLRETURN.
short bind_column(void* stmt, unsigned short number, ParameterColumn& column);

}  // namespace athanor::odbc::detail
