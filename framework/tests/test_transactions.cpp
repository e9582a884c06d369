// Transactions on a file SQLite database: commit, rollback, destructor rollback,
// engine.transaction(), savepoints, autobegin / commit-as-you-go, failures and AUTOCOMMIT.
#define BOOST_TEST_MODULE test_transactions
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql/text.hpp>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace sa = athanor;
namespace fs = std::filesystem;

namespace {

using athanor::test::registry;

/// A file database in a fresh temp dir with table t (x INTEGER UNIQUE).
struct Db {
    std::vector<std::string> log;  // before engine: the engine logs into it while being built
    fs::path dir;
    sa::Engine engine;

    static fs::path make_dir() {
        std::string pattern = (fs::temp_directory_path() / "athanor_tx_XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        return pattern;
    }
    static sa::EngineOptions opts(std::vector<std::string>* log, std::string isolation = {}) {
        sa::EngineOptions o;
        o.registry = &registry();
        o.echo = true;
        o.hide_parameters = false;
        o.log_sink = [log](std::string_view line) { log->emplace_back(line); };
        o.isolation_level = std::move(isolation);
        return o;
    }
    explicit Db(std::string isolation = {})
        : dir(make_dir()), engine(sa::create_engine("sqlite:///" + (dir / "tx.db").string(), opts(&log, isolation))) {
        auto conn = engine.connect();
        conn.execute(sa::text("CREATE TABLE t (x INTEGER UNIQUE)"));
        conn.commit();
    }
    ~Db() { fs::remove_all(dir); }

    /// Rows in t as another connection sees them.
    std::vector<std::int64_t> rows() {
        auto conn = engine.connect();
        std::vector<std::int64_t> out;
        for (const auto& row : conn.execute(sa::text("SELECT x FROM t ORDER BY x"))) out.push_back(row.get<std::int64_t>(0));
        return out;
    }
    bool logged(std::string_view text) const {
        for (const auto& l : log)
            if (l.find(text) != std::string::npos) return true;
        return false;
    }
};

void insert(sa::Connection& conn, int x) { conn.execute(sa::text("INSERT INTO t (x) VALUES (:x)"), {{"x", x}}); }

using Rows = std::vector<std::int64_t>;

}  // namespace

BOOST_AUTO_TEST_CASE(commit_makes_rows_visible) {
    Db db;
    auto conn = db.engine.connect();
    auto tx = conn.begin();
    BOOST_TEST(tx.is_active());
    BOOST_TEST(!tx.nested());
    insert(conn, 1);
    insert(conn, 2);
    tx.commit();
    BOOST_TEST(!tx.is_active());
    BOOST_TEST(!conn.in_transaction());
    BOOST_TEST(db.rows() == (Rows{1, 2}));
    BOOST_CHECK_THROW(tx.commit(), sa::InvalidRequestError);
}

BOOST_AUTO_TEST_CASE(commit_after_the_connection_was_lost_refuses) {
    Db db;
    auto conn = db.engine.connect();
    insert(conn, 1);        // autobegins
    conn.invalidate();      // the database connection is gone, and the transaction with it
    BOOST_CHECK_THROW(conn.commit(), sa::InvalidRequestError);
    BOOST_CHECK_THROW(insert(conn, 2), sa::InvalidRequestError);
    conn.rollback();        // acknowledges the loss; the Connection reconnects on next use
    insert(conn, 3);
    conn.commit();
    BOOST_TEST(db.rows() == (Rows{3}));
}

BOOST_AUTO_TEST_CASE(rollback_discards_rows) {
    Db db;
    auto conn = db.engine.connect();
    auto tx = conn.begin();
    insert(conn, 1);
    tx.rollback();
    BOOST_TEST(!tx.is_active());
    BOOST_TEST(db.rows().empty());
    tx.rollback();  // rolling back an inactive transaction is harmless
}

BOOST_AUTO_TEST_CASE(transaction_destructor_rolls_back) {
    Db db;
    auto conn = db.engine.connect();
    {
        auto tx = conn.begin();
        insert(conn, 1);
    }
    BOOST_TEST(!conn.in_transaction());
    BOOST_TEST(db.rows().empty());
    // The connection is usable again.
    auto tx = conn.begin();
    insert(conn, 5);
    tx.commit();
    BOOST_TEST(db.rows() == (Rows{5}));
}

BOOST_AUTO_TEST_CASE(engine_transaction_commits_or_rolls_back_on_throw) {
    Db db;
    db.engine.transaction([](sa::Connection& c) { insert(c, 1); });
    BOOST_TEST(db.rows() == (Rows{1}));
    BOOST_CHECK_THROW(db.engine.transaction([](sa::Connection& c) {
        insert(c, 2);
        throw std::runtime_error("application failure");
    }),
                      std::runtime_error);
    BOOST_TEST(db.rows() == (Rows{1}));
    BOOST_TEST(db.engine.pool().status().checked_out == 0u);
}

BOOST_AUTO_TEST_CASE(nested_savepoints_with_partial_rollback) {
    Db db;
    auto conn = db.engine.connect();
    auto tx = conn.begin();
    insert(conn, 1);
    auto sp1 = conn.begin_nested();
    BOOST_TEST(sp1.nested());
    insert(conn, 2);
    auto sp2 = conn.begin_nested();
    insert(conn, 3);
    sp2.rollback();  // undoes 3 only
    BOOST_TEST(!sp2.is_active());
    BOOST_TEST(sp1.is_active());
    insert(conn, 4);
    sp1.commit();
    tx.commit();
    BOOST_TEST(db.rows() == (Rows{1, 2, 4}));
    BOOST_TEST(db.logged("SAVEPOINT"));
    BOOST_TEST(db.logged("sa_savepoint_1"));
    BOOST_TEST(db.logged("ROLLBACK TO SAVEPOINT"));
    BOOST_TEST(db.logged("sa_savepoint_2"));
    BOOST_TEST(db.logged("RELEASE SAVEPOINT"));
}

BOOST_AUTO_TEST_CASE(outer_rollback_deactivates_inner_savepoints) {
    Db db;
    auto conn = db.engine.connect();
    auto tx = conn.begin();
    insert(conn, 1);
    auto sp = conn.begin_nested();
    insert(conn, 2);
    auto inner = conn.begin_nested();
    sp.rollback();  // rolling back the outer savepoint ends the inner one too
    BOOST_TEST(!inner.is_active());
    BOOST_CHECK_THROW(inner.commit(), sa::InvalidRequestError);
    auto sp3 = conn.begin_nested();
    tx.rollback();
    BOOST_TEST(!sp3.is_active());
    BOOST_TEST(db.rows().empty());
}

BOOST_AUTO_TEST_CASE(savepoint_commit_keeps_work_until_outer_commit) {
    Db db;
    auto conn = db.engine.connect();
    {
        auto tx = conn.begin();
        {
            auto sp = conn.begin_nested();
            insert(conn, 7);
            sp.commit();
        }
        BOOST_TEST(tx.is_active());
        // destroyed without commit: everything goes
    }
    BOOST_TEST(db.rows().empty());
}

BOOST_AUTO_TEST_CASE(begin_nested_autobegins) {
    Db db;
    auto conn = db.engine.connect();
    auto sp = conn.begin_nested();
    BOOST_TEST(conn.in_transaction());
    insert(conn, 1);
    sp.commit();
    conn.commit();
    BOOST_TEST(db.rows() == (Rows{1}));
}

BOOST_AUTO_TEST_CASE(autobegin_and_commit_as_you_go) {
    Db db;
    auto conn = db.engine.connect();
    BOOST_TEST(!conn.in_transaction());
    insert(conn, 1);
    BOOST_TEST(conn.in_transaction());
    BOOST_TEST(db.logged("BEGIN (implicit)"));
    BOOST_TEST(db.rows().empty());  // not committed yet
    conn.commit();
    BOOST_TEST(!conn.in_transaction());
    BOOST_TEST(db.rows() == (Rows{1}));
    insert(conn, 2);
    conn.rollback();
    insert(conn, 3);
    conn.close();  // closing rolls back
    BOOST_TEST(db.rows() == (Rows{1}));
    conn.close();  // idempotent
}

BOOST_AUTO_TEST_CASE(begin_twice_or_after_autobegin_is_an_error) {
    Db db;
    auto conn = db.engine.connect();
    auto tx = conn.begin();
    BOOST_CHECK_THROW(conn.begin(), sa::InvalidRequestError);
    tx.rollback();
    insert(conn, 1);
    BOOST_CHECK_THROW(conn.begin(), sa::InvalidRequestError);
    conn.commit();
    auto tx2 = conn.begin();  // fine once the autobegun one ended
    BOOST_TEST(tx2.is_active());
}

BOOST_AUTO_TEST_CASE(connection_commit_ends_explicit_transaction) {
    Db db;
    auto conn = db.engine.connect();
    auto tx = conn.begin();
    insert(conn, 1);
    conn.commit();
    BOOST_TEST(!tx.is_active());
    BOOST_TEST(db.rows() == (Rows{1}));
}

BOOST_AUTO_TEST_CASE(failed_statement_inside_transaction_leaves_database_unchanged) {
    Db db;
    BOOST_CHECK_THROW(db.engine.transaction([](sa::Connection& c) {
        insert(c, 1);
        insert(c, 2);
        insert(c, 1);  // UNIQUE violation
    }),
                      sa::IntegrityError);
    BOOST_TEST(db.rows().empty());

    auto conn = db.engine.connect();
    auto tx = conn.begin();
    insert(conn, 10);
    BOOST_CHECK_THROW(conn.execute(sa::text("INSERT INTO t (x) VALUES (:x)"),
                                   std::vector<sa::Params>{{{"x", 11}}, {{"x", 10}}}),
                      sa::IntegrityError);
    BOOST_TEST(tx.is_active());  // the error does not end the transaction by itself
    tx.rollback();
    BOOST_TEST(db.rows().empty());
}

BOOST_AUTO_TEST_CASE(autocommit_engine_commits_every_statement) {
    Db db("AUTOCOMMIT");
    auto conn = db.engine.connect();
    BOOST_TEST(conn.get_isolation_level() == "AUTOCOMMIT");
    insert(conn, 1);
    conn.rollback();  // nothing to undo: the insert already committed
    insert(conn, 2);
    conn.close();
    BOOST_TEST(db.rows() == (Rows{1, 2}));
}

BOOST_AUTO_TEST_CASE(per_connection_isolation_is_reset_on_return) {
    Db db;
    {
        auto conn = db.engine.connect();
        BOOST_TEST(conn.get_isolation_level() == "SERIALIZABLE");
        conn.set_isolation_level("AUTOCOMMIT");
        BOOST_TEST(conn.get_isolation_level() == "AUTOCOMMIT");
        insert(conn, 1);
        BOOST_CHECK_THROW(conn.set_isolation_level("SERIALIZABLE"), sa::InvalidRequestError);  // transaction open
    }
    BOOST_TEST(db.rows() == (Rows{1}));
    BOOST_TEST(db.engine.pool().status().opened_total == 1u);  // the same connection came back...
    auto conn = db.engine.connect();
    BOOST_TEST(conn.get_isolation_level() == "SERIALIZABLE");  // ...reset to the default
    BOOST_CHECK_THROW(conn.set_isolation_level("CHAOS"), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(closed_connection_and_its_transaction_refuse_use) {
    Db db;
    auto conn = db.engine.connect();
    auto tx = conn.begin();
    insert(conn, 1);
    conn.close();
    BOOST_TEST(conn.closed());
    BOOST_TEST(!tx.is_active());
    BOOST_CHECK_THROW(insert(conn, 2), sa::ResourceClosedError);
    BOOST_CHECK_THROW(conn.begin(), sa::ResourceClosedError);
    BOOST_CHECK_THROW(conn.commit(), sa::ResourceClosedError);
    BOOST_CHECK_THROW(tx.commit(), sa::InvalidRequestError);
    BOOST_TEST(db.rows().empty());

    auto moved_from = db.engine.connect();
    sa::Connection target = std::move(moved_from);
    BOOST_CHECK_THROW(insert(moved_from, 3), sa::ResourceClosedError);
    insert(target, 3);
    target.commit();
    BOOST_TEST(db.rows() == (Rows{3}));
}
