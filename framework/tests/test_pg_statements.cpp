// How the PostgreSQL (libpq) plugin runs statements: RETURNING and rowcount, executemany in
// pipeline mode (rows in parameter order, one error aborts the batch), and the prepared-statement
// cache (reuse, eviction, size 0, and tables recreated with other column types).
//
// Needs the test server, ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start prints one);
// without it the cases are reported as skipped, never passed.
#define BOOST_TEST_MODULE test_pg_statements
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::test;
using sa::text;
using sa::Value;

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(returning_and_rowcount) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE t (id serial PRIMARY KEY, x integer)"));
    auto first = conn.execute(text("INSERT INTO t (x) VALUES (:x) RETURNING id, x"), {{"x", 10}});
    const auto row = first.one();
    BOOST_TEST(row[0].as_int() == 1);
    BOOST_TEST(row[1].as_int() == 10);
    BOOST_TEST(!conn.execute(text("INSERT INTO t (x) VALUES (20)")).lastrowid().has_value());
    BOOST_TEST(conn.execute(text("INSERT INTO t (x) SELECT g FROM generate_series(1, 5) g")).rowcount() == 5);
    BOOST_TEST(conn.execute(text("UPDATE t SET x = x + 1 WHERE x <= :m"), {{"m", 5}}).rowcount() == 5);
    BOOST_TEST(conn.execute(text("UPDATE t SET x = 0 WHERE x > 1000")).rowcount() == 0);
    auto updated = conn.execute(text("UPDATE t SET x = -x WHERE id = :id RETURNING x"), {{"id", 1}}).scalar_one();
    BOOST_TEST(updated.as_int() == -10);
    auto deleted = conn.execute(text("DELETE FROM t WHERE x < 0 OR x = 20 RETURNING id")).scalars_as<int>();
    std::sort(deleted.begin(), deleted.end());
    BOOST_TEST((deleted == std::vector<int>{1, 2}));
    BOOST_TEST(conn.execute(text("DELETE FROM t WHERE x > 1000 RETURNING id")).all().empty());
}

BOOST_AUTO_TEST_CASE(executemany_in_pipeline_returns_rows_in_parameter_order) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE t (id serial PRIMARY KEY, label text, n bigint, b bytea)"));
    // 2500 sets: crosses two pipeline syncs (every 1000).
    std::vector<std::vector<Value>> sets;
    for (int i = 0; i < 2500; ++i)
        sets.push_back({Value("row " + std::to_string(i)), Value(std::int64_t{2500 - i}),
                        i % 7 == 0 ? Value() : Value(sa::Bytes{0, static_cast<std::uint8_t>(i & 0xff)})});
    auto cursor = conn.driver_connection().cursor();
    cursor->executemany("INSERT INTO t (label, n, b) VALUES ($1, $2, $3) RETURNING id, label, n", sets);
    BOOST_TEST(cursor->rowcount() == 2500);
    BOOST_TEST_REQUIRE(cursor->description().size() == 3u);
    BOOST_TEST(cursor->description()[0].type_name == "int4");
    std::vector<Value> row;
    std::int64_t previous_id = 0;
    for (int i = 0; i < 2500; ++i) {
        BOOST_TEST_REQUIRE(cursor->fetch(row));
        BOOST_TEST_REQUIRE(row[1].as_string() == "row " + std::to_string(i));
        BOOST_TEST_REQUIRE(row[2].as_int() == 2500 - i);
        BOOST_TEST_REQUIRE(row[0].as_int() > previous_id);
        previous_id = row[0].as_int();
    }
    BOOST_TEST(!cursor->fetch(row));
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM t WHERE b = '\\x0005'::bytea").as_int() > 0);

    // Without RETURNING: nothing to fetch, rowcount summed; also through Connection::execute.
    cursor->executemany("UPDATE t SET n = n + 1 WHERE id = $1", std::vector<std::vector<Value>>{{1}, {2}, {999999}});
    BOOST_TEST(cursor->rowcount() == 2);
    BOOST_TEST(cursor->description().empty());
    BOOST_TEST(!cursor->fetch(row));
    auto many = conn.execute(text("INSERT INTO t (label, n) VALUES (:l, :n)"),
                             std::vector<sa::Params>{{{"l", "a"}, {"n", 1}}, {{"l", "b"}, {"n", 2}}});
    BOOST_TEST(many.rowcount() == 2);
    cursor->executemany("INSERT INTO t (label) VALUES ($1)", std::vector<std::vector<Value>>{});
    BOOST_TEST(cursor->rowcount() == 0);
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM t").as_int() == 2502);
    // Sets of different widths are refused before anything is sent.
    BOOST_CHECK_THROW(cursor->executemany("INSERT INTO t (label) VALUES ($1)",
                                          std::vector<std::vector<Value>>{{"a"}, {"b", "c"}}),
                      sa::ProgrammingError);
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM t").as_int() == 2502);
}

BOOST_AUTO_TEST_CASE(executemany_error_aborts_the_whole_batch) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_batch");
    DropTables cleanup{engine, {table}};
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE " + table + " (id integer PRIMARY KEY)"));
    conn.commit();
    std::vector<sa::Params> sets;
    for (int i = 0; i < 3000; ++i) sets.push_back({{"id", i == 1500 ? 10 : i}});  // 10 twice
    auto e = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO " + table + " (id) VALUES (:id)"), sets); });
    BOOST_TEST(e.sqlstate() == "23505");
    BOOST_TEST(!e.connection_invalidated());
    conn.rollback();
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 0);
    // The connection left pipeline mode and works normally.
    conn.execute(text("INSERT INTO " + table + " (id) VALUES (:id)"), sets.front());
    conn.commit();
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 1);
}

BOOST_AUTO_TEST_CASE(prepared_statements_are_reused_and_evicted) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    const std::string sql = "SELECT $1::int + 1 AS reuse_probe";
    auto cursor = conn.driver_connection().cursor();
    std::vector<Value> row;
    for (int i = 0; i < 3; ++i) {
        cursor->execute(sql, std::vector<Value>{i});
        BOOST_TEST_REQUIRE(cursor->fetch(row));
        BOOST_TEST(row[0].as_int() == i + 1);
    }
    const auto prepared_count = [&](const std::string& statement) {
        cursor->execute("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1 AND name LIKE 'athanor_s%'",
                        std::vector<Value>{statement});
        cursor->fetch(row);
        return row[0].as_int();
    };
    BOOST_TEST(prepared_count(sql) == 1);
    // DDL and other one-off statements are not kept prepared.
    cursor->execute("CREATE TEMP TABLE t_prep (x int)", {});
    BOOST_TEST(prepared_count("CREATE TEMP TABLE t_prep (x int)") == 0);
    // A wrong number of parameters is a ProgrammingError, and the connection stays usable.
    auto wrong = expect_error<sa::ProgrammingError>([&] { cursor->execute(sql, std::vector<Value>{1, 2}); });
    BOOST_TEST(contains(wrong.what(), "expects 1"));
    BOOST_CHECK_THROW(conn.exec_driver_sql("SELECT $1::int, $2::int", {1}), sa::ProgrammingError);
    BOOST_TEST(conn.exec_driver_sql("SELECT 2").scalar_one().as_int() == 2);
    conn.close();

    // With a cache of 2, the least recently used statement is deallocated on the server.
    auto small = make_engine(with_query("prepared_statement_cache_size=2"));
    auto c2 = small.connect();
    auto cur = c2.driver_connection().cursor();
    for (const char* s : {"SELECT 1 AS a", "SELECT 2 AS b", "SELECT 3 AS c"}) cur->execute(s, {});
    cur->execute("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'athanor_s%' ORDER BY name", {});
    std::vector<std::string> held;
    while (cur->fetch(row)) held.push_back(row[0].as_string());
    BOOST_TEST((held == std::vector<std::string>{
                           "SELECT 3 AS c",
                           "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'athanor_s%' ORDER BY name"}));
    // A cache of 0 uses the unnamed statement only.
    auto none = make_engine(with_query("prepared_statement_cache_size=0"));
    auto c3 = none.connect();
    BOOST_TEST(c3.execute(text("SELECT count(*) FROM pg_prepared_statements WHERE :x = 1"), {{"x", 1}})
                   .scalar_one()
                   .as_int() == 0);
    BOOST_CHECK_THROW(make_engine(with_query("prepared_statement_cache_size=many")).connect(), sa::ArgumentError);
}

// Prepared statements fix their parameter and result types when prepared; the same SQL must
// keep working after the table is dropped and created again with other column types.
BOOST_AUTO_TEST_CASE(prepared_statements_follow_a_table_recreated_with_other_types) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_stale");
    DropTables cleanup{engine, {table}};
    const std::string insert = "INSERT INTO " + table + " (x) VALUES (:x)";
    const std::string read = "SELECT x FROM " + table;
    const auto recreate = [&](sa::Connection& c, const std::string& type) {
        c.execute(text("DROP TABLE IF EXISTS " + table));
        c.execute(text("CREATE TABLE " + table + " (x " + type + ")"));
    };
    auto conn = engine.connect();
    // DDL on the same connection, inside its transaction.
    recreate(conn, "varchar(20)");
    conn.execute(text(insert), {{"x", "41"}});
    BOOST_TEST(scalar(conn, read).as_string() == "41");
    recreate(conn, "bigint");
    conn.execute(text(insert), {{"x", "42"}});      // not "column x is of type bigint but expression is ... varying"
    BOOST_TEST(scalar(conn, read).as_int() == 42);  // not "cached plan must not change result type"
    conn.commit();

    // DDL on another connection of this process (another engine, so another pool).
    auto other_engine = make_engine(pg_url());
    auto other = other_engine.connect();
    recreate(other, "text");
    other.commit();
    conn.execute(text(insert), {{"x", "forty-three"}});
    BOOST_TEST(scalar(conn, read).as_string() == "forty-three");
    conn.commit();

    // A transaction that ran DDL and rolled back brings the old column type back.
    recreate(conn, "bigint");
    conn.execute(text(insert), {{"x", "44"}});
    BOOST_TEST(scalar(conn, read).as_int() == 44);
    conn.rollback();
    conn.execute(text(insert), {{"x", "forty-five"}});
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 2);
    conn.commit();

    // DDL the plugin cannot see (as from another process): inside a DO block.
    const auto hidden_recreate = [&](const std::string& type) {
        other.execute(text("DO $$ BEGIN EXECUTE 'DROP TABLE " + table + "'; EXECUTE 'CREATE TABLE " + table + " (x " +
                           type + ")'; END $$"));
        other.commit();
    };
    // Outside a transaction block the refused statement is prepared again and run once more.
    sa::EngineOptions ac;
    ac.isolation_level = "AUTOCOMMIT";
    auto ac_engine = make_engine(pg_url(), ac);
    auto autocommit = ac_engine.connect();
    autocommit.execute(text(insert), {{"x", "z46"}});
    BOOST_TEST(scalar(autocommit, "SELECT max(x) FROM " + table).as_string() == "z46");
    hidden_recreate("bigint");
    autocommit.execute(text(insert), {{"x", "47"}});                              // was 42804
    BOOST_TEST(scalar(autocommit, "SELECT max(x) FROM " + table).as_int() == 47);  // was 0A000
    // Inside a transaction the refusal aborted it: the error says so, and a re-run works.
    BOOST_TEST(scalar(conn, read).as_int() == 47);
    conn.commit();
    hidden_recreate("text");
    conn.execute(text(insert), {{"x", "forty-eight"}});  // re-prepared: its own transaction is still fine
    conn.commit();
    auto stale = expect_error<sa::DBAPIError>([&] { scalar(conn, read); });
    BOOST_TEST(stale.sqlstate() == "0A000");
    BOOST_TEST(contains(stale.what(), "running the transaction again"));
    conn.rollback();
    BOOST_TEST(scalar(conn, read).as_string() == "forty-eight");
    conn.commit();
}

BOOST_AUTO_TEST_SUITE_END()
