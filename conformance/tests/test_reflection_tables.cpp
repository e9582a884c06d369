// reflection group (see reflection_support.hpp): tables — HasTableTest (the dialect's has_table
// for everyone, the Inspector's where it exists), the schema and table names, temporary tables,
// a missing table (NoSuchTableError from every get_*), whole-MetaData reflection, and
// TableNoColumnsTest.
#include "reflection_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sdk/dialect.hpp>

#include <optional>

using namespace athanor::sql;
namespace sa = athanor;
using cf::ComponentTables;
using cf::cf_only;
using cf::contains;

namespace {

// The dialect's own has_table (what create_all's checkfirst uses), on the test's connection.
bool dialect_has_table(cf::Session& s, const std::string& name) {
    return cf::engine().dialect().has_table(s.conn.driver_connection(), name, "");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reflection)

// ---- HasTableTest: the dialect's has_table for everyone, the Inspector's where it exists ----
BOOST_AUTO_TEST_SUITE(HasTableTest)
struct HasTableFixture {
    cf::Session s;
    HasTableFixture() {
        s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)));
        s.create_all();
    }
};
BOOST_FIXTURE_TEST_CASE(test_has_table, HasTableFixture, CF_SA("test_reflection.py::HasTableTest::test_has_table")) {
    BOOST_TEST(dialect_has_table(s, "cf_test_table"));
    BOOST_TEST(!dialect_has_table(s, "cf_nonexistent_table"));
    if (cf::has("table_reflection")) {
        sa::Inspector insp(s.conn);
        BOOST_TEST(insp.has_table("cf_test_table"));
        BOOST_TEST(!insp.has_table("cf_nonexistent_table"));
    }
}
BOOST_FIXTURE_TEST_CASE(test_has_table_cache, HasTableFixture, CF_SA("test_reflection.py::HasTableTest::test_has_table_cache")) {
    // SQLAlchemy's Inspector caches; ours asks the database every time, so a table created
    // after the first answer is seen without clear_cache().
    BOOST_TEST(!dialect_has_table(s, "cf_new_table"));
    std::optional<sa::Inspector> insp;
    if (cf::has("table_reflection")) {
        insp.emplace(s.conn);
        BOOST_TEST(!insp->has_table("cf_new_table"));
    }
    s.metadata.table("cf_new_table", Column("col", ty::Integer()));
    s.create_all();
    BOOST_TEST(dialect_has_table(s, "cf_new_table"));
    if (insp) BOOST_TEST(insp->has_table("cf_new_table"));
}
BOOST_FIXTURE_TEST_CASE(test_has_table_view, HasTableFixture, *boost::unit_test::precondition(cf::Requires{{"views"}}) CF_SA("test_reflection.py::HasTableTest::test_has_table_view")) {
    s.ddl("CREATE VIEW " + cf::q("cf_vv") + " AS SELECT * FROM " + cf::q("cf_test_table"), "DROP VIEW " + cf::q("cf_vv"));
    BOOST_TEST(dialect_has_table(s, "cf_vv"));
    if (cf::has("table_reflection")) BOOST_TEST(sa::Inspector(s.conn).has_table("cf_vv"));
}
BOOST_FIXTURE_TEST_CASE(test_has_table_temp_table, HasTableFixture,
                        *boost::unit_test::precondition(cf::Requires{{"has_temp_table"}}) CF_SA("test_reflection.py::HasTableTest::test_has_table_temp_table")) {
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_temp_has") + " (id " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_temp_has"));
    BOOST_TEST(dialect_has_table(s, "cf_temp_has"));
    if (cf::has("table_reflection")) BOOST_TEST(sa::Inspector(s.conn).has_table("cf_temp_has"));
}
BOOST_FIXTURE_TEST_CASE(test_has_table_temp_view, HasTableFixture,
                        *boost::unit_test::precondition(cf::Requires{{"has_temp_table", "view_reflection", "temporary_views"}}) CF_SA("test_reflection.py::HasTableTest::test_has_table_temp_view")) {
    s.ddl("CREATE TEMPORARY VIEW " + cf::q("cf_temp_v") + " AS SELECT * FROM " + cf::q("cf_test_table"),
          "DROP VIEW " + cf::q("cf_temp_v"));
    BOOST_TEST(dialect_has_table(s, "cf_temp_v"));
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTest: schemas and tables ------------------------------------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTest, CF_REQUIRES("table_reflection"))
BOOST_FIXTURE_TEST_CASE(test_get_schema_names, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"schema_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_schema_names")) {
    auto insp = inspector();
    BOOST_TEST(contains(insp.get_schema_names(), insp.default_schema_name()));
}
BOOST_FIXTURE_TEST_CASE(test_get_default_schema_name, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"schema_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_default_schema_name")) {
    auto insp = inspector();
    const auto name = insp.default_schema_name();
    BOOST_TEST(!name.empty());
    // The default schema is where unqualified tables went.
    BOOST_TEST(contains(insp.get_table_names(name), "cf_users"));
}
BOOST_FIXTURE_TEST_CASE(test_get_table_names, ComponentTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_get_table_names")) {
    for (const auto& schema : schemas) {  // SQLAlchemy's use_schema combinations
        auto names = cf_only(inspector().get_table_names(schema));
        BOOST_TEST(names == (std::vector<std::string>{"cf_comment_test", "cf_dingalings", "cf_email_addresses",
                                                      "cf_no_constraints", "cf_users"}),
                   boost::test_tools::per_element());
    }
}
BOOST_AUTO_TEST_CASE(test_reflect_table_temp_table, CF_REQUIRES("temp_table_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_reflect_table_temp_table")) {
    cf::Session s;
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_user_tmp") + " (id " + cf::type(ty::Integer()) + " PRIMARY KEY, name " +
              cf::type(ty::String(50)) + ", foo " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_user_tmp"));
    MetaData m;
    auto& t = sa::reflect_table(m, s.conn, "cf_user_tmp");
    std::vector<std::string> names;
    for (const auto& c : t.table().columns) names.push_back(c.name());
    BOOST_TEST(names == (std::vector<std::string>{"id", "name", "foo"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_not_existing_table, ComponentTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_not_existing_table")) {
    auto insp = inspector();
    BOOST_CHECK_THROW(insp.get_columns("cf_no_such_table"), sa::NoSuchTableError);
    if (cf::has("primary_key_constraint_reflection"))
        BOOST_CHECK_THROW(insp.get_pk_constraint("cf_no_such_table"), sa::NoSuchTableError);
    if (cf::has("foreign_key_constraint_reflection"))
        BOOST_CHECK_THROW(insp.get_foreign_keys("cf_no_such_table"), sa::NoSuchTableError);
    if (cf::has("index_reflection")) BOOST_CHECK_THROW(insp.get_indexes("cf_no_such_table"), sa::NoSuchTableError);
    if (cf::has("unique_constraint_reflection"))
        BOOST_CHECK_THROW(insp.get_unique_constraints("cf_no_such_table"), sa::NoSuchTableError);
    if (cf::has("check_constraint_reflection"))
        BOOST_CHECK_THROW(insp.get_check_constraints("cf_no_such_table"), sa::NoSuchTableError);
    if (cf::has("comment_reflection"))
        BOOST_CHECK_THROW(insp.get_table_comment("cf_no_such_table"), sa::NoSuchTableError);
    MetaData m;
    BOOST_CHECK_THROW(sa::reflect_table(m, s.conn, "cf_no_such_table"), sa::NoSuchTableError);
}
BOOST_FIXTURE_TEST_CASE(test_metadata, ComponentTables, CF_SA("test_reflection.py::ComponentReflectionTest::test_metadata")) {
    for (const auto& schema : schemas) {  // SQLAlchemy's use_schema combinations
        MetaData m;
        sa::reflect(m, s.conn, {.schema = schema});
        std::vector<std::string> reflected;
        for (const auto& t : m.tables_in_definition_order()) {
            reflected.push_back(t.table().table_name);
            BOOST_TEST(t.table().schema == schema);
        }
        BOOST_TEST(cf_only(reflected) == cf_only(inspector().get_table_names(schema)), boost::test_tools::per_element());
        // The reflected table is usable: its columns are those of the database.
        auto& users = m.table(schema.empty() ? std::string("cf_users") : schema + ".cf_users");
        BOOST_TEST(users.table().columns.size() == 4u);
    }
}
BOOST_AUTO_TEST_SUITE_END()

// ---- TableNoColumnsTest ------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(TableNoColumnsTest, CF_REQUIRES("table_reflection", "reflect_tables_no_columns"))
BOOST_AUTO_TEST_CASE(test_get_columns_table_no_columns, CF_SA("test_reflection.py::TableNoColumnsTest::test_get_columns_table_no_columns")) {
    cf::Session s;  // a table with zero columns has no MetaData spelling
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.get_columns("cf_empty").empty());
    const auto multi = insp.get_multi_columns({.filter_names = std::vector<std::string>{"cf_empty"}});
    BOOST_TEST_REQUIRE(multi.size() == 1u);
    BOOST_TEST(multi.begin()->first == "cf_empty");
    BOOST_TEST(multi.begin()->second.empty());
}
BOOST_AUTO_TEST_CASE(test_reflect_table_no_columns, CF_SA("test_reflection.py::TableNoColumnsTest::test_reflect_table_no_columns")) {
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    MetaData m;
    auto& t = sa::reflect_table(m, s.conn, "cf_empty");
    BOOST_TEST(t.table().columns.empty());
}
BOOST_AUTO_TEST_CASE(test_reflect_incl_table_no_columns, CF_SA("test_reflection.py::TableNoColumnsTest::test_reflect_incl_table_no_columns")) {
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    MetaData m;
    sa::reflect(m, s.conn);  // the whole schema: the table without columns is among its tables
    std::vector<std::string> reflected;
    for (const auto& t : m.tables_in_definition_order()) reflected.push_back(t.table().table_name);
    BOOST_TEST(contains(reflected, "cf_empty"));
    BOOST_TEST(m.table("cf_empty").table().columns.empty());
}
BOOST_AUTO_TEST_CASE(test_reflect_view_no_columns, CF_REQUIRES("views") CF_SA("test_reflection.py::TableNoColumnsTest::test_reflect_view_no_columns")) {
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    s.ddl("CREATE VIEW " + cf::q("cf_empty_v") + " AS SELECT * FROM " + cf::q("cf_empty"), "DROP VIEW " + cf::q("cf_empty_v"));
    MetaData m;
    auto& t = sa::reflect_table(m, s.conn, "cf_empty_v");
    BOOST_TEST(t.table().columns.empty());
}
BOOST_AUTO_TEST_CASE(test_get_columns_view_no_columns, CF_REQUIRES("views") CF_SA("test_reflection.py::TableNoColumnsTest::test_get_columns_view_no_columns")) {
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    s.ddl("CREATE VIEW " + cf::q("cf_empty_v") + " AS SELECT * FROM " + cf::q("cf_empty"), "DROP VIEW " + cf::q("cf_empty_v"));
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.get_columns("cf_empty_v").empty());
    const auto multi = insp.get_multi_columns(
        {.filter_names = std::vector<std::string>{"cf_empty_v"}, .kind = sa::ObjectKind::view});
    BOOST_TEST_REQUIRE(multi.size() == 1u);
    BOOST_TEST(multi.begin()->first == "cf_empty_v");
    BOOST_TEST(multi.begin()->second.empty());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
