// types group — SQLAlchemy test_types.py: round trips and literal rendering for the generic
// types, data-driven over value sets (each value is its own test case).
#include "context.hpp"

#include <athanor/errors.hpp>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <cmath>

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

const std::string strings[] = {"", "some text", "O'Reilly", "back\\slash", "per % cent", "say \"hi\"", "réveillé",
                               "測試 データ", "emoji 🐍🎉", "tab\there", "line\nbreak", "'; DROP TABLE x; --"};
const std::int64_t integers[] = {0, 1, -1, 2147483647, -2147483648LL, 2147483648LL, 9223372036854775807LL,
                                 -9223372036854775807LL - 1};
const char* decimals[] = {"15.7563", "-1.5", "12345678.1234", "0.0001", "100", "-0.5"};
const double doubles[] = {0.0, 1.5, -2.25, 15.7563, 1e10, -1e-5};

bool close(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

std::string shown(const std::string& s) {
    std::string o;
    for (char c : s) o += c == '\n' ? std::string("\\n") : c == '\t' ? std::string("\\t") : std::string(1, c);
    return o;
}

}  // namespace


BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_SUITE(StringTest)
BOOST_DATA_TEST_CASE(test_round_trip, bdata::make(strings), v) {
    TypeTable f(ty::String(255));
    BOOST_TEST(f.round_trip(v).as_string() == v, shown(v));
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::StringTest::test_literal"))
BOOST_DATA_TEST_CASE(test_literal, bdata::make(strings), v) {
    TypeTable f(ty::String(255));
    BOOST_TEST(f.literal_round_trip(v).as_string() == v, shown(v));
}
BOOST_AUTO_TEST_CASE(test_literal_non_ascii, CF_REQUIRES("unicode_data_no_special_types") CF_SA("test_types.py::StringTest::test_literal_non_ascii")) {
    TypeTable f(ty::String(255));
    BOOST_TEST(f.literal_round_trip("réve🐍 illé").as_string() == "réve🐍 illé");
}
BOOST_AUTO_TEST_CASE(test_nolength_string, CF_REQUIRES("unbounded_varchar") CF_SA("test_types.py::StringTest::test_nolength_string")) {
    TypeTable f(ty::String());
    BOOST_TEST(f.round_trip("some string").as_string() == "some string");
}
BOOST_AUTO_TEST_CASE(test_dont_truncate_rightside, CF_SA("test_types.py::StringTest::test_dont_truncate_rightside")) {
    TypeTable f(ty::String(50));
    f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"x", "ab"}}, {{"id", 2}, {"x", "abc"}}});
    auto n = f.s.conn.scalar(select(count()).select_from(f.t).where(f.t.c("x").like("%bc")));
    BOOST_TEST(n.as_int() == 1);
}
BOOST_AUTO_TEST_CASE(test_concatenate_binary, CF_SA("test_types.py::StringTest::test_concatenate_binary")) {
    TypeTable f(ty::String(50));
    f.s.conn.execute(f.t.insert().values({{"id", 1}, {"x", "some"}}));
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("x").concat(" value"))).as_string() == "some value");
}
BOOST_AUTO_TEST_CASE(test_concatenate_clauselist, CF_SA("test_types.py::StringTest::test_concatenate_clauselist")) {
    TypeTable f(ty::String(50));
    f.s.conn.execute(f.t.insert().values({{"id", 1}, {"x", "a"}}));
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("x").concat("b").concat(f.t.c("x")).concat("c"))).as_string() == "abac");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(UnicodeVarcharTest, CF_REQUIRES("unicode_data"))
BOOST_TEST_DECORATOR(CF_SA("test_types.py::UnicodeVarcharTest::test_round_trip_executemany"))
BOOST_DATA_TEST_CASE(test_round_trip_executemany, bdata::make(strings), v) {
    TypeTable f(ty::String(255));
    f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"x", v}}, {{"id", 2}, {"x", v + v}}});
    BOOST_TEST(cf::column_strings(f.s.conn.execute(select(f.t.c("x")).order_by(f.t.c("id")))) ==
               (std::vector<std::string>{v, v + v}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_empty_strings_varchar, CF_REQUIRES("empty_strings_varchar") CF_SA("test_types.py::UnicodeVarcharTest::test_empty_strings_varchar")) {
    TypeTable f(ty::String(255));
    auto v = f.round_trip("");
    BOOST_TEST(!v.is_null());
    BOOST_TEST(v.as_string() == "");
}
BOOST_AUTO_TEST_CASE(test_null_strings_varchar, CF_SA("test_types.py::UnicodeVarcharTest::test_null_strings_varchar")) {
    TypeTable f(ty::String(255));
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TextTest, CF_REQUIRES("text_type"))
BOOST_TEST_DECORATOR(CF_SA("test_types.py::TextTest::test_text_roundtrip"))
BOOST_DATA_TEST_CASE(test_text_roundtrip, bdata::make(strings), v) {
    TypeTable f(ty::Text());
    BOOST_TEST(f.round_trip(v).as_string() == v, shown(v));
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::TextTest::test_literal"))
BOOST_DATA_TEST_CASE(test_literal, bdata::make(strings), v) {
    TypeTable f(ty::Text());
    BOOST_TEST(f.literal_round_trip(v).as_string() == v, shown(v));
}
BOOST_AUTO_TEST_CASE(test_text_empty_strings, CF_REQUIRES("empty_strings_text") CF_SA("test_types.py::TextTest::test_text_empty_strings")) {
    TypeTable f(ty::Text());
    BOOST_TEST(f.round_trip("").as_string() == "");
}
BOOST_AUTO_TEST_CASE(test_text_null_strings, CF_SA("test_types.py::TextTest::test_text_null_strings")) {
    TypeTable f(ty::Text());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_large_text) {
    TypeTable f(ty::Text());
    std::string big(200000, 'x');
    BOOST_TEST(f.round_trip(big).as_string().size() == big.size());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(IntegerTest)
BOOST_TEST_DECORATOR(CF_SA("test_types.py::IntegerTest::test_huge_int"))
BOOST_DATA_TEST_CASE(test_huge_int, bdata::make(integers), v) {
    TypeTable f(ty::BigInteger());
    BOOST_TEST(f.round_trip(v).as_int() == v);
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::IntegerTest::test_literal"))
BOOST_DATA_TEST_CASE(test_literal, bdata::make(integers), v) {
    TypeTable f(ty::BigInteger());
    BOOST_TEST(f.literal_round_trip(v).as_int() == v);
}
BOOST_AUTO_TEST_CASE(test_huge_int_auto_accommodation, CF_SA("test_types.py::IntegerTest::test_huge_int_auto_accommodation")) {
    cf::Session s;
    for (std::int64_t v : {std::int64_t(2147483648LL), std::int64_t(-2147483649LL), std::int64_t(9223372036854775807LL)})
        BOOST_TEST(s.conn.scalar(select(literal(v).label("v"))).as_int() == v);
}
BOOST_AUTO_TEST_CASE(test_integer_column) {
    TypeTable f(ty::Integer());
    BOOST_TEST(f.round_trip(-2147483647).as_int() == -2147483647);
}
BOOST_AUTO_TEST_CASE(test_smallint_column) {
    TypeTable f(ty::SmallInteger());
    BOOST_TEST(f.round_trip(32767).as_int() == 32767);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(NumericTest)
BOOST_TEST_DECORATOR(CF_SA("test_types.py::NumericTest::test_numeric_as_decimal"))
BOOST_DATA_TEST_CASE(test_numeric_as_decimal, bdata::make(decimals), v) {
    TypeTable f(ty::Numeric(12, 4));
    auto got = f.round_trip(sa::Decimal(v));
    BOOST_TEST(close(got.as_decimal().to_double(), sa::Decimal(v).to_double()), v << " came back as " << got.repr());
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::NumericTest::test_render_literal_numeric"))
BOOST_DATA_TEST_CASE(test_render_literal_numeric, bdata::make(decimals), v) {
    TypeTable f(ty::Numeric(12, 4));
    BOOST_TEST(close(f.literal_round_trip(sa::Decimal(v)).as_decimal().to_double(), sa::Decimal(v).to_double()));
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::NumericTest::test_float_as_float"))
BOOST_DATA_TEST_CASE(test_float_as_float, bdata::make(doubles), v) {
    TypeTable f(ty::Double());
    BOOST_TEST(close(f.round_trip(v).as_double(), v));
}
BOOST_TEST_DECORATOR(CF_SA("test_types.py::NumericTest::test_render_literal_float"))
BOOST_DATA_TEST_CASE(test_render_literal_float, bdata::make(doubles), v) {
    TypeTable f(ty::Double());
    BOOST_TEST(close(f.literal_round_trip(v).as_double(), v));
}
BOOST_AUTO_TEST_CASE(test_numeric_null_as_decimal, CF_SA("test_types.py::NumericTest::test_numeric_null_as_decimal")) {
    TypeTable f(ty::Numeric(12, 4));
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_numeric_null_as_float, CF_SA("test_types.py::NumericTest::test_numeric_null_as_float")) {
    TypeTable f(ty::Double());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_float_coerce_round_trip, CF_SA("test_types.py::NumericTest::test_float_coerce_round_trip")) {
    cf::Session s;
    BOOST_TEST(s.conn.scalar(select(literal(15.7563).label("v"))).as_double() == 15.7563);
}
BOOST_AUTO_TEST_CASE(test_decimal_coerce_round_trip, CF_REQUIRES("implicit_decimal_binds") CF_SA("test_types.py::NumericTest::test_decimal_coerce_round_trip")) {
    cf::Session s;
    BOOST_TEST(s.conn.scalar(select(literal(sa::Decimal("15.7563")).label("v"))).as_decimal() == sa::Decimal("15.7563"));
}
BOOST_AUTO_TEST_CASE(test_decimal_coerce_round_trip_w_cast, CF_SA("test_types.py::NumericTest::test_decimal_coerce_round_trip_w_cast")) {
    cf::Session s;
    auto v = s.conn.scalar(select(cast(literal(sa::Decimal("15.7563")), ty::Numeric(10, 4)).label("v")));
    BOOST_TEST(close(v.as_decimal().to_double(), 15.7563));
}
BOOST_AUTO_TEST_CASE(test_precision_decimal, CF_REQUIRES("precision_numerics_general") CF_SA("test_types.py::NumericTest::test_precision_decimal")) {
    TypeTable f(ty::Numeric(10, 5));
    BOOST_TEST(f.round_trip(sa::Decimal("54.23456")).as_decimal() == sa::Decimal("54.23456"));
}
BOOST_AUTO_TEST_CASE(test_enotation_decimal, CF_REQUIRES("precision_numerics_enotation_large") CF_SA("test_types.py::NumericTest::test_enotation_decimal")) {
    TypeTable f(ty::Numeric(25, 10));
    BOOST_TEST(f.round_trip(sa::Decimal("1E-2")).as_decimal().to_double() == 0.01);
}
BOOST_AUTO_TEST_CASE(test_many_significant_digits, CF_REQUIRES("precision_numerics_many_significant_digits") CF_SA("test_types.py::NumericTest::test_many_significant_digits")) {
    TypeTable f(ty::Numeric(38, 12));
    BOOST_TEST(f.round_trip(sa::Decimal("31943874831932418390.012345678901")).as_decimal() ==
               sa::Decimal("31943874831932418390.012345678901"));
}
BOOST_AUTO_TEST_CASE(test_numeric_no_decimal, CF_REQUIRES("precision_numerics_retains_significant_digits") CF_SA("test_types.py::NumericTest::test_numeric_no_decimal")) {
    TypeTable f(ty::Numeric(10, 3));
    BOOST_TEST(f.round_trip(sa::Decimal("10.000")).as_decimal() == sa::Decimal("10.000"));
}
BOOST_AUTO_TEST_CASE(test_infinity_floats, CF_REQUIRES("infinity_floats") CF_SA("test_types.py::NumericTest::test_infinity_floats")) {
    TypeTable f(ty::Double());
    BOOST_TEST(std::isinf(f.round_trip(INFINITY).as_double()));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(TrueDivTest)
BOOST_AUTO_TEST_CASE(test_truediv_integer, CF_SA("test_types.py::TrueDivTest::test_truediv_integer")) {
    TypeTable f(ty::Integer());
    f.round_trip(15);
    auto v = f.s.conn.scalar(select((f.t.c("x") / Expr(10)).label("q")));
    BOOST_TEST(close(v.as_double(), 1.5));
}
BOOST_AUTO_TEST_CASE(test_truediv_integer_bound, CF_SA("test_types.py::TrueDivTest::test_truediv_integer_bound")) {
    cf::Session s;
    BOOST_TEST(close(s.conn.scalar(select((literal(15) / literal(10)).label("q"))).as_double(), 1.5));
}
BOOST_AUTO_TEST_CASE(test_truediv_numeric, CF_SA("test_types.py::TrueDivTest::test_truediv_numeric")) {
    TypeTable f(ty::Numeric(10, 2));
    f.round_trip(sa::Decimal("15.00"));
    auto q = select((f.t.c("x") / Expr(sa::Decimal("10")).node()).label("q"));  // SQLAlchemy: 1.5 on every backend
    auto v = f.s.conn.scalar(q);
    BOOST_TEST(close(v.as_double(), 1.5), v.repr() << " from " << to_string(q));
}
BOOST_AUTO_TEST_CASE(test_truediv_float, CF_SA("test_types.py::TrueDivTest::test_truediv_float")) {
    TypeTable f(ty::Double());
    f.round_trip(15.0);
    BOOST_TEST(close(f.s.conn.scalar(select((f.t.c("x") / Expr(10.0)).label("q"))).as_double(), 1.5));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(BooleanTest)
BOOST_AUTO_TEST_CASE(test_render_literal_bool, CF_SA("test_types.py::BooleanTest::test_render_literal_bool")) {
    TypeTable f(ty::Boolean());
    BOOST_TEST(f.literal_round_trip(true).as_bool() == true);
}
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::BooleanTest::test_round_trip")) {
    TypeTable f(ty::Boolean());
    f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"x", true}}, {{"id", 2}, {"x", false}}});
    auto rows = f.s.conn.execute(select(f.t.c("x")).order_by(f.t.c("id"))).all();
    BOOST_TEST(rows.at(0)[0].as_bool() == true);
    BOOST_TEST(rows.at(1)[0].as_bool() == false);
}
BOOST_AUTO_TEST_CASE(test_null, CF_REQUIRES("nullable_booleans") CF_SA("test_types.py::BooleanTest::test_null")) {
    TypeTable f(ty::Boolean());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_whereclause, CF_SA("test_types.py::BooleanTest::test_whereclause")) {
    TypeTable f(ty::Boolean());
    f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"x", true}}, {{"id", 2}, {"x", false}}});
    BOOST_TEST(cf::column_ints(f.s.conn.execute(select(f.t.c("id")).where(f.t.c("x") == true))) == (std::vector<std::int64_t>{1}),
               boost::test_tools::per_element());
    BOOST_TEST(cf::column_ints(f.s.conn.execute(select(f.t.c("id")).where(not_(f.t.c("x") == true)))) == (std::vector<std::int64_t>{2}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(BinaryTest)
const sa::Bytes blobs[] = {sa::Bytes{}, sa::Bytes{0x00}, sa::Bytes{0xff, 0xfe, 0x00, 0x01}, sa::Bytes{'a', 'b', 'c'},
                           sa::Bytes(3000, 0x5a)};
BOOST_TEST_DECORATOR(CF_SA("test_types.py::BinaryTest::test_binary_roundtrip"))
BOOST_DATA_TEST_CASE(test_binary_roundtrip, bdata::xrange(5), i) {
    TypeTable f(ty::LargeBinary());
    BOOST_TEST(f.round_trip(blobs[i]).as_bytes() == blobs[i]);
}
BOOST_AUTO_TEST_CASE(test_binary_null) {
    TypeTable f(ty::LargeBinary());
    BOOST_TEST(f.round_trip(sa::null).is_null());
}
BOOST_AUTO_TEST_CASE(test_binary_comparison, CF_REQUIRES("binary_comparisons")) {
    TypeTable f(ty::LargeBinary());
    f.round_trip(sa::Bytes{1, 2, 3});
    BOOST_TEST(f.s.conn.scalar(select(count()).select_from(f.t).where(f.t.c("x") == sa::Value(sa::Bytes{1, 2, 3}))).as_int() == 1);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(IntervalTest, CF_REQUIRES("datetime_interval"))
BOOST_AUTO_TEST_CASE(test_select_direct_literal_interval, CF_SA("test_types.py::IntervalTest::test_select_direct_literal_interval")) {
    cf::Session s;
    auto v = s.exec("SELECT INTERVAL '3 days 2 hours'").scalar().as_interval();
    BOOST_TEST(v.days == 3);
    BOOST_TEST(v.microseconds == 2LL * 3600 * 1000000);
}
BOOST_AUTO_TEST_CASE(test_arithmetic_operation_table_date_and_literal_interval, CF_SA("test_types.py::IntervalTest::test_arithmetic_operation_table_date_and_literal_interval")) {
    TypeTable f(ty::Date());
    f.round_trip(sa::Date{2020, 1, 30});
    auto v = f.s.exec("SELECT CAST(x + INTERVAL '3 days' AS DATE) FROM cf_types").scalar();
    BOOST_TEST(v.as_date() == (sa::Date{2020, 2, 2}));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(UuidTest, CF_REQUIRES("uuid_data_type"))
BOOST_AUTO_TEST_CASE(test_uuid_round_trip, CF_SA("test_types.py::UuidTest::test_uuid_round_trip")) {
    TypeTable f(ty::Uuid());
    f.s.exec("INSERT INTO cf_types (id, x) VALUES (1, '6f1b8f8e-3c1a-4c5e-9d6b-1a2b3c4d5e6f')");
    auto v = f.s.exec("SELECT CAST(x AS VARCHAR) FROM cf_types WHERE x = '6f1b8f8e-3c1a-4c5e-9d6b-1a2b3c4d5e6f'").scalar();
    BOOST_TEST(v.as_string() == "6f1b8f8e-3c1a-4c5e-9d6b-1a2b3c4d5e6f");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(JSONTest, CF_REQUIRES("json_type"))
BOOST_AUTO_TEST_CASE(test_round_trip_data1, CF_SA("test_types.py::JSONTest::test_round_trip_data1")) {
    TypeTable f(ty::JSON());
    f.s.exec("INSERT INTO cf_types (id, x) VALUES (1, :j)", {{"j", R"({"key1": "value1", "key2": [1, 2, 3]})"}});
    auto v = f.s.exec("SELECT x ->> 'key1' FROM cf_types").scalar();
    BOOST_TEST(v.as_string() == "value1");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
