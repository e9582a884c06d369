// The connection pool under threads, limits and failures, through an Engine on a file SQLite
// database: exclusive use, exact counts, TimeoutError, pre-ping, invalidation (of one connection
// and of the pool after a disconnect), recycle, dispose.
#define BOOST_TEST_MODULE test_pool
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/driver.hpp>
#include <athanor/sql/text.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sa = athanor;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using athanor::test::registry;

struct TempDir : athanor::test::TempDir {
    TempDir() : athanor::test::TempDir("athanor_pool") {}
    std::string url(const char* name = "pool.db") const {
        // A generous busy timeout: eight threads write to one file.
        return sqlite_url(name) + "?timeout=30";
    }
};

/// True the first time it is called on a driver connection: SQLite's temp schema belongs to one
/// connection, so a marker table there tells a connection the pool reused from a new one.
bool first_use(sa::Connection& conn) {
    const bool fresh =
        conn.execute(sa::text("SELECT count(*) FROM sqlite_temp_master WHERE name = 'pool_mark'")).scalar_one().as_int() ==
        0;
    if (fresh) conn.execute(sa::text("CREATE TEMP TABLE pool_mark (x INTEGER)"));
    conn.commit();  // the mark survives the rollback the pool does on return
    return fresh;
}

sa::EngineOptions options(std::size_t size, std::size_t overflow) {
    sa::EngineOptions o;
    o.registry = &registry();
    o.pool_size = size;
    o.max_overflow = overflow;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_CASE(threads_never_share_a_connection_and_counts_stay_bounded) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(3, 2));
    engine.transaction([](sa::Connection& c) { c.execute(sa::text("CREATE TABLE hits (thread INTEGER, n INTEGER)")); });

    std::mutex mutex;
    std::set<const sa::sdk::DriverConnection*> in_use;
    std::atomic<int> overlaps{0};
    std::atomic<int> over_limit{0};
    std::atomic<int> failures{0};
    std::atomic<std::size_t> fresh_connections{0};
    std::size_t max_checked_out = 0;
    constexpr int threads = 8;
    constexpr int rounds = 40;

    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            try {
                for (int i = 0; i < rounds; ++i) {
                    auto conn = engine.connect();
                    if (first_use(conn)) ++fresh_connections;
                    const auto* raw = &conn.driver_connection();
                    {
                        std::lock_guard lock(mutex);
                        if (!in_use.insert(raw).second) ++overlaps;
                        auto status = engine.pool().status();
                        max_checked_out = std::max(max_checked_out, status.checked_out);
                        if (status.checked_out > 5 || status.idle > 3) ++over_limit;
                    }
                    if (i % 4 == 0) {
                        conn.execute(sa::text("INSERT INTO hits VALUES (:t, :n)"), {{"t", t}, {"n", i}});
                        conn.commit();
                    } else {
                        conn.execute(sa::text("SELECT count(*) FROM hits")).scalar();
                    }
                    std::this_thread::sleep_for(200us);
                    {
                        std::lock_guard lock(mutex);
                        in_use.erase(raw);
                    }
                }
            } catch (const std::exception& e) {
                ++failures;
                BOOST_TEST_MESSAGE("worker failed: " << e.what());
            }
        });
    }
    for (auto& w : workers) w.join();

    BOOST_TEST(failures.load() == 0);
    BOOST_TEST(overlaps.load() == 0);
    BOOST_TEST(over_limit.load() == 0);
    BOOST_TEST(max_checked_out <= 5u);
    auto status = engine.pool().status();
    BOOST_TEST(status.checked_out == 0u);
    BOOST_TEST(status.idle <= 3u);
    // Every connection the pool opened was handed out new exactly once: the count is exact.
    BOOST_TEST(status.opened_total == fresh_connections.load());
    BOOST_TEST(status.opened_total < static_cast<std::size_t>(threads * rounds));  // connections were reused
    auto conn = engine.connect();
    BOOST_TEST(conn.execute(sa::text("SELECT count(*) FROM hits")).scalar_one().get<int>() == threads * rounds / 4);
}

BOOST_AUTO_TEST_CASE(exhausted_pool_times_out_with_an_actionable_message) {
    TempDir dir;
    auto o = options(1, 1);
    o.pool_timeout = 150ms;
    auto engine = sa::create_engine(dir.url(), o);
    auto a = engine.connect();
    auto b = engine.connect();  // the overflow slot
    BOOST_TEST(engine.pool().status().checked_out == 2u);
    const auto start = std::chrono::steady_clock::now();
    try {
        engine.connect();
        BOOST_FAIL("a third connection was handed out");
    } catch (const sa::TimeoutError& e) {
        const std::string message = e.what();
        BOOST_TEST_INFO(message);
        BOOST_TEST(message.find("size 1") != std::string::npos);
        BOOST_TEST(message.find("overflow 1") != std::string::npos);
        BOOST_TEST(message.find("150") != std::string::npos);
    }
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    BOOST_TEST(waited.count() >= 140);
    b.close();  // the pool keeps up to pool_size idle...
    BOOST_TEST(engine.pool().status().idle == 1u);
    a.close();  // ...and closes what comes back beyond that
    BOOST_TEST(engine.pool().status().idle == 1u);
    BOOST_TEST(engine.pool().status().checked_out == 0u);
    auto c = engine.connect();
    auto d = engine.connect();  // both slots are free again
    BOOST_TEST(!d.closed());
    BOOST_TEST(engine.pool().status().opened_total == 3u);
}

BOOST_AUTO_TEST_CASE(overflow_connections_are_closed_on_return_and_pool_size_ones_reused) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(3, 2));
    {
        std::vector<sa::Connection> all;
        for (int i = 0; i < 5; ++i) {
            all.push_back(engine.connect());
            BOOST_TEST(first_use(all.back()));
        }
        BOOST_TEST(engine.pool().status().opened_total == 5u);
    }
    BOOST_TEST(engine.pool().status().idle == 3u);  // the two overflow connections were closed
    std::vector<sa::Connection> again;
    std::size_t fresh = 0;
    for (int i = 0; i < 5; ++i) {
        again.push_back(engine.connect());
        if (first_use(again.back())) ++fresh;
    }
    BOOST_TEST(fresh == 2u);  // three came back from the pool, two overflow ones are new
    BOOST_TEST(engine.pool().status().opened_total == 7u);
    BOOST_TEST(engine.pool().status().invalidated_total == 0u);
}

BOOST_AUTO_TEST_CASE(waiting_checkout_gets_a_returned_connection) {
    TempDir dir;
    auto o = options(1, 0);
    o.pool_timeout = 30s;
    auto engine = sa::create_engine(dir.url(), o);
    auto held = engine.connect();
    const auto* first = &held.driver_connection();
    std::atomic<bool> returned{false};
    std::atomic<bool> saw_waiter{false};
    std::thread releaser([&] {
        // Return the connection only once the other checkout is observed blocked in the pool.
        const auto give_up = std::chrono::steady_clock::now() + 20s;
        while (engine.pool().status().waiting == 0 && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(1ms);
        saw_waiter = engine.pool().status().waiting == 1;
        returned = true;
        held.close();
    });
    auto next = engine.connect();  // blocks until the other thread returns its connection
    const bool returned_before_checkout_ended = returned.load();
    releaser.join();
    BOOST_TEST(saw_waiter.load());                   // the checkout did block...
    BOOST_TEST(returned_before_checkout_ended);      // ...and only ended once the connection came back
    BOOST_TEST(&next.driver_connection() == first);  // the returned one, not a second connection
    BOOST_TEST(engine.pool().status().opened_total == 1u);
    BOOST_TEST(engine.pool().status().waiting == 0u);
}

BOOST_AUTO_TEST_CASE(single_connection_mode_takes_turns_on_a_memory_database) {
    auto o = options(5, 10);
    o.pool_timeout = 500ms;
    auto engine = sa::create_engine("sqlite://", o);
    BOOST_TEST(engine.pool().settings().single);
    {
        auto conn = engine.connect();
        conn.execute(sa::text("CREATE TABLE m (x INTEGER)"));
        conn.execute(sa::text("INSERT INTO m VALUES (1)"));
        conn.commit();
        BOOST_CHECK_THROW(engine.connect(), sa::TimeoutError);  // the one connection is busy
    }
    std::vector<std::thread> workers;
    for (int t = 0; t < 4; ++t)
        workers.emplace_back([&] {
            auto o2 = engine.connect();
            o2.execute(sa::text("INSERT INTO m VALUES (2)"));
            o2.commit();
        });
    for (auto& w : workers) w.join();
    auto conn = engine.connect();  // the same database: the data is still there
    BOOST_TEST(conn.execute(sa::text("SELECT count(*) FROM m")).scalar().get<int>() == 5);
    BOOST_TEST(engine.pool().status().opened_total == 1u);
}

BOOST_AUTO_TEST_CASE(connection_is_reset_when_returned) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(1, 0));
    engine.transaction([](sa::Connection& c) { c.execute(sa::text("CREATE TABLE r (x INTEGER)")); });
    {
        auto conn = engine.connect();
        conn.execute(sa::text("INSERT INTO r VALUES (1)"));  // never committed
    }
    auto conn = engine.connect();
    BOOST_TEST(engine.pool().status().opened_total == 1u);
    BOOST_TEST(!conn.in_transaction());
    BOOST_TEST(conn.execute(sa::text("SELECT count(*) FROM r")).scalar().get<int>() == 0);
}

BOOST_AUTO_TEST_CASE(pre_ping_replaces_a_dead_pooled_connection) {
    TempDir dir;
    auto o = options(2, 0);
    o.pool_pre_ping = true;
    auto engine = sa::create_engine(dir.url(), o);
    sa::sdk::DriverConnection* raw = nullptr;
    {
        auto conn = engine.connect();
        raw = &conn.driver_connection();
    }
    BOOST_REQUIRE(engine.pool().status().idle == 1u);
    raw->close();  // dies while idle in the pool
    auto conn = engine.connect();
    BOOST_TEST(conn.execute(sa::text("SELECT 42")).scalar().get<int>() == 42);
    auto status = engine.pool().status();
    BOOST_TEST(status.opened_total == 2u);
    BOOST_TEST(status.invalidated_total == 1u);
}

BOOST_AUTO_TEST_CASE(dead_connection_without_pre_ping_is_invalidated_on_error) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(2, 0));
    sa::sdk::DriverConnection* raw = nullptr;
    {
        auto conn = engine.connect();
        raw = &conn.driver_connection();
    }
    raw->close();
    auto conn = engine.connect();
    try {
        conn.execute(sa::text("SELECT 1"));
        BOOST_FAIL("a statement ran on a closed connection");
    } catch (const sa::DBAPIError& e) {
        BOOST_TEST(e.connection_invalidated());
    }
    BOOST_TEST(engine.pool().status().invalidated_total == 1u);
    conn.rollback();  // acknowledge; the Connection then reconnects
    BOOST_TEST(conn.execute(sa::text("SELECT 7")).scalar().get<int>() == 7);
    BOOST_TEST(engine.pool().status().opened_total == 2u);
}

BOOST_AUTO_TEST_CASE(explicit_invalidate_drops_the_connection) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(2, 0));
    auto conn = engine.connect();
    // The old and the new driver connection are told apart by the temp-schema mark, not by
    // address: the old object is freed and its address may be reused.
    BOOST_TEST(first_use(conn));
    BOOST_TEST(!first_use(conn));
    conn.invalidate();
    BOOST_TEST(engine.pool().status().invalidated_total == 1u);
    BOOST_TEST(engine.pool().status().checked_out == 0u);
    BOOST_TEST(engine.pool().status().pool_invalidations == 0u);  // an explicit invalidate is not a disconnect
    BOOST_TEST(conn.execute(sa::text("SELECT 1")).scalar().get<int>() == 1);  // reconnects...
    BOOST_TEST(first_use(conn));                                             // ...to a different connection
    BOOST_TEST(engine.pool().status().opened_total == 2u);
}

BOOST_AUTO_TEST_CASE(a_disconnect_invalidates_every_connection_opened_before_it) {
    // SQLAlchemy's Pool._invalidate: the first disconnect marks all older connections stale;
    // idle ones are replaced untried at checkout, checked-out ones closed when returned, and a
    // later disconnect of a stale connection does not condemn the connections opened since.
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(5, 0));
    std::vector<sa::Connection> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(engine.connect());
        BOOST_TEST(first_use(idle.back()));
    }
    auto dying = engine.connect();
    auto held = engine.connect();
    BOOST_TEST(first_use(dying));
    BOOST_TEST(first_use(held));
    idle.clear();
    BOOST_TEST_REQUIRE(engine.pool().status().idle == 3u);

    dying.driver_connection().close();  // as if its server went away
    const auto lost = athanor::test::expect_error<sa::DBAPIError>([&] { dying.execute(sa::text("SELECT 1")); });
    BOOST_TEST(lost.connection_invalidated());
    auto status = engine.pool().status();
    BOOST_TEST(status.pool_invalidations == 1u);
    BOOST_TEST(status.invalidated_total == 1u);
    BOOST_TEST(status.idle == 3u);  // not closed yet: replaced when checked out

    std::vector<sa::Connection> after;
    for (int i = 0; i < 3; ++i) {
        after.push_back(engine.connect());
        BOOST_TEST(first_use(after.back()));  // a new connection each time, without an error
    }
    status = engine.pool().status();
    BOOST_TEST(status.opened_total == 8u);
    BOOST_TEST(status.invalidated_total == 4u);

    // `held` was checked out during the disconnect: it dies too, which changes nothing for the
    // connections opened after the first disconnect.
    held.driver_connection().close();
    BOOST_CHECK_THROW(held.execute(sa::text("SELECT 1")), sa::DBAPIError);
    BOOST_TEST(engine.pool().status().pool_invalidations == 1u);
    after.clear();
    BOOST_TEST(engine.pool().status().idle == 3u);
    for (int i = 0; i < 3; ++i) {
        auto conn = engine.connect();
        BOOST_TEST(!first_use(conn));  // reused, not replaced
        after.push_back(std::move(conn));
    }
    BOOST_TEST(engine.pool().status().opened_total == 8u);
}

BOOST_AUTO_TEST_CASE(a_connection_checked_out_during_a_disconnect_is_closed_when_returned) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(3, 0));
    auto dying = engine.connect();
    auto held = engine.connect();
    BOOST_TEST(first_use(held));
    dying.driver_connection().close();
    BOOST_CHECK_THROW(dying.execute(sa::text("SELECT 1")), sa::DBAPIError);
    BOOST_TEST(held.execute(sa::text("SELECT 2")).scalar().get<int>() == 2);  // still usable while held
    held.close();
    auto status = engine.pool().status();
    BOOST_TEST(status.idle == 0u);  // stale: closed instead of pooled
    BOOST_TEST(status.invalidated_total == 2u);
    auto next = engine.connect();
    BOOST_TEST(first_use(next));
}

BOOST_AUTO_TEST_CASE(a_failed_pre_ping_invalidates_the_older_idle_connections) {
    TempDir dir;
    auto o = options(3, 0);
    o.pool_pre_ping = true;
    auto engine = sa::create_engine(dir.url(), o);
    sa::sdk::DriverConnection* first = nullptr;
    {
        auto a = engine.connect();
        auto b = engine.connect();
        BOOST_TEST(first_use(a));
        BOOST_TEST(first_use(b));
        first = &a.driver_connection();
        a.close();  // returned first: handed out first
    }
    BOOST_REQUIRE(engine.pool().status().idle == 2u);
    first->close();  // dies while idle in the pool
    auto c = engine.connect();  // the ping fails: a new connection, and the pool is invalidated
    BOOST_TEST(first_use(c));
    BOOST_TEST(engine.pool().status().pool_invalidations == 1u);
    auto d = engine.connect();  // the other idle one predates the failure: replaced untried
    BOOST_TEST(first_use(d));
    const auto status = engine.pool().status();
    BOOST_TEST(status.opened_total == 4u);
    BOOST_TEST(status.invalidated_total == 2u);
}

BOOST_AUTO_TEST_CASE(invalidated_inside_a_transaction_requires_rollback) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(2, 0));
    auto conn = engine.connect();
    auto tx = conn.begin();
    conn.invalidate();
    BOOST_CHECK_THROW(conn.execute(sa::text("SELECT 1")), sa::InvalidRequestError);
    tx.rollback();
    BOOST_TEST(conn.execute(sa::text("SELECT 1")).scalar().get<int>() == 1);
}

BOOST_AUTO_TEST_CASE(recycle_reopens_old_connections) {
    TempDir dir;
    auto o = options(1, 0);
    o.pool_recycle = 1s;
    auto engine = sa::create_engine(dir.url(), o);
    engine.connect().execute(sa::text("SELECT 1"));
    engine.connect().execute(sa::text("SELECT 1"));
    BOOST_TEST(engine.pool().status().opened_total == 1u);
    std::this_thread::sleep_for(1100ms);
    engine.connect().execute(sa::text("SELECT 1"));
    BOOST_TEST(engine.pool().status().opened_total == 2u);
    BOOST_TEST(engine.pool().status().invalidated_total == 0u);  // recycling is not a failure
}

BOOST_AUTO_TEST_CASE(dispose_closes_idle_and_later_returned_connections) {
    TempDir dir;
    auto engine = sa::create_engine(dir.url(), options(3, 0));
    {
        auto a = engine.connect();
        auto b = engine.connect();
    }
    BOOST_TEST(engine.pool().status().idle == 2u);
    auto held = engine.connect();
    engine.dispose();
    BOOST_TEST(engine.pool().status().idle == 0u);
    held.close();  // checked out before dispose(): closed rather than pooled
    BOOST_TEST(engine.pool().status().idle == 0u);
    const auto opened = engine.pool().status().opened_total;
    BOOST_TEST(engine.connect().execute(sa::text("SELECT 1")).scalar().get<int>() == 1);
    BOOST_TEST(engine.pool().status().opened_total == opened + 1);
}
