// insert group — SQLAlchemy test_insert.py: LastrowidTest, InsertBehaviorTest, ReturningTest.
#include "context.hpp"

#include <athanor/errors.hpp>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

// Hard expectation: the first generated key is 1 (dialect.default_sequence_base).
constexpr std::int64_t default_sequence_base = 1;

// The suite's tables, defined on the session's MetaData and created with create_all.
Table create_autoinc(cf::Session& s) {
    Table t = s.metadata.table("cf_autoinc", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)));
    s.create_all();
    return t;
}
Table create_defaults(cf::Session& s) {
    Table t = s.metadata.table("cf_defaults", Column("id", ty::Integer(), primary_key()), Column("data", ty::String(50)),
                               Column("x", ty::Integer(), server_default(5)));
    s.create_all();
    return t;
}
Table create_plain(cf::Session& s) {
    Table t = s.metadata.table("cf_plain", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("data", ty::String(50)));
    s.create_all();
    return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(insert)

BOOST_AUTO_TEST_SUITE(LastrowidTest, CF_REQUIRES("implements_get_lastrowid", "autoincrement_insert"))
BOOST_AUTO_TEST_CASE(test_autoincrement_on_insert, CF_SA("test_insert.py::LastrowidTest::test_autoincrement_on_insert")) {
    cf::Session s;
    auto t = create_autoinc(s);
    s.conn.execute(t.insert().values({{"data", "some data"}}));
    auto row = s.conn.execute(select(t.c("id"), t.c("data"))).one();
    BOOST_TEST(row[0].as_int() == default_sequence_base);
    BOOST_TEST(row[1].as_string() == "some data");
}
BOOST_AUTO_TEST_CASE(test_last_inserted_id, CF_SA("test_insert.py::LastrowidTest::test_last_inserted_id")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    auto pk = s.conn.scalar(select(t.c("id")));
    BOOST_TEST(r.inserted_primary_key().at(0) == pk);
}
BOOST_AUTO_TEST_CASE(test_native_lastrowid_autoinc, CF_REQUIRES("dbapi_lastrowid") CF_SA("test_insert.py::LastrowidTest::test_native_lastrowid_autoinc")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    auto pk = s.conn.scalar(select(t.c("id")));
    BOOST_TEST_REQUIRE(r.lastrowid().has_value());
    BOOST_TEST(*r.lastrowid() == pk.as_int());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(InsertBehaviorTest)
BOOST_AUTO_TEST_CASE(test_no_results_for_non_returning_insert, CF_SA("test_insert.py::InsertBehaviorTest::test_no_results_for_non_returning_insert")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(!r.returns_rows());
    auto many = s.conn.execute(t.insert(), std::vector<sa::Params>{{{"data", "d1"}}, {{"data", "d2"}}});
    BOOST_TEST(!many.returns_rows());
}
BOOST_AUTO_TEST_CASE(test_autoclose_on_insert, CF_REQUIRES("autoincrement_insert") CF_SA("test_insert.py::InsertBehaviorTest::test_autoclose_on_insert")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(r.inserted_primary_key().size() == 1u);
    BOOST_TEST(!r.inserted_primary_key()[0].is_null());
    BOOST_TEST(!r.returns_rows());
}
BOOST_AUTO_TEST_CASE(test_autoclose_on_insert_implicit_returning, CF_REQUIRES("insert_returning") CF_SA("test_insert.py::InsertBehaviorTest::test_autoclose_on_insert_implicit_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(!r.inserted_primary_key().at(0).is_null());
    BOOST_TEST(!r.returns_rows());
}
BOOST_AUTO_TEST_CASE(test_empty_insert, CF_REQUIRES("empty_inserts") CF_SA("test_insert.py::InsertBehaviorTest::test_empty_insert")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert());
    BOOST_TEST(!r.returns_rows());
    auto rows = s.conn.execute(select(t.c("id"), t.c("data"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][1].is_null());
}
BOOST_AUTO_TEST_CASE(test_empty_insert_multiple, CF_REQUIRES("empty_inserts_executemany") CF_SA("test_insert.py::InsertBehaviorTest::test_empty_insert_multiple")) {
    cf::Session s;
    auto t = create_autoinc(s);
    s.conn.execute(t.insert(), std::vector<sa::Params>{{}, {}, {}});
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t)).as_int() == 3);
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_autoinc, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select_autoinc")) {
    cf::Session s;
    auto dest = create_autoinc(s);
    auto src = create_plain(s);
    s.conn.execute(src.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "data1"}}, {{"id", 2}, {"data", "data2"}}});
    s.conn.execute(dest.insert().from_select({"data"}, select(src.c("data")).where(src.c("data") == "data2")));
    auto r = s.conn.execute(select(dest.c("data"))).all();
    BOOST_TEST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0][0].as_string() == "data2");
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_autoinc_no_rows, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select_autoinc_no_rows")) {
    cf::Session s;
    auto dest = create_autoinc(s);
    auto src = create_plain(s);
    s.conn.execute(dest.insert().from_select({"data"}, select(src.c("data")).where(src.c("data") == "nope")));
    BOOST_TEST(s.conn.scalar(select(count()).select_from(dest)).as_int() == 0);
}
BOOST_AUTO_TEST_CASE(test_insert_from_select, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select")) {
    cf::Session s;
    auto t = create_plain(s);
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "data1"}}, {{"id", 2}, {"data", "data2"}},
                                                       {{"id", 3}, {"data", "data3"}}});
    s.conn.execute(t.insert().from_select({"id", "data"},
                                          select((t.c("id") + 5).label("id"), t.c("data")).where(t.c("data").in_({"data2", "data3"}))));
    auto rows = cf::column_strings(s.conn.execute(select(t.c("data")).order_by(t.c("id"))));
    BOOST_TEST(rows == (std::vector<std::string>{"data1", "data2", "data3", "data2", "data3"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_with_defaults, CF_REQUIRES("insert_from_select") CF_SA("test_insert.py::InsertBehaviorTest::test_insert_from_select_with_defaults")) {
    cf::Session s;
    auto t = create_defaults(s);
    s.conn.execute(t.insert().values({{"data", "data1"}}));
    s.conn.execute(t.insert().from_select({"data"}, select(t.c("data"))));
    auto rows = s.conn.execute(select(t.c("data"), t.c("x")).order_by(t.c("id"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1][0].as_string() == "data1");
    BOOST_TEST(rows[1][1].as_int() == 5);
}
BOOST_AUTO_TEST_CASE(test_server_default_applied) {
    cf::Session s;
    auto t = create_defaults(s);
    s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(s.conn.scalar(select(t.c("x"))).as_int() == 5);
}
BOOST_AUTO_TEST_CASE(test_multivalues_insert, CF_REQUIRES("multivalues_inserts")) {
    cf::Session s;
    auto t = create_plain(s);
    s.conn.execute(t.insert().multi_values({sa::Params{{"id", 1}, {"data", "a"}}, sa::Params{{"id", 2}, {"data", "b"}}}));
    BOOST_TEST(cf::column_strings(s.conn.execute(select(t.c("data")).order_by(t.c("id")))) ==
               (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_executemany_inserts_every_row) {
    cf::Session s;
    auto t = create_plain(s);
    std::vector<sa::Params> rows;
    for (int i = 1; i <= 50; ++i) rows.push_back({{"id", i}, {"data", "d" + std::to_string(i)}});
    auto r = s.conn.execute(t.insert(), rows);
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t)).as_int() == 50);
    BOOST_TEST(s.conn.scalar(select(t.c("data")).where(t.c("id") == 37)).as_string() == "d37");
    (void)r;
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReturningTest, CF_REQUIRES("insert_returning", "autoincrement_insert"))
BOOST_AUTO_TEST_CASE(test_explicit_returning_pk_autocommit, CF_REQUIRES("fetch_rows_post_commit") CF_SA("test_insert.py::ReturningTest::test_explicit_returning_pk_autocommit")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}).returning(t.c("id")));
    s.conn.commit();
    auto pk = r.scalar_one();
    BOOST_TEST(s.conn.scalar(select(t.c("id"))) == pk);
}
BOOST_AUTO_TEST_CASE(test_explicit_returning_pk_no_autocommit, CF_SA("test_insert.py::ReturningTest::test_explicit_returning_pk_no_autocommit")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto pk = s.conn.execute(t.insert().values({{"data", "some data"}}).returning(t.c("id"))).scalar_one();
    BOOST_TEST(s.conn.scalar(select(t.c("id"))) == pk);
}
BOOST_AUTO_TEST_CASE(test_autoincrement_on_insert_implicit_returning, CF_SA("test_insert.py::ReturningTest::test_autoincrement_on_insert_implicit_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    BOOST_TEST(r.inserted_primary_key().at(0).as_int() == default_sequence_base);
}
BOOST_AUTO_TEST_CASE(test_last_inserted_id_implicit_returning, CF_SA("test_insert.py::ReturningTest::test_last_inserted_id_implicit_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    BOOST_TEST(r.inserted_primary_key().at(0) == s.conn.scalar(select(t.c("id"))));
}
BOOST_AUTO_TEST_CASE(test_insertmanyvalues_returning, CF_REQUIRES("insert_executemany_returning") CF_SA("test_insert.py::ReturningTest::test_insertmanyvalues_returning")) {
    cf::Session s;
    auto t = create_autoinc(s);
    std::vector<sa::Params> rows;
    for (int i = 0; i < 30; ++i) rows.push_back({{"data", "d" + std::to_string(i)}});
    auto r = s.conn.execute(t.insert().returning(t.c("id"), t.c("data")), rows);
    auto got = r.all();
    BOOST_TEST_REQUIRE(got.size() == 30u);
    for (int i = 0; i < 30; ++i) BOOST_TEST(got[i][1].as_string() == "d" + std::to_string(i));
}
BOOST_AUTO_TEST_CASE(test_insert_w_floats, CF_SA("test_insert.py::ReturningTest::test_insert_w_floats")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_floats", Column("id", ty::Integer(), primary_key()), Column("f", ty::Double()));
    s.create_all();
    for (double v : {15.7563, 1.5, -2.25}) {
        auto got = s.conn.execute(t.insert().values({{"f", v}}).returning(t.c("f"))).scalar_one();
        BOOST_TEST(got.as_double() == v);
    }
}
BOOST_AUTO_TEST_CASE(test_imv_returning_datatypes, CF_SA("test_insert.py::ReturningTest::test_imv_returning_datatypes")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_imv", Column("id", ty::Integer(), primary_key()), Column("n", ty::Numeric(10, 2)),
                               Column("b", ty::LargeBinary()), Column("s", ty::String(20)));
    s.create_all();
    sa::Bytes bytes{0x00, 0xff, 0x10};
    auto row = s.conn.execute(t.insert().values({{"n", sa::Decimal("12.50")}, {"b", bytes}, {"s", "x"}})
                                  .returning(t.c("n"), t.c("b"), t.c("s"))).one();
    BOOST_TEST(row[0].as_decimal().to_double() == 12.5);
    BOOST_TEST(row[1].as_bytes() == bytes);
    BOOST_TEST(row[2].as_string() == "x");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
