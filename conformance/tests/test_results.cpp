// results group — SQLAlchemy test_results.py (test_unicode_ddl.py is test_unicode_ddl.cpp).
#include "context.hpp"

#include <athanor/errors.hpp>

#include <filesystem>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

struct Plain {
    cf::Session s;
    Table& t = s.metadata.table("cf_plain", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("data", ty::String(50)));
    Plain() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "d1"}}, {{"id", 2}, {"data", "d2"}},
                                                           {{"id", 3}, {"data", "d3"}}});
        s.conn.commit();
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(results)

BOOST_AUTO_TEST_SUITE(RowFetchTest)
BOOST_FIXTURE_TEST_CASE(test_via_string, Plain, CF_SA("test_results.py::RowFetchTest::test_via_string")) {
    auto row = s.conn.execute(select(t).where(t.c("id") == 1)).one();
    BOOST_TEST(row["id"].as_int() == 1);
    BOOST_TEST(row["data"].as_string() == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_via_int, Plain, CF_SA("test_results.py::RowFetchTest::test_via_int")) {
    auto row = s.conn.execute(select(t).where(t.c("id") == 1)).one();
    BOOST_TEST(row[0].as_int() == 1);
    BOOST_TEST(row[1].as_string() == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_via_attr, Plain, CF_SA("test_results.py::RowFetchTest::test_via_attr")) {
    auto row = s.conn.execute(select(t).where(t.c("id") == 1)).one();
    BOOST_TEST(row.get<std::int64_t>("id") == 1);
    BOOST_TEST(row.get<std::string>("data") == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_via_col_object, Plain, CF_SA("test_results.py::RowFetchTest::test_via_col_object")) {
    auto rows = s.conn.execute(select(t.c("data").label("renamed"))).mappings();
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0].contains("renamed"));
}
BOOST_FIXTURE_TEST_CASE(test_row_with_dupe_names, Plain, CF_SA("test_results.py::RowFetchTest::test_row_with_dupe_names")) {
    auto row = s.conn.execute(select(t.c("data"), t.c("data").label("data")).where(t.c("id") == 1)).one();
    BOOST_TEST(row.size() == 2u);
    BOOST_TEST(row[0].as_string() == "d1");
    BOOST_TEST(row[1].as_string() == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_row_w_scalar_select, Plain, CF_SA("test_results.py::RowFetchTest::test_row_w_scalar_select")) {
    auto q = select(t.c("id"), select(max(t.c("id"))).scalar_subquery().label("m")).where(t.c("id") == 1);
    auto row = s.conn.execute(q).one();
    BOOST_TEST(row["m"].as_int() == 3);
}
BOOST_FIXTURE_TEST_CASE(test_keys, Plain) {
    auto r = s.conn.execute(select(t.c("id"), t.c("data")));
    BOOST_TEST(r.keys() == (std::vector<std::string>{"id", "data"}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_fetchmany_and_fetchone, Plain) {
    auto r = s.conn.execute(select(t.c("id")).order_by(t.c("id")));
    BOOST_TEST(r.fetchone()->get<std::int64_t>(0) == 1);
    BOOST_TEST(r.fetchmany(5).size() == 2u);
    BOOST_TEST(!r.fetchone().has_value());
}
BOOST_FIXTURE_TEST_CASE(test_one_raises, Plain) {
    BOOST_CHECK_THROW(s.conn.execute(select(t.c("id"))).one(), sa::MultipleResultsFound);
    BOOST_CHECK_THROW(s.conn.execute(select(t.c("id")).where(t.c("id") == 99)).one(), sa::NoResultFound);
    BOOST_TEST(!s.conn.execute(select(t.c("id")).where(t.c("id") == 99)).one_or_none().has_value());
}
BOOST_FIXTURE_TEST_CASE(test_rows_after_commit, Plain, *boost::unit_test::precondition(cf::Requires{{"fetch_rows_post_commit"}})) {
    auto r = s.conn.execute(select(t.c("id")).order_by(t.c("id")));
    s.conn.commit();
    BOOST_TEST(r.all().size() == 3u);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(PercentSchemaNamesTest, CF_REQUIRES("percent_schema_names"))
BOOST_AUTO_TEST_CASE(test_single_roundtrip, CF_SA("test_results.py::PercentSchemaNamesTest::test_single_roundtrip")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_percent%table", Column("percent%", ty::Integer()),
                               Column("spaces % more spaces", ty::Integer()));
    s.create_all();
    s.conn.execute(t.insert().values({{"percent%", 5}, {"spaces % more spaces", 12}}));
    BOOST_TEST(s.conn.scalar(select(t.c("spaces % more spaces")).where(t.c("percent%") == 5)).as_int() == 12);
}
BOOST_AUTO_TEST_CASE(test_executemany_roundtrip, CF_SA("test_results.py::PercentSchemaNamesTest::test_executemany_roundtrip")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_percent%table", Column("percent%", ty::Integer()),
                               Column("spaces % more spaces", ty::Integer()));
    s.create_all();
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"percent%", 7}, {"spaces % more spaces", 11}}, {{"percent%", 9}, {"spaces % more spaces", 10}}});
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t)).as_int() == 2);
    s.conn.execute(t.update().values({{"spaces % more spaces", 15}}));
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t).where(t.c("spaces % more spaces") == 15)).as_int() == 2);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ServerSideCursorsTest, CF_REQUIRES("server_side_cursors"))
BOOST_FIXTURE_TEST_CASE(test_roundtrip_fetchall, Plain, CF_SA("test_results.py::ServerSideCursorsTest::test_roundtrip_fetchall")) { BOOST_TEST(s.conn.execute(select(t.c("id"))).all().size() == 3u); }
BOOST_FIXTURE_TEST_CASE(test_roundtrip_fetchmany, Plain, CF_SA("test_results.py::ServerSideCursorsTest::test_roundtrip_fetchmany")) {
    auto r = s.conn.execute(select(t.c("id")));
    BOOST_TEST(r.fetchmany(2).size() == 2u);
    BOOST_TEST(r.fetchmany(2).size() == 1u);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
