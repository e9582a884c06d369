// Fault tests for the PostgreSQL plugin: a private throwaway cluster (scripts/pg-test-cluster)
// is stopped and started again on the same port with pg_ctl while connections are checked out
// or in the middle of a transaction, and backends are terminated mid-transaction.
//
// What must hold: a statement on a connection whose server went away raises OperationalError
// and the connection is invalidated; that first disconnect invalidates every pooled connection
// opened before it, so after a restart (or after its backends were terminated) only one
// statement fails, not one per idle connection; the pool hands out working connections once
// the server is back (with and without pre-ping); an interrupted transaction leaves no partial
// rows.
// Skipped, with the reason, when the script or the PostgreSQL server binaries are missing.
#define BOOST_TEST_MODULE test_pg_faults
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace sa = athanor;
namespace fs = std::filesystem;
using sa::text;
using sa::Value;

namespace {


/// The newest /usr/lib/postgresql/<version>/bin holding pg_ctl, as the script finds it.
std::optional<fs::path> pg_bindir() {
    std::optional<fs::path> best;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        const auto bin = entry.path() / "bin";
        if (fs::exists(bin / "pg_ctl") && (!best || bin.string() > best->string())) best = bin;
    }
    return best;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// A private cluster for this test program: started on first use, stopped at exit.
class Cluster {
public:
    static Cluster& instance() {
        static Cluster cluster;
        return cluster;
    }
    /// Why the tests cannot run, or "" when they can.
    const std::string& unavailable() const { return unavailable_; }
    const std::string& url() const { return vars_.at("ATHANOR_TEST_PG_URL"); }
    const std::string& superuser_url() const { return vars_.at("ATHANOR_TEST_PG_SUPERUSER_URL"); }

    void stop() { run_pg_ctl("-m fast -w stop"); }
    void start() { run_pg_ctl("-l " + shell_quote(vars_.at("ATHANOR_PG_DIR") + "/server.log") + " -w -t 60 start"); }

    ~Cluster() {
        if (unavailable_.empty()) std::system((shell_quote(script_.string()) + " stop " + shell_quote(state_.string())).c_str());
    }

private:
    Cluster() {
        script_ = fs::path(ATHANOR_SOURCE_DIR) / "scripts" / "pg-test-cluster";
        const auto bindir = pg_bindir();
        if (!fs::exists(script_)) {
            unavailable_ = "scripts/pg-test-cluster not found at " + script_.string();
            return;
        }
        if (!bindir) {
            unavailable_ = "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/pg_ctl); apt-get install postgresql";
            return;
        }
        pg_ctl_ = *bindir / "pg_ctl";
        state_ = fs::temp_directory_path() / ("athanor_pg_faults_" + std::to_string(::getpid()) + ".state");
        const std::string cmd = shell_quote(script_.string()) + " start " + shell_quote(state_.string()) + " >/dev/null";
        if (std::system(cmd.c_str()) != 0) {
            unavailable_ = "scripts/pg-test-cluster start failed (see its messages above)";
            return;
        }
        std::ifstream in(state_);
        std::string line;
        while (std::getline(in, line)) {  // KEY='value'
            const auto eq = line.find('=');
            if (eq == std::string::npos || line.size() < eq + 3) continue;
            vars_[line.substr(0, eq)] = line.substr(eq + 2, line.size() - eq - 3);
        }
        if (!vars_.count("ATHANOR_TEST_PG_URL") || !vars_.count("ATHANOR_PG_DIR"))
            unavailable_ = "the state file " + state_.string() + " lacks the URL or the data folder";
    }

    void run_pg_ctl(const std::string& args) {
        // The server refuses root; as root the cluster belongs to postgres, as the script does it.
        const std::string as_owner = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
        const std::string cmd = as_owner + shell_quote(pg_ctl_.string()) + " -D " +
                                shell_quote(vars_.at("ATHANOR_PG_DIR") + "/data") + " " + args + " >/dev/null";
        BOOST_TEST_REQUIRE(std::system(cmd.c_str()) == 0, "pg_ctl " << args);
    }

    fs::path script_, pg_ctl_, state_;
    std::map<std::string, std::string> vars_;
    std::string unavailable_;
};

// A plain function, not an empty functor: GCC 12 warns (falsely) about copying an empty
// functor into boost::function at -O2.
boost::test_tools::assertion_result have_cluster(boost::unit_test::test_unit_id) {
    const auto& reason = Cluster::instance().unavailable();
    boost::test_tools::assertion_result result(reason.empty());
    result.message() << reason;
    return result;
}

/// Starts the server again if a test failed while it was down.
struct ServerUp {
    bool down = false;
    void stop() {
        Cluster::instance().stop();
        down = true;
    }
    void start() {
        Cluster::instance().start();
        down = false;
    }
    ~ServerUp() {
        if (down) Cluster::instance().start();
    }
};

using athanor::test::expect_error;

std::int64_t scalar_int(sa::Connection& conn, const std::string& sql, const sa::Params& params = {}) {
    return conn.execute(text(sql), params).scalar_one().as_int();
}

std::int64_t count_rows(sa::Engine& engine, const std::string& table) {
    auto conn = engine.connect();
    return scalar_int(conn, "SELECT count(*) FROM " + table);
}

/// Fills the pool with `n` idle connections (all checked out at once, then returned) and
/// returns their backend process ids.
std::vector<std::int64_t> fill_pool(sa::Engine& engine, std::size_t n) {
    std::vector<sa::Connection> conns;
    std::vector<std::int64_t> pids;
    for (std::size_t i = 0; i < n; ++i) {
        conns.push_back(engine.connect());
        pids.push_back(scalar_int(conns.back(), "SELECT pg_backend_pid()"));
        conns.back().commit();
    }
    conns.clear();
    BOOST_TEST_REQUIRE(engine.pool().status().idle == n);
    return pids;
}

/// After the server lost every pooled backend: the first statement fails with a disconnect,
/// and each of the next `n` checkouts (one per remaining idle connection, and one more) runs
/// without an error on a new connection.
void expect_one_failure_then_recovery(sa::Engine& engine, std::size_t n, const std::vector<std::int64_t>& old_pids) {
    const auto before = engine.pool().status();
    {
        auto conn = engine.connect();
        auto e = expect_error<sa::OperationalError>([&] { conn.execute(text("SELECT 1")); });
        BOOST_TEST(e.connection_invalidated());
        BOOST_TEST(engine.dialect().is_disconnect(e));
    }
    for (std::size_t i = 0; i < n; ++i) {
        auto conn = engine.connect();
        std::int64_t pid = 0;
        BOOST_CHECK_NO_THROW(pid = scalar_int(conn, "SELECT pg_backend_pid()"));
        BOOST_TEST((std::find(old_pids.begin(), old_pids.end(), pid) == old_pids.end()), "backend " << pid);
    }
    const auto after = engine.pool().status();
    BOOST_TEST(after.pool_invalidations == before.pool_invalidations + 1);
    BOOST_TEST(after.invalidated_total == before.invalidated_total + n);  // the failed one and n - 1 stale idle ones
    BOOST_TEST(after.opened_total == before.opened_total + n - 1);       // each stale one replaced once
}

void create_table(sa::Engine& engine, const std::string& table) {
    auto conn = engine.connect();
    conn.execute(text("DROP TABLE IF EXISTS " + table));
    conn.execute(text("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, note TEXT)"));
    conn.commit();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(faults, *boost::unit_test::precondition(have_cluster))

BOOST_AUTO_TEST_CASE(server_stopped_while_checked_out_then_pool_recovers) {
    auto& cluster = Cluster::instance();
    auto engine = athanor::test::engine(cluster.url(), {.pool_size = 3});
    ServerUp server;
    {
        // Two idle connections in the pool, one checked out.
        auto a = engine.connect();
        auto b = engine.connect();
        BOOST_TEST(scalar_int(a, "SELECT 1") == 1);
        BOOST_TEST(scalar_int(b, "SELECT 2") == 2);
    }
    auto held = engine.connect();
    BOOST_TEST(scalar_int(held, "SELECT 3") == 3);
    held.commit();
    BOOST_TEST(engine.pool().status().idle == 1u);

    server.stop();
    auto e = expect_error<sa::OperationalError>([&] { held.execute(text("SELECT 4")); });
    BOOST_TEST(e.connection_invalidated());
    BOOST_TEST(engine.dialect().is_disconnect(e));
    held.close();
    // While the server is down a new connection is refused with an OperationalError naming it.
    auto fresh_engine = athanor::test::engine(cluster.url());
    auto refused = expect_error<sa::OperationalError>([&] { fresh_engine.connect(); });
    BOOST_TEST(std::string(refused.what()).find("127.0.0.1") != std::string::npos);

    server.start();
    // The idle connection predates the restart, and the held one's disconnect invalidated
    // every connection opened before it: the checkout replaces it untried, so nothing fails.
    std::size_t failures = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        try {
            auto conn = engine.connect();
            BOOST_TEST(scalar_int(conn, "SELECT 5") == 5);
            break;
        } catch (const sa::OperationalError& stale) {
            BOOST_TEST(stale.connection_invalidated());
            ++failures;
        }
    }
    BOOST_TEST(failures == 0u);
    auto again = engine.connect();
    BOOST_TEST(scalar_int(again, "SELECT 6") == 6);
    BOOST_TEST(engine.pool().status().invalidated_total >= 1u);
}

BOOST_AUTO_TEST_CASE(a_restart_costs_one_failed_statement_not_one_per_idle_connection) {
    auto& cluster = Cluster::instance();
    auto engine = athanor::test::engine(cluster.url(), {.pool_size = 5});
    ServerUp server;
    const auto pids = fill_pool(engine, 5);
    server.stop();
    server.start();
    expect_one_failure_then_recovery(engine, 5, pids);
}

BOOST_AUTO_TEST_CASE(terminated_backends_cost_one_failed_statement_not_one_per_idle_connection) {
    // The same without a restart: a superuser terminates every backend of the pool.
    auto& cluster = Cluster::instance();
    auto engine = athanor::test::engine(cluster.url(), {.pool_size = 5});
    auto admin = athanor::test::engine(cluster.superuser_url());
    const auto pids = fill_pool(engine, 5);
    {
        auto killer = admin.connect();
        for (const auto pid : pids)
            BOOST_TEST(killer.execute(text("SELECT pg_terminate_backend(:p, 5000)"), {{"p", pid}}).scalar_one().as_bool());
    }
    expect_one_failure_then_recovery(engine, 5, pids);
}

BOOST_AUTO_TEST_CASE(pre_ping_replaces_connections_from_before_a_restart) {
    auto& cluster = Cluster::instance();
    auto engine = athanor::test::engine(cluster.url(), {.pool_size = 2, .pool_pre_ping = true});
    ServerUp server;
    std::int64_t old_pid = 0;
    {
        auto conn = engine.connect();
        old_pid = scalar_int(conn, "SELECT pg_backend_pid()");
        conn.commit();
    }
    BOOST_TEST(engine.pool().status().idle == 1u);
    server.stop();
    server.start();
    // The checkout pings, finds the connection dead and opens a new one: no error at all.
    auto conn = engine.connect();
    const auto new_pid = scalar_int(conn, "SELECT pg_backend_pid()");
    BOOST_TEST(new_pid != old_pid);
    BOOST_TEST(engine.pool().status().invalidated_total == 1u);
}

BOOST_AUTO_TEST_CASE(terminated_backend_mid_transaction_leaves_no_partial_rows) {
    auto& cluster = Cluster::instance();
    auto engine = athanor::test::engine(cluster.url());
    auto admin = athanor::test::engine(cluster.superuser_url());
    const std::string table = "faults_terminated";
    create_table(engine, table);
    {
        auto conn = engine.connect();
        const auto pid = scalar_int(conn, "SELECT pg_backend_pid()");
        for (int i = 1; i <= 3; ++i)
            conn.execute(text("INSERT INTO " + table + " VALUES (:id, 'partial')"), {{"id", i}});
        {
            auto killer = admin.connect();
            BOOST_TEST(killer.execute(text("SELECT pg_terminate_backend(:p, 5000)"), {{"p", pid}}).scalar_one().as_bool());
        }
        auto e = expect_error<sa::OperationalError>(
            [&] { conn.execute(text("INSERT INTO " + table + " VALUES (4, 'partial')")); });
        BOOST_TEST(e.connection_invalidated());
        // The transaction is gone with the connection: nothing runs until it is rolled back.
        BOOST_CHECK_THROW(conn.execute(text("SELECT 1")), sa::InvalidRequestError);
        conn.rollback();
        BOOST_TEST(scalar_int(conn, "SELECT 1") == 1);  // a new connection from the pool
    }
    BOOST_TEST(count_rows(engine, table) == 0);
    // executemany interrupted the same way: nothing of the batch survives either.
    {
        auto conn = engine.connect();
        const auto pid = scalar_int(conn, "SELECT pg_backend_pid()");
        std::vector<sa::Params> rows;
        for (int i = 1; i <= 500; ++i) rows.push_back({{"id", i}});
        conn.execute(text("INSERT INTO " + table + " VALUES (:id, 'batch')"), rows);
        {
            auto killer = admin.connect();
            killer.execute(text("SELECT pg_terminate_backend(:p, 5000)"), {{"p", pid}});
        }
        BOOST_CHECK_THROW(conn.commit(), sa::DBAPIError);
    }
    BOOST_TEST(count_rows(engine, table) == 0);
}

BOOST_AUTO_TEST_CASE(server_stop_mid_transaction_leaves_no_partial_rows) {
    auto& cluster = Cluster::instance();
    auto engine = athanor::test::engine(cluster.url());
    const std::string table = "faults_stopped";
    create_table(engine, table);
    ServerUp server;
    {
        auto conn = engine.connect();
        conn.execute(text("INSERT INTO " + table + " VALUES (1, 'committed')"));
        conn.commit();
        std::vector<sa::Params> rows;
        for (int i = 2; i <= 200; ++i) rows.push_back({{"id", i}});
        conn.execute(text("INSERT INTO " + table + " VALUES (:id, 'partial')"), rows);
        server.stop();
        auto e = expect_error<sa::OperationalError>([&] { conn.commit(); });
        BOOST_TEST(engine.dialect().is_disconnect(e));
    }
    server.start();
    auto check = athanor::test::engine(cluster.url());
    BOOST_TEST(count_rows(check, table) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
