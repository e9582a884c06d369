// Binds with an explicit type (literal(value, type), bindparam(name, type)) and
// literal_execute literals: the type decides the processing and the read-back type, the
// literal is rendered through the type's bind processor, and a literal_execute value is part
// of the cache key. Compiled against the generic dialect and PostgreSQL's, executed on SQLite.
#define BOOST_TEST_MODULE test_sql_typed_binds
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <string>

namespace sa = athanor;
namespace types = athanor::types;
using namespace athanor::sql;
using athanor::Params;
using athanor::Value;

namespace {

sa::Engine engine_for(const std::string& url) {
    sa::EngineOptions options;
    options.registry = &athanor::test::registry();
    return sa::create_engine(url, std::move(options));
}

const sa::Date day{2012, 10, 15};
const sa::DateTime moment{day, sa::Time{12, 57, 18, 0, std::nullopt}};

}  // namespace

BOOST_AUTO_TEST_CASE(literal_execute_renders_the_value_as_a_literal_of_its_type) {
    Table t("t", {Column("x", types::Date())});
    auto stmt = select(t.c("x")).where(t.c("x") == literal(day, types::Date(), true));
    BOOST_TEST(to_string(stmt) == "SELECT t.x FROM t WHERE t.x = '2012-10-15'");
    Params values;
    stmt.bound_values(values);
    BOOST_TEST(values.size() == 0u);
    // The Date type's bind processor cuts a date-time to its date before it is rendered.
    BOOST_TEST(to_string(select(literal(moment, types::Date(), true))) == "SELECT '2012-10-15' AS anon_1");
    BOOST_TEST(to_string(select(literal(sa::null, types::Date(), true))) == "SELECT NULL AS anon_1");
}

BOOST_AUTO_TEST_CASE(a_literal_execute_value_is_part_of_the_cache_key) {
    auto a = select(literal(day, types::Date(), true));
    auto b = select(literal(sa::Date{2012, 10, 16}, types::Date(), true));
    auto c = select(literal(sa::Date{2012, 10, 16}));
    auto d = select(literal(sa::Date{2012, 10, 15}));
    BOOST_TEST(a.cache_key() != b.cache_key());
    BOOST_TEST(c.cache_key() == d.cache_key());  // ordinary binds share one compiled form
}

BOOST_AUTO_TEST_CASE(typed_binds_keep_their_type_through_renaming) {
    Table t("t", {Column("id", types::Integer()), Column("x", types::Date())});
    // An INSERT value and a function argument are renamed binds; the type and literal_execute go along.
    auto ins = t.insert().values({{"id", 1}, {"x", literal(moment, types::Date(), true)}});
    BOOST_TEST(to_string(ins) == "INSERT INTO t (id, x) VALUES (:id, '2012-10-15')");
    BOOST_TEST(to_string(select(func("coalesce", std::vector<Expr>{literal(day, types::Date(), true)}))) ==
               "SELECT coalesce('2012-10-15') AS coalesce_1");
}

BOOST_AUTO_TEST_CASE(postgresql_casts_a_bind_of_an_explicit_type) {
    auto engine = engine_for("postgresql://nobody@127.0.0.1:1/none");  // compiled only, never connected
    Table t("t", {Column("x", types::Date())});
    auto foo = bindparam("foo", types::Date());
    auto compiled = select(t.c("x")).where(case_({{foo != sa::null, foo}}, t.c("x")) == t.c("x")).compile(engine.dialect());
    BOOST_TEST(compiled->sql ==
               "SELECT t.x FROM t WHERE CASE WHEN CAST($1 AS DATE) IS NOT NULL THEN CAST($2 AS DATE) ELSE t.x END = t.x");
    // Untyped binds are not cast.
    BOOST_TEST(select(t.c("x")).where(t.c("x") == day).compile(engine.dialect())->sql == "SELECT t.x FROM t WHERE t.x = $1");
}

BOOST_AUTO_TEST_CASE(date_time_binds_read_back_as_their_type_on_sqlite) {
    auto engine = engine_for("sqlite://");
    auto conn = engine.connect();
    BOOST_TEST((conn.scalar(select(literal(day))).kind() == Value::Kind::date));
    BOOST_TEST((conn.scalar(select(literal(moment))).as_datetime() == moment));
    BOOST_TEST((conn.scalar(select(literal(moment))).kind() == Value::Kind::datetime));
    const sa::Time aware{12, 57, 18, 0, 330};
    BOOST_TEST((conn.scalar(select(literal(aware))).as_time() == aware));
    // An explicit type wins: a date-time read back through Date is a Date.
    BOOST_TEST((conn.scalar(select(literal(moment, types::Date()))).as_date() == day));
    // A typed NULL in CASE: the row whose x equals itself is found.
    Table t("t", {Column("id", types::Integer()), Column("x", types::Date())});
    conn.execute(sa::text("CREATE TABLE t (id INTEGER, x DATE)"));
    conn.execute(t.insert().values({{"id", 1}, {"x", day}}));
    auto foo = bindparam("foo", types::Date());
    auto id = conn.scalar(select(t.c("id")).where(case_({{foo != sa::null, foo}}, t.c("x")) == t.c("x")), {{"foo", sa::null}});
    BOOST_TEST(id.as_int() == 1);
}
