// A plugin that needs a "vendor client" library which cannot be found at load time, like a
// PostgreSQL plugin on a machine without libpq: loading it with RTLD_NOW must fail cleanly.
#include "test_dialect.hpp"

#include <athanor/sdk/plugin.hpp>

extern "C" int athanor_test_client_version();

namespace {

std::unique_ptr<athanor::sdk::Dialect> make_dialect(const std::string&) {
    return std::make_unique<athanor_test::TestDialect>(
        "testnoclient", "client" + std::to_string(athanor_test_client_version()));
}

}  // namespace

ATHANOR_DIALECT_PLUGIN(make_dialect)
