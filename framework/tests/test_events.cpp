// Engine events (athanor/engine/events.hpp) on SQLite and on the PostgreSQL test server:
// connect (and its order around the engine's own set-up), checkout / checkin, before/after
// execute and cursor execute (what a statement counter sees), handle_error (seeing and replacing
// the error), ListenOptions (insert, once), removal, and listeners' exceptions.
//
// The PostgreSQL suite needs ATHANOR_TEST_PG_URL; without it it is reported as skipped.
#define BOOST_TEST_MODULE test_events
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/events.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sdk/driver.hpp>
#include <athanor/sdk/driver_util.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/schema/metadata.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sa = athanor;
using namespace athanor::sql;
using athanor::text;
namespace types = athanor::types;
using athanor::test::contains;

namespace {

/// A file database in a fresh temp dir (a pool of real connections, unlike :memory:).
struct FileDb {
    std::filesystem::path dir;
    std::string url;
    FileDb() {
        dir = std::filesystem::temp_directory_path() / ("athanor_events_" + std::to_string(::getpid()) + "_" +
                                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(dir);
        url = "sqlite:///" + (dir / "db.sqlite").string();
    }
    ~FileDb() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

struct Custom : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sqlite_events)

BOOST_AUTO_TEST_CASE(connect_runs_once_per_new_connection_checkout_and_checkin_per_lease) {
    FileDb db;
    auto engine = sa::test::engine(db.url);
    std::vector<std::string> seen;
    engine.events().on_connect([&](sa::sdk::DriverConnection&) { seen.push_back("connect"); });
    engine.events().on_checkout([&](sa::sdk::DriverConnection&) { seen.push_back("checkout"); });
    engine.events().on_checkin([&](sa::sdk::DriverConnection&) { seen.push_back("checkin"); });
    { auto c = engine.connect(); }
    { auto c = engine.connect(); }
    BOOST_TEST(seen == (std::vector<std::string>{"connect", "checkout", "checkin", "checkout", "checkin"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(connect_listener_sets_up_the_session) {
    FileDb db;
    auto engine = sa::test::engine(db.url);
    engine.events().on_connect(
        [](sa::sdk::DriverConnection& c) { sa::sdk::execute_statement(c, "PRAGMA foreign_keys = ON"); });
    auto conn = engine.connect();
    BOOST_TEST(conn.execute(text("PRAGMA foreign_keys")).scalar_one().as_int() == 1);
}

BOOST_AUTO_TEST_CASE(insert_puts_a_listener_first_and_once_runs_once) {
    FileDb db;
    auto engine = sa::test::engine(db.url, {.pool_size = 1, .max_overflow = 1});
    std::vector<int> order;
    engine.events().on_connect([&](sa::sdk::DriverConnection&) { order.push_back(1); });
    engine.events().on_connect([&](sa::sdk::DriverConnection&) { order.push_back(2); }, {.insert = true});
    engine.events().on_connect([&](sa::sdk::DriverConnection&) { order.push_back(3); }, {.insert = true});
    engine.events().on_connect([&](sa::sdk::DriverConnection&) { order.push_back(4); }, {.once = true});
    {
        auto a = engine.connect();
        auto b = engine.connect();  // a second new connection
    }
    BOOST_TEST(order == (std::vector<int>{3, 2, 1, 4, 3, 2, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cursor_events_count_every_statement_sent) {
    auto engine = sa::test::engine("sqlite://");
    MetaData metadata;
    auto& t = metadata.table("t", Column("id", types::Integer(), primary_key()), Column("x", types::String(20)));
    auto conn = engine.connect();
    metadata.create_all(conn);
    std::vector<std::string> statements;
    std::vector<std::size_t> sets;
    std::vector<std::int64_t> rowcounts;
    auto before = engine.events().on_before_cursor_execute([&](const sa::CursorExecuteEvent& e) {
        statements.emplace_back(e.statement);
        sets.push_back(e.parameters.size());
    });
    auto after = engine.events().on_after_cursor_execute(
        [&](const sa::CursorExecuteEvent& e) { rowcounts.push_back(e.rowcount); });
    conn.execute(t.insert().values({{"x", "a"}}));
    conn.execute(t.insert(), std::vector<sa::Params>{{{"x", "b"}}, {{"x", "c"}}});
    conn.execute(t.update().values({{"x", "z"}}));
    auto sp = conn.begin_nested();
    sp.commit();
    conn.exec_driver_sql("SELECT 1");
    BOOST_TEST_REQUIRE(statements.size() >= 6u);
    BOOST_TEST(contains(statements[0], "INSERT INTO t"));
    BOOST_TEST(sets[0] == 1u);
    BOOST_TEST(contains(statements[1], "INSERT INTO t"));
    BOOST_TEST(contains(statements[2], "UPDATE t SET x"));
    BOOST_TEST(rowcounts[2] == 3);
    BOOST_TEST(contains(statements[3], "SAVEPOINT"));
    BOOST_TEST(contains(statements[4], "RELEASE SAVEPOINT"));
    BOOST_TEST(statements.back() == "SELECT 1");
    BOOST_TEST(rowcounts.size() == statements.size());
    before.remove();
    after.remove();
    BOOST_TEST(!before.active());
    const auto n = statements.size();
    conn.exec_driver_sql("SELECT 2");
    BOOST_TEST(statements.size() == n);
}

BOOST_AUTO_TEST_CASE(before_and_after_execute_see_statement_parameters_and_result) {
    auto engine = sa::test::engine("sqlite://");
    auto conn = engine.connect();
    conn.exec_driver_sql("CREATE TABLE t (x INTEGER)");
    const sa::sql::Executable* seen_statement = nullptr;
    std::size_t seen_sets = 0;
    bool many = false;
    std::int64_t rowcount = -2;
    engine.events().on_before_execute([&](const sa::ExecuteEvent& e) {
        seen_statement = e.statement;
        seen_sets = e.parameter_sets.size();
        many = e.executemany;
    });
    engine.events().on_after_execute([&](const sa::ExecuteEvent& e) { rowcount = e.result->rowcount(); });
    auto insert = text("INSERT INTO t (x) VALUES (:x)");
    conn.execute(insert, std::vector<sa::Params>{{{"x", 1}}, {{"x", 2}}, {{"x", 3}}});
    BOOST_TEST(seen_statement == &insert);
    BOOST_TEST(seen_sets == 3u);
    BOOST_TEST(many);
    BOOST_TEST(rowcount == 3);
    auto update = text("UPDATE t SET x = x + 1 WHERE x > :x");
    conn.execute(update, {{"x", 1}});
    BOOST_TEST(seen_statement == &update);
    BOOST_TEST(!many);
    BOOST_TEST(rowcount == 2);
}

BOOST_AUTO_TEST_CASE(a_before_listener_that_throws_stops_the_statement) {
    auto engine = sa::test::engine("sqlite://");
    auto conn = engine.connect();
    conn.exec_driver_sql("CREATE TABLE t (x INTEGER)");
    auto h = engine.events().on_before_cursor_execute([](const sa::CursorExecuteEvent& e) {
        if (contains(std::string(e.statement), "INSERT")) throw Custom("no inserts today");
    });
    BOOST_CHECK_THROW(conn.exec_driver_sql("INSERT INTO t VALUES (1)"), Custom);
    h.remove();
    BOOST_TEST(conn.exec_driver_sql("SELECT count(*) FROM t").scalar_one().as_int() == 0);
}

BOOST_AUTO_TEST_CASE(handle_error_sees_the_error_and_may_replace_it) {
    auto engine = sa::test::engine("sqlite://");
    auto conn = engine.connect();
    std::string statement;
    bool disconnect = true;
    std::string message;
    auto seen = engine.events().on_handle_error([&](const sa::ErrorEvent& e) {
        statement = std::string(e.statement);
        disconnect = e.is_disconnect;
        message = e.error.what();
    });
    BOOST_CHECK_THROW(conn.exec_driver_sql("SELECT * FROM no_such_table"), sa::DBAPIError);
    BOOST_TEST(statement == "SELECT * FROM no_such_table");
    BOOST_TEST(!disconnect);
    BOOST_TEST(contains(message, "no_such_table"));
    conn.rollback();
    engine.events().on_handle_error([](const sa::ErrorEvent& e) { throw Custom("wrapped: " + std::string(e.statement)); });
    try {
        conn.exec_driver_sql("SELECT * FROM still_missing");
        BOOST_FAIL("no error");
    } catch (const Custom& e) {
        BOOST_TEST(std::string(e.what()) == "wrapped: SELECT * FROM still_missing");
    }
}

BOOST_AUTO_TEST_CASE(a_failing_connect_listener_fails_the_checkout_and_frees_the_slot) {
    FileDb db;
    auto engine = sa::test::engine(db.url, {.pool_size = 1, .max_overflow = 0});
    auto h = engine.events().on_connect([](sa::sdk::DriverConnection&) { throw Custom("set-up failed"); });
    BOOST_CHECK_THROW(engine.connect(), Custom);
    BOOST_TEST(engine.pool().status().checked_out == 0u);
    h.remove();
    auto conn = engine.connect();
    BOOST_TEST(conn.exec_driver_sql("SELECT 1").scalar_one().as_int() == 1);
}

BOOST_AUTO_TEST_CASE(a_failing_checkout_listener_drops_the_connection) {
    FileDb db;
    auto engine = sa::test::engine(db.url, {.pool_size = 1, .max_overflow = 0});
    { auto c = engine.connect(); }
    auto h = engine.events().on_checkout([](sa::sdk::DriverConnection&) { throw Custom("checkout refused"); });
    BOOST_CHECK_THROW(engine.connect(), Custom);
    const auto status = engine.pool().status();
    BOOST_TEST(status.checked_out == 0u);
    BOOST_TEST(status.invalidated_total == 1u);
    h.remove();
    auto conn = engine.connect();
    BOOST_TEST(engine.pool().status().opened_total == 2u);
}

BOOST_AUTO_TEST_CASE(a_failing_checkin_listener_is_logged_and_the_connection_dropped) {
    FileDb db;
    std::vector<std::string> log;
    auto engine = sa::test::engine(db.url, {.pool_size = 1, .log_sink = [&](std::string_view l) { log.emplace_back(l); }});
    engine.events().on_checkin([](sa::sdk::DriverConnection&) { throw Custom("checkin broke"); });
    { auto c = engine.connect(); }
    BOOST_TEST(engine.pool().status().idle == 0u);
    BOOST_TEST_REQUIRE(log.size() == 1u);
    BOOST_TEST(contains(log[0], "checkin broke"));
}

BOOST_AUTO_TEST_CASE(listeners_are_safe_across_threads) {
    FileDb db;
    auto engine = sa::test::engine(db.url, {.pool_size = 4});
    std::atomic<int> checkouts{0}, statements{0};
    engine.events().on_checkout([&](sa::sdk::DriverConnection&) { ++checkouts; });
    engine.events().on_before_cursor_execute([&](const sa::CursorExecuteEvent&) { ++statements; });
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            for (int j = 0; j < 25; ++j) {
                auto c = engine.connect();
                c.exec_driver_sql("SELECT 1");
                // Registering and removing while others dispatch.
                auto h = engine.events().on_after_cursor_execute([](const sa::CursorExecuteEvent&) {});
                h.remove();
            }
        });
    for (auto& t : threads) t.join();
    BOOST_TEST(checkouts.load() == 100);
    BOOST_TEST(statements.load() == 100);
}

BOOST_AUTO_TEST_CASE(default_schema_name_is_captured_at_first_connect) {
    auto engine = sa::test::engine("sqlite://");
    BOOST_TEST(engine.default_schema_name().empty());
    { auto c = engine.connect(); }
    BOOST_TEST(engine.default_schema_name() == "main");
}

BOOST_AUTO_TEST_CASE(an_empty_listener_is_refused) {
    auto engine = sa::test::engine("sqlite://");
    BOOST_CHECK_THROW(engine.events().on_connect({}), sa::ArgumentError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pg_events, *boost::unit_test::precondition(athanor::test::HavePgServer()))

// The order of SQLAlchemy's WeCanSetDefaultSchemaWEventsTest: only an `insert` connect
// listener runs before the engine reads the default schema.
BOOST_AUTO_TEST_CASE(search_path_set_on_connect_moves_the_default_schema_only_with_insert) {
    const std::string schema = sa::test::private_name("ev_schema");
    auto admin = sa::test::make_engine(sa::test::pg_url());
    {
        auto c = admin.connect();
        c.exec_driver_sql("CREATE SCHEMA IF NOT EXISTS " + schema);
        c.commit();
    }
    struct Drop {
        sa::Engine e;
        std::string s;
        ~Drop() {
            try {
                auto c = e.connect();
                c.exec_driver_sql("DROP SCHEMA IF EXISTS " + s + " CASCADE");
                c.commit();
            } catch (...) {
            }
        }
    } drop{admin, schema};
    auto set_path = [schema](sa::sdk::DriverConnection& c) {
        sa::sdk::execute_statement(c, "SET search_path TO " + schema);
    };
    {
        auto engine = sa::test::make_engine(sa::test::pg_url());
        engine.events().on_connect(set_path);
        auto conn = engine.connect();
        BOOST_TEST(sa::Inspector(conn).default_schema_name() == schema);
        BOOST_TEST(engine.default_schema_name() == "public");
    }
    {
        auto engine = sa::test::make_engine(sa::test::pg_url());
        engine.events().on_connect(set_path, {.insert = true});
        auto conn = engine.connect();
        auto tx = conn.begin();
        BOOST_TEST(sa::Inspector(conn).default_schema_name() == schema);
        tx.rollback();
        BOOST_TEST(sa::Inspector(conn).default_schema_name() == schema);
        BOOST_TEST(engine.default_schema_name() == schema);
    }
}

BOOST_AUTO_TEST_CASE(cursor_events_see_each_insertmanyvalues_page) {
    const std::string table = sa::test::private_name("ev_imv");
    auto engine = sa::test::make_engine(sa::test::pg_url(), {.insertmanyvalues_page_size = 2});
    sa::test::DropTables cleanup{engine, {table}};
    auto conn = engine.connect();
    conn.exec_driver_sql("CREATE TABLE " + table + " (id serial primary key, x int)");
    std::vector<std::size_t> values_per_statement;
    engine.events().on_before_cursor_execute([&](const sa::CursorExecuteEvent& e) {
        if (contains(std::string(e.statement), "INSERT")) values_per_statement.push_back(e.parameters.front().size());
    });
    conn.execute(text("INSERT INTO " + table + " (x) VALUES (:x)"), std::vector<sa::Params>{{{"x", 1}}, {{"x", 2}}});
    MetaData metadata;
    auto& t = metadata.table(table, Column("id", types::Integer(), primary_key()), Column("x", types::Integer()));
    values_per_statement.clear();
    conn.execute(t.insert(), std::vector<sa::Params>{{{"x", 1}}, {{"x", 2}}, {{"x", 3}}});
    BOOST_TEST(values_per_statement == (std::vector<std::size_t>{2, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(handle_error_sees_a_constraint_violation) {
    const std::string table = sa::test::private_name("ev_err");
    auto engine = sa::test::make_engine(sa::test::pg_url());
    sa::test::DropTables cleanup{engine, {table}};
    auto conn = engine.connect();
    conn.exec_driver_sql("CREATE TABLE " + table + " (id int primary key)");
    conn.commit();
    std::string statement;
    std::size_t nparams = 0;
    engine.events().on_handle_error([&](const sa::ErrorEvent& e) {
        statement = std::string(e.statement);
        nparams = e.parameters.size();
    });
    conn.execute(text("INSERT INTO " + table + " VALUES (:id)"), {{"id", 1}});
    BOOST_CHECK_THROW(conn.execute(text("INSERT INTO " + table + " VALUES (:id)"), {{"id", 1}}), sa::IntegrityError);
    BOOST_TEST(contains(statement, "INSERT INTO " + table));
    BOOST_TEST(nparams == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
