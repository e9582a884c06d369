// pg_types.hpp — the PostgreSQL type map both ways, for libpq's text protocol.
//
// Results come back in text format and are decoded by the column's type OID:
// bool -> boolean; int2/int4/int8/oid -> integer; float4/float8 -> double (Infinity/NaN too);
// numeric -> Decimal (exact); text/varchar/bpchar/name/char -> text; bytea (hex or escape
// output) -> Bytes; date/time/timetz/timestamp/timestamptz -> Date/Time/DateTime (with the
// UTC offset the server printed); interval (IntervalStyle iso_8601) -> Interval; uuid,
// json, jsonb, enums and every other OID -> text. A value the Value types cannot hold
// ('infinity' timestamps, BC dates, year 10000, time 24:00) stays text rather than failing.
//
// Parameters are sent in text format with the type OID of their Value kind, so that the
// server does not have to guess from context ("$1 & $2" needs a type; a boolean must stay a
// boolean through CASE): bool -> bool, integer -> int4 when it fits, else int8 (the
// smallest type the server widens where needed: int4 still passes to a function taking
// integer, such as substr() or round(numeric, int)), double -> float8, Decimal ->
// numeric, Date -> date, Time -> time / timetz (with an offset), DateTime -> timestamp /
// timestamptz (with an offset), Interval -> interval, Bytes -> bytea (binary format, so zero
// bytes survive). Text and NULL are sent as OID 0 (unknown): text then coerces to varchar,
// json, uuid, enums...; NULL takes whatever type the statement gives it. int8 still works
// against int2/int4 columns: comparison operators exist across the integer types and the
// assignment casts narrow (with a range check) on INSERT/UPDATE. Booleans are
// 'true'/'false', doubles the shortest exact form, dates/times their ISO text, intervals
// ISO 8601 durations.
//
// Example (inside the plugin):
//   ParameterBuffer buffer;
//   buffer.encode(params);
//   PQexecPrepared(conn, name, buffer.count(), buffer.values(), buffer.lengths(), buffer.formats(), 0);
//   Decoder decode = decoder_for(PQftype(res, 0));
//   Value v = decode(PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0));
#pragma once

#include <athanor/sdk/parameter_rows.hpp>
#include <athanor/value.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::postgresql {

using TypeOid = unsigned int;  // libpq's Oid

namespace oid {
inline constexpr TypeOid unknown = 0;  // as a declared parameter type: let the server infer it
inline constexpr TypeOid boolean = 16;
inline constexpr TypeOid bytea = 17;
inline constexpr TypeOid int8 = 20;
inline constexpr TypeOid int4 = 23;
inline constexpr TypeOid float8 = 701;
inline constexpr TypeOid date = 1082;
inline constexpr TypeOid time = 1083;
inline constexpr TypeOid timestamp = 1114;
inline constexpr TypeOid timestamptz = 1184;
inline constexpr TypeOid interval = 1186;
inline constexpr TypeOid timetz = 1266;
inline constexpr TypeOid numeric = 1700;
}  // namespace oid

/// The built-in type's name ("int4", "text", "timestamptz"...), or "oid:NNNN" for others.
std::string type_name_for(TypeOid type);

/// Turns one non-NULL text-format cell into a Value.
using Decoder = Value (*)(const char* text, int length);
Decoder decoder_for(TypeOid type);

/// The type to declare for a parameter when preparing (see above): 0 for text and NULL.
TypeOid declared_type(const Value& value);

/// Throws DataError when `value` cannot be sent (text holding a NUL character), naming the
/// parameter's 1-based position. Used before a batch starts, so nothing is half-sent.
void check_sendable(const Value& value, std::size_t position);

/// The libpq arrays for one parameter set. Reused across executions to avoid allocations;
/// the pointers stay valid until the next encode() and borrow from the given Values (bytea).
class ParameterBuffer {
public:
    void encode(sdk::ParameterRow params);
    int count() const { return static_cast<int>(values_.size()); }
    const char* const* values() const { return values_.data(); }
    const int* lengths() const { return lengths_.data(); }
    const int* formats() const { return formats_.data(); }

private:
    std::vector<std::string> text_;
    std::vector<const char*> values_;
    std::vector<int> lengths_;
    std::vector<int> formats_;
};

}  // namespace athanor::postgresql
