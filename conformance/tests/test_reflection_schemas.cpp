// reflection group (see reflection_support.hpp): a second schema — the cases SQLAlchemy gates on
// `schemas` (HasTableTest, HasIndexTest, comments, foreign keys between schemas, identity
// columns) and ComponentReflectionTest's schema listing (has_schema, no schema cache, the
// default schema of a fresh engine). The other schemas are cf::test_schema() and
// cf::test_schema_2() (SQLAlchemy's config.test_schema, test_schema_2).
#include "reflection_support.hpp"

#include <athanor/sdk/dialect.hpp>

using namespace athanor::sql;
namespace sa = athanor;
using cf::column_named;
using cf::contains;

namespace {

bool dialect_has_table(cf::Session& s, const std::string& name, const std::string& schema) {
    return cf::engine().dialect().has_table(s.conn.driver_connection(), name, schema);
}

/// "schema"."name" in this dialect's quoting.
std::string qualified(const std::string& schema, const std::string& name) { return cf::q(schema) + "." + cf::q(name); }

// HasTableTest's fixture: test_table in the default schema, test_table_s in test_schema.
struct SchemaTables {
    cf::Session s;
    SchemaTables() {
        s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)));
        s.metadata.table("cf_test_table_s", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                         TableOptions{.schema = cf::test_schema()});
        s.create_all();
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(reflection)

// ---- HasTableTest, HasIndexTest: in another schema ------------------------------------------
BOOST_AUTO_TEST_SUITE(HasTableTest)
BOOST_FIXTURE_TEST_CASE(test_has_table_schema, SchemaTables, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_reflection.py::HasTableTest::test_has_table_schema")) {
    BOOST_TEST(!dialect_has_table(s, "cf_test_table", cf::test_schema()));
    BOOST_TEST(dialect_has_table(s, "cf_test_table_s", cf::test_schema()));
    BOOST_TEST(!dialect_has_table(s, "cf_nonexistent_table", cf::test_schema()));
    BOOST_TEST(!dialect_has_table(s, "cf_test_table_s", ""));
}
BOOST_FIXTURE_TEST_CASE(test_has_table_nonexistent_schema, SchemaTables, *boost::unit_test::precondition(cf::Requires{{"schemas"}}) CF_SA("test_reflection.py::HasTableTest::test_has_table_nonexistent_schema")) {
    BOOST_TEST(!dialect_has_table(s, "cf_test_table", "cf_nonexistent_schema"));
}
BOOST_FIXTURE_TEST_CASE(test_has_table_view_schema, SchemaTables, *boost::unit_test::precondition(cf::Requires{{"views", "schemas", "table_reflection"}}) CF_SA("test_reflection.py::HasTableTest::test_has_table_view_schema")) {
    const auto view = qualified(cf::test_schema(), "cf_vv");
    s.ddl("CREATE VIEW " + view + " AS SELECT id, data FROM " + qualified(cf::test_schema(), "cf_test_table_s"),
          "DROP VIEW " + view);
    BOOST_TEST(sa::Inspector(s.conn).has_table("cf_vv", cf::test_schema()));
    BOOST_TEST(!sa::Inspector(s.conn).has_table("cf_vv"));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(HasIndexTest, CF_REQUIRES("table_reflection", "index_reflection"))
BOOST_AUTO_TEST_CASE(test_has_index_schema, CF_REQUIRES("schemas") CF_SA("test_reflection.py::HasIndexTest::test_has_index_schema")) {
    cf::Session s;
    s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                     Index("cf_my_idx", {"data"}));
    s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                     Index("cf_my_idx_s", {"data"}), TableOptions{.schema = cf::test_schema()});
    s.create_all();
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.has_index("cf_test_table", "cf_my_idx_s", cf::test_schema()));
    BOOST_TEST(!insp.has_index("cf_test_table", "cf_my_idx", cf::test_schema()));
    BOOST_TEST(!insp.has_index("cf_nonexistent_table", "cf_my_idx_s", cf::test_schema()));
    BOOST_TEST(!insp.has_index("cf_test_table", "cf_nonexistent_idx_s", cf::test_schema()));
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTest: schemas -------------------------------------------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTest, CF_REQUIRES("table_reflection"))
BOOST_AUTO_TEST_CASE(test_has_schema, CF_REQUIRES("schema_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_has_schema")) {
    cf::Session s;
    sa::Inspector insp(s.conn);
    // SQLAlchemy asks for config.test_schema; without a second schema the default one stands in.
    const auto schema = cf::has("schemas") ? cf::test_schema() : insp.default_schema_name();
    BOOST_TEST(insp.has_schema(schema));
    BOOST_TEST(contains(insp.get_schema_names(), schema));
    BOOST_TEST(!insp.has_schema("cf_fake_schema_foo"));
}
// A schema_translate_map on the connection leaves the schema questions alone (they name schemas,
// not tables): the "" key, objects without a schema, is mapped as SQLAlchemy maps BLANK_SCHEMA.
SchemaTranslateMap reflection_translate_map() { return {{"foo", "bar"}, {"", cf::test_schema()}}; }
BOOST_AUTO_TEST_CASE(test_get_schema_names_w_translate_map, CF_REQUIRES("schema_reflection", "schemas") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_schema_names_w_translate_map")) {
    cf::Session s;
    s.conn.execution_options({.schema_translate_map = reflection_translate_map()});
    sa::Inspector insp(s.conn);
    BOOST_TEST(contains(insp.get_schema_names(), cf::test_schema()));
}
BOOST_AUTO_TEST_CASE(test_has_schema_w_translate_map, CF_REQUIRES("schema_reflection", "schemas") CF_SA("test_reflection.py::ComponentReflectionTest::test_has_schema_w_translate_map")) {
    cf::Session s;
    s.conn.execution_options({.schema_translate_map = reflection_translate_map()});
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.has_schema(cf::test_schema()));
    BOOST_TEST(!insp.has_schema("cf_fake_schema_foo"));
}
BOOST_AUTO_TEST_CASE(test_schema_cache, CF_REQUIRES("schema_reflection", "schema_create_delete") CF_SA("test_reflection.py::ComponentReflectionTest::test_schema_cache")) {
    // SQLAlchemy's Inspector caches the schema list until clear_cache(); ours asks every time,
    // so the schema created after the first answer is seen at once (no schema construct: raw DDL).
    cf::Session s;
    sa::Inspector insp(s.conn);
    BOOST_TEST(!contains(insp.get_schema_names(), "cf_foo_bar"));
    BOOST_TEST(!insp.has_schema("cf_foo_bar"));
    s.ddl("CREATE SCHEMA " + cf::q("cf_foo_bar"), "DROP SCHEMA " + cf::q("cf_foo_bar"));
    BOOST_TEST(contains(insp.get_schema_names(), "cf_foo_bar"));
    BOOST_TEST(insp.has_schema("cf_foo_bar"));
}
BOOST_AUTO_TEST_CASE(test_dialect_initialize, CF_REQUIRES("schema_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_dialect_initialize")) {
    // A fresh engine for the same URL: its Inspector knows the default schema on first use.
    auto fresh = sa::create_engine(cf::config().url);
    const auto name = sa::Inspector(fresh).default_schema_name();
    BOOST_TEST(!name.empty());
    cf::Session s;
    BOOST_TEST(name == sa::Inspector(s.conn).default_schema_name());
}
BOOST_AUTO_TEST_CASE(test_get_comments_with_schema, CF_REQUIRES("comment_reflection", "schemas") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_comments_with_schema")) {
    cf::Session s;
    const TableOptions in_schema{.schema = cf::test_schema()};
    s.metadata.table("cf_comment_test", Column("id", ty::Integer(), primary_key(), comment("id comment")),
                     Column("data", ty::String(20), comment("data % comment")),
                     TableOptions{.schema = cf::test_schema(), .comment = "the test % ' \" \\ table comment"});
    s.metadata.table("cf_users", Column("user_id", ty::Integer(), primary_key()), in_schema);
    s.metadata.table("cf_no_constraints", Column("data", ty::String(20)),
                     TableOptions{.schema = cf::test_schema(), .comment = "no\nconstraints\rhas\fescaped\vcomment"});
    s.create_all();
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.get_table_comment("cf_comment_test", cf::test_schema()).value_or("<none>") ==
               "the test % ' \" \\ table comment");
    BOOST_TEST(!insp.get_table_comment("cf_users", cf::test_schema()).has_value());
    BOOST_TEST(insp.get_table_comment("cf_no_constraints", cf::test_schema()).value_or("<none>") ==
               "no\nconstraints\rhas\fescaped\vcomment");
    auto cols = insp.get_columns("cf_comment_test", cf::test_schema());
    BOOST_TEST(column_named(cols, "id").comment.value_or("<none>") == "id comment");
    BOOST_TEST(column_named(cols, "data").comment.value_or("<none>") == "data % comment");
}
BOOST_AUTO_TEST_CASE(test_get_inter_schema_foreign_keys, CF_REQUIRES("cross_schema_fk_reflection", "schemas", "foreign_key_constraint_reflection") CF_SA("test_reflection.py::ComponentReflectionTest::test_get_inter_schema_foreign_keys")) {
    cf::Session s;
    const auto home = sa::Inspector(s.conn).default_schema_name();
    const auto remote = cf::test_schema();
    s.metadata.table("cf_remote_table_2", Column("id", ty::Integer(), primary_key()), TableOptions{.schema = remote});
    s.metadata.table("cf_local_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(20)),
                     Column("remote_id", ty::Integer(), ForeignKey(remote + ".cf_remote_table_2.id")),
                     TableOptions{.schema = home});
    s.metadata.table("cf_remote_table", Column("id", ty::Integer(), primary_key()),
                     Column("local_id", ty::Integer(), ForeignKey(home + ".cf_local_table.id")),
                     TableOptions{.schema = remote});
    s.create_all();
    sa::Inspector insp(s.conn);
    auto local = insp.get_foreign_keys("cf_local_table");
    BOOST_TEST_REQUIRE(local.size() == 1u);
    BOOST_TEST(local[0].referred_schema == remote);
    BOOST_TEST(local[0].referred_table == "cf_remote_table_2");
    BOOST_TEST(local[0].referred_columns == std::vector<std::string>{"id"}, boost::test_tools::per_element());
    BOOST_TEST(local[0].constrained_columns == std::vector<std::string>{"remote_id"}, boost::test_tools::per_element());
    auto back = insp.get_foreign_keys("cf_remote_table", remote);
    BOOST_TEST_REQUIRE(back.size() == 1u);
    BOOST_TEST((back[0].referred_schema.empty() || back[0].referred_schema == home), back[0].referred_schema);
    BOOST_TEST(back[0].referred_table == "cf_local_table");
    BOOST_TEST(back[0].referred_columns == std::vector<std::string>{"id"}, boost::test_tools::per_element());
    BOOST_TEST(back[0].constrained_columns == std::vector<std::string>{"local_id"}, boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

// ---- IdentityReflectionTest: in another schema ----------------------------------------------
BOOST_AUTO_TEST_SUITE(IdentityReflectionTest, CF_REQUIRES("table_reflection", "identity_columns"))
BOOST_AUTO_TEST_CASE(test_reflect_identity_schema, CF_REQUIRES("schemas") CF_SA("test_reflection.py::IdentityReflectionTest::test_reflect_identity_schema")) {
    cf::Session s;
    s.metadata.table("cf_t1", Column("normal", ty::Integer()), Column("id1", ty::Integer(), Identity(20, 1, true)),
                     TableOptions{.schema = cf::test_schema()});
    s.create_all();
    sa::Inspector insp(s.conn);
    auto cols = insp.get_columns("cf_t1", cf::test_schema());
    BOOST_TEST(column_named(cols, "normal").identity == "");
    const auto& id1 = column_named(cols, "id1");
    BOOST_TEST(id1.identity == "always");
    BOOST_TEST(id1.autoincrement);
    BOOST_TEST(!id1.default_.has_value());
    // start / increment: the identity's sequence, in the table's schema.
    bool found = false;
    for (const auto& seq : insp.get_sequences(cf::test_schema()))
        if (seq.owner_table == "cf_t1" && seq.owner_column == "id1") {
            found = true;
            BOOST_TEST(seq.start.value_or(-1) == 20);
            BOOST_TEST(seq.increment.value_or(-1) == 1);
        }
    BOOST_TEST(found);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
