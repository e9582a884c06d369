// The raw SQLite3 C API baseline (benchmarks.md §4 "raw C", variant `prepared`): prepare once,
// bind/step/reset per row, values copied into std::strings exactly once. It is the physical
// limit the Athanor figures are divided by.
#include "bench_system.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace bench {

namespace {

class RawSqlite final : public BenchSystem {
public:
    explicit RawSqlite(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
            fail("open " + path);
        sqlite3_busy_timeout(db_, 10000);
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
    }
    ~RawSqlite() override { sqlite3_close_v2(db_); }

    std::string system() const override { return "raw"; }
    std::string variant() const override { return "prepared"; }

    void reset() override {
        exec("DROP TABLE IF EXISTS customer");
        exec("VACUUM");
        exec("CREATE TABLE customer (id INTEGER PRIMARY KEY, name VARCHAR(255), description VARCHAR(255))");
        exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    void settle() override { exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

    void w1_bulk_insert(std::size_t rows) override {
        exec("BEGIN");
        sqlite3_stmt* stmt = prepare("INSERT INTO customer (name, description) VALUES (?, ?)");
        for (std::size_t i = 0; i < rows; ++i) {
            const std::string name = customer_name(i);
            const std::string description = customer_description(i);
            sqlite3_bind_text(stmt, 1, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
            sqlite3_bind_text(stmt, 2, description.data(), static_cast<int>(description.size()), SQLITE_STATIC);
            if (sqlite3_step(stmt) != SQLITE_DONE) fail("insert");
            sqlite3_reset(stmt);
        }
        sqlite3_finalize(stmt);
        exec("COMMIT");
    }

    std::vector<Customer> w3_fetch_all() override {
        std::vector<Customer> out;
        sqlite3_stmt* stmt = prepare("SELECT id, name, description FROM customer");
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) out.push_back(read(stmt));
        if (rc != SQLITE_DONE) fail("select all");
        sqlite3_finalize(stmt);
        return out;
    }

    std::vector<Customer> w4_point_selects(std::size_t lookups, std::size_t rows) override {
        std::vector<Customer> out;
        sqlite3_stmt* stmt = prepare("SELECT id, name, description FROM customer WHERE id = ?");
        for (std::size_t k = 0; k < lookups; ++k) {
            sqlite3_bind_int64(stmt, 1, w4_id(k, rows));
            if (sqlite3_step(stmt) != SQLITE_ROW) fail("select by id");
            out.push_back(read(stmt));
            sqlite3_reset(stmt);
        }
        sqlite3_finalize(stmt);
        return out;
    }

private:
    static Customer read(sqlite3_stmt* stmt) {
        Customer c;
        c.id = sqlite3_column_int64(stmt, 0);
        c.name.assign(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)),
                      static_cast<std::size_t>(sqlite3_column_bytes(stmt, 1)));
        c.description.assign(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2)),
                             static_cast<std::size_t>(sqlite3_column_bytes(stmt, 2)));
        return c;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("raw sqlite: " + what + ": " + sqlite3_errmsg(db_));
    }
    void exec(const char* sql) {
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) fail(std::string("prepare ") + sql);
        return stmt;
    }

    sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<BenchSystem> make_raw_sqlite(const std::string& path) { return std::make_unique<RawSqlite>(path); }

}  // namespace bench

namespace bench {
std::string raw_sqlite_version() { return sqlite3_libversion(); }
}  // namespace bench
