// Standard and Mimer vendor SQL type codes.
#include "mimer_odbc_types.hpp"

#include <athanor/sql/types.hpp>

#include <sql.h>
#include <sqlext.h>

namespace athanor::mimer {

namespace {

// Mimer C API type codes (MimerPy mimerapi.py): BOOLEAN 42, BLOB 57, CLOB 58, NCLOB 59,
// BUILTIN.UUID 8104. CLOB is read as wide text like NCLOB: the transport converts either to UTF-8.
constexpr short mimer_boolean = 42, mimer_blob = 57, mimer_clob = 58, mimer_nclob = 59, mimer_uuid = 8104;

bool standard(short code) {
    switch (code) {
        case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR: case SQL_WCHAR: case SQL_WVARCHAR:
        case SQL_WLONGVARCHAR: case SQL_DECIMAL: case SQL_NUMERIC: case SQL_SMALLINT: case SQL_INTEGER:
        case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE: case SQL_BIT: case SQL_TINYINT: case SQL_BIGINT:
        case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: case SQL_TYPE_DATE: case SQL_TYPE_TIME:
        case SQL_TYPE_TIMESTAMP: case SQL_GUID:
            return true;
        default:
            return code >= SQL_INTERVAL_YEAR && code <= SQL_INTERVAL_MINUTE_TO_SECOND;
    }
}

}  // namespace

const std::vector<std::pair<short, short>>& vendor_sql_types() {
    static const std::vector<std::pair<short, short>> table = {
        {mimer_boolean, SQL_BIT},
        {mimer_blob, SQL_LONGVARBINARY},
        {mimer_clob, SQL_WLONGVARCHAR},
        {mimer_nclob, SQL_WLONGVARCHAR},
        {mimer_uuid, SQL_GUID},
    };
    return table;
}

std::optional<short> standard_sql_type(short code) {
    if (standard(code)) return code;
    for (const auto& mapping : vendor_sql_types())
        if (mapping.first == code) return mapping.second;
    return std::nullopt;
}

sql::TypePtr generic_type_for_sql_type(short code) {
    if (code == mimer_clob) return types::Text();
    if (code == mimer_uuid) return types::Uuid();
    const auto std_code = standard_sql_type(code);
    if (!std_code) return nullptr;
    switch (*std_code) {
        case SQL_CHAR: case SQL_VARCHAR: return types::String();
        case SQL_LONGVARCHAR: return types::Text();
        case SQL_WCHAR: case SQL_WVARCHAR: return types::Unicode();
        case SQL_WLONGVARCHAR: return types::UnicodeText();
        case SQL_DECIMAL: case SQL_NUMERIC: return types::Numeric();
        case SQL_TINYINT: case SQL_SMALLINT: return types::SmallInteger();
        case SQL_INTEGER: return types::Integer();
        case SQL_BIGINT: return types::BigInteger();
        case SQL_REAL: return types::Float(24);
        case SQL_FLOAT: case SQL_DOUBLE: return types::Double();
        case SQL_BIT: return types::Boolean();
        case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return types::LargeBinary();
        case SQL_TYPE_DATE: return types::Date();
        case SQL_TYPE_TIME: return types::Time();
        case SQL_TYPE_TIMESTAMP: return types::DateTime();
        case SQL_GUID: return types::Uuid();
        default: return types::Interval();  // the interval codes
    }
}

}  // namespace athanor::mimer
