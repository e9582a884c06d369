// A working test plugin. Its drivers exercise the factory's failure paths too:
// "boom" throws, "null" returns nothing, anything but "fake" is refused.
#include "test_dialect.hpp"

#include <athanor/sdk/plugin.hpp>

#include <stdexcept>

#ifndef ATHANOR_TEST_DIALECT_NAME
#error "compile with -DATHANOR_TEST_DIALECT_NAME=\"name\""
#endif

namespace {

std::unique_ptr<athanor::sdk::Dialect> make_dialect(const std::string& driver) {
    if (driver == "boom") throw std::runtime_error("simulated factory failure for driver 'boom'");
    if (driver == "null") return nullptr;
    if (!driver.empty() && driver != "fake")
        throw athanor::ArgumentError("test dialect knows only the driver 'fake', not '" + driver + "'");
    return std::make_unique<athanor_test::TestDialect>(ATHANOR_TEST_DIALECT_NAME, "fake");
}

}  // namespace

ATHANOR_DIALECT_PLUGIN(make_dialect)
