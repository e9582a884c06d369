// athanor/engine/plugin_registry.hpp — finds, checks and loads dialect plugins.
//
// A plugin is `libathanor_dialect_<name>.so` beside its manifest `libathanor_dialect_<name>.json`.
// Folders are searched in this order, first match wins:
//   1. plugin files and folders registered explicitly (register_plugin / add_search_path);
//   2. the folders in ATHANOR_PLUGIN_PATH (colon-separated);
//   3. the folder of libathanor itself, and its `athanor/dialects` subfolder;
//   4. the compiled-in install folder, `<libdir>/athanor/dialects`.
// The manifest is read (nlohmann_json) before any plugin code runs and its `sdk_abi` checked;
// the library is then loaded with Boost.DLL (RTLD_NOW, so a missing client library fails
// here) and stays loaded for the life of the process. Thread-safe.
//
// When several plugins list the same scheme the first one serves it; discover() and load()
// say which plugin files it shadows, so a take-over of a built-in scheme is never silent.
//
// Every failure is a NoSuchModuleError whose message names the scheme, each path tried, the
// dialects that are installed and the loader's own message.
//
// Usage:
//   auto& registry = athanor::PluginRegistry::global();
//   registry.register_plugin("/opt/mydb/libathanor_dialect_mydb.so");
//   for (const auto& status : registry.discover(true))
//       std::cout << status.manifest.name << ' ' << (status.ok() ? "ok" : status.error) << '\n';
#pragma once

#include <athanor/export.hpp>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace athanor {

class Url;
namespace sdk {
class Dialect;
}

/// What a plugin's manifest says about it.
struct ATHANOR_API PluginManifest {
    std::string name;                       // "sqlite"
    std::string version;                    // the plugin's own version, "0.1.0"
    unsigned sdk_abi = 0;                   // ATHANOR_SDK_ABI_VERSION it was built for
    std::string library;                    // file name of the shared object
    std::string default_driver;             // driver used when the URL names none
    std::vector<std::string> schemes;       // URL drivernames it serves: "sqlite", "sqlite+sqlite3"
    std::vector<std::string> capabilities;  // conformance requirements it claims
    std::string description;
    std::filesystem::path manifest_path;
    std::filesystem::path library_path;

    bool has_capability(std::string_view flag) const;
    bool serves(std::string_view drivername) const;

    /// Reads and validates a manifest file; throws NoSuchModuleError saying what is wrong.
    static PluginManifest read(const std::filesystem::path& manifest_path);
};

/// One folder (or file) the registry looks in, and why.
struct PluginSearchEntry {
    std::filesystem::path path;
    std::string origin;  // "registered", "ATHANOR_PLUGIN_PATH", "libathanor folder", "install folder"
};

/// A scheme that two plugins on the search path both list: the first one found serves it.
struct SchemeShadow {
    std::string scheme;            // "sqlite"
    std::filesystem::path plugin;  // the other plugin's library file
};

/// The outcome of looking at one candidate plugin.
struct ATHANOR_API PluginStatus {
    std::filesystem::path path;  // the manifest or library this is about
    PluginManifest manifest;     // as far as it could be read
    std::string error;           // "" when usable
    /// Schemes this plugin serves that plugins later in the search path also list.
    std::vector<SchemeShadow> shadows;
    /// Schemes this plugin lists that a plugin earlier in the search path serves instead.
    std::vector<SchemeShadow> shadowed_by;
    bool ok() const { return error.empty(); }
};

/// A loaded dialect instance and the manifest of the plugin it came from.
struct LoadedDialect {
    std::shared_ptr<sdk::Dialect> dialect;
    std::shared_ptr<const PluginManifest> manifest;
    /// Library files of the plugins later in the search path that also list the URL's
    /// scheme and are shadowed by this one (a plugin in ATHANOR_PLUGIN_PATH taking over a
    /// built-in scheme), in search order.
    std::vector<std::filesystem::path> shadowed;
};

class ATHANOR_API PluginRegistry {
public:
    struct Options {
        bool use_environment = true;    // read ATHANOR_PLUGIN_PATH
        bool use_default_dirs = true;   // libathanor's folder and the install folder
    };

    PluginRegistry();
    explicit PluginRegistry(Options options);
    ~PluginRegistry();
    PluginRegistry(const PluginRegistry&) = delete;
    PluginRegistry& operator=(const PluginRegistry&) = delete;

    /// The registry create_engine() uses by default.
    static PluginRegistry& global();

    /// Registers one plugin library (its manifest must sit beside it); searched first.
    void register_plugin(const std::filesystem::path& library);
    /// Registers a folder to search before the environment and default folders.
    void add_search_path(const std::filesystem::path& folder);

    /// Every place searched, in order.
    std::vector<PluginSearchEntry> search_path() const;

    /// Every candidate plugin found in the search path (manifests, and libraries lacking one).
    /// With `try_load`, each readable one is also loaded, so load failures show up too.
    std::vector<PluginStatus> discover(bool try_load = false) const;

    /// Finds the plugin serving the URL's drivername, loads it (once) and creates a dialect.
    /// Throws NoSuchModuleError, never crashes, for every way this can fail.
    LoadedDialect load(const Url& url) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace athanor
