// A minimal dialect plugin: copy this folder, rename "template", then implement a
// DriverConnection and a Cursor for your database (see docs/plugin-guide.md).
#include <athanor/sdk/plugin.hpp>

#include <memory>
#include <string>

namespace {

class TemplateDialect final : public athanor::sdk::Dialect {
public:
    std::string name() const override { return "template"; }
    std::string driver() const override { return "none"; }
    athanor::sdk::Paramstyle paramstyle() const override { return athanor::sdk::Paramstyle::qmark; }

    std::unique_ptr<athanor::sdk::DriverConnection> connect(const athanor::Url& url) override {
        throw athanor::NotSupportedError("the template dialect has no driver yet; cannot connect to " +
                                         url.render());
    }
};

std::unique_ptr<athanor::sdk::Dialect> make_dialect(const std::string& driver) {
    if (!driver.empty() && driver != "none")
        throw athanor::ArgumentError("the template dialect has no driver named '" + driver + "'");
    return std::make_unique<TemplateDialect>();
}

}  // namespace

ATHANOR_DIALECT_PLUGIN(make_dialect)
