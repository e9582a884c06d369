// Transactions on the PostgreSQL (libpq) plugin: a commit of an aborted transaction is refused,
// isolation levels and AUTOCOMMIT behave as named, and savepoints undo only their own work.
//
// Needs the test server, ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start prints one);
// without it the cases are reported as skipped, never passed.
#define BOOST_TEST_MODULE test_pg_transactions
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::test;
using sa::text;
using sa::Value;

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(commit_of_an_aborted_transaction_is_refused) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_aborted");
    DropTables cleanup{engine, {table}};
    auto& dialect = engine.dialect();
    auto driver = dialect.connect(test_url());
    auto cursor = driver->cursor();
    cursor->execute("CREATE TABLE " + table + " (x int)", {});
    driver->begin();
    cursor->execute("INSERT INTO " + table + " VALUES (1)", {});
    BOOST_CHECK_THROW(cursor->execute("SELECT 1 / 0", {}), sa::DataError);
    auto e = expect_error<sa::InternalError>([&] { driver->commit(); });
    BOOST_TEST(e.sqlstate() == "25P02");
    driver->rollback();  // nothing open any more: a no-op
    driver->commit();    // likewise
    cursor->execute("SELECT count(*) FROM " + table, {});
    std::vector<Value> row;
    BOOST_TEST_REQUIRE(cursor->fetch(row));
    BOOST_TEST(row[0].as_int() == 0);
    BOOST_TEST(driver->ping());
}

BOOST_AUTO_TEST_CASE(isolation_levels_and_autocommit) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_iso");
    DropTables cleanup{engine, {table}};
    auto conn = engine.connect();
    BOOST_TEST(conn.get_isolation_level() == "READ COMMITTED");
    for (const char* level : {"SERIALIZABLE", "REPEATABLE READ", "READ UNCOMMITTED", "READ COMMITTED"}) {
        conn.set_isolation_level(level);
        BOOST_TEST(conn.get_isolation_level() == level);
    }
    auto bad = expect_error<sa::ArgumentError>([&] { conn.set_isolation_level("SNAPSHOT"); });
    BOOST_TEST(contains(bad.what(), "REPEATABLE READ"));
    conn.execute(text("CREATE TABLE " + table + " (x int)"));
    conn.commit();

    // REPEATABLE READ: a second connection's commit is not seen inside the transaction.
    sa::EngineOptions rr;
    rr.isolation_level = "REPEATABLE READ";
    auto rr_engine = make_engine(pg_url(), rr);
    auto reader = rr_engine.connect();
    BOOST_TEST(reader.get_isolation_level() == "REPEATABLE READ");
    BOOST_TEST(scalar(reader, "SELECT count(*) FROM " + table).as_int() == 0);
    conn.execute(text("INSERT INTO " + table + " VALUES (1)"));
    conn.commit();
    BOOST_TEST(scalar(reader, "SELECT count(*) FROM " + table).as_int() == 0);
    reader.commit();
    BOOST_TEST(scalar(reader, "SELECT count(*) FROM " + table).as_int() == 1);
    reader.close();

    // Outside AUTOCOMMIT a transaction spans statements: one transaction id for both.
    const auto txid = [](sa::Connection& c) { return scalar(c, "SELECT txid_current()").as_int(); };
    BOOST_TEST(txid(conn) == txid(conn));
    conn.commit();

    // AUTOCOMMIT: no BEGIN, each statement is visible at once and rollback cannot undo it.
    sa::EngineOptions ac;
    ac.isolation_level = "AUTOCOMMIT";
    auto ac_engine = make_engine(pg_url(), ac);
    auto writer = ac_engine.connect();
    BOOST_TEST(writer.get_isolation_level() == "AUTOCOMMIT");
    writer.execute(text("INSERT INTO " + table + " VALUES (2)"));
    // Each statement is its own transaction.
    BOOST_TEST(txid(writer) != txid(writer));
    writer.rollback();
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 2);
    conn.commit();
}

BOOST_AUTO_TEST_CASE(savepoints) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE t (x integer PRIMARY KEY)"));
    conn.commit();
    {
        auto tx = conn.begin();
        conn.execute(text("INSERT INTO t VALUES (1)"));
        {
            auto sp = conn.begin_nested();
            conn.execute(text("INSERT INTO t VALUES (2)"));
            sp.rollback();
        }
        {
            auto sp = conn.begin_nested();
            // An error inside a savepoint is undone by rolling back to it; the outer work survives.
            BOOST_CHECK_THROW(conn.execute(text("INSERT INTO t VALUES (1)")), sa::IntegrityError);
            sp.rollback();
        }
        {
            auto sp = conn.begin_nested();
            conn.execute(text("INSERT INTO t VALUES (3)"));
            sp.commit();
        }
        tx.commit();
    }
    BOOST_TEST((conn.execute(text("SELECT x FROM t ORDER BY x")).scalars_as<int>() == std::vector<int>{1, 3}));
}

BOOST_AUTO_TEST_SUITE_END()
