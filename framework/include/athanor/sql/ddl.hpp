// athanor/sql/ddl.hpp — DDL statements as Executables: CreateTable, DropTable, CreateIndex,
// DropIndex, CreateSequence, DropSequence, CreateSchema, DropSchema, SetTableComment,
// SetColumnComment.
//
// Each compiles through the dialect's DdlCompiler (Dialect::create_ddl_compiler()) and is
// printable against the generic dialect. They are not cached (DDL runs rarely).
//
// Usage:
//   conn.execute(sa::CreateTable(users, /*if_not_exists=*/true));
//   std::cout << sa::CreateTable(users) << '\n';
//   // CREATE TABLE users (
//   //     id INTEGER NOT NULL,
//   //     name VARCHAR(50),
//   //     PRIMARY KEY (id)
//   // )
//   conn.execute(sa::CreateIndex(users.table().indexes.front()));
//   conn.execute(sa::CreateSchema("tenant_42", /*if_not_exists=*/true));   // not on SQLite
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/executable.hpp>
#include <athanor/sql/schema/constraints.hpp>
#include <athanor/sql/schema/sequence.hpp>
#include <athanor/sql/schema/table.hpp>

#include <iosfwd>
#include <memory>
#include <string>

namespace athanor::sql {

class DdlCompiler;

class ATHANOR_API DdlElement : public Executable {
public:
    std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect) const override;
    /// The same with a schema_translate_map applied (null for none).
    std::shared_ptr<const CompiledStatement> compile(const sdk::Dialect& dialect,
                                                     std::shared_ptr<const SchemaTranslateMap> schema_translate_map) const;
    /// The SQL text for one compiler.
    virtual std::string render(DdlCompiler& compiler) const = 0;
};

class ATHANOR_API CreateTable : public DdlElement {
public:
    explicit CreateTable(const Table& table, bool if_not_exists = false)
        : table_(table.table_node()), if_not_exists_(if_not_exists) {}
    std::string render(DdlCompiler& compiler) const override;

private:
    std::shared_ptr<const TableNode> table_;
    bool if_not_exists_;
};

class ATHANOR_API DropTable : public DdlElement {
public:
    explicit DropTable(const Table& table, bool if_exists = false) : table_(table.table_node()), if_exists_(if_exists) {}
    std::string render(DdlCompiler& compiler) const override;

private:
    std::shared_ptr<const TableNode> table_;
    bool if_exists_;
};

class ATHANOR_API CreateIndex : public DdlElement {
public:
    explicit CreateIndex(Index index, bool if_not_exists = false) : index_(std::move(index)), if_not_exists_(if_not_exists) {}
    std::string render(DdlCompiler& compiler) const override;

private:
    Index index_;
    bool if_not_exists_;
};

class ATHANOR_API DropIndex : public DdlElement {
public:
    explicit DropIndex(Index index, bool if_exists = false) : index_(std::move(index)), if_exists_(if_exists) {}
    std::string render(DdlCompiler& compiler) const override;

private:
    Index index_;
    bool if_exists_;
};

class ATHANOR_API CreateSequence : public DdlElement {
public:
    explicit CreateSequence(Sequence sequence, bool if_not_exists = false)
        : sequence_(std::move(sequence)), if_not_exists_(if_not_exists) {}
    std::string render(DdlCompiler& compiler) const override;

private:
    Sequence sequence_;
    bool if_not_exists_;
};

class ATHANOR_API DropSequence : public DdlElement {
public:
    explicit DropSequence(Sequence sequence, bool if_exists = false) : sequence_(std::move(sequence)), if_exists_(if_exists) {}
    std::string render(DdlCompiler& compiler) const override;

private:
    Sequence sequence_;
    bool if_exists_;
};

/// CREATE SCHEMA [IF NOT EXISTS] name. SQLite, whose schemas are ATTACHed databases, raises
/// CompileError. Throws ArgumentError for an empty name.
class ATHANOR_API CreateSchema : public DdlElement {
public:
    explicit CreateSchema(std::string name, bool if_not_exists = false);
    std::string render(DdlCompiler& compiler) const override;

private:
    std::string name_;
    bool if_not_exists_;
};

/// DROP SCHEMA [IF EXISTS] name [CASCADE]: with cascade, the objects in it go too (otherwise
/// a schema that holds any is an error from the database).
class ATHANOR_API DropSchema : public DdlElement {
public:
    explicit DropSchema(std::string name, bool if_exists = false, bool cascade = false);
    std::string render(DdlCompiler& compiler) const override;

private:
    std::string name_;
    bool if_exists_;
    bool cascade_;
};

class ATHANOR_API SetTableComment : public DdlElement {
public:
    explicit SetTableComment(const Table& table) : table_(table.table_node()) {}
    std::string render(DdlCompiler& compiler) const override;

private:
    std::shared_ptr<const TableNode> table_;
};

class ATHANOR_API SetColumnComment : public DdlElement {
public:
    /// Throws ArgumentError when the table has no such column.
    SetColumnComment(const Table& table, const std::string& column);
    std::string render(DdlCompiler& compiler) const override;

private:
    std::shared_ptr<const TableNode> table_;
    std::string column_;
};

/// The statement compiled against the generic DefaultDialect.
ATHANOR_API std::string to_string(const DdlElement& element);
ATHANOR_API std::ostream& operator<<(std::ostream& os, const DdlElement& element);

}  // namespace athanor::sql
