// plugin_test_support.hpp — what the plugin-loading test programs (test_plugins.cpp,
// test_plugin_search.cpp) share: registries over the real good and broken plugins of
// tests/broken_plugins, the message a failed load must show, scoped ATHANOR_PLUGIN_PATH values,
// scratch folders and copies of the good plugin made at test time.
#pragma once

#include <boost/test/unit_test.hpp>

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/url.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sdk/plugin.hpp>
#include <athanor/sql/text.hpp>

#include <atomic>
#include <barrier>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace plugin_test {

namespace fs = std::filesystem;
using athanor::NoSuchModuleError;
using athanor::PluginManifest;
using athanor::PluginRegistry;
using athanor::Url;


inline fs::path broken(const std::string& folder) {
    return fs::path(ATHANOR_TEST_BROKEN_PLUGIN_DIR) / folder;
}

// A registry that sees only the given broken_plugins folders, in order.
inline std::unique_ptr<PluginRegistry> registry_of(std::initializer_list<const char*> folders) {
    auto registry = std::make_unique<PluginRegistry>(PluginRegistry::Options{false, false});
    for (const char* f : folders) registry->add_search_path(broken(f));
    return registry;
}

// The message of the NoSuchModuleError that loading `url` must throw.
inline std::string load_failure(const PluginRegistry& registry, const std::string& url) {
    try {
        registry.load(Url::parse(url));
    } catch (const NoSuchModuleError& e) {
        return e.what();
    }
    BOOST_FAIL("loading " << url << " did not throw NoSuchModuleError");
    return {};
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

#define CHECK_CONTAINS(text, part) BOOST_CHECK_MESSAGE(contains(text, part), "expected \"" << (part) << "\" in:\n" << (text))

// What every failure message must show: the scheme, each folder tried (numbered, with its
// origin) and the installed dialects.
inline void check_common(const std::string& message, const std::string& scheme, std::initializer_list<const char*> folders) {
    CHECK_CONTAINS(message, "scheme '" + scheme + "'");
    CHECK_CONTAINS(message, "paths tried");
    int n = 0;
    for (const char* f : folders) {
        const auto line = std::to_string(++n) + ". " + broken(f).string() + " (registered)";
        CHECK_CONTAINS(message, line);
    }
    CHECK_CONTAINS(message, "installed dialects:");
    CHECK_CONTAINS(message, "testgood 1.2.3 schemes [testgood, testgood+fake");
    CHECK_CONTAINS(message, (broken("good") / "libathanor_dialect_testgood.so").string());
}

inline std::map<std::string, athanor::PluginStatus> statuses_by_file(const std::vector<athanor::PluginStatus>& statuses) {
    std::map<std::string, athanor::PluginStatus> out;
    for (const auto& s : statuses) out[s.path.filename().string()] = s;
    return out;
}

// Scoped ATHANOR_PLUGIN_PATH for the tests that exercise the environment.
struct PluginPathVariable {
    explicit PluginPathVariable(const std::string& value) { ::setenv("ATHANOR_PLUGIN_PATH", value.c_str(), 1); }
    ~PluginPathVariable() { ::unsetenv("ATHANOR_PLUGIN_PATH"); }
};

// A folder of its own under TMPDIR for plugin files a test makes, removed afterwards.
struct ScratchFolder {
    explicit ScratchFolder(const std::string& tag)
        : path(fs::temp_directory_path() / ("athanor_plugins_" + tag + "_" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path path;
};

// Writes a valid manifest for libathanor_dialect_<name>.so serving the schemes <name> and <name>+fake.
inline void write_manifest(const fs::path& folder, const std::string& name) {
    std::ofstream(folder / ("libathanor_dialect_" + name + ".json"))
        << "{\"name\": \"" << name << "\", \"sdk_abi\": " << ATHANOR_SDK_ABI_VERSION
        << ", \"library\": \"libathanor_dialect_" << name << ".so\", \"schemes\": [\"" << name << "\", \""
        << name << "+fake\"]}";
}

// A copy of the good plugin's library under the name libathanor_dialect_<name>.so, with its manifest.
inline fs::path copy_good_plugin(const fs::path& folder, const std::string& name) {
    const auto library = folder / ("libathanor_dialect_" + name + ".so");
    fs::copy_file(broken("good") / "libathanor_dialect_testgood.so", library);
    write_manifest(folder, name);
    return library;
}

// Whether the process has `library` mapped (dlopen'ed).
inline bool is_mapped(const fs::path& library) {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        if (contains(line, library.string())) return true;
    return false;
}

}  // namespace plugin_test
