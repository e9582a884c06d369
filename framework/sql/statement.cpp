// Statement: compile through the dialect's compiler; cache key and values by walking the tree.
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/compiler.hpp>
#include <athanor/sql/default_dialect.hpp>
#include <athanor/sql/dml.hpp>
#include <athanor/sql/expression.hpp>
#include <athanor/sql/statement.hpp>

#include <ostream>

namespace athanor::sql {

std::shared_ptr<const CompiledStatement> Statement::compile(const sdk::Dialect& dialect) const {
    return compile(dialect, CompileOptions{});
}

std::shared_ptr<const CompiledStatement> Statement::compile(const sdk::Dialect& dialect,
                                                            const CompileOptions& options) const {
    auto compiler = compiler_for(dialect);
    return compiler->compile(*element(), options);
}

std::string Statement::cache_key() const {
    std::string key;
    Walker walker(&key, nullptr);
    element()->walk(walker);
    walker.finish();
    return key;
}

std::string Statement::cache_key(Params& values) const {
    std::string key;
    Walker walker(&key, &values);
    element()->walk(walker);
    walker.finish();
    return key;
}

void Statement::bound_values(Params& out) const {
    Walker walker(nullptr, &out);
    element()->walk(walker);
}

const std::string& translate_schema(const SchemaTranslateMap* map, const std::string& schema) {
    if (!map) return schema;
    auto it = map->find(schema);
    return it == map->end() ? schema : it->second;
}

std::string to_string(const Statement& statement, const CompileOptions& options) {
    return statement.compile(DefaultDialect::instance(), options)->sql;
}

std::ostream& operator<<(std::ostream& os, const Statement& statement) { return os << to_string(statement); }

std::string to_string(const Expr& expression, const CompileOptions& options) {
    auto compiler = compiler_for(DefaultDialect::instance());
    return compiler->compile(*expression.node(), options)->sql;
}

std::ostream& operator<<(std::ostream& os, const Expr& expression) { return os << to_string(expression); }

}  // namespace athanor::sql
