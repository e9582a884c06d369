// athanor/sdk/plugin.hpp — the plugin entry point and the SDK ABI version.
//
// A dialect plugin is a shared object `libathanor_dialect_<name>.so` with a sidecar manifest
// `libathanor_dialect_<name>.json` (see docs/plugin-guide.md and sdk/cmake/AthanorPlugin.cmake,
// which writes the manifest). In exactly one source file of the plugin:
//
//   #include <athanor/sdk/plugin.hpp>
//   static std::unique_ptr<athanor::sdk::Dialect> make_dialect(const std::string& driver) {
//       return std::make_unique<MyDialect>(driver);   // driver: "" for the default, else the URL's +driver
//   }
//   ATHANOR_DIALECT_PLUGIN(make_dialect)
//
// The loader first reads the manifest (no plugin code runs), checks its `sdk_abi` against
// ATHANOR_SDK_ABI_VERSION, loads the library with RTLD_NOW, checks the exported
// `athanor_plugin_abi_version()` again, and only then calls the factory. Plugins stay
// loaded for the life of the process.
#pragma once

#include <athanor/sdk/dialect.hpp>

#include <boost/dll/alias.hpp>

#include <memory>
#include <string>

/// Bumped whenever a change to the SPI headers breaks binary compatibility.
#define ATHANOR_SDK_ABI_VERSION 6

namespace athanor::sdk {

/// The factory every plugin exports. `driver` is the URL's driver ("" when none was named).
using DialectFactory = std::unique_ptr<Dialect>(const std::string& driver);

inline constexpr unsigned sdk_abi_version = ATHANOR_SDK_ABI_VERSION;

}  // namespace athanor::sdk

#define ATHANOR_DIALECT_PLUGIN(factory)                                                        \
    extern "C" BOOST_SYMBOL_EXPORT unsigned athanor_plugin_abi_version() {                     \
        return ATHANOR_SDK_ABI_VERSION;                                                        \
    }                                                                                          \
    namespace athanor_plugin_entry {                                                           \
    static_assert(std::is_same_v<decltype(factory), ::athanor::sdk::DialectFactory>,            \
                  "ATHANOR_DIALECT_PLUGIN: factory must be "                                   \
                  "std::unique_ptr<athanor::sdk::Dialect>(const std::string&)");               \
    }                                                                                          \
    BOOST_DLL_ALIAS(factory, athanor_create_dialect)
