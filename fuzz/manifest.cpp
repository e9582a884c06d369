// PluginManifest::read: any file content either yields a manifest whose required fields are
// filled and whose library sits beside the manifest, or throws NoSuchModuleError.
#include "fuzz_support.hpp"

#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

/// One file per fuzzing process, rewritten for each input.
const std::filesystem::path& manifest_file() {
    static const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                              ("athanor_fuzz_manifest_" + std::to_string(::getpid())) /
                                              "libathanor_dialect_fuzz.json";
    static const bool made = std::filesystem::create_directories(path.parent_path()) || true;
    (void)made;
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using athanor::fuzz::require;
    const auto input = athanor::fuzz::as_text(data, size);
    const auto& path = manifest_file();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(input.data(), static_cast<std::streamsize>(input.size()));
    }
    athanor::PluginManifest m;
    try {
        m = athanor::PluginManifest::read(path);
    } catch (const athanor::NoSuchModuleError&) {
        return 0;
    }
    require(!m.name.empty() && !m.library.empty() && !m.schemes.empty(), "a required field is empty", input);
    require(m.library_path.parent_path() == path.parent_path(), "the library is not beside the manifest", input);
    for (const auto& scheme : m.schemes) require(m.serves(scheme), "serves() misses a listed scheme", input);
    return 0;
}
