// types group, SQLAlchemy test_types.py: the numeric types — Integer/BigInteger, Numeric
// (exact decimals, compared as athanor::Decimal by value, never as doubles), Float/Double,
// literal rendering, E-notation, true division and floor division.
#include "context.hpp"
#include "types_support.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <cmath>

using namespace athanor::sql;
namespace sa = athanor;
namespace bdata = boost::unit_test::data;
using cf::types::literal_round_trip;
using cf::types::one_of;
using cf::types::same_value;

namespace {

sa::Decimal dec(const char* text) { return sa::Decimal(text); }

/// SQLAlchemy's do_numeric_test: table t(x type); the inputs inserted by executemany; the set
/// of values read back (through `filter`) equals the set of `outputs`; with check_scale their
/// text too (trailing zeros kept). Then the column must act as a number: x + 37.12 read as
/// `type` is 40.02 once rounded to 3 digits.
void do_numeric_test(const TypePtr& type, const std::vector<sa::Value>& inputs, const std::vector<sa::Value>& outputs,
                     const std::function<sa::Value(const sa::Value&)>& filter = {}, bool check_scale = false) {
    cf::Session s;
    auto& t = s.metadata.table("cf_t", Column("x", type));
    s.create_all();
    std::vector<sa::Params> rows;
    for (const auto& v : inputs) rows.push_back({{"x", v}});
    s.conn.execute(t.insert(), rows);
    auto got = s.conn.execute(select(t.c("x"))).scalars();
    const auto f = [&](const sa::Value& v) { return filter ? filter(v) : v; };
    // Set equality: every value read is expected, every expected value was read.
    for (const auto& v : got) {
        const bool expected = std::any_of(outputs.begin(), outputs.end(), [&](const sa::Value& o) { return same_value(f(v), f(o)); });
        BOOST_TEST(expected, "read " << v.repr() << ", not among the expected values");
        if (check_scale && expected && v.kind() == sa::Value::Kind::decimal) {
            const bool same_text = std::any_of(outputs.begin(), outputs.end(), [&](const sa::Value& o) {
                return o.kind() == sa::Value::Kind::decimal && o.as_decimal().str() == v.as_decimal().str();
            });
            BOOST_TEST(same_text, "read " << v.repr() << ": the scale differs from the expected text");
        }
    }
    for (const auto& o : outputs) {
        const bool read = std::any_of(got.begin(), got.end(), [&](const sa::Value& v) { return same_value(f(v), f(o)); });
        BOOST_TEST(read, "expected " << o.repr() << " was not read back");
    }
    s.conn.execute(t.delete_());
    const bool as_decimal = type->as_decimal();
    const sa::Value test_value = as_decimal ? sa::Value(dec("2.9")) : sa::Value(2.9);
    const sa::Value add_value = as_decimal ? sa::Value(dec("37.12")) : sa::Value(37.12);
    s.conn.execute(t.insert(), sa::Params{{"x", test_value}});
    auto number = s.conn.scalar(select(type_coerce(t.c("x") + add_value, type)));
    BOOST_TEST_REQUIRE(!number.is_null());
    BOOST_TEST(std::round(number.as_double() * 1000) / 1000 == 40.02, number.repr());
}

std::function<sa::Value(const sa::Value&)> round_to(int digits) {
    return [digits](const sa::Value& v) { return cf::types::rounded(v, digits); };
}

const std::int64_t huge_ints[] = {2147483649LL, 2147483648LL, 2147483647LL, 2147483646LL, -2147483649LL, -2147483648LL,
                                  -2147483647LL, -2147483646LL, 0, 1376537018368127LL, -1376537018368127LL,
                                  // and the 64-bit extremes
                                  9223372036854775807LL, -9223372036854775807LL - 1};

}  // namespace

BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_SUITE(IntegerTest)
BOOST_AUTO_TEST_CASE(test_literal, CF_SA("test_types.py::IntegerTest::test_literal")) {
    literal_round_trip(ty::Integer(), {5}, one_of({5}));
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::IntegerTest::test_huge_int"))
BOOST_DATA_TEST_CASE(test_huge_int, bdata::make(huge_ints), v) {
    cf::types::ValueTable f(ty::BigInteger());
    auto got = f.round_trip(v);
    BOOST_TEST((got.kind() == sa::Value::Kind::integer));
    BOOST_TEST(got.as_int() == v);
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::IntegerTest::test_huge_int_auto_accommodation"))
BOOST_DATA_TEST_CASE(test_huge_int_auto_accommodation, bdata::make(huge_ints), v) {
    cf::Session s;
    auto got = s.conn.scalar(select(Expr(v)).where(literal(v) == v));
    BOOST_TEST(got.as_int() == v);
}
BOOST_DATA_TEST_CASE(test_literal_values, bdata::make(huge_ints), v) {
    literal_round_trip(ty::BigInteger(), {v}, one_of({v}));
}
BOOST_AUTO_TEST_CASE(test_smallint_column) {
    cf::types::ValueTable f(ty::SmallInteger());
    BOOST_TEST(f.round_trip(32767).as_int() == 32767);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(NumericTest)
BOOST_AUTO_TEST_CASE(test_render_literal_numeric, CF_SA("test_types.py::NumericTest::test_render_literal_numeric")) {
    literal_round_trip(ty::Numeric(8, 4), {15.7563, dec("15.7563")}, one_of({dec("15.7563")}));
}
BOOST_AUTO_TEST_CASE(test_render_literal_numeric_asfloat, CF_SA("test_types.py::NumericTest::test_render_literal_numeric_asfloat")) {
    literal_round_trip(ty::Numeric(8, 4, false), {15.7563, dec("15.7563")}, one_of({15.7563}));
}
BOOST_AUTO_TEST_CASE(test_render_literal_float, CF_SA("test_types.py::NumericTest::test_render_literal_float")) {
    literal_round_trip(ty::Float(), {15.7563, dec("15.7563")}, one_of({15.7563}), false, round_to(5));
}
BOOST_AUTO_TEST_CASE(test_float_custom_scale, CF_REQUIRES("precision_generic_float_type") CF_SA("test_types.py::NumericTest::test_float_custom_scale")) {
    do_numeric_test(ty::Float(std::nullopt, true, 7), {15.7563827, dec("15.7563827")}, {dec("15.7563827")}, {}, true);
}
BOOST_AUTO_TEST_CASE(test_numeric_as_decimal, CF_SA("test_types.py::NumericTest::test_numeric_as_decimal")) {
    do_numeric_test(ty::Numeric(8, 4), {15.7563, dec("15.7563")}, {dec("15.7563")});
}
BOOST_AUTO_TEST_CASE(test_numeric_as_float, CF_SA("test_types.py::NumericTest::test_numeric_as_float")) {
    do_numeric_test(ty::Numeric(8, 4, false), {15.7563, dec("15.7563")}, {15.7563});
}
BOOST_AUTO_TEST_CASE(test_infinity_floats, CF_REQUIRES("infinity_floats") CF_SA("test_types.py::NumericTest::test_infinity_floats")) {
    do_numeric_test(ty::Float(), {INFINITY}, {INFINITY});
}
BOOST_AUTO_TEST_CASE(test_numeric_null_as_decimal, CF_SA("test_types.py::NumericTest::test_numeric_null_as_decimal")) {
    do_numeric_test(ty::Numeric(8, 4), {sa::null}, {sa::null});
}
BOOST_AUTO_TEST_CASE(test_numeric_null_as_float, CF_SA("test_types.py::NumericTest::test_numeric_null_as_float")) {
    do_numeric_test(ty::Numeric(8, 4, false), {sa::null}, {sa::null});
}
BOOST_AUTO_TEST_CASE(test_float_as_decimal, CF_REQUIRES("floats_to_four_decimals") CF_SA("test_types.py::NumericTest::test_float_as_decimal")) {
    do_numeric_test(ty::Float(std::nullopt, true), {15.756, dec("15.756"), sa::null}, {dec("15.756"), sa::null}, round_to(4));
}
BOOST_AUTO_TEST_CASE(test_float_as_float, CF_SA("test_types.py::NumericTest::test_float_as_float")) {
    do_numeric_test(ty::Float(), {15.756, dec("15.756")}, {15.756}, round_to(5));
}
BOOST_AUTO_TEST_CASE(test_float_coerce_round_trip, CF_REQUIRES("literal_float_coercion") CF_SA("test_types.py::NumericTest::test_float_coerce_round_trip")) {
    cf::Session s;
    auto v = s.conn.scalar(select(literal(15.7563)));
    BOOST_TEST((v.kind() == sa::Value::Kind::floating), v.repr());
    BOOST_TEST(v.as_double() == 15.7563);
}
BOOST_AUTO_TEST_CASE(test_decimal_coerce_round_trip, CF_REQUIRES("implicit_decimal_binds") CF_SA("test_types.py::NumericTest::test_decimal_coerce_round_trip")) {
    cf::Session s;
    auto v = s.conn.scalar(select(literal(dec("15.7563"))));
    BOOST_TEST(same_value(v, dec("15.7563")), v.repr());
}
BOOST_AUTO_TEST_CASE(test_decimal_coerce_round_trip_w_cast, CF_SA("test_types.py::NumericTest::test_decimal_coerce_round_trip_w_cast")) {
    cf::Session s;
    auto v = s.conn.scalar(select(cast(literal(dec("15.7563")), ty::Numeric(10, 4))));
    BOOST_TEST(same_value(v, dec("15.7563")), v.repr());
}
BOOST_AUTO_TEST_CASE(test_precision_decimal, CF_REQUIRES("precision_numerics_general") CF_SA("test_types.py::NumericTest::test_precision_decimal")) {
    const std::vector<sa::Value> numbers = {dec("54.234246451650"), dec("0.004354"), dec("900.0")};
    do_numeric_test(ty::Numeric(18, 12), numbers, numbers);
}
BOOST_AUTO_TEST_CASE(test_enotation_decimal, CF_REQUIRES("precision_numerics_enotation_large") CF_SA("test_types.py::NumericTest::test_enotation_decimal")) {
    const std::vector<sa::Value> numbers = {dec("1E-2"), dec("1E-3"), dec("1E-4"), dec("1E-5"), dec("1E-6"), dec("1E-7"),
                                            dec("1E-8"), dec("0.01000005940696"), dec("0.00000005940696"),
                                            dec("0.00000000000696"), dec("0.70000000000696"), dec("696E-12")};
    do_numeric_test(ty::Numeric(18, 14), numbers, numbers);
}
BOOST_AUTO_TEST_CASE(test_enotation_decimal_large, CF_REQUIRES("precision_numerics_enotation_large") CF_SA("test_types.py::NumericTest::test_enotation_decimal_large")) {
    const std::vector<sa::Value> numbers = {dec("4E+8"), dec("5748E+15"), dec("1.521E+15"), dec("00000000000000.1E+12")};
    do_numeric_test(ty::Numeric(25, 2), numbers, numbers);
}
BOOST_AUTO_TEST_CASE(test_many_significant_digits, CF_REQUIRES("precision_numerics_many_significant_digits") CF_SA("test_types.py::NumericTest::test_many_significant_digits")) {
    const std::vector<sa::Value> numbers = {dec("31943874831932418390.01"), dec("319438950232418390.273596"),
                                            dec("87673.594069654243")};
    do_numeric_test(ty::Numeric(38, 12), numbers, numbers);
}
BOOST_AUTO_TEST_CASE(test_numeric_no_decimal, CF_REQUIRES("precision_numerics_retains_significant_digits") CF_SA("test_types.py::NumericTest::test_numeric_no_decimal")) {
    do_numeric_test(ty::Numeric(5, 3), {dec("1.000")}, {dec("1.000")}, {}, true);
}
BOOST_TEST_DECORATOR(CF_REQUIRES("float_is_numeric") CF_SA("test_types.py::NumericTest::test_float_is_not_numeric"))
BOOST_DATA_TEST_CASE(test_float_is_not_numeric, bdata::xrange(2), i) {
    const TypePtr target = i == 0 ? ty::Float() : ty::Double();
    // The dialect's type for Float / Double is not its Numeric: another name, another kind.
    BOOST_TEST(cf::type(target) != cf::type(ty::Numeric()));
    BOOST_TEST((target->kind() != ty::Numeric()->kind()));
    BOOST_TEST(!target->as_decimal());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TrueDivTest)
const std::tuple<const char*, const char*, double> truediv_integer_cases[] = {{"15", "10", 1.5}, {"-15", "10", -1.5}};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::TrueDivTest::test_truediv_integer"))
BOOST_DATA_TEST_CASE(test_truediv_integer, bdata::xrange(2), i) {
    const auto& [left, right, expected] = truediv_integer_cases[i];
    cf::Session s;
    auto v = s.conn.scalar(select(literal_column(left, ty::Integer()) / literal_column(right, ty::Integer())));
    BOOST_TEST(v.as_double() == expected, v.repr());
}
const std::tuple<const char*, const char*, std::int64_t> floordiv_integer_cases[] = {{"15", "10", 1}, {"-15", "5", -3}};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::TrueDivTest::test_floordiv_integer"))
BOOST_DATA_TEST_CASE(test_floordiv_integer, bdata::xrange(2), i) {
    const auto& [left, right, expected] = floordiv_integer_cases[i];
    cf::Session s;
    auto v = s.conn.scalar(select(floordiv(literal_column(left, ty::Integer()), literal_column(right, ty::Integer()))));
    BOOST_TEST((v.kind() == sa::Value::Kind::integer), v.repr());
    BOOST_TEST(v.as_int() == expected);
}
BOOST_AUTO_TEST_CASE(test_truediv_numeric, CF_SA("test_types.py::TrueDivTest::test_truediv_numeric")) {
    cf::Session s;
    auto q = select(literal_column("5.52", ty::Numeric(10, 2)) / literal_column("2.4", ty::Numeric(10, 2)));
    auto v = s.conn.scalar(q);
    BOOST_TEST(same_value(v, dec("2.3")), v.repr());
}
BOOST_AUTO_TEST_CASE(test_truediv_float, CF_SA("test_types.py::TrueDivTest::test_truediv_float")) {
    cf::Session s;
    auto v = s.conn.scalar(select(literal_column("5.52", ty::Float()) / literal_column("2.4", ty::Float())));
    BOOST_TEST((v.kind() == sa::Value::Kind::floating), v.repr());
    BOOST_TEST(v.as_double() == 2.3);
}
BOOST_AUTO_TEST_CASE(test_floordiv_numeric, CF_SA("test_types.py::TrueDivTest::test_floordiv_numeric")) {
    cf::Session s;
    auto v = s.conn.scalar(select(floordiv(literal_column("5.52", ty::Numeric()), literal_column("2.4", ty::Numeric()))));
    BOOST_TEST(same_value(v, dec("2.0")), v.repr());
}
BOOST_AUTO_TEST_CASE(test_truediv_integer_bound, CF_SA("test_types.py::TrueDivTest::test_truediv_integer_bound")) {
    cf::Session s;
    auto v = s.conn.scalar(select(literal(15) / literal(10)));
    BOOST_TEST(v.as_double() == 1.5, v.repr());
}
BOOST_AUTO_TEST_CASE(test_floordiv_integer_bound, CF_SA("test_types.py::TrueDivTest::test_floordiv_integer_bound")) {
    cf::Session s;
    auto v = s.conn.scalar(select(floordiv(literal(15), literal(10))));
    BOOST_TEST(v.as_int() == 1, v.repr());
}
// Table columns: the division of stored values.
BOOST_AUTO_TEST_CASE(test_truediv_numeric_column) {
    cf::types::ValueTable f(ty::Numeric(10, 2));
    f.round_trip(dec("15.00"));
    auto v = f.s.conn.scalar(select(f.t.c("x") / Expr(dec("10"))));
    BOOST_TEST(same_value(v, dec("1.5")), v.repr());
}
BOOST_AUTO_TEST_CASE(test_floordiv_negative_column) {
    cf::types::ValueTable f(ty::Integer());
    f.round_trip(-15);
    auto v = f.s.conn.scalar(select(floordiv(f.t.c("x"), Expr(5))));
    BOOST_TEST(v.as_int() == -3);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
