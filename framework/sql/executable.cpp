// Defaults for statements that carry no values of their own and opt out of caching.
#include <athanor/sql/executable.hpp>

namespace athanor::sql {

Executable::~Executable() = default;

std::string Executable::cache_key() const { return {}; }

void Executable::bound_values(Params&) const {}

std::string Executable::cache_key(Params& values) const {
    std::string key = cache_key();
    if (!key.empty()) bound_values(values);
    return key;
}

std::unique_ptr<Executable> Executable::with_parameter_keys(const Params&) const { return nullptr; }

}  // namespace athanor::sql
