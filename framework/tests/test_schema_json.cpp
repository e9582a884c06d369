// load_schema_json(): reflect_json's text read back into a MetaData — the same tables as
// reflect() builds from the database (compared through their DDL on SQLite), standalone
// sequences kept and serial-owned ones left to the column, and bad text refused with the place
// named and nothing added.
#define BOOST_TEST_MODULE test_schema_json
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/mock_engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/text.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::sql;

BOOST_AUTO_TEST_CASE(json_gives_the_tables_reflect_gives) {
    auto engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(sa::text("CREATE TABLE parent (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL DEFAULT 'x' UNIQUE)"));
    conn.execute(sa::text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) "
                          "ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, score NUMERIC(8, 2), CONSTRAINT ck_score CHECK (score >= 0))"));
    conn.execute(sa::text("CREATE UNIQUE INDEX ix_child_score ON child (score)"));
    sa::Inspector inspector(conn);
    MetaData reflected;
    sa::reflect(reflected, inspector);
    MetaData loaded;
    sa::load_schema_json(loaded, sa::reflect_json(inspector));
    const auto ddl = [&](const MetaData& md) {
        std::string out;
        for (const auto& t : md.tables()) {
            out += to_string(CreateTable(t)) + ";\n";
            for (const auto& ix : t.table().indexes) out += to_string(CreateIndex(ix)) + ";\n";
        }
        return out;
    };
    BOOST_TEST(ddl(loaded) == ddl(reflected));
    BOOST_TEST(ddl(loaded).find("ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED") != std::string::npos);
    BOOST_TEST(ddl(loaded).find("CREATE UNIQUE INDEX ix_child_score ON child (score)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(standalone_sequences_are_kept_owned_ones_are_not) {
    MetaData md;
    sa::load_schema_json(md, R"({"tables": {"t": {"columns": [{"name": "id", "type": "INTEGER", "autoincrement": true}],
        "primary_key": {"name": null, "constrained_columns": ["id"]}}},
        "sequences": [{"name": "t_id_seq", "start": 1, "increment": 1, "owner": "t.id"},
                      {"name": "order_numbers", "start": 1000, "increment": 10, "owner": null}]})",
                         "app");
    BOOST_TEST(md.contains("app.t"));
    BOOST_REQUIRE(md.sequences().size() == 1u);
    BOOST_TEST(md.sequences().at(0).name() == "order_numbers");
    BOOST_TEST(md.sequences().at(0).schema() == "app");
}

BOOST_AUTO_TEST_CASE(bad_text_names_the_place_and_adds_nothing) {
    MetaData md;
    try {
        sa::load_schema_json(md, R"({"tables": {"a": {"columns": [{"name": "id", "type": "INTEGER"}]},
                                                "b": {"columns": [{"name": "x"}, {"name": "y", "nullable": "no"}]}}})");
        BOOST_FAIL("accepted");
    } catch (const sa::ArgumentError& e) {
        BOOST_TEST(std::string(e.what()).find("tables.b.columns[0] has neither \"type\" nor \"type_name\"") != std::string::npos);
    }
    BOOST_TEST(md.tables_in_definition_order().empty());  // "a" was fine, and is not added either
    BOOST_CHECK_THROW(sa::load_schema_json(md, "[1, 2]"), sa::ArgumentError);
    BOOST_CHECK_THROW(sa::load_schema_json(md, "{\"tables\": {"), sa::ArgumentError);
    BOOST_CHECK_THROW(sa::load_schema_json(md, R"({"tables": {"t": {"columns": []}}})"), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(the_database_spelling_wins_where_it_names_a_generic_type) {
    // As `athanor reflect --json` prints PostgreSQL columns: a Uuid's generic rendering is
    // CHAR(32), jsonb is no generic name (JSON is), the collation is its own field.
    MetaData md;
    sa::load_schema_json(md, R"js({"tables": {"t": {"columns": [
        {"name": "u", "type": "CHAR(32)", "type_name": "uuid"},
        {"name": "j", "type": "JSON", "type_name": "jsonb"},
        {"name": "c", "type": "TEXT", "type_name": "text", "collation": "C"},
        {"name": "n", "type_name": "NUMERIC(10, 2)"}]}}})js");
    std::vector<std::string> sql;
    sa::MockEngine pg(sa::Url::parse("postgresql://"), [&](const sa::MockStatement& s) { sql.push_back(s.sql); },
                      &athanor::test::registry());
    md.create_all(pg);
    BOOST_REQUIRE(sql.size() == 1u);
    BOOST_TEST(sql[0] == "CREATE TABLE t (\n\tu UUID,\n\tj JSON,\n\tc TEXT COLLATE \"C\",\n\tn NUMERIC(10, 2)\n)");
}
