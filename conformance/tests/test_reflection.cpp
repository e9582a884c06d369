// reflection group — SQLAlchemy test_reflection.py (HasTableTest, HasIndexTest,
// ComponentReflectionTest, ComponentReflectionTestExtra, QuotedNameArgumentTest,
// BizarroCharacterTest, CompositeKeyReflectionTest, TempTableElementsTest,
// IdentityReflectionTest, TableNoColumnsTest) and test_sequence.py (HasSequenceTest[Empty]).
//
// Everything but HasTableTest's dialect-level check goes through athanor::Inspector, which
// needs the plugin's Reflector: those suites are gated on `table_reflection` (SQLAlchemy's
// "general support for table reflection"), so a plugin without one reports them SKIPPED.
// Schemas are created with MetaData/create_all from generic types; text() is used only for
// what MetaData cannot say (views, temporary tables, inline CHECK, tables without columns).
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sdk/dialect.hpp>

#include <algorithm>
#include <cctype>
#include <set>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> cf_only(std::vector<std::string> names) {
    std::erase_if(names, [](const std::string& n) { return n.rfind("cf_", 0) != 0; });
    std::sort(names.begin(), names.end());
    return names;
}

const sa::ReflectedColumn& column_named(const std::vector<sa::ReflectedColumn>& columns, const std::string& name) {
    for (const auto& c : columns)
        if (c.name == name) return c;
    BOOST_FAIL("no reflected column named " + name);
    return columns.front();
}

std::vector<std::string> column_names(const std::vector<sa::ReflectedColumn>& columns) {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(c.name);
    return out;
}

// SQLAlchemy's check-constraint comparison: case, spaces and parentheses do not matter.
std::string normalize_sql(const std::string& sql) {
    std::string out;
    for (char ch : sql)
        if (!std::isspace(static_cast<unsigned char>(ch)) && ch != '(' && ch != ')')
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// The dialect's own has_table (what create_all's checkfirst uses), on the test's connection.
bool dialect_has_table(cf::Session& s, const std::string& name) {
    return cf::engine().dialect().has_table(s.conn.driver_connection(), name, "");
}

// SQLAlchemy's OneConnectionTablesTest fixture of ComponentReflectionTest: users (self
// reference), email_addresses (named PK, FK to users), dingalings (FKs, unique and check
// constraints), comment_test (comments) and no_constraints, plus an index and two views.
struct ComponentTables {
    cf::Session s;
    ComponentTables() {
        auto& m = s.metadata;
        m.table("cf_users", Column("user_id", ty::Integer(), primary_key()),
                Column("test1", ty::String(5), nullable(false)), Column("test2", ty::Float(), nullable(false)),
                Column("parent_user_id", ty::Integer(), ForeignKey("cf_users.user_id", {.name = "cf_user_id_fk"})),
                Index("cf_users_t_idx", {"test1", "test2"}));
        m.table("cf_email_addresses", Column("address_id", ty::Integer()),
                Column("remote_user_id", ty::Integer(), ForeignKey("cf_users.user_id")),
                Column("email_address", ty::String(20), index()),
                PrimaryKeyConstraint({"address_id"}, "cf_email_ad_pk"));
        m.table("cf_dingalings", Column("dingaling_id", ty::Integer(), primary_key()),
                Column("address_id", ty::Integer(),
                       ForeignKey("cf_email_addresses.address_id", {.name = "cf_zz_email_add_id_fg"})),
                Column("id_user", ty::Integer(), ForeignKey("cf_users.user_id")),
                Column("data", ty::String(30), unique()),
                CheckConstraint("address_id > 0 AND address_id < 1000", "cf_address_id_gt_zero"),
                UniqueConstraint({"address_id", "dingaling_id"}, "cf_zz_dingalings_multiple"));
        m.table("cf_comment_test", Column("id", ty::Integer(), primary_key(), comment("id comment")),
                Column("data", ty::String(20), comment("data % comment")),
                Column("d2", ty::String(20), comment("Comment types type speedily ' \" \\ '' Fun!")),
                Column("d3", ty::String(42), comment("Comment\nwith\rescapes")),
                TableOptions{.comment = "the test % ' \" \\ table comment"});
        m.table("cf_no_constraints", Column("data", ty::String(20)));
        s.create_all();
        if (cf::has("views")) {
            s.ddl("CREATE VIEW " + cf::q("cf_users_v") + " AS SELECT * FROM " + cf::q("cf_users"),
                  "DROP VIEW " + cf::q("cf_users_v"));
            s.ddl("CREATE VIEW " + cf::q("cf_email_addresses_v") + " AS SELECT * FROM " + cf::q("cf_email_addresses"),
                  "DROP VIEW " + cf::q("cf_email_addresses_v"));
        }
    }
    sa::Inspector inspector() { return sa::Inspector(s.conn); }
};

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
BOOST_FIXTURE_TEST_CASE(test_has_table, HasTableFixture) {
    BOOST_TEST(dialect_has_table(s, "cf_test_table"));
    BOOST_TEST(!dialect_has_table(s, "cf_nonexistent_table"));
    if (cf::has("table_reflection")) {
        sa::Inspector insp(s.conn);
        BOOST_TEST(insp.has_table("cf_test_table"));
        BOOST_TEST(!insp.has_table("cf_nonexistent_table"));
    }
}
BOOST_FIXTURE_TEST_CASE(test_has_table_cache, HasTableFixture) {
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
BOOST_FIXTURE_TEST_CASE(test_has_table_view, HasTableFixture, *boost::unit_test::precondition(cf::Requires{{"views"}})) {
    s.ddl("CREATE VIEW " + cf::q("cf_vv") + " AS SELECT * FROM " + cf::q("cf_test_table"), "DROP VIEW " + cf::q("cf_vv"));
    BOOST_TEST(dialect_has_table(s, "cf_vv"));
    if (cf::has("table_reflection")) BOOST_TEST(sa::Inspector(s.conn).has_table("cf_vv"));
}
BOOST_FIXTURE_TEST_CASE(test_has_table_temp_table, HasTableFixture,
                        *boost::unit_test::precondition(cf::Requires{{"has_temp_table"}})) {
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_temp_has") + " (id " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_temp_has"));
    BOOST_TEST(dialect_has_table(s, "cf_temp_has"));
    if (cf::has("table_reflection")) BOOST_TEST(sa::Inspector(s.conn).has_table("cf_temp_has"));
}
BOOST_FIXTURE_TEST_CASE(test_has_table_temp_view, HasTableFixture,
                        *boost::unit_test::precondition(cf::Requires{{"has_temp_table", "view_reflection", "temporary_views"}})) {
    s.ddl("CREATE TEMPORARY VIEW " + cf::q("cf_temp_v") + " AS SELECT * FROM " + cf::q("cf_test_table"),
          "DROP VIEW " + cf::q("cf_temp_v"));
    BOOST_TEST(dialect_has_table(s, "cf_temp_v"));
}
BOOST_AUTO_TEST_SUITE_END()

// ---- HasIndexTest --------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(HasIndexTest, CF_REQUIRES("table_reflection", "index_reflection"))
BOOST_AUTO_TEST_CASE(test_has_index) {
    cf::Session s;
    s.metadata.table("cf_test_table", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                     Column("data2", ty::String(50)), Index("cf_my_idx", {"data"}));
    s.create_all();
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.has_index("cf_test_table", "cf_my_idx"));
    BOOST_TEST(!insp.has_index("cf_test_table", "cf_my_idx_s"));
    BOOST_TEST(!insp.has_index("cf_nonexistent_table", "cf_my_idx"));
    BOOST_TEST(!insp.has_index("cf_test_table", "cf_nonexistent_idx"));
    // SQLAlchemy's cache part: an index created later is seen.
    s.exec("CREATE INDEX " + cf::q("cf_my_idx_2") + " ON " + cf::q("cf_test_table") + " (data2)");
    BOOST_TEST(insp.has_index("cf_test_table", "cf_my_idx_2"));
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTest -----------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTest, CF_REQUIRES("table_reflection"))
BOOST_FIXTURE_TEST_CASE(test_get_schema_names, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"schema_reflection"}})) {
    auto insp = inspector();
    BOOST_TEST(contains(insp.get_schema_names(), insp.default_schema_name()));
}
BOOST_FIXTURE_TEST_CASE(test_get_default_schema_name, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"schema_reflection"}})) {
    auto insp = inspector();
    const auto name = insp.default_schema_name();
    BOOST_TEST(!name.empty());
    // The default schema is where unqualified tables went.
    BOOST_TEST(contains(insp.get_table_names(name), "cf_users"));
}
BOOST_FIXTURE_TEST_CASE(test_get_table_names, ComponentTables) {
    auto names = cf_only(inspector().get_table_names());
    BOOST_TEST(names == (std::vector<std::string>{"cf_comment_test", "cf_dingalings", "cf_email_addresses",
                                                  "cf_no_constraints", "cf_users"}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_get_view_names, ComponentTables, *boost::unit_test::precondition(cf::Requires{{"views"}})) {
    auto insp = inspector();
    BOOST_TEST(cf_only(insp.get_view_names()) == (std::vector<std::string>{"cf_email_addresses_v", "cf_users_v"}),
               boost::test_tools::per_element());
    BOOST_TEST(!contains(insp.get_table_names(), "cf_users_v"));
}
BOOST_FIXTURE_TEST_CASE(test_get_comments, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"comment_reflection"}})) {
    auto insp = inspector();
    BOOST_TEST(insp.get_table_comment("cf_comment_test").value_or("<none>") == "the test % ' \" \\ table comment");
    BOOST_TEST(!insp.get_table_comment("cf_users").has_value());
    auto cols = insp.get_columns("cf_comment_test");
    BOOST_TEST(column_named(cols, "id").comment.value_or("<none>") == "id comment");
    BOOST_TEST(column_named(cols, "data").comment.value_or("<none>") == "data % comment");
    BOOST_TEST(column_named(cols, "d2").comment.value_or("<none>") == "Comment types type speedily ' \" \\ '' Fun!");
    BOOST_TEST(column_named(cols, "d3").comment.value_or("<none>") == "Comment\nwith\rescapes");
}
BOOST_FIXTURE_TEST_CASE(test_get_columns, ComponentTables) {
    auto cols = inspector().get_columns("cf_users");
    BOOST_TEST(column_names(cols) == (std::vector<std::string>{"user_id", "test1", "test2", "parent_user_id"}),
               boost::test_tools::per_element());
    // Generic types through the dialect's type map (SQLAlchemy compares type affinities).
    BOOST_TEST((column_named(cols, "user_id").type->affinity() == TypeAffinity::integer));
    BOOST_TEST((column_named(cols, "test1").type->affinity() == TypeAffinity::string));
    const auto test2 = column_named(cols, "test2").type->affinity();
    BOOST_TEST((test2 == TypeAffinity::floating || test2 == TypeAffinity::numeric));
    BOOST_TEST((column_named(cols, "parent_user_id").type->affinity() == TypeAffinity::integer));
    BOOST_TEST(!column_named(cols, "test1").nullable);
    BOOST_TEST(!column_named(cols, "test2").nullable);
    BOOST_TEST(column_named(cols, "parent_user_id").nullable);
    for (const auto& c : cols) BOOST_TEST(!c.type_name.empty(), c.name);
}
BOOST_FIXTURE_TEST_CASE(test_get_view_columns, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"views", "view_column_reflection"}})) {
    auto cols = inspector().get_columns("cf_users_v");
    BOOST_TEST(column_names(cols) == (std::vector<std::string>{"user_id", "test1", "test2", "parent_user_id"}),
               boost::test_tools::per_element());
    BOOST_TEST((column_named(cols, "test1").type->affinity() == TypeAffinity::string));
}
BOOST_AUTO_TEST_CASE(test_reflect_table_temp_table, CF_REQUIRES("temp_table_reflection")) {
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
BOOST_AUTO_TEST_CASE(test_get_temp_table_columns, CF_REQUIRES("temp_table_reflection")) {
    cf::Session s;
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_user_tmp") + " (id " + cf::type(ty::Integer()) + " PRIMARY KEY, name " +
              cf::type(ty::String(50)) + ", foo " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_user_tmp"));
    auto cols = sa::Inspector(s.conn).get_columns("cf_user_tmp");
    BOOST_TEST(column_names(cols) == (std::vector<std::string>{"id", "name", "foo"}), boost::test_tools::per_element());
    BOOST_TEST((column_named(cols, "name").type->affinity() == TypeAffinity::string));
}
BOOST_FIXTURE_TEST_CASE(test_get_pk_constraint, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"primary_key_constraint_reflection"}})) {
    auto insp = inspector();
    BOOST_TEST(insp.get_pk_constraint("cf_users").constrained_columns == (std::vector<std::string>{"user_id"}),
               boost::test_tools::per_element());
    auto pk = insp.get_pk_constraint("cf_email_addresses");
    BOOST_TEST(pk.constrained_columns == (std::vector<std::string>{"address_id"}), boost::test_tools::per_element());
    if (cf::has("reflects_pk_names")) BOOST_TEST(pk.name == "cf_email_ad_pk");
    BOOST_TEST(insp.get_pk_constraint("cf_no_constraints").constrained_columns.empty());
}
BOOST_AUTO_TEST_CASE(test_get_pk_constraint_quoted_name,
                     CF_REQUIRES("primary_key_constraint_reflection", "reflects_pk_names")) {
    cf::Session s;
    s.metadata.table("cf_pk_quoted", Column("id", ty::Integer()), PrimaryKeyConstraint({"id"}, "pk name.with.dot"));
    s.create_all();
    BOOST_TEST(sa::Inspector(s.conn).get_pk_constraint("cf_pk_quoted").name == "pk name.with.dot");
}
BOOST_FIXTURE_TEST_CASE(test_get_foreign_keys, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"foreign_key_constraint_reflection"}})) {
    auto insp = inspector();
    auto users_fks = insp.get_foreign_keys("cf_users");
    BOOST_TEST_REQUIRE(users_fks.size() == 1u);
    BOOST_TEST(users_fks[0].referred_table == "cf_users");
    BOOST_TEST(users_fks[0].referred_schema == "");
    BOOST_TEST(users_fks[0].constrained_columns == (std::vector<std::string>{"parent_user_id"}),
               boost::test_tools::per_element());
    BOOST_TEST(users_fks[0].referred_columns == (std::vector<std::string>{"user_id"}), boost::test_tools::per_element());
    if (cf::has("named_constraints")) BOOST_TEST(users_fks[0].name == "cf_user_id_fk");

    auto addr_fks = insp.get_foreign_keys("cf_email_addresses");
    BOOST_TEST_REQUIRE(addr_fks.size() == 1u);
    BOOST_TEST(addr_fks[0].referred_table == "cf_users");
    BOOST_TEST(addr_fks[0].constrained_columns == (std::vector<std::string>{"remote_user_id"}),
               boost::test_tools::per_element());
    BOOST_TEST(addr_fks[0].referred_columns == (std::vector<std::string>{"user_id"}), boost::test_tools::per_element());
    BOOST_TEST(insp.get_foreign_keys("cf_no_constraints").empty());
}
BOOST_AUTO_TEST_CASE(test_get_foreign_keys_quoted_name, CF_REQUIRES("foreign_key_constraint_reflection")) {
    cf::Session s;
    s.metadata.table("cf_fkq_parent", Column("id", ty::Integer(), primary_key()));
    s.metadata.table("cf_fkq_child", Column("id", ty::Integer(), primary_key()),
                     Column("pid", ty::Integer(), ForeignKey("cf_fkq_parent.id", {.name = "fk.name with dot"})));
    s.create_all();
    auto fks = sa::Inspector(s.conn).get_foreign_keys("cf_fkq_child");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    if (cf::has("named_constraints")) BOOST_TEST(fks[0].name == "fk.name with dot");
    BOOST_TEST(fks[0].referred_table == "cf_fkq_parent");
}
BOOST_FIXTURE_TEST_CASE(test_get_indexes, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"index_reflection"}})) {
    auto idx = inspector().get_indexes("cf_users");
    // Indexes backing a primary key or unique constraint are not listed (SQLAlchemy likewise).
    BOOST_TEST_REQUIRE(idx.size() == 1u);
    BOOST_TEST(idx[0].name == "cf_users_t_idx");
    BOOST_TEST(idx[0].column_names == (std::vector<std::string>{"test1", "test2"}), boost::test_tools::per_element());
    BOOST_TEST(!idx[0].unique);
    auto addr = inspector().get_indexes("cf_email_addresses");
    BOOST_TEST_REQUIRE(addr.size() == 1u);
    BOOST_TEST(addr[0].column_names == (std::vector<std::string>{"email_address"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_get_indexes_quoted_name, CF_REQUIRES("index_reflection")) {
    cf::Session s;
    s.metadata.table("cf_idxq", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(20)),
                     Index("idx name.with.dot", {"data"}, unique()));
    s.create_all();
    auto idx = sa::Inspector(s.conn).get_indexes("cf_idxq");
    BOOST_TEST_REQUIRE(idx.size() == 1u);
    BOOST_TEST(idx[0].name == "idx name.with.dot");
    BOOST_TEST(idx[0].unique);
}
BOOST_FIXTURE_TEST_CASE(test_get_unique_constraints, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"unique_constraint_reflection"}})) {
    auto uqs = inspector().get_unique_constraints("cf_dingalings");
    std::set<std::vector<std::string>> columns;
    for (const auto& u : uqs) {
        columns.insert(u.column_names);
        if (u.column_names.size() == 2 && cf::has("named_constraints")) BOOST_TEST(u.name == "cf_zz_dingalings_multiple");
    }
    BOOST_TEST(uqs.size() == 2u);
    BOOST_TEST(columns.count({"address_id", "dingaling_id"}) == 1u);
    BOOST_TEST(columns.count({"data"}) == 1u);
    BOOST_TEST(inspector().get_unique_constraints("cf_no_constraints").empty());
}
BOOST_AUTO_TEST_CASE(test_get_unique_constraints_quoted_name, CF_REQUIRES("unique_constraint_reflection")) {
    cf::Session s;
    s.metadata.table("cf_uqq", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(20)),
                     UniqueConstraint({"data"}, "uq name.with.dot"));
    s.create_all();
    auto uqs = sa::Inspector(s.conn).get_unique_constraints("cf_uqq");
    BOOST_TEST_REQUIRE(uqs.size() == 1u);
    BOOST_TEST(uqs[0].name == "uq name.with.dot");
    BOOST_TEST(uqs[0].column_names == (std::vector<std::string>{"data"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_autoincrement_col, ComponentTables) {
    auto insp = inspector();
    for (auto [table, column] : std::vector<std::pair<std::string, std::string>>{
             {"cf_users", "user_id"}, {"cf_email_addresses", "address_id"}, {"cf_dingalings", "dingaling_id"}})
        BOOST_TEST(column_named(insp.get_columns(table), column).autoincrement, table + "." + column);
}
BOOST_FIXTURE_TEST_CASE(test_not_existing_table, ComponentTables) {
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
BOOST_FIXTURE_TEST_CASE(test_metadata, ComponentTables) {
    MetaData m;
    sa::reflect(m, s.conn);
    std::vector<std::string> reflected;
    for (const auto& t : m.tables_in_definition_order()) reflected.push_back(t.table().table_name);
    BOOST_TEST(cf_only(reflected) == cf_only(inspector().get_table_names()), boost::test_tools::per_element());
    // The reflected table is usable: its columns are those of the database.
    auto& users = m.table("cf_users");
    BOOST_TEST(users.table().columns.size() == 4u);
}
BOOST_FIXTURE_TEST_CASE(test_comments_unicode, ComponentTables,
                        *boost::unit_test::precondition(cf::Requires{{"comment_reflection"}})) {
    cf::Session u;
    u.metadata.table("cf_unicode_comments", Column("unicode", ty::Integer(), comment("é試蛇ĉ🐍")),
                     Column("emoji", ty::Integer(), comment("☁️✨")), TableOptions{.comment = "é試蛇ĉ🐍 table"});
    u.create_all();
    sa::Inspector insp(u.conn);
    auto cols = insp.get_columns("cf_unicode_comments");
    BOOST_TEST(column_named(cols, "unicode").comment.value_or("") == "é試蛇ĉ🐍");
    BOOST_TEST(column_named(cols, "emoji").comment.value_or("") == "☁️✨");
    BOOST_TEST(insp.get_table_comment("cf_unicode_comments").value_or("") == "é試蛇ĉ🐍 table");
}
BOOST_AUTO_TEST_SUITE_END()

// ---- ComponentReflectionTestExtra --------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(ComponentReflectionTestExtra, CF_REQUIRES("table_reflection"))
BOOST_AUTO_TEST_CASE(test_check_constraint_no_constraint, CF_REQUIRES("check_constraint_reflection")) {
    cf::Session s;
    s.metadata.table("cf_no_cc", Column("a", ty::Integer()));
    s.create_all();
    BOOST_TEST(sa::Inspector(s.conn).get_check_constraints("cf_no_cc").empty());
}
BOOST_AUTO_TEST_CASE(test_check_constraint_standalone, CF_REQUIRES("check_constraint_reflection")) {
    cf::Session s;
    s.metadata.table("cf_sa_cc", Column("a", ty::Integer()), Column("b", ty::Integer()),
                     CheckConstraint("a > 1 AND a < 5", "cf_cc1"), CheckConstraint("a = 1 OR (a > 2 AND a < 5)", "cf_cc2"));
    s.create_all();
    auto ccs = sa::Inspector(s.conn).get_check_constraints("cf_sa_cc");
    BOOST_TEST_REQUIRE(ccs.size() == 2u);
    std::sort(ccs.begin(), ccs.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
    BOOST_TEST(ccs[0].name == "cf_cc1");
    BOOST_TEST(normalize_sql(ccs[0].sqltext) == normalize_sql("a > 1 AND a < 5"));
    BOOST_TEST(ccs[1].name == "cf_cc2");
    BOOST_TEST(normalize_sql(ccs[1].sqltext) == normalize_sql("a = 1 OR (a > 2 AND a < 5)"));
}
BOOST_AUTO_TEST_CASE(test_check_constraint_inline, CF_REQUIRES("inline_check_constraint_reflection")) {
    // About the column-level CHECK phrase, which MetaData does not emit: raw DDL on purpose.
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_inline_cc") + " (a " + cf::type(ty::Integer()) + " CHECK (a > 10), b " +
              cf::type(ty::Integer()) + " CONSTRAINT cf_b_cc CHECK (b < 5))",
          "DROP TABLE " + cf::q("cf_inline_cc"));
    auto ccs = sa::Inspector(s.conn).get_check_constraints("cf_inline_cc");
    std::set<std::string> texts;
    bool named = false;
    for (const auto& c : ccs) {
        texts.insert(normalize_sql(c.sqltext));
        named = named || c.name == "cf_b_cc";
    }
    BOOST_TEST(ccs.size() == 2u);
    BOOST_TEST(texts.count("a>10") == 1u);
    BOOST_TEST(texts.count("b<5") == 1u);
    BOOST_TEST(named);
}
BOOST_AUTO_TEST_CASE(test_check_constraint_parenthesized_expressions, CF_REQUIRES("check_constraint_reflection")) {
    cf::Session s;
    s.metadata.table("cf_paren_cc", Column("a", ty::Integer()), CheckConstraint("((a > 1) AND (a < 5))", "cf_cc_p"));
    s.create_all();
    auto ccs = sa::Inspector(s.conn).get_check_constraints("cf_paren_cc");
    BOOST_TEST_REQUIRE(ccs.size() == 1u);
    BOOST_TEST(normalize_sql(ccs[0].sqltext) == "a>1anda<5");
}
BOOST_AUTO_TEST_CASE(test_index_column_order, CF_REQUIRES("index_reflection", "indexes_check_column_order")) {
    cf::Session s;
    s.metadata.table("cf_ico", Column("a", ty::Integer()), Column("b", ty::Integer()), Column("c", ty::Integer()),
                     Index("cf_ico_idx1", {"b", "a", "c"}), Index("cf_ico_idx2", {"c", "b", "a"}));
    s.create_all();
    auto idx = sa::Inspector(s.conn).get_indexes("cf_ico");
    BOOST_TEST_REQUIRE(idx.size() == 2u);
    std::sort(idx.begin(), idx.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
    BOOST_TEST(idx[0].column_names == (std::vector<std::string>{"b", "a", "c"}), boost::test_tools::per_element());
    BOOST_TEST(idx[1].column_names == (std::vector<std::string>{"c", "b", "a"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_reflect_expression_based_indexes, CF_REQUIRES("index_reflection", "indexes_with_expressions")) {
    // Expression keys have no MetaData spelling here: raw CREATE INDEX on purpose.
    cf::Session s;
    s.metadata.table("cf_expr_idx", Column("x", ty::String(30)), Column("y", ty::Integer()));
    s.create_all();
    s.exec("CREATE INDEX " + cf::q("cf_t_idx_expr") + " ON " + cf::q("cf_expr_idx") + " (lower(x), y)");
    s.conn.commit();
    auto idx = sa::Inspector(s.conn).get_indexes("cf_expr_idx");
    BOOST_TEST_REQUIRE(idx.size() == 1u);
    BOOST_TEST(idx[0].column_names == (std::vector<std::string>{"", "y"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_numeric_reflection) {
    cf::Session s;
    s.metadata.table("cf_numeric", Column("n", ty::Numeric(18, 5)));
    s.create_all();
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_numeric"), "n");
    BOOST_TEST((c.type->affinity() == TypeAffinity::numeric));
    BOOST_TEST(c.type->precision().value_or(-1) == 18);
    BOOST_TEST(c.type->scale().value_or(-1) == 5);
}
BOOST_AUTO_TEST_CASE(test_string_length_reflection) {
    cf::Session s;
    s.metadata.table("cf_strlen", Column("s", ty::String(52)));
    s.create_all();
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_strlen"), "s");
    BOOST_TEST((c.type->affinity() == TypeAffinity::string));
    BOOST_TEST(c.type->length().value_or(-1) == 52);
}
BOOST_AUTO_TEST_CASE(test_nullable_reflection) {
    cf::Session s;
    s.metadata.table("cf_nullable", Column("a", ty::Integer(), nullable(true)), Column("b", ty::Integer(), nullable(false)));
    s.create_all();
    auto cols = sa::Inspector(s.conn).get_columns("cf_nullable");
    BOOST_TEST(column_named(cols, "a").nullable);
    BOOST_TEST(!column_named(cols, "b").nullable);
}
BOOST_AUTO_TEST_CASE(test_get_foreign_key_options, CF_REQUIRES("foreign_key_constraint_reflection",
                                                               "foreign_key_constraint_option_reflection_ondelete",
                                                               "foreign_key_constraint_option_reflection_onupdate")) {
    cf::Session s;
    s.metadata.table("cf_fko_parent", Column("id", ty::Integer(), primary_key()));
    s.metadata.table("cf_fko_child", Column("id", ty::Integer(), primary_key()),
                     Column("a", ty::Integer(), ForeignKey("cf_fko_parent.id", {.ondelete = "CASCADE", .onupdate = "SET NULL"})),
                     Column("b", ty::Integer(), ForeignKey("cf_fko_parent.id")));
    s.create_all();
    auto fks = sa::Inspector(s.conn).get_foreign_keys("cf_fko_child");
    BOOST_TEST_REQUIRE(fks.size() == 2u);
    // One key on each column, so each branch below runs exactly once.
    BOOST_TEST(std::count_if(fks.begin(), fks.end(), [](const auto& fk) {
                   return fk.constrained_columns == std::vector<std::string>{"a"};
               }) == 1);
    BOOST_TEST(std::count_if(fks.begin(), fks.end(), [](const auto& fk) {
                   return fk.constrained_columns == std::vector<std::string>{"b"};
               }) == 1);
    for (const auto& fk : fks) {
        if (fk.constrained_columns == std::vector<std::string>{"a"}) {
            BOOST_TEST(fk.options.at("ondelete") == "CASCADE");
            BOOST_TEST(fk.options.at("onupdate") == "SET NULL");
        } else {
            // NO ACTION is the default and is left out, as in SQLAlchemy.
            BOOST_TEST(fk.options.count("ondelete") == 0u);
            BOOST_TEST(fk.options.count("onupdate") == 0u);
        }
    }
}
BOOST_AUTO_TEST_CASE(test_server_defaults, CF_REQUIRES("server_defaults")) {
    cf::Session s;
    s.metadata.table("cf_sd", Column("id", ty::Integer(), primary_key()),
                     Column("s", ty::String(30), server_default("some value")),
                     Column("n", ty::Integer(), server_default(42)),
                     Column("plain", ty::Integer()));
    s.create_all();
    auto cols = sa::Inspector(s.conn).get_columns("cf_sd");
    BOOST_TEST(column_named(cols, "s").default_.value_or("").find("'some value'") != std::string::npos);
    BOOST_TEST(column_named(cols, "n").default_.value_or("").find("42") != std::string::npos);
    BOOST_TEST(!column_named(cols, "plain").default_.has_value());
}
BOOST_AUTO_TEST_CASE(test_server_defaults_expression, CF_REQUIRES("server_defaults", "expression_server_defaults")) {
    cf::Session s;
    s.metadata.table("cf_sde", Column("id", ty::Integer(), primary_key()),
                     Column("at", ty::DateTime(), server_default(sa::text("CURRENT_TIMESTAMP"))));
    s.create_all();
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_sde"), "at");
    BOOST_TEST_REQUIRE(c.default_.has_value());
    std::string lowered;
    for (char ch : *c.default_) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    // PostgreSQL gives CURRENT_TIMESTAMP back as its own spelling.
    BOOST_TEST((lowered.find("current_timestamp") != std::string::npos || lowered.find("now()") != std::string::npos),
               *c.default_);
}
BOOST_AUTO_TEST_SUITE_END()

// ---- QuotedNameArgumentTest: every get_* takes names with quotes --------------------------------
namespace {
void quoted_fixture(cf::Session& s, const std::string& name) {
    s.metadata.table(name, Column("id", ty::Integer(), primary_key()), Column("name", ty::String(20)),
                     Column("data", ty::String(20), comment("data comment")),
                     UniqueConstraint({"name"}, name + " uq"), CheckConstraint("id > 0", name + " ck"),
                     Index(name + " idx", {"data"}), TableOptions{.comment = "table comment"});
    s.metadata.table(name + " ref", Column("id", ty::Integer(), primary_key()),
                     Column("ref", ty::Integer(), ForeignKey(name + ".id")));
    s.create_all();
}
void quoted_get_columns(cf::Session& s, const std::string& n) {
    BOOST_TEST(sa::Inspector(s.conn).get_columns(n).size() == 3u);
}
void quoted_get_pk_constraint(cf::Session& s, const std::string& n) {
    BOOST_TEST(sa::Inspector(s.conn).get_pk_constraint(n).constrained_columns == std::vector<std::string>{"id"});
}
void quoted_get_foreign_keys(cf::Session& s, const std::string& n) {
    auto fks = sa::Inspector(s.conn).get_foreign_keys(n + " ref");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].referred_table == n);
}
void quoted_get_indexes(cf::Session& s, const std::string& n) {
    auto idx = sa::Inspector(s.conn).get_indexes(n);
    BOOST_TEST_REQUIRE(idx.size() == 1u);
    BOOST_TEST(idx[0].name == n + " idx");
}
void quoted_get_unique_constraints(cf::Session& s, const std::string& n) {
    auto uqs = sa::Inspector(s.conn).get_unique_constraints(n);
    BOOST_TEST_REQUIRE(uqs.size() == 1u);
    BOOST_TEST(uqs[0].column_names == std::vector<std::string>{"name"});
}
void quoted_get_check_constraints(cf::Session& s, const std::string& n) {
    auto ccs = sa::Inspector(s.conn).get_check_constraints(n);
    BOOST_TEST_REQUIRE(ccs.size() == 1u);
    BOOST_TEST(normalize_sql(ccs[0].sqltext) == "id>0");
}
void quoted_get_table_comment(cf::Session& s, const std::string& n) {
    BOOST_TEST(sa::Inspector(s.conn).get_table_comment(n).value_or("") == "table comment");
}
void quoted_has(cf::Session& s, const std::string& n) {
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.has_table(n));
    if (cf::has("index_reflection")) BOOST_TEST(insp.has_index(n, n + " idx"));
}
void quoted_run(void (*check)(cf::Session&, const std::string&), const std::string& name) {
    cf::Session s;
    quoted_fixture(s, name);
    check(s, name);
}
}  // namespace

// SQLAlchemy parametrizes each test over "quote ' one" and 'quote " two' (the second needs
// symbol_names_w_double_quote): _0 and _1 here.
#define CF_QUOTED_CASE(test, fn, ...)                                                                              \
    BOOST_AUTO_TEST_SUITE(test)                                                                                    \
    BOOST_AUTO_TEST_CASE(_0 __VA_OPT__(, CF_REQUIRES(__VA_ARGS__))) { quoted_run(fn, "cf_quote ' one"); }        \
    BOOST_AUTO_TEST_CASE(_1, CF_REQUIRES("symbol_names_w_double_quote" __VA_OPT__(, __VA_ARGS__))) {               \
        quoted_run(fn, "cf_quote \" two");                                                                         \
    }                                                                                                              \
    BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(QuotedNameArgumentTest, CF_REQUIRES("table_reflection"))
CF_QUOTED_CASE(test_get_columns, quoted_get_columns)
CF_QUOTED_CASE(test_get_pk_constraint, quoted_get_pk_constraint, "primary_key_constraint_reflection")
CF_QUOTED_CASE(test_get_foreign_keys, quoted_get_foreign_keys, "foreign_key_constraint_reflection")
CF_QUOTED_CASE(test_get_indexes, quoted_get_indexes, "index_reflection")
CF_QUOTED_CASE(test_get_unique_constraints, quoted_get_unique_constraints, "unique_constraint_reflection")
CF_QUOTED_CASE(test_get_check_constraints, quoted_get_check_constraints, "check_constraint_reflection")
CF_QUOTED_CASE(test_get_table_comment, quoted_get_table_comment, "comment_reflection")
CF_QUOTED_CASE(test_has_table_and_index, quoted_has)
BOOST_AUTO_TEST_SUITE_END()

// ---- BizarroCharacterTest -----------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(BizarroCharacterTest, CF_REQUIRES("table_reflection"))
namespace {
const std::vector<std::string> bizarro_names{"cf_(2)", "cf_per % cent", "cf_[brackets]"};
}
BOOST_AUTO_TEST_CASE(test_fk_ref, CF_REQUIRES("foreign_key_constraint_reflection")) {
    for (const auto& name : bizarro_names) {
        cf::Session s;
        s.metadata.table(name, Column("id", ty::Integer(), primary_key()), Column(name + "_col", ty::Integer()),
                         UniqueConstraint({"id", name + "_col"}));
        s.metadata.table(name + "_ref", Column("id", ty::Integer(), primary_key()),
                         Column("r", ty::Integer(), ForeignKey(name + ".id")), Column("r2", ty::Integer()),
                         ForeignKeyConstraint({"r", "r2"}, {name + ".id", name + "." + name + "_col"}));
        s.create_all();
        auto fks = sa::Inspector(s.conn).get_foreign_keys(name + "_ref");
        BOOST_TEST_REQUIRE(fks.size() == 2u, name);
        // One single-column and one two-column key, so both branches below run.
        BOOST_TEST(std::count_if(fks.begin(), fks.end(), [](const auto& fk) { return fk.constrained_columns.size() == 2; }) == 1,
                   name);
        for (const auto& fk : fks) {
            BOOST_TEST(fk.referred_table == name);
            if (fk.constrained_columns.size() == 2)
                BOOST_TEST(fk.referred_columns == (std::vector<std::string>{"id", name + "_col"}),
                           boost::test_tools::per_element());
            else
                BOOST_TEST(fk.referred_columns == std::vector<std::string>{"id"});
        }
    }
}
BOOST_AUTO_TEST_CASE(test_reflect_identity, CF_REQUIRES("identity_columns")) {
    for (const auto& name : bizarro_names) {
        cf::Session s;
        s.metadata.table(name, Column("id", ty::Integer(), primary_key(), Identity(42, 1)), Column("x", ty::Integer()));
        s.create_all();
        auto cols = sa::Inspector(s.conn).get_columns(name);
        BOOST_TEST(column_named(cols, "id").autoincrement, name);
        BOOST_TEST(column_named(cols, "id").identity == "by default", name);
        s.conn.execute(s.metadata.table(name).insert().values({{"x", 1}}));
        BOOST_TEST(s.conn.execute(select(s.metadata.table(name).c("id"))).scalar().as_int() == 42, name);
    }
}
BOOST_AUTO_TEST_CASE(test_reflect_comments, CF_REQUIRES("comment_reflection")) {
    for (const auto& name : bizarro_names) {
        cf::Session s;
        s.metadata.table(name, Column("id", ty::Integer(), primary_key()),
                         Column(name + "_c", ty::Integer(), comment(name + " comment")),
                         TableOptions{.comment = name + " table"});
        s.create_all();
        sa::Inspector insp(s.conn);
        BOOST_TEST(column_named(insp.get_columns(name), name + "_c").comment.value_or("") == name + " comment");
        BOOST_TEST(insp.get_table_comment(name).value_or("") == name + " table");
    }
}
BOOST_AUTO_TEST_SUITE_END()

// ---- CompositeKeyReflectionTest -----------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(CompositeKeyReflectionTest, CF_REQUIRES("table_reflection"))
struct CompositeTables {
    cf::Session s;
    CompositeTables() {
        s.metadata.table("cf_tb1", Column("id", ty::Integer()), Column("attr", ty::Integer()),
                         Column("name", ty::String(20)), PrimaryKeyConstraint({"name", "id", "attr"}, "cf_pk_tb1"));
        s.metadata.table("cf_tb2", Column("id", ty::Integer(), primary_key()), Column("pid", ty::Integer()),
                         Column("pattr", ty::Integer()), Column("pname", ty::String(20)),
                         ForeignKeyConstraint({"pname", "pid", "pattr"}, {"cf_tb1.name", "cf_tb1.id", "cf_tb1.attr"},
                                              {.name = "cf_fk_tb1_name_id_attr"}));
        s.create_all();
    }
};
BOOST_FIXTURE_TEST_CASE(test_pk_column_order, CompositeTables,
                        *boost::unit_test::precondition(cf::Requires{{"primary_key_constraint_reflection"}})) {
    auto pk = sa::Inspector(s.conn).get_pk_constraint("cf_tb1");
    BOOST_TEST(pk.constrained_columns == (std::vector<std::string>{"name", "id", "attr"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_fk_column_order, CompositeTables,
                        *boost::unit_test::precondition(cf::Requires{{"foreign_key_constraint_reflection"}})) {
    auto fks = sa::Inspector(s.conn).get_foreign_keys("cf_tb2");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].constrained_columns == (std::vector<std::string>{"pname", "pid", "pattr"}),
               boost::test_tools::per_element());
    BOOST_TEST(fks[0].referred_columns == (std::vector<std::string>{"name", "id", "attr"}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

// ---- TempTableElementsTest ------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(TempTableElementsTest, CF_REQUIRES("table_reflection", "temp_table_reflection"))
BOOST_AUTO_TEST_CASE(test_reflect_identity, CF_REQUIRES("identity_columns")) {
    // Temporary tables have no MetaData spelling: raw DDL.
    cf::Session s;
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_tmp_ident") + " (id " + cf::type(ty::Integer()) +
              " GENERATED BY DEFAULT AS IDENTITY (START WITH 42) PRIMARY KEY, x " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_tmp_ident"));
    auto c = column_named(sa::Inspector(s.conn).get_columns("cf_tmp_ident"), "id");
    BOOST_TEST(c.autoincrement);
    BOOST_TEST(c.identity == "by default");
}
BOOST_AUTO_TEST_CASE(test_reflect_comments, CF_REQUIRES("temp_table_comment_reflection")) {
    cf::Session s;
    s.ddl("CREATE TEMPORARY TABLE " + cf::q("cf_tmp_comment") + " (id " + cf::type(ty::Integer()) + ")",
          "DROP TABLE " + cf::q("cf_tmp_comment"));
    s.exec("COMMENT ON COLUMN " + cf::q("cf_tmp_comment") + ".id IS 'a comment'");
    BOOST_TEST(column_named(sa::Inspector(s.conn).get_columns("cf_tmp_comment"), "id").comment.value_or("") ==
               "a comment");
}
BOOST_AUTO_TEST_SUITE_END()

// ---- IdentityReflectionTest -----------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(IdentityReflectionTest, CF_REQUIRES("table_reflection", "identity_columns"))
BOOST_AUTO_TEST_CASE(test_reflect_identity) {
    cf::Session s;
    s.metadata.table("cf_t1", Column("normal", ty::Integer()), Column("id1", ty::Integer(), Identity(2, 3, true)));
    s.metadata.table("cf_t2", Column("id2", ty::Integer(), Identity(5, 1)));
    s.create_all();
    sa::Inspector insp(s.conn);
    auto id1 = column_named(insp.get_columns("cf_t1"), "id1");
    BOOST_TEST(id1.identity == "always");
    BOOST_TEST(id1.autoincrement);
    BOOST_TEST(!id1.default_.has_value());  // SQLAlchemy: default is None for identity columns
    auto normal = column_named(insp.get_columns("cf_t1"), "normal");
    BOOST_TEST(normal.identity == "");
    auto id2 = column_named(insp.get_columns("cf_t2"), "id2");
    BOOST_TEST(id2.identity == "by default");
    // start / increment: the identity's sequence.
    bool found = false;
    for (const auto& seq : insp.get_sequences())
        if (seq.owner_table == "cf_t1" && seq.owner_column == "id1") {
            found = true;
            BOOST_TEST(seq.start.value_or(-1) == 2);
            BOOST_TEST(seq.increment.value_or(-1) == 3);
        }
    BOOST_TEST(found);
}
BOOST_AUTO_TEST_SUITE_END()

// ---- TableNoColumnsTest ------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(TableNoColumnsTest, CF_REQUIRES("table_reflection", "reflect_tables_no_columns"))
BOOST_AUTO_TEST_CASE(test_get_columns_table_no_columns) {
    cf::Session s;  // a table with zero columns has no MetaData spelling
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    BOOST_TEST(sa::Inspector(s.conn).get_columns("cf_empty").empty());
}
BOOST_AUTO_TEST_CASE(test_reflect_table_no_columns) {
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    MetaData m;
    auto& t = sa::reflect_table(m, s.conn, "cf_empty");
    BOOST_TEST(t.table().columns.empty());
}
BOOST_AUTO_TEST_CASE(test_get_columns_view_no_columns, CF_REQUIRES("views")) {
    cf::Session s;
    s.ddl("CREATE TABLE " + cf::q("cf_empty") + " ()", "DROP TABLE " + cf::q("cf_empty"));
    s.ddl("CREATE VIEW " + cf::q("cf_empty_v") + " AS SELECT * FROM " + cf::q("cf_empty"), "DROP VIEW " + cf::q("cf_empty_v"));
    BOOST_TEST(sa::Inspector(s.conn).get_columns("cf_empty_v").empty());
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
