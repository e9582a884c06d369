// plugin_scan.hpp (private) — looks at one entry of the plugin search path and lists the
// candidate plugins there, reading manifests but running no plugin code.
//
// Usage (inside the registry):
//   auto scan = detail::scan_plugin_entry({"/opt/athanor/dialects", "ATHANOR_PLUGIN_PATH"});
//   std::cout << scan.summary;                 // "2 plugins: sqlite, postgresql"
//   for (auto& c : scan.candidates) if (c.manifest_read && c.status.manifest.serves("sqlite")) ...
#pragma once

#include <athanor/engine/plugin_registry.hpp>

#include <string>
#include <vector>

namespace athanor::detail {

/// One candidate plugin; `manifest_read` tells whether status.manifest holds real data
/// (it may still be unusable, e.g. when its library file is missing).
struct PluginCandidate {
    PluginStatus status;
    bool manifest_read = false;
};

struct PluginEntryScan {
    std::vector<PluginCandidate> candidates;
    std::string summary;  // what was found there, for error messages: "does not exist", ...
};

/// Plugin files are named libathanor_dialect_<name>.so / .json.
inline constexpr const char* plugin_file_prefix = "libathanor_dialect_";

/// Scans a folder (every plugin file in it, by name) or one registered plugin file.
PluginEntryScan scan_plugin_entry(const PluginSearchEntry& entry);

/// The same folder or file however it was written, for de-duplication.
std::string canonical_key(const std::filesystem::path& path);

}  // namespace athanor::detail
