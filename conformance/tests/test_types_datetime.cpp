// types group, date/time part — SQLAlchemy test_types.py's _DateFixture classes (DateTimeTest,
// DateTimeTZTest, DateTimeMicrosecondsTest, TimestampMicrosecondsTest, TimeTest, TimeTZTest,
// TimeMicrosecondsTest, DateTest, DateTimeCoercedToDateTimeTest, DateTimeHistoricTest,
// DateHistoricTest). Each class runs the five inherited checks for its type and value, plus
// test_select_direct, through DateCase below; a suite per class, one case per method.
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql/type_compiler.hpp>

#include <sstream>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

/// SQLAlchemy's `class Decorated(TypeDecorator): impl = datatype`: a type of its own (a custom
/// kind, so nothing in the compiler recognises it by kind) whose DDL name and processors are
/// the wrapped type's, through the TypeEngine virtuals a user-defined type overrides.
class Decorated final : public TypeEngine {
public:
    explicit Decorated(TypePtr impl) : TypeEngine("DECORATED " + impl->name(), impl->affinity()), impl_(std::move(impl)) {}
    std::string compile(const TypeCompiler& c) const override { return impl_->compile(c); }
    Processor bind_processor(const TypeCompiler& c) const override { return impl_->bind_processor(c); }
    Processor result_processor(const TypeCompiler& c) const override { return impl_->result_processor(c); }

private:
    TypePtr impl_;
};

/// Python's equality of date/time objects: aware date-times and times compare as instants
/// (12:57+00:00 equals 14:57+02:00, as the server may print a timestamptz in its own zone);
/// naive values and values of other kinds compare as they are. A kind mismatch is unequal
/// (SQLAlchemy's isinstance(row[0], type(compare))).
std::int64_t minutes_east(const std::optional<int>& offset) { return offset.value_or(0); }
std::int64_t utc_microseconds(const sa::Time& t) {
    const std::int64_t us = ((std::int64_t(t.hour) * 60 + t.minute) * 60 + t.second) * 1000000 + t.microsecond;
    return us - minutes_east(t.utc_offset_minutes) * 60 * 1000000;
}
std::int64_t days_from_civil(const sa::Date& d) {  // days since 1970-01-01, proleptic Gregorian
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
bool same_value(const sa::Value& got, const sa::Value& want) {
    if (got.kind() != want.kind()) return false;
    if (want.kind() == sa::Value::Kind::datetime) {
        const auto g = got.as_datetime(), w = want.as_datetime();
        if (g.time.utc_offset_minutes.has_value() != w.time.utc_offset_minutes.has_value()) return false;
        if (!w.time.utc_offset_minutes.has_value()) return g == w;
        return days_from_civil(g.date) * 86400000000LL + utc_microseconds(g.time) ==
               days_from_civil(w.date) * 86400000000LL + utc_microseconds(w.time);
    }
    if (want.kind() == sa::Value::Kind::time) {
        const auto g = got.as_time(), w = want.as_time();
        if (g.utc_offset_minutes.has_value() != w.utc_offset_minutes.has_value()) return false;
        if (!w.utc_offset_minutes.has_value()) return g == w;
        constexpr std::int64_t day = 86400000000LL;
        return ((utc_microseconds(g) % day) + day) % day == ((utc_microseconds(w) % day) + day) % day;
    }
    return got == want;
}

std::string kind_name(const sa::Value& v) {
    switch (v.kind()) {
        case sa::Value::Kind::date: return "Date";
        case sa::Value::Kind::time: return "Time";
        case sa::Value::Kind::datetime: return "DateTime";
        case sa::Value::Kind::null: return "NULL";
        case sa::Value::Kind::text: return "text";
        default: return "another kind";
    }
}
#define CF_CHECK_SAME(got, want) \
    BOOST_TEST(same_value(got, want), (got).repr() << " (" << kind_name(got) << ") is not " << (want).repr() << " (" << kind_name(want) << ")")

/// One _DateFixture class: its datatype, data and (DateTimeCoercedToDateTimeTest) the value
/// the data comes back as.
struct DateClass {
    TypePtr datatype;
    sa::Value data;
    std::optional<sa::Value> compare = std::nullopt;
    const sa::Value& expected() const { return compare ? *compare : data; }
};

/// _DateFixture.define_tables: date_table(id, date_data <datatype>, decorated_date_data
/// <Decorated(datatype)>), created per case.
struct DateTable {
    cf::Session s;
    Table& t;
    explicit DateTable(const TypePtr& datatype)
        : t(s.metadata.table("date_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                             Column("date_data", datatype),
                             Column("decorated_date_data", std::make_shared<Decorated>(datatype)))) {
        s.create_all();
    }
};

// test_round_trip / test_round_trip_decorated: the value inserted into the (decorated) column
// reads back equal and of the same kind.
void round_trip(const DateClass& c, const char* column) {
    DateTable f(c.datatype);
    f.s.conn.execute(f.t.insert(), {{"id", 1}, {column, c.data}});
    auto row = f.s.conn.execute(select(f.t.c(column))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    CF_CHECK_SAME((*row)[0], c.expected());
}

// test_null: a NULL inserted reads back as NULL.
void null_round_trip(const DateClass& c) {
    DateTable f(c.datatype);
    f.s.conn.execute(f.t.insert(), {{"id", 1}, {"date_data", sa::null}});
    auto row = f.s.conn.execute(select(f.t.c("date_data"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST((*row)[0].is_null(), (*row)[0].repr());
}

// test_literal (_LiteralRoundTripFixture.literal_round_trip): t(x) gets the value and a NULL
// rendered as literals of the type; WHERE x = literal(compare) [AND x = literal(data)] finds
// rows that all read back as the compare value, and WHERE x IS NULL finds exactly the NULL row.
void literal_round_trip(const DateClass& c) {
    cf::Session s;
    auto& t = s.metadata.table("t", Column("x", c.datatype));
    s.create_all();
    s.conn.execute(t.insert().values({{"x", literal(c.data, c.datatype, true)}}));
    s.conn.execute(t.insert().values({{"x", literal(sa::null, c.datatype, true)}}));
    Expr where = c.compare ? and_(t.c("x") == literal(*c.compare, c.datatype, true),
                                  t.c("x") == literal(c.data, c.datatype, true))
                           : t.c("x") == literal(c.data, c.datatype, true);
    auto stmt = select(t).where(where);
    auto rows = s.conn.execute(stmt).all();
    BOOST_TEST_REQUIRE(!rows.empty(), "no rows returned by " << stmt.compile(cf::engine().dialect())->sql);
    for (const auto& row : rows) CF_CHECK_SAME(row[0], c.expected());
    auto nulls = s.conn.execute(select(t).where(t.c("x").is_(sa::null))).all();
    BOOST_TEST_REQUIRE(nulls.size() == 1u);
    BOOST_TEST(nulls[0][0].is_null());
}

// test_null_bound_comparison: a NULL bound to bindparam("foo", datatype) is typed enough for
// CASE WHEN :foo IS NOT NULL THEN :foo ELSE date_data END = date_data, which then finds the row.
void null_bound_comparison(const DateClass& c) {
    DateTable f(c.datatype);
    std::vector<sa::Value> key;
    {
        auto tx = f.s.conn.begin();
        key = f.s.conn.execute(f.t.insert(), {{"id", 1}, {"date_data", c.data}}).inserted_primary_key();
        tx.commit();
    }
    BOOST_TEST_REQUIRE(key.size() == 1u);
    auto foo = bindparam("foo", c.datatype);
    auto stmt = select(f.t.c("id")).where(case_({{foo != sa::null, foo}}, f.t.c("date_data")) == f.t.c("date_data"));
    auto row = f.s.conn.execute(stmt, {{"foo", sa::null}}).first();
    BOOST_TEST_REQUIRE(row.has_value(), "no row from " << stmt.compile(cf::engine().dialect())->sql);
    BOOST_TEST((*row)[0] == key[0]);
}

// test_select_direct: select(literal(data)) reads back the data itself.
void select_direct(const DateClass& c) {
    cf::Session s;
    CF_CHECK_SAME(s.conn.scalar(select(literal(c.data))), c.data);
}

sa::Time at(unsigned h, unsigned m, unsigned s, std::uint32_t us = 0, std::optional<int> offset = std::nullopt) {
    return sa::Time{h, m, s, us, offset};
}
sa::DateTime dt(int y, unsigned mo, unsigned d, sa::Time t) { return sa::DateTime{sa::Date{y, mo, d}, t}; }

// The classes' datatype and data, as SQLAlchemy's declare them.
DateClass datetime_class() { return {ty::DateTime(), dt(2012, 10, 15, at(12, 57, 18))}; }
DateClass datetime_tz_class() { return {ty::DateTime(true), dt(2012, 10, 15, at(12, 57, 18, 0, 0))}; }
DateClass datetime_microseconds_class() { return {ty::DateTime(), dt(2012, 10, 15, at(12, 57, 18, 39642))}; }
// TIMESTAMP: the uppercase type, a DateTime spelled TIMESTAMP in DDL.
DateClass timestamp_microseconds_class() { return {TypeEngine::named("TIMESTAMP"), dt(2012, 10, 15, at(12, 57, 18, 396))}; }
DateClass time_class() { return {ty::Time(), at(12, 57, 18)}; }
DateClass time_tz_class() { return {ty::Time(true), at(12, 57, 18, 0, 0)}; }
DateClass time_microseconds_class() { return {ty::Time(), at(12, 57, 18, 396)}; }
DateClass date_class() { return {ty::Date(), sa::Date{2012, 10, 15}}; }
DateClass datetime_coerced_class() {
    return {ty::Date(), dt(2012, 10, 15, at(12, 57, 18)), sa::Value(sa::Date{2012, 10, 15})};
}
DateClass datetime_historic_class() { return {ty::DateTime(), dt(1850, 11, 10, at(11, 52, 35))}; }
DateClass date_historic_class() { return {ty::Date(), sa::Date{1727, 4, 1}}; }

}  // namespace

// The five inherited methods of one _DateFixture class, each its own case.
#define CF_DATE_FIXTURE(Class, make)                                                                          \
    BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::" #Class "::test_round_trip")) {               \
        round_trip(make(), "date_data");                                                                      \
    }                                                                                                         \
    BOOST_AUTO_TEST_CASE(test_round_trip_decorated, CF_SA("test_types.py::" #Class "::test_round_trip_decorated")) { \
        round_trip(make(), "decorated_date_data");                                                            \
    }                                                                                                         \
    BOOST_AUTO_TEST_CASE(test_null, CF_SA("test_types.py::" #Class "::test_null")) { null_round_trip(make()); } \
    BOOST_AUTO_TEST_CASE(test_literal, CF_REQUIRES("datetime_literals") CF_SA("test_types.py::" #Class "::test_literal")) { \
        literal_round_trip(make());                                                                           \
    }                                                                                                         \
    BOOST_AUTO_TEST_CASE(test_null_bound_comparison, CF_REQUIRES("standalone_null_binds_whereclause")         \
                                                         CF_SA("test_types.py::" #Class "::test_null_bound_comparison")) { \
        null_bound_comparison(make());                                                                        \
    }
#define CF_SELECT_DIRECT(Class, make, flag)                                                                   \
    BOOST_AUTO_TEST_CASE(test_select_direct, CF_REQUIRES(flag) CF_SA("test_types.py::" #Class "::test_select_direct")) { \
        select_direct(make());                                                                                \
    }

BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_SUITE(DateTimeTest, CF_REQUIRES("datetime"))
CF_DATE_FIXTURE(DateTimeTest, datetime_class)
CF_SELECT_DIRECT(DateTimeTest, datetime_class, "datetime_implicit_bound")
// Athanor's own: a bound date-time orders against stored ones.
BOOST_AUTO_TEST_CASE(test_ordering_and_comparison) {
    DateTable f(ty::DateTime());
    const sa::DateTime early = dt(1970, 1, 1, at(0, 0, 0)), late = dt(2012, 10, 15, at(12, 57, 18));
    f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"date_data", late}}, {{"id", 2}, {"date_data", early}}});
    auto n = f.s.conn.scalar(select(count()).select_from(f.t).where(f.t.c("date_data") > sa::Value(early)));
    BOOST_TEST(n.as_int() == 1);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeTZTest, CF_REQUIRES("datetime_timezone"))
CF_DATE_FIXTURE(DateTimeTZTest, datetime_tz_class)
CF_SELECT_DIRECT(DateTimeTZTest, datetime_tz_class, "datetime_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeMicrosecondsTest, CF_REQUIRES("datetime_microseconds"))
CF_DATE_FIXTURE(DateTimeMicrosecondsTest, datetime_microseconds_class)
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimestampMicrosecondsTest, CF_REQUIRES("timestamp_microseconds"))
CF_DATE_FIXTURE(TimestampMicrosecondsTest, timestamp_microseconds_class)
CF_SELECT_DIRECT(TimestampMicrosecondsTest, timestamp_microseconds_class, "timestamp_microseconds_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimeTest, CF_REQUIRES("time"))
CF_DATE_FIXTURE(TimeTest, time_class)
CF_SELECT_DIRECT(TimeTest, time_class, "time_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimeTZTest, CF_REQUIRES("time_timezone"))
CF_DATE_FIXTURE(TimeTZTest, time_tz_class)
CF_SELECT_DIRECT(TimeTZTest, time_tz_class, "time_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TimeMicrosecondsTest, CF_REQUIRES("time_microseconds"))
CF_DATE_FIXTURE(TimeMicrosecondsTest, time_microseconds_class)
CF_SELECT_DIRECT(TimeMicrosecondsTest, time_microseconds_class, "time_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTest, CF_REQUIRES("date"))
CF_DATE_FIXTURE(DateTest, date_class)
CF_SELECT_DIRECT(DateTest, date_class, "date_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeCoercedToDateTimeTest, CF_REQUIRES("date", "date_coerces_from_datetime"))
CF_DATE_FIXTURE(DateTimeCoercedToDateTimeTest, datetime_coerced_class)
CF_SELECT_DIRECT(DateTimeCoercedToDateTimeTest, datetime_coerced_class, "datetime_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateTimeHistoricTest, CF_REQUIRES("datetime_historic"))
CF_DATE_FIXTURE(DateTimeHistoricTest, datetime_historic_class)
CF_SELECT_DIRECT(DateTimeHistoricTest, datetime_historic_class, "date_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DateHistoricTest, CF_REQUIRES("date_historic"))
CF_DATE_FIXTURE(DateHistoricTest, date_historic_class)
CF_SELECT_DIRECT(DateHistoricTest, date_historic_class, "date_implicit_bound")
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
