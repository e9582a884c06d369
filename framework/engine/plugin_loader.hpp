// plugin_loader.hpp (private) — loads a plugin's shared object once per process and keeps it
// resident, so every object, vtable and exception a plugin hands out stays valid until exit.
//
// Usage (inside the registry):
//   auto outcome = detail::load_plugin_library(manifest);
//   if (!outcome.plugin) report(outcome.error);            // dlerror text, ABI mismatch, ...
//   auto dialect = outcome.plugin->factory(url.driver_name());
#pragma once

#include <athanor/engine/plugin_registry.hpp>
#include <athanor/sdk/plugin.hpp>

#include <functional>
#include <memory>
#include <string>

namespace athanor::detail {

/// A plugin library that is loaded, checked and never unloaded.
struct ResidentPlugin {
    std::shared_ptr<const PluginManifest> manifest;  // the manifest it was first loaded with
    std::function<sdk::DialectFactory> factory;      // athanor_create_dialect
};

/// Either a plugin or the reason it cannot be used.
struct PluginLoadOutcome {
    const ResidentPlugin* plugin = nullptr;
    std::string error;
};

/// Checks that `manifest.library_path` is a complete ELF shared object for this process
/// (detail::shared_object_problem), loads it with RTLD_NOW (once per canonical path,
/// process-wide, thread-safe), checks the exported athanor_plugin_abi_version() and finds the factory.
/// Never throws for a bad plugin: the loader's own message comes back in `error`.
PluginLoadOutcome load_plugin_library(const PluginManifest& manifest);

}  // namespace athanor::detail
