// conformance/src/data_paths.hpp — where a run finds the data it ships with, and why: the
// compile corpora (<root>/<dialect>/*.txt) and the catalogue of SQLAlchemy's suite.
//
// In order: the command-line option (--compile-dir DIR, --catalogue FILE); the environment
// variable (ATHANOR_CONFORMANCE_COMPILE_DIR, ATHANOR_CONFORMANCE_CATALOGUE); the copy installed
// with the executable (<bindir>/../share/athanor/conformance/..., found relative to the running
// executable, so an installed tree works wherever it is moved); the source tree's copy (a
// build-tree run). The first that is given wins for the first two; the last two are taken only
// when they exist, and when neither exists the installed location is reported as missing.
//
// Usage:
//   auto choice = cf::choose_compile_dir(option_value);
//   std::cout << choice.path << " (" << choice.origin << ")";   // ".../compile (installed)"
#pragma once

#include <string>

namespace cf {

struct DataPathChoice {
    std::string path;
    /// "--compile-dir" / "--catalogue", the environment variable's name, "installed",
    /// "source tree", or "installed, missing".
    std::string origin;
};

/// `option` is the --compile-dir value ("" when not given).
DataPathChoice choose_compile_dir(const std::string& option);
/// `option` is the --catalogue value ("" when not given).
DataPathChoice choose_catalogue(const std::string& option);

}  // namespace cf
