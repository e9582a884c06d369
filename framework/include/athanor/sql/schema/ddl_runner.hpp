// athanor/sql/schema/ddl_runner.hpp — DdlRunner: where MetaData::create_all() / drop_all()
// send the statements they issue.
//
// create_all and drop_all decide what to run and in which order (sequences, a dialect's
// auxiliary DDL such as PostgreSQL's CREATE TYPE ... AS ENUM, CREATE TABLE, indexes, COMMENT
// ON, ALTER TABLE for use_alter foreign keys); a DdlRunner runs each one. A Connection is
// wrapped in one that executes them; the mock engine (athanor/engine/mock_engine.hpp) has one
// that compiles them and hands the SQL to a callback. A runner of your own gets exactly the
// statements, in exactly the order, a real create_all would run on a connection of its dialect.
//
// Example (collect the DDL of `metadata` for a dialect, no database asked):
//   struct Collect : athanor::sql::DdlRunner {
//       const athanor::sdk::Dialect& d;
//       std::vector<std::string> out;
//       explicit Collect(const athanor::sdk::Dialect& dialect) : d(dialect) {}
//       const athanor::sdk::Dialect& dialect() const override { return d; }
//       void run(const athanor::sql::DdlElement& ddl) override { out.push_back(ddl.compile(d)->sql); }
//       void run_sql(const std::string& sql) override { out.push_back(sql); }
//       bool has_table(const athanor::sql::TableNode&) override { return false; }
//       bool exists(const std::string&) override { return false; }
//   };
//   Collect collect(engine.dialect());
//   metadata.create_all(collect, false);
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/executable.hpp>

#include <memory>
#include <string>

namespace athanor::sdk {
class Dialect;
}

namespace athanor::sql {

class DdlElement;
class TableNode;

class ATHANOR_API DdlRunner {
public:
    DdlRunner() = default;
    virtual ~DdlRunner();
    DdlRunner(const DdlRunner&) = delete;
    DdlRunner& operator=(const DdlRunner&) = delete;

    /// The dialect the statements are compiled for (its DdlCompiler decides what is issued).
    virtual const sdk::Dialect& dialect() const = 0;
    /// Runs one DDL construct: CreateSequence, CreateTable, CreateIndex, DropTable, ...
    virtual void run(const DdlElement& ddl) = 0;
    /// Runs DDL the dialect's DdlCompiler rendered as text: auxiliary DDL (CREATE TYPE), COMMENT
    /// ON, ALTER TABLE ... ADD/DROP CONSTRAINT.
    virtual void run_sql(const std::string& sql) = 0;
    /// Under checkfirst: whether `table` exists (as its effective schema names it).
    virtual bool has_table(const TableNode& table) = 0;
    /// Under checkfirst: whether `exists_query` (AuxiliaryDdl::exists_query) returns a row.
    virtual bool exists(const std::string& exists_query) = 0;
    /// The schema names the statements create_all renders itself as text (auxiliary DDL,
    /// COMMENT ON, ALTER TABLE) are translated with, as run() translates the constructs; null
    /// (the default) for none. A Connection's runner gives its execution_options() map.
    virtual std::shared_ptr<const SchemaTranslateMap> schema_translate_map() const;
};

}  // namespace athanor::sql
