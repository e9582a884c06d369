// Value conversions shared by the type compilers' bind and result processors.
#include <athanor/errors.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/types.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace athanor::sql::processors {

namespace {

bool is_text(const Value& v) { return v.kind() == Value::Kind::text; }

std::string quote_text(std::string_view text) {
    std::string s(text.substr(0, 80));
    if (text.size() > 80) s += "...";
    return "'" + s + "'";
}

/// 32 lowercase hex digits, or "" when `text` is not a UUID.
std::string uuid_hex(std::string_view text) {
    if (text.size() >= 2 && text.front() == '{' && text.back() == '}') text = text.substr(1, text.size() - 2);
    std::string hex;
    hex.reserve(32);
    for (char c : text) {
        if (c == '-') continue;
        if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
        hex += sdk::ascii_lower(c);
    }
    return hex.size() == 32 ? hex : std::string();
}

std::string bytes_hex(const Bytes& b) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto byte : b) {
        out += digits[byte >> 4];
        out += digits[byte & 15];
    }
    return out;
}

/// Pads the fraction of a plain decimal text to `scale` digits ("12" -> "12.00").
std::string pad_scale(std::string text, int scale) {
    if (scale <= 0) return text;
    if (text.find_first_not_of("+-0123456789.") != std::string::npos) return text;  // NaN, Infinity
    const auto dot = text.find('.');
    const int have = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
    if (dot == std::string::npos) text += '.';
    if (have < scale) text.append(static_cast<std::size_t>(scale - have), '0');
    return text;
}

}  // namespace

Value to_iso_text(Value v) {
    switch (v.kind()) {
        case Value::Kind::date: return Value(std::get<athanor::Date>(v.storage()).iso());
        case Value::Kind::time: return Value(std::get<athanor::Time>(v.storage()).iso());
        case Value::Kind::datetime: return Value(std::get<athanor::DateTime>(v.storage()).iso());
        case Value::Kind::interval: return Value(std::get<athanor::Interval>(v.storage()).iso());
        default: return v;
    }
}

Value bool_to_int(Value v) {
    if (v.kind() == Value::Kind::boolean) return Value(std::int64_t{std::get<bool>(v.storage()) ? 1 : 0});
    return v;
}

Value to_bool(Value v) {
    switch (v.kind()) {
        case Value::Kind::integer: return Value(std::get<std::int64_t>(v.storage()) != 0);
        case Value::Kind::floating: return Value(std::get<double>(v.storage()) != 0.0);
        case Value::Kind::text: {
            const std::string s = sdk::ascii_lower(std::get<std::string>(v.storage()));
            if (s == "1" || s == "true" || s == "t") return Value(true);
            if (s == "0" || s == "false" || s == "f") return Value(false);
            throw DataError("cannot read " + quote_text(s) + " as a boolean; a Boolean column holds 0/1 or true/false");
        }
        default: return v;
    }
}

Value to_date(Value v) {
    if (is_text(v)) return Value(athanor::DateTime::parse(std::get<std::string>(v.storage())).date);
    if (v.kind() == Value::Kind::datetime) return Value(std::get<athanor::DateTime>(v.storage()).date);
    return v;
}

Value datetime_to_date(Value v) {
    if (v.kind() == Value::Kind::datetime) return Value(std::get<athanor::DateTime>(v.storage()).date);
    return v;
}

Value to_time(Value v) {
    if (is_text(v)) {
        const auto& s = std::get<std::string>(v.storage());
        // A date-time text (YYYY-MM-DD ...) keeps its time part.
        if (s.size() >= 10 && s[4] == '-' && s[7] == '-') return Value(athanor::DateTime::parse(s).time);
        return Value(athanor::Time::parse(s));
    }
    if (v.kind() == Value::Kind::datetime) return Value(std::get<athanor::DateTime>(v.storage()).time);
    return v;
}

Value to_datetime(Value v) {
    if (is_text(v)) return Value(athanor::DateTime::parse(std::get<std::string>(v.storage())));
    if (v.kind() == Value::Kind::date) return Value(athanor::DateTime{std::get<athanor::Date>(v.storage()), {}});
    return v;
}

athanor::Interval parse_interval(std::string_view text) {
    const auto bad = [&](const char* why) -> DataError {
        return DataError("cannot read " + quote_text(text) + " as an interval (" + why +
                         "); expected an ISO 8601 duration such as P1Y2M3DT4H5M6.5S");
    };
    athanor::Interval out;
    std::size_t i = 0;
    bool negate_all = false;
    if (i < text.size() && text[i] == '-') {  // "-P1D" negates every part
        negate_all = true;
        ++i;
    }
    if (i >= text.size() || (text[i] != 'P' && text[i] != 'p')) throw bad("no leading P");
    ++i;
    bool in_time = false, any = false;
    while (i < text.size()) {
        if (text[i] == 'T' || text[i] == 't') {
            if (in_time) throw bad("two T separators");
            in_time = true;
            ++i;
            continue;
        }
        bool negative = false;
        if (text[i] == '-' || text[i] == '+') negative = text[i++] == '-';
        std::uint64_t whole = 0;
        const auto* begin = text.data() + i;
        const auto [ptr, ec] = std::from_chars(begin, text.data() + text.size(), whole);
        if (ec != std::errc() || ptr == begin) throw bad("a number is missing");
        i = static_cast<std::size_t>(ptr - text.data());
        std::uint64_t micros = 0;
        bool fraction = false;
        if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
            fraction = true;
            ++i;
            int digits = 0;
            while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
                if (digits < 6) micros = micros * 10 + static_cast<std::uint64_t>(text[i] - '0');
                ++digits;
                ++i;
            }
            if (digits == 0) throw bad("empty fraction");
            for (; digits < 6; ++digits) micros *= 10;
        }
        if (i >= text.size()) throw bad("a unit is missing");
        const char unit = sdk::ascii_upper(text[i++]);
        if (fraction && !(in_time && unit == 'S')) throw bad("only seconds may have a fraction");
        // Every step is overflow-checked: an interval beyond 64-bit months, days or
        // microseconds is a DataError, never a wrapped value.
        const auto add_scaled = [&](std::int64_t& field, std::uint64_t count, std::int64_t per_unit,
                                    std::int64_t extra = 0) {
            std::int64_t product = 0, amount = 0;
            if (count > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
                __builtin_mul_overflow(static_cast<std::int64_t>(count), per_unit, &product) ||
                __builtin_add_overflow(product, extra, &amount) ||
                (negative && amount == std::numeric_limits<std::int64_t>::min()) ||
                __builtin_add_overflow(field, negative ? -amount : amount, &field))
                throw bad("out of range");
        };
        if (!in_time) {
            if (unit == 'Y') add_scaled(out.months, whole, 12);
            else if (unit == 'M') add_scaled(out.months, whole, 1);
            else if (unit == 'W') add_scaled(out.days, whole, 7);
            else if (unit == 'D') add_scaled(out.days, whole, 1);
            else throw bad("unknown date unit");
        } else {
            if (unit == 'H') add_scaled(out.microseconds, whole, 3'600'000'000LL);
            else if (unit == 'M') add_scaled(out.microseconds, whole, 60'000'000LL);
            else if (unit == 'S') add_scaled(out.microseconds, whole, 1'000'000LL, static_cast<std::int64_t>(micros));
            else throw bad("unknown time unit");
        }
        any = true;
    }
    if (!any) throw bad("no parts");
    if (negate_all) {
        constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
        if (out.months == lowest || out.days == lowest || out.microseconds == lowest) throw bad("out of range");
        out.months = -out.months;
        out.days = -out.days;
        out.microseconds = -out.microseconds;
    }
    return out;
}

Value to_interval(Value v) {
    if (is_text(v)) return Value(parse_interval(std::get<std::string>(v.storage())));
    return v;
}

Value to_decimal(Value v, std::optional<int> scale) {
    switch (v.kind()) {
        case Value::Kind::integer: {
            const auto text = std::to_string(std::get<std::int64_t>(v.storage()));
            return Value(athanor::Decimal(scale ? pad_scale(text, *scale) : text));
        }
        case Value::Kind::floating: {
            const double d = std::get<double>(v.storage());
            if (std::isnan(d)) return Value(athanor::Decimal("NaN"));
            if (std::isinf(d)) return Value(athanor::Decimal(d > 0 ? "Infinity" : "-Infinity"));
            if (scale) {
                char buf[400];
                std::snprintf(buf, sizeof buf, "%.*f", *scale, d);
                return Value(athanor::Decimal(buf));
            }
            return Value(v.as_decimal());
        }
        case Value::Kind::text: {
            const auto& s = std::get<std::string>(v.storage());
            return Value(athanor::Decimal(scale ? pad_scale(s, *scale) : s));
        }
        case Value::Kind::decimal:
            if (scale) return Value(athanor::Decimal(pad_scale(std::get<athanor::Decimal>(v.storage()).str(), *scale)));
            return v;
        default: return v;
    }
}

Value to_double(Value v) {
    if (v.kind() == Value::Kind::integer) return Value(static_cast<double>(std::get<std::int64_t>(v.storage())));
    if (v.kind() == Value::Kind::decimal) return Value(std::get<athanor::Decimal>(v.storage()).to_double());
    return v;
}

Value to_bytes(Value v) {
    if (!is_text(v)) return v;
    const auto& s = std::get<std::string>(v.storage());
    return Value(Bytes(s.begin(), s.end()));
}

Value uuid_to_hex(Value v) {
    if (is_text(v)) {
        const auto& s = std::get<std::string>(v.storage());
        auto hex = uuid_hex(s);
        if (hex.empty())
            throw DataError("invalid UUID " + quote_text(s) +
                            " for a Uuid column; give 32 hex digits, optionally dashed as 8-4-4-4-12");
        return Value(std::move(hex));
    }
    if (v.kind() == Value::Kind::bytes) {
        const auto& b = std::get<Bytes>(v.storage());
        if (b.size() != 16)
            throw DataError("a UUID given as bytes must have 16 of them (got " + std::to_string(b.size()) + ")");
        return Value(bytes_hex(b));
    }
    if (!v.is_null())
        throw DataError(std::string("cannot bind a ") + Value::kind_name(v.kind()) +
                        " value to a Uuid column; give the UUID as text");
    return v;
}

Value uuid_to_canonical(Value v) {
    std::string hex;
    if (is_text(v)) {
        hex = uuid_hex(std::get<std::string>(v.storage()));
        if (hex.empty()) throw DataError("the database returned " + quote_text(std::get<std::string>(v.storage())) +
                                         " for a Uuid column, which is not a UUID");
    } else if (v.kind() == Value::Kind::bytes && std::get<Bytes>(v.storage()).size() == 16) {
        hex = bytes_hex(std::get<Bytes>(v.storage()));
    } else {
        return v;
    }
    return Value(hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' + hex.substr(16, 4) + '-' +
                 hex.substr(20));
}

Value json_serialize(Value v) {
    switch (v.kind()) {
        case Value::Kind::null: return v;
        case Value::Kind::text: {
            const auto& s = std::get<std::string>(v.storage());
            if (!nlohmann::json::accept(s))
                throw DataError("invalid JSON " + quote_text(s) +
                                " for a JSON column; give JSON text (a string value needs its quotes: \"\\\"abc\\\"\")");
            return v;
        }
        case Value::Kind::boolean: return Value(std::string(std::get<bool>(v.storage()) ? "true" : "false"));
        case Value::Kind::integer: return Value(std::to_string(std::get<std::int64_t>(v.storage())));
        case Value::Kind::floating: {
            const double d = std::get<double>(v.storage());
            if (!std::isfinite(d)) throw DataError("JSON has no representation for " + Value(d).repr());
            return Value(nlohmann::json(d).dump());
        }
        case Value::Kind::decimal: {
            const auto& s = std::get<athanor::Decimal>(v.storage()).str();
            if (!nlohmann::json::accept(s)) throw DataError("JSON has no representation for the decimal " + s);
            return Value(s);
        }
        case Value::Kind::date:
        case Value::Kind::time:
        case Value::Kind::datetime:
        case Value::Kind::interval: return Value(nlohmann::json(to_iso_text(v).as_string()).dump());
        case Value::Kind::bytes: break;
    }
    throw DataError("cannot store bytes in a JSON column; encode them (e.g. base64) into a JSON string first");
}

std::vector<Value> json_path_elements(std::string_view json_array_text) {
    const auto doc = nlohmann::json::parse(json_array_text, nullptr, false);
    if (!doc.is_array())
        throw DataError("a JSON path is a JSON array of keys and indexes, not " + quote_text(std::string(json_array_text)));
    std::vector<Value> out;
    for (const auto& e : doc) {
        if (e.is_string()) out.emplace_back(e.get<std::string>());
        else if (e.is_number_integer()) out.emplace_back(e.get<std::int64_t>());
        else throw DataError("a JSON path element is a key or an index, not " + e.dump());
    }
    return out;
}

Value json_serialize_null_as_json(Value v) {
    if (v.is_null()) return Value(std::string("null"));
    return json_serialize(std::move(v));
}

Value json_from_result(Value v) {
    if (v.kind() == Value::Kind::integer) return Value(std::to_string(std::get<std::int64_t>(v.storage())));
    if (v.kind() == Value::Kind::floating) return Value(nlohmann::json(std::get<double>(v.storage())).dump());
    return v;
}

Processor enum_validator(std::vector<std::string> values, std::string type_name) {
    return [values = std::move(values), type_name = std::move(type_name)](Value v) -> Value {
        if (v.is_null()) return v;
        if (is_text(v) && std::find(values.begin(), values.end(), std::get<std::string>(v.storage())) != values.end())
            return v;
        std::string allowed;
        for (const auto& a : values) allowed += (allowed.empty() ? "'" : ", '") + a + "'";
        throw DataError(v.repr() + " is not among the values of " + type_name + "; use one of " + allowed);
    };
}

}  // namespace athanor::sql::processors
