// executemany() of a plain batch on SQLite: every parameter set goes to the driver as a view
// of the caller's own values (no copy), so these tests pin down what that must keep: sets in
// any key order and with keys the statement does not use, the statement's own values(),
// values changed by a type's bind processor (whose results must stay where the driver reads
// them), and all-or-nothing binding: a set missing a value fails the call before any row is
// sent, even when it comes thousands of rows after the first. The "no copy" itself is measured:
// this program replaces the global operator new and counts allocations, so a batch that copied
// its sets' strings (one allocation each, they are longer than the short-string buffer) on the
// way to the driver would show one allocation per row.
#define BOOST_TEST_MODULE test_executemany_batches
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

// ---- allocation counter: every operator new of the process, the plugins' included ----------
namespace {
std::atomic<std::size_t> allocations{0};

void* counted_allocation(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return counted_allocation(size); }
void* operator new[](std::size_t size) { return counted_allocation(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace sa = athanor;
using namespace athanor::sql;
using athanor::Params;
using athanor::Value;

namespace {

struct Db {
    Table items{"items", {Column("id", sa::Integer(), primary_key()), Column("name", sa::String(40)),
                          Column("born", athanor::types::Date()), Column("ok", sa::Boolean())}};
    sa::Engine engine = athanor::test::engine("sqlite://");
    sa::Connection conn = engine.connect();

    Db() {
        conn.execute(
            sa::text("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40), born DATE, ok BOOLEAN)"));
    }
    std::int64_t count() { return conn.execute(select(sa::sql::count()).select_from(items)).scalar_one().as_int(); }
};

std::string name_of(int i) { return "item number " + std::to_string(i) + " with a name longer than SSO"; }

sa::Date date_of(int i) {
    return sa::Date{1900 + i % 200, static_cast<unsigned>(1 + i % 12), static_cast<unsigned>(1 + i % 28)};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(batches, Db)

BOOST_AUTO_TEST_CASE(sets_in_any_key_order_with_unused_keys_are_all_written) {
    constexpr int n = 2500;
    std::vector<Params> sets;
    for (int i = 1; i <= n; ++i) {
        if (i % 3 == 0)
            sets.push_back({{"name", name_of(i)}, {"id", i}});
        else if (i % 3 == 1)
            sets.push_back({{"id", i}, {"unused", "ignored"}, {"name", name_of(i)}});
        else
            sets.push_back({{"id", i}, {"name", name_of(i)}});
    }
    const auto result = conn.execute(items.insert(), sets);
    BOOST_TEST(result.rowcount() == n);
    int seen = 0;
    for (const auto& row : conn.execute(select(items.c("id"), items.c("name")).order_by(items.c("id")))) {
        ++seen;
        BOOST_TEST_REQUIRE(row.get<int>("id") == seen);
        BOOST_TEST(row.get<std::string>("name") == name_of(seen));
    }
    BOOST_TEST(seen == n);
}

BOOST_AUTO_TEST_CASE(statement_values_fill_what_the_sets_leave_out) {
    std::vector<Params> sets;
    for (int i = 1; i <= 1500; ++i) sets.push_back({{"id", i}});
    sets[700] = Params{{"id", 701}, {"name", "own name"}};  // a set's value wins over values()
    conn.execute(items.insert().values({{"name", "from values()"}}), sets);
    BOOST_TEST(count() == 1500);
    const auto named = [&](const std::string& name) {
        return conn.execute(select(sa::sql::count()).select_from(items).where(items.c("name") == name))
            .scalar_one()
            .as_int();
    };
    BOOST_TEST(named("from values()") == 1499);
    BOOST_TEST(named("own name") == 1);
}

BOOST_AUTO_TEST_CASE(processed_values_of_a_large_batch_reach_the_database_intact) {
    // Date and Boolean have bind processors on SQLite (ISO text, 0/1): their results are stored
    // beside the pointer table and must not move while the batch is being built.
    constexpr int n = 3000;
    std::vector<Params> sets;
    for (int i = 1; i <= n; ++i)
        sets.push_back({{"id", i}, {"born", date_of(i)}, {"ok", i % 2 == 0}});
    conn.execute(items.insert(), sets);
    int seen = 0;
    for (const auto& row : conn.execute(select(items).order_by(items.c("id")))) {
        const int i = ++seen;
        BOOST_TEST_REQUIRE(row.get<int>("id") == i);
        BOOST_TEST((row.get<sa::Date>("born") == date_of(i)));
        BOOST_TEST(row.get<bool>("ok") == (i % 2 == 0));
    }
    BOOST_TEST(seen == n);
    // Stored as SQLite's processors say: ISO text and 0/1.
    BOOST_TEST(conn.execute(sa::text("SELECT born FROM items WHERE id = 1")).scalar_one().as_string() == "1901-02-02");
    BOOST_TEST(conn.execute(sa::text("SELECT typeof(ok) FROM items WHERE id = 2")).scalar_one().as_string() ==
               "integer");
}

BOOST_AUTO_TEST_CASE(a_set_missing_a_value_fails_the_call_before_any_row_is_sent) {
    std::vector<Params> sets;
    for (int i = 1; i <= 2500; ++i) sets.push_back({{"id", i}, {"name", name_of(i)}});
    sets[1700] = Params{{"id", 1701}, {"nmae", "typo"}};
    const auto message = athanor::test::expect_error<sa::ArgumentError>([&] { conn.execute(items.insert(), sets); });
    BOOST_TEST(athanor::test::contains(message.what(), "'name'"));
    BOOST_TEST(count() == 0);  // not even the first 1700 rows, in this still-open transaction
    conn.commit();
    BOOST_TEST(count() == 0);
}

BOOST_AUTO_TEST_CASE(an_update_batch_binds_where_and_set_values_by_view) {
    std::vector<Params> rows;
    for (int i = 1; i <= 1200; ++i) rows.push_back({{"id", i}, {"name", "old"}});
    conn.execute(items.insert(), rows);
    std::vector<Params> changes;
    for (int i = 2; i <= 1200; i += 2) changes.push_back({{"key", i}, {"name", "even " + std::to_string(i)}});
    const auto result =
        conn.execute(items.update().where(items.c("id") == bindparam("key")).values({{"name", bindparam("name")}}),
                     changes);
    BOOST_TEST(result.rowcount() == 600);
    BOOST_TEST(conn.execute(select(items.c("name")).where(items.c("id") == 1000)).scalar_one().as_string() ==
               "even 1000");
    BOOST_TEST(conn.execute(select(items.c("name")).where(items.c("id") == 999)).scalar_one().as_string() == "old");
}

BOOST_AUTO_TEST_CASE(a_plain_batch_allocates_nothing_per_row) {
    // Allocations of one executemany() of `n` rows whose names are longer than the short-string
    // buffer; the sets are built before counting starts.
    int next_id = 1;
    const auto allocations_for = [&](int n) {
        std::vector<Params> sets;
        sets.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i, ++next_id) sets.push_back({{"id", next_id}, {"name", name_of(next_id)}});
        const std::size_t before = allocations.load();
        conn.execute(items.insert(), sets);
        return allocations.load() - before;
    };
    allocations_for(10);  // warm the compiled-statement and prepared-statement caches
    const std::size_t small = allocations_for(1000);
    const std::size_t large = allocations_for(5000);
    BOOST_TEST_MESSAGE("allocations: 1000 rows " << small << ", 5000 rows " << large);
    // 4000 more rows cost no more allocations: the values reach the driver where they are.
    // A copy of each set's name would add 4000; a per-row vector of pointers as many again.
    BOOST_TEST(large <= small + 8);
    BOOST_TEST(count() == 6010);
}

BOOST_AUTO_TEST_SUITE_END()
