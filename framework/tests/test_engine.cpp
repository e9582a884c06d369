// Engine: create_engine() against the SQLite plugin, option checks, echo logging (parameters
// shown and hidden, password masked), the compiled-statement cache and error decoration.
#define BOOST_TEST_MODULE test_engine
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/text.hpp>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace sa = athanor;
namespace fs = std::filesystem;

namespace {

using athanor::test::registry;

fs::path make_temp_dir() {
    std::string pattern = (fs::temp_directory_path() / "athanor_engine_XXXXXX").string();
    BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    return pattern;
}

struct Captured {
    std::vector<std::string> lines;
    sa::LogSink sink() {
        return [this](std::string_view line) { lines.emplace_back(line); };
    }
    bool contains(std::string_view text) const {
        for (const auto& l : lines)
            if (l.find(text) != std::string::npos) return true;
        return false;
    }
    std::string all() const {
        std::string out;
        for (const auto& l : lines) out += l + "\n";
        return out;
    }
};

sa::EngineOptions options() {
    sa::EngineOptions o;
    o.registry = &registry();
    return o;
}

}  // namespace

BOOST_AUTO_TEST_CASE(memory_url_gives_single_connection_engine) {
    auto engine = sa::create_engine("sqlite://", options());
    BOOST_TEST(engine.dialect().name() == "sqlite");
    BOOST_TEST(engine.plugin().name == "sqlite");
    BOOST_TEST(engine.pool().settings().single);
    BOOST_TEST(engine.pool().status().opened_total == 0u);  // nothing opened before first use
    auto conn = engine.connect();
    BOOST_TEST(conn.execute(sa::text("SELECT 1 + 1")).scalar_one().get<int>() == 2);
    BOOST_TEST(engine.pool().status().checked_out == 1u);
}

BOOST_AUTO_TEST_CASE(file_url_gives_queue_pool_and_copies_share_state) {
    auto dir = make_temp_dir();
    auto engine = sa::create_engine("sqlite:///" + (dir / "a.db").string(), options());
    BOOST_TEST(!engine.pool().settings().single);
    BOOST_TEST(engine.pool().settings().pool_size == 5u);
    sa::Engine copy = engine;
    {
        auto conn = copy.connect();
        conn.execute(sa::text("CREATE TABLE t (x INTEGER)"));
        conn.commit();
    }
    BOOST_TEST(&copy.pool() == &engine.pool());
    BOOST_TEST(engine.pool().status().idle == 1u);
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_connection_names_its_dialect_plugin_and_engine) {
    auto dir = make_temp_dir();
    auto engine = sa::create_engine("sqlite:///" + (dir / "d.db").string(), options());
    auto conn = engine.connect();
    BOOST_TEST(&conn.dialect() == &engine.dialect());
    BOOST_TEST(conn.dialect().description() == "sqlite+sqlite3");
    BOOST_TEST(&conn.plugin() == &engine.plugin());
    BOOST_TEST(conn.plugin().has_capability("savepoints"));
    BOOST_TEST(!conn.plugin().has_capability("no_such_capability"));
    // The Engine it returns shares the pool: a second connection through it is counted there.
    sa::Engine same = conn.engine();
    BOOST_TEST(&same.pool() == &engine.pool());
    {
        auto other = same.connect();
        BOOST_TEST(engine.pool().status().checked_out == 2u);
    }
    // After close the dialect is still known; a moved-from Connection has none.
    conn.close();
    BOOST_TEST(conn.dialect().name() == "sqlite");
    sa::Connection moved = std::move(conn);
    BOOST_CHECK_THROW(conn.dialect(), sa::ResourceClosedError);   // NOLINT(bugprone-use-after-move)
    BOOST_CHECK_THROW(conn.engine(), sa::ResourceClosedError);    // NOLINT(bugprone-use-after-move)
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(bad_options_and_urls_are_rejected) {
    auto o = options();
    o.pool_size = 0;
    o.max_overflow = 0;
    BOOST_CHECK_THROW(sa::create_engine("sqlite://", o), sa::ArgumentError);

    auto iso = options();
    iso.isolation_level = "NOT A LEVEL";
    try {
        sa::create_engine("sqlite://", iso);
        BOOST_FAIL("an invalid isolation level was accepted");
    } catch (const sa::ArgumentError& e) {
        BOOST_TEST(std::string(e.what()).find("SERIALIZABLE") != std::string::npos);
    }
    BOOST_CHECK_THROW(sa::create_engine("nosuchdb://host/db", options()), sa::NoSuchModuleError);
    BOOST_CHECK_THROW(sa::create_engine("not a url", options()), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(echo_logs_statements_with_parameters_shown) {
    Captured log;
    auto o = options();
    o.echo = true;
    o.hide_parameters = false;
    o.log_sink = log.sink();
    auto engine = sa::create_engine("sqlite://", o);
    auto conn = engine.connect();
    conn.execute(sa::text("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)"));
    conn.execute(sa::text("INSERT INTO users (name) VALUES (:name)"), {{"name", "Alex"}});
    conn.execute(sa::text("INSERT INTO users (name) VALUES (:name)"), {{"name", "Bob"}});
    conn.commit();
    BOOST_TEST_INFO(log.all());
    for (const auto& line : log.lines) BOOST_TEST(line.rfind("[athanor.engine] ", 0) == 0u);
    BOOST_TEST(log.contains("[athanor.engine] BEGIN (implicit)"));
    BOOST_TEST(log.contains("[athanor.engine] INSERT INTO users (name) VALUES (?)"));
    BOOST_TEST(log.contains("[generated] ('Alex')"));
    BOOST_TEST(log.contains("[cached] ('Bob')"));
    BOOST_TEST(log.contains("[athanor.engine] COMMIT"));
}

BOOST_AUTO_TEST_CASE(echo_hides_parameters_by_default) {
    Captured log;
    auto o = options();
    o.echo = true;  // hide_parameters defaults to true
    o.log_sink = log.sink();
    auto engine = sa::create_engine("sqlite://", o);
    auto conn = engine.connect();
    conn.execute(sa::text("CREATE TABLE s (secret TEXT)"));
    conn.execute(sa::text("INSERT INTO s VALUES (:secret)"), {{"secret", "hunter2"}});
    conn.execute(sa::text("INSERT INTO s VALUES (:secret)"),
                 std::vector<sa::Params>{{{"secret", "pw1"}}, {{"secret", "pw2"}}});
    conn.rollback();
    BOOST_TEST_INFO(log.all());
    BOOST_TEST(log.contains("[parameters hidden]"));
    BOOST_TEST(!log.contains("hunter2"));
    BOOST_TEST(!log.contains("pw1"));
    BOOST_TEST(log.contains("[athanor.engine] ROLLBACK"));
}

BOOST_AUTO_TEST_CASE(echo_and_errors_mask_the_password) {
    Captured log;
    auto o = options();
    o.echo = true;
    o.log_sink = log.sink();
    // SQLite takes no credentials, so connecting fails; neither the log nor the error shows them.
    auto engine = sa::create_engine("sqlite://scott:tiger@/", o);
    BOOST_TEST_INFO(log.all());
    BOOST_TEST(log.contains("scott:***@"));
    BOOST_TEST(!log.contains("tiger"));
    try {
        engine.connect();
        BOOST_FAIL("a SQLite URL with a password was accepted");
    } catch (const sa::Error& e) {
        BOOST_TEST(std::string(e.what()).find("tiger") == std::string::npos);
    }
    BOOST_TEST(engine.pool().status().checked_out == 0u);  // the failed open gave its slot back
}

BOOST_AUTO_TEST_CASE(echo_line_masks_passwords_given_as_query_keys) {
    Captured log;
    auto o = options();
    o.echo = true;
    o.log_sink = log.sink();
    // The "Engine created" line prints the URL; query-key passwords are masked there as well.
    auto engine = sa::create_engine(
        "sqlite:///never_opened.db?password=tiger1&SSLPASSWORD=tiger2&pwd=tiger3&odbc_connect=DSN%3Dd%3BPWD%3D%7Btiger4%7D",
        o);
    BOOST_TEST_INFO(log.all());
    BOOST_TEST(log.contains("Engine created for sqlite:///never_opened.db?password=***&SSLPASSWORD=***&pwd=***&"
                            "odbc_connect=DSN%3Dd%3BPWD%3D***"));
    BOOST_TEST(!log.contains("tiger"));
}

BOOST_AUTO_TEST_CASE(no_echo_means_no_log_lines) {
    Captured log;
    auto o = options();
    o.log_sink = log.sink();
    auto engine = sa::create_engine("sqlite://", o);
    engine.connect().execute(sa::text("SELECT 1"));
    BOOST_TEST(log.lines.empty());
}

BOOST_AUTO_TEST_CASE(compiled_cache_counts_hits_and_evicts_least_recently_used) {
    auto o = options();
    o.compiled_cache_size = 2;
    auto engine = sa::create_engine("sqlite://", o);
    auto conn = engine.connect();
    auto a = sa::text("SELECT 1");
    conn.execute(a);
    conn.execute(a);
    conn.execute(sa::text("SELECT 1"));  // a different object with the same structure: a hit
    auto stats = engine.cache_stats();
    BOOST_TEST(stats.hits == 2u);
    BOOST_TEST(stats.misses == 1u);
    BOOST_TEST(stats.size == 1u);

    conn.execute(sa::text("SELECT 2"));
    conn.execute(sa::text("SELECT 1"));  // refresh "SELECT 1"; "SELECT 2" is now the oldest
    conn.execute(sa::text("SELECT 3"));  // evicts "SELECT 2"
    BOOST_TEST(engine.cache_stats().size == 2u);
    const auto before = engine.cache_stats();
    conn.execute(sa::text("SELECT 1"));
    BOOST_TEST(engine.cache_stats().hits == before.hits + 1);
    conn.execute(sa::text("SELECT 2"));
    BOOST_TEST(engine.cache_stats().misses == before.misses + 1);
}

BOOST_AUTO_TEST_CASE(cache_size_zero_disables_the_cache) {
    auto o = options();
    o.compiled_cache_size = 0;
    auto engine = sa::create_engine("sqlite://", o);
    auto conn = engine.connect();
    conn.execute(sa::text("SELECT 1"));
    conn.execute(sa::text("SELECT 1"));
    BOOST_TEST(engine.cache_stats().hits == 0u);
    BOOST_TEST(engine.cache_stats().size == 0u);
}

BOOST_AUTO_TEST_CASE(driver_errors_carry_statement_and_masked_parameters) {
    auto engine = sa::create_engine("sqlite://", options());
    auto conn = engine.connect();
    conn.execute(sa::text("CREATE TABLE u (id INTEGER PRIMARY KEY)"));
    conn.execute(sa::text("INSERT INTO u (id) VALUES (:id)"), {{"id", 7}});
    try {
        conn.execute(sa::text("INSERT INTO u (id) VALUES (:id)"), {{"id", 7}});
        BOOST_FAIL("duplicate key accepted");
    } catch (const sa::IntegrityError& e) {
        BOOST_TEST(e.statement() == "INSERT INTO u (id) VALUES (?)");
        BOOST_REQUIRE(e.params().size() == 1u);
        BOOST_TEST(e.params()[0].get<int>() == 7);
        BOOST_TEST(std::string(e.what()).find("INSERT INTO u") != std::string::npos);
        BOOST_TEST(!e.connection_invalidated());
    }
    try {
        conn.execute(sa::text("SELEC nonsense"));
        BOOST_FAIL("bad SQL accepted");
    } catch (const sa::DBAPIError& e) {
        BOOST_TEST(e.statement() == "SELEC nonsense");
    }
    // A missing bind value is the caller's mistake, reported before anything runs.
    BOOST_CHECK_THROW(conn.execute(sa::text("SELECT :x")), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(engine_transaction_commits_and_dispose_reopens) {
    auto dir = make_temp_dir();
    auto engine = sa::create_engine("sqlite:///" + (dir / "t.db").string(), options());
    engine.transaction([](sa::Connection& c) {
        c.execute(sa::text("CREATE TABLE t (x INTEGER)"));
        c.execute(sa::text("INSERT INTO t VALUES (1)"));
    });
    BOOST_TEST(engine.pool().status().opened_total == 1u);
    engine.dispose();
    BOOST_TEST(engine.pool().status().idle == 0u);
    BOOST_TEST(engine.connect().execute(sa::text("SELECT count(*) FROM t")).scalar().get<int>() == 1);
    BOOST_TEST(engine.pool().status().opened_total == 2u);
    fs::remove_all(dir);
}
