// Defaults of the Dialect SPI's schema hooks declared in athanor/sdk/dialect.hpp. They live
// in framework/sql because the DDL compiler does.
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/ddl_compiler.hpp>

namespace athanor::sdk {

std::unique_ptr<sql::DdlCompiler> Dialect::create_ddl_compiler() const {
    return std::make_unique<sql::DdlCompiler>(*this);
}

bool Dialect::has_table(DriverConnection&, std::string_view table, std::string_view) {
    throw NotSupportedError("dialect " + description() + " cannot check whether table '" + std::string(table) +
                            "' exists (Dialect::has_table is not implemented); call create_all/drop_all with "
                            "checkfirst=false");
}

}  // namespace athanor::sdk
