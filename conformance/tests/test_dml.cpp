// cte, update_delete and rowcount groups — SQLAlchemy test_cte.py, test_update_delete.py,
// test_rowcount.py (test_sequence.py is test_sequence.cpp).
#include "context.hpp"

#include <athanor/errors.hpp>

using namespace athanor::sql;
namespace sa = athanor;
using Ints = std::vector<std::int64_t>;
using Strs = std::vector<std::string>;

namespace {

// CTETest fixture: some_table(id, data, parent_id) and some_other_table with the same shape.
struct CteData {
    cf::Session s;
    Table& t = s.metadata.table("cf_cte", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("data", ty::String(50)), Column("parent_id", ty::Integer()));
    Table& o = s.metadata.table("cf_cte_other", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("data", ty::String(50)), Column("parent_id", ty::Integer()));
    CteData() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "d1"}, {"parent_id", sa::null}},
                                                           {{"id", 2}, {"data", "d2"}, {"parent_id", 1}},
                                                           {{"id", 3}, {"data", "d3"}, {"parent_id", 1}},
                                                           {{"id", 4}, {"data", "d4"}, {"parent_id", 3}},
                                                           {{"id", 5}, {"data", "d5"}, {"parent_id", 3}}});
        s.conn.commit();
    }
};

// SimpleUpdateDeleteTest / RowCountTest fixture.
struct Plain {
    cf::Session s;
    Table& t = s.metadata.table("cf_plain", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("data", ty::String(50)), Column("status", ty::String(30)));
    Plain() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "d1"}, {"status", "Angela"}},
                                                           {{"id", 2}, {"data", "d2"}, {"status", "Angela"}},
                                                           {{"id", 3}, {"data", "d3"}, {"status", "Angela"}},
                                                           {{"id", 4}, {"data", "d4"}, {"status", "Bob"}},
                                                           {{"id", 5}, {"data", "d5"}, {"status", "Bob"}}});
        s.conn.commit();
    }
    Strs data() { return cf::column_strings(s.conn.execute(select(t.c("data")).order_by(t.c("id")))); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cte)
BOOST_AUTO_TEST_SUITE(CTETest, CF_REQUIRES("ctes"))
BOOST_FIXTURE_TEST_CASE(test_select_nonrecursive_round_trip, CteData, CF_SA("test_cte.py::CTETest::test_select_nonrecursive_round_trip")) {
    auto c = select(t).where(t.c("data").in_({"d2", "d3", "d4"})).cte("some_cte");
    auto rows = cf::column_strings(s.conn.execute(select(c.c("data")).where(c.c("data").in_({"d2", "d4"})).order_by(c.c("data"))));
    BOOST_TEST(rows == (Strs{"d2", "d4"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_select_recursive_round_trip, CteData, CF_SA("test_cte.py::CTETest::test_select_recursive_round_trip")) {
    auto base = select(t).where(t.c("data").in_({"d2", "d3", "d4"})).cte("some_cte", true);
    auto st1 = t.alias("st1");
    auto rec = base.union_all(select(st1).where(st1.c("id") == base.c("parent_id")));
    auto rows = cf::column_strings(s.conn.execute(select(rec.c("data")).where(rec.c("data") != "d2").order_by(rec.c("data").desc())));
    BOOST_TEST(rows == (Strs{"d4", "d3", "d3", "d1", "d1", "d1"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_insert_from_select_round_trip, CteData, CF_SA("test_cte.py::CTETest::test_insert_from_select_round_trip")) {
    auto c = select(t).where(t.c("data").in_({"d2", "d3", "d4"})).cte("some_cte");
    s.conn.execute(o.insert().from_select({"id", "data", "parent_id"}, select(c)));
    BOOST_TEST(cf::column_strings(s.conn.execute(select(o.c("data")).order_by(o.c("id")))) == (Strs{"d2", "d3", "d4"}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_update_from_round_trip, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_update_delete", "update_from"}}) CF_SA("test_cte.py::CTETest::test_update_from_round_trip")) {
    s.conn.execute(o.insert().from_select({"id", "data", "parent_id"}, select(t)));
    s.exec("WITH some_cte AS (SELECT id, data, parent_id FROM cf_cte WHERE data IN ('d2', 'd3', 'd4')) "
           "UPDATE cf_cte_other SET data = 'updated' FROM some_cte WHERE cf_cte_other.id = some_cte.id");
    BOOST_TEST(cf::column_strings(s.conn.execute(select(o.c("data")).order_by(o.c("id")))) ==
               (Strs{"d1", "updated", "updated", "updated", "d5"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_delete_from_round_trip, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_update_delete", "delete_from"}}) CF_SA("test_cte.py::CTETest::test_delete_from_round_trip")) {
    s.conn.execute(o.insert().from_select({"id", "data", "parent_id"}, select(t)));
    s.exec("WITH some_cte AS (SELECT id FROM cf_cte WHERE data IN ('d2', 'd3', 'd4')) "
           "DELETE FROM cf_cte_other USING some_cte WHERE cf_cte_other.id = some_cte.id");
    BOOST_TEST(cf::column_strings(s.conn.execute(select(o.c("data")).order_by(o.c("id")))) == (Strs{"d1", "d5"}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_delete_scalar_subq_round_trip, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_update_delete"}}) CF_SA("test_cte.py::CTETest::test_delete_scalar_subq_round_trip")) {
    s.conn.execute(o.insert().from_select({"id", "data", "parent_id"}, select(t)));
    s.exec("WITH some_cte AS (SELECT id FROM cf_cte WHERE data IN ('d2', 'd3', 'd4')) "
           "DELETE FROM cf_cte_other WHERE cf_cte_other.id IN (SELECT id FROM some_cte)");
    BOOST_TEST(cf::column_strings(s.conn.execute(select(o.c("data")).order_by(o.c("id")))) == (Strs{"d1", "d5"}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_values_named_via_cte, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_values"}}) CF_SA("test_cte.py::CTETest::test_values_named_via_cte")) {
    auto rows = s.exec("WITH v (n, name) AS (VALUES (1, 'x'), (2, 'y')) SELECT name FROM v ORDER BY n").all();
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1][0].as_string() == "y");
}
BOOST_FIXTURE_TEST_CASE(test_cte_referenced_twice, CteData) {
    auto c = select(t.c("id"), t.c("parent_id")).where(t.c("parent_id") != sa::null).cte("kids");
    auto k2 = c.alias("k2");
    auto q = select(c.c("id")).join_from(c, k2, c.c("id") == k2.c("parent_id")).distinct();
    BOOST_TEST(cf::column_ints(s.conn.execute(q)) == (Ints{3}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(update_delete)
BOOST_AUTO_TEST_SUITE(SimpleUpdateDeleteTest, CF_REQUIRES("sane_rowcount"))
BOOST_FIXTURE_TEST_CASE(test_update, Plain, CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_update")) {
    auto r = s.conn.execute(t.update().where(t.c("id") == 2).values({{"data", "d2_new"}}));
    BOOST_TEST(!r.returns_rows());
    BOOST_TEST(r.rowcount() == 1);
    BOOST_TEST(data() == (Strs{"d1", "d2_new", "d3", "d4", "d5"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_delete, Plain, CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_delete")) {
    auto r = s.conn.execute(t.delete_().where(t.c("id") == 2));
    BOOST_TEST(!r.returns_rows());
    BOOST_TEST(r.rowcount() == 1);
    BOOST_TEST(data() == (Strs{"d1", "d3", "d4", "d5"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_update_returning, Plain, *boost::unit_test::precondition(cf::Requires{{"update_returning"}}) CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_update_returning")) {
    auto r = s.conn.execute(t.update().where(t.c("id") == 2).values({{"data", "d2_new"}}).returning(t.c("id"), t.c("data")));
    auto rows = r.all();
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][1].as_string() == "d2_new");
    auto none = s.conn.execute(t.update().where(t.c("id") == 99).values({{"data", "x"}}).returning(t.c("id"))).all();
    BOOST_TEST(none.empty());
    auto empty_in = s.conn.execute(t.update().where(t.c("id").in_(std::vector<sa::Value>{})).values({{"data", "x"}}).returning(t.c("id"))).all();
    BOOST_TEST(empty_in.empty());
}
BOOST_FIXTURE_TEST_CASE(test_delete_returning, Plain, *boost::unit_test::precondition(cf::Requires{{"delete_returning"}}) CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_delete_returning")) {
    auto rows = s.conn.execute(t.delete_().where(t.c("id") == 2).returning(t.c("id"), t.c("data"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][1].as_string() == "d2");
    BOOST_TEST(s.conn.execute(t.delete_().where(t.c("id") == 99).returning(t.c("id"))).all().empty());
    BOOST_TEST(data() == (Strs{"d1", "d3", "d4", "d5"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_update_with_expression, Plain) {
    s.conn.execute(t.update().where(t.c("id") >= 4).values({{"data", t.c("data").concat("_x")}}));
    BOOST_TEST(data() == (Strs{"d1", "d2", "d3", "d4_x", "d5_x"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_update_from, Plain, *boost::unit_test::precondition(cf::Requires{{"update_from"}})) {
    s.metadata.table("cf_plain_src", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                     Column("data", ty::String(50)));
    s.create_all();
    s.exec("INSERT INTO cf_plain_src (id, data) VALUES (1, 'from_src')");
    s.exec("UPDATE cf_plain SET data = cf_plain_src.data FROM cf_plain_src WHERE cf_plain.id = cf_plain_src.id");
    BOOST_TEST(data().front() == "from_src");
}
BOOST_FIXTURE_TEST_CASE(test_delete_using_subquery, Plain) {
    s.conn.execute(t.delete_().where(t.c("id").in_(select(t.c("id")).where(t.c("status") == "Bob"))));
    BOOST_TEST(data() == (Strs{"d1", "d2", "d3"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rowcount)
BOOST_AUTO_TEST_SUITE(RowCountTest, CF_REQUIRES("sane_rowcount"))
BOOST_FIXTURE_TEST_CASE(test_basic, Plain, CF_SA("test_rowcount.py::RowCountTest::test_basic")) {
    BOOST_TEST(s.conn.execute(select(t.c("id"))).all().size() == 5u);
}
BOOST_FIXTURE_TEST_CASE(test_non_rowcount_scenarios_no_raise, Plain, CF_SA("test_rowcount.py::RowCountTest::test_non_rowcount_scenarios_no_raise")) {
    auto r = s.conn.execute(select(t.c("id")));
    auto n = r.rowcount();
    BOOST_TEST((n == -1 || n == 5 || n == 0), "rowcount of a SELECT is " << n);
    r.close();
}
BOOST_FIXTURE_TEST_CASE(test_update_rowcount1, Plain, CF_SA("test_rowcount.py::RowCountTest::test_update_rowcount1")) {
    auto r = s.conn.execute(t.update().where(t.c("status") == "Bob").values({{"status", "Bobby"}}));
    BOOST_TEST(r.rowcount() == 2);
}
BOOST_FIXTURE_TEST_CASE(test_update_rowcount2, Plain, CF_SA("test_rowcount.py::RowCountTest::test_update_rowcount2")) {
    // hard expectation: matched rows, not changed rows
    auto r = s.conn.execute(t.update().where(t.c("status") == "Angela").values({{"status", "Angela"}}));
    BOOST_TEST(r.rowcount() == 3);
}
// SQLAlchemy runs this once per statement, each gated on its own RETURNING flag: _0 UPDATE
// [update_returning], _1 DELETE [delete_returning]. rowcount of a statement with RETURNING is
// the number of rows it touched, as for one without.
BOOST_AUTO_TEST_SUITE(test_update_delete_rowcount_return_defaults)
BOOST_FIXTURE_TEST_CASE(_0, Plain, *boost::unit_test::precondition(cf::Requires{{"update_returning"}})) {
    auto r = s.conn.execute(t.update().where(t.c("status") == "Bob").values({{"data", "x"}}).returning(t.c("id")));
    BOOST_TEST(r.all().size() == 2u);
    BOOST_TEST(r.rowcount() == 2);
}
BOOST_FIXTURE_TEST_CASE(_1, Plain, *boost::unit_test::precondition(cf::Requires{{"delete_returning"}})) {
    auto r = s.conn.execute(t.delete_().where(t.c("status") == "Bob").returning(t.c("id")));
    BOOST_TEST(r.all().size() == 2u);
    BOOST_TEST(r.rowcount() == 2);
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_FIXTURE_TEST_CASE(test_raw_sql_rowcount, Plain, CF_SA("test_rowcount.py::RowCountTest::test_raw_sql_rowcount")) {
    auto r = s.conn.exec_driver_sql("UPDATE cf_plain SET status = 'x' WHERE status = 'Angela'");
    BOOST_TEST(r.rowcount() == 3);
}
BOOST_FIXTURE_TEST_CASE(test_text_rowcount, Plain, CF_SA("test_rowcount.py::RowCountTest::test_text_rowcount")) {
    auto r = s.exec("UPDATE cf_plain SET status = :s WHERE status = :w", {{"s", "x"}, {"w", "Bob"}});
    BOOST_TEST(r.rowcount() == 2);
}
BOOST_FIXTURE_TEST_CASE(test_delete_rowcount, Plain, CF_SA("test_rowcount.py::RowCountTest::test_delete_rowcount")) {
    BOOST_TEST(s.conn.execute(t.delete_().where(t.c("status") == "Angela")).rowcount() == 3);
}
BOOST_FIXTURE_TEST_CASE(test_multi_update_rowcount, Plain, *boost::unit_test::precondition(cf::Requires{{"sane_multi_rowcount"}}) CF_SA("test_rowcount.py::RowCountTest::test_multi_update_rowcount")) {
    auto r = s.conn.execute(t.update().where(t.c("status") == bindparam("b_status")).values({{"data", "x"}}),
                            std::vector<sa::Params>{{{"b_status", "Angela"}}, {{"b_status", "Bob"}}, {{"b_status", "nobody"}}});
    BOOST_TEST(r.rowcount() == 5);
}
BOOST_FIXTURE_TEST_CASE(test_multi_delete_rowcount, Plain, *boost::unit_test::precondition(cf::Requires{{"sane_multi_rowcount"}}) CF_SA("test_rowcount.py::RowCountTest::test_multi_delete_rowcount")) {
    auto r = s.conn.execute(t.delete_().where(t.c("status") == bindparam("b_status")),
                            std::vector<sa::Params>{{{"b_status", "Angela"}}, {{"b_status", "Bob"}}});
    BOOST_TEST(r.rowcount() == 5);
}
BOOST_FIXTURE_TEST_CASE(test_insert_rowcount, Plain) {
    auto r = s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 10}, {"data", "a"}, {"status", "c"}},
                                                                {{"id", 11}, {"data", "b"}, {"status", "c"}}});
    BOOST_TEST((r.rowcount() == 2 || r.rowcount() == -1));
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
