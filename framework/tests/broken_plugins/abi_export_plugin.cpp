// A plugin whose manifest claims the current SDK ABI but whose code says otherwise: the
// exported version is written by hand instead of by ATHANOR_DIALECT_PLUGIN, as a plugin
// built against a future SDK would export it. The loader must refuse it after loading.
#include "test_dialect.hpp"

#include <athanor/sdk/plugin.hpp>

namespace {

std::unique_ptr<athanor::sdk::Dialect> make_dialect(const std::string& driver) {
    return std::make_unique<athanor_test::TestDialect>("testabiexport", driver.empty() ? "fake" : driver);
}

}  // namespace

extern "C" BOOST_SYMBOL_EXPORT unsigned athanor_plugin_abi_version() {
    return 999;
}

BOOST_DLL_ALIAS(make_dialect, athanor_create_dialect)
