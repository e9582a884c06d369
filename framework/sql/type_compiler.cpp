// The generic type compiler: SQLAlchemy's GenericTypeCompiler names, coercing result
// processors, and the database-name -> generic-type map reflection uses.
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/type_compiler.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace athanor::sql {

namespace {

std::string with_length(std::string base, std::optional<int> n) {
    if (n) {
        base += '(';
        base += std::to_string(*n);
        base += ')';
    }
    return base;
}

struct ParsedTypeName {
    std::string key;        // upper-case words without the parenthesised part: "TIMESTAMP WITH TIME ZONE"
    std::vector<int> args;  // "(10, 2)" -> {10, 2}
    bool args_ok = true;
};

ParsedTypeName parse_type_name(std::string_view name) {
    ParsedTypeName out;
    std::string words;
    bool in_parens = false;
    std::string arg;
    const auto flush_arg = [&] {
        std::size_t b = arg.find_first_not_of(' '), e = arg.find_last_not_of(' ');
        if (b == std::string::npos) {
            arg.clear();
            return;
        }
        const std::string t = arg.substr(b, e - b + 1);
        int n = 0;
        const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), n);
        if (ec != std::errc() || p != t.data() + t.size()) out.args_ok = false;
        else out.args.push_back(n);
        arg.clear();
    };
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (in_parens) {
            if (c == ')') {
                flush_arg();
                in_parens = false;
                words += ' ';
            } else if (c == ',') {
                flush_arg();
            } else {
                arg += static_cast<char>(c);
            }
        } else if (c == '(') {
            in_parens = true;
            words += ' ';
        } else {
            words += std::isspace(c) ? ' ' : sdk::ascii_upper(static_cast<char>(c));
        }
    }
    // Collapse runs of spaces.
    for (char c : words) {
        if (c == ' ' && (out.key.empty() || out.key.back() == ' ')) continue;
        out.key += c;
    }
    while (!out.key.empty() && out.key.back() == ' ') out.key.pop_back();
    for (const char* drop : {" UNSIGNED", " SIGNED", " ZEROFILL"}) {
        const std::string d = drop;
        if (out.key.size() > d.size() && out.key.compare(out.key.size() - d.size(), d.size(), d) == 0)
            out.key.erase(out.key.size() - d.size());
    }
    return out;
}

bool one_of(const std::string& key, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return key == n; });
}

}  // namespace

TypePtr generic_type_from_name(std::string_view name) {
    const auto p = parse_type_name(name);
    if (!p.args_ok || p.key.empty()) return nullptr;
    const auto& k = p.key;
    const auto arg = [&](std::size_t i) -> std::optional<int> {
        if (i < p.args.size() && p.args[i] > 0) return p.args[i];
        return std::nullopt;
    };
    if (one_of(k, {"INTEGER", "INT", "INT4", "MEDIUMINT", "SERIAL", "SERIAL4"})) return types::Integer();
    if (one_of(k, {"SMALLINT", "INT2", "TINYINT", "SMALLSERIAL", "SERIAL2"})) return types::SmallInteger();
    if (one_of(k, {"BIGINT", "INT8", "BIGSERIAL", "SERIAL8"})) return types::BigInteger();
    if (one_of(k, {"BOOLEAN", "BOOL"})) return types::Boolean();
    if (one_of(k, {"VARCHAR", "CHARACTER VARYING", "VARCHAR2", "CHAR", "CHARACTER", "BPCHAR", "CHAR VARYING",
                   "STRING"}))
        return types::String(arg(0));
    if (one_of(k, {"NVARCHAR", "NVARCHAR2", "NCHAR", "NATIONAL CHARACTER VARYING", "NATIONAL CHARACTER",
                   "NATIONAL CHAR", "NCHAR VARYING"}))
        return types::Unicode(arg(0));
    if (one_of(k, {"TEXT", "CLOB", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "LONG VARCHAR", "CHARACTER LARGE OBJECT",
                   "CITEXT"}))
        return types::Text();
    if (one_of(k, {"NCLOB", "NTEXT", "NATIONAL CHARACTER LARGE OBJECT"})) return types::UnicodeText();
    if (one_of(k, {"FLOAT", "REAL", "FLOAT4"})) return k == "FLOAT" ? types::Float(arg(0)) : types::Float();
    if (one_of(k, {"DOUBLE", "DOUBLE PRECISION", "FLOAT8"})) return types::Double();
    if (one_of(k, {"NUMERIC", "DECIMAL", "DEC", "NUMBER"})) {
        std::optional<int> scale;
        if (p.args.size() > 1 && p.args[1] >= 0) scale = p.args[1];
        if (!arg(0)) return types::Numeric();
        return types::Numeric(arg(0), scale && *scale <= *arg(0) ? scale : std::nullopt);
    }
    if (k == "DATE") return types::Date();
    if (one_of(k, {"TIME", "TIME WITHOUT TIME ZONE"})) return types::Time(false);
    if (one_of(k, {"TIME WITH TIME ZONE", "TIMETZ"})) return types::Time(true);
    if (one_of(k, {"DATETIME", "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE", "DATETIME2", "SMALLDATETIME"}))
        return types::DateTime(false);
    if (one_of(k, {"TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ", "DATETIMEOFFSET", "TIMESTAMP WITH LOCAL TIME ZONE"}))
        return types::DateTime(true);
    if (k == "INTERVAL" || k.rfind("INTERVAL ", 0) == 0) return types::Interval();
    if (one_of(k, {"BLOB", "BYTEA", "BINARY", "VARBINARY", "LONGBLOB", "MEDIUMBLOB", "TINYBLOB", "IMAGE",
                   "BINARY VARYING", "BINARY LARGE OBJECT", "RAW", "LONG RAW"}))
        return types::LargeBinary(arg(0));
    if (one_of(k, {"UUID", "UNIQUEIDENTIFIER"})) return types::Uuid();
    if (one_of(k, {"JSON", "JSONB"})) return types::JSON();
    return nullptr;
}

TypeCompiler::~TypeCompiler() = default;

std::string TypeCompiler::visit(const TypeEngine& t) const {
    switch (t.kind()) {
        case TypeKind::integer: return visit_integer(t);
        case TypeKind::small_integer: return visit_small_integer(t);
        case TypeKind::big_integer: return visit_big_integer(t);
        case TypeKind::boolean: return visit_boolean(t);
        case TypeKind::string: return visit_string(t);
        case TypeKind::text: return visit_text(t);
        case TypeKind::unicode: return visit_unicode(t);
        case TypeKind::unicode_text: return visit_unicode_text(t);
        case TypeKind::float_: return visit_float(t);
        case TypeKind::double_: return visit_double(t);
        case TypeKind::numeric: return visit_numeric(t);
        case TypeKind::date: return visit_date(t);
        case TypeKind::time: return visit_time(t);
        case TypeKind::datetime: return visit_datetime(t);
        case TypeKind::interval: return visit_interval(t);
        case TypeKind::large_binary: return visit_large_binary(t);
        case TypeKind::uuid: return visit_uuid(t);
        case TypeKind::json: return visit_json(t);
        case TypeKind::enum_: return visit_enum(t);
        case TypeKind::custom: break;
    }
    return visit_custom(t);
}

std::string TypeCompiler::visit_integer(const TypeEngine&) const { return "INTEGER"; }
std::string TypeCompiler::visit_small_integer(const TypeEngine&) const { return "SMALLINT"; }
std::string TypeCompiler::visit_big_integer(const TypeEngine&) const { return "BIGINT"; }
std::string TypeCompiler::visit_boolean(const TypeEngine&) const { return "BOOLEAN"; }
std::string TypeCompiler::visit_string(const TypeEngine& t) const { return with_length("VARCHAR", t.length()); }
std::string TypeCompiler::visit_text(const TypeEngine&) const { return "TEXT"; }
std::string TypeCompiler::visit_unicode(const TypeEngine& t) const { return with_length("VARCHAR", t.length()); }
std::string TypeCompiler::visit_unicode_text(const TypeEngine&) const { return "TEXT"; }
std::string TypeCompiler::visit_float(const TypeEngine& t) const { return with_length("FLOAT", t.precision()); }
std::string TypeCompiler::visit_double(const TypeEngine&) const { return "DOUBLE"; }
std::string TypeCompiler::visit_numeric(const TypeEngine& t) const {
    if (!t.precision()) return "NUMERIC";
    if (!t.scale()) return "NUMERIC(" + std::to_string(*t.precision()) + ")";
    return "NUMERIC(" + std::to_string(*t.precision()) + ", " + std::to_string(*t.scale()) + ")";
}
std::string TypeCompiler::visit_date(const TypeEngine&) const { return "DATE"; }
std::string TypeCompiler::visit_time(const TypeEngine& t) const {
    return t.timezone() ? "TIME WITH TIME ZONE" : "TIME";
}
std::string TypeCompiler::visit_datetime(const TypeEngine& t) const {
    return t.timezone() ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
}
std::string TypeCompiler::visit_interval(const TypeEngine&) const { return "INTERVAL"; }
std::string TypeCompiler::visit_large_binary(const TypeEngine&) const { return "BLOB"; }
std::string TypeCompiler::visit_uuid(const TypeEngine&) const { return "CHAR(32)"; }
std::string TypeCompiler::visit_json(const TypeEngine&) const { return "JSON"; }
std::string TypeCompiler::visit_enum(const TypeEngine& t) const { return with_length("VARCHAR", t.length()); }
std::string TypeCompiler::visit_custom(const TypeEngine& t) const { return t.name(); }

Processor TypeCompiler::bind_processor(const TypeEngine& t) const {
    switch (t.kind()) {
        case TypeKind::date: return processors::datetime_to_date;
        case TypeKind::uuid: return processors::uuid_to_hex;
        case TypeKind::json:
            return t.options().none_as_null ? processors::json_serialize : processors::json_serialize_null_as_json;
        case TypeKind::enum_:
            return processors::enum_validator(t.enum_values(), t.options().enum_name.empty()
                                                                   ? "the Enum type"
                                                                   : "Enum '" + t.options().enum_name + "'");
        default: return {};
    }
}

Processor TypeCompiler::result_processor(const TypeEngine& t) const {
    switch (t.kind()) {
        case TypeKind::boolean: return processors::to_bool;
        case TypeKind::float_:
        case TypeKind::double_: {
            if (!t.as_decimal()) return processors::to_double;
            // SQLAlchemy's Float(asdecimal=True): the double formatted with the return scale.
            const int scale = t.options().decimal_return_scale.value_or(10);
            return [scale](Value v) {
                return processors::to_decimal(v.kind() == Value::Kind::floating ? std::move(v) : processors::to_double(std::move(v)), scale);
            };
        }
        case TypeKind::numeric: {
            if (!t.as_decimal()) return processors::to_double;
            const auto scale = t.scale();
            return [scale](Value v) { return processors::to_decimal(std::move(v), scale); };
        }
        case TypeKind::date: return processors::to_date;
        case TypeKind::time: return processors::to_time;
        case TypeKind::datetime: return processors::to_datetime;
        case TypeKind::interval: return processors::to_interval;
        case TypeKind::large_binary: return processors::to_bytes;
        case TypeKind::uuid: return processors::uuid_to_canonical;
        case TypeKind::json: return processors::json_from_result;
        default: return {};
    }
}

TypePtr TypeCompiler::from_database_type(std::string_view name) const {
    if (auto t = generic_type_from_name(name)) return t;
    return TypeEngine::named(std::string(name));
}

}  // namespace athanor::sql
