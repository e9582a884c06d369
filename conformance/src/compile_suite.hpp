// conformance/src/compile_suite.hpp — registers the `compile` suite: one test case per corpus
// entry, comparing the dialect's SQL with compile/<dialect>/*.txt, without a connection.
//
// Usage (from the init function): cf::register_compile_suite();
#pragma once

#include <ostream>

namespace cf {

void register_compile_suite();
/// Every corpus entry as the dialect under test renders it, in the data-file format.
void dump_compile(std::ostream& out);

}  // namespace cf
