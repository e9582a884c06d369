// select group — SQLAlchemy test_select.py: ordering, LIMIT/OFFSET, joins, compound selects,
// LIKE helpers, EXISTS, DISTINCT ON guard, IS DISTINCT FROM, windows, computed and identity
// columns (expanding and empty IN: test_select_in.cpp; FETCH, bound and expression limits,
// bitwise operators and COLLATE: test_select_limit.cpp).
#include "context.hpp"
#include "select_support.hpp"

#include <athanor/errors.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

using namespace athanor::sql;
namespace sa = athanor;
using Ints = std::vector<std::int64_t>;
using Strs = std::vector<std::string>;
namespace bdata = boost::unit_test::data;

namespace {

// FetchLimitOffsetTest's some_table, read back as ids.
struct SomeTable : cf::SomeTableFixture {
    Ints ids(const Select& q) { return cf::column_ints(s.conn.execute(q)); }
    Ints ids(const CompoundSelect& q) { return cf::column_ints(s.conn.execute(q)); }
    Select base() const { return select(t.c("id")).order_by(t.c("id")); }
};

// JoinTest fixture: a(id), b(id, a_id -> a.id)
struct AB {
    cf::Session s;
    Table& a = s.metadata.table("cf_a", Column("id", ty::Integer(), primary_key(), autoincrement(false)));
    Table& b = s.metadata.table("cf_b", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("a_id", ty::Integer(), ForeignKey("cf_a.id"), nullable(false)));
    AB() {
        s.create_all();
        s.conn.execute(a.insert(), std::vector<sa::Params>{{{"id", 1}}, {{"id", 2}}, {{"id", 3}}, {{"id", 4}}, {{"id", 5}}});
        s.conn.execute(b.insert(), std::vector<sa::Params>{{{"id", 1}, {"a_id", 1}}, {{"id", 2}, {"a_id", 1}},
                                                           {{"id", 4}, {"a_id", 2}}, {{"id", 5}, {"a_id", 3}}});
        s.conn.commit();
    }
};

// LikeFunctionsTest fixture: data with % _ / ^ characters.
struct LikeData {
    cf::Session s;
    Table& t = s.metadata.table("cf_like", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("data", ty::String(50)));
    LikeData() {
        s.create_all();
        const char* rows[] = {"abcdefg", "ab/cdefg", "ab%cdefg", "ab_cdefg", "abcde/fg", "abcde%fg", "ab#cdefg",
                              "ab9cdefg", "abcde#fg", "abcd9fg", nullptr};
        std::vector<sa::Params> p;
        for (int i = 0; rows[i]; ++i) p.push_back({{"id", i + 1}, {"data", rows[i]}});
        p.push_back({{"id", 11}, {"data", sa::null}});
        s.conn.execute(t.insert(), p);
        s.conn.commit();
    }
    Ints where(const Expr& e) { return cf::column_ints(s.conn.execute(select(t.c("id")).where(e).order_by(t.c("id")))); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(select_)  // renamed "select" in main.cpp (POSIX select() owns the global name)

BOOST_AUTO_TEST_SUITE(OrderByLabelTest)
BOOST_FIXTURE_TEST_CASE(test_plain, SomeTable, CF_SA("test_select.py::OrderByLabelTest::test_plain")) {
    auto lx = t.c("x").label("lx");
    BOOST_TEST(ids(select(lx).order_by(literal_column("lx"))) == (Ints{1, 2, 3, 4, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_composed_int, SomeTable, CF_SA("test_select.py::OrderByLabelTest::test_composed_int")) {
    BOOST_TEST(ids(select((t.c("x") + t.c("y")).label("lx")).order_by(literal_column("lx"))) == (Ints{3, 5, 7, 9, 10}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_composed_multiple, SomeTable, CF_SA("test_select.py::OrderByLabelTest::test_composed_multiple")) {
    auto rows = s.conn.execute(select((t.c("x") + t.c("y")).label("lx"), (t.c("x") - t.c("y")).label("ly"))
                                   .order_by(literal_column("lx"), literal_column("ly"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 5u);
    BOOST_TEST(rows[0][0].as_int() == 3);
    BOOST_TEST(rows[0][1].as_int() == -1);
}
BOOST_FIXTURE_TEST_CASE(test_plain_desc, SomeTable, CF_SA("test_select.py::OrderByLabelTest::test_plain_desc")) {
    BOOST_TEST(ids(select(t.c("x").label("lx")).order_by(literal_column("lx").desc())) == (Ints{4, 4, 3, 2, 1}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_composed_int_desc, SomeTable, CF_SA("test_select.py::OrderByLabelTest::test_composed_int_desc")) {
    BOOST_TEST(ids(select((t.c("x") + t.c("y")).label("lx")).order_by(literal_column("lx").desc())) == (Ints{10, 9, 7, 5, 3}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_group_by_composed, SomeTable, *boost::unit_test::precondition(cf::Requires{{"group_by_complex_expression"}}) CF_SA("test_select.py::OrderByLabelTest::test_group_by_composed")) {
    auto expr = (t.c("x") + t.c("y")).label("lx");
    auto rows = s.conn.execute(select(count(t.c("id")), expr).group_by(literal_column("lx")).order_by(literal_column("lx"))).all();
    BOOST_TEST(rows.size() == 5u);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(FetchLimitOffsetTest)
BOOST_FIXTURE_TEST_CASE(test_limit_zero, SomeTable) {
    BOOST_TEST(ids(base().limit(0)).empty());
}
// SQLAlchemy's FetchLimitOffsetTest methods (whole rows, bound and expression values, FETCH)
// are in test_select_limit.cpp; these are Athanor's own LIMIT cases.
BOOST_FIXTURE_TEST_CASE(test_limit_offset_in_subquery, SomeTable, *boost::unit_test::precondition(cf::Requires{{"offset"}})) {
    auto sq = select(t.c("id"), t.c("x")).order_by(t.c("id")).limit(2).offset(2).subquery("sq");
    BOOST_TEST(ids(select(sq.c("id")).order_by(sq.c("id"))) == (Ints{3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_limit_compiled_cache_reuse, SomeTable) {
    // the same shape with other limits must not reuse a stale compiled LIMIT
    for (int n = 1; n <= 4; ++n) BOOST_TEST(ids(base().limit(n)).size() == static_cast<std::size_t>(n));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(JoinTest)
BOOST_FIXTURE_TEST_CASE(test_inner_join_fk, AB, CF_SA("test_select.py::JoinTest::test_inner_join_fk")) {
    auto q = select(b.c("id")).join_from(a, b).order_by(b.c("id"));
    BOOST_TEST(cf::column_ints(s.conn.execute(q)) == (Ints{1, 2, 4, 5}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_inner_join_true, AB, CF_SA("test_select.py::JoinTest::test_inner_join_true")) {
    auto q = select(a.c("id"), b.c("id")).join_from(a, b, true_()).order_by(a.c("id"), b.c("id"));
    BOOST_TEST(s.conn.execute(q).all().size() == 20u);
}
BOOST_FIXTURE_TEST_CASE(test_inner_join_false, AB, CF_SA("test_select.py::JoinTest::test_inner_join_false")) {
    auto q = select(a.c("id"), b.c("id")).join_from(a, b, false_()).order_by(a.c("id"), b.c("id"));
    BOOST_TEST(s.conn.execute(q).all().empty());
}
BOOST_FIXTURE_TEST_CASE(test_outer_join_false, AB, CF_SA("test_select.py::JoinTest::test_outer_join_false")) {
    auto q = select(a.c("id"), b.c("id")).select_from(a.outerjoin(b, false_())).order_by(a.c("id"));
    auto rows = s.conn.execute(q).all();
    BOOST_TEST_REQUIRE(rows.size() == 5u);
    for (const auto& r : rows) BOOST_TEST(r[1].is_null());
}
BOOST_FIXTURE_TEST_CASE(test_outer_join_fk, AB, CF_SA("test_select.py::JoinTest::test_outer_join_fk")) {
    auto q = select(a.c("id")).select_from(a.outerjoin(b)).where(b.c("id") == sa::null).order_by(a.c("id"));
    BOOST_TEST(cf::column_ints(s.conn.execute(q)) == (Ints{4, 5}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_join_aliased_self, AB) {
    auto b2 = b.alias("b2");
    auto q = select(b.c("id"), b2.c("id")).join_from(b, b2, and_(b.c("a_id") == b2.c("a_id"), b.c("id") < b2.c("id")));
    auto rows = s.conn.execute(q).all();
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][0].as_int() == 1);
    BOOST_TEST(rows[0][1].as_int() == 2);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CompoundSelectTest)
BOOST_FIXTURE_TEST_CASE(test_plain_union, SomeTable, CF_SA("test_select.py::CompoundSelectTest::test_plain_union")) {
    auto u = union_(select(t.c("id")).where(t.c("id") == 2), select(t.c("id")).where(t.c("id") == 3)).order_by(literal_column("id"));
    BOOST_TEST(ids(u) == (Ints{2, 3}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_select_from_plain_union, SomeTable, CF_SA("test_select.py::CompoundSelectTest::test_select_from_plain_union")) {
    auto sq = union_(select(t.c("id")).where(t.c("id") == 2), select(t.c("id")).where(t.c("id") == 3)).subquery("u");
    BOOST_TEST(ids(select(sq.c("id")).order_by(sq.c("id"))) == (Ints{2, 3}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_limit_offset_selectable_in_unions, SomeTable,
                        *boost::unit_test::precondition(cf::Requires{{"order_by_col_from_union", "parens_in_union_contained_select_w_limit_offset"}}) CF_SA("test_select.py::CompoundSelectTest::test_limit_offset_selectable_in_unions")) {
    auto u = union_(select(t.c("id")).where(t.c("id") < 3).order_by(t.c("id")).limit(1),
                    select(t.c("id")).where(t.c("id") > 3).order_by(t.c("id")).limit(1)).order_by(literal_column("id"));
    BOOST_TEST(ids(u) == (Ints{1, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_order_by_selectable_in_unions, SomeTable,
                        *boost::unit_test::precondition(cf::Requires{{"parens_in_union_contained_select_wo_limit_offset"}}) CF_SA("test_select.py::CompoundSelectTest::test_order_by_selectable_in_unions")) {
    auto u = union_(select(t.c("id")).where(t.c("id") == 2).order_by(t.c("id")),
                    select(t.c("id")).where(t.c("id") == 3).order_by(t.c("id"))).order_by(literal_column("id"));
    BOOST_TEST(ids(u) == (Ints{2, 3}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_distinct_selectable_in_unions, SomeTable, CF_SA("test_select.py::CompoundSelectTest::test_distinct_selectable_in_unions")) {
    auto u = union_(select(t.c("x")).where(t.c("id") >= 4).distinct(), select(t.c("x")).where(t.c("id") == 1).distinct())
                 .order_by(literal_column("x"));
    BOOST_TEST(ids(u) == (Ints{1, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_limit_offset_in_unions_from_alias, SomeTable,
                        *boost::unit_test::precondition(cf::Requires{{"parens_in_union_contained_select_w_limit_offset"}}) CF_SA("test_select.py::CompoundSelectTest::test_limit_offset_in_unions_from_alias")) {
    auto u = union_(select(t.c("id")).where(t.c("id") < 3).order_by(t.c("id")).limit(1),
                    select(t.c("id")).where(t.c("id") > 3).order_by(t.c("id")).limit(1)).subquery("u");
    BOOST_TEST(ids(select(u.c("id")).order_by(u.c("id"))) == (Ints{1, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_limit_offset_aliased_selectable_in_unions, SomeTable, CF_SA("test_select.py::CompoundSelectTest::test_limit_offset_aliased_selectable_in_unions")) {
    auto a1 = select(t.c("id")).where(t.c("id") < 3).order_by(t.c("id")).limit(1).subquery("a1");
    auto a2 = select(t.c("id")).where(t.c("id") > 3).order_by(t.c("id")).limit(1).subquery("a2");
    auto u = union_(select(a1.c("id")), select(a2.c("id"))).order_by(literal_column("id"));
    BOOST_TEST(ids(u) == (Ints{1, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_union_all_keeps_duplicates, SomeTable) {
    auto u = union_all(select(t.c("x")).where(t.c("id") == 4), select(t.c("x")).where(t.c("id") == 5));
    BOOST_TEST(ids(u) == (Ints{4, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_intersect, SomeTable, *boost::unit_test::precondition(cf::Requires{{"intersect"}})) {
    auto u = intersect(select(t.c("id")).where(t.c("id") < 4), select(t.c("id")).where(t.c("id") > 1)).order_by(literal_column("id"));
    BOOST_TEST(ids(u) == (Ints{2, 3}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_except, SomeTable, *boost::unit_test::precondition(cf::Requires{{"except_"}})) {
    auto u = except_(select(t.c("id")), select(t.c("id")).where(t.c("id") > 2)).order_by(literal_column("id"));
    BOOST_TEST(ids(u) == (Ints{1, 2}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(LikeFunctionsTest)
BOOST_FIXTURE_TEST_CASE(test_startswith_unescaped, LikeData, CF_SA("test_select.py::LikeFunctionsTest::test_startswith_unescaped")) {
    BOOST_TEST(where(t.c("data").startswith("ab%c")) == (Ints{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_startswith_autoescape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_startswith_autoescape")) {
    BOOST_TEST(where(t.c("data").startswith("ab%c", true)) == (Ints{3}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_startswith_sqlexpr, LikeData, CF_SA("test_select.py::LikeFunctionsTest::test_startswith_sqlexpr")) {
    auto q = t.c("data").like(literal_column("'ab%c'").concat(literal_column("'%'")));
    BOOST_TEST(where(q).size() == 10u);
}
BOOST_FIXTURE_TEST_CASE(test_startswith_escape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_startswith_escape")) {
    BOOST_TEST(where(t.c("data").like("ab##c%", '#')) == (Ints{7}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_startswith_autoescape_escape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_startswith_autoescape_escape")) {
    BOOST_TEST(where(t.c("data").startswith("ab_c", true)) == (Ints{4}), boost::test_tools::per_element());
    BOOST_TEST(where(t.c("data").startswith("ab/c", true)) == (Ints{2}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_endswith_unescaped, LikeData, CF_SA("test_select.py::LikeFunctionsTest::test_endswith_unescaped")) {
    BOOST_TEST(where(t.c("data").endswith("e%fg")) == (Ints{1, 2, 3, 4, 5, 6, 7, 8, 9}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_endswith_sqlexpr, LikeData, CF_SA("test_select.py::LikeFunctionsTest::test_endswith_sqlexpr")) {
    BOOST_TEST(where(t.c("data").like(literal_column("'%'").concat(literal_column("'e%fg'")))).size() == 9u);
}
BOOST_FIXTURE_TEST_CASE(test_endswith_autoescape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_endswith_autoescape")) {
    BOOST_TEST(where(t.c("data").endswith("e%fg", true)) == (Ints{6}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_endswith_escape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_endswith_escape")) {
    BOOST_TEST(where(t.c("data").like("%e##fg", '#')) == (Ints{9}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_endswith_autoescape_escape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_endswith_autoescape_escape")) {
    BOOST_TEST(where(t.c("data").endswith("e/fg", true)) == (Ints{5}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_contains_unescaped, LikeData, CF_SA("test_select.py::LikeFunctionsTest::test_contains_unescaped")) {
    BOOST_TEST(where(t.c("data").contains("b%cde")) == (Ints{1, 2, 3, 4, 5, 6, 7, 8, 9}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_contains_autoescape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_contains_autoescape")) {
    BOOST_TEST(where(t.c("data").contains("b%cde", true)) == (Ints{3}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_contains_escape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_contains_escape")) {
    BOOST_TEST(where(t.c("data").like("%b##cde%", '#')) == (Ints{7}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_contains_autoescape_escape, LikeData, *boost::unit_test::precondition(cf::Requires{{"like_escapes"}}) CF_SA("test_select.py::LikeFunctionsTest::test_contains_autoescape_escape")) {
    BOOST_TEST(where(t.c("data").contains("b/cd", true)) == (Ints{2}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_not_like, LikeData) {
    BOOST_TEST(where(t.c("data").not_like("ab%")).empty());
}
BOOST_FIXTURE_TEST_CASE(test_ilike, LikeData) {
    BOOST_TEST(where(t.c("data").ilike("AB9%")) == (Ints{8}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_regexp_match, LikeData, *boost::unit_test::precondition(cf::Requires{{"regexp_match"}}) CF_SA("test_select.py::LikeFunctionsTest::test_regexp_match")) {
    // SQLAlchemy's seven combinations of pattern and expected ids.
    const std::vector<std::pair<std::string, Ints>> cases = {
        {"a.cde", {1, 5, 6, 9}}, {"abc", {1, 5, 6, 9, 10}}, {"^abc", {1, 5, 6, 9, 10}}, {"9cde", {8}},
        {"^a", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}, {"(b|c)", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}, {"^(b|c)", {}}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("pattern " << c.first) {
            BOOST_TEST(where(t.c("data").regexp_match(c.first)) == c.second, boost::test_tools::per_element());
        }
    }
}
BOOST_FIXTURE_TEST_CASE(test_not_regexp_match, LikeData, *boost::unit_test::precondition(cf::Requires{{"regexp_match"}}) CF_SA("test_select.py::LikeFunctionsTest::test_not_regexp_match")) {
    BOOST_TEST(where(!t.c("data").regexp_match("a.cde")) == (Ints{2, 3, 4, 7, 8, 10}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_regexp_replace, LikeData, *boost::unit_test::precondition(cf::Requires{{"regexp_replace"}}) CF_SA("test_select.py::LikeFunctionsTest::test_regexp_replace")) {
    BOOST_TEST(where(t.c("data").regexp_replace("a.cde", "FOO").contains("FOO")) == (Ints{1, 5, 6, 9}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ExistsTest)
BOOST_FIXTURE_TEST_CASE(test_select_exists, SomeTable, CF_SA("test_select.py::ExistsTest::test_select_exists")) {
    auto q = select(literal(1).label("one")).where(exists(select(t.c("id")).where(t.c("x") == 4)));
    BOOST_TEST(s.conn.execute(q).all().size() == 1u);
}
BOOST_FIXTURE_TEST_CASE(test_select_exists_false, SomeTable, CF_SA("test_select.py::ExistsTest::test_select_exists_false")) {
    auto q = select(literal(1).label("one")).where(exists(select(t.c("id")).where(t.c("x") == 99)));
    BOOST_TEST(s.conn.execute(q).all().empty());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DistinctOnTest)
BOOST_FIXTURE_TEST_CASE(test_distinct, SomeTable) {
    // DISTINCT ON is a PostgreSQL extension; plain DISTINCT must work everywhere.
    BOOST_TEST(ids(select(t.c("x")).distinct().order_by(t.c("x"))) == (Ints{1, 2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_distinct_on, SomeTable, *boost::unit_test::precondition(cf::Requires{{"supports_distinct_on"}}) CF_SA("test_select.py::DistinctOnTest::test_distinct_on")) {
    auto rows = s.exec("SELECT DISTINCT ON (x) id, x FROM cf_some_table ORDER BY x, id").all();
    BOOST_TEST(rows.size() == 4u);
    BOOST_TEST(rows[3][0].as_int() == 4);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(IsOrIsNotDistinctFromTest, CF_REQUIRES("supports_is_distinct_from"))
struct DistinctCase {
    std::optional<int> a, b;
    int expected_distinct;
};
std::ostream& operator<<(std::ostream& os, const DistinctCase& c) {
    return os << (c.a ? std::to_string(*c.a) : "NULL") << "," << (c.b ? std::to_string(*c.b) : "NULL");
}
const DistinctCase distinct_cases[] = {{1, 1, 0}, {1, 2, 1}, {std::nullopt, 1, 1}, {1, std::nullopt, 1},
                                       {std::nullopt, std::nullopt, 0}};
BOOST_TEST_DECORATOR(CF_SA("test_select.py::IsOrIsNotDistinctFromTest::test_is_or_is_not_distinct_from"))
BOOST_DATA_TEST_CASE(test_is_or_is_not_distinct_from, bdata::make(distinct_cases), c) {
    cf::Session s;
    auto& t = s.metadata.table("cf_is_distinct", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("col_a", ty::Integer()), Column("col_b", ty::Integer()));
    s.create_all();
    s.conn.execute(t.insert().values({{"id", 1}, {"col_a", sa::Value(c.a)}, {"col_b", sa::Value(c.b)}}));
    auto n = s.conn.execute(select(t.c("id")).where(t.c("col_a").is_distinct_from(t.c("col_b")))).all().size();
    BOOST_TEST(n == static_cast<std::size_t>(c.expected_distinct));
    auto m = s.conn.execute(select(t.c("id")).where(t.c("col_a").is_not_distinct_from(t.c("col_b")))).all().size();
    BOOST_TEST(m == static_cast<std::size_t>(1 - c.expected_distinct));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(WindowFunctionTest, CF_REQUIRES("window_functions"))
BOOST_FIXTURE_TEST_CASE(test_window, SomeTable, CF_SA("test_select.py::WindowFunctionTest::test_window")) {
    auto q = select(max(t.c("y")).over(Window{{}, {t.c("id")}}).label("m")).order_by(t.c("id"));
    BOOST_TEST(ids(q) == (Ints{2, 3, 4, 5, 6}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_window_partition, SomeTable) {
    auto q = select(func("row_number").over(Window{{t.c("x")}, {t.c("id")}}).label("rn")).order_by(t.c("id"));
    BOOST_TEST(ids(q) == (Ints{1, 1, 1, 1, 2}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_window_rows_between_w_caching, SomeTable) {
    for (int i = 0; i < 2; ++i) {
        auto rows = s.exec("SELECT sum(y) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM cf_some_table ORDER BY id");
        BOOST_TEST(cf::column_ints(std::move(rows)) == (Ints{2, 5, 7, 9, 11}), boost::test_tools::per_element());
    }
}
BOOST_FIXTURE_TEST_CASE(test_window_range, SomeTable, *boost::unit_test::precondition(cf::Requires{{"window_range"}})) {
    auto rows = s.exec("SELECT sum(y) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM cf_some_table ORDER BY id");
    BOOST_TEST(cf::column_ints(std::move(rows)) == (Ints{2, 5, 7, 15, 15}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

// BitwiseTest (bitwise_and ... bitwise_rshift) is in test_select_limit.cpp.

BOOST_AUTO_TEST_SUITE(ComputedColumnTest, CF_REQUIRES("computed_columns"))
// SQLAlchemy's square table: two generated columns from Computed(), created by create_all.
struct Square {
    cf::Session s;
    Table& t = s.metadata.table("cf_square", Column("id", ty::Integer(), primary_key()), Column("side", ty::Integer()),
                                Column("area", ty::Integer(), Computed("side * side")),
                                Column("perimeter", ty::Integer(), Computed("4 * side")));
    Square() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"side", 10}}, {{"id", 10}, {"side", 42}}});
        s.conn.commit();
    }
};
BOOST_FIXTURE_TEST_CASE(test_select_all, Square, CF_SA("test_select.py::ComputedColumnTest::test_select_all")) {
    auto rows = s.conn.execute(select(literal_column("*")).select_from(t).order_by(t.c("id"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    const std::vector<std::vector<std::int64_t>> expected{{1, 10, 100, 40}, {10, 42, 1764, 168}};
    for (std::size_t r = 0; r < rows.size(); ++r) {
        BOOST_TEST_REQUIRE(rows[r].size() == 4u);
        for (std::size_t c = 0; c < 4; ++c) BOOST_TEST(rows[r][c].as_int() == expected[r][c]);
    }
}
BOOST_FIXTURE_TEST_CASE(test_select_columns, Square, CF_SA("test_select.py::ComputedColumnTest::test_select_columns")) {
    auto rows = s.conn.execute(select(t.c("area"), t.c("perimeter")).select_from(t).order_by(t.c("id"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[0][0].as_int() == 100);
    BOOST_TEST(rows[0][1].as_int() == 40);
    BOOST_TEST(rows[1][0].as_int() == 1764);
    BOOST_TEST(rows[1][1].as_int() == 168);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(IdentityColumnTest, CF_REQUIRES("identity_columns"))
struct IdentityTables {
    cf::Session s;
    // SQLAlchemy's tbl_a and tbl_b: an ALWAYS identity from 42 without bounds, and a descending
    // BY DEFAULT identity from 0 within [-1000, 0].
    Table& a = s.metadata.table("cf_identity",
                                Column("id", ty::Integer(), primary_key(),
                                       athanor::sql::Identity({.always = true, .start = 42, .nominvalue = true, .nomaxvalue = true})),
                                Column("desc", ty::String(100)));
    Table& b = s.metadata.table("cf_identity_by_default",
                                Column("id", ty::Integer(), primary_key(),
                                       athanor::sql::Identity({.start = 0, .increment = -5, .minvalue = -1000, .maxvalue = 0})),
                                Column("desc", ty::String(100)));
    IdentityTables() {
        s.create_all();
        s.conn.execute(a.insert(), std::vector<sa::Params>{{{"desc", "a"}}, {{"desc", "b"}}});
        s.conn.execute(b.insert(), std::vector<sa::Params>{{{"desc", "a"}}, {{"desc", "b"}}});
        s.conn.execute(b.insert(), std::vector<sa::Params>{{{"id", 42}, {"desc", "c"}}});
        s.conn.commit();
    }
    using Rows = std::vector<std::pair<std::int64_t, std::string>>;
    Rows all(Table& t) {
        Rows out;
        for (const auto& row : s.conn.execute(select(literal_column("*")).select_from(t).order_by(t.c("id"))))
            out.emplace_back(row[0].as_int(), row[1].as_string());
        return out;
    }
};
BOOST_FIXTURE_TEST_CASE(test_select_all, IdentityTables, CF_SA("test_select.py::IdentityColumnTest::test_select_all")) {
    BOOST_TEST((all(a) == Rows{{42, "a"}, {43, "b"}}));
    BOOST_TEST((all(b) == Rows{{-5, "b"}, {0, "a"}, {42, "c"}}));
}
BOOST_FIXTURE_TEST_CASE(test_select_columns, IdentityTables, CF_SA("test_select.py::IdentityColumnTest::test_select_columns")) {
    BOOST_TEST(cf::column_ints(s.conn.execute(select(a.c("id")).order_by(a.c("id")))) == (Ints{42, 43}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_insert_always_error, IdentityTables, *boost::unit_test::precondition(cf::Requires{{"identity_columns_standard"}}) CF_SA("test_select.py::IdentityColumnTest::test_insert_always_error")) {
    BOOST_CHECK_THROW(s.conn.execute(a.insert(), std::vector<sa::Params>{{{"id", 200}, {"desc", "a"}}}), sa::DBAPIError);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(IdentityAutoincrementTest, CF_REQUIRES("autoincrement_without_sequence"))
BOOST_AUTO_TEST_CASE(test_autoincrement_with_identity, CF_SA("test_select.py::IdentityAutoincrementTest::test_autoincrement_with_identity")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_autoinc_identity", Column("id", ty::Integer(), primary_key()), Column("x", ty::Integer()));
    s.create_all();
    auto r = s.conn.execute(t.insert().values({{"x", 1}}));
    BOOST_TEST(r.inserted_primary_key().at(0).as_int() == 1);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ValuesExpressionTest, CF_REQUIRES("table_value_constructor"))
BOOST_AUTO_TEST_CASE(test_tuples, CF_SA("test_select.py::ValuesExpressionTest::test_tuples")) {
    cf::Session s;
    auto v = athanor::sql::values({{"id", ty::Integer()}, {"name", ty::String()}}, "my_values")
                 .data({{1, "name1"}, {2, "name2"}, {3, "name3"}});
    std::vector<std::pair<std::int64_t, std::string>> got;
    for (const auto& row : s.conn.execute(select(v))) got.emplace_back(row[0].as_int(), row[1].as_string());
    BOOST_TEST((got == std::vector<std::pair<std::int64_t, std::string>>{{1, "name1"}, {2, "name2"}, {3, "name3"}}));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SubqueryTest)
BOOST_FIXTURE_TEST_CASE(test_scalar_subquery_correlated, SomeTable) {
    auto t2 = t.alias("t2");
    auto q = select(t.c("id"), select(count(t2.c("id"))).where(t2.c("x") == t.c("x")).scalar_subquery().label("n")).order_by(t.c("id"));
    auto rows = s.conn.execute(q).all();
    BOOST_TEST_REQUIRE(rows.size() == 5u);
    BOOST_TEST(rows[4][1].as_int() == 2);
    BOOST_TEST(rows[0][1].as_int() == 1);
}
BOOST_FIXTURE_TEST_CASE(test_group_by_having, SomeTable) {
    auto q = select(t.c("x"), count(t.c("id")).label("n")).group_by(t.c("x")).having(count(t.c("id")) > 1);
    auto rows = s.conn.execute(q).all();
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][0].as_int() == 4);
}
BOOST_FIXTURE_TEST_CASE(test_nested_aggregates, SomeTable, *boost::unit_test::precondition(cf::Requires{{"nested_aggregates"}})) {
    auto sq = select(t.c("x"), count(t.c("id")).label("n")).group_by(t.c("x")).subquery("sq");
    BOOST_TEST(s.conn.scalar(select(max(sq.c("n")))).as_int() == 2);
}
BOOST_FIXTURE_TEST_CASE(test_case_expression, SomeTable) {
    auto q = select(case_({{t.c("x") < 3, Expr("low")}}, Expr("high")).label("b")).order_by(t.c("id"));
    BOOST_TEST(cf::column_strings(s.conn.execute(q)) == (Strs{"low", "low", "high", "high", "high"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_between, SomeTable) {
    BOOST_TEST(ids(select(t.c("id")).where(t.c("y").between(3, 5)).order_by(t.c("id"))) == (Ints{2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_nulls_ordering, SomeTable, *boost::unit_test::precondition(cf::Requires{{"nullsordering"}})) {
    s.conn.execute(t.insert().values({{"id", 6}, {"x", sa::null}, {"y", 1}}));
    BOOST_TEST(ids(select(t.c("id")).order_by(t.c("x").nulls_first(), t.c("id"))).front() == 6);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
