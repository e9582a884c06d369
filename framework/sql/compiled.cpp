// Binding a compiled statement's named parameters to the positional values a driver takes.
#include <athanor/errors.hpp>
#include <athanor/sql/compiled.hpp>

namespace athanor::sql {

std::vector<Value> CompiledStatement::bind(const Params& params, const Params* statement_values) const {
    std::vector<Value> out;
    out.reserve(binds.size());
    for (const auto& b : binds) {
        // The caller's values win over the statement's own, the current statement's over
        // the ones frozen into the cached compiled form.
        const Value* v = params.find(b.key);
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
