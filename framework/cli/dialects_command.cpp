// `athanor dialects`: what the plugin registry sees, so a user can tell at a glance why
// create_engine() does not find or cannot load a dialect.
#include "commands.hpp"

#include <athanor/engine/plugin_registry.hpp>

#include <algorithm>

namespace athanor::cli {

namespace {

// A comma-separated list, wrapped so long capability lists stay readable in a terminal.
std::string joined(const std::vector<std::string>& items, const OutputStyle& style) {
    if (items.empty()) return "(none)";
    constexpr std::size_t width = 78;
    const std::string indent(16, ' ');  // lines up under the value column
    std::string out;
    std::size_t line = indent.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string piece = style.show(items[i]) + (i + 1 < items.size() ? "," : "");
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

// "  shadows:      sqlite, sqlite+sqlite3 of /x/libathanor_dialect_sqlite.so": one line per other plugin.
void print_shadows(const char* label, const char* joiner, const std::vector<SchemeShadow>& shadows,
                   const OutputStyle& style, std::ostream& out) {
    std::vector<std::filesystem::path> plugins;
    for (const auto& s : shadows)
        if (std::find(plugins.begin(), plugins.end(), s.plugin) == plugins.end()) plugins.push_back(s.plugin);
    for (const auto& plugin : plugins) {
        std::vector<std::string> schemes;
        for (const auto& s : shadows)
            if (s.plugin == plugin) schemes.push_back(s.scheme);
        std::string line = label;
        for (std::size_t i = 0; i < schemes.size(); ++i) line += (i ? ", " : "") + style.show(schemes[i]);
        out << line << joiner << style.show(plugin.string()) << '\n';
    }
}

void print_plugin(const PluginStatus& status, const OutputStyle& style, std::ostream& out) {
    const auto& m = status.manifest;
    const auto title = m.name.empty() ? status.path.filename().string() : m.name;
    out << '\n' << style.show(title);
    if (!m.version.empty()) out << ' ' << style.show(m.version);
    out << (status.ok() ? "  [ok]" : "  [FAILED]") << '\n';
    out << "  path:         " << style.show((m.library_path.empty() ? status.path : m.library_path).string()) << '\n';
    if (!m.name.empty()) {
        out << "  schemes:      " << joined(m.schemes, style) << '\n';
        if (!m.default_driver.empty()) out << "  driver:       " << style.show(m.default_driver) << " (default)\n";
        out << "  capabilities: " << joined(m.capabilities, style) << '\n';
        out << "  sdk abi:      " << m.sdk_abi << '\n';
        if (!m.description.empty()) out << "  description:  " << style.show(m.description) << '\n';
    }
    print_shadows("  shadows:      ", " of ", status.shadows, style, out);
    print_shadows("  shadowed:     ", ": served by ", status.shadowed_by, style, out);
    if (!status.ok()) out << "  error:        " << style.show(status.error) << '\n';
}

// Which plugin file serves each scheme (the first on the search path that lists it), and
// which later ones listing it too it shadows.
void print_schemes(const std::vector<PluginStatus>& statuses, const OutputStyle& style, std::ostream& out) {
    out << "\nSchemes (served by the first plugin on the search path that lists them):\n";
    bool any = false;
    for (const auto& status : statuses) {
        for (const auto& scheme : status.manifest.schemes) {
            const bool shadowed = std::any_of(status.shadowed_by.begin(), status.shadowed_by.end(),
                                              [&](const SchemeShadow& s) { return s.scheme == scheme; });
            if (shadowed) continue;
            any = true;
            std::string line = "  " + style.show(scheme);
            line += std::string(line.size() < 22 ? 22 - line.size() : 1, ' ');
            out << line << style.show(status.manifest.library_path.string());
            if (!status.ok()) out << " [FAILED]";
            for (const auto& s : status.shadows)
                if (s.scheme == scheme) out << "\n" << std::string(24, ' ') << "shadows " << style.show(s.plugin.string());
            out << '\n';
        }
    }
    if (!any) out << "  (none)\n";
}

}  // namespace

int run_dialects(const OutputStyle& style, std::ostream& out) {
    auto& registry = PluginRegistry::global();

    out << "Search path:\n";
    int number = 0;
    for (const auto& entry : registry.search_path())
        out << "  " << ++number << ". " << style.show(entry.path.string()) << " (" << entry.origin << ")\n";

    const auto statuses = registry.discover(true);
    std::size_t usable = 0;
    for (const auto& status : statuses) {
        print_plugin(status, style, out);
        if (status.ok()) ++usable;
    }
    print_schemes(statuses, style, out);
    out << '\n' << statuses.size() << (statuses.size() == 1 ? " plugin" : " plugins") << " found, " << usable
        << " usable.";
    if (statuses.empty())
        out << " Put libathanor_dialect_<name>.so and its .json manifest in a folder listed in "
               "ATHANOR_PLUGIN_PATH, or pass --plugin-path FOLDER.";
    out << '\n';
    return 0;
}

}  // namespace athanor::cli
