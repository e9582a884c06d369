// athanor/value.hpp — the one value type that crosses every boundary.
//
// A Value holds SQL NULL or one of: boolean, 64-bit integer, double, text (UTF-8),
// bytes, Date, Time, DateTime, exact Decimal, Interval. Bound parameters, fetched
// cells and literal values are all Values, so drivers, the compiler and user code
// speak the same language.
//
// Usage:
//   athanor::Value v = 42;                    // integer
//   athanor::Value s = "Alex";                // text
//   athanor::Value n;                         // NULL
//   athanor::Value d = athanor::Decimal("12.50");
//   std::int64_t i = v.get<std::int64_t>();   // typed access, throws ArgumentError on a mismatch
//   std::optional<std::string> o = n.get<std::optional<std::string>>();  // NULL -> nullopt
#pragma once

#include <athanor/export.hpp>

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace athanor {

/// Raw binary data (BLOB / BYTEA / VARBINARY).
using Bytes = std::vector<std::uint8_t>;

/// A calendar date (proleptic Gregorian), no time zone.
struct ATHANOR_API Date {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;

    /// "YYYY-MM-DD"
    std::string iso() const;
    /// Parses "YYYY-MM-DD"; throws DataError on anything else.
    static Date parse(std::string_view text);
    auto operator<=>(const Date&) const = default;
};

/// A time of day with microseconds and an optional UTC offset (minutes east of UTC).
struct ATHANOR_API Time {
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    std::uint32_t microsecond = 0;
    std::optional<int> utc_offset_minutes;  // nullopt: no time zone

    /// "HH:MM:SS[.ffffff][+HH:MM]"
    std::string iso() const;
    /// Parses the form iso() writes (fraction and offset optional; "Z" accepted).
    static Time parse(std::string_view text);
    auto operator<=>(const Time&) const = default;
};

/// A date and a time; the time zone, if any, is in `time.utc_offset_minutes`.
struct ATHANOR_API DateTime {
    Date date;
    Time time;

    /// "YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]"
    std::string iso() const;
    /// Parses iso() form; accepts 'T' as the separator and a date alone.
    static DateTime parse(std::string_view text);
    auto operator<=>(const DateTime&) const = default;
};

/// An exact decimal number kept as its canonical decimal text, so no digit is lost
/// between the database and the program ("-12.3400" stays "-12.3400").
class ATHANOR_API Decimal {
public:
    Decimal() : text_("0") {}
    /// Validates `[+-]digits[.digits]` or an exponent form, and canonicalises it: exponents
    /// are expanded ("1.5E+3" -> "1500", "25E-4" -> "0.0025"), a leading '+' and leading
    /// zeros go (".5" -> "0.5"), trailing zeros of the plain form stay ("12.50"), "-0" keeps
    /// its sign. "NaN", "Infinity" and "-Infinity" (any case) are accepted, as PostgreSQL's
    /// numeric has them. Throws DataError quoting `text` otherwise.
    explicit Decimal(std::string_view text);
    const std::string& str() const { return text_; }
    double to_double() const;
    bool operator==(const Decimal& other) const { return text_ == other.text_; }

private:
    std::string text_;
};

/// A span of time: months, days and microseconds kept apart as SQL does.
struct ATHANOR_API Interval {
    std::int64_t months = 0;
    std::int64_t days = 0;
    std::int64_t microseconds = 0;

    /// ISO 8601 duration, e.g. "P1M2DT3.5S"
    std::string iso() const;
    bool operator==(const Interval&) const = default;
};

/// SQL NULL.
struct Null {
    bool operator==(const Null&) const = default;
};
inline constexpr Null null{};

namespace detail {
/// An unsigned integer above INT64_MAX was given to Value (which holds 64-bit signed integers).
[[noreturn]] ATHANOR_API void throw_unsigned_range(std::uint64_t value);
}  // namespace detail

class ATHANOR_API Value {
public:
    enum class Kind { null, boolean, integer, floating, text, bytes, date, time, datetime, decimal, interval };

    Value() = default;
    Value(Null) {}
    Value(std::nullopt_t) {}
    Value(bool b) : v_(b) {}
    /// Any integer type; an unsigned value above INT64_MAX throws ArgumentError (it would
    /// otherwise turn into a negative number).
    template <class I>
        requires(std::is_integral_v<I> && !std::is_same_v<I, bool> && !std::is_same_v<I, char>)
    Value(I i) : v_(to_int64(i)) {}
    Value(float d) : v_(static_cast<double>(d)) {}
    Value(double d) : v_(d) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(std::string_view s) : v_(std::string(s)) {}
    Value(Bytes b) : v_(std::move(b)) {}
    Value(Date d) : v_(d) {}
    Value(Time t) : v_(t) {}
    Value(DateTime t) : v_(t) {}
    Value(Decimal d) : v_(std::move(d)) {}
    Value(Interval i) : v_(i) {}
    template <class T>
    Value(const std::optional<T>& o) {
        if (o) *this = Value(*o);
    }

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool is_null() const { return v_.index() == 0; }
    /// "NULL", "boolean", "integer", ... — used in error messages.
    static const char* kind_name(Kind k);

    // Strict accessors with a few lossless conversions drivers need. A kind that does not
    // convert throws ArgumentError naming both kinds ("cannot read a text value as integer");
    // text that should hold a date/time/number but does not throws DataError quoting it.
    bool as_bool() const;               // integer 0/1 also accepted (SQLite, ODBC)
    std::int64_t as_int() const;        // boolean accepted; decimal without fraction accepted
    double as_double() const;           // integer and decimal accepted
    const std::string& as_string() const;
    const Bytes& as_bytes() const;      // strict
    Date as_date() const;               // ISO text accepted (SQLite stores dates as text)
    Time as_time() const;               // ISO text accepted
    DateTime as_datetime() const;       // ISO text accepted
    Decimal as_decimal() const;         // integer, numeric text and double (shortest form) accepted
    Interval as_interval() const;

    /// Typed access; std::optional<T> maps NULL to nullopt, any other T throws on NULL.
    /// Integer types narrower than 64 bits throw ArgumentError when the value does not fit.
    template <class T>
    T get() const;

    /// Human-readable rendering for logs and tables: 'text' quoted, NULL, X'ab01', ...
    std::string repr() const;
    /// Rendering without quotes, for table output (NULL stays "NULL").
    std::string to_string() const;

    bool operator==(const Value& other) const = default;

    using Storage = std::variant<Null, bool, std::int64_t, double, std::string, Bytes, Date, Time, DateTime,
                                 Decimal, Interval>;
    const Storage& storage() const { return v_; }

    // In-place setters for drivers that fill a reused row buffer: a cell that already holds
    // text (or bytes) keeps its allocation and only copies the new content, so reading row
    // after row into the same vector allocates nothing once the buffers are large enough.
    // Any other kind is replaced. Application code can simply assign a Value instead.
    /// Makes this a text value equal to `text`, reusing the current string's capacity.
    void set_text(std::string_view text);
    /// Makes this a bytes value holding `size` bytes from `data`, reusing the current capacity.
    void set_bytes(const std::uint8_t* data, std::size_t size);
    /// Makes this NULL.
    void set_null() { v_.emplace<Null>(); }

private:
    template <class I>
    static std::int64_t to_int64(I i) {
        if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t)) {
            if (i > static_cast<I>(std::numeric_limits<std::int64_t>::max()))
                detail::throw_unsigned_range(static_cast<std::uint64_t>(i));
        }
        return static_cast<std::int64_t>(i);
    }

    Storage v_;
};

namespace detail {
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

/// The C++ spelling of T for error messages (typeid names are mangled).
template <class T>
constexpr const char* type_name() {
    if constexpr (std::is_same_v<T, bool>) return "bool";
    else if constexpr (std::is_same_v<T, std::int64_t>) return "std::int64_t";
    else if constexpr (std::is_same_v<T, std::uint64_t>) return "std::uint64_t";
    else if constexpr (std::is_same_v<T, std::int32_t>) return "std::int32_t";
    else if constexpr (std::is_same_v<T, std::uint32_t>) return "std::uint32_t";
    else if constexpr (std::is_same_v<T, std::int16_t>) return "std::int16_t";
    else if constexpr (std::is_same_v<T, std::uint16_t>) return "std::uint16_t";
    else if constexpr (std::is_same_v<T, std::int8_t>) return "std::int8_t";
    else if constexpr (std::is_same_v<T, std::uint8_t>) return "std::uint8_t";
    else if constexpr (std::is_same_v<T, long long>) return "long long";
    else if constexpr (std::is_same_v<T, unsigned long long>) return "unsigned long long";
    else if constexpr (std::is_integral_v<T>) return std::is_signed_v<T> ? "signed integer" : "unsigned integer";
    else if constexpr (std::is_same_v<T, double>) return "double";
    else if constexpr (std::is_same_v<T, float>) return "float";
    else if constexpr (std::is_floating_point_v<T>) return "a floating-point type";
    else if constexpr (std::is_same_v<T, std::string>) return "std::string";
    else if constexpr (std::is_same_v<T, Bytes>) return "athanor::Bytes";
    else if constexpr (std::is_same_v<T, Date>) return "athanor::Date";
    else if constexpr (std::is_same_v<T, Time>) return "athanor::Time";
    else if constexpr (std::is_same_v<T, DateTime>) return "athanor::DateTime";
    else if constexpr (std::is_same_v<T, Decimal>) return "athanor::Decimal";
    else if constexpr (std::is_same_v<T, Interval>) return "athanor::Interval";
    else return "the requested type";
}

[[noreturn]] ATHANOR_API void throw_null_access(const char* wanted);
/// `value` does not fit the integer type `wanted` (get<int>() of 2^40, get<unsigned>() of -1).
[[noreturn]] ATHANOR_API void throw_integer_range(std::int64_t value, const char* wanted);

template <class T>
T narrow_integer(std::int64_t value) {
    if constexpr (std::is_signed_v<T>) {
        if (value < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
            value > static_cast<std::int64_t>(std::numeric_limits<T>::max()))
            throw_integer_range(value, type_name<T>());
    } else {
        if (value < 0 || static_cast<std::uint64_t>(value) > std::numeric_limits<T>::max())
            throw_integer_range(value, type_name<T>());
    }
    return static_cast<T>(value);
}
}  // namespace detail

template <class T>
T Value::get() const {
    if constexpr (detail::is_optional<T>::value) {
        if (is_null()) return std::nullopt;
        return get<typename T::value_type>();
    } else if constexpr (std::is_same_v<T, Value>) {
        return *this;
    } else {
        if (is_null()) detail::throw_null_access(detail::type_name<T>());
        if constexpr (std::is_same_v<T, bool>) return as_bool();
        else if constexpr (std::is_integral_v<T>) return detail::narrow_integer<T>(as_int());
        else if constexpr (std::is_floating_point_v<T>) return static_cast<T>(as_double());
        else if constexpr (std::is_same_v<T, std::string>) return as_string();
        else if constexpr (std::is_same_v<T, Bytes>) return as_bytes();
        else if constexpr (std::is_same_v<T, Date>) return as_date();
        else if constexpr (std::is_same_v<T, Time>) return as_time();
        else if constexpr (std::is_same_v<T, DateTime>) return as_datetime();
        else if constexpr (std::is_same_v<T, Decimal>) return as_decimal();
        else if constexpr (std::is_same_v<T, Interval>) return as_interval();
        else static_assert(sizeof(T) == 0, "Value::get<T>: unsupported T");
    }
}

/// The values an expanding bind parameter takes for one execution (sql::bindparam(name,
/// {.expanding = true}) in `x IN` / `(a, b) IN`): a list of scalars, or of tuples that all have
/// `width` values. Built by Params::set_list() / Params::set_tuples(), never by hand.
struct ListParam {
    std::vector<Value> values;  // the scalars, or the tuples' values one tuple after another
    std::size_t width = 1;      // values per element: 1 for scalars; a tuple's arity (0: no tuples)
    bool tuples = false;
    /// How many elements (scalars or tuples) the list has.
    std::size_t size() const { return tuples ? (width ? values.size() / width : 0) : values.size(); }
};

/// Named parameter set: `{{"name", "Alex"}, {"age", 30}}`. Order is kept; keys are compared
/// with a linear scan, which beats hashing for the handful of keys a statement binds.
class ATHANOR_API Params {
public:
    using Item = std::pair<std::string, Value>;
    /// One `{"key", value}` entry of the brace form. The elements of an initializer_list are
    /// const, so a list of Items could only be copied out (every string value allocated
    /// twice); an Entry's value is `mutable`, so Params moves it out instead, and the key is
    /// only viewed until Params builds its own. Lives only as long as the braces, as
    /// initializer lists do.
    struct Entry {
        template <class V>
            requires std::is_constructible_v<Value, V&&>
        Entry(std::string_view k, V&& v) : key(k), value(std::forward<V>(v)) {}
        Entry(const Item& item) : key(item.first), value(item.second) {}
        std::string_view key;
        mutable Value value;
    };

    Params() = default;
    // Inline: building thousands of sets for executemany is the application's hot loop, and
    // the compiler can then see the keys' lengths.
    Params(std::initializer_list<Entry> entries) {
        items_.reserve(entries.size());
        for (const auto& entry : entries) items_.emplace_back(std::string(entry.key), std::move(entry.value));
    }
    explicit Params(std::vector<Item> items) : items_(std::move(items)) {}

    /// Sets or replaces `key`.
    Params& set(std::string key, Value value);
    /// Sets or replaces the list an expanding bind `key` takes (SQLAlchemy's {"q": [1, 2, 3]}):
    ///   conn.execute(select(t.c("id")).where(t.c("x").in_(bindparam("q"))), Params{}.set_list("q", {1, 2, 3}));
    /// An empty list renders the dialect's empty-set expression.
    Params& set_list(std::string key, std::vector<Value> values);
    /// The same with tuples, for tuple_(a, b).in_(bindparam("q")):
    ///   Params{}.set_tuples("q", {{2, "z2"}, {3, "z3"}})
    /// Throws ArgumentError when the tuples do not all have the same number of values.
    Params& set_tuples(std::string key, const std::vector<std::vector<Value>>& tuples);
    /// The list set under `key`; nullptr when none.
    const ListParam* find_list(std::string_view key) const;
    /// Every list, in the order they were first set.
    const std::vector<std::pair<std::string, ListParam>>& lists() const { return lists_; }
    /// Room for `n` entries without reallocating.
    void reserve(std::size_t n) { items_.reserve(n); }
    /// nullptr when absent.
    const Value* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    const std::vector<Item>& items() const { return items_; }
    /// No values and no lists.
    bool empty() const { return items_.empty() && lists_.empty(); }
    /// The number of values (lists not counted).
    std::size_t size() const { return items_.size(); }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }

private:
    std::vector<Item> items_;
    std::vector<std::pair<std::string, ListParam>> lists_;
};

}  // namespace athanor
