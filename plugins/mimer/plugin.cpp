// Entry point of libathanor_dialect_mimer.so (mimer://, mimer+odbc://): the factory the plugin
// registry calls.
#include "mimer_dialect.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/plugin.hpp>

static std::unique_ptr<athanor::sdk::Dialect> make_mimer_dialect(const std::string& driver) {
    if (driver.empty() || driver == "odbc") return std::make_unique<athanor::mimer::MimerDialect>();
    throw athanor::ArgumentError("the mimer plugin serves mimer:// and mimer+odbc:// (Mimer SQL over ODBC); got driver '" +
                                 driver + "'");
}

ATHANOR_DIALECT_PLUGIN(make_mimer_dialect)
