// PluginRegistry: the search path, discovery, and turning a URL's scheme into a dialect.
// Every way that can fail ends in one NoSuchModuleError that tells the user what was looked
// at and what the loader said, because "dialect not found" alone is not actionable.
#include <athanor/engine/plugin_registry.hpp>

#include <athanor/url.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/plugin.hpp>

#include "engine/plugin_loader.hpp"
#include "engine/plugin_scan.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#ifndef ATHANOR_INSTALL_PLUGIN_DIR
#define ATHANOR_INSTALL_PLUGIN_DIR "/usr/local/lib/athanor/dialects"
#endif

namespace athanor {

namespace fs = std::filesystem;

struct PluginRegistry::Impl {
    Options options;
    mutable std::mutex mutex;
    std::vector<PluginSearchEntry> registered;
};

namespace {

constexpr const char* origin_registered = "registered";
constexpr const char* origin_environment = "ATHANOR_PLUGIN_PATH";
constexpr const char* origin_libathanor = "libathanor folder";
constexpr const char* origin_install = "install folder";

std::vector<std::string> split_path_list(const char* text) {
    std::vector<std::string> out;
    if (!text) return out;
    std::string current;
    for (const char* p = text;; ++p) {
        if (*p == ':' || *p == '\0') {
            if (!current.empty()) out.push_back(current);  // empty entries mean nothing here
            current.clear();
            if (*p == '\0') break;
        } else {
            current += *p;
        }
    }
    return out;
}

std::optional<fs::path> libathanor_folder() {
    // this_line_location() reports the module this code is compiled into: libathanor.
    boost::dll::fs::error_code ec;
    auto location = boost::dll::this_line_location(ec);
    if (ec || location.empty()) return std::nullopt;
    // The loader reports the path through the RPATH it used ($ORIGIN/../lib); show it resolved.
    std::error_code fs_ec;
    auto resolved = fs::weakly_canonical(fs::path(location), fs_ec);
    return (fs_ec ? fs::path(location) : resolved).parent_path();
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string abi_mismatch(const PluginManifest& m) {
    return "plugin '" + m.name + "' (" + m.manifest_path.string() + ") was built for SDK ABI " +
           std::to_string(m.sdk_abi) + " but this libathanor implements SDK ABI " +
           std::to_string(ATHANOR_SDK_ABI_VERSION) + "; rebuild the plugin against this SDK";
}

// The first plugin (in search order) whose manifest lists a scheme serves it, as
// find_serving() picks it; every later one listing the same scheme is shadowed by it.
void mark_shadows(std::vector<detail::PluginCandidate>& candidates) {
    std::map<std::string, detail::PluginCandidate*> server;
    for (auto& c : candidates) {
        if (!c.manifest_read) continue;
        for (const auto& scheme : c.status.manifest.schemes) {
            auto [it, first] = server.emplace(scheme, &c);
            if (first || it->second == &c) continue;
            it->second->status.shadows.push_back({scheme, c.status.manifest.library_path});
            c.status.shadowed_by.push_back({scheme, it->second->status.manifest.library_path});
        }
    }
}

// Everything seen on the search path, in order, with what each entry held.
struct SearchReport {
    std::vector<std::string> tried;                  // one line per search entry
    std::vector<detail::PluginCandidate> candidates;  // de-duplicated, in search order
};

SearchReport search(const std::vector<PluginSearchEntry>& entries) {
    SearchReport report;
    std::set<std::string> seen_entries;
    std::set<std::string> seen_files;
    std::size_t number = 0;
    for (const auto& entry : entries) {
        std::string line = std::to_string(++number) + ". " + entry.path.string() + " (" + entry.origin + "): ";
        if (!seen_entries.insert(detail::canonical_key(entry.path)).second) {
            report.tried.push_back(line + "already searched above");
            continue;
        }
        auto scan = detail::scan_plugin_entry(entry);
        report.tried.push_back(line + scan.summary);
        for (auto& c : scan.candidates) {
            if (!seen_files.insert(detail::canonical_key(c.status.path)).second) continue;
            // The manifest alone tells an ABI mismatch; no need to load anything.
            if (c.status.ok() && c.status.manifest.sdk_abi != ATHANOR_SDK_ABI_VERSION)
                c.status.error = abi_mismatch(c.status.manifest);
            report.candidates.push_back(std::move(c));
        }
    }
    mark_shadows(report.candidates);
    return report;
}

// Builds the one message every load failure carries.
std::string failure_message(const Url& url, const std::string& reason, const SearchReport& report,
                            const detail::PluginCandidate* chosen) {
    std::ostringstream out;
    out << "cannot load a dialect for scheme '" << url.drivername() << "' (URL " << url.render() << "): " << reason;
    out << "\npaths tried, in search order:";
    if (report.tried.empty()) out << "\n  (none: the search path is empty)";
    for (const auto& line : report.tried) out << "\n  " << line;

    out << "\ninstalled dialects:";
    bool any = false;
    for (const auto& c : report.candidates) {
        if (!c.manifest_read) continue;
        const auto& m = c.status.manifest;
        out << "\n  " << m.name << ' ' << (m.version.empty() ? "(no version)" : m.version) << " schemes ["
            << join(m.schemes, ", ") << "] " << m.library_path.string();
        if (&c == chosen) out << " (serves this scheme; see above)";
        else if (!c.status.ok()) out << " (unusable; see below)";
        any = true;
    }
    if (!any) out << "\n  (none found)";

    std::vector<std::string> problems;
    for (const auto& c : report.candidates)
        if (!c.status.ok() && &c != chosen) problems.push_back(c.status.error);
    if (!problems.empty()) {
        out << "\nother plugin problems:";
        for (const auto& p : problems) out << "\n  " << p;
    }
    out << "\nTo make a plugin visible, put libathanor_dialect_<name>.so and its .json manifest in a folder listed "
           "in ATHANOR_PLUGIN_PATH (colon-separated) or call PluginRegistry::register_plugin().";
    return out.str();
}

const detail::PluginCandidate* find_serving(const SearchReport& report, const Url& url) {
    for (const auto& c : report.candidates)
        if (c.manifest_read && c.status.manifest.serves(url.drivername())) return &c;
    // `sqlite://` may still find a plugin named "sqlite" that forgot to list its bare name.
    if (url.driver_name().empty())
        for (const auto& c : report.candidates)
            if (c.manifest_read && c.status.manifest.name == url.backend_name()) return &c;
    return nullptr;
}

std::string unknown_scheme_reason(const SearchReport& report, const Url& url) {
    std::vector<std::string> schemes;
    for (const auto& c : report.candidates)
        if (c.manifest_read)
            for (const auto& s : c.status.manifest.schemes) schemes.push_back(s);
    std::string reason = "no plugin serves scheme '" + url.drivername() + "'; installed schemes: " +
                         (schemes.empty() ? std::string("(none)") : join(schemes, ", "));
    // A plugin file named after the backend that cannot be read is the likely culprit.
    const std::string expected = detail::plugin_file_prefix + url.backend_name();
    for (const auto& c : report.candidates)
        if (!c.manifest_read && c.status.path.stem().string() == expected)
            reason += ". " + c.status.path.filename().string() + " looks like the plugin for it but is unusable: " +
                      c.status.error;
    return reason;
}

}  // namespace

PluginRegistry::PluginRegistry() : PluginRegistry(Options{}) {}

PluginRegistry::PluginRegistry(Options options) : impl_(std::make_unique<Impl>()) {
    impl_->options = options;
}

PluginRegistry::~PluginRegistry() = default;

PluginRegistry& PluginRegistry::global() {
    // Never destroyed: engines in static storage may use it while the process exits.
    static auto* registry = new PluginRegistry();
    return *registry;
}

void PluginRegistry::register_plugin(const fs::path& library) {
    std::lock_guard lock(impl_->mutex);
    impl_->registered.push_back({fs::absolute(library), origin_registered});
}

void PluginRegistry::add_search_path(const fs::path& folder) {
    std::lock_guard lock(impl_->mutex);
    impl_->registered.push_back({fs::absolute(folder), origin_registered});
}

std::vector<PluginSearchEntry> PluginRegistry::search_path() const {
    std::vector<PluginSearchEntry> entries;
    {
        std::lock_guard lock(impl_->mutex);
        entries = impl_->registered;
    }
    if (impl_->options.use_environment)
        for (const auto& folder : split_path_list(std::getenv("ATHANOR_PLUGIN_PATH")))
            entries.push_back({fs::absolute(folder), origin_environment});
    if (impl_->options.use_default_dirs) {
        if (auto folder = libathanor_folder()) {
            entries.push_back({*folder, origin_libathanor});
            entries.push_back({*folder / "athanor" / "dialects", origin_libathanor});
        }
        entries.push_back({fs::path(ATHANOR_INSTALL_PLUGIN_DIR), origin_install});
    }
    return entries;
}

std::vector<PluginStatus> PluginRegistry::discover(bool try_load) const {
    auto report = search(search_path());
    std::vector<PluginStatus> out;
    for (auto& c : report.candidates) {
        auto& status = c.status;
        if (status.ok() && try_load) {
            auto outcome = detail::load_plugin_library(status.manifest);
            if (!outcome.plugin) status.error = outcome.error;
        }
        out.push_back(std::move(status));
    }
    return out;
}

LoadedDialect PluginRegistry::load(const Url& url) const {
    auto report = search(search_path());
    const auto* chosen = find_serving(report, url);
    if (!chosen) throw NoSuchModuleError(failure_message(url, unknown_scheme_reason(report, url), report, nullptr));

    const auto& manifest = chosen->status.manifest;
    const std::string which = "plugin '" + manifest.name + "' (" + manifest.manifest_path.string() + ")";
    if (!chosen->status.ok())
        throw NoSuchModuleError(failure_message(url, which + " serves it but is unusable: " + chosen->status.error,
                                                report, chosen));

    auto outcome = detail::load_plugin_library(manifest);
    if (!outcome.plugin)
        throw NoSuchModuleError(failure_message(url, which + " serves it but cannot be loaded: " + outcome.error,
                                                report, chosen));

    // Plugin code runs here; nothing it throws may escape as anything but our error type.
    const auto driver = url.driver_name();
    std::unique_ptr<sdk::Dialect> dialect;
    std::string failure;
    try {
        dialect = outcome.plugin->factory(driver);
        if (!dialect) failure = "its factory returned no dialect";
    } catch (const std::exception& e) {
        failure = std::string("its factory threw: ") + e.what();
    } catch (...) {
        failure = "its factory threw an exception that is not a std::exception";
    }
    if (!failure.empty())
        throw NoSuchModuleError(failure_message(
            url, which + " loaded, but " + failure + " (driver '" + driver + "')", report, chosen));
    std::vector<fs::path> shadowed;
    for (const auto& shadow : chosen->status.shadows)
        if (shadow.scheme == url.drivername()) shadowed.push_back(shadow.plugin);
    return {std::shared_ptr<sdk::Dialect>(std::move(dialect)), outcome.plugin->manifest, std::move(shadowed)};
}

}  // namespace athanor
