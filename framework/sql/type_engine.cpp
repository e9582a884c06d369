// TypeEngine: a generic kind plus parameters; its generic spelling and cache token are fixed
// at construction so compiling and cache-key building never recompute them.
#include <athanor/sdk/text_util.hpp>
#include <athanor/sql/type_compiler.hpp>
#include <athanor/sql/type_engine.hpp>

#include <algorithm>

namespace athanor::sql {

namespace {

TypeAffinity affinity_from_spelling(const std::string& name) {
    const std::string upper = sdk::ascii_upper(name);
    const auto has = [&](const char* word) { return upper.find(word) != std::string::npos; };
    if (has("INT")) return TypeAffinity::integer;
    if (has("NUMERIC") || has("DECIMAL")) return TypeAffinity::numeric;
    if (has("FLOAT") || has("DOUBLE") || has("REAL")) return TypeAffinity::floating;
    if (has("CHAR") || has("TEXT") || has("CLOB") || has("STRING")) return TypeAffinity::string;
    if (has("BOOL")) return TypeAffinity::boolean;
    if (has("TIMESTAMP") || has("DATETIME")) return TypeAffinity::datetime;
    if (has("DATE")) return TypeAffinity::date;
    if (has("TIME")) return TypeAffinity::time;
    if (has("BLOB") || has("BINARY") || has("BYTEA")) return TypeAffinity::binary;
    return TypeAffinity::unknown;
}

const TypeCompiler& generic_compiler() {
    static const TypeCompiler compiler;
    return compiler;
}

}  // namespace

TypeEngine::TypeEngine(TypeKind kind, TypeOptions options)
    : kind_(kind), options_(std::move(options)), affinity_(affinity_of(kind)) {
    if (kind_ == TypeKind::enum_ && !options_.length) {
        std::size_t longest = 1;
        for (const auto& v : options_.enum_values) longest = std::max(longest, v.size());
        options_.length = static_cast<int>(longest);
    }
    name_ = generic_compiler().visit(*this);
    // Short: it is appended to the cache key of every statement naming a column of this type.
    token_ = '#' + std::to_string(static_cast<int>(kind_));
    for (const auto& n : {options_.length, options_.precision, options_.scale}) {
        token_ += ',';
        if (n) token_ += std::to_string(*n);
    }
    while (token_.back() == ',') token_.pop_back();
    if (options_.timezone) token_ += 'z';
    if (options_.asdecimal) token_ += *options_.asdecimal ? 'D' : 'F';
    if (options_.decimal_return_scale) token_ += 's' + std::to_string(*options_.decimal_return_scale);
    if (!options_.native_uuid) token_ += 'n';
    if (options_.none_as_null) token_ += '0';
    if (options_.day_precision) token_ += 'd' + std::to_string(*options_.day_precision);
    if (options_.second_precision) token_ += 'p' + std::to_string(*options_.second_precision);
    if (!options_.collation.empty()) {
        token_ += 'C';
        token_ += std::to_string(options_.collation.size());
        token_ += ':';
        token_ += options_.collation;
    }
    for (const auto& v : options_.enum_values) {
        token_ += '|';
        token_ += std::to_string(v.size());  // length-prefixed: values may contain '|'
        token_ += ':';
        token_ += v;
    }
}

TypeEngine::TypeEngine(std::string name, TypeAffinity affinity)
    : kind_(TypeKind::custom), name_(std::move(name)), affinity_(affinity), token_("0:" + name_) {}

TypeEngine::~TypeEngine() = default;

std::string TypeEngine::compile(const TypeCompiler& compiler) const { return compiler.visit(*this); }
Processor TypeEngine::bind_processor(const TypeCompiler& compiler) const { return compiler.bind_processor(*this); }
Processor TypeEngine::result_processor(const TypeCompiler& compiler) const {
    return compiler.result_processor(*this);
}

std::shared_ptr<const ColumnElement> TypeEngine::column_expression(const std::shared_ptr<const ColumnElement>&) const {
    return nullptr;
}
std::shared_ptr<const ColumnElement> TypeEngine::bind_expression(const std::shared_ptr<const ColumnElement>&) const {
    return nullptr;
}
bool TypeEngine::as_decimal() const {
    if (options_.asdecimal) return *options_.asdecimal;
    return kind_ == TypeKind::numeric;
}

std::shared_ptr<const TypeEngine> TypeEngine::named(std::string name) {
    if (auto generic = generic_type_from_name(name)) return generic;
    const auto affinity = affinity_from_spelling(name);
    return std::make_shared<const TypeEngine>(std::move(name), affinity);
}

TypeAffinity TypeEngine::affinity_of(TypeKind kind) {
    switch (kind) {
        case TypeKind::integer:
        case TypeKind::small_integer:
        case TypeKind::big_integer: return TypeAffinity::integer;
        case TypeKind::boolean: return TypeAffinity::boolean;
        case TypeKind::string:
        case TypeKind::text:
        case TypeKind::unicode:
        case TypeKind::unicode_text:
        case TypeKind::uuid:
        case TypeKind::json:
        case TypeKind::enum_: return TypeAffinity::string;
        case TypeKind::float_:
        case TypeKind::double_: return TypeAffinity::floating;
        case TypeKind::numeric: return TypeAffinity::numeric;
        case TypeKind::date: return TypeAffinity::date;
        case TypeKind::time: return TypeAffinity::time;
        case TypeKind::datetime: return TypeAffinity::datetime;
        case TypeKind::interval: return TypeAffinity::interval;
        case TypeKind::large_binary: return TypeAffinity::binary;
        case TypeKind::custom: break;
    }
    return TypeAffinity::unknown;
}

TypeAffinity TypeEngine::affinity_of(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::boolean: return TypeAffinity::boolean;
        case Value::Kind::integer: return TypeAffinity::integer;
        case Value::Kind::floating: return TypeAffinity::floating;
        case Value::Kind::decimal: return TypeAffinity::numeric;
        case Value::Kind::text: return TypeAffinity::string;
        case Value::Kind::bytes: return TypeAffinity::binary;
        case Value::Kind::date: return TypeAffinity::date;
        case Value::Kind::time: return TypeAffinity::time;
        case Value::Kind::datetime: return TypeAffinity::datetime;
        case Value::Kind::interval: return TypeAffinity::interval;
        case Value::Kind::null: break;
    }
    return TypeAffinity::unknown;
}

}  // namespace athanor::sql
