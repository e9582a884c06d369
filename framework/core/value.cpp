// Value, its temporal and decimal payloads and Params. Parsing is hand-written (no locale,
// no <regex>) so that the same text gives the same value on every machine.
#include <athanor/errors.hpp>
#include <athanor/value.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace athanor {

namespace {

// ---------------------------------------------------------------- small text helpers

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `pos`; false when they are not all there.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t n, unsigned& out) {
    if (pos + n > s.size()) return false;
    unsigned v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (!is_digit(c)) return false;
        v = v * 10 + static_cast<unsigned>(c - '0');
    }
    out = v;
    pos += n;
    return true;
}

std::string pad(std::uint64_t v, int width) {
    std::string s = std::to_string(v);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) return 29;
    return days[month - 1];
}

[[noreturn]] void bad_temporal(const char* what, std::string_view text, const std::string& why) {
    throw DataError("invalid " + std::string(what) + " '" + std::string(text) + "': " + why);
}

// Date part at the front of `s`; advances `pos`. Throws DataError mentioning `whole` and `what`.
Date parse_date_at(std::string_view s, std::size_t& pos, std::string_view whole, const char* what) {
    const char* form = "expected YYYY-MM-DD";
    Date d;
    unsigned year = 0, month = 0, day = 0;
    if (!read_digits(s, pos, 4, year) || pos >= s.size() || s[pos] != '-') bad_temporal(what, whole, form);
    ++pos;
    if (!read_digits(s, pos, 2, month) || pos >= s.size() || s[pos] != '-') bad_temporal(what, whole, form);
    ++pos;
    if (!read_digits(s, pos, 2, day)) bad_temporal(what, whole, form);
    d.year = static_cast<int>(year);
    if (month < 1 || month > 12) bad_temporal(what, whole, "month " + std::to_string(month) + " is not 1..12");
    if (day < 1 || day > days_in_month(d.year, month))
        bad_temporal(what, whole,
                     "day " + std::to_string(day) + " does not exist in " + pad(year, 4) + "-" + pad(month, 2));
    d.month = month;
    d.day = day;
    return d;
}

// Time part (with optional fraction and UTC offset) from `pos` to the end of `s`.
Time parse_time_at(std::string_view s, std::size_t pos, std::string_view whole, const char* what) {
    const char* form = "expected HH:MM[:SS[.ffffff]][Z|+HH:MM|-HH:MM]";
    Time t;
    unsigned h = 0, m = 0, sec = 0;
    if (!read_digits(s, pos, 2, h) || pos >= s.size() || s[pos] != ':') bad_temporal(what, whole, form);
    ++pos;
    if (!read_digits(s, pos, 2, m)) bad_temporal(what, whole, form);
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!read_digits(s, pos, 2, sec)) bad_temporal(what, whole, form);
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            std::size_t start = pos;
            std::uint32_t micro = 0;
            while (pos < s.size() && is_digit(s[pos])) {
                // Digits past the sixth (nanoseconds from some servers) are dropped.
                if (pos - start < 6) micro = micro * 10 + static_cast<std::uint32_t>(s[pos] - '0');
                ++pos;
            }
            std::size_t n = pos - start;
            if (n == 0 || n > 9) bad_temporal(what, whole, "the fraction of a second needs 1 to 9 digits");
            for (std::size_t i = n; i < 6; ++i) micro *= 10;
            t.microsecond = micro;
        }
    }
    if (h > 23) bad_temporal(what, whole, "hour " + std::to_string(h) + " is not 0..23");
    if (m > 59) bad_temporal(what, whole, "minute " + std::to_string(m) + " is not 0..59");
    if (sec > 59) bad_temporal(what, whole, "second " + std::to_string(sec) + " is not 0..59");
    t.hour = h;
    t.minute = m;
    t.second = sec;

    if (pos < s.size() && s[pos] == ' ') ++pos;  // "12:00:00 +02:00"
    if (pos == s.size()) return t;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        t.utc_offset_minutes = 0;
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        unsigned oh = 0, om = 0, os = 0;
        if (!read_digits(s, pos, 2, oh)) bad_temporal(what, whole, form);
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            if (!read_digits(s, pos, 2, om)) bad_temporal(what, whole, form);
            if (pos < s.size() && s[pos] == ':') {  // PostgreSQL writes +HH:MM:SS for historic zones
                ++pos;
                if (!read_digits(s, pos, 2, os)) bad_temporal(what, whole, form);
            }
        } else if (pos < s.size() && is_digit(s[pos])) {
            if (!read_digits(s, pos, 2, om)) bad_temporal(what, whole, form);
        }
        if (oh > 23 || om > 59) bad_temporal(what, whole, "the UTC offset is out of range");
        if (os != 0)
            bad_temporal(what, whole, "a UTC offset with seconds cannot be represented (only whole minutes)");
        t.utc_offset_minutes = sign * static_cast<int>(oh * 60 + om);
    } else {
        bad_temporal(what, whole, form);
    }
    if (pos != s.size()) bad_temporal(what, whole, "unexpected text after the time");
    return t;
}

// ---------------------------------------------------------------- decimal helpers

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Beyond this an exponent would make a text of absurd length; no database stores such a number.
constexpr long max_decimal_exponent = 200000;

std::string canonical_decimal(std::string_view text) {
    auto fail = [&](const std::string& why) -> std::string {
        throw DataError("invalid decimal '" + std::string(text) + "': " + why);
    };
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (iequals(s, "nan")) {
        if (text.size() != s.size()) fail("NaN takes no sign");
        return "NaN";
    }
    if (iequals(s, "infinity") || iequals(s, "inf")) return negative ? "-Infinity" : "Infinity";

    std::size_t pos = 0;
    std::string int_digits, frac_digits;
    while (pos < s.size() && is_digit(s[pos])) int_digits += s[pos++];
    bool has_point = false;
    if (pos < s.size() && s[pos] == '.') {
        has_point = true;
        ++pos;
        while (pos < s.size() && is_digit(s[pos])) frac_digits += s[pos++];
    }
    if (int_digits.empty() && frac_digits.empty()) fail("expected [+-]digits[.digits][E[+-]digits]");
    bool has_exponent = false;
    long exponent = 0;
    if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
        has_exponent = true;
        ++pos;
        bool exp_negative = false;
        if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) exp_negative = s[pos++] == '-';
        if (pos >= s.size() || !is_digit(s[pos])) fail("the exponent has no digits");
        while (pos < s.size() && is_digit(s[pos])) {
            exponent = exponent * 10 + (s[pos++] - '0');
            if (exponent > max_decimal_exponent) fail("the exponent is too large");
        }
        if (exp_negative) exponent = -exponent;
    }
    if (pos != s.size()) fail("unexpected character '" + std::string(1, s[pos]) + "'");
    (void)has_point;

    // Value = coefficient (all digits) * 10^(exponent - fraction length); the scale of the
    // plain form written back is what the digits given imply, so trailing zeros survive.
    std::string digits = int_digits + frac_digits;
    long point = static_cast<long>(int_digits.size()) + (has_exponent ? exponent : 0);  // digits left of the point
    std::string ip, fp;
    if (point <= 0) {
        ip = "0";
        fp = std::string(static_cast<std::size_t>(-point), '0') + digits;
    } else if (point >= static_cast<long>(digits.size())) {
        ip = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
    } else {
        ip = digits.substr(0, static_cast<std::size_t>(point));
        fp = digits.substr(static_cast<std::size_t>(point));
    }
    std::size_t nz = ip.find_first_not_of('0');
    ip = nz == std::string::npos ? "0" : ip.substr(nz);
    std::string out = negative ? "-" : "";
    out += ip;
    if (!fp.empty()) out += "." + fp;
    return out;
}

// Shortest text that reads back as the same double.
std::string double_text(double d) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
}

const char* article(const char* noun) {
    switch (noun[0]) {
        case 'a': case 'e': case 'i': case 'o': case 'u': return "an";
        default: return "a";
    }
}

std::string quoted(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

std::string hex(const Bytes& b) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(b.size() * 2);
    for (auto byte : b) {
        out += digits[byte >> 4];
        out += digits[byte & 0xF];
    }
    return out;
}

}  // namespace

// ---------------------------------------------------------------- Date / Time / DateTime

std::string Date::iso() const {
    std::string out;
    if (year < 0) out += '-';
    out += pad(static_cast<std::uint64_t>(year < 0 ? -static_cast<long long>(year) : year), 4);
    out += '-';
    out += pad(month, 2);
    out += '-';
    out += pad(day, 2);
    return out;
}

Date Date::parse(std::string_view text) {
    std::size_t pos = 0;
    Date d = parse_date_at(text, pos, text, "date");
    if (pos != text.size()) bad_temporal("date", text, "unexpected text after YYYY-MM-DD");
    return d;
}

std::string Time::iso() const {
    std::string out = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2);
    if (microsecond != 0) out += "." + pad(microsecond, 6);
    if (utc_offset_minutes) {
        int off = *utc_offset_minutes;
        out += off < 0 ? '-' : '+';
        unsigned a = static_cast<unsigned>(off < 0 ? -off : off);
        out += pad(a / 60, 2) + ":" + pad(a % 60, 2);
    }
    return out;
}

Time Time::parse(std::string_view text) { return parse_time_at(text, 0, text, "time"); }

std::string DateTime::iso() const { return date.iso() + " " + time.iso(); }

DateTime DateTime::parse(std::string_view text) {
    std::size_t pos = 0;
    DateTime dt;
    dt.date = parse_date_at(text, pos, text, "datetime");
    if (pos == text.size()) return dt;
    char sep = text[pos];
    if (sep != ' ' && sep != 'T' && sep != 't')
        bad_temporal("datetime", text, "expected ' ' or 'T' between the date and the time");
    dt.time = parse_time_at(text, pos + 1, text, "datetime");
    return dt;
}

// ---------------------------------------------------------------- Decimal / Interval

Decimal::Decimal(std::string_view text) : text_(canonical_decimal(text)) {}

double Decimal::to_double() const {
    if (text_ == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (text_ == "Infinity") return std::numeric_limits<double>::infinity();
    if (text_ == "-Infinity") return -std::numeric_limits<double>::infinity();
    double d = 0;
    auto r = std::from_chars(text_.data(), text_.data() + text_.size(), d);
    if (r.ec == std::errc::result_out_of_range) {
        // Too large or too small for a double: saturate like strtod does.
        bool tiny = text_.rfind("0.", 0) == 0 || text_.rfind("-0.", 0) == 0;
        double mag = tiny ? 0.0 : std::numeric_limits<double>::infinity();
        return text_[0] == '-' ? -mag : mag;
    }
    return d;
}

std::string Interval::iso() const {
    auto part = [](std::int64_t v, char unit) { return std::to_string(v) + unit; };
    std::string out = "P";
    std::int64_t years = months / 12, rest_months = months % 12;
    if (years != 0) out += part(years, 'Y');
    if (rest_months != 0) out += part(rest_months, 'M');
    if (days != 0) out += part(days, 'D');
    if (microseconds != 0) {
        out += 'T';
        // Magnitude in unsigned arithmetic: INT64_MIN has no positive counterpart.
        bool neg = microseconds < 0;
        std::uint64_t us = neg ? 0 - static_cast<std::uint64_t>(microseconds) : static_cast<std::uint64_t>(microseconds);
        std::string sign = neg ? "-" : "";
        std::uint64_t h = us / 3600000000ULL, m = us / 60000000ULL % 60, s = us / 1000000ULL % 60,
                      frac = us % 1000000ULL;
        if (h != 0) out += sign + std::to_string(h) + 'H';
        if (m != 0) out += sign + std::to_string(m) + 'M';
        if (s != 0 || frac != 0) {
            out += sign + std::to_string(s);
            if (frac != 0) {
                std::string f = pad(frac, 6);
                f.erase(f.find_last_not_of('0') + 1);
                out += "." + f;
            }
            out += 'S';
        }
    }
    if (out == "P") out = "PT0S";
    return out;
}

// ---------------------------------------------------------------- Value

const char* Value::kind_name(Kind k) {
    switch (k) {
        case Kind::null: return "NULL";
        case Kind::boolean: return "boolean";
        case Kind::integer: return "integer";
        case Kind::floating: return "floating-point";
        case Kind::text: return "text";
        case Kind::bytes: return "bytes";
        case Kind::date: return "date";
        case Kind::time: return "time";
        case Kind::datetime: return "datetime";
        case Kind::decimal: return "decimal";
        case Kind::interval: return "interval";
    }
    return "unknown";
}

namespace {
[[noreturn]] void mismatch(Value::Kind have, Value::Kind want, const std::string& detail = {}) {
    const char* have_name = Value::kind_name(have);
    std::string msg = std::string("cannot read ") + article(have_name) + " " + have_name + " value as " +
                      Value::kind_name(want);
    if (have == Value::Kind::null) msg += "; use std::optional<T> to accept NULL";
    if (!detail.empty()) msg += ": " + detail;
    throw ArgumentError(msg);
}
}  // namespace

bool Value::as_bool() const {
    if (auto* b = std::get_if<bool>(&v_)) return *b;
    if (auto* i = std::get_if<std::int64_t>(&v_)) {
        if (*i == 0 || *i == 1) return *i == 1;
        mismatch(kind(), Kind::boolean, "only the integers 0 and 1 read as booleans, not " + std::to_string(*i));
    }
    mismatch(kind(), Kind::boolean);
}

std::int64_t Value::as_int() const {
    if (auto* i = std::get_if<std::int64_t>(&v_)) return *i;
    if (auto* b = std::get_if<bool>(&v_)) return *b ? 1 : 0;
    if (auto* d = std::get_if<Decimal>(&v_)) {
        const std::string& s = d->str();
        std::size_t point = s.find('.');
        bool integral = point == std::string::npos || s.find_first_not_of('0', point + 1) == std::string::npos;
        std::string whole = s.substr(0, point);
        std::int64_t out = 0;
        auto r = std::from_chars(whole.data(), whole.data() + whole.size(), out);
        if (!integral || r.ec != std::errc() || r.ptr != whole.data() + whole.size()) {
            std::string why = !integral ? "it has a fraction"
                              : r.ec == std::errc::result_out_of_range ? "it is outside the 64-bit integer range"
                                                                        : "it is not a number";
            mismatch(kind(), Kind::integer, "decimal " + s + " is not a whole number that fits: " + why +
                                                "; read it with get<athanor::Decimal>() or get<double>()");
        }
        return out;
    }
    mismatch(kind(), Kind::integer);
}

double Value::as_double() const {
    if (auto* d = std::get_if<double>(&v_)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
    if (auto* d = std::get_if<Decimal>(&v_)) return d->to_double();
    mismatch(kind(), Kind::floating);
}

const std::string& Value::as_string() const {
    if (auto* s = std::get_if<std::string>(&v_)) return *s;
    mismatch(kind(), Kind::text, is_null() ? "" : "use to_string() for a textual rendering of any value");
}

const Bytes& Value::as_bytes() const {
    if (auto* b = std::get_if<Bytes>(&v_)) return *b;
    mismatch(kind(), Kind::bytes);
}

Date Value::as_date() const {
    if (auto* d = std::get_if<Date>(&v_)) return *d;
    if (auto* s = std::get_if<std::string>(&v_)) return Date::parse(*s);
    mismatch(kind(), Kind::date);
}

Time Value::as_time() const {
    if (auto* t = std::get_if<Time>(&v_)) return *t;
    if (auto* s = std::get_if<std::string>(&v_)) return Time::parse(*s);
    mismatch(kind(), Kind::time);
}

DateTime Value::as_datetime() const {
    if (auto* t = std::get_if<DateTime>(&v_)) return *t;
    if (auto* s = std::get_if<std::string>(&v_)) return DateTime::parse(*s);
    mismatch(kind(), Kind::datetime);
}

Decimal Value::as_decimal() const {
    if (auto* d = std::get_if<Decimal>(&v_)) return *d;
    if (auto* i = std::get_if<std::int64_t>(&v_)) return Decimal(std::to_string(*i));
    if (auto* s = std::get_if<std::string>(&v_)) return Decimal(*s);
    if (auto* d = std::get_if<double>(&v_)) {
        if (std::isnan(*d)) return Decimal("NaN");
        return Decimal(double_text(*d));
    }
    mismatch(kind(), Kind::decimal);
}

Interval Value::as_interval() const {
    if (auto* i = std::get_if<Interval>(&v_)) return *i;
    mismatch(kind(), Kind::interval);
}

std::string Value::to_string() const {
    struct Visitor {
        std::string operator()(const Null&) const { return "NULL"; }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return double_text(d); }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const Bytes& b) const { return "X'" + hex(b) + "'"; }
        std::string operator()(const Date& d) const { return d.iso(); }
        std::string operator()(const Time& t) const { return t.iso(); }
        std::string operator()(const DateTime& t) const { return t.iso(); }
        std::string operator()(const Decimal& d) const { return d.str(); }
        std::string operator()(const Interval& i) const { return i.iso(); }
    };
    return std::visit(Visitor{}, v_);
}

std::string Value::repr() const {
    switch (kind()) {
        case Kind::text:
        case Kind::date:
        case Kind::time:
        case Kind::datetime:
        case Kind::interval: return quoted(to_string());
        case Kind::floating: {
            // Keep a double recognisable next to an integer: 1.0, not 1.
            std::string s = to_string();
            if (s.find_first_of(".eni") == std::string::npos) s += ".0";
            return s;
        }
        default: return to_string();
    }
}

namespace detail {
void throw_null_access(const char* wanted) {
    throw ArgumentError(std::string("cannot read a NULL value as ") + wanted +
                        "; use get<std::optional<" + wanted + ">>() to accept NULL");
}

void throw_unsigned_range(std::uint64_t value) {
    throw ArgumentError("unsigned integer " + std::to_string(value) +
                        " is above 9223372036854775807, the largest integer a Value holds (64-bit signed); "
                        "pass it as athanor::Decimal(\"" + std::to_string(value) + "\") or as text");
}

void throw_integer_range(std::int64_t value, const char* wanted) {
    throw ArgumentError("integer value " + std::to_string(value) + " does not fit in " + wanted +
                        "; read it as std::int64_t");
}
}  // namespace detail

// ---------------------------------------------------------------- in-place setters

void Value::set_text(std::string_view text) {
    if (auto* s = std::get_if<std::string>(&v_))
        s->assign(text.data(), text.size());
    else
        v_.emplace<std::string>(text);
}

void Value::set_bytes(const std::uint8_t* data, std::size_t size) {
    if (auto* b = std::get_if<Bytes>(&v_))
        b->assign(data, data + size);
    else
        v_.emplace<Bytes>(data, data + size);
}

// ---------------------------------------------------------------- Params

Params& Params::set(std::string key, Value value) {
    for (auto& item : items_) {
        if (item.first == key) {
            item.second = std::move(value);
            return *this;
        }
    }
    items_.emplace_back(std::move(key), std::move(value));
    return *this;
}

namespace {

/// Sets `key`'s list, replacing an earlier one of the same key.
void put_list(std::vector<std::pair<std::string, ListParam>>& lists, std::string key, ListParam list) {
    for (auto& [name, existing] : lists)
        if (name == key) {
            existing = std::move(list);
            return;
        }
    lists.emplace_back(std::move(key), std::move(list));
}

}  // namespace

Params& Params::set_list(std::string key, std::vector<Value> values) {
    ListParam list{std::move(values), 1, false};
    put_list(lists_, std::move(key), std::move(list));
    return *this;
}

Params& Params::set_tuples(std::string key, const std::vector<std::vector<Value>>& tuples) {
    ListParam list{{}, tuples.empty() ? 0 : tuples.front().size(), true};
    if (!tuples.empty() && list.width == 0)
        throw ArgumentError("Params::set_tuples('" + key + "'): a tuple needs at least one value");
    list.values.reserve(list.width * tuples.size());
    for (std::size_t i = 0; i < tuples.size(); ++i) {
        if (tuples[i].size() != list.width)
            throw ArgumentError("Params::set_tuples('" + key + "'): tuple " + std::to_string(i + 1) + " has " +
                                std::to_string(tuples[i].size()) + " values, the first has " +
                                std::to_string(list.width));
        list.values.insert(list.values.end(), tuples[i].begin(), tuples[i].end());
    }
    put_list(lists_, std::move(key), std::move(list));
    return *this;
}

const ListParam* Params::find_list(std::string_view key) const {
    for (const auto& [name, list] : lists_)
        if (name == key) return &list;
    return nullptr;
}

const Value* Params::find(std::string_view key) const {
    for (const auto& item : items_)
        if (item.first == key) return &item.second;
    return nullptr;
}

}  // namespace athanor
