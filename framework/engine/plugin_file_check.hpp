// plugin_file_check.hpp (private) — looks at a plugin's files before anything trusts them, so
// that a file that would hang, exhaust or crash the process is refused with a reason instead:
// a FIFO or device where a manifest or library should be, a manifest of unbounded size, and a
// shared object dlopen() would map past its end (a truncated .so crashes with SIGBUS when the
// loader touches those pages).
//
// Usage (inside the manifest reader and the loader):
//   std::string text;
//   if (auto problem = detail::read_small_regular_file(path, 1 << 20, text); !problem.empty()) fail(problem);
//   if (auto problem = detail::shared_object_problem(library); !problem.empty()) refuse(problem);
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace athanor::detail {

/// The largest manifest read (real ones are a few hundred bytes).
inline constexpr std::uintmax_t max_manifest_bytes = 1u << 20;
/// The largest plugin library accepted (an unstripped debug build with sanitizers is ~50 MB).
inline constexpr std::uintmax_t max_library_bytes = std::uintmax_t{2} << 30;

/// "" when `path` (after symlinks) is a regular file, else why not: "it is not a regular file
/// (a FIFO)", "... (a character device)", "it does not exist". Only stat()s; opens nothing.
std::string regular_file_problem(const std::filesystem::path& path);

/// Reads a regular file of at most `max_bytes` into `contents`; returns "" or the reason it
/// was refused (not a regular file, too large, unreadable). Never blocks on a FIFO or device.
std::string read_small_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                    std::string& contents);

/// "" when `path` is a regular file holding an ELF shared object for this process (class,
/// byte order, machine) whose program headers, segments, section headers and sections all
/// lie inside the file; else the reason, e.g. "it is truncated: ...".
std::string shared_object_problem(const std::filesystem::path& path);

}  // namespace athanor::detail
