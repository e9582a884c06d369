// Laying Values out as ODBC parameter buffers (see parameter_binding.hpp for the type map).
#include "parameter_binding.hpp"

#include "utf16.hpp"

#include <athanor/errors.hpp>

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <algorithm>
#include <cstring>

namespace athanor::odbc::detail {

namespace {

static_assert(sizeof(long) == sizeof(SQLLEN), "SQLLEN is a long under 64-bit unixODBC");

/// Parameter kinds that share one buffer layout.
enum class Layout { null, boolean, integer, floating, text, bytes, date, time, time_zoned, datetime, datetime_zoned, decimal, interval };

Layout layout_of(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::null: return Layout::null;
        case Value::Kind::boolean: return Layout::boolean;
        case Value::Kind::integer: return Layout::integer;
        case Value::Kind::floating: return Layout::floating;
        case Value::Kind::text: return Layout::text;
        case Value::Kind::bytes: return Layout::bytes;
        case Value::Kind::date: return Layout::date;
        case Value::Kind::time:
            return std::get<Time>(v.storage()).utc_offset_minutes ? Layout::time_zoned : Layout::time;
        case Value::Kind::datetime:
            return std::get<DateTime>(v.storage()).time.utc_offset_minutes ? Layout::datetime_zoned : Layout::datetime;
        case Value::Kind::decimal: return Layout::decimal;
        case Value::Kind::interval: return Layout::interval;
    }
    return Layout::null;
}

/// The ASCII text a text-laid-out value is sent as.
std::string ascii_text(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::time: return std::get<Time>(v.storage()).iso();
        case Value::Kind::datetime: return std::get<DateTime>(v.storage()).iso();
        case Value::Kind::decimal: return std::get<Decimal>(v.storage()).str();
        case Value::Kind::interval: return std::get<Interval>(v.storage()).iso();
        default: return {};
    }
}

/// Digits before and after the point of a decimal's canonical text.
std::pair<std::size_t, std::size_t> decimal_shape(const std::string& text) {
    std::size_t integer = 0, fraction = 0;
    bool after = false;
    for (char c : text) {
        if (c == '.') after = true;
        else if (c >= '0' && c <= '9') (after ? fraction : integer)++;
    }
    return {integer, fraction};
}

/// ODBC drivers end text at a NUL whatever length they are given (sqlite3odbc and psqlODBC
/// both cut it there), so a text holding one is refused instead of being stored shortened.
void require_no_nul(const std::string& text, std::size_t index, std::size_t row, std::size_t rows) {
    const std::size_t at = text.find('\0');
    if (at == std::string::npos) return;
    throw DataError("text parameter " + std::to_string(index + 1) +
                        (rows > 1 ? " of parameter set " + std::to_string(row + 1) : std::string()) +
                        " holds a NUL character at byte " + std::to_string(at) +
                        "; ODBC drivers end text there, so it would be stored cut short. Remove the NUL, or "
                        "bind the value as athanor::Bytes into a binary column",
                    "22021");
}

}  // namespace

std::optional<ParameterColumn> build_column(sdk::ParameterRows sets, std::size_t index,
                                            std::size_t first, std::size_t count, bool wide_text,
                                            short integer_sql_type) {
    std::optional<Layout> layout;
    for (std::size_t r = first; r < first + count; ++r) {
        const Layout l = layout_of(sets[r][index]);
        if (l == Layout::null) continue;
        if (layout && *layout != l) return std::nullopt;
        layout = l;
    }
    const Layout kind = layout.value_or(Layout::null);

    ParameterColumn col;
    col.indicators.assign(count, SQL_NULL_DATA);
    std::vector<std::u16string> wide;        // text rows, converted once
    std::vector<std::string> ascii;          // time/decimal/interval rows (and UTF-8 text)
    switch (kind) {
        case Layout::null:
            col.c_type = SQL_C_CHAR, col.sql_type = SQL_VARCHAR, col.column_size = 1, col.element_size = 1;
            break;
        case Layout::boolean:
            col.c_type = SQL_C_BIT, col.sql_type = SQL_BIT, col.column_size = 1, col.element_size = 1;
            break;
        case Layout::integer:
            col.c_type = SQL_C_SBIGINT, col.sql_type = integer_sql_type, col.column_size = 19;
            col.element_size = sizeof(std::int64_t);
            break;
        case Layout::floating:
            col.c_type = SQL_C_DOUBLE, col.sql_type = SQL_DOUBLE, col.column_size = 15;
            col.element_size = sizeof(double);
            break;
        case Layout::date:
            col.c_type = SQL_C_TYPE_DATE, col.sql_type = SQL_TYPE_DATE, col.column_size = 10;
            col.element_size = sizeof(SQL_DATE_STRUCT);
            break;
        case Layout::datetime:
            col.c_type = SQL_C_TYPE_TIMESTAMP, col.sql_type = SQL_TYPE_TIMESTAMP, col.column_size = 26;
            col.decimal_digits = 6, col.element_size = sizeof(SQL_TIMESTAMP_STRUCT);
            break;
        case Layout::text: {
            std::size_t longest = 0;
            if (!wide_text) {
                ascii.resize(count);
                for (std::size_t r = 0; r < count; ++r) {
                    const Value& v = sets[first + r][index];
                    if (v.is_null()) continue;
                    require_no_nul(v.as_string(), index, first + r, sets.size());
                    ascii[r] = v.as_string();
                    longest = std::max(longest, ascii[r].size());
                }
                col.c_type = SQL_C_CHAR;
                col.sql_type = longest > 8000 ? SQL_LONGVARCHAR : SQL_VARCHAR;
                col.column_size = std::max<std::size_t>(longest, 1);
                col.element_size = col.column_size;
                break;
            }
            wide.resize(count);
            for (std::size_t r = 0; r < count; ++r) {
                const Value& v = sets[first + r][index];
                if (v.is_null()) continue;
                require_no_nul(v.as_string(), index, first + r, sets.size());
                wide[r] = to_utf16(v.as_string());
                longest = std::max(longest, wide[r].size());
            }
            col.c_type = SQL_C_WCHAR;
            col.sql_type = longest > 4000 ? SQL_WLONGVARCHAR : SQL_WVARCHAR;
            col.column_size = std::max<std::size_t>(longest, 1);
            col.element_size = std::max<std::size_t>(longest, 1) * sizeof(char16_t);
            break;
        }
        case Layout::bytes: {
            std::size_t longest = 0;
            for (std::size_t r = first; r < first + count; ++r)
                if (!sets[r][index].is_null()) longest = std::max(longest, sets[r][index].as_bytes().size());
            col.c_type = SQL_C_BINARY;
            col.sql_type = longest > 8000 ? SQL_LONGVARBINARY : SQL_VARBINARY;
            col.column_size = std::max<std::size_t>(longest, 1);
            col.element_size = col.column_size;
            break;
        }
        case Layout::time:
        case Layout::time_zoned:
        case Layout::datetime_zoned:
        case Layout::decimal:
        case Layout::interval: {
            std::size_t longest = 0, integer = 1, fraction = 0;
            ascii.resize(count);
            for (std::size_t r = 0; r < count; ++r) {
                const Value& v = sets[first + r][index];
                if (v.is_null()) continue;
                ascii[r] = ascii_text(v);
                longest = std::max(longest, ascii[r].size());
                if (kind == Layout::decimal) {
                    const auto [i, f] = decimal_shape(ascii[r]);
                    integer = std::max(integer, i), fraction = std::max(fraction, f);
                }
            }
            col.c_type = SQL_C_CHAR;
            col.element_size = std::max<std::size_t>(longest, 1);
            col.column_size = col.element_size;
            if (kind == Layout::decimal) {
                col.sql_type = SQL_NUMERIC;
                col.column_size = integer + fraction;
                col.decimal_digits = static_cast<short>(fraction);
            } else if (kind == Layout::time) {
                col.sql_type = SQL_TYPE_TIME;
                col.column_size = longest > 8 ? 15 : 8;
                col.decimal_digits = longest > 8 ? 6 : 0;
            } else {
                col.sql_type = SQL_VARCHAR;
            }
            break;
        }
    }

    col.data.assign(count * col.element_size, 0);
    for (std::size_t r = 0; r < count; ++r) {
        const Value& v = sets[first + r][index];
        if (v.is_null()) continue;
        unsigned char* slot = col.data.data() + r * col.element_size;
        long& ind = col.indicators[r];
        switch (kind) {
            case Layout::null: break;
            case Layout::boolean: *slot = v.as_bool() ? 1 : 0, ind = 1; break;
            case Layout::integer: {
                const std::int64_t i = v.as_int();
                std::memcpy(slot, &i, sizeof i), ind = sizeof i;
                break;
            }
            case Layout::floating: {
                const double d = v.as_double();
                std::memcpy(slot, &d, sizeof d), ind = sizeof d;
                break;
            }
            case Layout::date: {
                const Date d = std::get<Date>(v.storage());
                SQL_DATE_STRUCT s{static_cast<SQLSMALLINT>(d.year), static_cast<SQLUSMALLINT>(d.month),
                                  static_cast<SQLUSMALLINT>(d.day)};
                std::memcpy(slot, &s, sizeof s), ind = sizeof s;
                break;
            }
            case Layout::datetime: {
                const DateTime t = std::get<DateTime>(v.storage());
                SQL_TIMESTAMP_STRUCT s{static_cast<SQLSMALLINT>(t.date.year), static_cast<SQLUSMALLINT>(t.date.month),
                                       static_cast<SQLUSMALLINT>(t.date.day),  static_cast<SQLUSMALLINT>(t.time.hour),
                                       static_cast<SQLUSMALLINT>(t.time.minute), static_cast<SQLUSMALLINT>(t.time.second),
                                       static_cast<SQLUINTEGER>(t.time.microsecond * 1000u)};
                std::memcpy(slot, &s, sizeof s), ind = sizeof s;
                break;
            }
            case Layout::text: {
                if (!wide_text) {
                    std::memcpy(slot, ascii[r].data(), ascii[r].size());
                    ind = static_cast<long>(ascii[r].size());
                    break;
                }
                const auto& w = wide[r];
                std::memcpy(slot, w.data(), w.size() * sizeof(char16_t));
                ind = static_cast<long>(w.size() * sizeof(char16_t));
                break;
            }
            case Layout::bytes: {
                const Bytes& b = v.as_bytes();
                if (!b.empty()) std::memcpy(slot, b.data(), b.size());
                ind = static_cast<long>(b.size());
                break;
            }
            default: {
                const auto& a = ascii[r];
                std::memcpy(slot, a.data(), a.size());
                ind = static_cast<long>(a.size());
                break;
            }
        }
    }
    return col;
}

ParameterColumn build_single(const Value& value, bool wide_text, short integer_sql_type) {
    // Viewed as a one-row set: a single code path for every layout.
    const Value* cell = &value;
    return *build_column(sdk::ParameterRows(&cell, 1, 1), 0, 0, 1, wide_text, integer_sql_type);
}

short bind_column(void* stmt, unsigned short number, ParameterColumn& column) {
    return SQLBindParameter(static_cast<SQLHSTMT>(stmt), number, SQL_PARAM_INPUT, column.c_type, column.sql_type,
                            column.column_size, column.decimal_digits, column.data.data(),
                            static_cast<SQLLEN>(column.element_size), column.indicators.data());
}

}  // namespace athanor::odbc::detail
