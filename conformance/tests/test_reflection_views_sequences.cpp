// reflection group (see reflection_support.hpp): views (their names and columns) and sequences
// (test_sequence.py's HasSequenceTest and HasSequenceTestEmpty).
#include "reflection_support.hpp"

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
    BOOST_TEST(cf_only(insp.get_view_names()) == (std::vector<std::string>{"cf_email_addresses_v", "cf_users_v"}),
               boost::test_tools::per_element());
    BOOST_TEST(!contains(insp.get_table_names(), "cf_users_v"));
}
BOOST_FIXTURE_TEST_CASE(test_get_view_columns, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"views", "view_column_reflection"}})) {
    auto cols = inspector().get_columns("cf_users_v");
    BOOST_TEST(column_names(cols) == (std::vector<std::string>{"user_id", "test1", "test2", "parent_user_id"}),
               boost::test_tools::per_element());
    BOOST_TEST((column_named(cols, "test1").type->affinity() == TypeAffinity::string));
}
BOOST_AUTO_TEST_SUITE_END()

// ---- HasSequenceTest, HasSequenceTestEmpty (test_sequence.py) ------------------------------------
BOOST_AUTO_TEST_SUITE(HasSequenceTest, CF_REQUIRES("table_reflection", "sequences"))
struct SequenceFixture {
    cf::Session s;
    SequenceFixture() {
        s.metadata.sequence(Sequence("cf_user_id_seq", {.start = 1}));
        s.metadata.sequence(Sequence("cf_other_seq", {.start = 2}));
        s.metadata.table("cf_user_id_table", Column("id", ty::Integer(), primary_key()));
        s.create_all();
    }
};
BOOST_FIXTURE_TEST_CASE(test_has_sequence, SequenceFixture) {
    BOOST_TEST(sa::Inspector(s.conn).has_sequence("cf_user_id_seq"));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_cache, SequenceFixture) {
    sa::Inspector insp(s.conn);
    BOOST_TEST(!insp.has_sequence("cf_new_seq"));
    cf::Session t;
    t.metadata.sequence(Sequence("cf_new_seq"));
    t.create_all();
    BOOST_TEST(insp.has_sequence("cf_new_seq"));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_other_object, SequenceFixture) {
    BOOST_TEST(!sa::Inspector(s.conn).has_sequence("cf_user_id_table"));
}
BOOST_FIXTURE_TEST_CASE(test_has_sequence_neg, SequenceFixture) {
    BOOST_TEST(!sa::Inspector(s.conn).has_sequence("cf_some_sequence"));
}
BOOST_FIXTURE_TEST_CASE(test_get_sequence_names, SequenceFixture) {
    // As SQLAlchemy: both are listed (serial/identity sequences may be listed too).
    auto names = sa::Inspector(s.conn).get_sequence_names();
    BOOST_TEST(contains(names, "cf_other_seq"));
    BOOST_TEST(contains(names, "cf_user_id_seq"));
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE(HasSequenceTestEmpty, CF_REQUIRES("table_reflection", "sequences"))
BOOST_AUTO_TEST_CASE(test_get_sequence_names_no_sequence) {
    // The suite's own objects only: the database may hold other sequences.
    cf::Session s;
    BOOST_TEST(cf_only(sa::Inspector(s.conn).get_sequence_names()).empty());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
