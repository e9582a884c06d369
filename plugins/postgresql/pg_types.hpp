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
// Parameters are sent as text with type OID 0 (the server infers the type from the
// statement), except bytea, sent in binary format with its length and OID bytea so that
// zero bytes survive. Booleans are 'true'/'false', doubles the shortest exact form,
// dates/times their ISO text, intervals ISO 8601 durations.
//
// Example (inside the plugin):
//   ParameterBuffer buffer;
//   buffer.encode(params);
//   PQexecPrepared(conn, name, buffer.count(), buffer.values(), buffer.lengths(), buffer.formats(), 0);
//   Decoder decode = decoder_for(PQftype(res, 0));
//   Value v = decode(PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0));
#pragma once

#include <athanor/value.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace athanor::postgresql {

using TypeOid = unsigned int;  // libpq's Oid

namespace oid {
inline constexpr TypeOid boolean = 16;
inline constexpr TypeOid bytea = 17;
}  // namespace oid

/// The built-in type's name ("int4", "text", "timestamptz"...), or "oid:NNNN" for others.
std::string type_name_for(TypeOid type);

/// Turns one non-NULL text-format cell into a Value.
using Decoder = Value (*)(const char* text, int length);
Decoder decoder_for(TypeOid type);

/// The type to declare for a parameter when preparing: bytea for Bytes, else 0 (inferred).
TypeOid declared_type(const Value& value);

/// Throws DataError when `value` cannot be sent (text holding a NUL character), naming the
/// parameter's 1-based position. Used before a batch starts, so nothing is half-sent.
void check_sendable(const Value& value, std::size_t position);

/// The libpq arrays for one parameter set. Reused across executions to avoid allocations;
/// the pointers stay valid until the next encode() and borrow from the given Values (bytea).
class ParameterBuffer {
public:
    void encode(std::span<const Value> params);
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
