// Looking up an ODBC driver's shared object in the folders distributions install them to.
#include <athanor/odbc/driver_lookup.hpp>

#include <filesystem>

namespace athanor::odbc {

std::string find_driver_library(std::initializer_list<std::string_view> file_names) {
    static const char* const folders[] = {
        "/usr/lib/x86_64-linux-gnu/odbc", "/usr/lib/aarch64-linux-gnu/odbc", "/usr/lib/odbc", "/usr/lib64",
        "/usr/lib64/odbc", "/usr/lib",     "/usr/local/lib",                  "/usr/local/lib/odbc",
    };
    std::error_code ec;
    for (const auto name : file_names)
        for (const char* folder : folders) {
            const auto path = std::filesystem::path(folder) / name;
            if (std::filesystem::is_regular_file(path, ec)) return path.string();
        }
    return {};
}

}  // namespace athanor::odbc
