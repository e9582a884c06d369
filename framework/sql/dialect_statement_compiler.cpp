// Default of the Dialect SPI hook declared in athanor/sdk/dialect.hpp: the generic compiler.
// Lives in framework/sql because the compiler does.
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>

namespace athanor::sdk {

std::unique_ptr<sql::SqlCompiler> Dialect::create_statement_compiler() const {
    return std::make_unique<sql::SqlCompiler>(*this);
}

}  // namespace athanor::sdk
