// The one isolation-level check (see athanor/sdk/isolation_level.hpp).
#include <athanor/sdk/isolation_level.hpp>

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/text_util.hpp>

#include <algorithm>

namespace athanor::sdk {

std::string check_isolation_level(const Dialect& dialect, std::string_view level) {
    std::string wanted = ascii_upper(level);
    const auto levels = dialect.isolation_levels();
    if (std::find(levels.begin(), levels.end(), wanted) != levels.end()) return wanted;
    std::string known;
    for (const auto& l : levels) known += (known.empty() ? "" : ", ") + l;
    throw ArgumentError("Invalid isolation level '" + std::string(level) + "' for dialect " + dialect.description() +
                        "; valid levels are: " + known);
}

}  // namespace athanor::sdk
