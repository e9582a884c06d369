// Expressions that carry SQL types: literal(value, type), literal_column(sql, type),
// type_coerce(), floordiv(), JSON element access (index, path, as_*()), TypeEngine subclasses
// wrapping their SQL (column_expression / bind_expression), and the type options Numeric /
// Float asdecimal, Uuid(native_uuid = false), UUID(), JSON(none_as_null). Rendered against the
// generic dialect and run on real SQLite.
#define BOOST_TEST_MODULE test_sql_type_expressions
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <string>

namespace sa = athanor;
namespace types = athanor::types;
using namespace athanor::sql;
using athanor::Value;

namespace {

sa::Engine sqlite_engine() {
    sa::EngineOptions options;
    options.registry = &athanor::test::registry();
    return sa::create_engine("sqlite://", std::move(options));
}

std::string generic_ddl(const TypePtr& t) { return type_compiler_for(DefaultDialect::instance())->process(*t); }

/// A VARCHAR(50) holding integers, read and bound through casts (a TypeDecorator).
class StringAsInt final : public TypeEngine {
public:
    StringAsInt() : TypeEngine(*types::String(50)) {}
    ColumnPtr column_expression(const ColumnPtr& column) const override { return cast(Expr(column), types::Integer()).node(); }
    ColumnPtr bind_expression(const ColumnPtr& bind) const override {
        return cast(type_coerce(Expr(bind), types::Integer()), types::String(50)).node();
    }
};

struct Db {
    sa::Engine engine = sqlite_engine();
    sa::Connection conn = engine.connect();
};

}  // namespace

BOOST_AUTO_TEST_CASE(floordiv_renders_plain_division_of_integers_and_floor_otherwise) {
    // SQLAlchemy: `a // b` is `a / b` where `/` truncates and b is an integer, else FLOOR(a / b).
    BOOST_TEST(to_string(floordiv(literal_column("a", types::Integer()), literal_column("b", types::Integer()))) == "a / b");
    BOOST_TEST(to_string(floordiv(literal_column("a", types::Numeric()), literal_column("b", types::Numeric()))) ==
               "FLOOR(a / b)");
    Db db;
    BOOST_TEST(db.conn.scalar(select(floordiv(literal(-15), literal(5)))).as_int() == -3);
    BOOST_TEST(db.conn.scalar(select(floordiv(literal(15), literal(10)))).as_int() == 1);
    auto v = db.conn.scalar(select(floordiv(literal_column("5.52", types::Numeric()), literal_column("2.4", types::Numeric()))));
    BOOST_TEST((v.kind() == Value::Kind::decimal));
    BOOST_TEST(v.as_double() == 2.0);
}

BOOST_AUTO_TEST_CASE(typed_literals_bind_and_read_through_their_type) {
    Db db;
    // A Date literal of Date type comes back as a Date (SQLite keeps ISO text).
    auto d = db.conn.scalar(select(literal(sa::Date{2024, 5, 1}, types::Date())));
    BOOST_TEST((d.kind() == Value::Kind::date));
    // A Boolean literal is bound as 1 and read as true.
    BOOST_TEST((db.conn.scalar(select(literal(true, types::Boolean()))) == Value(true)));
    // type_coerce gives SQL text a type without a CAST.
    BOOST_TEST(to_string(type_coerce(literal_column("x"), types::Integer()) + 1) == "x + :param_1");
    BOOST_TEST((db.conn.scalar(select(type_coerce(literal_column("1"), types::Boolean()))) == Value(true)));
    BOOST_CHECK_THROW(literal(1, nullptr), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(integer_true_division_of_typed_columns) {
    Db db;
    auto v = db.conn.scalar(select(literal_column("-15", types::Integer()) / literal_column("10", types::Integer())));
    BOOST_TEST(v.as_double() == -1.5);
}

BOOST_AUTO_TEST_CASE(json_elements_on_sqlite) {
    Db db;
    Table t("docs", {Column("id", types::Integer(), primary_key()), Column("doc", types::JSON())});
    db.conn.execute(sa::text("CREATE TABLE docs (id INTEGER PRIMARY KEY, doc JSON)"));
    db.conn.execute(t.insert().values({{"id", 1}, {"doc", R"({"a": {"b": [10, 20]}, "s": "x", "f": true, "n": 2.5})"}}));
    const Expr doc = t.c("doc");
    BOOST_TEST(db.conn.scalar(select(doc["s"].as_string())).as_string() == "x");
    BOOST_TEST((db.conn.scalar(select(doc["f"].as_boolean())) == Value(true)));
    BOOST_TEST(db.conn.scalar(select(doc["n"].as_float())).as_double() == 2.5);
    auto n = db.conn.scalar(select(doc["n"].as_numeric(4, 2)));
    BOOST_TEST(n.as_decimal().str() == "2.50");
    BOOST_TEST(db.conn.scalar(select(doc.json_path({"a", "b", 1}).as_integer())).as_int() == 20);
    BOOST_TEST(db.conn.scalar(select(doc["a"])).as_string() == R"({"b":[10,20]})");
    BOOST_TEST(db.conn.scalar(select(doc["s"])).as_string() == R"("x")");
    // Compared as the type read: the bound value is processed as a Boolean (1 on SQLite).
    BOOST_TEST(db.conn.scalar(select(t.c("id")).where(doc["f"].as_boolean() == true)).as_int() == 1);
    BOOST_TEST(db.conn.execute(select(t.c("id")).where(doc.json_path({"a", "b", 0}).as_integer() == 11)).all().empty());
    // Only a JSON element has as_*().
    BOOST_CHECK_THROW(t.c("id").as_string(), sa::ArgumentError);
    BOOST_CHECK_THROW(doc[1.5], sa::ArgumentError);
    // The generic dialect has no JSON operators.
    BOOST_CHECK_THROW(to_string(doc["s"]), sa::CompileError);
}

BOOST_AUTO_TEST_CASE(column_and_bind_expressions_wrap_the_sql) {
    Db db;
    Table t("t", {Column("x", std::make_shared<const StringAsInt>())});
    db.conn.execute(sa::text("CREATE TABLE t (x VARCHAR(50))"));
    BOOST_TEST(to_string(select(t).where(t.c("x") == 2)) ==
               "SELECT CAST(t.x AS INTEGER) AS x FROM t WHERE t.x = CAST(:x_1 AS VARCHAR(50))");
    db.conn.execute(t.insert(), std::vector<athanor::Params>{{{"x", 1}}, {{"x", 2}}});
    BOOST_TEST(db.conn.execute(sa::text("SELECT typeof(x) FROM t")).scalars().at(0).as_string() == "text");
    auto rows = db.conn.execute(select(t).where(t.c("x") == 2)).scalars();
    BOOST_TEST_REQUIRE(rows.size() == 1u);
    BOOST_TEST((rows[0] == Value(2)));
    // A subquery's list is not wrapped (only the top-level SELECT shows column_expression).
    BOOST_TEST(to_string(select(select(t.c("x")).subquery().c("x"))).find("CAST(anon_1.x") == std::string::npos);
    // The subclass is in the cache key: the plain String(50) table compiles differently.
    Table plain("t", {Column("x", types::String(50))});
    BOOST_TEST(select(plain).cache_key() != select(t).cache_key());
    BOOST_TEST((db.conn.execute(select(plain)).scalars().at(0) == Value("1")));
}

BOOST_AUTO_TEST_CASE(type_options) {
    Db db;
    db.conn.execute(sa::text("CREATE TABLE n (a NUMERIC(8, 4), f FLOAT)"));
    Table n("n", {Column("a", types::Numeric(8, 4, false)), Column("f", types::Float(std::nullopt, true, 3))});
    db.conn.execute(n.insert().values({{"a", sa::Decimal("15.7563")}, {"f", 2.5}}));
    auto row = db.conn.execute(select(n.c("a"), n.c("f"))).first();
    BOOST_TEST_REQUIRE(row.has_value());
    BOOST_TEST(((*row)[0] == Value(15.7563)));
    BOOST_TEST((*row)[1].as_decimal().str() == "2.500");
    BOOST_TEST(!types::Float()->as_decimal());
    BOOST_TEST(types::Numeric()->as_decimal());
    BOOST_TEST(generic_ddl(types::Uuid(false)) == "CHAR(32)");
    BOOST_TEST(generic_ddl(types::UUID()) == "UUID");
    BOOST_TEST(types::Uuid(false)->cache_token() != types::Uuid()->cache_token());
    // JSON: NULL is the JSON null unless none_as_null.
    db.conn.execute(sa::text("CREATE TABLE j (a JSON, b JSON)"));
    Table j("j", {Column("a", types::JSON()), Column("b", types::JSON(true))});
    db.conn.execute(j.insert().values({{"a", sa::null}, {"b", sa::null}}));
    auto raw = db.conn.execute(sa::text("SELECT a, b FROM j")).first();
    BOOST_TEST_REQUIRE(raw.has_value());
    BOOST_TEST((*raw)[0].as_string() == "null");
    BOOST_TEST((*raw)[1].is_null());
    BOOST_TEST(types::Interval(9, 9)->cache_token() != types::Interval()->cache_token());
}
