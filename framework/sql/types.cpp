// The generic type factories. Parameterless types are shared singletons (types are immutable).
#include <athanor/errors.hpp>
#include <athanor/sql/types.hpp>

#include <memory>
#include <mutex>
#include <typeinfo>

namespace athanor::types {

namespace {

TypePtr make(sql::TypeKind kind, sql::TypeOptions options = sql::TypeOptions()) {
    return std::make_shared<const sql::TypeEngine>(kind, std::move(options));
}

sql::TypeOptions length_option(std::optional<int> length) {
    sql::TypeOptions o;
    o.length = length;
    return o;
}

TypePtr shared(sql::TypeKind kind) {
    // One instance per kind, built on first use.
    static TypePtr cache[static_cast<int>(sql::TypeKind::enum_) + 1];
    auto& slot = cache[static_cast<int>(kind)];
    static std::once_flag flags[static_cast<int>(sql::TypeKind::enum_) + 1];
    std::call_once(flags[static_cast<int>(kind)], [&] { slot = make(kind); });
    return slot;
}

sql::TypeOptions timezone_option() {
    sql::TypeOptions o;
    o.timezone = true;
    return o;
}

/// UUID, the SQL type: rendered as such on every dialect; values bound as canonical text,
/// which a native UUID type reads.
class NativeUuidType final : public sql::TypeEngine {
public:
    NativeUuidType() : TypeEngine(sql::TypeKind::uuid) {}
    std::string compile(const sql::TypeCompiler&) const override { return "UUID"; }
    sql::Processor bind_processor(const sql::TypeCompiler&) const override {
        return sql::processors::uuid_to_canonical;
    }
};

void check_positive(std::optional<int> n, const char* what, const char* type) {
    if (n && *n <= 0)
        throw ArgumentError(std::string(type) + ": " + what + " must be positive (got " + std::to_string(*n) + ")");
}

}  // namespace

TypePtr Integer() { return shared(sql::TypeKind::integer); }
TypePtr SmallInteger() { return shared(sql::TypeKind::small_integer); }
TypePtr BigInteger() { return shared(sql::TypeKind::big_integer); }
TypePtr Boolean() { return shared(sql::TypeKind::boolean); }
TypePtr String(std::optional<int> length) {
    if (!length) return shared(sql::TypeKind::string);
    check_positive(length, "length", "String");
    return make(sql::TypeKind::string, length_option(length));
}
TypePtr Text() { return shared(sql::TypeKind::text); }
TypePtr Unicode(std::optional<int> length) {
    if (!length) return shared(sql::TypeKind::unicode);
    check_positive(length, "length", "Unicode");
    return make(sql::TypeKind::unicode, length_option(length));
}
TypePtr UnicodeText() { return shared(sql::TypeKind::unicode_text); }
TypePtr with_collation(const TypePtr& string_type, std::string collation) {
    if (!string_type) throw ArgumentError("with_collation() needs a type");
    const auto kind = string_type->kind();
    const bool string_kind = kind == sql::TypeKind::string || kind == sql::TypeKind::text ||
                             kind == sql::TypeKind::unicode || kind == sql::TypeKind::unicode_text;
    // A subclass (a dialect's or a user's type) cannot be copied through its base: refuse it
    // rather than drop what the subclass adds.
    const sql::TypeEngine& type = *string_type;
    if (!string_kind || typeid(type) != typeid(sql::TypeEngine))
        throw ArgumentError("a collation applies to String, Text, Unicode and UnicodeText, not to " +
                            string_type->name());
    if (string_type->collation() == collation) return string_type;
    sql::TypeOptions options = string_type->options();
    options.collation = std::move(collation);
    return make(kind, std::move(options));
}
TypePtr String(std::optional<int> length, std::string collation) {
    return with_collation(String(length), std::move(collation));
}
TypePtr Text(std::string collation) { return with_collation(Text(), std::move(collation)); }
TypePtr Unicode(std::optional<int> length, std::string collation) {
    return with_collation(Unicode(length), std::move(collation));
}
TypePtr UnicodeText(std::string collation) { return with_collation(UnicodeText(), std::move(collation)); }
TypePtr Float(std::optional<int> precision, bool asdecimal, std::optional<int> decimal_return_scale) {
    if (!precision && !asdecimal && !decimal_return_scale) return shared(sql::TypeKind::float_);
    check_positive(precision, "precision", "Float");
    if (decimal_return_scale && *decimal_return_scale < 0)
        throw ArgumentError("Float: decimal_return_scale must not be negative (got " +
                            std::to_string(*decimal_return_scale) + ")");
    return make(sql::TypeKind::float_, [&] {
        sql::TypeOptions o;
        o.precision = precision;
        if (asdecimal) o.asdecimal = true;
        o.decimal_return_scale = decimal_return_scale;
        return o;
    }());
}
TypePtr Double() { return shared(sql::TypeKind::double_); }
TypePtr Numeric(std::optional<int> precision, std::optional<int> scale, bool asdecimal) {
    if (!precision && !scale && asdecimal) return shared(sql::TypeKind::numeric);
    check_positive(precision, "precision", "Numeric");
    if (scale && *scale < 0)
        throw ArgumentError("Numeric: scale must not be negative (got " + std::to_string(*scale) + ")");
    if (scale && !precision)
        throw ArgumentError("Numeric: a scale needs a precision; write Numeric(precision, scale)");
    if (scale && precision && *scale > *precision)
        throw ArgumentError("Numeric(" + std::to_string(*precision) + ", " + std::to_string(*scale) +
                            "): the scale cannot exceed the precision");
    return make(sql::TypeKind::numeric, [&] {
        sql::TypeOptions o;
        o.precision = precision;
        o.scale = scale;
        if (!asdecimal) o.asdecimal = false;
        return o;
    }());
}
TypePtr Date() { return shared(sql::TypeKind::date); }
TypePtr Time(bool timezone) {
    if (!timezone) return shared(sql::TypeKind::time);
    static const TypePtr with_zone = make(sql::TypeKind::time, timezone_option());
    return with_zone;
}
TypePtr DateTime(bool timezone) {
    if (!timezone) return shared(sql::TypeKind::datetime);
    static const TypePtr with_zone = make(sql::TypeKind::datetime, timezone_option());
    return with_zone;
}
TypePtr Interval(std::optional<int> day_precision, std::optional<int> second_precision) {
    if (!day_precision && !second_precision) return shared(sql::TypeKind::interval);
    for (const auto& p : {day_precision, second_precision})
        if (p && *p < 0) throw ArgumentError("Interval: a precision must not be negative (got " + std::to_string(*p) + ")");
    sql::TypeOptions o;
    o.day_precision = day_precision;
    o.second_precision = second_precision;
    return make(sql::TypeKind::interval, std::move(o));
}
TypePtr LargeBinary(std::optional<int> length) {
    if (!length) return shared(sql::TypeKind::large_binary);
    check_positive(length, "length", "LargeBinary");
    return make(sql::TypeKind::large_binary, length_option(length));
}
TypePtr Uuid(bool native_uuid) {
    if (native_uuid) return shared(sql::TypeKind::uuid);
    static const TypePtr nonnative = [] {
        sql::TypeOptions o;
        o.native_uuid = false;
        return make(sql::TypeKind::uuid, std::move(o));
    }();
    return nonnative;
}
TypePtr UUID() {
    static const TypePtr native = std::make_shared<const NativeUuidType>();
    return native;
}
TypePtr JSON(bool none_as_null) {
    if (!none_as_null) return shared(sql::TypeKind::json);
    static const TypePtr null_as_sql_null = [] {
        sql::TypeOptions o;
        o.none_as_null = true;
        return make(sql::TypeKind::json, std::move(o));
    }();
    return null_as_sql_null;
}
TypePtr Enum(std::vector<std::string> values, std::string name) {
    if (values.empty()) throw ArgumentError("Enum" + (name.empty() ? std::string() : " '" + name + "'") +
                                            " needs at least one value, e.g. Enum({\"a\", \"b\"})");
    sql::TypeOptions o;
    o.enum_values = std::move(values);
    o.enum_name = std::move(name);
    return make(sql::TypeKind::enum_, std::move(o));
}

}  // namespace athanor::types
