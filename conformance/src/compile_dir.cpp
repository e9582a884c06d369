// Choosing the compile-corpus root: explicit choices first, then the installed corpora beside
// the executable, then the source tree this executable was built from.
#include "compile_dir.hpp"

#include <cstdlib>
#include <filesystem>

namespace cf {

namespace fs = std::filesystem;

namespace {

// The installed corpora, relative to the running executable (/proc/self/exe: the real file,
// wherever the prefix was moved or however the program was invoked).
fs::path installed_dir() {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return (exe.parent_path() / ATHANOR_CONFORMANCE_INSTALLED_COMPILE_DIR).lexically_normal();
}

bool is_folder(const fs::path& path) {
    std::error_code ec;
    return !path.empty() && fs::is_directory(path, ec);
}

}  // namespace

CompileDirChoice choose_compile_dir(const std::string& option) {
    if (!option.empty()) return {option, "--compile-dir"};
    if (const char* env = std::getenv("ATHANOR_CONFORMANCE_COMPILE_DIR"); env && *env)
        return {env, "ATHANOR_CONFORMANCE_COMPILE_DIR"};
    const auto installed = installed_dir();
    if (is_folder(installed)) return {installed.string(), "installed"};
    if (is_folder(ATHANOR_CONFORMANCE_SOURCE_COMPILE_DIR)) return {ATHANOR_CONFORMANCE_SOURCE_COMPILE_DIR, "source tree"};
    return {installed.string(), "installed, missing"};
}

}  // namespace cf
