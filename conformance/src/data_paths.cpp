// Choosing the compile-corpus root and the suite catalogue: explicit choices first, then the
// installed copy beside the executable, then the source tree this executable was built from.
#include "data_paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace cf {

namespace fs = std::filesystem;

namespace {

// An installed data path, relative to the running executable (/proc/self/exe: the real file,
// wherever the prefix was moved or however the program was invoked).
fs::path installed(const char* relative) {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return (exe.parent_path() / relative).lexically_normal();
}

bool exists(const fs::path& path, bool folder) {
    std::error_code ec;
    return !path.empty() && (folder ? fs::is_directory(path, ec) : fs::is_regular_file(path, ec));
}

DataPathChoice choose(const std::string& option, const char* option_name, const char* env_name,
                      const char* installed_relative, const char* source, bool folder) {
    if (!option.empty()) return {option, option_name};
    if (const char* env = std::getenv(env_name); env && *env) return {env, env_name};
    const auto inst = installed(installed_relative);
    if (exists(inst, folder)) return {inst.string(), "installed"};
    if (exists(source, folder)) return {source, "source tree"};
    return {inst.string(), "installed, missing"};
}

}  // namespace

DataPathChoice choose_compile_dir(const std::string& option) {
    return choose(option, "--compile-dir", "ATHANOR_CONFORMANCE_COMPILE_DIR", ATHANOR_CONFORMANCE_INSTALLED_COMPILE_DIR,
                  ATHANOR_CONFORMANCE_SOURCE_COMPILE_DIR, true);
}

DataPathChoice choose_catalogue(const std::string& option) {
    return choose(option, "--catalogue", "ATHANOR_CONFORMANCE_CATALOGUE", ATHANOR_CONFORMANCE_INSTALLED_CATALOGUE,
                  ATHANOR_CONFORMANCE_SOURCE_CATALOGUE, false);
}

}  // namespace cf
