// One Engine shared by 16 threads, on a SQLite file database and on PostgreSQL: each thread
// inserts and reads back its own rows in explicit transactions (some rolled back on purpose)
// through a pool smaller than the thread count, within a bounded count and time. Afterwards a
// fresh Engine checks every row: each committed row is there exactly once, no rolled-back row
// is. An exhausted pool answers TimeoutError to every thread it cannot serve. Built into the
// ThreadSanitizer run (scripts/run-tsan) as well as the ordinary one.
#define BOOST_TEST_MODULE test_concurrency
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql/text.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace sa = athanor;
using namespace std::chrono_literals;

namespace {

constexpr int thread_count = 16;
constexpr int transactions_per_thread = 12;  // every 4th one is rolled back
constexpr int rows_per_transaction = 3;
constexpr auto time_budget = 120s;

bool rolled_back(int transaction) { return transaction % 4 == 3; }

sa::EngineOptions load_options() {
    sa::EngineOptions o;
    o.pool_size = 4;
    o.max_overflow = 4;  // 8 connections for 16 threads: checkouts wait for each other
    o.pool_timeout = 60s;
    return o;
}

struct LoadOutcome {
    std::vector<std::string> failures;  // one line per failed thread
    bool within_budget = true;
};

/// Runs the 16 threads against `engine`'s table `table` (columns thread, seq).
LoadOutcome run_load(sa::Engine& engine, const std::string& table) {
    LoadOutcome outcome;
    std::mutex mutex;
    const auto deadline = std::chrono::steady_clock::now() + time_budget;
    std::atomic<bool> late{false};
    std::vector<std::thread> workers;
    for (int t = 0; t < thread_count; ++t) {
        workers.emplace_back([&, t] {
            try {
                for (int x = 0; x < transactions_per_thread; ++x) {
                    if (std::chrono::steady_clock::now() > deadline) {
                        late = true;
                        return;
                    }
                    auto conn = engine.connect();
                    auto tx = conn.begin();
                    for (int r = 0; r < rows_per_transaction; ++r)
                        conn.execute(sa::text("INSERT INTO " + table + " (thread, seq) VALUES (:t, :s)"),
                                     {{"t", t}, {"s", x * rows_per_transaction + r}});
                    // Inside the transaction the thread sees its committed rows plus these.
                    const auto seen = conn.execute(sa::text("SELECT count(*) FROM " + table + " WHERE thread = :t"),
                                                   {{"t", t}})
                                          .scalar_one()
                                          .get<std::int64_t>();
                    const std::int64_t committed_before = (x - x / 4) * rows_per_transaction;
                    if (seen != committed_before + rows_per_transaction)
                        throw std::runtime_error("transaction " + std::to_string(x) + " saw " + std::to_string(seen) +
                                                 " rows, expected " +
                                                 std::to_string(committed_before + rows_per_transaction));
                    if (rolled_back(x))
                        tx.rollback();
                    else
                        tx.commit();
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                outcome.failures.push_back("thread " + std::to_string(t) + ": " + e.what());
            }
        });
    }
    for (auto& w : workers) w.join();
    outcome.within_budget = !late;
    return outcome;
}

/// Checks, through a fresh Engine (its own pool and connection), that exactly the committed
/// rows are in `table`.
void check_rows(const std::string& url, const std::string& table, sa::EngineOptions options) {
    options.pool_size = 1;
    options.max_overflow = 0;
    auto fresh = athanor::test::engine(url, options);
    auto conn = fresh.connect();
    std::map<int, std::multiset<int>> found;
    for (const auto& row : conn.execute(sa::text("SELECT thread, seq FROM " + table)))
        found[row.get<int>(0)].insert(row.get<int>(1));
    BOOST_TEST(found.size() == static_cast<std::size_t>(thread_count));
    for (int t = 0; t < thread_count; ++t) {
        std::multiset<int> expected;
        for (int x = 0; x < transactions_per_thread; ++x)
            if (!rolled_back(x))
                for (int r = 0; r < rows_per_transaction; ++r) expected.insert(x * rows_per_transaction + r);
        BOOST_TEST_INFO("thread " << t);
        BOOST_TEST((found[t] == expected));
    }
}

void report(const LoadOutcome& outcome) {
    for (const auto& f : outcome.failures) BOOST_TEST_MESSAGE(f);
    BOOST_TEST(outcome.failures.empty());
    BOOST_TEST(outcome.within_budget, "the load did not finish within " << time_budget.count() << " s");
}

}  // namespace

BOOST_AUTO_TEST_CASE(sixteen_threads_share_one_engine_on_a_sqlite_file) {
    athanor::test::TempDir dir("athanor_concurrency");
    // A generous busy timeout: 8 connections write to one file, one writer at a time.
    const std::string url = dir.sqlite_url("load.db") + "?timeout=60";
    auto engine = athanor::test::engine(url, load_options());
    engine.transaction([](sa::Connection& c) { c.execute(sa::text("CREATE TABLE load (thread INTEGER, seq INTEGER)")); });

    report(run_load(engine, "load"));
    const auto status = engine.pool().status();
    BOOST_TEST(status.checked_out == 0u);
    BOOST_TEST(status.idle <= 4u);
    check_rows(url, "load", {});
}

BOOST_AUTO_TEST_CASE(sixteen_threads_share_one_engine_on_postgresql, *boost::unit_test::precondition(athanor::test::HavePgServer())) {
    const std::string url = athanor::test::pg_url();
    const std::string table = "athanor_load_" + std::to_string(::getpid());
    auto engine = athanor::test::engine(url, load_options());
    engine.transaction([&](sa::Connection& c) {
        c.execute(sa::text("DROP TABLE IF EXISTS " + table));
        c.execute(sa::text("CREATE TABLE " + table + " (thread INTEGER NOT NULL, seq INTEGER NOT NULL)"));
    });

    report(run_load(engine, table));
    BOOST_TEST(engine.pool().status().checked_out == 0u);
    check_rows(url, table, {});
    engine.transaction([&](sa::Connection& c) { c.execute(sa::text("DROP TABLE " + table)); });
}

BOOST_AUTO_TEST_CASE(an_exhausted_pool_answers_timeout_error_to_every_thread_it_cannot_serve) {
    athanor::test::TempDir dir("athanor_concurrency");
    sa::EngineOptions o;
    o.pool_size = 3;
    o.max_overflow = 1;
    o.pool_timeout = 200ms;
    auto engine = athanor::test::engine(dir.sqlite_url("exhaust.db"), o);

    constexpr int holders = 4;  // pool_size + max_overflow
    std::atomic<int> served{0}, timed_out{0}, other_errors{0};
    std::atomic<bool> release{false};
    std::vector<std::thread> workers;
    for (int t = 0; t < thread_count; ++t) {
        workers.emplace_back([&] {
            try {
                auto conn = engine.connect();
                ++served;
                // Hold the connection until every thread that cannot get one has given up.
                const auto give_up = std::chrono::steady_clock::now() + 20s;
                while (!release && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(5ms);
            } catch (const sa::TimeoutError&) {
                if (++timed_out == thread_count - holders) release = true;
            } catch (...) {
                ++other_errors;
            }
        });
    }
    for (auto& w : workers) w.join();
    BOOST_TEST(served.load() == holders);
    BOOST_TEST(timed_out.load() == thread_count - holders);
    BOOST_TEST(other_errors.load() == 0);
    BOOST_TEST(engine.pool().status().checked_out == 0u);
    auto conn = engine.connect();  // the pool serves again once connections are back
    BOOST_TEST(!conn.closed());
}
