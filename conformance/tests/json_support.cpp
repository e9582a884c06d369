// JSON document helpers of the types suites (see types_support.hpp). Kept apart from the
// files that use namespace athanor::sql: its operators would be candidates inside nlohmann's
// templates.
#include "types_support.hpp"

#include <nlohmann/json.hpp>

namespace sa = athanor;

namespace cf::types {

bool same_json(const sa::Value& a, const sa::Value& b) {
    if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
    if (a.kind() != sa::Value::Kind::text || b.kind() != sa::Value::Kind::text) return false;
    const auto ja = nlohmann::json::parse(a.as_string(), nullptr, false);
    const auto jb = nlohmann::json::parse(b.as_string(), nullptr, false);
    return !ja.is_discarded() && !jb.is_discarded() && ja == jb;
}

std::string json_scalar(const sa::Value& v) {
    switch (v.kind()) {
        case sa::Value::Kind::null: return "null";
        case sa::Value::Kind::boolean: return v.as_bool() ? "true" : "false";
        case sa::Value::Kind::integer: return std::to_string(v.as_int());
        case sa::Value::Kind::floating: return nlohmann::json(v.as_double()).dump();
        case sa::Value::Kind::decimal: return v.as_decimal().str();
        case sa::Value::Kind::text: return nlohmann::json(v.as_string()).dump();
        default: throw std::logic_error("no JSON scalar for " + v.repr());
    }
}

std::string json_object(const std::vector<std::pair<std::string, std::string>>& members) {
    nlohmann::json o = nlohmann::json::object();
    for (const auto& [key, value] : members) o[key] = value;
    return o.dump();
}

}  // namespace cf::types
