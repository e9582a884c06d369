// Type placeholder: just enough for the compiler (CAST names, true-division decisions).
#include <athanor/sql/type_engine.hpp>

#include <algorithm>
#include <cctype>

namespace athanor::sql {

TypeEngine::TypeEngine(std::string name, TypeAffinity affinity) : name_(std::move(name)), affinity_(affinity) {}

TypeEngine::~TypeEngine() = default;

std::shared_ptr<const TypeEngine> TypeEngine::named(std::string name) {
    std::string upper = name;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    const auto has = [&](const char* word) { return upper.find(word) != std::string::npos; };
    TypeAffinity affinity = TypeAffinity::unknown;
    if (has("INT")) affinity = TypeAffinity::integer;
    else if (has("NUMERIC") || has("DECIMAL")) affinity = TypeAffinity::numeric;
    else if (has("FLOAT") || has("DOUBLE") || has("REAL")) affinity = TypeAffinity::floating;
    else if (has("CHAR") || has("TEXT") || has("CLOB") || has("STRING")) affinity = TypeAffinity::string;
    else if (has("BOOL")) affinity = TypeAffinity::boolean;
    else if (has("TIMESTAMP") || has("DATETIME")) affinity = TypeAffinity::datetime;
    else if (has("DATE")) affinity = TypeAffinity::date;
    else if (has("TIME")) affinity = TypeAffinity::time;
    else if (has("INTERVAL")) affinity = TypeAffinity::interval;
    else if (has("BLOB") || has("BINARY") || has("BYTEA")) affinity = TypeAffinity::binary;
    return std::make_shared<const TypeEngine>(std::move(name), affinity);
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
