// types group — SQLAlchemy test_types.py: the date and time types, data-driven over value
// sets (each value is its own test case). The other types' suites are in test_types_*.cpp.
#include "context.hpp"

#include <athanor/errors.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

using namespace athanor::sql;
namespace sa = athanor;
namespace bdata = boost::unit_test::data;

namespace {

// One-column table cf_types(id, x) of the given generic type, made by create_all.
struct TypeTable {
    cf::Session s;
    Table& t;
    explicit TypeTable(const TypePtr& type)
        : t(s.metadata.table("cf_types", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                             Column("x", type))) {
        s.create_all();
    }
    sa::Value round_trip(const sa::Value& v) {
        s.conn.execute(t.insert().values({{"id", 1}, {"x", v}}));
        return s.conn.scalar(select(t.c("x")).where(t.c("id") == 1));
    }
    // _LiteralRoundTripFixture: INSERT with the value rendered as a literal, then find the row
    // with WHERE x = <literal>.
    sa::Value literal_round_trip(const sa::Value& v) {
        CompileOptions o;
        o.literal_binds = true;
        auto ins = t.insert().values({{"id", 1}, {"x", v}}).compile(cf::engine().dialect(), o);
        s.conn.exec_driver_sql(ins->sql);
        auto sel = select(t.c("x")).where(t.c("x") == literal(v)).compile(cf::engine().dialect(), o);
        auto rows = s.conn.exec_driver_sql(sel->sql).all();
        BOOST_TEST_REQUIRE(rows.size() == 1u, "WHERE x = literal found " << rows.size() << " rows: " << sel->sql);
        return rows[0][0];
    }
};

}  // namespace


BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_SUITE(DateTest, CF_REQUIRES("date"))
const sa::Date dates[] = {{2012, 10, 15}, {1970, 1, 1}, {2000, 2, 29}, {9999, 12, 31}};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::DateTest::test_round_trip"))
BOOST_DATA_TEST_CASE(test_round_trip, bdata::make(dates), d) {
    TypeTable f(ty::Date());
    BOOST_TEST(f.round_trip(d).as_date() == d);
}
BOOST_AUTO_TEST_CASE(test_null, CF_SA("test_types.py::DateTest::test_null")) {
    TypeTable f(ty::Date());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_null_bound_comparison, CF_REQUIRES("standalone_null_binds_whereclause") CF_SA("test_types.py::DateTest::test_null_bound_comparison")) {
    TypeTable f(ty::Date());
    f.round_trip(sa::Date{2012, 10, 15});
    auto n = f.s.conn.execute(select(f.t.c("id")).where(f.t.c("x") == bindparam("foo")), {{"foo", sa::null}}).all().size();
    BOOST_TEST(n == 0u);
}
BOOST_AUTO_TEST_CASE(test_literal, CF_REQUIRES("datetime_literals") CF_SA("test_types.py::DateTest::test_literal")) {
    TypeTable f(ty::Date());
    BOOST_TEST(f.literal_round_trip(sa::Date{2012, 10, 15}).as_date() == (sa::Date{2012, 10, 15}));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateHistoricTest, CF_REQUIRES("date_historic"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::DateHistoricTest::test_round_trip")) {
    TypeTable f(ty::Date());
    BOOST_TEST(f.round_trip(sa::Date{1727, 4, 1}).as_date() == (sa::Date{1727, 4, 1}));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimeTest, CF_REQUIRES("time"))
const sa::Time times[] = {{12, 20, 15, 0, std::nullopt}, {0, 0, 0, 0, std::nullopt}, {23, 59, 59, 0, std::nullopt}};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::TimeTest::test_round_trip"))
BOOST_DATA_TEST_CASE(test_round_trip, bdata::make(times), tm) {
    TypeTable f(ty::Time());
    BOOST_TEST(f.round_trip(tm).as_time() == tm);
}
BOOST_AUTO_TEST_CASE(test_null, CF_SA("test_types.py::TimeTest::test_null")) {
    TypeTable f(ty::Time());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimeMicrosecondsTest, CF_REQUIRES("time_microseconds"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::TimeMicrosecondsTest::test_round_trip")) {
    TypeTable f(ty::Time());
    sa::Time tm{12, 20, 15, 123456, std::nullopt};
    BOOST_TEST(f.round_trip(tm).as_time() == tm);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimeTZTest, CF_REQUIRES("time_timezone"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::TimeTZTest::test_round_trip")) {
    TypeTable f(ty::Time(true));
    sa::Time tm{12, 20, 15, 0, 120};
    BOOST_TEST(f.round_trip(tm).as_time() == tm);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeTest, CF_REQUIRES("datetime"))
const sa::DateTime datetimes[] = {{{2012, 10, 15}, {12, 57, 18, 0, std::nullopt}}, {{1970, 1, 1}, {0, 0, 0, 0, std::nullopt}},
                                  {{2099, 12, 31}, {23, 59, 59, 0, std::nullopt}}};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::DateTimeTest::test_round_trip"))
BOOST_DATA_TEST_CASE(test_round_trip, bdata::make(datetimes), dt) {
    TypeTable f(ty::DateTime());
    BOOST_TEST(f.round_trip(dt).as_datetime() == dt);
}
BOOST_AUTO_TEST_CASE(test_null, CF_SA("test_types.py::DateTimeTest::test_null")) {
    TypeTable f(ty::DateTime());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_ordering_and_comparison) {
    TypeTable f(ty::DateTime());
    f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"x", datetimes[0]}}, {{"id", 2}, {"x", datetimes[1]}}});
    auto n = f.s.conn.scalar(select(count()).select_from(f.t).where(f.t.c("x") > sa::Value(datetimes[1])));
    BOOST_TEST(n.as_int() == 1);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeMicrosecondsTest, CF_REQUIRES("datetime_microseconds"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::DateTimeMicrosecondsTest::test_round_trip")) {
    TypeTable f(ty::DateTime());
    sa::DateTime dt{{2012, 10, 15}, {12, 57, 18, 396, std::nullopt}};
    BOOST_TEST(f.round_trip(dt).as_datetime() == dt);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimestampMicrosecondsTest, CF_REQUIRES("timestamp_microseconds"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::TimestampMicrosecondsTest::test_round_trip")) {
    TypeTable f(ty::DateTime());
    sa::DateTime dt{{2012, 10, 15}, {12, 57, 18, 396, std::nullopt}};
    BOOST_TEST(f.round_trip(dt).as_datetime() == dt);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeHistoricTest, CF_REQUIRES("datetime_historic"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::DateTimeHistoricTest::test_round_trip")) {
    TypeTable f(ty::DateTime());
    sa::DateTime dt{{1850, 11, 10}, {11, 52, 35, 0, std::nullopt}};
    BOOST_TEST(f.round_trip(dt).as_datetime() == dt);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeTZTest, CF_REQUIRES("datetime_timezone"))
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::DateTimeTZTest::test_round_trip")) {
    TypeTable f(ty::DateTime(true));
    f.s.exec("SET TIME ZONE 'UTC'");
    sa::DateTime dt{{2012, 10, 15}, {12, 57, 18, 0, 0}};
    BOOST_TEST(f.round_trip(dt).as_datetime() == dt);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
