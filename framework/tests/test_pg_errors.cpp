// Errors on the PostgreSQL (libpq) plugin: SQLSTATEs map to the exception classes, connection
// failures name the server but never the password, and a terminated backend is invalidated and
// replaced. ATHANOR_TEST_PG_SUPERUSER_URL, when set, is used to terminate backends; otherwise the
// test role terminates its own other session, which PostgreSQL allows.
//
// Needs the test server, ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start prints one);
// without it the cases are reported as skipped, never passed.
#define BOOST_TEST_MODULE test_pg_errors
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::test;
using sa::text;
using sa::Value;

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(sqlstates_map_to_exception_classes) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE parent (id integer PRIMARY KEY)"));
    conn.execute(text("CREATE TEMP TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent(id))"));
    conn.execute(text("INSERT INTO parent VALUES (1)"));
    conn.commit();
    const auto fails = [&](const std::string& sql) {
        try {
            conn.execute(text(sql));
        } catch (...) {
            conn.rollback();
            throw;
        }
    };
    auto dup = expect_error<sa::IntegrityError>([&] { fails("INSERT INTO parent VALUES (1)"); });
    BOOST_TEST(dup.sqlstate() == "23505");
    BOOST_TEST(contains(dup.what(), "duplicate key"));
    BOOST_TEST(contains(dup.what(), "DETAIL: Key (id)=(1) already exists."));
    BOOST_TEST(contains(dup.what(), "INSERT INTO parent VALUES (1)"));  // the framework added the statement
    BOOST_TEST(expect_error<sa::IntegrityError>([&] { fails("INSERT INTO child VALUES (1, 42)"); }).sqlstate() == "23503");
    BOOST_TEST(expect_error<sa::IntegrityError>([&] { fails("INSERT INTO child (id) VALUES (2)"); }).sqlstate() == "23502");
    BOOST_TEST(expect_error<sa::ProgrammingError>([&] { fails("SELEC 1"); }).sqlstate() == "42601");
    auto missing = expect_error<sa::ProgrammingError>([&] { fails("SELECT * FROM no_such_table_here"); });
    BOOST_TEST(missing.sqlstate() == "42P01");
    BOOST_TEST(expect_error<sa::ProgrammingError>([&] { fails("SELECT no_such_column FROM parent"); }).sqlstate() == "42703");
    BOOST_TEST(expect_error<sa::DataError>([&] { fails("SELECT 1 / 0"); }).sqlstate() == "22012");
    BOOST_TEST(expect_error<sa::DataError>([&] { fails("SELECT 'abc'::integer"); }).sqlstate() == "22P02");
    BOOST_TEST(expect_error<sa::ProgrammingError>([&] { fails("SELECT 1; SELECT 2"); }).sqlstate() == "42601");
    BOOST_TEST(expect_error<sa::NotSupportedError>([&] { fails("COPY parent TO STDOUT"); }).sqlstate() == "");
    // None of these cost the connection.
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM parent").as_int() == 1);
    BOOST_TEST(engine.pool().status().invalidated_total == 0u);
}

BOOST_AUTO_TEST_CASE(connection_failures_name_the_server_not_the_password) {
    const sa::Url good = test_url();
    const std::string where = good.host().value_or("") + ":" + std::to_string(good.port().value_or(5432));

    const std::string secret = "Wr0ng-Secret-Pw";
    auto bad_password = make_engine(
        sa::Url::create("postgresql", good.username(), secret, good.host(), good.port(), good.database()).render(false));
    auto e = expect_error<sa::OperationalError>([&] { bad_password.connect(); });
    const std::string what = e.what();
    BOOST_TEST(contains(what, where));
    BOOST_TEST(contains(what, "password authentication failed"));
    BOOST_TEST(!contains(what, secret));
    BOOST_TEST(e.sqlstate() == "08001");
    BOOST_TEST(contains(what, "as user '" + good.username().value_or("") + "'"));

    auto refused = make_engine(sa::Url::create("postgresql", good.username(), good.password(), std::string("127.0.0.1"),
                                               std::uint16_t{1}, good.database())
                                   .render(false));
    auto r = expect_error<sa::OperationalError>([&] { refused.connect(); });
    BOOST_TEST(contains(r.what(), "127.0.0.1:1"));
    BOOST_TEST(contains(r.what(), "refused"));
    BOOST_TEST(!contains(r.what(), good.password().value_or("@@")));

    auto unknown_db = make_engine(good.with_database(std::string("athanor_no_such_db")).render(false));
    auto u = expect_error<sa::OperationalError>([&] { unknown_db.connect(); });
    BOOST_TEST(contains(u.what(), where));
    BOOST_TEST(contains(u.what(), "athanor_no_such_db"));
    BOOST_TEST(contains(u.what(), "does not exist"));

    // Query keys are libpq keywords; an unknown one is an ArgumentError naming it.
    auto typo = expect_error<sa::ArgumentError>([&] { make_engine(with_query("sslmodee=disable")).connect(); });
    BOOST_TEST(contains(typo.what(), "sslmodee"));
    BOOST_TEST(contains(typo.what(), "sslmode"));
    auto keyed = make_engine(with_query("application_name=athanor-test-app&sslmode=disable&connect_timeout=5&"
                                        "options=-c%20statement_timeout%3D4321"));
    auto conn = keyed.connect();
    BOOST_TEST(scalar(conn, "SELECT current_setting('application_name')").as_string() == "athanor-test-app");
    BOOST_TEST(scalar(conn, "SHOW statement_timeout").as_string() == "4321ms");
    BOOST_TEST(scalar(conn, "SHOW IntervalStyle").as_string() == "iso_8601");
}

BOOST_AUTO_TEST_CASE(terminated_backend_is_invalidated_and_replaced) {
    auto engine = make_engine(pg_url());
    auto admin = make_engine(athanor::test::env_url("ATHANOR_TEST_PG_SUPERUSER_URL").value_or(pg_url()));
    std::int64_t victim_pid = 0;
    {
        auto conn = engine.connect();
        victim_pid = scalar(conn, "SELECT pg_backend_pid()").as_int();
        conn.commit();
        {
            auto killer = admin.connect();
            BOOST_TEST(scalar(killer, "SELECT pg_terminate_backend(:p, 5000)", {{"p", victim_pid}}).as_bool());
        }
        auto e = expect_error<sa::OperationalError>([&] { conn.execute(text("SELECT 1")); });
        BOOST_TEST(e.connection_invalidated());
        BOOST_TEST(engine.dialect().is_disconnect(e));
    }
    BOOST_TEST(engine.pool().status().invalidated_total == 1u);
    auto fresh = engine.connect();
    const auto new_pid = scalar(fresh, "SELECT pg_backend_pid()").as_int();
    BOOST_TEST(new_pid != victim_pid);

    // The driver connection itself: ping is false, never an exception, once the backend is gone.
    auto driver = engine.dialect().connect(test_url());
    auto cursor = driver->cursor();
    cursor->execute("SELECT pg_backend_pid()", {});
    std::vector<Value> row;
    BOOST_TEST_REQUIRE(cursor->fetch(row));
    {
        auto killer = admin.connect();
        scalar(killer, "SELECT pg_terminate_backend(:p, 5000)", {{"p", row[0].as_int()}});
    }
    BOOST_TEST(!driver->ping());
    auto lost = expect_error<sa::OperationalError>([&] { cursor->execute("SELECT 1", {}); });
    BOOST_TEST(engine.dialect().is_disconnect(lost));
    driver->close();
    auto closed = expect_error<sa::InterfaceError>([&] { cursor->execute("SELECT 1", {}); });
    BOOST_TEST(engine.dialect().is_disconnect(closed));
}

BOOST_AUTO_TEST_SUITE_END()
