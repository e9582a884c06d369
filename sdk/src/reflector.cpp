// Key function of the reflection SPI (so its vtable lives in libathanor, not in a plugin) and
// the Reflector's defaults.
#include <athanor/sdk/reflector.hpp>

namespace athanor::sdk {

Reflector::~Reflector() = default;

std::vector<ReflectedSequence> Reflector::get_sequences(DriverConnection&, std::string_view) { return {}; }

std::optional<std::string> Reflector::get_table_comment(DriverConnection&, std::string_view, std::string_view) {
    return std::nullopt;
}

}  // namespace athanor::sdk
