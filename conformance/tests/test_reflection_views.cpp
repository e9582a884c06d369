// reflection group (see reflection_support.hpp): views — their names, columns and definitions —
// and the temporary relations of ComponentReflectionTest's fixture (a temporary table with a
// unique constraint and an index, and a temporary view over it).
#include "reflection_support.hpp"

#include <athanor/errors.hpp>

using namespace athanor::sql;
namespace sa = athanor;
using cf::ComponentTables;
using cf::cf_only;
using cf::column_named;
using cf::column_names;
using cf::contains;

BOOST_AUTO_TEST_SUITE(reflection)

// ---- ComponentReflectionTest: views -------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTest, CF_REQUIRES("table_reflection"))
BOOST_FIXTURE_TEST_CASE(test_get_view_names, ComponentTables, *boost::unit_test::precondition(cf::Requires{{"views"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_view_names")) {
    auto insp = inspector();
    for (const auto& schema : schemas) {  // SQLAlchemy's use_schema combinations
        BOOST_TEST(cf_only(insp.get_view_names(schema)) ==
                       (std::vector<std::string>{"cf_email_addresses_v", "cf_users_v"}),
                   boost::test_tools::per_element());
        BOOST_TEST(!contains(insp.get_table_names(schema), "cf_users_v"));
    }
}
BOOST_FIXTURE_TEST_CASE(test_get_view_columns, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"views", "view_column_reflection"}})) {
    auto cols = inspector().get_columns("cf_users_v");
    BOOST_TEST(column_names(cols) == (std::vector<std::string>{"user_id", "test1", "test2", "parent_user_id"}),
               boost::test_tools::per_element());
    BOOST_TEST((column_named(cols, "test1").type->affinity() == TypeAffinity::string));
}
BOOST_FIXTURE_TEST_CASE(test_get_view_definition, ComponentTables, *boost::unit_test::precondition(cf::Requires{{"views", "view_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_view_definition")) {
    auto insp = inspector();
    for (const auto& schema : schemas)  // SQLAlchemy's use_schema combinations
        for (const std::string view : {"cf_users_v", "cf_email_addresses_v"}) {
            const auto definition = insp.get_view_definition(view, schema);
            BOOST_TEST(!definition.empty(), view);
            // The definition is the view's query: it names the table the view reads.
            BOOST_TEST(definition.find(view.substr(0, view.size() - 2)) != std::string::npos, definition);
        }
}
BOOST_FIXTURE_TEST_CASE(test_get_view_definition_does_not_exist, ComponentTables, *boost::unit_test::precondition(cf::Requires{{"views", "view_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_view_definition_does_not_exist")) {
    auto insp = inspector();
    BOOST_CHECK_THROW(insp.get_view_definition("cf_view_does_not_exist"), sa::NoSuchTableError);
    BOOST_CHECK_THROW(insp.get_view_definition("cf_users"), sa::NoSuchTableError);  // a table
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTest: temporary tables and views ----------------------------------------
namespace {
// SQLAlchemy's define_temp_tables: user_tmp (id, name, foo) with a named unique constraint on
// name and an index on foo, and the temporary view user_tmp_v over it. A temporary table has
// no MetaData spelling here: raw DDL, with the dialect's type names.
struct TempTables {
    cf::Session s;
    TempTables() {
        s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_user_tmp") + " (id " + cf::type(ty::Integer()) +
                  " PRIMARY KEY, name " + cf::type(ty::String(50)) + ", foo " + cf::type(ty::Integer()) +
                  ", CONSTRAINT " + cf::q("cf_user_tmp_uq") + " UNIQUE (name))",
              "DROP TABLE " + cf::q("cf_user_tmp"));
        s.exec("CREATE INDEX " + cf::q("cf_user_tmp_ix") + " ON " + cf::q("cf_user_tmp") + " (foo)");
        s.conn.commit();
        if (cf::has("temporary_views"))
            s.ddl("CREATE TEMPORARY VIEW " + cf::q("cf_user_tmp_v") + " AS SELECT * FROM " + cf::q("cf_user_tmp"),
                  "DROP VIEW " + cf::q("cf_user_tmp_v"));
    }
    sa::Inspector inspector() { return sa::Inspector(s.conn); }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(ComponentReflectionTest)
BOOST_FIXTURE_TEST_CASE(test_get_temp_table_names, TempTables, *boost::unit_test::precondition(cf::Requires{{"table_reflection", "temp_table_names"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_temp_table_names")) {
    BOOST_TEST(cf_only(inspector().get_temp_table_names()) == std::vector<std::string>{"cf_user_tmp"},
               boost::test_tools::per_element());
    // A temporary table is not one of the schema's tables.
    BOOST_TEST(!contains(inspector().get_table_names(), "cf_user_tmp"));
}
BOOST_FIXTURE_TEST_CASE(test_get_temp_view_names, TempTables, *boost::unit_test::precondition(cf::Requires{{"table_reflection", "view_reflection", "temporary_views"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_temp_view_names")) {
    BOOST_TEST(cf_only(inspector().get_temp_view_names()) == std::vector<std::string>{"cf_user_tmp_v"},
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_get_temp_view_columns, TempTables, *boost::unit_test::precondition(cf::Requires{{"table_reflection", "temp_table_reflection", "view_column_reflection", "temporary_views"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_temp_view_columns")) {
    auto cols = inspector().get_columns("cf_user_tmp_v");
    BOOST_TEST(column_names(cols) == (std::vector<std::string>{"id", "name", "foo"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_get_temp_table_unique_constraints, TempTables, *boost::unit_test::precondition(cf::Requires{{"table_reflection", "temp_table_reflection", "unique_constraint_reflection"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_temp_table_unique_constraints")) {
    auto uqs = inspector().get_unique_constraints("cf_user_tmp");
    BOOST_TEST_REQUIRE(uqs.size() == 1u);
    BOOST_TEST(uqs[0].name == "cf_user_tmp_uq");
    BOOST_TEST(uqs[0].column_names == std::vector<std::string>{"name"}, boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_get_temp_table_indexes, TempTables, *boost::unit_test::precondition(cf::Requires{{"table_reflection", "temp_table_reflect_indexes"}}) CF_SA("test_reflection.py::ComponentReflectionTest::test_get_temp_table_indexes")) {
    auto indexes = inspector().get_indexes("cf_user_tmp");
    BOOST_TEST_REQUIRE(indexes.size() == 1u);
    BOOST_TEST(indexes[0].name == "cf_user_tmp_ix");
    BOOST_TEST(!indexes[0].unique);
    BOOST_TEST(indexes[0].column_names == std::vector<std::string>{"foo"}, boost::test_tools::per_element());
    BOOST_TEST(indexes[0].include_columns.empty());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
