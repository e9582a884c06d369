// The Athanor side of the benchmark, written as an application would write it: the customer
// table as a Table, executemany of customer.insert() inside a Transaction, select() iterated
// row by row, and a new select().where() built for every point lookup. Nothing here depends on
// the database; only the untimed DDL differs per dialect.
#include "bench_system.hpp"

#include <athanor/athanor.hpp>

#include <stdexcept>

namespace sa = athanor;

namespace bench {

namespace {

sa::sql::Table make_customer_table() {
    using sa::sql::TypeEngine;
    return sa::Table("customer", {sa::Column("id", TypeEngine::named("INTEGER"), sa::sql::primary_key()),
                                  sa::Column("name", TypeEngine::named("VARCHAR(255)")),
                                  sa::Column("description", TypeEngine::named("VARCHAR(255)"))});
}

class AthanorWorkloads final : public BenchSystem {
public:
    explicit AthanorWorkloads(const std::string& url)
        : engine_(sa::create_engine(url)), conn_(engine_.connect()), customer_(make_customer_table()) {
        backend_ = engine_.url().backend_name();
        default_isolation_ = conn_.get_isolation_level();
        conn_.commit();
        if (backend_ == "sqlite") {
            // journal_mode cannot change inside a transaction.
            autocommit(true);
            conn_.execute(sa::text("PRAGMA journal_mode=WAL"));
            conn_.execute(sa::text("PRAGMA synchronous=FULL"));
            autocommit(false);
        }
    }

    std::string system() const override { return "athanor"; }
    std::string variant() const override { return "core"; }

    void reset() override {
        autocommit(true);  // VACUUM and CHECKPOINT refuse to run inside a transaction
        conn_.execute(sa::text("DROP TABLE IF EXISTS customer"));
        if (backend_ == "sqlite") {
            conn_.execute(sa::text("VACUUM"));
            conn_.execute(sa::text(
                "CREATE TABLE customer (id INTEGER PRIMARY KEY, name VARCHAR(255), description VARCHAR(255))"));
            conn_.execute(sa::text("PRAGMA wal_checkpoint(TRUNCATE)"));
        } else if (backend_ == "postgresql") {
            conn_.execute(sa::text(
                "CREATE TABLE customer (id SERIAL PRIMARY KEY, name VARCHAR(255), description VARCHAR(255))"));
            conn_.execute(sa::text("CHECKPOINT"));
        } else {
            throw std::runtime_error("athanor-bench has no customer DDL for backend '" + backend_ + "'");
        }
        autocommit(false);
    }

    void settle() override {
        autocommit(true);
        if (backend_ == "sqlite") {
            conn_.execute(sa::text("PRAGMA wal_checkpoint(TRUNCATE)"));
        } else {
            conn_.execute(sa::text("VACUUM ANALYZE customer"));
            conn_.execute(sa::text("CHECKPOINT"));
        }
        // Reads run in autocommit, one implicit transaction per statement, as the raw
        // baselines do; W1 turns transactions back on.
    }

    void w1_bulk_insert(std::size_t rows) override {
        autocommit(false);
        std::vector<sa::Params> param_sets;
        param_sets.reserve(rows);
        for (std::size_t i = 0; i < rows; ++i)
            param_sets.push_back({{"name", customer_name(i)}, {"description", customer_description(i)}});
        auto tx = conn_.begin();
        conn_.execute(customer_.insert(), param_sets);
        tx.commit();
    }

    void w1_bulk_insert_emplaced(std::size_t rows) override {
        // The same load with each parameter set built in place: no initializer-list copies.
        autocommit(false);
        std::vector<sa::Params> param_sets;
        param_sets.reserve(rows);
        for (std::size_t i = 0; i < rows; ++i) {
            std::vector<sa::Params::Item> items;
            items.reserve(2);
            items.emplace_back("name", customer_name(i));
            items.emplace_back("description", customer_description(i));
            param_sets.emplace_back(std::move(items));
        }
        auto tx = conn_.begin();
        conn_.execute(customer_.insert(), param_sets);
        tx.commit();
    }

    std::vector<Customer> w3_fetch_all() override {
        std::vector<Customer> out;
        for (const auto& row : conn_.execute(sa::select(customer_)))
            out.push_back({row.get<std::int64_t>("id"), row.get<std::string>("name"),
                           row.get<std::string>("description")});
        conn_.commit();
        return out;
    }

    std::vector<Customer> w4_point_selects(std::size_t lookups, std::size_t rows) override {
        std::vector<Customer> out;
        for (std::size_t k = 0; k < lookups; ++k) {
            auto row = conn_.execute(sa::select(customer_).where(customer_.c("id") == w4_id(k, rows))).one();
            out.push_back({row.get<std::int64_t>("id"), row.get<std::string>("name"),
                           row.get<std::string>("description")});
        }
        conn_.commit();
        return out;
    }

private:
    void autocommit(bool on) {
        if (conn_.in_transaction()) conn_.commit();
        if (on == autocommit_) return;
        conn_.set_isolation_level(on ? "AUTOCOMMIT" : default_isolation_);
        autocommit_ = on;
    }

    sa::Engine engine_;
    sa::Connection conn_;
    sa::sql::Table customer_;
    std::string backend_;
    std::string default_isolation_;
    bool autocommit_ = false;
};

}  // namespace

std::unique_ptr<BenchSystem> make_athanor(const std::string& url) { return std::make_unique<AthanorWorkloads>(url); }

}  // namespace bench
