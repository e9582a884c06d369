// compiler_for / ddl_compiler_for / type_compiler_for: a dialect's compilers, or the generic ones
// when it returns none. The SDK's Dialect defaults return nullptr, so the contract does not depend
// on the compilers' code; the framework makes the generic ones here.
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/type_compiler.hpp>

namespace athanor::sql {

std::shared_ptr<SqlCompiler> compiler_for(const sdk::Dialect& dialect) {
    if (auto compiler = dialect.create_statement_compiler()) return compiler;
    return std::make_shared<SqlCompiler>(dialect);
}

std::shared_ptr<DdlCompiler> ddl_compiler_for(const sdk::Dialect& dialect) {
    if (auto compiler = dialect.create_ddl_compiler()) return compiler;
    return std::make_shared<DdlCompiler>(dialect);
}

std::shared_ptr<TypeCompiler> type_compiler_for(const sdk::Dialect& dialect) {
    if (auto compiler = dialect.create_type_compiler()) return compiler;
    return std::make_shared<TypeCompiler>();
}

}  // namespace athanor::sql
