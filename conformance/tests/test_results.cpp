// results group — SQLAlchemy test_results.py (test_unicode_ddl.py is test_unicode_ddl.cpp).
#include "context.hpp"

#include <athanor/errors.hpp>

#include <filesystem>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

// RowFetchTest's tables: plain_pk (three rows) and has_dates (one DateTime).
struct Plain {
    cf::Session s;
    Table& t = s.metadata.table("cf_plain", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("data", ty::String(50)));
    Table& dates = s.metadata.table("cf_has_dates", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                    Column("today", ty::DateTime()));
    Plain() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "d1"}}, {{"id", 2}, {"data", "d2"}},
                                                           {{"id", 3}, {"data", "d3"}}});
        s.conn.execute(dates.insert(), {{"id", 1}, {"today", sa::DateTime::parse("2006-05-12 12:00:00")}});
        s.conn.commit();
    }
    sa::Row first_row() {
        auto row = s.conn.execute(select(t).order_by(t.c("id"))).first();
        BOOST_TEST_REQUIRE(row.has_value());
        return *row;
    }
};

// PercentSchemaNamesTest: "percent%table" with columns "percent%" and "spaces % more spaces".
struct PercentTable {
    cf::Session s;
    Table& t = s.metadata.table("cf_percent%table", Column("percent%", ty::Integer()),
                                Column("spaces % more spaces", ty::Integer()));
    PercentTable() { s.create_all(); }

    using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;
    static Pairs pairs(sa::Result r) {
        Pairs out;
        for (const auto& row : r) out.emplace_back(row[0].as_int(), row[1].as_int());
        return out;
    }
    // SQLAlchemy's _assert_table: through the Table, an alias of it, a MetaData-less Table of the
    // same name (its sql.table() "lightweight" table) and an alias of that: ordered select, IN,
    // row lookup by name and by column; then an UPDATE of every row.
    void assert_table() {
        const Table lightweight("cf_percent%table", {Column("percent%", ty::Integer()),
                                                     Column("spaces % more spaces", ty::Integer())});
        const std::vector<From> tables{t, t.alias("cf_pct_alias"), lightweight, lightweight.alias("cf_pct_lw_alias")};
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const auto& table = tables[i];
            BOOST_TEST((pairs(s.conn.execute(select(table).order_by(table.c("percent%")))) ==
                        Pairs{{5, 12}, {7, 11}, {9, 10}, {11, 9}}),
                       "table " << i);
            BOOST_TEST((pairs(s.conn.execute(select(table)
                                                 .where(table.c("spaces % more spaces").in_({9, 10}))
                                                 .order_by(table.c("percent%")))) == Pairs{{9, 10}, {11, 9}}),
                       "table " << i);
            auto row = s.conn.execute(select(table).order_by(table.c("percent%"))).first();
            BOOST_TEST_REQUIRE(row.has_value());
            BOOST_TEST((*row)["percent%"].as_int() == 5);
            BOOST_TEST((*row)["spaces % more spaces"].as_int() == 12);
            BOOST_TEST(row->at(table.c("percent%")).as_int() == 5);
            BOOST_TEST(row->at(table.c("spaces % more spaces")).as_int() == 12);
        }
        s.conn.execute(t.update().values({{"spaces % more spaces", 15}}));
        BOOST_TEST((pairs(s.conn.execute(select(t).order_by(t.c("percent%")))) ==
                    Pairs{{5, 15}, {7, 15}, {9, 15}, {11, 15}}));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(results)

BOOST_AUTO_TEST_SUITE(RowFetchTest)
// Athanor's counterpart of attribute access (row.id) is the typed get by name.
BOOST_FIXTURE_TEST_CASE(test_via_attr, Plain, CF_SA("test_results.py::RowFetchTest::test_via_attr")) {
    auto row = first_row();
    BOOST_TEST(row.get<std::int64_t>("id") == 1);
    BOOST_TEST(row.get<std::string>("data") == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_via_string, Plain, CF_SA("test_results.py::RowFetchTest::test_via_string")) {
    auto rows = s.conn.execute(select(t).order_by(t.c("id"))).mappings();
    BOOST_TEST_REQUIRE(!rows.empty());
    BOOST_TEST(rows[0]["id"].as_int() == 1);
    BOOST_TEST(rows[0]["data"].as_string() == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_via_int, Plain, CF_SA("test_results.py::RowFetchTest::test_via_int")) {
    auto row = first_row();
    BOOST_TEST(row[0].as_int() == 1);
    BOOST_TEST(row[1].as_string() == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_via_col_object, Plain, CF_SA("test_results.py::RowFetchTest::test_via_col_object")) {
    auto row = first_row();
    BOOST_TEST(row.at(t.c("id")).as_int() == 1);
    BOOST_TEST(row.at(t.c("data")).as_string() == "d1");
}
BOOST_FIXTURE_TEST_CASE(test_row_with_dupe_names, Plain, CF_SA("test_results.py::RowFetchTest::test_row_with_dupe_names")) {
    auto result = s.conn.execute(select(t.c("data"), t.c("data").label("data")).order_by(t.c("id")));
    BOOST_TEST(result.keys() == (std::vector<std::string>{"data", "data"}), boost::test_tools::per_element());
    auto row = result.first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(row->size() == 2u);
    BOOST_TEST((*row)[0].as_string() == "d1");
    BOOST_TEST((*row)[1].as_string() == "d1");
}
// A scalar subquery as a column keeps its column's type: the DateTime comes back as a DateTime.
BOOST_FIXTURE_TEST_CASE(test_row_w_scalar_select, Plain, CF_SA("test_results.py::RowFetchTest::test_row_w_scalar_select")) {
    auto x = dates.alias("x");
    auto sub = select(x.c("today")).scalar_subquery();
    auto row = s.conn.execute(select(dates.c("id"), sub.label("somelabel"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    const auto& v = (*row)["somelabel"];
    BOOST_TEST((v.kind() == sa::Value::Kind::datetime), "the scalar subquery's value came back as " << v);
    BOOST_TEST(v.as_datetime() == sa::DateTime::parse("2006-05-12 12:00:00"));
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
BOOST_FIXTURE_TEST_CASE(test_single_roundtrip, PercentTable, CF_SA("test_results.py::PercentSchemaNamesTest::test_single_roundtrip")) {
    for (auto [a, b] : Pairs{{5, 12}, {7, 11}, {9, 10}, {11, 9}})
        s.conn.execute(t.insert(), {{"percent%", a}, {"spaces % more spaces", b}});
    assert_table();
}
BOOST_FIXTURE_TEST_CASE(test_executemany_roundtrip, PercentTable, CF_SA("test_results.py::PercentSchemaNamesTest::test_executemany_roundtrip")) {
    s.conn.execute(t.insert(), {{"percent%", 5}, {"spaces % more spaces", 12}});
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"percent%", 7}, {"spaces % more spaces", 11}},
                                                       {{"percent%", 9}, {"spaces % more spaces", 10}},
                                                       {{"percent%", 11}, {"spaces % more spaces", 9}}});
    assert_table();
}
BOOST_FIXTURE_TEST_CASE(test_executemany_returning_roundtrip, PercentTable, CF_REQUIRES("insert_executemany_returning") CF_SA("test_results.py::PercentSchemaNamesTest::test_executemany_returning_roundtrip")) {
    s.conn.execute(t.insert(), {{"percent%", 5}, {"spaces % more spaces", 12}});
    auto result = s.conn.execute(t.insert().returning(t.c("percent%"), t.c("spaces % more spaces")),
                                 std::vector<sa::Params>{{{"percent%", 7}, {"spaces % more spaces", 11}},
                                                         {{"percent%", 9}, {"spaces % more spaces", 10}},
                                                         {{"percent%", 11}, {"spaces % more spaces", 9}}});
    BOOST_TEST((pairs(std::move(result)) == Pairs{{7, 11}, {9, 10}, {11, 9}}));
    assert_table();
}
BOOST_AUTO_TEST_SUITE_END()

// ServerSideCursorsTest: Athanor has no stream_results execution option nor a way to tell a
// server-side cursor from a client-side one, so every method of the class is a !gap in the
// catalogue. These cases are the fetch round trips only, named for no SQLAlchemy method.
BOOST_AUTO_TEST_SUITE(ServerSideCursorsTest)
BOOST_FIXTURE_TEST_CASE(test_roundtrip_fetchall_client_side, Plain) {
    BOOST_TEST(s.conn.execute(select(t.c("id"))).all().size() == 3u);
}
BOOST_FIXTURE_TEST_CASE(test_roundtrip_fetchmany_client_side, Plain) {
    auto r = s.conn.execute(select(t.c("id")));
    BOOST_TEST(r.fetchmany(2).size() == 2u);
    BOOST_TEST(r.fetchmany(2).size() == 1u);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
