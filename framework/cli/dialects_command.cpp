// `athanor dialects`: what the plugin registry sees, so a user can tell at a glance why
// create_engine() does not find or cannot load a dialect.
#include "commands.hpp"

#include <athanor/engine/plugin_registry.hpp>

namespace athanor::cli {

namespace {

// A comma-separated list, wrapped so long capability lists stay readable in a terminal.
std::string joined(const std::vector<std::string>& items) {
    if (items.empty()) return "(none)";
    constexpr std::size_t width = 78;
    const std::string indent(16, ' ');  // lines up under the value column
    std::string out;
    std::size_t line = indent.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string piece = items[i] + (i + 1 < items.size() ? "," : "");
        if (i > 0 && line + 1 + piece.size() > width) {
            out += "\n" + indent;
            line = indent.size();
        } else if (i > 0) {
            out += ' ';
            ++line;
        }
        out += piece;
        line += piece.size();
    }
    return out;
}

}  // namespace

int run_dialects(std::ostream& out) {
    auto& registry = PluginRegistry::global();

    out << "Search path:\n";
    int number = 0;
    for (const auto& entry : registry.search_path())
        out << "  " << ++number << ". " << entry.path.string() << " (" << entry.origin << ")\n";

    const auto statuses = registry.discover(true);
    std::size_t usable = 0;
    for (const auto& status : statuses) {
        const auto& m = status.manifest;
        const auto title = m.name.empty() ? status.path.filename().string() : m.name;
        out << '\n' << title;
        if (!m.version.empty()) out << ' ' << m.version;
        out << (status.ok() ? "  [ok]" : "  [FAILED]") << '\n';
        if (!m.library_path.empty()) out << "  path:         " << m.library_path.string() << '\n';
        else out << "  path:         " << status.path.string() << '\n';
        if (!m.name.empty()) {
            out << "  schemes:      " << joined(m.schemes) << '\n';
            if (!m.default_driver.empty()) out << "  driver:       " << m.default_driver << " (default)\n";
            out << "  capabilities: " << joined(m.capabilities) << '\n';
            out << "  sdk abi:      " << m.sdk_abi << '\n';
            if (!m.description.empty()) out << "  description:  " << m.description << '\n';
        }
        if (status.ok()) ++usable;
        else out << "  error:        " << status.error << '\n';
    }
    out << '\n' << statuses.size() << (statuses.size() == 1 ? " plugin" : " plugins") << " found, " << usable
        << " usable.";
    if (statuses.empty())
        out << " Put libathanor_dialect_<name>.so and its .json manifest in a folder listed in "
               "ATHANOR_PLUGIN_PATH, or pass --plugin-path FOLDER.";
    out << '\n';
    return 0;
}

}  // namespace athanor::cli
