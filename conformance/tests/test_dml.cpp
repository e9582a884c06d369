// cte, update_delete and rowcount groups — SQLAlchemy test_cte.py, test_update_delete.py,
// test_rowcount.py (test_sequence.py is test_sequence.cpp).
#include "context.hpp"

#include <athanor/errors.hpp>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

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

// SimpleUpdateDeleteTest fixture (SQLAlchemy's plain_pk), plus a status column for the
// extra cases.
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

// RowCountTest fixture: SQLAlchemy's employees(employee_id, name, department), nine rows, three
// per department.
struct Employees {
    cf::Session s;
    Table& t = make(s, true);
    static Table& make(cf::Session& session, bool implicit_returning) {
        return session.metadata.table("cf_employees",
                                      Column("employee_id", ty::Integer(), primary_key(), autoincrement(false)),
                                      Column("name", ty::String(50)), Column("department", ty::String(1)),
                                      TableOptions{.implicit_returning = implicit_returning});
    }
    static const std::vector<std::pair<std::string, std::string>>& rows() {
        static const std::vector<std::pair<std::string, std::string>> data = {
            {"Angela", "A"}, {"Andrew", "A"}, {"Anand", "A"}, {"Bob", "B"},   {"Bobette", "B"},
            {"Buffy", "B"},  {"Charlie", "C"}, {"Cynthia", "C"}, {"Chris", "C"}};
        return data;
    }
    Employees() {
        s.create_all();
        std::vector<sa::Params> sets;
        for (std::size_t i = 0; i < rows().size(); ++i)
            sets.push_back({{"employee_id", static_cast<std::int64_t>(i)}, {"name", rows()[i].first},
                            {"department", rows()[i].second}});
        s.conn.execute(t.insert(), sets);
        s.conn.commit();
    }
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
// The rows SQLAlchemy's CTETest expects in some_other_table after each statement, as (id, data, parent_id).
using CteRow = std::tuple<std::int64_t, std::string, std::optional<std::int64_t>>;
std::vector<CteRow> cte_rows(sa::Connection& conn, const Table& o) {
    std::vector<CteRow> out;
    for (const auto& r : conn.execute(select(o).order_by(o.c("id"))).all())
        out.emplace_back(r[0].as_int(), r[1].as_string(), r[2].is_null() ? std::nullopt : std::optional<std::int64_t>(r[2].as_int()));
    return out;
}
BOOST_FIXTURE_TEST_CASE(test_update_from_round_trip, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_update_delete", "update_from"}}) CF_SA("test_cte.py::CTETest::test_update_from_round_trip")) {
    s.conn.execute(o.insert().from_select({"id", "data", "parent_id"}, select(t)));
    auto c = select(t).where(t.c("data").in_({"d2", "d3", "d4"})).cte("some_cte");
    s.conn.execute(o.update().values({{"parent_id", 5}}).where(o.c("data") == c.c("data")));
    BOOST_TEST((cte_rows(s.conn, o) == std::vector<CteRow>{{1, "d1", std::nullopt}, {2, "d2", 5}, {3, "d3", 5},
                                                             {4, "d4", 5}, {5, "d5", 3}}));
}
BOOST_FIXTURE_TEST_CASE(test_delete_from_round_trip, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_update_delete", "delete_from"}}) CF_SA("test_cte.py::CTETest::test_delete_from_round_trip")) {
    s.conn.execute(o.insert().from_select({"id", "data", "parent_id"}, select(t)));
    auto c = select(t).where(t.c("data").in_({"d2", "d3", "d4"})).cte("some_cte");
    s.conn.execute(o.delete_().where(o.c("data") == c.c("data")));
    BOOST_TEST((cte_rows(s.conn, o) == std::vector<CteRow>{{1, "d1", std::nullopt}, {5, "d5", 3}}));
}
BOOST_FIXTURE_TEST_CASE(test_delete_scalar_subq_round_trip, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_update_delete"}}) CF_SA("test_cte.py::CTETest::test_delete_scalar_subq_round_trip")) {
    s.conn.execute(o.insert().from_select({"id", "data", "parent_id"}, select(t)));
    auto c = select(t).where(t.c("data").in_({"d2", "d3", "d4"})).cte("some_cte");
    s.conn.execute(o.delete_().where(o.c("data") == select(c.c("data")).where(c.c("id") == o.c("id")).scalar_subquery()));
    BOOST_TEST((cte_rows(s.conn, o) == std::vector<CteRow>{{1, "d1", std::nullopt}, {5, "d5", 3}}));
}
BOOST_FIXTURE_TEST_CASE(test_values_named_via_cte, CteData, *boost::unit_test::precondition(cf::Requires{{"ctes_with_values"}}) CF_SA("test_cte.py::CTETest::test_values_named_via_cte")) {
    // SQLAlchemy's combinations: the VALUES named or not, its rows bound or literal. (A CTE
    // always has a name in Athanor: cte() requires one.)
    using Rows = std::vector<std::pair<std::string, std::int64_t>>;
    for (const bool named : {true, false}) {
        for (const bool literal_binds : {false, true}) {
            BOOST_TEST_CONTEXT("values named " << named << ", literal_binds " << literal_binds) {
                auto v = named ? athanor::sql::values({{"col1", ty::String()}, {"col2", ty::Integer()}}, "some name", literal_binds)
                               : athanor::sql::values({{"col1", ty::String()}, {"col2", ty::Integer()}}, "anon_1", literal_binds);
                auto cte1 = v.data({{"a", 2}, {"b", 3}}).cte("cte1");
                Rows got;
                for (const auto& row : s.conn.execute(select(cte1))) got.emplace_back(row[0].as_string(), row[1].as_int());
                BOOST_TEST((got == Rows{{"a", 2}, {"b", 3}}));
            }
        }
    }
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
namespace {
// The first three rows of the fixture, as (id, data).
using IdData = std::vector<std::pair<std::int64_t, std::string>>;
IdData id_data(sa::Result r) {
    IdData out;
    for (const auto& row : r) out.emplace_back(row[0].as_int(), row[1].as_string());
    return out;
}
}  // namespace
BOOST_FIXTURE_TEST_CASE(test_update, Plain, CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_update")) {
    auto r = s.conn.execute(t.update().where(t.c("id") == 2), {{"data", "d2_new"}});
    BOOST_TEST(!r.is_insert());
    BOOST_TEST(!r.returns_rows());
    BOOST_TEST(r.rowcount() == 1);
    BOOST_TEST(data() == (Strs{"d1", "d2_new", "d3", "d4", "d5"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_delete, Plain, CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_delete")) {
    auto r = s.conn.execute(t.delete_().where(t.c("id") == 2));
    BOOST_TEST(!r.is_insert());
    BOOST_TEST(!r.returns_rows());
    BOOST_TEST(r.rowcount() == 1);
    BOOST_TEST(data() == (Strs{"d1", "d3", "d4", "d5"}), boost::test_tools::per_element());
}
// SQLAlchemy's variations: criteria rows / norows / emptyin.
BOOST_FIXTURE_TEST_CASE(test_update_returning, Plain, *boost::unit_test::precondition(cf::Requires{{"update_returning"}}) CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_update_returning")) {
    for (const std::string criteria : {"rows", "norows", "emptyin"}) {
        auto stmt = t.update().returning(t.c("id"), t.c("data"));
        stmt = criteria == "norows" ? stmt.where(t.c("id") == 10)
               : criteria == "rows" ? stmt.where(t.c("id") == 2)
                                    : stmt.where(t.c("id").in_(std::vector<sa::Value>{}));
        auto r = s.conn.execute(stmt, {{"data", "d2_new"}});
        BOOST_TEST(!r.is_insert());
        BOOST_TEST(r.returns_rows());
        BOOST_TEST(r.keys() == (Strs{"id", "data"}), boost::test_tools::per_element());
        BOOST_TEST((id_data(std::move(r)) == (criteria == "rows" ? IdData{{2, "d2_new"}} : IdData{})), criteria);
        BOOST_TEST((data() == (criteria == "rows" ? Strs{"d1", "d2_new", "d3", "d4", "d5"} : Strs{"d1", "d2", "d3", "d4", "d5"})),
                   criteria);
        s.conn.rollback();
    }
}
BOOST_FIXTURE_TEST_CASE(test_delete_returning, Plain, *boost::unit_test::precondition(cf::Requires{{"delete_returning"}}) CF_SA("test_update_delete.py::SimpleUpdateDeleteTest::test_delete_returning")) {
    for (const std::string criteria : {"rows", "norows", "emptyin"}) {
        auto stmt = t.delete_().returning(t.c("id"), t.c("data"));
        stmt = criteria == "norows" ? stmt.where(t.c("id") == 10)
               : criteria == "rows" ? stmt.where(t.c("id") == 2)
                                    : stmt.where(t.c("id").in_(std::vector<sa::Value>{}));
        auto r = s.conn.execute(stmt);
        BOOST_TEST(!r.is_insert());
        BOOST_TEST(r.returns_rows());
        BOOST_TEST(r.keys() == (Strs{"id", "data"}), boost::test_tools::per_element());
        BOOST_TEST((id_data(std::move(r)) == (criteria == "rows" ? IdData{{2, "d2"}} : IdData{})), criteria);
        BOOST_TEST((data() == (criteria == "rows" ? Strs{"d1", "d3", "d4", "d5"} : Strs{"d1", "d2", "d3", "d4", "d5"})),
                   criteria);
        s.conn.rollback();
    }
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
BOOST_FIXTURE_TEST_CASE(test_basic, Employees, CF_SA("test_rowcount.py::RowCountTest::test_basic")) {
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& row : s.conn.execute(select(t.c("name"), t.c("department")).order_by(t.c("employee_id"))))
        got.emplace_back(row[0].as_string(), row[1].as_string());
    BOOST_TEST((got == rows()));
}
// SQLAlchemy's variations: statement update / delete / insert / select x close_first. rowcount
// is -1 or 3 and reading it never raises, also after close().
BOOST_FIXTURE_TEST_CASE(test_non_rowcount_scenarios_no_raise, Employees, CF_SA("test_rowcount.py::RowCountTest::test_non_rowcount_scenarios_no_raise")) {
    const auto department = t.c("department");
    for (const std::string statement : {"update", "delete", "insert", "select"})
        for (bool close_first : {true, false}) {
            sa::Result r;
            if (statement == "update")
                r = s.conn.execute(t.update().where(department == "C"), {{"department", "Z"}});
            else if (statement == "delete")
                r = s.conn.execute(t.delete_().where(department == "C"), {{"department", "Z"}});
            else if (statement == "insert")
                r = s.conn.execute(t.insert(), std::vector<sa::Params>{
                                                   {{"employee_id", 25}, {"name", "none 1"}, {"department", "X"}},
                                                   {{"employee_id", 26}, {"name", "none 2"}, {"department", "Z"}},
                                                   {{"employee_id", 27}, {"name", "none 3"}, {"department", "Z"}}});
            else {
                r = s.conn.execute(select(t.c("name"), department).where(department == "C"));
                r.all();
            }
            if (close_first) r.close();
            const auto n = r.rowcount();
            BOOST_TEST((n == -1 || n == 3), statement << " close_first " << close_first << ": rowcount " << n);
            s.conn.rollback();
        }
}
BOOST_FIXTURE_TEST_CASE(test_update_rowcount1, Employees, CF_SA("test_rowcount.py::RowCountTest::test_update_rowcount1")) {
    // WHERE matches 3, 3 rows changed
    auto r = s.conn.execute(t.update().where(t.c("department") == "C"), {{"department", "Z"}});
    BOOST_TEST(r.rowcount() == 3);
}
BOOST_FIXTURE_TEST_CASE(test_update_rowcount2, Employees, CF_SA("test_rowcount.py::RowCountTest::test_update_rowcount2")) {
    // WHERE matches 3, 0 rows changed: the hard expectation is rows matched
    auto r = s.conn.execute(t.update().where(t.c("department") == "C"), {{"department", "C"}});
    BOOST_TEST(r.rowcount() == 3);
}
// SQLAlchemy's variations: implicit_returning on / off (a Table(implicit_returning=False) of the
// same name) x dml update [update_returning] / delete [delete_returning]; each statement has
// return_defaults(), and rowcount is the 3 rows of department C.
BOOST_FIXTURE_TEST_CASE(test_update_delete_rowcount_return_defaults, Employees, CF_SA("test_rowcount.py::RowCountTest::test_update_delete_rowcount_return_defaults")) {
    std::size_t ran = 0;
    for (bool implicit_returning : {true, false}) {
        sa::sql::MetaData other;
        const Table table = implicit_returning
                                ? t
                                : other.table("cf_employees", Column("employee_id", ty::Integer(), primary_key(), autoincrement(false)),
                                              Column("name", ty::String(50)), Column("department", ty::String(1)),
                                              TableOptions{.implicit_returning = false});
        const auto department = table.c("department");
        if (cf::has("update_returning")) {
            auto r = s.conn.execute(
                table.update().where(department == "C").values({{"name", department.concat("Z")}}).return_defaults());
            BOOST_TEST(r.rowcount() == 3, "update, implicit_returning " << implicit_returning);
            ++ran;
        }
        if (cf::has("delete_returning")) {
            auto r = s.conn.execute(table.delete_().where(department == "C").return_defaults());
            BOOST_TEST(r.rowcount() == 3, "delete, implicit_returning " << implicit_returning);
            ++ran;
        }
        s.conn.rollback();
    }
    if (ran == 0) BOOST_TEST_MESSAGE("update_returning and delete_returning closed: every variation skipped");
}
BOOST_FIXTURE_TEST_CASE(test_raw_sql_rowcount, Employees, CF_SA("test_rowcount.py::RowCountTest::test_raw_sql_rowcount")) {
    auto r = s.conn.exec_driver_sql("update cf_employees set department='Z' where department='C'");
    BOOST_TEST(r.rowcount() == 3);
}
BOOST_FIXTURE_TEST_CASE(test_text_rowcount, Employees, CF_SA("test_rowcount.py::RowCountTest::test_text_rowcount")) {
    auto r = s.exec("update cf_employees set department='Z' where department='C'");
    BOOST_TEST(r.rowcount() == 3);
}
BOOST_FIXTURE_TEST_CASE(test_delete_rowcount, Employees, CF_SA("test_rowcount.py::RowCountTest::test_delete_rowcount")) {
    // WHERE matches 3, 3 rows deleted
    BOOST_TEST(s.conn.execute(t.delete_().where(t.c("department") == "C")).rowcount() == 3);
}
BOOST_FIXTURE_TEST_CASE(test_multi_update_rowcount, Employees, *boost::unit_test::precondition(cf::Requires{{"sane_multi_rowcount"}}) CF_SA("test_rowcount.py::RowCountTest::test_multi_update_rowcount")) {
    auto stmt = t.update().where(t.c("name") == bindparam("emp_name")).values({{"department", "C"}});
    auto r = s.conn.execute(stmt, std::vector<sa::Params>{{{"emp_name", "Bob"}}, {{"emp_name", "Cynthia"}},
                                                          {{"emp_name", "nonexistent"}}});
    BOOST_TEST(r.rowcount() == 2);
}
BOOST_FIXTURE_TEST_CASE(test_multi_delete_rowcount, Employees, *boost::unit_test::precondition(cf::Requires{{"sane_multi_rowcount"}}) CF_SA("test_rowcount.py::RowCountTest::test_multi_delete_rowcount")) {
    auto stmt = t.delete_().where(t.c("name") == bindparam("emp_name"));
    auto r = s.conn.execute(stmt, std::vector<sa::Params>{{{"emp_name", "Bob"}}, {{"emp_name", "Cynthia"}},
                                                          {{"emp_name", "nonexistent"}}});
    BOOST_TEST(r.rowcount() == 2);
}
BOOST_FIXTURE_TEST_CASE(test_insert_rowcount, Plain) {
    auto r = s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 10}, {"data", "a"}, {"status", "c"}},
                                                                {{"id", 11}, {"data", "b"}, {"status", "c"}}});
    BOOST_TEST((r.rowcount() == 2 || r.rowcount() == -1));
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
