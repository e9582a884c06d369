// The expression language executed on PostgreSQL (libpq): implicit RETURNING, sequences, ILIKE,
// OFFSET, ON CONFLICT, row locks (NOWAIT, SKIP LOCKED, shared), DISTINCT ON, LATERAL, window
// frames, row-value IN, UPDATE ... FROM and DELETE ... USING.
//
// Needs the test server, ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start prints one);
// without it the cases are reported as skipped, never passed.
#define BOOST_TEST_MODULE test_pg_expressions
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/types.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::test;
using sa::text;
using sa::Value;

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(expression_language_on_postgresql) {
    using namespace athanor::sql;
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    const std::string seq = private_name("ids");
    conn.execute(text("CREATE TEMP TABLE people (id serial PRIMARY KEY, name varchar(50), age integer)"));
    conn.execute(text("CREATE TEMP SEQUENCE " + seq + " START 100"));
    Table people("people", {Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
                            Column("name", TypeEngine::named("VARCHAR(50)")), Column("age", TypeEngine::named("INTEGER"))});
    // Implicit RETURNING gives the generated key.
    auto inserted = conn.execute(people.insert().values({{"name", "Alice"}, {"age", 30}}));
    BOOST_TEST((inserted.inserted_primary_key() == std::vector<Value>{Value(1)}));
    conn.execute(people.insert().values({{"name", "bob"}, {"age", 17}}));
    conn.execute(people.insert().values({{"id", next_value(seq)}, {"name", "carol"}, {"age", 65}}));
    BOOST_TEST(scalar(conn, "SELECT id FROM people WHERE name = 'carol'").as_int() == 100);
    auto names = conn.execute(select(people.c("name")).where(people.c("name").ilike("A%")).order_by(people.c("id")))
                     .scalars_as<std::string>();
    BOOST_TEST((names == std::vector<std::string>{"Alice"}));
    auto paged = conn.execute(select(people.c("name")).order_by(people.c("id")).offset(1)).scalars_as<std::string>();
    BOOST_TEST((paged == std::vector<std::string>{"bob", "carol"}));
    auto half = conn.execute(select((people.c("age") / 2).label("h")).where(people.c("name") == "bob")).scalar_one();
    BOOST_TEST(half.as_decimal().to_double() == 8.5);
    conn.execute(people.insert()
                     .values({{"id", 2}, {"name", "bobby"}, {"age", 18}})
                     .on_conflict_do_update({"id"}, {{"name", excluded("name")}}));
    BOOST_TEST(scalar(conn, "SELECT name FROM people WHERE id = 2").as_string() == "bobby");
    conn.execute(people.insert().values({{"id", 2}, {"name", "ignored"}}).on_conflict_do_nothing());
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM people").as_int() == 3);
    auto gone = conn.execute(people.delete_().where(people.c("age") > 60).returning(people.c("name"))).scalar_one();
    BOOST_TEST(gone.as_string() == "carol");
}

BOOST_AUTO_TEST_CASE(row_locks_frames_and_row_values_on_postgresql) {
    using namespace athanor::sql;
    auto engine = make_engine(pg_url());
    const std::string name = private_name("lockable");
    DropTables cleanup{make_engine(pg_url()), {name}};
    {
        auto setup = engine.connect();
        setup.execute(text("CREATE TABLE " + name + " (id integer PRIMARY KEY, amount integer)"));
        setup.execute(text("INSERT INTO " + name + " VALUES (1, 10), (2, 20), (3, 30)"));
        setup.commit();
    }
    Table t(name, {Column("id", TypeEngine::named("INTEGER"), primary_key()), Column("amount", TypeEngine::named("INTEGER"))});
    From t2 = t.alias("t2");
    auto holder = engine.connect();
    auto other = engine.connect();
    // holder locks row 1 until it ends its transaction.
    BOOST_TEST(holder.execute(select(t.c("amount")).where(t.c("id") == 1).with_for_update()).scalar_one().as_int() == 10);
    // NOWAIT: the other session is refused at once (SQLSTATE 55P03) instead of waiting.
    const auto refused = athanor::test::expect_error<sa::OperationalError>(
        [&] { other.execute(select(t.c("amount")).where(t.c("id") == 1).with_for_update({.nowait = true})); });
    BOOST_TEST(refused.sqlstate() == "55P03");
    other.rollback();
    // SKIP LOCKED: the locked row is passed over.
    auto free_ids = other.execute(select(t.c("id")).order_by(t.c("id")).with_for_update({.skip_locked = true, .of = {t}}))
                        .scalars_as<std::int64_t>();
    BOOST_TEST((free_ids == std::vector<std::int64_t>{2, 3}));
    other.rollback();
    holder.rollback();
    // Shared locks do not exclude each other.
    holder.execute(select(t.c("id")).where(t.c("id") == 2).with_for_update({.read = true}));
    BOOST_TEST(other.execute(select(t.c("id")).where(t.c("id") == 2).with_for_update({.read = true, .nowait = true}))
                   .scalar_one()
                   .as_int() == 2);
    holder.rollback();
    other.rollback();

    // DISTINCT ON: the largest amount per parity of id. (An expression with a bound value
    // would be two different parameters in DISTINCT ON and ORDER BY, which PostgreSQL refuses.)
    auto parity = literal_column("id % 2");
    auto top = holder.execute(select(parity.label("parity"), t.c("amount"))
                                  .select_from(t)
                                  .distinct_on({parity})
                                  .order_by(parity, t.c("amount").desc()))
                   .all();
    BOOST_TEST_REQUIRE(top.size() == 2u);
    BOOST_TEST(top[0].get<std::int64_t>("amount") == 20);
    BOOST_TEST(top[1].get<std::int64_t>("amount") == 30);
    // LATERAL: for each row, the next larger amount.
    auto next_larger = select(t2.c("amount")).where(t2.c("amount") > t.c("amount")).order_by(t2.c("amount")).limit(1).lateral("nxt");
    auto pairs = holder.execute(select(t.c("id"), next_larger.c("amount").label("next"))
                                    .select_from(t.outerjoin(next_larger, true_()))
                                    .order_by(t.c("id")))
                     .all();
    BOOST_TEST_REQUIRE(pairs.size() == 3u);
    BOOST_TEST(pairs[0].get<std::int64_t>("next") == 20);
    BOOST_TEST(pairs[1].get<std::int64_t>("next") == 30);
    BOOST_TEST(pairs[2]["next"].is_null());
    // A frame and a row-value IN, executed.
    auto running = holder.execute(select(sum(t.c("amount")).over({.order_by = {t.c("id")}, .rows = Frame{-1, 0}}))
                                      .order_by(t.c("id")))
                       .scalars_as<std::int64_t>();
    BOOST_TEST((running == std::vector<std::int64_t>{10, 30, 50}));
    auto picked = holder.execute(select(t.c("id"))
                                     .where(tuple_(t.c("id"), t.c("amount")).in_({tuple_(1, 10), tuple_(2, 99), tuple_(3, 30)}))
                                     .order_by(t.c("id")))
                      .scalars_as<std::int64_t>();
    BOOST_TEST((picked == std::vector<std::int64_t>{1, 3}));

    // UPDATE ... FROM and DELETE ... USING with a second table.
    const std::string bonus_name = private_name("bonus");
    cleanup.names.push_back(bonus_name);
    holder.execute(text("CREATE TABLE " + bonus_name + " (account integer, extra integer)"));
    holder.execute(text("INSERT INTO " + bonus_name + " VALUES (1, 5), (3, 7)"));
    Table bonus(bonus_name, {Column("account", TypeEngine::named("INTEGER")), Column("extra", TypeEngine::named("INTEGER"))});
    const auto updated = holder.execute(
        t.update().values({{"amount", t.c("amount") + bonus.c("extra")}}).where(t.c("id") == bonus.c("account")));
    BOOST_TEST(updated.rowcount() == 2);
    auto amounts = holder.execute(select(t.c("amount")).order_by(t.c("id"))).scalars_as<std::int64_t>();
    BOOST_TEST((amounts == std::vector<std::int64_t>{15, 20, 37}));
    const auto deleted = holder.execute(t.delete_().where(and_(t.c("id") == bonus.c("account"), bonus.c("extra") > 6)));
    BOOST_TEST(deleted.rowcount() == 1);
    BOOST_TEST(scalar(holder, "SELECT count(*) FROM " + name).as_int() == 2);
    holder.commit();
}

BOOST_AUTO_TEST_SUITE_END()
