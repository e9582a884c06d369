// bench_system.hpp — the interface every system under test implements (a raw C baseline per
// database, and Athanor), plus the workload data shared by all of them.
//
// A system owns one connection for the whole run. bench_main times each workload call and
// checks what it returned; reset() and settle() are untimed, as benchmarks.md §4 defines them.
//
// Adding a database (e.g. PostgreSQL): write raw_<db>.cpp with a make_raw_<db>() factory and
// pick it in bench_main.cpp by URL scheme; the Athanor side is URL-agnostic already.
//
// Example:
//   auto raw = make_raw_sqlite("/tmp/x/bench.db");
//   raw->reset();
//   raw->w1_bulk_insert(100000);
//   raw->settle();
//   std::vector<Customer> rows = raw->w3_fetch_all();
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bench {

/// One customer row as W3/W4 materialise it.
struct Customer {
    std::int64_t id = 0;
    std::string name;
    std::string description;
};

/// Row i (0-based) of W1.
inline std::string customer_name(std::size_t i) { return "customer name " + std::to_string(i); }
inline std::string customer_description(std::size_t i) { return "customer description " + std::to_string(i); }

/// The k-th W4 id: (48271·k + 12345) mod N + 1 — distinct for k < N when N is coprime to 48271.
inline std::int64_t w4_id(std::size_t k, std::size_t rows) {
    return static_cast<std::int64_t>((48271ULL * k + 12345ULL) % rows + 1);
}

class BenchSystem {
public:
    virtual ~BenchSystem() = default;
    /// "raw" or "athanor".
    virtual std::string system() const = 0;
    /// How the workloads are run, e.g. "prepared" for the raw C baselines.
    virtual std::string variant() const = 0;

    /// Untimed: DROP TABLE, VACUUM (SQLite), CREATE TABLE customer, checkpoint.
    virtual void reset() = 0;
    /// Untimed: checkpoint, so reads do not pay for the load before them.
    virtual void settle() = 0;

    /// W1: `rows` rows built and inserted in one transaction.
    virtual void w1_bulk_insert(std::size_t rows) = 0;
    /// W1e: W1 with the values built the cheapest way the system allows (raw: same as W1).
    virtual void w1_bulk_insert_emplaced(std::size_t rows) { w1_bulk_insert(rows); }
    /// W3: every row, in id order of the table scan, into structs.
    virtual std::vector<Customer> w3_fetch_all() = 0;
    /// W4: `lookups` selects by primary key (ids from w4_id over `rows`), one struct each.
    virtual std::vector<Customer> w4_point_selects(std::size_t lookups, std::size_t rows) = 0;
};

/// The raw SQLite3 C API baseline on the database file `path` (raw_sqlite.cpp).
std::unique_ptr<BenchSystem> make_raw_sqlite(const std::string& path);
/// Athanor through create_engine(url) (athanor_workloads.cpp).
std::unique_ptr<BenchSystem> make_athanor(const std::string& url);

}  // namespace bench
