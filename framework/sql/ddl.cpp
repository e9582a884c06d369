// DDL elements: each renders through the dialect's DdlCompiler into an uncached statement.
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/default_dialect.hpp>

#include <ostream>

namespace athanor::sql {

std::shared_ptr<const CompiledStatement> DdlElement::compile(const sdk::Dialect& dialect) const {
    return compile(dialect, nullptr);
}

std::shared_ptr<const CompiledStatement> DdlElement::compile(const sdk::Dialect& dialect,
                                                             std::shared_ptr<const SchemaTranslateMap> map) const {
    auto compiler = ddl_compiler_for(dialect);
    compiler->set_schema_translate_map(std::move(map));
    auto compiled = std::make_shared<CompiledStatement>();
    compiled->sql = render(*compiler);
    compiled->kind = StatementKind::ddl;
    return compiled;
}

std::string CreateTable::render(DdlCompiler& compiler) const { return compiler.create_table(*table_, if_not_exists_); }
std::string DropTable::render(DdlCompiler& compiler) const { return compiler.drop_table(*table_, if_exists_); }
std::string CreateIndex::render(DdlCompiler& compiler) const { return compiler.create_index(index_, if_not_exists_); }
std::string DropIndex::render(DdlCompiler& compiler) const { return compiler.drop_index(index_, if_exists_); }
std::string CreateSequence::render(DdlCompiler& compiler) const {
    return compiler.create_sequence(sequence_, if_not_exists_);
}
std::string DropSequence::render(DdlCompiler& compiler) const { return compiler.drop_sequence(sequence_, if_exists_); }
CreateSchema::CreateSchema(std::string name, bool if_not_exists) : name_(std::move(name)), if_not_exists_(if_not_exists) {
    if (name_.empty()) throw ArgumentError("CreateSchema needs a schema name");
}
std::string CreateSchema::render(DdlCompiler& compiler) const { return compiler.create_schema(name_, if_not_exists_); }
DropSchema::DropSchema(std::string name, bool if_exists, bool cascade)
    : name_(std::move(name)), if_exists_(if_exists), cascade_(cascade) {
    if (name_.empty()) throw ArgumentError("DropSchema needs a schema name");
}
std::string DropSchema::render(DdlCompiler& compiler) const { return compiler.drop_schema(name_, if_exists_, cascade_); }
std::string SetTableComment::render(DdlCompiler& compiler) const { return compiler.set_table_comment(*table_); }

SetColumnComment::SetColumnComment(const Table& table, const std::string& column)
    : table_(table.table_node()), column_(column) {
    if (!table_->find(column))
        throw ArgumentError("SetColumnComment: table '" + table_->key() + "' has no column '" + column + "'");
}
std::string SetColumnComment::render(DdlCompiler& compiler) const {
    return compiler.set_column_comment(*table_, *table_->find(column_));
}

std::string to_string(const DdlElement& element) { return element.compile(DefaultDialect::instance())->sql; }
std::ostream& operator<<(std::ostream& os, const DdlElement& element) { return os << to_string(element); }

}  // namespace athanor::sql
