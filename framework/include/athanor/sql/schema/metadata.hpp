// athanor/sql/schema/metadata.hpp — MetaData: a collection of tables and sequences that is
// created and dropped together, in foreign-key order.
//
// metadata.table(name, columns..., constraints...) defines a table and returns it;
// metadata.table(name) looks one up (NoSuchTableError when absent). tables() lists them so
// that every table comes after the tables it refers to (definition order otherwise); a
// foreign-key cycle between different tables is an ArgumentError naming them.
// create_all() issues, in that order: standalone sequences, then per table its column
// sequences, CREATE TABLE, its indexes and (on dialects with COMMENT ON) its comments.
// drop_all() goes in reverse. With checkfirst (the default) tables that already exist are
// skipped by create_all and missing ones by drop_all (Dialect::has_table); sequences use
// IF [NOT] EXISTS where the dialect has it. The Engine overloads run in one transaction and
// commit; the Connection overloads leave committing to the caller. The MockEngine overloads
// (athanor/engine/mock_engine.hpp) hand every statement to the mock's callback instead, with
// checkfirst off (there is no database to ask). The DdlRunner overloads send the statements to
// a runner of your own (athanor/sql/schema/ddl_runner.hpp); the others are built on them.
//
// Usage:
//   sa::MetaData metadata;
//   auto& users = metadata.table("users",
//       sa::Column("id", sa::Integer(), sa::primary_key(), sa::autoincrement()),
//       sa::Column("name", sa::String(50)));
//   auto& addresses = metadata.table("addresses",
//       sa::Column("id", sa::Integer(), sa::primary_key()),
//       sa::Column("user_id", sa::Integer(), sa::ForeignKey("users.id", {.ondelete = "CASCADE"})));
//   metadata.create_all(engine);
//   metadata.drop_all(engine);
#pragma once

#include <athanor/export.hpp>
#include <athanor/sql/schema/naming_convention.hpp>
#include <athanor/sql/schema/sequence.hpp>
#include <athanor/sql/schema/table.hpp>

#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace athanor {
class Engine;
class Connection;
class MockEngine;
}  // namespace athanor

namespace athanor::sql {

class DdlRunner;

class ATHANOR_API MetaData {
public:
    MetaData();
    /// `naming_convention`: see naming_convention.hpp. `schema`: default schema of its tables.
    explicit MetaData(NamingConvention naming_convention, std::string schema = {});
    MetaData(std::initializer_list<NamingConvention::value_type> naming_convention)
        : MetaData(NamingConvention(naming_convention)) {}
    MetaData(const MetaData&) = delete;
    MetaData& operator=(const MetaData&) = delete;
    MetaData(MetaData&&) = default;
    MetaData& operator=(MetaData&&) = default;

    /// Defines a table; the reference stays valid as long as the MetaData.
    template <class First, class... Rest>
    Table& table(std::string name, First&& first, Rest&&... rest) {
        return add_table(std::move(name),
                         Table::collect(std::forward<First>(first), std::forward<Rest>(rest)...));
    }
    /// The table named `name` ("schema.name" for one in a schema); NoSuchTableError otherwise.
    Table& table(std::string_view name);
    const Table& table(std::string_view name) const;
    bool contains(std::string_view name) const;
    /// Adds a table built elsewhere (the Table(name, metadata, ...) constructor uses this).
    Table& add_table(std::string name, TableArgs args);

    /// Tables in dependency order (see the file comment).
    std::vector<Table> tables() const;
    /// Tables in definition order.
    const std::deque<Table>& tables_in_definition_order() const { return tables_; }

    /// Registers a standalone sequence.
    const Sequence& sequence(Sequence sequence);
    const std::vector<Sequence>& sequences() const { return sequences_; }

    const NamingConvention& naming_convention() const { return naming_convention_; }
    const std::string& schema() const { return schema_; }

    void create_all(Engine& engine, bool checkfirst = true) const;
    void create_all(Connection& connection, bool checkfirst = true) const;
    void drop_all(Engine& engine, bool checkfirst = true) const;
    void drop_all(Connection& connection, bool checkfirst = true) const;
    /// Every statement to the mock engine's callback, in the order a connection would run them.
    /// checkfirst needs a database: true is an InvalidRequestError, before anything is sent.
    void create_all(MockEngine& engine, bool checkfirst = false) const;
    void drop_all(MockEngine& engine, bool checkfirst = false) const;
    /// The statements to `runner` (which answers the checkfirst questions).
    void create_all(DdlRunner& runner, bool checkfirst = true) const;
    void drop_all(DdlRunner& runner, bool checkfirst = true) const;

private:
    NamingConvention naming_convention_;
    std::string schema_;
    std::deque<Table> tables_;
    std::vector<Sequence> sequences_;
};

}  // namespace athanor::sql
