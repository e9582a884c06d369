// types group, SQLAlchemy test_types.py: Uuid (native where the database has a UUID type, and
// Uuid(native_uuid=false) stored as CHAR(32) everywhere), the UUID SQL type (NativeUUIDTest),
// and Interval values: literals, SELECT of a bound interval, interval and date-time arithmetic.
//
// Athanor has no UUID value kind: a UUID is its canonical text whatever the column type, so
// SQLAlchemy's as_uuid=False columns are the same Uuid types here.
#include "context.hpp"
#include "types_support.hpp"

#include <cctype>
#include <random>

using namespace athanor::sql;
namespace sa = athanor;
using cf::types::literal_round_trip;
using cf::types::one_of;

namespace {

std::string uuid4() {
    static std::mt19937_64 random{std::random_device{}()};
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 32; ++i) {
        unsigned digit = static_cast<unsigned>(random() & 15u);
        if (i == 12) digit = 4;                  // version 4
        if (i == 16) digit = 8 | (digit & 3u);   // variant 10xx
        out += hex[digit];
        if (i == 7 || i == 11 || i == 15 || i == 19) out += '-';
    }
    return out;
}

sa::Value lower(const sa::Value& v) {
    if (v.kind() != sa::Value::Kind::text) return v;
    std::string s = v.as_string();
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return sa::Value(s);
}

// uuid_table(id, uuid_data T, uuid_text_data T, uuid_data_nonnative, uuid_text_data_nonnative).
struct UuidTable {
    cf::Session s;
    Table& t;
    explicit UuidTable(const TypePtr& type)
        : t(s.metadata.table("cf_uuid_table", Column("id", ty::Integer(), primary_key()), Column("uuid_data", type),
                             Column("uuid_text_data", type), Column("uuid_data_nonnative", ty::Uuid(false)),
                             Column("uuid_text_data_nonnative", ty::Uuid(false)))) {
        s.create_all();
    }
};

void uuid_round_trip(const TypePtr& type, const char* column, const char* nonnative) {
    const std::string data = uuid4();
    UuidTable f(type);
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {column, data}, {nonnative, data}});
    auto row = f.s.conn.execute(select(f.t.c(column), f.t.c(nonnative))
                                    .where(and_(f.t.c(column) == data, f.t.c(nonnative) == data)))
                   .first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(lower((*row)[0]) == sa::Value(data));
    BOOST_TEST(lower((*row)[1]) == sa::Value(data));
}

void uuid_returning(const TypePtr& type) {
    const std::string data = uuid4();
    UuidTable f(type);
    auto result = f.s.conn.execute(
        f.t.insert().returning(f.t.c("uuid_data"), f.t.c("uuid_text_data"), f.t.c("uuid_data_nonnative"),
                               f.t.c("uuid_text_data_nonnative")),
        sa::Params{{"id", 1}, {"uuid_data", data}, {"uuid_text_data", data}, {"uuid_data_nonnative", data},
                   {"uuid_text_data_nonnative", data}});
    auto row = result.first();
    BOOST_TEST_REQUIRE(row.has_value());
    for (std::size_t i = 0; i < 4; ++i) BOOST_TEST((*row)[i] == sa::Value(data), "column " << i << ": " << (*row)[i].repr());
}

void literal_uuid(const TypePtr& type) {
    const std::string data = uuid4();
    literal_round_trip(type, {data}, one_of({data}), true, lower);
}

// ---- Interval -------------------------------------------------------------------------
const sa::DateTime now{{2024, 3, 1}, {12, 30, 45, 0, std::nullopt}};

/// A TypeDecorator over Interval with nothing changed (SQLAlchemy's Decorated).
class DecoratedInterval final : public TypeEngine {
public:
    explicit DecoratedInterval(const TypePtr& impl) : TypeEngine(TypeKind::interval, impl->options()) {}
};

struct IntervalCase {
    TypePtr type;
    sa::Interval data;
    sa::DateTime minus, plus;  // now - data, now + data
};
IntervalCase plain() { return {ty::Interval(), {0, 1, 4000000}, {{2024, 2, 29}, {12, 30, 41, 0, std::nullopt}}, {{2024, 3, 2}, {12, 30, 49, 0, std::nullopt}}}; }
IntervalCase precision() {
    return {ty::Interval(9, 9), {0, 103, 4000000}, {{2023, 11, 19}, {12, 30, 41, 0, std::nullopt}},
            {{2024, 6, 12}, {12, 30, 49, 0, std::nullopt}}};
}


void interval_literal(const IntervalCase& c) { literal_round_trip(c.type, {c.data}, one_of({c.data})); }

void select_direct(const IntervalCase& c) {
    cf::Session s;
    auto v = s.conn.scalar(select(literal(c.data, c.type)));
    BOOST_TEST(v == sa::Value(c.data), v.repr());
}

void arithmetic_literal(const IntervalCase& c) {
    cf::Session s;
    auto minus = s.conn.scalar(select(literal(now, ty::DateTime()) - literal(c.data, c.type)));
    BOOST_TEST(minus.as_datetime() == c.minus, minus.repr());
    auto plus = s.conn.scalar(select(literal(now, ty::DateTime()) + literal(c.data, c.type)));
    BOOST_TEST(plus.as_datetime() == c.plus, plus.repr());
}

struct IntervalTable {
    cf::Session s;
    Table& t;
    explicit IntervalTable(const TypePtr& type)
        : t(s.metadata.table("cf_interval_table", Column("id", ty::Integer(), primary_key()),
                             Column("interval_data", type), Column("date_data", ty::DateTime()),
                             Column("decorated_interval_data", std::make_shared<const DecoratedInterval>(type)))) {
        s.create_all();
    }
};

void table_interval_and_literal(const IntervalCase& c) {
    IntervalTable f(c.type);
    const sa::Interval data{0, 2, 5000000};
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"interval_data", data}});
    auto minus = f.s.conn.scalar(select(f.t.c("interval_data") - literal(c.data, c.type)));
    BOOST_TEST(minus == sa::Value(sa::Interval{0, data.days - c.data.days, data.microseconds - c.data.microseconds}), minus.repr());
    auto plus = f.s.conn.scalar(select(f.t.c("interval_data") + literal(c.data, c.type)));
    BOOST_TEST(plus == sa::Value(sa::Interval{0, data.days + c.data.days, data.microseconds + c.data.microseconds}), plus.repr());
}

void table_date_and_literal(const IntervalCase& c) {
    IntervalTable f(c.type);
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"date_data", now}});
    auto minus = f.s.conn.scalar(select(f.t.c("date_data") - literal(c.data, c.type)));
    BOOST_TEST(minus.as_datetime() == c.minus, minus.repr());
    auto plus = f.s.conn.scalar(select(f.t.c("date_data") + literal(c.data, c.type)));
    BOOST_TEST(plus.as_datetime() == c.plus, plus.repr());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_SUITE(UuidTest)
BOOST_AUTO_TEST_CASE(test_uuid_round_trip, CF_SA("test_types.py::UuidTest::test_uuid_round_trip")) {
    uuid_round_trip(ty::Uuid(), "uuid_data", "uuid_data_nonnative");
}
BOOST_AUTO_TEST_CASE(test_uuid_text_round_trip, CF_SA("test_types.py::UuidTest::test_uuid_text_round_trip")) {
    uuid_round_trip(ty::Uuid(), "uuid_text_data", "uuid_text_data_nonnative");
}
BOOST_AUTO_TEST_CASE(test_literal_uuid, CF_SA("test_types.py::UuidTest::test_literal_uuid")) { literal_uuid(ty::Uuid()); }
BOOST_AUTO_TEST_CASE(test_literal_text, CF_SA("test_types.py::UuidTest::test_literal_text")) { literal_uuid(ty::Uuid()); }
BOOST_AUTO_TEST_CASE(test_literal_nonnative_uuid, CF_SA("test_types.py::UuidTest::test_literal_nonnative_uuid")) {
    literal_uuid(ty::Uuid(false));
}
BOOST_AUTO_TEST_CASE(test_literal_nonnative_text, CF_SA("test_types.py::UuidTest::test_literal_nonnative_text")) {
    literal_uuid(ty::Uuid(false));
}
BOOST_AUTO_TEST_CASE(test_uuid_returning, CF_REQUIRES("insert_returning") CF_SA("test_types.py::UuidTest::test_uuid_returning")) {
    uuid_returning(ty::Uuid());
}
BOOST_AUTO_TEST_CASE(test_nonnative_is_char32) {
    BOOST_TEST(cf::type(ty::Uuid(false)) == "CHAR(32)");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(NativeUUIDTest, CF_REQUIRES("uuid_data_type"))
BOOST_AUTO_TEST_CASE(test_uuid_round_trip, CF_SA("test_types.py::NativeUUIDTest::test_uuid_round_trip")) {
    uuid_round_trip(ty::UUID(), "uuid_data", "uuid_data_nonnative");
}
BOOST_AUTO_TEST_CASE(test_uuid_text_round_trip, CF_SA("test_types.py::NativeUUIDTest::test_uuid_text_round_trip")) {
    uuid_round_trip(ty::UUID(), "uuid_text_data", "uuid_text_data_nonnative");
}
BOOST_AUTO_TEST_CASE(test_literal_uuid, CF_SA("test_types.py::NativeUUIDTest::test_literal_uuid")) { literal_uuid(ty::UUID()); }
BOOST_AUTO_TEST_CASE(test_literal_text, CF_SA("test_types.py::NativeUUIDTest::test_literal_text")) { literal_uuid(ty::UUID()); }
BOOST_AUTO_TEST_CASE(test_literal_nonnative_uuid, CF_SA("test_types.py::NativeUUIDTest::test_literal_nonnative_uuid")) {
    literal_uuid(ty::Uuid(false));
}
BOOST_AUTO_TEST_CASE(test_literal_nonnative_text, CF_SA("test_types.py::NativeUUIDTest::test_literal_nonnative_text")) {
    literal_uuid(ty::Uuid(false));
}
BOOST_AUTO_TEST_CASE(test_uuid_returning, CF_REQUIRES("insert_returning") CF_SA("test_types.py::NativeUUIDTest::test_uuid_returning")) {
    uuid_returning(ty::UUID());
}
BOOST_AUTO_TEST_CASE(test_native_type_name) { BOOST_TEST(cf::type(ty::UUID()) == "UUID"); }
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(IntervalTest, CF_REQUIRES("datetime_interval"))
BOOST_AUTO_TEST_CASE(test_literal, CF_SA("test_types.py::IntervalTest::test_literal")) { interval_literal(plain()); }
BOOST_AUTO_TEST_CASE(test_select_direct_literal_interval, CF_SA("test_types.py::IntervalTest::test_select_direct_literal_interval")) {
    select_direct(plain());
}
BOOST_AUTO_TEST_CASE(test_arithmetic_operation_literal_interval, CF_SA("test_types.py::IntervalTest::test_arithmetic_operation_literal_interval")) {
    arithmetic_literal(plain());
}
BOOST_AUTO_TEST_CASE(test_arithmetic_operation_table_interval_and_literal_interval, CF_SA("test_types.py::IntervalTest::test_arithmetic_operation_table_interval_and_literal_interval")) {
    table_interval_and_literal(plain());
}
BOOST_AUTO_TEST_CASE(test_arithmetic_operation_table_date_and_literal_interval, CF_SA("test_types.py::IntervalTest::test_arithmetic_operation_table_date_and_literal_interval")) {
    table_date_and_literal(plain());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(PrecisionIntervalTest, CF_REQUIRES("datetime_interval"))
BOOST_AUTO_TEST_CASE(test_literal, CF_SA("test_types.py::PrecisionIntervalTest::test_literal")) { interval_literal(precision()); }
BOOST_AUTO_TEST_CASE(test_select_direct_literal_interval, CF_SA("test_types.py::PrecisionIntervalTest::test_select_direct_literal_interval")) {
    select_direct(precision());
}
BOOST_AUTO_TEST_CASE(test_arithmetic_operation_literal_interval, CF_SA("test_types.py::PrecisionIntervalTest::test_arithmetic_operation_literal_interval")) {
    arithmetic_literal(precision());
}
BOOST_AUTO_TEST_CASE(test_arithmetic_operation_table_interval_and_literal_interval, CF_SA("test_types.py::PrecisionIntervalTest::test_arithmetic_operation_table_interval_and_literal_interval")) {
    table_interval_and_literal(precision());
}
BOOST_AUTO_TEST_CASE(test_arithmetic_operation_table_date_and_literal_interval, CF_SA("test_types.py::PrecisionIntervalTest::test_arithmetic_operation_table_date_and_literal_interval")) {
    table_date_and_literal(precision());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
