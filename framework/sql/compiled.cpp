// Binding a compiled statement's named parameters to the positional values a driver takes.
#include <athanor/errors.hpp>
#include <athanor/sql/compiled.hpp>

#include <string_view>
#include <unordered_map>

namespace athanor::sql {

namespace {

/// Params' linear lookup suits the handful of keys a statement usually binds; a statement with
/// thousands of parameters (a wide multi-row VALUES, a long text()) is looked up through a
/// hash index built once, so binding stays linear instead of quadratic.
constexpr std::size_t indexed_lookup_from = 64;

class ParamsLookup {
public:
    explicit ParamsLookup(const Params& params, std::size_t lookups) : params_(params) {
        if (params.size() < indexed_lookup_from || lookups < indexed_lookup_from) return;
        index_.reserve(params.size());
        for (const auto& [key, value] : params) index_.emplace(key, &value);  // the first of a key wins, as find()
    }
    const Value* find(std::string_view key) const {
        if (index_.empty()) return params_.find(key);
        const auto it = index_.find(key);
        return it == index_.end() ? nullptr : it->second;
    }

private:
    const Params& params_;
    std::unordered_map<std::string_view, const Value*> index_;
};

}  // namespace

std::vector<Value> CompiledStatement::bind(const Params& params, const Params* statement_values) const {
    std::vector<Value> out;
    out.reserve(binds.size());
    const ParamsLookup lookup(params, binds.size());
    for (const auto& b : binds) {
        // The caller's values win over the statement's own, the current statement's over
        // the ones frozen into the cached compiled form.
        const Value* v = lookup.find(b.key);
        if (!v && statement_values) v = statement_values->find(b.key);
        if (!v && b.value) v = &*b.value;
        if (!v) {
            std::string given;
            for (const auto& [key, value] : params) given += (given.empty() ? "" : ", ") + key;
            throw ArgumentError("A value is required for bind parameter '" + b.key + "'" +
                                (given.empty() ? std::string(" (no parameters were given)")
                                               : " (given: " + given + ")"));
        }
        out.push_back(b.processor ? b.processor(*v) : *v);
    }
    return out;
}

}  // namespace athanor::sql
