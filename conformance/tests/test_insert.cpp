// insert group — SQLAlchemy test_insert.py: LastrowidTest, InsertBehaviorTest, ReturningTest.
#include "context.hpp"

#include <athanor/errors.hpp>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

// Hard expectation: the first generated key is 1 (dialect.default_sequence_base).
constexpr std::int64_t default_sequence_base = 1;

Table autoinc() {
    return Table("cf_autoinc", {Column("id", cf::sql_type(cf::T::integer), primary_key()),
                                Column("data", cf::sql_type(cf::T::varchar, 50))});
}
void create_autoinc(cf::Session& s) { s.create("cf_autoinc", {"id " + cf::pk_int(), "data " + cf::type(cf::T::varchar, 50)}); }

Table with_defaults() {
    return Table("cf_defaults", {Column("id", cf::sql_type(cf::T::integer), primary_key()),
                                 Column("data", cf::sql_type(cf::T::varchar, 50)),
                                 Column("x", cf::sql_type(cf::T::integer))});
}
void create_defaults(cf::Session& s) {
    s.create("cf_defaults", {"id " + cf::pk_int(), "data " + cf::type(cf::T::varchar, 50),
                             "x " + cf::type(cf::T::integer) + " DEFAULT 5"});
}
Table plain() {
    return Table("cf_plain", {Column("id", cf::sql_type(cf::T::integer), primary_key(), autoincrement(false)),
                              Column("data", cf::sql_type(cf::T::varchar, 50))});
}
void create_plain(cf::Session& s) {
    s.create("cf_plain", {"id " + cf::type(cf::T::integer) + " PRIMARY KEY", "data " + cf::type(cf::T::varchar, 50)});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(insert)

BOOST_AUTO_TEST_SUITE(LastrowidTest, CF_REQUIRES("implements_get_lastrowid", "autoincrement_insert"))
BOOST_AUTO_TEST_CASE(test_autoincrement_on_insert) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    s.conn.execute(t.insert().values({{"data", "some data"}}));
    auto row = s.conn.execute(select(t.c("id"), t.c("data"))).one();
    BOOST_TEST(row[0].as_int() == default_sequence_base);
    BOOST_TEST(row[1].as_string() == "some data");
}
BOOST_AUTO_TEST_CASE(test_last_inserted_id) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    auto pk = s.conn.scalar(select(t.c("id")));
    BOOST_TEST(r.inserted_primary_key().at(0) == pk);
}
BOOST_AUTO_TEST_CASE(test_native_lastrowid_autoinc, CF_REQUIRES("dbapi_lastrowid")) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    auto pk = s.conn.scalar(select(t.c("id")));
    BOOST_TEST_REQUIRE(r.lastrowid().has_value());
    BOOST_TEST(*r.lastrowid() == pk.as_int());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(InsertBehaviorTest)
BOOST_AUTO_TEST_CASE(test_no_results_for_non_returning_insert) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(!r.returns_rows());
    auto many = s.conn.execute(t.insert(), std::vector<sa::Params>{{{"data", "d1"}}, {{"data", "d2"}}});
    BOOST_TEST(!many.returns_rows());
}
BOOST_AUTO_TEST_CASE(test_autoclose_on_insert, CF_REQUIRES("autoincrement_insert")) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(r.inserted_primary_key().size() == 1u);
    BOOST_TEST(!r.inserted_primary_key()[0].is_null());
    BOOST_TEST(!r.returns_rows());
}
BOOST_AUTO_TEST_CASE(test_autoclose_on_insert_implicit_returning, CF_REQUIRES("insert_returning")) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(!r.inserted_primary_key().at(0).is_null());
    BOOST_TEST(!r.returns_rows());
}
BOOST_AUTO_TEST_CASE(test_empty_insert, CF_REQUIRES("empty_inserts")) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert());
    BOOST_TEST(!r.returns_rows());
    auto rows = s.conn.execute(select(t.c("id"), t.c("data"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(rows[0][1].is_null());
}
BOOST_AUTO_TEST_CASE(test_empty_insert_multiple, CF_REQUIRES("empty_inserts_executemany")) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    s.conn.execute(t.insert(), std::vector<sa::Params>{{}, {}, {}});
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t)).as_int() == 3);
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_autoinc, CF_REQUIRES("insert_from_select")) {
    cf::Session s;
    create_autoinc(s);
    create_plain(s);
    auto src = plain();
    auto dest = autoinc();
    s.conn.execute(src.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "data1"}}, {{"id", 2}, {"data", "data2"}}});
    s.conn.execute(dest.insert().from_select({"data"}, select(src.c("data")).where(src.c("data") == "data2")));
    auto r = s.conn.execute(select(dest.c("data"))).all();
    BOOST_TEST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0][0].as_string() == "data2");
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_autoinc_no_rows, CF_REQUIRES("insert_from_select")) {
    cf::Session s;
    create_autoinc(s);
    create_plain(s);
    auto src = plain();
    auto dest = autoinc();
    s.conn.execute(dest.insert().from_select({"data"}, select(src.c("data")).where(src.c("data") == "nope")));
    BOOST_TEST(s.conn.scalar(select(count()).select_from(dest)).as_int() == 0);
}
BOOST_AUTO_TEST_CASE(test_insert_from_select, CF_REQUIRES("insert_from_select")) {
    cf::Session s;
    create_plain(s);
    auto t = plain();
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "data1"}}, {{"id", 2}, {"data", "data2"}},
                                                       {{"id", 3}, {"data", "data3"}}});
    s.conn.execute(t.insert().from_select({"id", "data"},
                                          select((t.c("id") + 5).label("id"), t.c("data")).where(t.c("data").in_({"data2", "data3"}))));
    auto rows = cf::column_strings(s.conn.execute(select(t.c("data")).order_by(t.c("id"))));
    BOOST_TEST(rows == (std::vector<std::string>{"data1", "data2", "data3", "data2", "data3"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_insert_from_select_with_defaults, CF_REQUIRES("insert_from_select")) {
    cf::Session s;
    create_defaults(s);
    auto t = with_defaults();
    s.conn.execute(t.insert().values({{"data", "data1"}}));
    s.conn.execute(t.insert().from_select({"data"}, select(t.c("data"))));
    auto rows = s.conn.execute(select(t.c("data"), t.c("x")).order_by(t.c("id"))).all();
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1][0].as_string() == "data1");
    BOOST_TEST(rows[1][1].as_int() == 5);
}
BOOST_AUTO_TEST_CASE(test_server_default_applied) {
    cf::Session s;
    create_defaults(s);
    auto t = with_defaults();
    s.conn.execute(t.insert().values({{"data", "d"}}));
    BOOST_TEST(s.conn.scalar(select(t.c("x"))).as_int() == 5);
}
BOOST_AUTO_TEST_CASE(test_multivalues_insert, CF_REQUIRES("multivalues_inserts")) {
    cf::Session s;
    create_plain(s);
    auto t = plain();
    s.conn.execute(t.insert().multi_values({sa::Params{{"id", 1}, {"data", "a"}}, sa::Params{{"id", 2}, {"data", "b"}}}));
    BOOST_TEST(cf::column_strings(s.conn.execute(select(t.c("data")).order_by(t.c("id")))) ==
               (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_executemany_inserts_every_row) {
    cf::Session s;
    create_plain(s);
    auto t = plain();
    std::vector<sa::Params> rows;
    for (int i = 1; i <= 50; ++i) rows.push_back({{"id", i}, {"data", "d" + std::to_string(i)}});
    auto r = s.conn.execute(t.insert(), rows);
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t)).as_int() == 50);
    BOOST_TEST(s.conn.scalar(select(t.c("data")).where(t.c("id") == 37)).as_string() == "d37");
    (void)r;
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ReturningTest, CF_REQUIRES("insert_returning", "autoincrement_insert"))
BOOST_AUTO_TEST_CASE(test_explicit_returning_pk_autocommit, CF_REQUIRES("fetch_rows_post_commit")) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}).returning(t.c("id")));
    s.conn.commit();
    auto pk = r.scalar_one();
    BOOST_TEST(s.conn.scalar(select(t.c("id"))) == pk);
}
BOOST_AUTO_TEST_CASE(test_explicit_returning_pk_no_autocommit) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto pk = s.conn.execute(t.insert().values({{"data", "some data"}}).returning(t.c("id"))).scalar_one();
    BOOST_TEST(s.conn.scalar(select(t.c("id"))) == pk);
}
BOOST_AUTO_TEST_CASE(test_autoincrement_on_insert_implicit_returning) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    BOOST_TEST(r.inserted_primary_key().at(0).as_int() == default_sequence_base);
}
BOOST_AUTO_TEST_CASE(test_last_inserted_id_implicit_returning) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    auto r = s.conn.execute(t.insert().values({{"data", "some data"}}));
    BOOST_TEST(r.inserted_primary_key().at(0) == s.conn.scalar(select(t.c("id"))));
}
BOOST_AUTO_TEST_CASE(test_insertmanyvalues_returning, CF_REQUIRES("insert_executemany_returning")) {
    cf::Session s;
    create_autoinc(s);
    auto t = autoinc();
    std::vector<sa::Params> rows;
    for (int i = 0; i < 30; ++i) rows.push_back({{"data", "d" + std::to_string(i)}});
    auto r = s.conn.execute(t.insert().returning(t.c("id"), t.c("data")), rows);
    auto got = r.all();
    BOOST_TEST_REQUIRE(got.size() == 30u);
    for (int i = 0; i < 30; ++i) BOOST_TEST(got[i][1].as_string() == "d" + std::to_string(i));
}
BOOST_AUTO_TEST_CASE(test_insert_w_floats) {
    cf::Session s;
    s.create("cf_floats", {"id " + cf::pk_int(), "f " + cf::type(cf::T::double_)});
    Table t("cf_floats", {Column("id", cf::sql_type(cf::T::integer), primary_key()), Column("f", cf::sql_type(cf::T::double_))});
    for (double v : {15.7563, 1.5, -2.25}) {
        auto got = s.conn.execute(t.insert().values({{"f", v}}).returning(t.c("f"))).scalar_one();
        BOOST_TEST(got.as_double() == v);
    }
}
BOOST_AUTO_TEST_CASE(test_imv_returning_datatypes) {
    cf::Session s;
    s.create("cf_imv", {"id " + cf::pk_int(), "n " + cf::type(cf::T::numeric, 10, 2), "b " + cf::type(cf::T::binary),
                        "s " + cf::type(cf::T::varchar, 20)});
    Table t("cf_imv", {Column("id", cf::sql_type(cf::T::integer), primary_key()), Column("n", cf::sql_type(cf::T::numeric, 10, 2)),
                       Column("b", cf::sql_type(cf::T::binary)), Column("s", cf::sql_type(cf::T::varchar, 20))});
    sa::Bytes bytes{0x00, 0xff, 0x10};
    auto row = s.conn.execute(t.insert().values({{"n", sa::Decimal("12.50")}, {"b", bytes}, {"s", "x"}})
                                  .returning(t.c("n"), t.c("b"), t.c("s"))).one();
    BOOST_TEST(row[0].as_decimal().to_double() == 12.5);
    BOOST_TEST(row[1].as_bytes() == bytes);
    BOOST_TEST(row[2].as_string() == "x");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
