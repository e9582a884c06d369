// conformance/src/compile_dir.hpp — which folder of compile corpora (<root>/<dialect>/*.txt)
// a run reads, and why.
//
// In order: --compile-dir DIR; the environment variable ATHANOR_CONFORMANCE_COMPILE_DIR; the
// corpora installed with the executable (<bindir>/../share/athanor/conformance/compile, found
// relative to the running executable, so an installed tree works wherever it is moved); the
// source tree's conformance/compile (a build-tree run). The first that is given wins for the
// first two; the last two are taken only when the folder exists, and when neither exists the
// installed location is reported as missing.
//
// Usage:
//   auto choice = cf::choose_compile_dir(option_value);
//   std::cout << choice.path << " (" << choice.origin << ")";   // ".../compile (installed)"
#pragma once

#include <string>

namespace cf {

struct CompileDirChoice {
    std::string path;
    /// "--compile-dir", "ATHANOR_CONFORMANCE_COMPILE_DIR", "installed", "source tree",
    /// or "installed, missing".
    std::string origin;
};

/// `option` is the --compile-dir value ("" when not given).
CompileDirChoice choose_compile_dir(const std::string& option);

}  // namespace cf
