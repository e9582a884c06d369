// Type OIDs, text-format decoders and parameter encoding.
#include "pg_types.hpp"

#include <athanor/errors.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace athanor::postgresql {

namespace {

// Built-in OIDs from the server's pg_type.dat; they are fixed across versions.
const std::unordered_map<TypeOid, const char*>& builtin_names() {
    static const std::unordered_map<TypeOid, const char*> names = {
        {16, "bool"},        {17, "bytea"},      {18, "char"},       {19, "name"},
        {20, "int8"},        {21, "int2"},       {23, "int4"},       {24, "regproc"},
        {25, "text"},        {26, "oid"},        {114, "json"},      {142, "xml"},
        {600, "point"},      {650, "cidr"},      {700, "float4"},    {701, "float8"},
        {705, "unknown"},    {774, "macaddr8"},  {790, "money"},     {829, "macaddr"},
        {869, "inet"},       {1000, "_bool"},    {1001, "_bytea"},   {1005, "_int2"},
        {1007, "_int4"},     {1009, "_text"},    {1015, "_varchar"}, {1016, "_int8"},
        {1021, "_float4"},   {1022, "_float8"},  {1042, "bpchar"},   {1043, "varchar"},
        {1082, "date"},      {1083, "time"},     {1114, "timestamp"}, {1184, "timestamptz"},
        {1186, "interval"},  {1231, "_numeric"}, {1266, "timetz"},   {1560, "bit"},
        {1562, "varbit"},    {1700, "numeric"},  {2205, "regclass"}, {2249, "record"},
        {2278, "void"},      {2950, "uuid"},     {2951, "_uuid"},    {3614, "tsvector"},
        {3802, "jsonb"},     {3807, "_jsonb"},   {3904, "int4range"}, {4072, "jsonpath"},
    };
    return names;
}

[[noreturn]] void bad_cell(const char* type, std::string_view text) {
    throw DataError("PostgreSQL returned '" + std::string(text.substr(0, 80)) + "' for a " + type +
                    " column, which the plugin cannot read");
}

Value decode_text(const char* text, int length) { return Value(std::string(text, static_cast<std::size_t>(length))); }

Value decode_bool(const char* text, int length) {
    if (length == 1 && (text[0] == 't' || text[0] == 'f')) return Value(text[0] == 't');
    bad_cell("boolean", {text, static_cast<std::size_t>(length)});
}

Value decode_integer(const char* text, int length) {
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text, text + length, v);
    if (ec != std::errc() || ptr != text + length) bad_cell("integer", {text, static_cast<std::size_t>(length)});
    return Value(v);
}

Value decode_float(const char* text, int length) {
    // from_chars reads "Infinity", "-Infinity" and "NaN" as PostgreSQL writes them.
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text, text + length, v);
    if (ptr != text + length || (ec != std::errc() && ec != std::errc::result_out_of_range))
        bad_cell("floating-point", {text, static_cast<std::size_t>(length)});
    return Value(v);
}

Value decode_numeric(const char* text, int length) { return Value(Decimal(std::string_view(text, static_cast<std::size_t>(length)))); }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

Value decode_bytea(const char* text, int length) {
    const std::string_view s(text, static_cast<std::size_t>(length));
    Bytes out;
    if (s.size() >= 2 && s[0] == '\\' && s[1] == 'x') {  // hex output (the default, forced on connect)
        if (s.size() % 2 != 0) bad_cell("bytea", s);
        out.reserve((s.size() - 2) / 2);
        for (std::size_t i = 2; i < s.size(); i += 2) {
            const int hi = hex_digit(s[i]), lo = hex_digit(s[i + 1]);
            if (hi < 0 || lo < 0) bad_cell("bytea", s);
            out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
        }
        return Value(std::move(out));
    }
    // Escape output: "\\" is a backslash, "\ooo" an octal byte, anything else itself.
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out.push_back(static_cast<std::uint8_t>(s[i]));
        } else if (i + 1 < s.size() && s[i + 1] == '\\') {
            out.push_back('\\');
            ++i;
        } else if (i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3') {
            out.push_back(static_cast<std::uint8_t>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0')));
            i += 3;
        } else {
            bad_cell("bytea", s);
        }
    }
    return Value(std::move(out));
}

// The temporal types fall back to the server's text for what Value cannot hold
// ('infinity', '-infinity', BC dates, years past 9999, 24:00:00).
Value decode_date(const char* text, int length) {
    const std::string_view s(text, static_cast<std::size_t>(length));
    try {
        return Value(Date::parse(s));
    } catch (const DataError&) {
        return Value(std::string(s));
    }
}

Value decode_time(const char* text, int length) {
    const std::string_view s(text, static_cast<std::size_t>(length));
    try {
        return Value(Time::parse(s));
    } catch (const DataError&) {
        return Value(std::string(s));
    }
}

Value decode_datetime(const char* text, int length) {
    const std::string_view s(text, static_cast<std::size_t>(length));
    try {
        return Value(DateTime::parse(s));
    } catch (const DataError&) {
        return Value(std::string(s));
    }
}

/// Reads one signed decimal number with an optional fraction, in microunits (x 1e6).
bool read_number(std::string_view s, std::size_t& pos, std::int64_t& whole, std::int64_t& micro) {
    bool negative = false;
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) negative = s[pos++] == '-';
    const std::size_t start = pos;
    whole = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (whole > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return false;
        whole = whole * 10 + (s[pos++] - '0');
    }
    if (pos == start) return false;
    micro = 0;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        std::int64_t scale = 100000;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            micro += (s[pos++] - '0') * scale;
            scale /= 10;
        }
    }
    if (negative) {
        whole = -whole;
        micro = -micro;
    }
    return true;
}

/// total += whole * factor + extra; false (total unspecified) when that leaves int64.
bool add_scaled(std::int64_t& total, std::int64_t whole, std::int64_t factor, std::int64_t extra) {
    std::int64_t part = 0;
    return !__builtin_mul_overflow(whole, factor, &part) && !__builtin_add_overflow(part, extra, &part) &&
           !__builtin_add_overflow(total, part, &total);
}

/// Parses the ISO 8601 form PostgreSQL writes with IntervalStyle iso_8601, e.g.
/// "P1Y2M3DT4H5M6.5S", "P-1Y-2M3DT-4H", "PT0S". Fields may carry their own sign.
bool parse_iso_interval(std::string_view s, Interval& out) {
    if (s.empty() || s[0] != 'P') return false;
    std::size_t pos = 1;
    bool time_part = false;
    bool any = false;
    while (pos < s.size()) {
        if (s[pos] == 'T') {
            if (time_part) return false;
            time_part = true;
            ++pos;
            continue;
        }
        std::int64_t whole = 0, micro = 0;
        if (!read_number(s, pos, whole, micro) || pos >= s.size()) return false;
        const char unit = s[pos++];
        any = true;
        if (!time_part) {
            if (micro != 0) return false;  // the server never writes fractional date fields
            // A sum past int64 is no interval the server writes: kept as text like other styles.
            bool fits = false;
            if (unit == 'Y') fits = add_scaled(out.months, whole, 12, 0);
            else if (unit == 'M') fits = add_scaled(out.months, whole, 1, 0);
            else if (unit == 'W') fits = add_scaled(out.days, whole, 7, 0);
            else if (unit == 'D') fits = add_scaled(out.days, whole, 1, 0);
            if (!fits) return false;
        } else {
            bool fits = false;
            if (unit == 'H') fits = add_scaled(out.microseconds, whole, 3'600'000'000LL, micro * 3600);
            else if (unit == 'M') fits = add_scaled(out.microseconds, whole, 60'000'000LL, micro * 60);
            else if (unit == 'S') fits = add_scaled(out.microseconds, whole, 1'000'000LL, micro);
            if (!fits) return false;
        }
    }
    return any;
}

Value decode_interval(const char* text, int length) {
    const std::string_view s(text, static_cast<std::size_t>(length));
    Interval interval;
    if (parse_iso_interval(s, interval)) return Value(interval);
    return Value(std::string(s));  // another IntervalStyle set by the session: keep the text
}

}  // namespace

std::string type_name_for(TypeOid type) {
    const auto& names = builtin_names();
    if (auto it = names.find(type); it != names.end()) return it->second;
    return "oid:" + std::to_string(type);
}

Decoder decoder_for(TypeOid type) {
    switch (type) {
        case 16: return decode_bool;
        case 20: case 21: case 23: case 26: return decode_integer;
        case 700: case 701: return decode_float;
        case 1700: return decode_numeric;
        case 17: return decode_bytea;
        case 1082: return decode_date;
        case 1083: case 1266: return decode_time;
        case 1114: case 1184: return decode_datetime;
        case 1186: return decode_interval;
        default: return decode_text;  // text types, uuid, json, jsonb, enums, anything unknown
    }
}

TypeOid declared_type(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::boolean: return oid::boolean;
        case Value::Kind::integer: {
            const std::int64_t v = std::get<std::int64_t>(value.storage());
            const bool fits = v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
            return fits ? oid::int4 : oid::int8;
        }
        case Value::Kind::floating: return oid::float8;
        case Value::Kind::bytes: return oid::bytea;
        case Value::Kind::decimal: return oid::numeric;
        case Value::Kind::date: return oid::date;
        case Value::Kind::time:
            return std::get<Time>(value.storage()).utc_offset_minutes ? oid::timetz : oid::time;
        case Value::Kind::datetime:
            return std::get<DateTime>(value.storage()).time.utc_offset_minutes ? oid::timestamptz : oid::timestamp;
        case Value::Kind::interval: return oid::interval;
        case Value::Kind::null:
        case Value::Kind::text: break;
    }
    return oid::unknown;  // text coerces to varchar, json, uuid, enums...; NULL to anything
}

void check_sendable(const Value& value, std::size_t position) {
    if (value.kind() == Value::Kind::text) {
        const auto& s = std::get<std::string>(value.storage());
        if (std::memchr(s.data(), '\0', s.size()) != nullptr)
            throw DataError("parameter " + std::to_string(position) +
                            " is text containing a NUL (0x00) character, which PostgreSQL text cannot store; "
                            "bind it as athanor::Bytes for a bytea column instead");
    } else if (value.kind() == Value::Kind::bytes) {
        if (std::get<Bytes>(value.storage()).size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
            throw DataError("parameter " + std::to_string(position) + " holds more than 2 GiB of bytes, over libpq's limit");
    }
}

void ParameterBuffer::encode(sdk::ParameterRow params) {
    const std::size_t n = params.size();
    text_.resize(n);
    values_.assign(n, nullptr);
    lengths_.assign(n, 0);
    formats_.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::string& t = text_[i];
        t.clear();
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, Null>) {
                    values_[i] = nullptr;
                    return;
                } else if constexpr (std::is_same_v<T, bool>) {
                    t = v ? "true" : "false";
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    char buf[24];
                    t.assign(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
                } else if constexpr (std::is_same_v<T, double>) {
                    if (std::isnan(v)) t = "NaN";
                    else if (std::isinf(v)) t = v < 0 ? "-Infinity" : "Infinity";
                    else {
                        char buf[32];
                        t.assign(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);  // shortest exact form
                    }
                } else if constexpr (std::is_same_v<T, std::string>) {
                    values_[i] = v.c_str();  // text format: libpq reads up to the NUL
                    return;
                } else if constexpr (std::is_same_v<T, Bytes>) {
                    static const char empty = 0;
                    values_[i] = v.empty() ? &empty : reinterpret_cast<const char*>(v.data());
                    lengths_[i] = static_cast<int>(v.size());
                    formats_[i] = 1;
                    return;
                } else if constexpr (std::is_same_v<T, Decimal>) {
                    t = v.str();
                } else {  // Date, Time, DateTime, Interval: ISO 8601, which the server reads
                    t = v.iso();
                }
                values_[i] = t.c_str();
            },
            params[i].storage());
    }
}

}  // namespace athanor::postgresql
