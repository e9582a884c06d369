// The connection pool under threads, limits and failures, through an Engine on a file SQLite
// database: exclusive use, bounded counts, TimeoutError, pre-ping, invalidation, recycle, dispose.
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
    std::size_t max_checked_out = 0;
    constexpr int threads = 8;
    constexpr int rounds = 40;

    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            try {
                for (int i = 0; i < rounds; ++i) {
                    auto conn = engine.connect();
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
    BOOST_TEST(status.opened_total <= 5u + 8u * rounds);  // overflow ones are closed on return
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

BOOST_AUTO_TEST_CASE(waiting_checkout_gets_a_returned_connection) {
    TempDir dir;
    auto o = options(1, 0);
    o.pool_timeout = 5s;
    auto engine = sa::create_engine(dir.url(), o);
    auto held = engine.connect();
    const auto* first = &held.driver_connection();
    std::thread releaser([&] {
        std::this_thread::sleep_for(50ms);
        held.close();
    });
    auto next = engine.connect();  // blocks until the other thread returns its connection
    releaser.join();
    BOOST_TEST(&next.driver_connection() == first);
    BOOST_TEST(engine.pool().status().opened_total == 1u);
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
    const auto* before = &conn.driver_connection();
    conn.invalidate();
    BOOST_TEST(engine.pool().status().invalidated_total == 1u);
    BOOST_TEST(engine.pool().status().checked_out == 0u);
    BOOST_TEST(conn.execute(sa::text("SELECT 1")).scalar().get<int>() == 1);  // reconnects
    BOOST_TEST(engine.pool().status().opened_total == 2u);
    (void)before;
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
