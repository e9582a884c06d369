// The single-statement execute path reuses what it can between executions: a driver cursor
// whose result ran out is kept by the Connection for its next execute(), and the compiled
// cache is keyed by a structural hash. These tests check that reuse never changes results:
// the same statement run again, a different statement on the kept cursor, results that overlap,
// DDL while a cursor is kept, and closing the connection with one kept.
#define BOOST_TEST_MODULE test_execute_reuse
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::sql;
using athanor::Params;

namespace {

struct Db {
    Table items{"items", {Column("id", TypeEngine::named("INTEGER"), primary_key()),
                          Column("name", TypeEngine::named("VARCHAR(50)"))}};
    sa::Engine engine = athanor::test::engine("sqlite://");
    sa::Connection conn = engine.connect();

    Db() {
        conn.execute(sa::text("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50))"));
        conn.execute(items.insert(), std::vector<Params>{{{"name", "a"}}, {{"name", "b"}}, {{"name", "c"}}});
    }
    std::string name_of(std::int64_t id) {
        return conn.execute(select(items).where(items.c("id") == id)).one().get<std::string>("name");
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(same_statement_again_sees_each_new_value) {
    Db db;
    BOOST_TEST(db.name_of(1) == "a");
    BOOST_TEST(db.name_of(2) == "b");
    BOOST_TEST(db.name_of(3) == "c");
    BOOST_CHECK_THROW(db.name_of(4), sa::NoResultFound);
    BOOST_TEST(db.name_of(1) == "a");  // after a failed one()
}

BOOST_AUTO_TEST_CASE(kept_cursor_runs_a_different_statement) {
    Db db;
    BOOST_TEST(db.name_of(2) == "b");
    auto count = db.conn.execute(sa::text("SELECT count(*) FROM items")).scalar_one();
    BOOST_TEST(count.get<std::int64_t>() == 3);
    auto names = db.conn.execute(select(db.items.c("name")).order_by(db.items.c("id").desc())).scalars();
    BOOST_REQUIRE(names.size() == 3u);
    BOOST_TEST(names[0].get<std::string>() == "c");
    BOOST_TEST(db.name_of(3) == "c");
}

BOOST_AUTO_TEST_CASE(overlapping_results_stay_independent) {
    Db db;
    BOOST_TEST(db.name_of(1) == "a");  // leaves a kept cursor
    auto outer = db.conn.execute(select(db.items).order_by(db.items.c("id")));
    auto first = outer.fetchone();
    BOOST_REQUIRE(first.has_value());
    // The outer result still streams: this one must not take its cursor.
    BOOST_TEST(db.name_of(3) == "c");
    auto second = outer.fetchone();
    BOOST_REQUIRE(second.has_value());
    BOOST_TEST(second->get<std::string>("name") == "b");
    auto third = outer.fetchone();
    BOOST_REQUIRE(third.has_value());
    BOOST_TEST(third->get<std::string>("name") == "c");
    BOOST_TEST(!outer.fetchone().has_value());
}

BOOST_AUTO_TEST_CASE(ddl_and_writes_after_a_kept_cursor) {
    Db db;
    BOOST_TEST(db.name_of(1) == "a");
    db.conn.execute(db.items.update().where(db.items.c("id") == 1).values({{"name", "z"}}));
    BOOST_TEST(db.name_of(1) == "z");
    db.conn.commit();
    db.conn.execute(sa::text("DROP TABLE items"));
    BOOST_CHECK_THROW(db.name_of(1), sa::OperationalError);
    db.conn.execute(sa::text("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(50))"));
    db.conn.execute(db.items.insert(), Params{{"id", 1}, {"name", "new"}});
    BOOST_TEST(db.name_of(1) == "new");
}

BOOST_AUTO_TEST_CASE(close_with_a_kept_cursor_then_reconnect) {
    Db db;
    BOOST_TEST(db.name_of(2) == "b");
    db.conn.commit();
    db.conn.close();
    BOOST_CHECK_THROW(db.conn.execute(select(db.items)), sa::ResourceClosedError);
    // The pooled connection (":memory:" lives as long as it does) works for the next user.
    auto again = db.engine.connect();
    auto rows = again.execute(select(db.items)).fetchall();
    BOOST_TEST(rows.size() == 3u);
}

BOOST_AUTO_TEST_CASE(structural_key_separates_shapes_and_names) {
    Table a{"a", {Column("x", TypeEngine::named("INTEGER")), Column("xy", TypeEngine::named("INTEGER"))}};
    Table ab{"ab", {Column("x", TypeEngine::named("INTEGER"))}};
    // Same shape, other values: same key; token boundaries and names matter.
    BOOST_TEST(select(a.c("x")).where(a.c("x") == 1).cache_key() == select(a.c("x")).where(a.c("x") == 2).cache_key());
    BOOST_TEST(select(a.c("xy")).cache_key() != select(a.c("x")).cache_key());
    BOOST_TEST(select(ab.c("x")).cache_key() != select(a.c("x")).cache_key());
    BOOST_TEST(select(a.c("x")).where(a.c("x") == 1).cache_key() != select(a.c("x")).where(a.c("x") > 1).cache_key());
    BOOST_TEST(select(a.c("x")).limit(1).cache_key() != select(a.c("x")).limit(2).cache_key());
    // A statement key never equals a text() key.
    BOOST_TEST(select(a.c("x")).cache_key() != sa::text("SELECT a.x FROM a").cache_key());
}
