// Generated columns (Computed) and covering indexes (Index::include) in DDL: the generic form,
// PostgreSQL's (stored only, INCLUDE) and SQLite's (STORED / VIRTUAL, no INCLUDE), and the
// round trip through reflection on live SQLite.
#define BOOST_TEST_MODULE test_sql_ddl_generated
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/connection.hpp>
#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql.hpp>

namespace sa = athanor;
using namespace athanor::sql;

namespace {

/// Dialects without a server: compiling needs no connection.
const sa::sdk::Dialect& dialect_of(const std::string& url) {
    static std::map<std::string, sa::Engine> engines;
    auto it = engines.find(url);
    if (it == engines.end()) it = engines.emplace(url, athanor::test::engine(url)).first;
    return it->second.dialect();
}
const sa::sdk::Dialect& pg() { return dialect_of("postgresql://nobody@127.0.0.1:1/none"); }
const sa::sdk::Dialect& sqlite() { return dialect_of("sqlite://"); }

TypePtr integer() { return TypeEngine::named("INTEGER"); }

}  // namespace

BOOST_AUTO_TEST_CASE(computed_columns_render_generated_always_as) {
    MetaData md;
    auto& t = md.table("t", Column("normal", integer()), Column("plain", integer(), Computed("normal + 42")),
                       Column("stored", integer(), Computed("normal - 42", true)),
                       Column("virt", integer(), Computed("normal + 2", false)));
    const auto sqlite_sql = CreateTable(t).compile(sqlite())->sql;
    BOOST_TEST_INFO(sqlite_sql);
    BOOST_TEST(athanor::test::contains(sqlite_sql, "plain INTEGER GENERATED ALWAYS AS (normal + 42)"));
    BOOST_TEST(athanor::test::contains(sqlite_sql, "stored INTEGER GENERATED ALWAYS AS (normal - 42) STORED"));
    BOOST_TEST(athanor::test::contains(sqlite_sql, "virt INTEGER GENERATED ALWAYS AS (normal + 2) VIRTUAL"));
    // PostgreSQL stores every generated column and has no VIRTUAL.
    BOOST_CHECK_THROW(CreateTable(t).compile(pg()), sa::CompileError);
    MetaData stored_only;
    auto& s = stored_only.table("s", Column("normal", integer()), Column("plain", integer(), Computed("normal + 42")));
    BOOST_TEST(athanor::test::contains(CreateTable(s).compile(pg())->sql,
                                       "plain INTEGER GENERATED ALWAYS AS (normal + 42) STORED"));
}

BOOST_AUTO_TEST_CASE(covering_indexes_render_include_where_the_dialect_has_it) {
    MetaData md;
    Index ix("t_idx", {"x"});
    ix.include = {"y"};
    auto& t = md.table("t", Column("x", integer()), Column("y", integer()), ix);
    BOOST_TEST(CreateIndex(t.table().indexes.front()).compile(pg())->sql == "CREATE INDEX t_idx ON t (x) INCLUDE (y)");
    BOOST_CHECK_THROW(CreateIndex(t.table().indexes.front()).compile(sqlite()), sa::CompileError);
}

BOOST_AUTO_TEST_CASE(computed_columns_round_trip_through_sqlite_reflection) {
    auto engine = athanor::test::engine("sqlite://");
    MetaData md;
    auto& t = md.table("t", Column("id", integer(), primary_key()), Column("normal", integer()),
                       Column("stored", integer(), Computed("normal * 2", true)),
                       Column("virt", integer(), Computed("normal + 1")));
    auto conn = engine.connect();
    md.create_all(conn);
    conn.execute(t.insert().values({{"id", 1}, {"normal", 20}}));
    const auto row = conn.execute(select(t.c("stored"), t.c("virt"))).one();
    BOOST_TEST(row[0].as_int() == 40);
    BOOST_TEST(row[1].as_int() == 21);
    sa::Inspector insp(conn);
    for (const auto& c : insp.get_columns("t")) {
        if (c.name == "stored") {
            BOOST_TEST_REQUIRE(c.computed.has_value());
            BOOST_TEST(c.computed->sqltext == "normal * 2");
            BOOST_TEST((c.computed->persisted == std::optional<bool>(true)));
        } else if (c.name == "virt") {
            BOOST_TEST_REQUIRE(c.computed.has_value());
            BOOST_TEST(c.computed->sqltext == "normal + 1");
            BOOST_TEST((c.computed->persisted == std::optional<bool>(false)));
        } else {
            BOOST_TEST(!c.computed.has_value(), c.name);
        }
        BOOST_TEST(!c.default_.has_value(), c.name);
    }
    // Reflected into a MetaData, the table is created again with the same generated columns.
    MetaData copy;
    auto& r = sa::reflect_table(copy, conn, "t");
    BOOST_TEST(athanor::test::contains(CreateTable(r).compile(sqlite())->sql,
                                       "GENERATED ALWAYS AS (normal * 2) STORED"));
}
