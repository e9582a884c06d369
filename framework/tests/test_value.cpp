// Value, its temporal/decimal payloads, Params and the error hierarchy's message building.
#define BOOST_TEST_MODULE test_value
#include <boost/test/unit_test.hpp>

#include <athanor/errors.hpp>
#include <athanor/value.hpp>

#include <cmath>
#include <limits>
#include <ostream>
#include <string>
#include <typeinfo>

using namespace athanor;

// Lets BOOST_TEST print both sides of a failed comparison.
namespace athanor {
std::ostream& boost_test_print_type(std::ostream& os, const Value& v) { return os << v.repr(); }
std::ostream& boost_test_print_type(std::ostream& os, const Decimal& d) { return os << d.str(); }
}  // namespace athanor

namespace {
// Runs `f`, expects exception E and returns its message.
template <class E, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    BOOST_FAIL("expected an exception");
    return {};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(dates_and_times)

BOOST_AUTO_TEST_CASE(date_round_trip) {
    Date d = Date::parse("2024-02-29");
    BOOST_TEST(d.year == 2024);
    BOOST_TEST(d.month == 2u);
    BOOST_TEST(d.day == 29u);
    BOOST_TEST(d.iso() == "2024-02-29");
    BOOST_TEST((Date{5, 3, 7}.iso()) == "0005-03-07");
    BOOST_TEST(Date::parse("0001-01-01").iso() == "0001-01-01");
    BOOST_TEST(Date::parse("9999-12-31").iso() == "9999-12-31");
    BOOST_TEST((Date::parse("2000-02-29") < Date::parse("2000-03-01")));
}

BOOST_AUTO_TEST_CASE(invalid_dates_throw_data_error_quoting_the_text) {
    for (const char* bad : {"", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01",
                            "24-01-01", "2024/01/01", "2024-01-01x", "2024-01-01 10:00:00", "abcd-ef-gh"}) {
        std::string msg = message_of<DataError>([&] { Date::parse(bad); });
        BOOST_TEST(contains(msg, std::string("'") + bad + "'"), msg);
    }
    BOOST_TEST(contains(message_of<DataError>([] { Date::parse("2023-02-29"); }), "day 29"));
    // DataError is a DBAPIError and so a DatabaseError's sibling under Error.
    BOOST_CHECK_THROW(Date::parse("nope"), Error);
}

BOOST_AUTO_TEST_CASE(time_forms) {
    Time t = Time::parse("23:59:58");
    BOOST_TEST(t.hour == 23u);
    BOOST_TEST(t.minute == 59u);
    BOOST_TEST(t.second == 58u);
    BOOST_TEST(t.microsecond == 0u);
    BOOST_TEST(!t.utc_offset_minutes.has_value());
    BOOST_TEST(t.iso() == "23:59:58");

    BOOST_TEST(Time::parse("12:34:56.5").microsecond == 500000u);
    BOOST_TEST(Time::parse("12:34:56.000001").microsecond == 1u);
    BOOST_TEST(Time::parse("12:34:56.123456").iso() == "12:34:56.123456");
    BOOST_TEST(Time::parse("12:34:56.1234567").microsecond == 123456u);  // beyond microseconds: dropped
    BOOST_TEST(Time::parse("12:34").iso() == "12:34:00");

    BOOST_TEST(*Time::parse("10:00:00Z").utc_offset_minutes == 0);
    BOOST_TEST(Time::parse("10:00:00Z").iso() == "10:00:00+00:00");
    BOOST_TEST(*Time::parse("10:00:00+05:30").utc_offset_minutes == 330);
    BOOST_TEST(*Time::parse("10:00:00-0800").utc_offset_minutes == -480);
    BOOST_TEST(*Time::parse("10:00:00.25-03").utc_offset_minutes == -180);
    BOOST_TEST(Time::parse("10:00:00.25-03").iso() == "10:00:00.250000-03:00");
    BOOST_TEST(Time::parse("01:02:03.000004-09:30").iso() == "01:02:03.000004-09:30");

    for (const char* bad : {"", "24:00:00", "12:60:00", "12:00:60", "1:00:00", "12:00:00.", "12:00:00+25:00",
                            "12:00:00 UTC", "12:00:00+01:34:08", "12-00-00", "12:00:00.1234567890"}) {
        std::string msg = message_of<DataError>([&] { Time::parse(bad); });
        BOOST_TEST(contains(msg, std::string("'") + bad + "'"), msg);
    }
}

BOOST_AUTO_TEST_CASE(datetime_forms) {
    DateTime a = DateTime::parse("2024-05-06 07:08:09");
    BOOST_TEST(a.iso() == "2024-05-06 07:08:09");
    DateTime b = DateTime::parse("2024-05-06T07:08:09.010203Z");
    BOOST_TEST(b.iso() == "2024-05-06 07:08:09.010203+00:00");
    BOOST_TEST(b.time.microsecond == 10203u);
    DateTime c = DateTime::parse("2024-05-06");
    BOOST_TEST(c.iso() == "2024-05-06 00:00:00");
    BOOST_TEST(DateTime::parse("1999-12-31 23:59:59.999999-12:00").iso() == "1999-12-31 23:59:59.999999-12:00");
    BOOST_TEST((DateTime::parse("2024-01-01 00:00:00") < DateTime::parse("2024-01-01 00:00:00.000001")));
    for (const char* bad : {"2024-05-06X07:08:09", "2024-05-06 ", "2024-05-06 7:08:09", "2024-02-30 00:00:00"}) {
        std::string msg = message_of<DataError>([&] { DateTime::parse(bad); });
        BOOST_TEST(contains(msg, std::string("'") + bad + "'"), msg);
    }
}

BOOST_AUTO_TEST_CASE(interval_iso) {
    BOOST_TEST((Interval{1, 2, 3500000}.iso()) == "P1M2DT3.5S");
    BOOST_TEST((Interval{14, 0, 0}.iso()) == "P1Y2M");
    BOOST_TEST((Interval{0, 0, 3723000001}.iso()) == "PT1H2M3.000001S");
    BOOST_TEST((Interval{}.iso()) == "PT0S");
    BOOST_TEST((Interval{-1, -2, -90000000}.iso()) == "P-1M-2DT-1M-30S");
    BOOST_TEST((Interval{0, 0, std::numeric_limits<std::int64_t>::min()}.iso()).rfind("PT-", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(decimals)

BOOST_AUTO_TEST_CASE(plain_forms_keep_their_digits) {
    BOOST_TEST(Decimal("12.50").str() == "12.50");
    BOOST_TEST(Decimal("-12.3400").str() == "-12.3400");
    BOOST_TEST(Decimal("0").str() == "0");
    BOOST_TEST(Decimal("-0").str() == "-0");
    BOOST_TEST(Decimal("+7").str() == "7");
    BOOST_TEST(Decimal("007.10").str() == "7.10");
    BOOST_TEST(Decimal(".5").str() == "0.5");
    BOOST_TEST(Decimal("5.").str() == "5");
    BOOST_TEST(Decimal("123456789012345678901234567890.000000001").str() == "123456789012345678901234567890.000000001");
    BOOST_TEST(Decimal().str() == "0");
}

BOOST_AUTO_TEST_CASE(exponent_forms_are_expanded) {
    BOOST_TEST(Decimal("1.5E+3").str() == "1500");
    BOOST_TEST(Decimal("1.5e3").str() == "1500");
    BOOST_TEST(Decimal("25E-4").str() == "0.0025");
    BOOST_TEST(Decimal("-1.50E+1").str() == "-15.0");
    BOOST_TEST(Decimal("0E-5").str() == "0.00000");
    BOOST_TEST(Decimal("1E0").str() == "1");
    BOOST_TEST(Decimal("0.0015E3").str() == "1.5");
    BOOST_TEST(Decimal("1.5E+3") == Decimal("1500"));
}

BOOST_AUTO_TEST_CASE(special_values) {
    BOOST_TEST(Decimal("nan").str() == "NaN");
    BOOST_TEST(Decimal("Infinity").str() == "Infinity");
    BOOST_TEST(Decimal("-inf").str() == "-Infinity");
    BOOST_TEST(std::isnan(Decimal("NaN").to_double()));
    BOOST_TEST(Decimal("-Infinity").to_double() == -std::numeric_limits<double>::infinity());
}

BOOST_AUTO_TEST_CASE(invalid_decimals) {
    for (const char* bad : {"", "-", "+", ".", "abc", "1.2.3", "1e", "1e+", "e5", "1,5", " 1", "1 ", "0x10", "--1",
                            "1e999999999", "-NaN"}) {
        std::string msg = message_of<DataError>([&] { Decimal d(bad); });
        BOOST_TEST(contains(msg, std::string("'") + bad + "'"), msg);
    }
}

BOOST_AUTO_TEST_CASE(to_double) {
    BOOST_TEST(Decimal("12.50").to_double() == 12.5);
    BOOST_TEST(Decimal("-0.001").to_double() == -0.001);
    BOOST_TEST(Decimal("1.5E+3").to_double() == 1500.0);
    BOOST_TEST(std::isinf(Decimal("1E+400").to_double()));
    BOOST_TEST(Decimal("1E-400").to_double() == 0.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(value_access)

BOOST_AUTO_TEST_CASE(kinds) {
    BOOST_TEST((Value().kind() == Value::Kind::null));
    BOOST_TEST((Value(null).kind() == Value::Kind::null));
    BOOST_TEST((Value(std::nullopt).kind() == Value::Kind::null));
    BOOST_TEST((Value(true).kind() == Value::Kind::boolean));
    BOOST_TEST((Value(1).kind() == Value::Kind::integer));
    BOOST_TEST((Value(std::uint16_t{1}).kind() == Value::Kind::integer));
    BOOST_TEST((Value(1.5f).kind() == Value::Kind::floating));
    BOOST_TEST((Value("x").kind() == Value::Kind::text));
    BOOST_TEST((Value(std::string_view("x")).kind() == Value::Kind::text));
    BOOST_TEST((Value(Bytes{1}).kind() == Value::Kind::bytes));
    BOOST_TEST((Value(Decimal("1")).kind() == Value::Kind::decimal));
    BOOST_TEST((Value(std::optional<int>{}).kind() == Value::Kind::null));
    BOOST_TEST((Value(std::optional<int>{3}).kind() == Value::Kind::integer));
    BOOST_TEST(Value::kind_name(Value::Kind::datetime) == std::string("datetime"));
}

BOOST_AUTO_TEST_CASE(strict_reads) {
    BOOST_TEST(Value(42).get<std::int64_t>() == 42);
    BOOST_TEST(Value("Alex").get<std::string>() == "Alex");
    BOOST_TEST(Value(2.5).get<double>() == 2.5);
    BOOST_TEST((Value(Bytes{0, 255}).get<Bytes>() == Bytes{0, 255}));
    BOOST_TEST(Value(Interval{1, 2, 3}).get<Interval>().days == 2);
    BOOST_TEST(Value(Date{2020, 1, 2}).get<Date>().iso() == "2020-01-02");
    BOOST_TEST(Value(Value(7)).get<Value>() == Value(7));
}

BOOST_AUTO_TEST_CASE(extreme_integers) {
    const auto max = std::numeric_limits<std::int64_t>::max();
    const auto min = std::numeric_limits<std::int64_t>::min();
    BOOST_TEST(Value(max).get<std::int64_t>() == max);
    BOOST_TEST(Value(min).get<std::int64_t>() == min);
    BOOST_TEST(Value(max).repr() == "9223372036854775807");
    BOOST_TEST(Value(min).to_string() == "-9223372036854775808");
    BOOST_TEST(Value(Decimal("9223372036854775807")).as_int() == max);
    BOOST_TEST(Value(Decimal("-9223372036854775808.000")).as_int() == min);
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(Decimal("9223372036854775808")).as_int(); }),
                        "outside the 64-bit integer range"));
    BOOST_TEST(Value(min).as_decimal().str() == "-9223372036854775808");
    // Narrower integer types are range checked, not truncated.
    BOOST_TEST(Value(2147483647).get<int>() == 2147483647);
    std::string msg = message_of<ArgumentError>([] { Value(std::int64_t{1} << 40).get<int>(); });
    BOOST_TEST(contains(msg, "1099511627776"), msg);
    BOOST_TEST(contains(msg, "std::int32_t"), msg);
    BOOST_CHECK_THROW(Value(-1).get<unsigned>(), ArgumentError);
    BOOST_CHECK_THROW(Value(300).get<std::uint8_t>(), ArgumentError);
    BOOST_TEST(Value(max).get<std::uint64_t>() == static_cast<std::uint64_t>(max));
}

BOOST_AUTO_TEST_CASE(lenient_conversions) {
    BOOST_TEST(Value(1).as_bool() == true);
    BOOST_TEST(Value(0).get<bool>() == false);
    BOOST_TEST(Value(true).as_int() == 1);
    BOOST_TEST(Value(false).get<int>() == 0);
    BOOST_TEST(Value(Decimal("12.000")).as_int() == 12);
    BOOST_TEST(Value(Decimal("-3")).get<std::int64_t>() == -3);
    BOOST_TEST(Value(3).as_double() == 3.0);
    BOOST_TEST(Value(Decimal("0.25")).get<double>() == 0.25);
    BOOST_TEST(Value(Decimal("0.25")).get<float>() == 0.25f);
    BOOST_TEST(Value("2024-02-29").as_date().day == 29u);
    BOOST_TEST(Value("10:11:12.5").as_time().microsecond == 500000u);
    BOOST_TEST(Value("2024-02-29T10:11:12Z").get<DateTime>().iso() == "2024-02-29 10:11:12+00:00");
    BOOST_TEST(Value(12).as_decimal().str() == "12");
    BOOST_TEST(Value("1.50").get<Decimal>().str() == "1.50");
    BOOST_TEST(Value(0.1).as_decimal().str() == "0.1");
}

BOOST_AUTO_TEST_CASE(mismatches_name_both_kinds) {
    BOOST_TEST(message_of<ArgumentError>([] { Value("x").as_int(); }) == "cannot read a text value as integer");
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(1).as_string(); }), "cannot read an integer value as text"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(2).as_bool(); }), "0 and 1"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(1.5).as_int(); }), "floating-point value as integer"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(Decimal("1.5")).as_int(); }), "fraction"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value("x").as_bytes(); }), "text value as bytes"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(Bytes{}).as_string(); }), "bytes value as text"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(true).as_double(); }), "boolean value as floating-point"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(1).as_date(); }), "integer value as date"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(1).as_interval(); }), "integer value as interval"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(Date{}).as_datetime(); }), "date value as datetime"));
    BOOST_TEST(contains(message_of<ArgumentError>([] { Value(true).as_decimal(); }), "boolean value as decimal"));
    // Text of the right kind but the wrong content is bad data, quoted.
    BOOST_TEST(contains(message_of<DataError>([] { Value("yesterday").as_date(); }), "'yesterday'"));
    BOOST_TEST(contains(message_of<DataError>([] { Value("ten").as_decimal(); }), "'ten'"));
}

BOOST_AUTO_TEST_CASE(null_handling) {
    Value n;
    BOOST_TEST(n.is_null());
    BOOST_TEST(!n.get<std::optional<std::string>>().has_value());
    BOOST_TEST(!n.get<std::optional<std::int64_t>>().has_value());
    BOOST_TEST(*Value(5).get<std::optional<int>>() == 5);
    std::string msg = message_of<ArgumentError>([&] { n.get<std::string>(); });
    BOOST_TEST(contains(msg, "NULL"), msg);
    BOOST_TEST(contains(msg, "std::optional<std::string>"), msg);
    BOOST_CHECK_THROW(n.get<std::int64_t>(), ArgumentError);
    BOOST_CHECK_THROW(n.get<bool>(), ArgumentError);
    BOOST_CHECK_THROW(n.as_int(), ArgumentError);
    BOOST_TEST(n.get<Value>().is_null());
    BOOST_TEST(n.repr() == "NULL");
    BOOST_TEST(n.to_string() == "NULL");
    BOOST_TEST(Value() == Value(null));
    BOOST_TEST(!(Value() == Value(0)));
}

BOOST_AUTO_TEST_CASE(repr_and_to_string) {
    BOOST_TEST(Value("it's").repr() == "'it''s'");
    BOOST_TEST(Value("it's").to_string() == "it's");
    BOOST_TEST(Value(true).repr() == "true");
    BOOST_TEST(Value(1.0).repr() == "1.0");
    BOOST_TEST(Value(0.1).repr() == "0.1");
    BOOST_TEST(Value(1e300).repr() == "1e+300");
    BOOST_TEST(Value(Bytes{0xab, 0x01}).repr() == "X'ab01'");
    BOOST_TEST(Value(Decimal("1.50")).repr() == "1.50");
    BOOST_TEST(Value(Date{2024, 1, 2}).repr() == "'2024-01-02'");
    BOOST_TEST(Value(Date{2024, 1, 2}).to_string() == "2024-01-02");
    BOOST_TEST(Value(Interval{0, 1, 0}).to_string() == "P1D");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(params_set_and_find) {
    Params p{{"name", "Alex"}, {"age", 30}};
    BOOST_TEST(p.size() == 2u);
    BOOST_TEST(p.find("name")->get<std::string>() == "Alex");
    BOOST_TEST(p.find("missing") == nullptr);
    BOOST_TEST(!p.contains("missing"));
    p.set("age", 31).set("city", "Oslo");
    BOOST_TEST(p.size() == 3u);
    BOOST_TEST(p.find("age")->as_int() == 31);
    BOOST_TEST(p.items()[0].first == "name");  // order kept, replace in place
    BOOST_TEST(p.items()[1].first == "age");
    BOOST_TEST(p.items()[2].first == "city");
    BOOST_TEST(Params().empty());
}

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(dbapi_message_layout) {
    IntegrityError e("UNIQUE constraint failed: users.id", "23505", 2067);
    BOOST_TEST(std::string(e.what()) == "UNIQUE constraint failed: users.id\n(SQLSTATE 23505, code 2067)");
    e.attach_statement("INSERT INTO users (id, name) VALUES (?, ?)", {1, "Alex"}, false);
    BOOST_TEST(std::string(e.what()) ==
               "UNIQUE constraint failed: users.id\n"
               "[SQL: INSERT INTO users (id, name) VALUES (?, ?)]\n"
               "[parameters: (1, 'Alex')]\n"
               "(SQLSTATE 23505, code 2067)");
    BOOST_TEST(e.params().size() == 2u);
    BOOST_TEST(e.statement() == "INSERT INTO users (id, name) VALUES (?, ?)");
    e.attach_statement("INSERT INTO users (id, name) VALUES (?, ?)", {1, "secret"}, true);
    std::string hidden = e.what();
    BOOST_TEST(contains(hidden, "[parameters hidden: 2 values]"), hidden);
    BOOST_TEST(!contains(hidden, "secret"), hidden);
    BOOST_TEST(e.params()[1].get<std::string>() == "secret");  // the program still sees them
    BOOST_TEST(e.driver_message() == "UNIQUE constraint failed: users.id");

    OperationalError only_code("database is locked", "", 5);
    BOOST_TEST(std::string(only_code.what()) == "database is locked\n(code 5)");
    DBAPIError plain("boom");
    BOOST_TEST(std::string(plain.what()) == "boom");
    plain.attach_statement("SELECT 1", {}, false);
    BOOST_TEST(std::string(plain.what()) == "boom\n[SQL: SELECT 1]");
    plain.set_connection_invalidated(true);
    BOOST_TEST(plain.connection_invalidated());
    BOOST_TEST(contains(plain.what(), "invalidated"));
}

BOOST_AUTO_TEST_CASE(long_parameters_are_truncated) {
    DBAPIError e("too long");
    e.attach_statement("INSERT INTO t VALUES (?)", {std::string(10000, 'x')}, false);
    std::string msg = e.what();
    BOOST_TEST(msg.size() < 1000u);
    BOOST_TEST(contains(msg, "characters truncated"), msg);
}

template <class Expected>
void expect_class(const char* sqlstate) {
    try {
        throw_for_sqlstate("driver says no", sqlstate, 7);
    } catch (const Expected& e) {
        BOOST_TEST((typeid(e) == typeid(Expected)), sqlstate);
        BOOST_TEST(e.sqlstate() == sqlstate);
        BOOST_TEST(*e.native_code() == 7);
        return;
    } catch (const std::exception& e) {
        BOOST_FAIL(std::string("wrong class for ") + sqlstate + ": " + typeid(e).name());
    }
}

BOOST_AUTO_TEST_CASE(sqlstate_mapping) {
    expect_class<IntegrityError>("23505");
    expect_class<IntegrityError>("23000");
    expect_class<IntegrityError>("40002");
    expect_class<OperationalError>("08006");
    expect_class<OperationalError>("57P01");
    expect_class<OperationalError>("57014");
    expect_class<OperationalError>("40001");
    expect_class<OperationalError>("28P01");
    expect_class<OperationalError>("HYT00");
    expect_class<ProgrammingError>("42P01");
    expect_class<ProgrammingError>("42601");
    expect_class<ProgrammingError>("3F000");
    expect_class<DataError>("22012");
    expect_class<DataError>("22p02");
    expect_class<NotSupportedError>("0A000");
    expect_class<InternalError>("XX000");
    expect_class<InternalError>("25P02");
    expect_class<InterfaceError>("IM002");
    expect_class<DatabaseError>("HY000");
    expect_class<DatabaseError>("P9999");
    expect_class<DatabaseError>("");
    // Every class is catchable as the PEP 249 base.
    BOOST_CHECK_THROW(throw_for_sqlstate("x", "23505"), DatabaseError);
    BOOST_CHECK_THROW(throw_for_sqlstate("x", "23505"), DBAPIError);
    BOOST_CHECK_THROW(throw_for_sqlstate("x", "23505"), Error);
}

BOOST_AUTO_TEST_CASE(hierarchy) {
    BOOST_CHECK_THROW(throw NoResultFound("none"), InvalidRequestError);
    BOOST_CHECK_THROW(throw ResourceClosedError("closed"), InvalidRequestError);
    BOOST_CHECK_THROW(throw TimeoutError("pool"), Error);
    BOOST_CHECK_THROW(throw NoSuchModuleError("x"), std::runtime_error);
    BOOST_TEST(std::string(ArgumentError("bad").what()) == "bad");
}

BOOST_AUTO_TEST_SUITE_END()
