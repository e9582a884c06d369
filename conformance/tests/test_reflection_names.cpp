// reflection group (see reflection_support.hpp): names that need quoting — QuotedNameArgumentTest
// (every get_* with quotes in the name) and BizarroCharacterTest (parentheses, a per cent sign,
// brackets).
#include "reflection_support.hpp"

#include <athanor/errors.hpp>

#include <algorithm>

using namespace athanor::sql;
namespace sa = athanor;
using cf::column_named;
using cf::normalize_sql;

BOOST_AUTO_TEST_SUITE(reflection)

// ---- QuotedNameArgumentTest: every get_* takes names with quotes --------------------------------
namespace {
// SQLAlchemy's fixture: the table, its primary key, index, unique, foreign key and check
// constraints all carry the quoted name; the table has a comment and a view over it.
void quoted_fixture(cf::Session& s, const std::string& name) {
    s.metadata.table("cf_related", Column("id", ty::Integer(), primary_key()), Column("related", ty::Integer()));
    s.metadata.table(name, Column("id", ty::Integer()), Column("name", ty::String(50)), Column("data", ty::String(50)),
                     Column("related_id", ty::Integer()), PrimaryKeyConstraint({"id"}, "pk " + name),
                     Index("ix " + name, {"name"}), UniqueConstraint({"data"}, "uq " + name),
                     ForeignKeyConstraint({"id"}, {"cf_related.id"}, {.name = "fk " + name}),
                     CheckConstraint("name != 'foo'", "ck " + name), TableOptions{.comment = name + " comment"});
    s.create_all();
    if (cf::has("view_column_reflection"))
        s.ddl("CREATE VIEW " + cf::q("view " + name) + " AS SELECT * FROM " + cf::q(name),
              "DROP VIEW " + cf::q("view " + name));
}
void quoted_get_table_options(cf::Session& s, const std::string& n) {
    if (cf::has("reflect_table_options"))
        BOOST_CHECK_NO_THROW(sa::Inspector(s.conn).get_table_options(n));
    else
        BOOST_CHECK_THROW(sa::Inspector(s.conn).get_table_options(n), sa::NotSupportedError);
}
void quoted_get_view_definition(cf::Session& s, const std::string& n) {
    BOOST_TEST(!sa::Inspector(s.conn).get_view_definition("view " + n).empty());
}
void quoted_get_columns(cf::Session& s, const std::string& n) {
    BOOST_TEST(sa::Inspector(s.conn).get_columns(n).size() == 4u);
}
void quoted_get_pk_constraint(cf::Session& s, const std::string& n) {
    auto pk = sa::Inspector(s.conn).get_pk_constraint(n);
    BOOST_TEST(pk.constrained_columns == std::vector<std::string>{"id"});
    if (cf::has("reflects_pk_names")) BOOST_TEST(pk.name == "pk " + n);
}
void quoted_get_foreign_keys(cf::Session& s, const std::string& n) {
    auto fks = sa::Inspector(s.conn).get_foreign_keys(n);
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].referred_table == "cf_related");
    if (cf::has("named_constraints")) BOOST_TEST(fks[0].name == "fk " + n);
}
void quoted_get_indexes(cf::Session& s, const std::string& n) {
    auto idx = sa::Inspector(s.conn).get_indexes(n);
    BOOST_TEST_REQUIRE(idx.size() == 1u);
    BOOST_TEST(idx[0].name == "ix " + n);
}
void quoted_get_unique_constraints(cf::Session& s, const std::string& n) {
    auto uqs = sa::Inspector(s.conn).get_unique_constraints(n);
    BOOST_TEST_REQUIRE(uqs.size() == 1u);
    BOOST_TEST(uqs[0].column_names == std::vector<std::string>{"data"});
    BOOST_TEST(uqs[0].name == "uq " + n);
}
void quoted_get_check_constraints(cf::Session& s, const std::string& n) {
    auto ccs = sa::Inspector(s.conn).get_check_constraints(n);
    BOOST_TEST_REQUIRE(ccs.size() == 1u);
    BOOST_TEST(ccs[0].name == "ck " + n);
    BOOST_TEST(normalize_sql(ccs[0].sqltext).find("name") == 0u, ccs[0].sqltext);
}
void quoted_get_table_comment(cf::Session& s, const std::string& n) {
    BOOST_TEST(sa::Inspector(s.conn).get_table_comment(n).value_or("") == n + " comment");
}
void quoted_has(cf::Session& s, const std::string& n) {
    sa::Inspector insp(s.conn);
    BOOST_TEST(insp.has_table(n));
    if (cf::has("index_reflection")) BOOST_TEST(insp.has_index(n, "ix " + n));
}
void quoted_run(void (*check)(cf::Session&, const std::string&), const std::string& name) {
    cf::Session s;
    quoted_fixture(s, name);
    check(s, name);
}
}  // namespace

// SQLAlchemy parametrizes each test over "quote ' one" and 'quote " two' (the second needs
// symbol_names_w_double_quote): _0 and _1 here. SA names the counterpart ("" for none).
#define CF_QUOTED_CASE(test, fn, SA, ...)                                                                          \
    BOOST_AUTO_TEST_SUITE(test, CF_SA(SA))                                                                         \
    BOOST_AUTO_TEST_CASE(_0 __VA_OPT__(, CF_REQUIRES(__VA_ARGS__))) { quoted_run(fn, "cf_quote ' one"); }        \
    BOOST_AUTO_TEST_CASE(_1, CF_REQUIRES("symbol_names_w_double_quote" __VA_OPT__(, __VA_ARGS__))) {               \
        quoted_run(fn, "cf_quote \" two");                                                                         \
    }                                                                                                              \
    BOOST_AUTO_TEST_SUITE_END()
#define CF_QNA(method) "test_reflection.py::QuotedNameArgumentTest::" method

BOOST_AUTO_TEST_SUITE(QuotedNameArgumentTest, CF_REQUIRES("table_reflection"))
CF_QUOTED_CASE(test_get_table_options, quoted_get_table_options, CF_QNA("test_get_table_options"))
CF_QUOTED_CASE(test_get_view_definition, quoted_get_view_definition, CF_QNA("test_get_view_definition"),
               "view_column_reflection")
CF_QUOTED_CASE(test_get_columns, quoted_get_columns, CF_QNA("test_get_columns"))
CF_QUOTED_CASE(test_get_pk_constraint, quoted_get_pk_constraint, CF_QNA("test_get_pk_constraint"),
               "primary_key_constraint_reflection")
CF_QUOTED_CASE(test_get_foreign_keys, quoted_get_foreign_keys, CF_QNA("test_get_foreign_keys"),
               "foreign_key_constraint_reflection")
CF_QUOTED_CASE(test_get_indexes, quoted_get_indexes, CF_QNA("test_get_indexes"), "index_reflection")
CF_QUOTED_CASE(test_get_unique_constraints, quoted_get_unique_constraints, CF_QNA("test_get_unique_constraints"),
               "unique_constraint_reflection")
CF_QUOTED_CASE(test_get_check_constraints, quoted_get_check_constraints, CF_QNA("test_get_check_constraints"),
               "check_constraint_reflection")
CF_QUOTED_CASE(test_get_table_comment, quoted_get_table_comment, CF_QNA("test_get_table_comment"),
               "comment_reflection")
BOOST_AUTO_TEST_SUITE(test_has_table_and_index)  // Athanor's own: has_table / has_index take them too
BOOST_AUTO_TEST_CASE(_0) { quoted_run(quoted_has, "cf_quote ' one"); }
BOOST_AUTO_TEST_CASE(_1, CF_REQUIRES("symbol_names_w_double_quote")) { quoted_run(quoted_has, "cf_quote \" two"); }
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

// ---- BizarroCharacterTest -----------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(BizarroCharacterTest, CF_REQUIRES("table_reflection"))
namespace {
const std::vector<std::string> bizarro_names{"cf_(2)", "cf_per % cent", "cf_[brackets]"};
}
BOOST_AUTO_TEST_CASE(test_fk_ref, CF_REQUIRES("foreign_key_constraint_reflection") CF_SA("test_reflection.py::BizarroCharacterTest::test_fk_ref")) {
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
BOOST_AUTO_TEST_CASE(test_reflect_identity, CF_REQUIRES("identity_columns") CF_SA("test_reflection.py::BizarroCharacterTest::test_reflect_identity")) {
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
BOOST_AUTO_TEST_CASE(test_reflect_comments, CF_REQUIRES("comment_reflection") CF_SA("test_reflection.py::BizarroCharacterTest::test_reflect_comments")) {
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

BOOST_AUTO_TEST_SUITE_END()
