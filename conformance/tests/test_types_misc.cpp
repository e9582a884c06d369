// types group, SQLAlchemy test_types.py: Boolean, Enum, and a TypeDecorator whose columns
// and bound values are wrapped in casts (CastTypeDecoratorTest).
#include "context.hpp"
#include "types_support.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <set>

using namespace athanor::sql;
namespace sa = athanor;
namespace bdata = boost::unit_test::data;
using cf::types::literal_round_trip;
using cf::types::one_of;

namespace {

// boolean_table(id, value Boolean, unconstrained_value Boolean).
struct BooleanTable {
    cf::Session s;
    Table& t;
    BooleanTable()
        : t(s.metadata.table("cf_boolean_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                             Column("value", ty::Boolean()), Column("unconstrained_value", ty::Boolean()))) {
        s.create_all();
    }
};

const char* const enum_values[] = {"a", "b", "a%", "b%percent", "réveillé"};

struct EnumTable {
    cf::Session s;
    Table& t;
    EnumTable()
        : t(s.metadata.table("cf_enum_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                             Column("enum_data", ty::Enum({"a", "b", "a%", "b%percent", "réveillé"}, "myenum")))) {
        s.create_all();
    }
    std::vector<sa::Params> four_rows() const {
        return {{{"id", 1}, {"enum_data", "b%percent"}},
                {{"id", 2}, {"enum_data", "réveillé"}},
                {{"id", 3}, {"enum_data", "b"}},
                {{"id", 4}, {"enum_data", "a%"}}};
    }
};

/// SQLAlchemy's StringAsInt TypeDecorator: a VARCHAR(50) column holding integers, read as
/// CAST(x AS INTEGER) and bound as CAST(CAST(:x AS ...)) — the value treated as an integer,
/// cast to the column's string type.
class StringAsInt final : public TypeEngine {
public:
    StringAsInt() : TypeEngine(*ty::String(50)) {}
    ColumnPtr column_expression(const ColumnPtr& column) const override { return cast(Expr(column), ty::Integer()).node(); }
    ColumnPtr bind_expression(const ColumnPtr& bind) const override {
        return cast(type_coerce(Expr(bind), ty::Integer()), ty::String(50)).node();
    }
};

std::set<std::int64_t> ints(const std::vector<sa::Value>& values) {
    std::set<std::int64_t> out;
    for (const auto& v : values) {
        BOOST_TEST((v.kind() == sa::Value::Kind::integer), v.repr() << " is not an integer");
        out.insert(v.as_int());
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_SUITE(BooleanTest)
BOOST_AUTO_TEST_CASE(test_render_literal_bool, CF_SA("test_types.py::BooleanTest::test_render_literal_bool")) {
    literal_round_trip(ty::Boolean(), {true, false}, one_of({true, false}));
}
BOOST_AUTO_TEST_CASE(test_round_trip, CF_SA("test_types.py::BooleanTest::test_round_trip")) {
    BooleanTable f;
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"value", true}, {"unconstrained_value", false}});
    auto row = f.s.conn.execute(select(f.t.c("value"), f.t.c("unconstrained_value"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(((*row)[0].kind() == sa::Value::Kind::boolean));
    BOOST_TEST((*row)[0] == sa::Value(true));
    BOOST_TEST((*row)[1] == sa::Value(false));
}
BOOST_AUTO_TEST_CASE(test_null, CF_REQUIRES("nullable_booleans") CF_SA("test_types.py::BooleanTest::test_null")) {
    BooleanTable f;
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"value", sa::null}, {"unconstrained_value", sa::null}});
    auto row = f.s.conn.execute(select(f.t.c("value"), f.t.c("unconstrained_value"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST((*row)[0].is_null());
    BOOST_TEST((*row)[1].is_null());
}
BOOST_AUTO_TEST_CASE(test_whereclause, CF_SA("test_types.py::BooleanTest::test_whereclause")) {
    // "WHERE <column>" and "WHERE NOT <column>" render an expression the database accepts.
    BooleanTable f;
    f.s.conn.execute(f.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"value", true}, {"unconstrained_value", true}},
                                                           {{"id", 2}, {"value", false}, {"unconstrained_value", false}}});
    f.s.conn.commit();
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("id")).where(f.t.c("value"))).as_int() == 1);
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("id")).where(f.t.c("unconstrained_value"))).as_int() == 1);
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("id")).where(~f.t.c("value"))).as_int() == 2);
    BOOST_TEST(f.s.conn.scalar(select(f.t.c("id")).where(~f.t.c("unconstrained_value"))).as_int() == 2);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(EnumTest)
BOOST_TEST_DECORATOR(CF_SA("test_types.py::EnumTest::test_round_trip"))
BOOST_DATA_TEST_CASE(test_round_trip, bdata::make(enum_values), data) {
    EnumTable f;
    f.s.conn.execute(f.t.insert(), sa::Params{{"id", 1}, {"enum_data", data}});
    auto v = f.s.conn.scalar(select(f.t.c("enum_data")).where(f.t.c("id") == 1));
    BOOST_TEST(v.as_string() == data);
}
BOOST_AUTO_TEST_CASE(test_round_trip_executemany, CF_SA("test_types.py::EnumTest::test_round_trip_executemany")) {
    EnumTable f;
    f.s.conn.execute(f.t.insert(), f.four_rows());
    BOOST_TEST(cf::column_strings(f.s.conn.execute(select(f.t.c("enum_data")).order_by(f.t.c("id")))) ==
                   (std::vector<std::string>{"b%percent", "réveillé", "b", "a%"}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_CASE(test_round_trip_executemany_returning, CF_REQUIRES("insert_executemany_returning") CF_SA("test_types.py::EnumTest::test_round_trip_executemany_returning")) {
    EnumTable f;
    auto result = f.s.conn.execute(f.t.insert().returning(f.t.c("enum_data")), f.four_rows());
    BOOST_TEST(cf::column_strings(std::move(result)) == (std::vector<std::string>{"b%percent", "réveillé", "b", "a%"}),
               boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CastTypeDecoratorTest)
BOOST_AUTO_TEST_CASE(test_special_type, CF_SA("test_types.py::CastTypeDecoratorTest::test_special_type")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_t", Column("x", std::make_shared<const StringAsInt>()));
    s.create_all();
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"x", 1}}, {{"x", 2}}, {{"x", 3}}});
    BOOST_TEST(ints(s.conn.execute(select(t)).scalars()) == (std::set<std::int64_t>{1, 2, 3}), boost::test_tools::per_element());
    BOOST_TEST(ints(s.conn.execute(select(t).where(t.c("x") == 2)).scalars()) == (std::set<std::int64_t>{2}),
               boost::test_tools::per_element());
    // What the database stores is text: the bind_expression cast the integers to VARCHAR.
    BOOST_TEST(s.conn.scalar(select(count()).select_from(t).where(cast(t.c("x"), ty::String(50)) == "2")).as_int() == 1);
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
