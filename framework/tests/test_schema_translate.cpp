// schema_translate_map: schema names replaced as statements and DDL are compiled (table, column
// and sequence references; "" standing for objects without a schema; a value "" dropping the
// schema), compiled forms cached per map, and MetaData::create_all() under a map on live SQLite,
// where ATTACHed databases are schemas, and on PostgreSQL (a named ENUM type follows the map).
#define BOOST_TEST_MODULE test_schema_translate
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/default_dialect.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <memory>
#include <string>
#include <vector>

namespace sa = athanor;
namespace types = athanor::types;
using namespace athanor::sql;

namespace {

std::string compiled(const Statement& s, SchemaTranslateMap map) {
    CompileOptions o;
    o.schema_translate_map = std::make_shared<const SchemaTranslateMap>(std::move(map));
    return to_string(s, o);
}

sa::Engine sqlite_engine(std::vector<std::string>* log = nullptr) {
    sa::EngineOptions options;
    options.registry = &athanor::test::registry();
    if (log) {
        options.echo = true;
        options.log_sink = [log](std::string_view line) { log->emplace_back(line); };
    }
    return sa::create_engine("sqlite://", std::move(options));
}

}  // namespace

BOOST_AUTO_TEST_CASE(tables_columns_and_sequences_are_translated) {
    Table orders("orders", {Column("id", types::Integer(), primary_key()), Column("n", types::Integer())}, "per_tenant");
    Table plain("plain", {Column("id", types::Integer(), primary_key())});
    const auto stmt = select(orders.c("id"), plain.c("id")).where(orders.c("n") > 1);
    BOOST_TEST(compiled(stmt, {{"per_tenant", "t42"}}) ==
               "SELECT t42.orders.id, plain.id AS id_1 FROM t42.orders, plain WHERE t42.orders.n > :n_1");
    // "" is the key of objects without a schema; a value "" drops the schema.
    BOOST_TEST(compiled(stmt, {{"", "shared"}, {"per_tenant", ""}}) ==
               "SELECT orders.id, shared.plain.id AS id_1 FROM orders, shared.plain WHERE orders.n > :n_1");
    // No map, or a map without the schema: unchanged.
    BOOST_TEST(to_string(stmt) == compiled(stmt, {{"other", "x"}}));
    BOOST_TEST(to_string(select(next_value("ids", "per_tenant"))).find("per_tenant.ids") != std::string::npos);
    BOOST_TEST(compiled(select(next_value("ids", "per_tenant")), {{"per_tenant", "t42"}}).find("t42.ids") !=
               std::string::npos);
    // DML and DDL.
    BOOST_TEST(compiled(orders.insert().values({{"n", 1}}), {{"per_tenant", "t42"}}).rfind("INSERT INTO t42.orders", 0) == 0);
    MetaData md;
    auto& lines = md.table("lines", Column("id", types::Integer(), primary_key()),
                           Column("order_id", types::Integer(), ForeignKey("per_tenant.orders.id")),
                           TableOptions{.schema = "per_tenant"});
    const auto map = std::make_shared<const SchemaTranslateMap>(SchemaTranslateMap{{"per_tenant", "t42"}});
    const auto& dialect = DefaultDialect::instance();
    const auto ddl = CreateTable(lines).compile(dialect, map)->sql;
    BOOST_TEST(ddl.rfind("CREATE TABLE t42.lines", 0) == 0, ddl);
    BOOST_TEST(ddl.find("REFERENCES t42.orders (id)") != std::string::npos, ddl);
    BOOST_TEST(CreateTable(lines).compile(dialect)->sql.rfind("CREATE TABLE per_tenant.lines", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_column_sequence_keeps_its_schema) {
    MetaData md;
    auto& t = md.table("t", Column("id", types::Integer(), Sequence("t_id_seq", {.schema = "keys"}), primary_key()),
                       Column("x", types::Integer()));
    // The generic dialect fires sequences inline; the sequence is named with its schema.
    BOOST_TEST(to_string(t.insert().values({{"x", 1}})).find("keys.t_id_seq") != std::string::npos,
               to_string(t.insert().values({{"x", 1}})));
    BOOST_TEST(compiled(t.insert().values({{"x", 1}}), {{"keys", "k2"}}).find("k2.t_id_seq") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_connection_two_tenants_on_sqlite) {
    std::vector<std::string> log;
    auto engine = sqlite_engine(&log);
    auto conn = engine.connect();
    conn.execute(sa::text("ATTACH DATABASE ':memory:' AS tenant_a"));
    conn.execute(sa::text("ATTACH DATABASE ':memory:' AS tenant_b"));
    MetaData md;
    auto& items = md.table("items", Column("id", types::Integer(), primary_key()), Column("name", types::String(20)),
                           TableOptions{.schema = "per_tenant"});
    for (const char* tenant : {"tenant_a", "tenant_b"}) {
        conn.execution_options({.schema_translate_map = SchemaTranslateMap{{"per_tenant", tenant}}});
        BOOST_TEST(conn.effective_schema("per_tenant") == tenant);
        md.create_all(conn);  // checkfirst asks about the translated schema: created in each
        conn.execute(items.insert().values({{"name", std::string("of ") + tenant}}));
    }
    const auto select_names = select(items.c("name"));
    for (const char* tenant : {"tenant_a", "tenant_b", "tenant_a", "tenant_b"}) {
        conn.execution_options({.schema_translate_map = SchemaTranslateMap{{"per_tenant", tenant}}});
        auto names = conn.execute(select_names).scalars();
        BOOST_TEST_REQUIRE(names.size() == 1u);
        BOOST_TEST(names[0].as_string() == std::string("of ") + tenant);
    }
    BOOST_TEST(conn.execute(sa::text("SELECT name FROM tenant_a.items")).scalars().at(0).as_string() == "of tenant_a");
    // An empty map turns translation off: the schema as declared (no such database here).
    conn.execution_options({.schema_translate_map = SchemaTranslateMap{}});
    BOOST_TEST(conn.effective_schema("per_tenant") == "per_tenant");
    BOOST_CHECK_THROW(conn.execute(select_names), sa::OperationalError);
    conn.rollback();
    // Each map compiled its own form, and the second run per tenant came from the cache.
    std::vector<std::string> origins;
    for (std::size_t i = 0; i + 1 < log.size(); ++i)
        if (log[i].find("SELECT tenant_") != std::string::npos)
            origins.push_back(log[i + 1].find("[cached]") != std::string::npos ? "cached" : "generated");
    BOOST_TEST(origins == (std::vector<std::string>{"generated", "generated", "cached", "cached"}),
               boost::test_tools::per_element());
}

// A PostgreSQL named ENUM type is created, looked up and dropped in the translated schema with
// its table (create_all renders it itself, under the connection's map).
BOOST_AUTO_TEST_CASE(enum_types_follow_the_map_on_postgresql, *boost::unit_test::precondition(athanor::test::HavePgServer())) {
    sa::EngineOptions options;
    options.registry = &athanor::test::registry();
    auto engine = sa::create_engine(athanor::test::pg_url(), std::move(options));
    auto conn = engine.connect();
    conn.execute(sa::text("DROP SCHEMA IF EXISTS athanor_tenant_x CASCADE"));
    conn.execute(sa::text("CREATE SCHEMA athanor_tenant_x"));
    conn.commit();
    MetaData md;
    md.table("moods", Column("id", types::Integer(), primary_key()), Column("mood", types::Enum({"happy", "sad"}, "mood_t")),
             TableOptions{.schema = "per_tenant"});
    conn.execution_options({.schema_translate_map = SchemaTranslateMap{{"per_tenant", "athanor_tenant_x"}}});
    const auto type_schemas = [&] {
        std::vector<std::string> out;
        for (const auto& v : conn.execute(sa::text("SELECT n.nspname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n "
                                                   "ON n.oid = t.typnamespace WHERE t.typname = 'mood_t'"))
                                 .scalars())
            out.push_back(v.as_string());
        return out;
    };
    md.create_all(conn);
    BOOST_TEST(type_schemas() == (std::vector<std::string>{"athanor_tenant_x"}), boost::test_tools::per_element());
    md.create_all(conn);  // checkfirst finds both table and type where they were made
    md.drop_all(conn);
    BOOST_TEST(type_schemas().empty());
    conn.commit();
    conn.execute(sa::text("DROP SCHEMA athanor_tenant_x CASCADE"));
    conn.commit();
}
