// conformance/src/compile_corpus.hpp — the compile tier's corpus: named statements built with
// the expression language, whose exact SQL per dialect is kept in compile/<dialect>/*.txt.
//
// Usage:
//   for (const auto& entry : cf::compile_corpus())
//       std::cout << entry.name << ": " << entry.render(dialect) << '\n';
#pragma once

#include <athanor/sdk/dialect.hpp>

#include <functional>
#include <string>
#include <vector>

namespace cf {

struct CorpusEntry {
    std::string name;
    std::string description;
    /// The SQL the dialect emits; throws what the compiler throws (CompileError, ...).
    std::function<std::string(const athanor::sdk::Dialect&)> render;
};

const std::vector<CorpusEntry>& compile_corpus();

}  // namespace cf
