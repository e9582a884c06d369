// Describing result columns and reading cells with SQLGetData (see column_reader.hpp).
#include "column_reader.hpp"

#include "handle.hpp"
#include "utf16.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/text_util.hpp>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <limits>

namespace athanor::odbc::detail {

namespace {

bool is_character(short t) {
    return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_LONGVARCHAR || t == SQL_WCHAR || t == SQL_WVARCHAR ||
           t == SQL_WLONGVARCHAR;
}

constexpr std::size_t chunk_bytes = 32 * 1024;

/// Reads the whole cell in chunks as `c_type` (SQL_C_WCHAR, SQL_C_CHAR or SQL_C_BINARY)
/// into `out`; false for NULL. `terminator` is the size of the terminating NUL the driver
/// writes after character data.
bool read_chunks(SQLHSTMT stmt, SQLUSMALLINT number, SQLSMALLINT c_type, std::size_t terminator,
                 std::vector<char>& buffer, std::string& out, const OdbcHandle& connection) {
    out.clear();
    if (buffer.size() < chunk_bytes) buffer.resize(chunk_bytes);
    const std::size_t capacity = buffer.size() - terminator;
    for (;;) {
        SQLLEN indicator = 0;
        const SQLRETURN rc = SQLGetData(stmt, number, c_type, buffer.data(), static_cast<SQLLEN>(buffer.size()), &indicator);
        if (rc == SQL_NO_DATA) return true;  // everything was read by the previous call
        if (!SQL_SUCCEEDED(rc)) connection.fail(SQL_HANDLE_STMT, stmt, "reading column " + std::to_string(number));
        if (indicator == SQL_NULL_DATA) return false;
        const bool truncated = indicator == SQL_NO_TOTAL || static_cast<std::size_t>(indicator) > capacity;
        const std::size_t got = truncated ? capacity : static_cast<std::size_t>(indicator);
        out.append(buffer.data(), got);
        if (!truncated) return true;
    }
}

Value read_text(SQLHSTMT stmt, SQLUSMALLINT number, std::vector<char>& buffer, const OdbcHandle& connection) {
    std::string raw;
    if (!read_chunks(stmt, number, SQL_C_WCHAR, sizeof(char16_t), buffer, raw, connection)) return Value();
    // Chunks are whole SQLWCHARs: the capacity is even.
    std::u16string wide(raw.size() / 2, u'\0');
    std::memcpy(wide.data(), raw.data(), wide.size() * 2);
    return Value(to_utf8(wide.data(), wide.size()));
}

Value read_ascii(SQLHSTMT stmt, SQLUSMALLINT number, std::vector<char>& buffer, const OdbcHandle& connection,
                 std::string& out) {
    if (!read_chunks(stmt, number, SQL_C_CHAR, 1, buffer, out, connection)) return Value();
    return Value(out);
}

template <class T>
bool read_fixed(SQLHSTMT stmt, SQLUSMALLINT number, SQLSMALLINT c_type, T& out, const OdbcHandle& connection) {
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(stmt, number, c_type, &out, sizeof out, &indicator);
    if (!SQL_SUCCEEDED(rc)) connection.fail(SQL_HANDLE_STMT, stmt, "reading column " + std::to_string(number));
    return indicator != SQL_NULL_DATA;
}

}  // namespace

Value number_from_text(const std::string& text) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (text == "Inf") return Value(std::numeric_limits<double>::infinity());
    if (text == "-Inf") return Value(-std::numeric_limits<double>::infinity());
    // from_chars reads no leading '+' or blanks, and no hex with these formats: "+5", " 5" and
    // "0x5" stay text, as SQLite stored them.
    std::int64_t i = 0;
    const auto as_int = std::from_chars(begin, end, i);
    if (as_int.ec == std::errc() && as_int.ptr == end) return Value(i);
    if (as_int.ptr == end) return Value(text);  // digits beyond int64: SQLite stored them as text
    const bool numeric = std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isdigit(c) || c == '-' || c == '.' || c == 'e' || c == 'E' || c == '+';
    });
    if (!numeric) return Value(text);  // also keeps "nan", "inf", "infinity" texts as text
    double d = 0;
    const auto as_double = std::from_chars(begin, end, d, std::chars_format::general);
    if (as_double.ptr != end) return Value(text);
    if (as_double.ec == std::errc::result_out_of_range) {
        throw DataError("the ODBC driver gave the number " + text +
                            ", which is beyond the range of a double (it renders REAL values with limited digits, "
                            "so a value near the largest double rounds past it); read it with CAST(... AS TEXT) "
                            "or through sqlite://",
                        "22003");
    }
    if (as_double.ec != std::errc()) return Value(text);
    return Value(d);
}

std::string sql_type_name(short t) {
    switch (t) {
        case SQL_CHAR: return "CHAR";
        case SQL_VARCHAR: return "VARCHAR";
        case SQL_LONGVARCHAR: return "LONGVARCHAR";
        case SQL_WCHAR: return "WCHAR";
        case SQL_WVARCHAR: return "WVARCHAR";
        case SQL_WLONGVARCHAR: return "WLONGVARCHAR";
        case SQL_BIT: return "BIT";
        case SQL_TINYINT: return "TINYINT";
        case SQL_SMALLINT: return "SMALLINT";
        case SQL_INTEGER: return "INTEGER";
        case SQL_BIGINT: return "BIGINT";
        case SQL_REAL: return "REAL";
        case SQL_FLOAT: return "FLOAT";
        case SQL_DOUBLE: return "DOUBLE";
        case SQL_NUMERIC: return "NUMERIC";
        case SQL_DECIMAL: return "DECIMAL";
        case SQL_TYPE_DATE: case SQL_DATE: return "DATE";
        case SQL_TYPE_TIME: case SQL_TIME: return "TIME";
        case SQL_TYPE_TIMESTAMP: case SQL_TIMESTAMP: return "TIMESTAMP";
        case SQL_BINARY: return "BINARY";
        case SQL_VARBINARY: return "VARBINARY";
        case SQL_LONGVARBINARY: return "LONGVARBINARY";
        case SQL_GUID: return "GUID";
        default: return "SQL type " + std::to_string(t);
    }
}

ColumnInfo describe_column(void* handle, unsigned short number, const std::vector<std::string>& boolean_type_names,
                           sdk::ColumnDescription& description, const OdbcHandle& connection) {
    auto* stmt = static_cast<SQLHSTMT>(handle);
    SQLSMALLINT name_length = 0, sql_type = 0, digits = 0, nullable = 0, type_length = 0;
    SQLULEN size = 0;
    auto clamp = [](SQLSMALLINT n, std::size_t max) {
        return std::min<std::size_t>(static_cast<std::size_t>(std::max<SQLSMALLINT>(n, 0)), max);
    };
    description.type_name.clear();
    if (connection.wide()) {
        SQLWCHAR name[512] = {};
        const SQLRETURN rc = SQLDescribeColW(stmt, number, name, 512, &name_length, &sql_type, &size, &digits, &nullable);
        if (!SQL_SUCCEEDED(rc)) connection.fail(SQL_HANDLE_STMT, stmt, "describing result column " + std::to_string(number));
        description.name = to_utf8(reinterpret_cast<const char16_t*>(name), clamp(name_length, 511));
        SQLWCHAR type[128] = {};
        if (SQL_SUCCEEDED(SQLColAttributeW(stmt, number, SQL_DESC_TYPE_NAME, type, sizeof type, &type_length, nullptr)))
            description.type_name = to_utf8(reinterpret_cast<const char16_t*>(type), clamp(type_length, 254) / 2);
    } else {
        SQLCHAR name[1024] = {};
        const SQLRETURN rc = SQLDescribeCol(stmt, number, name, 1024, &name_length, &sql_type, &size, &digits, &nullable);
        if (!SQL_SUCCEEDED(rc)) connection.fail(SQL_HANDLE_STMT, stmt, "describing result column " + std::to_string(number));
        description.name.assign(reinterpret_cast<const char*>(name), clamp(name_length, 1023));
        SQLCHAR type[256] = {};
        if (SQL_SUCCEEDED(SQLColAttribute(stmt, number, SQL_DESC_TYPE_NAME, type, sizeof type, &type_length, nullptr)))
            description.type_name.assign(reinterpret_cast<const char*>(type), clamp(type_length, 255));
    }
    for (const auto& mapping : connection.options.vendor_sql_types)
        if (sql_type == mapping.first) {
            sql_type = mapping.second;
            break;
        }
    if (description.type_name.empty()) description.type_name = sql_type_name(sql_type);

    ColumnInfo info;
    info.sql_type = sql_type;
    if (is_character(sql_type))
        for (const auto& b : boolean_type_names)
            if (sdk::ascii_iequals(b, description.type_name)) info.boolean_text = true;
    return info;
}

Value read_cell(void* handle, unsigned short number, const ColumnInfo& info, std::vector<char>& buffer,
                const OdbcHandle& connection) {
    auto* stmt = static_cast<SQLHSTMT>(handle);
    const bool numeric = info.sql_type == SQL_TINYINT || info.sql_type == SQL_SMALLINT || info.sql_type == SQL_INTEGER ||
                         info.sql_type == SQL_BIGINT || info.sql_type == SQL_REAL || info.sql_type == SQL_FLOAT ||
                         info.sql_type == SQL_DOUBLE;
    if (numeric && connection.options.numbers_as_text) {
        std::string text;
        if (read_ascii(stmt, number, buffer, connection, text).is_null()) return Value();
        return number_from_text(text);
    }
    switch (info.sql_type) {
        case SQL_BIT: {
            unsigned char b = 0;
            return read_fixed(stmt, number, SQL_C_BIT, b, connection) ? Value(b != 0) : Value();
        }
        case SQL_TINYINT:
        case SQL_SMALLINT:
        case SQL_INTEGER:
        case SQL_BIGINT: {
            std::int64_t i = 0;
            return read_fixed(stmt, number, SQL_C_SBIGINT, i, connection) ? Value(i) : Value();
        }
        case SQL_REAL:
        case SQL_FLOAT:
        case SQL_DOUBLE: {
            double d = 0;
            return read_fixed(stmt, number, SQL_C_DOUBLE, d, connection) ? Value(d) : Value();
        }
        case SQL_NUMERIC:
        case SQL_DECIMAL: {
            std::string text;
            if (read_ascii(stmt, number, buffer, connection, text).is_null()) return Value();
            return Value(Decimal(text));
        }
        case SQL_TYPE_DATE:
        case SQL_DATE: {
            SQL_DATE_STRUCT d{};
            if (!read_fixed(stmt, number, SQL_C_TYPE_DATE, d, connection)) return Value();
            return Value(Date{d.year, d.month, d.day});
        }
        case SQL_TYPE_TIMESTAMP:
        case SQL_TIMESTAMP: {
            SQL_TIMESTAMP_STRUCT t{};
            if (!read_fixed(stmt, number, SQL_C_TYPE_TIMESTAMP, t, connection)) return Value();
            return Value(DateTime{Date{t.year, t.month, t.day},
                                  Time{t.hour, t.minute, t.second, t.fraction / 1000u, std::nullopt}});
        }
        case SQL_TYPE_TIME:
        case SQL_TIME: {
            std::string text;
            if (read_ascii(stmt, number, buffer, connection, text).is_null()) return Value();
            try {
                return Value(Time::parse(text));
            } catch (const DataError&) {
                return Value(text);  // a form Time does not read: the driver's text is still exact
            }
        }
        case SQL_BINARY:
        case SQL_VARBINARY:
        case SQL_LONGVARBINARY: {
            std::string raw;
            if (!read_chunks(stmt, number, SQL_C_BINARY, 0, buffer, raw, connection)) return Value();
            return Value(Bytes(raw.begin(), raw.end()));
        }
        default: {
            std::string narrow;
            Value text = connection.wide() ? read_text(stmt, number, buffer, connection)
                                        : read_ascii(stmt, number, buffer, connection, narrow);
            if (info.boolean_text && !text.is_null()) {
                const std::string& s = text.as_string();
                if (s == "1" || sdk::ascii_iequals(s, "t") || sdk::ascii_iequals(s, "true")) return Value(true);
                if (s == "0" || sdk::ascii_iequals(s, "f") || sdk::ascii_iequals(s, "false")) return Value(false);
            }
            return text;
        }
    }
}

}  // namespace athanor::odbc::detail
