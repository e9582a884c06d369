// fuzz_support.hpp — what the fuzz targets share: the input as text, and a property check
// that stops the run with a message (libFuzzer then saves the input as a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace athanor::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Aborts, printing `what` and the input's text, when a property the parser promises fails.
inline void require(bool ok, const char* what, std::string_view input) {
    if (ok) return;
    std::fprintf(stderr, "fuzz property violated: %s\n  input: \"%.*s\"\n", what, static_cast<int>(input.size()),
                 input.data());
    std::abort();
}

}  // namespace athanor::fuzz
