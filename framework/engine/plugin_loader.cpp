// The process-wide cache of loaded plugin libraries. Libraries are never unloaded: objects
// made by a plugin (dialects, their connections, exceptions in flight) may outlive any
// registry, and dlclose under them would crash the process.
#include "engine/plugin_loader.hpp"
#include "engine/plugin_file_check.hpp"
#include "engine/plugin_scan.hpp"

#include <boost/dll/import.hpp>
#include <boost/dll/shared_library.hpp>

#include <map>
#include <mutex>

namespace athanor::detail {

namespace {

struct CacheEntry {
    // The throwing constructor: its message carries the dlerror text, the error_code
    // overload only says "Bad file descriptor". RTLD_NOW makes a missing client library
    // fail here rather than at the first call.
    explicit CacheEntry(const std::filesystem::path& path) : library(path, boost::dll::load_mode::rtld_now) {}

    boost::dll::shared_library library;
    ResidentPlugin plugin;
    std::string error;  // set when the library loaded but was rejected; it stays resident
};

std::mutex& cache_mutex() {
    static std::mutex mutex;
    return mutex;
}

// Deliberately leaked: destroying it at exit would dlclose plugins whose objects may still
// be referenced by other static objects.
std::map<std::string, CacheEntry*>& cache() {
    static auto* entries = new std::map<std::string, CacheEntry*>();
    return *entries;
}

PluginLoadOutcome outcome_of(const CacheEntry& entry) {
    if (!entry.error.empty()) return {nullptr, entry.error};
    return {&entry.plugin, {}};
}

// Checks what only running code can tell: the exported ABI version and the factory alias.
std::string check_library(const boost::dll::shared_library& library, const PluginManifest& manifest) {
    const auto path = manifest.library_path.string();
    if (!library.has("athanor_plugin_abi_version"))
        return path + " does not export athanor_plugin_abi_version(); it is not an Athanor dialect plugin "
                      "(a plugin must use ATHANOR_DIALECT_PLUGIN from <athanor/sdk/plugin.hpp>)";
    const unsigned exported = library.get<unsigned()>("athanor_plugin_abi_version")();
    if (exported != ATHANOR_SDK_ABI_VERSION)
        return path + " reports SDK ABI " + std::to_string(exported) + " from athanor_plugin_abi_version() " +
               "(its manifest claims ABI " + std::to_string(manifest.sdk_abi) + ") but this libathanor " +
               "implements SDK ABI " + std::to_string(ATHANOR_SDK_ABI_VERSION) +
               "; rebuild the plugin against this SDK";
    if (!library.has("athanor_create_dialect"))
        return path + " does not export the factory alias athanor_create_dialect; it must use "
                      "ATHANOR_DIALECT_PLUGIN from <athanor/sdk/plugin.hpp>";
    return {};
}

}  // namespace

PluginLoadOutcome load_plugin_library(const PluginManifest& manifest) {
    const auto key = canonical_key(manifest.library_path);
    std::lock_guard lock(cache_mutex());
    if (auto it = cache().find(key); it != cache().end()) return outcome_of(*it->second);

    // dlopen() trusts the file: a FIFO blocks it, a truncated library maps pages past the
    // end of the file and the process dies of SIGBUS. Not cached: the file may be fixed.
    if (auto problem = shared_object_problem(manifest.library_path); !problem.empty())
        return {nullptr, manifest.library_path.string() + " is refused: " + problem};

    std::unique_ptr<CacheEntry> entry;
    try {
        entry = std::make_unique<CacheEntry>(manifest.library_path);
    } catch (const std::exception& e) {
        // Not cached: the user may install the missing client library and try again.
        std::string error = "loading " + manifest.library_path.string() + " failed: " + e.what();
        if (error.find("cannot open shared object file") != std::string::npos)
            error += ". The plugin needs a library the dynamic loader cannot find (`ldd " +
                     manifest.library_path.string() +
                     "` lists it): install it, or add its folder to LD_LIBRARY_PATH";
        return {nullptr, error};
    }

    entry->error = check_library(entry->library, manifest);
    if (entry->error.empty()) {
        try {
            entry->plugin.factory =
                boost::dll::import_alias<sdk::DialectFactory>(entry->library, "athanor_create_dialect");
            entry->plugin.manifest = std::make_shared<const PluginManifest>(manifest);
        } catch (const std::exception& e) {
            entry->error = "importing athanor_create_dialect from " + manifest.library_path.string() +
                           " failed: " + e.what();
        }
    }
    auto* raw = entry.release();
    cache().emplace(key, raw);
    return outcome_of(*raw);
}

}  // namespace athanor::detail
