// Tests of the ODBC transport (sdk/odbc) through the public API: sqlite+odbc (Debian's SQLite
// ODBC driver, always) and PostgreSQL through psqlODBC when ATHANOR_TEST_PG_URL names a server
// (scripts/pg-test-cluster start STATE_FILE prints one), through the postgresql_odbc plugin's
// postgresql+odbc:// URLs (user, password, host, port, database; psqlODBC found without
// odbcinst.ini) and, once, a raw ?odbc_connect= string.
#define BOOST_TEST_MODULE test_odbc
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <cmath>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sa = athanor;
namespace fs = std::filesystem;
using sa::text;

namespace {

constexpr const char* psqlodbc_driver = "/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so";

using athanor::test::registry;

sa::Engine make_engine(const std::string& url, sa::EngineOptions options = {}) {
    options.registry = &registry();
    return sa::create_engine(url, std::move(options));
}

std::string percent_encode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

/// A fresh database file path (optionally with awkward characters), removed at the end.
struct TempDb {
    fs::path path;
    explicit TempDb(const std::string& stem = "db") {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("athanor_test_odbc_" + stem + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db");
        cleanup();
    }
    ~TempDb() { cleanup(); }
    void cleanup() const {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    }
    std::string url(const std::string& query = "") const {
        return "sqlite+odbc:///" + percent_encode(path.string()).replace(0, 3, "/") + (query.empty() ? "" : "?" + query);
    }
};

using athanor::test::expect_error;

using athanor::test::contains;

std::int64_t count_rows(sa::Connection& conn, const std::string& table) {
    return conn.execute(text("SELECT count(*) FROM " + table)).scalar_one().get<std::int64_t>();
}

std::string long_text(std::size_t bytes) {
    const std::string unit = "Grüße, 東京 🚀 ";
    std::string out;
    while (out.size() < bytes) out += unit;
    return out;
}

sa::Bytes long_blob(std::size_t n) {
    sa::Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>((i * 31 + 7) % 256);
    return b;
}

/// The PostgreSQL server of ATHANOR_TEST_PG_URL.
struct PgTarget {
    std::string host, port, user, password, database;
    /// postgresql+odbc://user:pw@host:port/db[?query]
    std::string url(const std::string& query = "") const {
        return "postgresql+odbc://" + percent_encode(user) + ":" + percent_encode(password) + "@" + host + ":" + port +
               "/" + percent_encode(database) + (query.empty() ? "" : "?" + query);
    }
    /// The same server as a psqlODBC connection string, for ?odbc_connect=.
    std::string connect_string(const std::string& extra = "") const {
        return std::string("Driver=") + psqlodbc_driver + ";Server=" + host + ";Port=" + port + ";Database=" +
               database + ";UID=" + user + ";PWD={" + password + "}" + extra;
    }
};

std::optional<PgTarget> pg_target() {
    const auto env = athanor::test::env_url("ATHANOR_TEST_PG_URL");
    if (!env) return std::nullopt;
    const auto url = sa::Url::parse(*env);
    return PgTarget{url.host().value_or("127.0.0.1"), std::to_string(url.port().value_or(5432)),
                    url.username().value_or(""), url.password().value_or(""), url.database().value_or("")};
}

/// An engine on PostgreSQL through psqlODBC: postgresql+odbc://... with `query` added.
sa::Engine pg_engine(const PgTarget& pg, const std::string& query = "") { return make_engine(pg.url(query)); }

/// The server of ATHANOR_TEST_PG_URL, inside the `postgresql` suite (whose HavePgServer
/// precondition reports the suite as skipped when the variable is unset).
std::optional<PgTarget> require_pg() {
    auto target = pg_target();
    BOOST_TEST_REQUIRE(target.has_value());
    return target;
}

/// A table name private to this process, so concurrent runs on the shared server do not collide.
std::string private_name(const std::string& base) { return base + "_" + std::to_string(::getpid()); }

/// Checks that `engine` runs one statement per execute, as the native transports do: a second
/// statement after a `;` is a ProgrammingError before anything runs (the table survives), while
/// a `;` inside a literal, a quoted name or a comment, and trailing `;`s, are fine.
/// `stacked` and `single` add flavour-specific cases (`T` stands for the table's name).
void check_one_statement_per_execute(sa::Engine& engine, const std::string& table, std::vector<std::string> stacked,
                                     std::vector<std::string> single) {
    auto named = [&](std::string sql) {
        for (std::size_t pos = sql.find("T!"); pos != std::string::npos; pos = sql.find("T!", pos))
            sql.replace(pos, 2, table);
        return sql;
    };
    auto conn = engine.connect();
    conn.execute(text("DROP TABLE IF EXISTS " + table));
    conn.execute(text("CREATE TABLE " + table + " (x INTEGER)"));
    conn.execute(text("INSERT INTO " + table + " (x) VALUES (1)"));
    conn.commit();
    stacked.insert(stacked.end(), {
        "SELECT 1; DROP TABLE T!",
        "SELECT 1;DROP TABLE T!;",
        "INSERT INTO T! (x) VALUES (2); DELETE FROM T!",
        "SELECT ';' /* ; */ ; -- a comment\nDROP TABLE T!",
        "SELECT 'it''s' ; DROP TABLE T!",
        "SELECT \"x;\" FROM (SELECT 1 AS \"x;\") AS s; DROP TABLE T!",
        "SELECT '\\'; DROP TABLE T! -- '",  // a backslash escapes nothing in a standard literal
    });
    for (const auto& raw : stacked) {
        const std::string sql = named(raw);
        BOOST_TEST_CONTEXT(sql) {
            auto e = expect_error<sa::ProgrammingError>([&] { conn.exec_driver_sql(sql); });
            BOOST_TEST(contains(e.what(), "one statement"), e.what());
            conn.rollback();
            BOOST_TEST(count_rows(conn, table) == 1);
        }
    }
    std::vector<sa::Params> sets = {{{"x", 5}}, {{"x", 6}}};
    BOOST_CHECK_THROW(conn.execute(text(named("INSERT INTO T! (x) VALUES (:x); DELETE FROM T!")), sets),
                      sa::ProgrammingError);
    conn.rollback();
    BOOST_TEST(count_rows(conn, table) == 1);

    single.insert(single.end(), {
        "SELECT x FROM T!;",
        "SELECT x FROM T! ; ; -- done",
        "SELECT ';' AS a",
        "SELECT x FROM T! -- ; DROP TABLE T!",
        "SELECT x FROM T! /* ; DROP TABLE T! */",
        "SELECT 'a'';DROP TABLE T!' AS a",
        "SELECT \"x;y\" FROM (SELECT 1 AS \"x;y\") AS s",
    });
    for (const auto& raw : single) {
        const std::string sql = named(raw);
        BOOST_TEST_CONTEXT(sql) {
            BOOST_CHECK_NO_THROW(conn.exec_driver_sql(sql).all());
        }
    }
    conn.rollback();
    BOOST_TEST(count_rows(conn, table) == 1);
    conn.execute(text("DROP TABLE " + table));
    conn.commit();
}

/// A TCP listener on 127.0.0.1 that lets clients connect (the kernel completes the handshake
/// from the backlog) and never sends a byte. It closes itself after `lifetime` at the latest,
/// which resets the waiting connections, so a client that ignores its timeout still returns.
class SilentListener {
public:
    explicit SilentListener(std::chrono::seconds lifetime) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        BOOST_TEST_REQUIRE(fd_ >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        BOOST_TEST_REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        BOOST_TEST_REQUIRE(::listen(fd_, 16) == 0);
        socklen_t length = sizeof address;
        BOOST_TEST_REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
        watchdog_ = std::thread([this, lifetime] {
            std::unique_lock<std::mutex> lock(mutex_);
            stop_.wait_for(lock, lifetime, [this] { return stopping_; });
            ::close(fd_);
        });
    }
    ~SilentListener() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        stop_.notify_all();
        watchdog_.join();
    }
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    unsigned port() const { return port_; }

private:
    int fd_ = -1;
    unsigned port_ = 0;
    std::mutex mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;
    std::thread watchdog_;
};

}  // namespace

// ---------------------------------------------------------------- sqlite+odbc ----------------

BOOST_AUTO_TEST_CASE(sqlite_odbc_identity_and_pooling) {
    auto engine = make_engine("sqlite+odbc://");
    BOOST_TEST(engine.dialect().name() == "sqlite");
    BOOST_TEST(engine.dialect().driver() == "odbc");
    BOOST_TEST((engine.dialect().paramstyle() == sa::sdk::Paramstyle::qmark));
    BOOST_TEST((engine.dialect().pool_kind(sa::Url::parse("sqlite+odbc://")) == sa::sdk::PoolKind::single));
    BOOST_TEST((engine.dialect().pool_kind(sa::Url::parse("sqlite+odbc:///x.db")) == sa::sdk::PoolKind::queue));
    auto conn = engine.connect();
    BOOST_TEST(conn.execute(text("SELECT 40 + 2")).scalar_one().as_int() == 42);
    // The in-memory database is one shared connection: a second checkout sees the table.
    conn.execute(text("CREATE TABLE t (x INTEGER)"));
    conn.commit();
    conn.close();
    auto again = engine.connect();
    BOOST_TEST(count_rows(again, "t") == 0);
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_types_round_trip) {
    TempDb db;
    auto engine = make_engine(db.url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (k INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB, f BOOLEAN, "
                      "d DATE, ts TIMESTAMP)"));
    struct Row {
        sa::Value i, r, s, b, f, d, ts;
    };
    const std::vector<Row> rows = {
        {sa::Value(), sa::Value(), sa::Value(), sa::Value(), sa::Value(), sa::Value(), sa::Value()},
        // sqlite3odbc reads REAL through SQLite's text form: 15 significant digits survive.
        {std::numeric_limits<std::int64_t>::min(), 2.71828182845904, std::string("Grüße, 東京, Ωμέγα, 🚀"),
         sa::Bytes{0x00, 0x01, 0x00, 0xff, 0x00}, true, sa::Date{1969, 7, 20},
         sa::DateTime{{2024, 2, 29}, {23, 59, 58, 0, std::nullopt}}},
        {std::numeric_limits<std::int64_t>::max(), -1.5e300, std::string(""), sa::Bytes{0x41}, false,
         sa::Date{2000, 1, 1}, sa::DateTime{{1999, 12, 31}, {0, 0, 1, 0, std::nullopt}}},
        {0, 0.0, long_text(70 * 1024), long_blob(100 * 1024), true, sa::Date{2024, 12, 31},
         sa::DateTime{{2024, 1, 2}, {3, 4, 5, 0, std::nullopt}}},
    };
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& r = rows[k];
        conn.execute(text("INSERT INTO t (k, i, r, s, b, f, d, ts) VALUES (:k, :i, :r, :s, :b, :f, :d, :ts)"),
                     {{"k", k}, {"i", r.i}, {"r", r.r}, {"s", r.s}, {"b", r.b}, {"f", r.f}, {"d", r.d}, {"ts", r.ts}});
    }
    auto got = conn.execute(text("SELECT i, r, s, b, f, d, ts FROM t ORDER BY k")).all();
    BOOST_TEST_REQUIRE(got.size() == rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        BOOST_TEST_CONTEXT("row " << k) {
            BOOST_TEST((got[k][0] == rows[k].i));
            BOOST_TEST((got[k][1] == rows[k].r));
            BOOST_TEST((got[k][2] == rows[k].s));
            BOOST_TEST((got[k][3] == rows[k].b));
            BOOST_TEST((got[k][4] == rows[k].f));
            BOOST_TEST((got[k][5] == rows[k].d));
            BOOST_TEST((got[k][6] == rows[k].ts));
        }
    }
    BOOST_TEST(got[3][2].as_string().size() > 64u * 1024u);
    // Decimals keep every digit (the driver hands them over as text).
    BOOST_TEST(conn.execute(text("SELECT :d"), {{"d", sa::Decimal("-12.3400")}}).scalar_one().as_decimal().str() ==
               "-12.3400");
    // Non-ASCII survives in SQL text, parameters and column names alike.
    auto r = conn.execute(text("SELECT :p AS \"größe\", length(:p) AS n"), {{"p", "東京"}});
    BOOST_TEST((r.keys() == std::vector<std::string>{"größe", "n"}));
    auto one = r.one();
    BOOST_TEST(one[0].as_string() == "東京");
    BOOST_TEST(one[1].as_int() == 2);
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_rowcount) {
    auto engine = make_engine("sqlite+odbc://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)"));
    BOOST_TEST(conn.execute(text("INSERT INTO t (id, x) VALUES (1, 10)")).rowcount() == 1);
    conn.execute(text("INSERT INTO t (id, x) VALUES (2, 20)"));
    BOOST_TEST(conn.execute(text("UPDATE t SET x = x + 1")).rowcount() == 2);
    // SQL_NO_DATA from an UPDATE/DELETE that matched nothing is success with rowcount 0.
    BOOST_TEST(conn.execute(text("UPDATE t SET x = 0 WHERE x > 1000")).rowcount() == 0);
    BOOST_TEST(conn.execute(text("DELETE FROM t WHERE id = 99")).rowcount() == 0);
    BOOST_TEST(conn.execute(text("SELECT * FROM t")).rowcount() == -1);
    BOOST_TEST(conn.execute(text("DELETE FROM t WHERE id = 1")).rowcount() == 1);
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_executemany) {
    auto engine = make_engine("sqlite+odbc://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v)"));
    std::vector<sa::Params> sets;
    for (int i = 1; i <= 2500; ++i) sets.push_back({{"id", i}, {"name", "n" + std::to_string(i)}, {"v", i % 7 == 0 ? sa::Value() : sa::Value(i * 1.5)}});
    BOOST_TEST(conn.execute(text("INSERT INTO t (id, name, v) VALUES (:id, :name, :v)"), sets).rowcount() == 2500);
    BOOST_TEST(count_rows(conn, "t") == 2500);
    BOOST_TEST(conn.execute(text("SELECT name FROM t WHERE id = 2500")).scalar_one().as_string() == "n2500");
    BOOST_TEST(conn.execute(text("SELECT v FROM t WHERE id = 14")).scalar_one().is_null());

    std::vector<sa::Params> updates = {{{"a", 1}}, {{"a", 1000}}, {{"a", 2}}, {{"a", -5}}};
    BOOST_TEST(conn.execute(text("UPDATE t SET name = 'x' WHERE id <= :a"), updates).rowcount() == 1 + 1000 + 2 + 0);

    // Mixed kinds in one column cannot share an array buffer: the set-by-set path runs.
    std::vector<sa::Params> mixed = {{{"id", 5001}, {"v", 1}}, {{"id", 5002}, {"v", "text"}}, {{"id", 5003}, {"v", sa::Bytes{1, 2}}}};
    BOOST_TEST(conn.execute(text("INSERT INTO t (id, v) VALUES (:id, :v)"), mixed).rowcount() == 3);
    BOOST_TEST(conn.execute(text("SELECT v FROM t WHERE id = 5002")).scalar_one().as_string() == "text");

    std::vector<sa::Params> clash = {{{"id", 9000}}, {{"id", 9000}}};
    auto e = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO t (id, name) VALUES (:id, 'dup')"), clash); });
    BOOST_TEST(e.sqlstate() == "23000");
    BOOST_TEST((e.native_code().value() & 0xff) == 19);
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_same_insert_after_the_table_is_recreated_with_another_type) {
    // Two Table objects named alike (a test's table dropped and recreated with x VARCHAR, then
    // x DATETIME) compile to the same INSERT text; the second must still bind through the
    // DATETIME bind processor (ISO text), exactly as a fresh engine would.
    for (const std::size_t cache_size : {std::size_t{0}, std::size_t{500}}) {
        BOOST_TEST_CONTEXT("compiled_cache_size " << cache_size) {
            TempDb db("recreate");
            sa::EngineOptions options;
            options.compiled_cache_size = cache_size;
            auto engine = make_engine(db.url(), options);
            auto conn = engine.connect();
            namespace sql = sa::sql;
            sql::Table strings("cf_types", {sql::Column("id", sa::types::Integer(), sql::primary_key()),
                                            sql::Column("x", sa::types::String(50))});
            conn.execute(text("CREATE TABLE cf_types (id INTEGER NOT NULL PRIMARY KEY, x VARCHAR(50))"));
            conn.execute(strings.insert(), std::vector<sa::Params>{{{"id", 1}, {"x", "ab"}}, {{"id", 2}, {"x", "abc"}}});
            conn.execute(text("DROP TABLE cf_types"));
            sql::Table datetimes("cf_types", {sql::Column("id", sa::types::Integer(), sql::primary_key()),
                                              sql::Column("x", sa::types::DateTime())});
            conn.execute(text("CREATE TABLE cf_types (id INTEGER NOT NULL PRIMARY KEY, x DATETIME)"));
            const sa::DateTime epoch{{1970, 1, 1}, {0, 0, 0, 0, std::nullopt}};
            conn.execute(datetimes.insert(),
                         std::vector<sa::Params>{{{"id", 1}, {"x", sa::DateTime{{2012, 10, 15}, {12, 57, 18, 0, std::nullopt}}}},
                                                 {{"id", 2}, {"x", epoch}}});
            // What a fresh statement stores: the type compiler's ISO text, no driver formatting.
            auto stored = conn.execute(text("SELECT CAST(x AS TEXT), typeof(x) FROM cf_types WHERE id = 2")).one();
            BOOST_TEST(stored[0].as_string() == epoch.iso());
            BOOST_TEST(stored[1].as_string() == "text");
            BOOST_TEST(conn.execute(sql::select(sql::count()).select_from(datetimes).where(datetimes.c("x") > sa::Value(epoch)))
                           .scalar_one()
                           .as_int() == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_errors) {
    auto engine = make_engine("sqlite+odbc://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"));
    conn.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))"));
    conn.execute(text("INSERT INTO parent (id, name) VALUES (1, 'a')"));
    conn.commit();

    auto dup = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO parent (id, name) VALUES (:id, 'b')"), {{"id", 1}}); });
    BOOST_TEST(dup.sqlstate() == "23000");
    BOOST_TEST(contains(dup.driver_message(), "UNIQUE constraint failed"));
    conn.rollback();
    // FKSupport=1 is a default attribute of sqlite+odbc.
    auto fk = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 99)")); });
    BOOST_TEST(contains(fk.driver_message(), "FOREIGN KEY"));
    conn.rollback();
    BOOST_TEST(count_rows(conn, "parent") == 1);

    auto syntax = expect_error<sa::OperationalError>([&] { conn.execute(text("SELEC 1")); });
    BOOST_TEST(syntax.sqlstate() == "HY000");
    BOOST_TEST(contains(syntax.driver_message(), "syntax error"));
    BOOST_TEST(contains(syntax.what(), "SELEC 1"));

    auto count = expect_error<sa::ProgrammingError>([&] { conn.exec_driver_sql("SELECT ?, ?", {1}); });
    BOOST_TEST(contains(count.driver_message(), "expects 2, 1 given"));
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_transactions_and_savepoints) {
    TempDb db;
    {
        auto engine = make_engine(db.url());
        engine.transaction([](sa::Connection& conn) {
            conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"));
            conn.execute(text("INSERT INTO t (name) VALUES ('kept')"));
        });
        auto conn = engine.connect();
        conn.execute(text("INSERT INTO t (name) VALUES ('rolled back')"));
        conn.rollback();

        auto tx = conn.begin();
        conn.execute(text("INSERT INTO t (name) VALUES ('outer')"));
        {
            auto sp = conn.begin_nested();
            conn.execute(text("INSERT INTO t (name) VALUES ('inner')"));
            sp.rollback();
        }
        {
            auto sp = conn.begin_nested();
            conn.execute(text("INSERT INTO t (name) VALUES ('inner kept')"));
            sp.commit();
        }
        tx.commit();
        engine.dispose();
    }
    // A second engine (a new ODBC connection to the same file) sees only committed rows.
    auto engine = make_engine(db.url());
    auto conn = engine.connect();
    auto names = conn.execute(text("SELECT name FROM t ORDER BY id")).scalars_as<std::string>();
    BOOST_TEST((names == std::vector<std::string>{"kept", "outer", "inner kept"}));
    conn.commit();  // release the read lock before another connection writes

    auto autocommit = make_engine(db.url(), {.isolation_level = "AUTOCOMMIT"});
    auto ac = autocommit.connect();
    ac.execute(text("INSERT INTO t (name) VALUES ('auto')"));
    ac.rollback();  // nothing to roll back: the row is committed
    BOOST_TEST(count_rows(conn, "t") == 4);
    BOOST_CHECK_THROW(make_engine(db.url(), {.isolation_level = "READ COMMITTED"}).connect(), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_connection_strings) {
    // A path with blanks, '=' and non-ASCII reaches the driver intact.
    TempDb awkward("we ird=x_größe");
    {
        auto engine = make_engine(awkward.url());
        engine.transaction([](sa::Connection& conn) { conn.execute(text("CREATE TABLE t (x INTEGER)")); });
        engine.dispose();
    }
    BOOST_TEST(fs::exists(awkward.path));

    // Other query keys are driver attributes; odbc_connect is used verbatim.
    TempDb plain;
    const std::string raw = "Driver=/usr/lib/x86_64-linux-gnu/odbc/libsqlite3odbc.so;Database=" + plain.path.string();
    auto verbatim = make_engine("sqlite+odbc://?odbc_connect=" + percent_encode(raw));
    verbatim.transaction([](sa::Connection& conn) { conn.execute(text("CREATE TABLE v (x INTEGER)")); });
    verbatim.dispose();
    BOOST_TEST(fs::exists(plain.path));

    // sqlite3odbc reads its connection string without {} quoting, so ';' cannot be passed.
    auto semicolon = make_engine("sqlite+odbc:///a%3Bb.db");
    auto bad_path = expect_error<sa::ArgumentError>([&] { semicolon.connect(); });
    BOOST_TEST(contains(bad_path.what(), "a;b.db"));

    // A NUL (%00) would end the path early in the driver's C string: refused, nothing created.
    TempDb nul_target("before");
    auto nul = make_engine("sqlite+odbc:///" + percent_encode(nul_target.path.string()) + "%00after.db");
    auto nul_error = expect_error<sa::ArgumentError>([&] { nul.connect(); });
    BOOST_TEST(contains(nul_error.what(), "NUL"));
    BOOST_TEST(!fs::exists(nul_target.path));

    // The database is a file name, never a SQLite URI: file:<path> does not open <path>.
    TempDb uri_target;
    {
        auto engine = make_engine(uri_target.url());
        engine.transaction([](sa::Connection& conn) { conn.execute(text("CREATE TABLE secret (x INTEGER)")); });
        engine.dispose();
    }
    auto as_uri = make_engine("sqlite+odbc:///file:" + percent_encode(uri_target.path.string()));
    bool opened_target = false;
    try {
        auto conn = as_uri.connect();
        opened_target = conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'secret'"))
                            .scalar_one().as_int() == 1;
    } catch (const sa::DBAPIError&) {
        // ./file:/... does not exist: refusing to open it is right too.
    }
    BOOST_TEST(!opened_target);

    // No server in a SQLite URL.
    auto server = make_engine("sqlite+odbc://user:pw@host/db");
    BOOST_CHECK_THROW(server.connect(), sa::ArgumentError);

    // A driver that cannot be loaded: the driver manager's error, password never shown.
    auto missing = make_engine("sqlite+odbc://?odbc_connect=" +
                               percent_encode("Driver=/nonexistent/libnothing.so;UID=scott;PWD=hunter2-secret"));
    auto e = expect_error<sa::InterfaceError>([&] { missing.connect(); });
    BOOST_TEST(e.sqlstate() == "01000");  // unixODBC: "Can't open lib ... : file not found"
    BOOST_TEST(!contains(e.what(), "hunter2-secret"));
    BOOST_TEST(contains(e.what(), "PWD=***"));
    BOOST_TEST(contains(e.what(), "libnothing.so"));

    // The password is masked where it was put (the connection string), not searched for in the
    // driver's text: a one-letter password leaves the message intact.
    auto short_secret = make_engine("sqlite+odbc://?odbc_connect=" +
                                    percent_encode("Driver=/nonexistent/libnothing.so;UID=scott;PWD=i"));
    auto s1 = expect_error<sa::InterfaceError>([&] { short_secret.connect(); });
    BOOST_TEST(contains(s1.what(), "PWD=***"), s1.what());
    BOOST_TEST(contains(s1.what(), "/nonexistent/libnothing.so"), s1.what());
    BOOST_TEST(contains(s1.what(), "file not found"), s1.what());
    BOOST_TEST(!contains(s1.what(), "PWD=i"), s1.what());

    auto dsn = make_engine("sqlite+odbc://scott:hunter2-secret@/?dsn=athanor_no_such_dsn");
    auto d = expect_error<sa::InterfaceError>([&] { dsn.connect(); });
    BOOST_TEST(d.sqlstate() == "IM002");
    BOOST_TEST(!contains(d.what(), "hunter2-secret"));
    BOOST_TEST(contains(d.what(), "athanor_no_such_dsn"));
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_ping_and_closed_connection) {
    TempDb db("ping");
    auto engine = make_engine(db.url());
    // A driver connection of its own (not the pool's), so closing it is this test's business.
    auto driver = engine.dialect().connect(sa::Url::parse(db.url()));
    BOOST_TEST(driver->ping());
    BOOST_TEST(!driver->closed());
    BOOST_TEST(!driver->autocommit());
    auto cursor = driver->cursor();
    cursor->execute("SELECT 1 AS a, 'x' AS b", {});
    BOOST_TEST(cursor->description().size() == 2u);
    BOOST_TEST(!cursor->lastrowid().has_value());

    driver->close();
    BOOST_TEST(driver->closed());
    BOOST_TEST(!driver->ping());
    BOOST_CHECK_NO_THROW(driver->close());  // closing again is harmless
    // Everything else says the connection is closed (SQLSTATE 08003), the old cursor included.
    auto reuse = expect_error<sa::InterfaceError>([&] { cursor->execute("SELECT 1", {}); });
    BOOST_TEST(reuse.sqlstate() == "08003");
    BOOST_TEST(contains(reuse.what(), "closed"));
    auto fresh = expect_error<sa::InterfaceError>([&] { driver->cursor(); });
    BOOST_TEST(fresh.sqlstate() == "08003");
    BOOST_CHECK_THROW(driver->commit(), sa::InterfaceError);
    BOOST_CHECK_THROW(driver->rollback(), sa::InterfaceError);
    cursor.reset();  // after close: must not free a statement SQLDisconnect already freed
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_one_statement_per_execute) {
    TempDb db("stacked");
    auto engine = make_engine(db.url());
    check_one_statement_per_execute(engine, "stacked",
                                    {"SELECT 1 /* /* */ ; DROP TABLE T!",  // SQLite comments do not nest
                                     "SELECT [a;] FROM (SELECT 1 AS [a;]); DROP TABLE T!"},
                                    {});
    // sqlite3odbc's own scan knows only '' and "" quotes: a `;` in a [name], a `name` or a
    // comment before the end trips it as well. That refusal is a ProgrammingError too.
    auto conn = engine.connect();
    for (const char* sql : {"SELECT [x;y] FROM (SELECT 1 AS [x;y])", "SELECT `x;y` FROM (SELECT 1 AS `x;y`)",
                            "SELECT 1 /* ; */ AS a"}) {
        BOOST_TEST_CONTEXT(sql) {
            auto e = expect_error<sa::ProgrammingError>([&] { conn.exec_driver_sql(sql); });
            BOOST_TEST(contains(e.what(), "only one SQL statement allowed"), e.what());
        }
    }
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_values_are_stored_and_read_exactly_or_refused) {
    TempDb db("values");
    auto engine = make_engine(db.url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE v (k INTEGER PRIMARY KEY, i BIGINT, r REAL, s TEXT)"));
    conn.commit();

    // An embedded NUL: the driver would cut the text there, so it is refused, never cut.
    const std::string nul("a\0b", 3);
    auto e = expect_error<sa::DataError>(
        [&] { conn.execute(text("INSERT INTO v (k, s) VALUES (1, :s)"), {{"s", nul}}); });
    BOOST_TEST(contains(e.what(), "NUL"), e.what());
    std::vector<sa::Params> sets = {{{"k", 2}, {"s", "fine"}}, {{"k", 3}, {"s", nul}}};
    BOOST_CHECK_THROW(conn.execute(text("INSERT INTO v (k, s) VALUES (:k, :s)"), sets), sa::DataError);
    conn.rollback();
    BOOST_TEST(count_rows(conn, "v") == 0);

    // Above INT64_MAX no Value holds it: an error, not a negative number.
    BOOST_CHECK_THROW(sa::Value(std::uint64_t{1} << 63), sa::ArgumentError);
    BOOST_CHECK_THROW(conn.execute(text("INSERT INTO v (k, i) VALUES (4, :i)"),
                                   {{"i", std::numeric_limits<std::uint64_t>::max()}}),
                      sa::ArgumentError);
    BOOST_TEST(sa::Value(std::uint64_t{std::numeric_limits<std::int64_t>::max()}).as_int() ==
               std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(count_rows(conn, "v") == 0);

    // Doubles are bound with all 17 digits (SQLite stores them exactly); the driver hands REAL
    // back as 15-digit text, so what comes back is that text's value, never a made-up one.
    const std::vector<double> doubles = {DBL_MIN, 0.1 + 0.2, 1.0 / 3.0, 1.5e300, -2.5e-300, 0.1};
    for (std::size_t n = 0; n < doubles.size(); ++n) {
        BOOST_TEST_CONTEXT("double " << doubles[n]) {
            conn.execute(text("INSERT INTO v (k, r) VALUES (:k, :r)"), {{"k", 10 + n}, {"r", doubles[n]}});
            // printf('%!.17g') is SQLite's own rendering of what it stored, read as text.
            const auto stored = conn.execute(text("SELECT printf('%!.17g', r) FROM v WHERE k = :k"), {{"k", 10 + n}})
                                    .scalar_one()
                                    .as_string();
            BOOST_TEST(std::strtod(stored.c_str(), nullptr) == doubles[n], "stored as " << stored);
            const auto back = conn.execute(text("SELECT r FROM v WHERE k = :k"), {{"k", 10 + n}}).scalar_one();
            BOOST_TEST_REQUIRE((back.kind() == sa::Value::Kind::floating), back.repr());
            const auto rendered = conn.execute(text("SELECT printf('%!.15g', r) FROM v WHERE k = :k"), {{"k", 10 + n}})
                                      .scalar_one()
                                      .as_string();
            BOOST_TEST(back.as_double() == std::strtod(rendered.c_str(), nullptr), back.repr() << " vs " << rendered);
        }
    }
    // The largest doubles render as 15-digit text beyond the double range: a DataError, not infinity.
    for (const double d : {DBL_MAX, -DBL_MAX}) {
        BOOST_TEST_CONTEXT("double " << d) {
            conn.execute(text("DELETE FROM v WHERE k = 30"));
            conn.execute(text("INSERT INTO v (k, r) VALUES (30, :r)"), {{"r", d}});
            // Stored exactly: scaled by 2^-971 (exact for a double) it is +-(2^53 - 1). SQLite's
            // printf is not correctly rounded this close to the top of the range, so it cannot tell.
            const auto scaled = conn.execute(text("SELECT CAST(r * :p AS INTEGER) FROM v WHERE k = 30"),
                                             {{"p", std::ldexp(1.0, -971)}})
                                    .scalar_one();
            BOOST_TEST((scaled == sa::Value((d > 0 ? 1 : -1) * ((std::int64_t{1} << 53) - 1))), scaled.repr());
            auto refused = expect_error<sa::DataError>([&] { conn.execute(text("SELECT r FROM v WHERE k = 30")).all(); });
            BOOST_TEST(contains(refused.what(), "beyond the range of a double"), refused.what());
        }
    }
    // A real infinity (SQLite's 9e999) is one.
    conn.execute(text("INSERT INTO v (k, r) VALUES (31, 9e999), (32, -9e999)"));
    BOOST_TEST(conn.execute(text("SELECT r FROM v WHERE k = 31")).scalar_one().as_double() ==
               std::numeric_limits<double>::infinity());
    BOOST_TEST(conn.execute(text("SELECT r FROM v WHERE k = 32")).scalar_one().as_double() ==
               -std::numeric_limits<double>::infinity());

    // SQLite keeps what it was given whatever the declared type; it comes back as such.
    conn.execute(text("INSERT INTO v (k, i, r) VALUES (20, 'abc', 'not a number')"));
    conn.execute(text("INSERT INTO v (k, i) VALUES (21, 1.5)"));
    conn.execute(text("INSERT INTO v (k, i) VALUES (22, '12')"));  // INTEGER affinity: stored as 12
    auto abc = conn.execute(text("SELECT i, r FROM v WHERE k = 20")).one();
    BOOST_TEST((abc[0] == sa::Value("abc")), abc[0].repr());
    BOOST_TEST((abc[1] == sa::Value("not a number")), abc[1].repr());
    const auto half = conn.execute(text("SELECT i FROM v WHERE k = 21")).scalar_one();
    BOOST_TEST((half == sa::Value(1.5)), half.repr());
    const auto twelve = conn.execute(text("SELECT i FROM v WHERE k = 22")).scalar_one();
    BOOST_TEST((twelve == sa::Value(12)), twelve.repr());
}

BOOST_AUTO_TEST_CASE(sqlite_odbc_reflection) {
    // The Inspector runs sqlite://'s catalog queries through the ODBC transport.
    TempDb db("reflect");
    auto engine = make_engine(db.url());
    {
        auto conn = engine.connect();
        conn.execute(text("CREATE TABLE parents (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL DEFAULT 'p')"));
        conn.execute(text("CREATE TABLE kids (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
                          "REFERENCES parents (id) ON DELETE CASCADE, nick TEXT, UNIQUE (nick))"));
        conn.execute(text("CREATE INDEX ix_kids_parent ON kids (parent_id)"));
        conn.execute(text("CREATE VIEW kid_names AS SELECT nick FROM kids"));
        conn.commit();
    }
    sa::Inspector inspector(engine);
    BOOST_TEST(inspector.default_schema_name() == "main");
    BOOST_TEST((inspector.get_table_names() == std::vector<std::string>{"kids", "parents"}));
    BOOST_TEST((inspector.get_view_names() == std::vector<std::string>{"kid_names"}));
    BOOST_TEST(inspector.has_table("kids"));
    BOOST_TEST(!inspector.has_table("nope"));
    const auto columns = inspector.get_columns("parents");
    BOOST_TEST_REQUIRE(columns.size() == 2u);
    BOOST_TEST(columns[0].autoincrement);  // INTEGER PRIMARY KEY: the rowid alias
    BOOST_TEST(columns[1].type_name == "VARCHAR(30)");
    BOOST_TEST(columns[1].type->length().value_or(-1) == 30);
    BOOST_TEST(!columns[1].nullable);
    BOOST_TEST(columns[1].default_.value_or("") == "'p'");
    BOOST_TEST((inspector.get_pk_constraint("kids").constrained_columns == std::vector<std::string>{"id"}));
    const auto fks = inspector.get_foreign_keys("kids");
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].referred_table == "parents");
    BOOST_TEST((fks[0].constrained_columns == std::vector<std::string>{"parent_id"}));
    BOOST_TEST((fks[0].referred_columns == std::vector<std::string>{"id"}));
    BOOST_TEST(fks[0].options.at("ondelete") == "CASCADE");
    BOOST_TEST(inspector.has_index("kids", "ix_kids_parent"));
    const auto uniques = inspector.get_unique_constraints("kids");
    BOOST_TEST_REQUIRE(uniques.size() == 1u);
    BOOST_TEST((uniques[0].column_names == std::vector<std::string>{"nick"}));
    BOOST_CHECK_THROW(inspector.get_columns("nope"), sa::NoSuchTableError);
}

// ---------------------------------------------------------------- PostgreSQL via psqlODBC ----

BOOST_AUTO_TEST_CASE(pg_odbc_plugin_identity_and_flavour) {
    // No server needed for the identity and the SQL flavour.
    auto offline = make_engine("postgresql+odbc://u:pw@127.0.0.1:1/none");
    BOOST_TEST(offline.dialect().name() == "postgresql");
    BOOST_TEST(offline.dialect().driver() == "odbc");
    BOOST_TEST((offline.dialect().paramstyle() == sa::sdk::Paramstyle::qmark));
    const auto loaded = registry().load(sa::Url::parse("postgresql+odbc://"));
    BOOST_TEST(loaded.manifest->name == "postgresql_odbc");  // its own plugin file and capability list
    BOOST_TEST(loaded.manifest->has_capability("insert_returning"));
    BOOST_TEST(!loaded.manifest->has_capability("implements_get_lastrowid"));
    // the engine runs executemany ... RETURNING row by row and collects every row
    BOOST_TEST(loaded.manifest->has_capability("insert_executemany_returning"));
    BOOST_TEST(loaded.manifest->has_capability("delete_executemany_returning"));
    namespace sql = athanor::sql;
    sql::MetaData md;
    auto& t = md.table("o_things", sql::Column("id", sa::types::Integer(), sql::primary_key(), sql::autoincrement()),
                       sql::Column("data", sa::types::LargeBinary()), sql::Column("ref", sa::types::Uuid()));
    BOOST_TEST(sql::CreateTable(t).compile(offline.dialect())->sql ==
               "CREATE TABLE o_things (\n\tid SERIAL NOT NULL,\n\tdata BYTEA,\n\t\"ref\" UUID,\n\tPRIMARY KEY (id)\n)");
    BOOST_TEST(t.insert().values({{"data", sa::Bytes{1}}}).compile(offline.dialect())->sql ==
               "INSERT INTO o_things (data) VALUES (?) RETURNING o_things.id");
}

BOOST_AUTO_TEST_CASE(pg_odbc_connect_timeout_against_a_silent_server) {
    // A server that accepts the TCP connection and never answers: connect_timeout bounds the
    // wait (libpq's minimum is 2 s), and the listener closes itself after 30 s regardless.
    SilentListener silent(std::chrono::seconds(30));
    const std::string base = "postgresql+odbc://u:secret@127.0.0.1:" + std::to_string(silent.port()) + "/db";
    auto engine = make_engine(base + "?connect_timeout=2");
    const auto start = std::chrono::steady_clock::now();
    auto e = expect_error<sa::OperationalError>([&] { engine.connect(); });
    const auto waited = std::chrono::steady_clock::now() - start;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count() < 8000,
               "connect returned after " << std::chrono::duration_cast<std::chrono::milliseconds>(waited).count()
                                         << " ms: " << e.what());
    BOOST_TEST(!contains(e.what(), "secret"));
    // A connect_timeout that is not a whole number of seconds is refused, not ignored.
    for (const char* bad : {"soon", "-1", "2.5"}) {
        BOOST_TEST_CONTEXT(bad) {
            auto wrong = make_engine(base + "?connect_timeout=" + bad);
            BOOST_CHECK_THROW(wrong.connect(), sa::ArgumentError);
        }
    }
}

// Everything below needs the server: skipped (and reported so) without ATHANOR_TEST_PG_URL.
BOOST_AUTO_TEST_SUITE(postgresql, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(pg_odbc_metadata_ddl_and_odbc_connect) {
    const auto pg = require_pg();
    namespace sql = athanor::sql;
    const std::string name = private_name("o_md");
    sql::MetaData live;
    auto& lt = live.table(name, sql::Column("id", sa::types::Integer(), sql::primary_key(), sql::autoincrement()),
                          sql::Column("flag", sa::types::Boolean()), sql::Column("span", sa::types::Interval()),
                          sql::Column("ref", sa::types::Uuid()), sql::Column("price", sa::types::Numeric(20, 4)));
    auto engine = pg_engine(*pg);
    live.create_all(engine);
    live.create_all(engine);  // has_table through ODBC: nothing issued the second time
    {
        auto conn = engine.connect();
        auto r = conn.execute(lt.insert().values({{"flag", true}, {"span", sa::Interval{14, 3, 4500000}},
                                                  {"ref", "1b4e28ba2fa111d2883f0016d3cca427"},
                                                  {"price", sa::Decimal("-1.5")}}));
        BOOST_TEST((r.inserted_primary_key() == std::vector<sa::Value>{sa::Value(1)}));  // SERIAL via RETURNING
        auto row = conn.execute(sql::select(lt)).one();
        BOOST_TEST((row[1] == sa::Value(true)));
        BOOST_TEST((row[2].as_interval() == sa::Interval{14, 3, 4500000}));  // ConnSettings: iso_8601 IntervalStyle
        BOOST_TEST(row[3].as_string() == "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        BOOST_TEST(row[4].as_decimal().str() == "-1.5000");
        conn.commit();
    }
    // A raw connection string still works through the same plugin.
    auto verbatim = make_engine("postgresql+odbc://?odbc_connect=" + percent_encode(pg->connect_string()));
    auto vc = verbatim.connect();
    BOOST_TEST(count_rows(vc, name) == 1);
    vc.close();
    live.drop_all(engine);
    live.drop_all(engine);
    auto check = engine.connect();
    BOOST_TEST(check.execute(text("SELECT to_regclass('" + name + "') IS NULL")).scalar_one().as_bool());
}

BOOST_AUTO_TEST_CASE(pg_odbc_types_round_trip) {
    const auto pg = require_pg();
    const std::string table = private_name("odbc_types");
    auto engine = pg_engine(*pg);
    auto conn = engine.connect();
    conn.execute(text("DROP TABLE IF EXISTS " + table));
    conn.execute(text("CREATE TABLE " + table + " (k INTEGER PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, s TEXT, "
                      "b BYTEA, f BOOLEAN, n NUMERIC(20, 4), d DATE, t TIME, ts TIMESTAMP)"));
    const std::string unicode = "Grüße, 東京, Ωμέγα, 🚀";
    const auto blob = long_blob(100 * 1024);
    const auto big = long_text(70 * 1024);
    conn.execute(text("INSERT INTO " + table + " VALUES (:k, :i, :r, :s, :b, :f, :n, :d, :t, :ts)"),
                 {{"k", 1}, {"i", std::numeric_limits<std::int64_t>::min()}, {"r", 3.141592653589793},
                  {"s", unicode}, {"b", sa::Bytes{0, 1, 0, 255}}, {"f", true}, {"n", sa::Decimal("-12345678.1234")},
                  {"d", sa::Date{1969, 7, 20}}, {"t", sa::Time{23, 59, 58, 123456, std::nullopt}},
                  {"ts", sa::DateTime{{2024, 2, 29}, {23, 59, 58, 123456, std::nullopt}}}});
    conn.execute(text("INSERT INTO " + table + " VALUES (:k, :i, :r, :s, :b, :f, :n, :d, :t, :ts)"),
                 {{"k", 2}, {"i", sa::null}, {"r", sa::null}, {"s", sa::null}, {"b", sa::null}, {"f", sa::null},
                  {"n", sa::null}, {"d", sa::null}, {"t", sa::null}, {"ts", sa::null}});
    conn.execute(text("INSERT INTO " + table + " (k, s, b, f) VALUES (3, :s, :b, false)"), {{"s", big}, {"b", blob}});
    auto rows = conn.execute(text("SELECT i, r, s, b, f, n, d, t, ts FROM " + table + " ORDER BY k")).all();
    BOOST_TEST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0][0].as_int() == std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(rows[0][1].as_double() == 3.141592653589793);
    BOOST_TEST(rows[0][2].as_string() == unicode);
    BOOST_TEST((rows[0][3].as_bytes() == sa::Bytes{0, 1, 0, 255}));
    BOOST_TEST((rows[0][4] == sa::Value(true)));  // the dialect's default BoolsAsChar=0: SQL_BIT
    BOOST_TEST(rows[0][5].as_decimal().str() == "-12345678.1234");
    BOOST_TEST((rows[0][6] == sa::Value(sa::Date{1969, 7, 20})));
    BOOST_TEST((rows[0][7].as_time() == sa::Time{23, 59, 58, 123456, std::nullopt}));
    BOOST_TEST((rows[0][8] == sa::Value(sa::DateTime{{2024, 2, 29}, {23, 59, 58, 123456, std::nullopt}})));
    for (std::size_t c = 0; c < rows[1].size(); ++c) BOOST_TEST_CONTEXT("column " << c) { BOOST_TEST(rows[1][c].is_null()); }
    BOOST_TEST(rows[2][2].as_string() == big);
    BOOST_TEST((rows[2][3].as_bytes() == blob));
    BOOST_TEST((rows[2][4] == sa::Value(false)));
    // Non-ASCII in the SQL text itself and in a WHERE parameter.
    BOOST_TEST(conn.execute(text("SELECT count(*) FROM " + table + " WHERE s = 'Grüße, 東京, Ωμέγα, 🚀' AND s = :s"),
                            {{"s", unicode}}).scalar_one().as_int() == 1);
    conn.rollback();

    // With psqlODBC's own default BoolsAsChar=1 BOOLEAN arrives as "1"/"0" text, still read as bool.
    auto bit_engine = pg_engine(*pg, "BoolsAsChar=1");
    auto bits = bit_engine.connect();
    auto cursor = bits.driver_connection().cursor();
    cursor->execute("SELECT true AS yes, false AS no, NULL::boolean AS unknown", {});
    std::vector<sa::Value> row;
    BOOST_TEST_REQUIRE(cursor->fetch(row));
    BOOST_TEST((row[0] == sa::Value(true)));
    BOOST_TEST((row[1] == sa::Value(false)));
    BOOST_TEST(row[2].is_null());
}

BOOST_AUTO_TEST_CASE(pg_odbc_rowcount_executemany_and_errors) {
    const auto pg = require_pg();
    const std::string many_table = private_name("odbc_many");
    auto engine = pg_engine(*pg);
    auto conn = engine.connect();
    conn.execute(text("DROP TABLE IF EXISTS " + many_table));
    conn.execute(text("CREATE TABLE " + many_table + " (id INTEGER PRIMARY KEY, name TEXT, v DOUBLE PRECISION)"));
    conn.commit();
    std::vector<sa::Params> sets;
    for (int i = 1; i <= 1500; ++i)
        sets.push_back({{"id", i}, {"name", "名前" + std::to_string(i)}, {"v", i % 5 == 0 ? sa::Value() : sa::Value(i * 0.5)}});
    BOOST_TEST(conn.execute(text("INSERT INTO " + many_table + " (id, name, v) VALUES (:id, :name, :v)"), sets).rowcount() == 1500);
    BOOST_TEST(count_rows(conn, many_table) == 1500);
    BOOST_TEST(conn.execute(text("SELECT name FROM " + many_table + " WHERE id = 1500")).scalar_one().as_string() == "名前1500");

    std::vector<sa::Params> updates = {{{"a", 1}}, {{"a", 1000}}, {{"a", 2}}, {{"a", -1}}};
    BOOST_TEST(conn.execute(text("UPDATE " + many_table + " SET v = 0 WHERE id <= :a"), updates).rowcount() == 1 + 1000 + 2);
    BOOST_TEST(conn.execute(text("UPDATE " + many_table + " SET v = 1 WHERE id < 0")).rowcount() == 0);
    BOOST_TEST(conn.execute(text("DELETE FROM " + many_table + " WHERE id < 0")).rowcount() == 0);
    BOOST_TEST(conn.execute(text("SELECT * FROM " + many_table)).rowcount() == -1);
    conn.commit();

    auto dup = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO " + many_table + " (id) VALUES (:id)"), {{"id", 1}}); });
    BOOST_TEST(dup.sqlstate() == "23505");
    conn.rollback();
    std::vector<sa::Params> clash = {{{"id", 5000}}, {{"id", 5001}}, {{"id", 5000}}};
    auto many = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO " + many_table + " (id) VALUES (:id)"), clash); });
    BOOST_TEST(many.sqlstate() == "23505");
    conn.rollback();
    BOOST_TEST(count_rows(conn, many_table) == 1500);  // nothing half-written

    auto syntax = expect_error<sa::ProgrammingError>([&] { conn.execute(text("SELEC 1")); });
    BOOST_TEST(syntax.sqlstate() == "42601");
    conn.rollback();
    conn.execute(text("DROP TABLE " + many_table));
    conn.commit();
}

BOOST_AUTO_TEST_CASE(pg_odbc_parameters_reach_the_server_typed) {
    const auto pg = require_pg();
    auto engine = pg_engine(*pg);
    auto conn = engine.connect();
    // Server-side, psqlODBC sends every parameter as `unknown`: `? & ?` would be "operator is
    // not unique" and `SELECT ?` would come back as text.
    BOOST_TEST(conn.execute(text("SELECT :a & :b"), {{"a", 6}, {"b", 3}}).scalar_one().as_int() == 2);
    BOOST_TEST(conn.execute(text("SELECT :a | :b"), {{"a", 4}, {"b", 1}}).scalar_one().as_int() == 5);
    for (std::int64_t v : {std::int64_t(-5), std::int64_t(2147483648LL), std::numeric_limits<std::int64_t>::max(),
                           std::numeric_limits<std::int64_t>::min()}) {
        const auto got = conn.execute(text("SELECT :v"), {{"v", v}}).scalar_one();
        BOOST_TEST((got.kind() == sa::Value::Kind::integer), v << " came back as " << got.repr());
        if (got.kind() == sa::Value::Kind::integer) BOOST_TEST(got.as_int() == v);
    }
    const auto d = conn.execute(text("SELECT :v"), {{"v", 15.7563}}).scalar_one();
    BOOST_TEST((d.kind() == sa::Value::Kind::floating), "15.7563 came back as " << d.repr());
    if (d.kind() == sa::Value::Kind::floating) BOOST_TEST(d.as_double() == 15.7563);
    // Text stays untyped, so the server still coerces it to uuid, json, varchar, ...
    BOOST_TEST(conn.execute(text("SELECT :u = CAST('3b241101-e2bb-4255-8caf-4136c566a962' AS UUID)"),
                            {{"u", "3b241101-e2bb-4255-8caf-4136c566a962"}})
                   .scalar_one()
                   .as_bool());
    BOOST_TEST(conn.execute(text("SELECT CAST(:j AS JSONB) ->> 'a'"), {{"j", "{\"a\": \"x'y\"}"}}).scalar_one().as_string() ==
               "x'y");
    BOOST_TEST(conn.execute(text("SELECT length(CAST(:s AS VARCHAR(10)))"), {{"s", "héllo"}}).scalar_one().as_int() == 5);
    conn.rollback();
}

BOOST_AUTO_TEST_CASE(pg_odbc_update_delete_returning_that_match_nothing) {
    const auto pg = require_pg();
    auto engine = pg_engine(*pg);
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE odbc_ret (id INTEGER PRIMARY KEY, x INTEGER)"));
    conn.execute(text("INSERT INTO odbc_ret VALUES (1, 10)"));
    // psqlODBC answers SQL_NO_DATA when nothing matched; the result still has columns.
    BOOST_TEST(conn.execute(text("UPDATE odbc_ret SET x = x + 1 WHERE id = :id RETURNING id, x"), {{"id", 99}})
                   .all()
                   .empty());
    BOOST_TEST(conn.execute(text("DELETE FROM odbc_ret WHERE id = :id RETURNING id"), {{"id", 99}}).all().empty());
    auto updated = conn.execute(text("UPDATE odbc_ret SET x = x + 1 WHERE id = :id RETURNING id, x"), {{"id", 1}}).all();
    BOOST_TEST_REQUIRE(updated.size() == 1u);
    BOOST_TEST(updated[0][1].as_int() == 11);
    BOOST_TEST(conn.execute(text("DELETE FROM odbc_ret WHERE id = :id RETURNING id"), {{"id", 1}}).all().size() == 1u);
    BOOST_TEST(conn.execute(text("UPDATE odbc_ret SET x = 0 WHERE id = 99")).rowcount() == 0);
    conn.rollback();
}

BOOST_AUTO_TEST_CASE(pg_odbc_transactions_savepoints_ping) {
    const auto pg = require_pg();
    const std::string tx_table = private_name("odbc_tx");
    auto engine = pg_engine(*pg);
    auto conn = engine.connect();
    conn.execute(text("DROP TABLE IF EXISTS " + tx_table));
    conn.execute(text("CREATE TABLE " + tx_table + " (name TEXT)"));
    conn.commit();
    conn.execute(text("INSERT INTO " + tx_table + " VALUES ('rolled back')"));
    conn.rollback();
    {
        auto tx = conn.begin();
        conn.execute(text("INSERT INTO " + tx_table + " VALUES ('outer')"));
        auto sp = conn.begin_nested();
        conn.execute(text("INSERT INTO " + tx_table + " VALUES ('inner')"));
        sp.rollback();
        tx.commit();
    }
    auto other = engine.connect();  // a second connection sees only committed rows
    auto names = other.execute(text("SELECT name FROM " + tx_table)).scalars_as<std::string>();
    BOOST_TEST((names == std::vector<std::string>{"outer"}));
    BOOST_TEST(other.driver_connection().ping());
    other.close();

    auto autocommit = pg_engine(*pg);
    auto ac = autocommit.connect();
    ac.set_isolation_level("AUTOCOMMIT");
    ac.execute(text("INSERT INTO " + tx_table + " VALUES ('auto')"));
    ac.rollback();
    BOOST_TEST(count_rows(conn, tx_table) == 2);
    conn.execute(text("DROP TABLE " + tx_table));
    conn.commit();

    // Wrong password: the server's refusal, never the password.
    PgTarget wrong = *pg;
    wrong.password = "not-the-password-x9";
    auto bad = pg_engine(wrong);
    auto e = expect_error<sa::OperationalError>([&] { bad.connect(); });
    BOOST_TEST(e.sqlstate().substr(0, 2) == "08");
    BOOST_TEST(!contains(e.what(), "not-the-password-x9"));
    BOOST_TEST(contains(e.what(), "password authentication failed"));
    // A one-letter password is masked where it was put, not searched for in the server's text.
    PgTarget short_pw = *pg;
    short_pw.password = "a";
    auto bad_short = pg_engine(short_pw);
    auto s1 = expect_error<sa::OperationalError>([&] { bad_short.connect(); });
    BOOST_TEST(contains(s1.what(), "password authentication failed for user"), s1.what());
    BOOST_TEST(contains(s1.what(), "PWD=***"), s1.what());
}

BOOST_AUTO_TEST_CASE(pg_odbc_reflection) {
    // The Inspector runs postgresql://'s pg_catalog queries with ? placeholders through psqlODBC.
    const auto pg = require_pg();
    auto engine = pg_engine(*pg);
    const std::string parents = "o_parents_" + std::to_string(::getpid());
    const std::string kids = "o_kids_" + std::to_string(::getpid());
    {
        auto conn = engine.connect();
        conn.execute(text("DROP TABLE IF EXISTS " + kids + ", " + parents));
        conn.execute(text("CREATE TABLE " + parents + " (id SERIAL PRIMARY KEY, name VARCHAR(30) NOT NULL "
                          "DEFAULT 'p', price NUMERIC(10, 2))"));
        conn.execute(text("CREATE TABLE " + kids + " (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id "
                          "INTEGER NOT NULL REFERENCES " + parents + " (id) ON DELETE CASCADE, nick TEXT UNIQUE, "
                          "CONSTRAINT " + kids + "_nick_len CHECK (length(nick) < 20))"));
        conn.execute(text("CREATE INDEX ix_" + kids + " ON " + kids + " (parent_id)"));
        conn.execute(text("COMMENT ON TABLE " + kids + " IS 'children'"));
        conn.commit();
    }
    sa::Inspector inspector(engine);
    BOOST_TEST(inspector.default_schema_name() == "public");
    const auto tables = inspector.get_table_names();
    BOOST_TEST((std::find(tables.begin(), tables.end(), kids) != tables.end()));
    BOOST_TEST(inspector.has_table(parents));
    BOOST_TEST(!inspector.has_table("o_nope"));
    const auto columns = inspector.get_columns(parents);
    BOOST_TEST_REQUIRE(columns.size() == 3u);
    BOOST_TEST(columns[0].autoincrement);  // serial: nextval(...) default
    BOOST_TEST(columns[1].type_name == "character varying(30)");
    BOOST_TEST(!columns[1].nullable);
    BOOST_TEST(contains(columns[1].default_.value_or(""), "'p'"));
    BOOST_TEST(columns[2].type->scale().value_or(-1) == 2);
    BOOST_TEST(inspector.get_columns(kids)[0].identity == "always");
    BOOST_TEST((inspector.get_pk_constraint(kids).constrained_columns == std::vector<std::string>{"id"}));
    const auto fks = inspector.get_foreign_keys(kids);
    BOOST_TEST_REQUIRE(fks.size() == 1u);
    BOOST_TEST(fks[0].referred_table == parents);
    BOOST_TEST((fks[0].referred_columns == std::vector<std::string>{"id"}));
    BOOST_TEST(fks[0].options.at("ondelete") == "CASCADE");
    const auto indexes = inspector.get_indexes(kids);
    BOOST_TEST_REQUIRE(indexes.size() == 1u);  // not the ones behind the primary key and UNIQUE
    BOOST_TEST(indexes[0].name == "ix_" + kids);
    BOOST_TEST(inspector.get_unique_constraints(kids).size() == 1u);
    const auto checks = inspector.get_check_constraints(kids);
    BOOST_TEST_REQUIRE(checks.size() == 1u);
    BOOST_TEST(contains(checks[0].sqltext, "length(nick)"));
    BOOST_TEST(inspector.get_table_comment(kids).value_or("") == "children");
    BOOST_CHECK_THROW(inspector.get_columns("o_nope"), sa::NoSuchTableError);
    auto conn = engine.connect();
    conn.execute(text("DROP TABLE " + kids + ", " + parents));
    conn.commit();
}

BOOST_AUTO_TEST_CASE(pg_odbc_one_statement_per_execute) {
    const auto pg = require_pg();
    auto engine = pg_engine(*pg);
    check_one_statement_per_execute(engine, private_name("odbc_stacked"),
                                    {"SELECT $$x$$; DROP TABLE T!", "SELECT $q$ $$ $q$; DROP TABLE T!",
                                     "SELECT 1 /* /* */ */; DROP TABLE T!", "SELECT E'\\\\'; DROP TABLE T!"},
                                    {"SELECT $$;DROP TABLE T!$$", "SELECT $q$ ; $$ ; $q$",
                                     "SELECT 1 /* /* ; */ ; DROP TABLE T! */", "SELECT E'\\'; DROP TABLE T!'",
                                     "SELECT e'x\\\\' AS a", "SELECT x AS \"$$\" FROM T!", "SELECT 1 AS a$b"});
}

BOOST_AUTO_TEST_CASE(pg_odbc_values_are_stored_and_read_exactly_or_refused) {
    const auto pg = require_pg();
    auto engine = pg_engine(*pg);
    auto conn = engine.connect();
    // PostgreSQL text cannot hold a NUL (postgresql:// raises DataError too): refused, never cut.
    const std::string nul("a\0b", 3);
    auto e = expect_error<sa::DataError>([&] { conn.execute(text("SELECT :s"), {{"s", nul}}); });
    BOOST_TEST(contains(e.what(), "NUL"), e.what());
    conn.rollback();
    BOOST_CHECK_THROW(conn.execute(text("SELECT :i"), {{"i", std::numeric_limits<std::uint64_t>::max()}}),
                      sa::ArgumentError);
    for (const double d : {DBL_MAX, -DBL_MAX, DBL_MIN, std::numeric_limits<double>::denorm_min(), 0.1 + 0.2}) {
        const auto back = conn.execute(text("SELECT :d"), {{"d", d}}).scalar_one();
        BOOST_TEST((back.kind() == sa::Value::Kind::floating), back.repr());
        if (back.kind() == sa::Value::Kind::floating) BOOST_TEST(back.as_double() == d);
    }
    conn.rollback();
}

BOOST_AUTO_TEST_SUITE_END()
