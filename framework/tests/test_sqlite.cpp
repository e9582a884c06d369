// Tests of the SQLite dialect plugin through the public API: create_engine() with a private
// plugin registry, text() statements, and the driver SPI objects the engine exposes.
#define BOOST_TEST_MODULE test_sqlite
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql/text.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <unistd.h>
#include <vector>

namespace sa = athanor;
namespace fs = std::filesystem;
using sa::text;

namespace {

// SQLite's extended result codes (sqlite3.h), spelled out so the test needs no client headers.
constexpr std::int64_t sqlite_error = 1;                 // SQLITE_ERROR
constexpr std::int64_t sqlite_busy = 5;                  // SQLITE_BUSY
constexpr std::int64_t sqlite_readonly = 8;              // SQLITE_READONLY
constexpr std::int64_t sqlite_cantopen = 14;             // SQLITE_CANTOPEN
constexpr std::int64_t sqlite_constraint_foreignkey = 787;
constexpr std::int64_t sqlite_constraint_notnull = 1299;
constexpr std::int64_t sqlite_constraint_primarykey = 1555;

using athanor::test::registry;

sa::Engine make_engine(const std::string& url, sa::EngineOptions options = {}) {
    options.registry = &registry();
    return sa::create_engine(url, std::move(options));
}

/// A fresh file path under the test's temporary folder, removed (with its journal) at the end.
struct TempDb {
    fs::path path;
    TempDb() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() /
               ("athanor_test_sqlite_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".db");
        cleanup();
    }
    ~TempDb() { cleanup(); }
    void cleanup() const {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    }
    std::string url(const std::string& query = "") const {
        return "sqlite:///" + path.string() + (query.empty() ? "" : "?" + query);
    }
};

std::int64_t count_rows(sa::Connection& conn, const std::string& table) {
    return conn.execute(text("SELECT count(*) FROM " + table)).scalar_one().get<std::int64_t>();
}

using athanor::test::expect_error;

using athanor::test::contains;

}  // namespace

BOOST_AUTO_TEST_CASE(manifest_and_dialect_identity) {
    auto engine = make_engine("sqlite://");
    BOOST_TEST(engine.dialect().name() == "sqlite");
    BOOST_TEST(engine.dialect().driver() == "sqlite3");
    BOOST_TEST(engine.plugin().name == "sqlite");
    BOOST_TEST(engine.plugin().has_capability("savepoints"));
    BOOST_TEST(engine.plugin().has_capability("autocommit"));
    BOOST_TEST(engine.dialect().quote_identifier("we\"ird") == "\"we\"\"ird\"");
    BOOST_TEST((engine.dialect().pool_kind(sa::Url::parse("sqlite://")) == sa::sdk::PoolKind::single));
    BOOST_TEST((engine.dialect().pool_kind(sa::Url::parse("sqlite:///:memory:")) == sa::sdk::PoolKind::single));
    BOOST_TEST((engine.dialect().pool_kind(sa::Url::parse("sqlite:///some.db")) == sa::sdk::PoolKind::queue));
    auto explicit_driver = make_engine("sqlite+sqlite3://");
    BOOST_TEST(explicit_driver.connect().execute(text("SELECT 1")).scalar_one().get<int>() == 1);
}

BOOST_AUTO_TEST_CASE(types_round_trip) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (k INTEGER PRIMARY KEY, v)"));

    const std::vector<sa::Value> values = {
        sa::Value(),
        sa::Value(std::numeric_limits<std::int64_t>::min()),
        sa::Value(std::numeric_limits<std::int64_t>::max()),
        sa::Value(0),
        sa::Value(3.141592653589793),
        sa::Value(-1.5e300),
        sa::Value(std::string("Grüße, 東京, Ωμέγα, 🚀")),
        sa::Value(std::string("")),
        sa::Value(sa::Bytes{0x00, 0x01, 0x00, 0xff, 0x00}),
        sa::Value(sa::Bytes{}),
    };
    for (std::size_t i = 0; i < values.size(); ++i)
        conn.execute(text("INSERT INTO t (k, v) VALUES (:k, :v)"), {{"k", i}, {"v", values[i]}});

    auto rows = conn.execute(text("SELECT v FROM t ORDER BY k")).all();
    BOOST_TEST_REQUIRE(rows.size() == values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        BOOST_TEST_CONTEXT("value " << values[i].repr()) {
            BOOST_TEST((rows[i][0].kind() == values[i].kind()));
            BOOST_TEST((rows[i][0] == values[i]));
        }
    }
    // A zero-length blob stays a blob, not NULL.
    BOOST_TEST(rows[9][0].as_bytes().empty());

    // Values without a SQLite storage class of their own.
    auto one = [&](const sa::Value& v) { return conn.execute(text("SELECT :v"), {{"v", v}}).scalar_one(); };
    BOOST_TEST((one(true) == sa::Value(1)));
    BOOST_TEST((one(false) == sa::Value(0)));
    BOOST_TEST((one(sa::Decimal("-12.3400")) == sa::Value("-12.3400")));
    const sa::Date date{1969, 7, 20};
    BOOST_TEST((one(date) == sa::Value(date.iso())));
    BOOST_TEST((one(date).as_date() == date));
    const sa::DateTime stamp{{2024, 2, 29}, {23, 59, 58, 123456, std::nullopt}};
    BOOST_TEST((one(stamp).as_datetime() == stamp));
    BOOST_TEST(conn.execute(text("SELECT date(:d, '+1 day')"), {{"d", date}}).scalar_one().as_string() ==
               "1969-07-21");
    auto interval = expect_error<sa::NotSupportedError>([&] { one(sa::Interval{1, 2, 3}); });
    BOOST_TEST(contains(interval.what(), "interval"));
}

BOOST_AUTO_TEST_CASE(description_reports_names_and_declared_types) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20), price NUMERIC(10, 2))"));
    auto result = conn.execute(text("SELECT id, name AS label, price, 1 + 1 AS two FROM t"));
    BOOST_TEST((result.keys() == std::vector<std::string>{"id", "label", "price", "two"}));

    auto cursor = conn.driver_connection().cursor();
    cursor->execute("SELECT id, name AS label, price, 1 + 1 AS two FROM t", {});
    const auto& description = cursor->description();
    BOOST_TEST_REQUIRE(description.size() == 4u);
    BOOST_TEST(description[1].name == "label");
    BOOST_TEST(description[0].type_name == "INTEGER");
    BOOST_TEST(description[1].type_name == "VARCHAR(20)");
    BOOST_TEST(description[2].type_name == "NUMERIC(10, 2)");
    BOOST_TEST(description[3].type_name == "");
    BOOST_TEST(cursor->rowcount() == -1);
    std::vector<sa::Value> row;
    BOOST_TEST(!cursor->fetch(row));
    cursor->execute("CREATE TABLE u (x)", {});
    BOOST_TEST(cursor->description().empty());
}

BOOST_AUTO_TEST_CASE(lastrowid_and_rowcount) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)"));
    auto first = conn.execute(text("INSERT INTO t (x) VALUES (:x)"), {{"x", 10}});
    BOOST_TEST(first.lastrowid().value() == 1);
    BOOST_TEST(first.rowcount() == 1);
    auto explicit_id = conn.execute(text("INSERT INTO t (id, x) VALUES (41, 20)"));
    BOOST_TEST(explicit_id.lastrowid().value() == 41);
    auto next = conn.execute(text("INSERT INTO t (x) VALUES (30)"));
    BOOST_TEST(next.lastrowid().value() == 42);

    BOOST_TEST(conn.execute(text("UPDATE t SET x = x + 1 WHERE x >= :m"), {{"m", 20}}).rowcount() == 2);
    BOOST_TEST(conn.execute(text("UPDATE t SET x = 0 WHERE x > 1000")).rowcount() == 0);
    BOOST_TEST(conn.execute(text("DELETE FROM t WHERE id = 1")).rowcount() == 1);
    BOOST_TEST(conn.execute(text("SELECT * FROM t")).rowcount() == -1);

    auto returning = conn.execute(text("INSERT INTO t (x) VALUES (7) RETURNING id, x")).one();
    BOOST_TEST(returning[0].as_int() == 43);
    BOOST_TEST(returning[1].as_int() == 7);
}

BOOST_AUTO_TEST_CASE(executemany_sums_rowcount) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)"));
    std::vector<sa::Params> sets;
    for (int i = 0; i < 250; ++i) sets.push_back({{"name", "n" + std::to_string(i)}});
    auto result = conn.execute(text("INSERT INTO t (name) VALUES (:name)"), sets);
    BOOST_TEST(result.rowcount() == 250);
    BOOST_TEST(count_rows(conn, "t") == 250);
    BOOST_TEST(conn.execute(text("SELECT name FROM t WHERE id = 250")).scalar_one().as_string() == "n249");

    std::vector<sa::Params> updates = {{{"a", 1}}, {{"a", 1000}}, {{"a", 2}}};
    BOOST_TEST(conn.execute(text("UPDATE t SET name = 'x' WHERE id <= :a"), updates).rowcount() == 1 + 250 + 2);

    // A failing set stops the batch with the mapped error.
    std::vector<sa::Params> clash = {{{"id", 1000}}, {{"id", 1000}}};
    auto e = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO t (id, name) VALUES (:id, 'dup')"), clash); });
    BOOST_TEST(e.native_code().value() == sqlite_constraint_primarykey);
}

BOOST_AUTO_TEST_CASE(integrity_errors) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"));
    conn.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))"));
    conn.execute(text("INSERT INTO parent (id, name) VALUES (1, 'a')"));
    conn.commit();

    auto dup = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO parent (id, name) VALUES (:id, 'b')"), {{"id", 1}}); });
    BOOST_TEST(dup.sqlstate() == "23000");
    BOOST_TEST(dup.native_code().value() == sqlite_constraint_primarykey);
    BOOST_TEST(contains(dup.driver_message(), "UNIQUE constraint failed: parent.id"));
    conn.rollback();

    auto fk = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 99)")); });
    BOOST_TEST(fk.native_code().value() == sqlite_constraint_foreignkey);
    conn.rollback();

    auto not_null = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO parent (id, name) VALUES (2, :n)"), {{"n", sa::null}}); });
    BOOST_TEST(not_null.native_code().value() == sqlite_constraint_notnull);
    BOOST_TEST(contains(not_null.driver_message(), "parent.name"));
    conn.rollback();

    // Nothing half-written: the parent table is as committed.
    BOOST_TEST(count_rows(conn, "parent") == 1);
    BOOST_TEST(count_rows(conn, "child") == 0);
}

BOOST_AUTO_TEST_CASE(statement_errors) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (x INTEGER)"));

    // pysqlite / SQLAlchemy put SQLITE_ERROR (syntax, missing table) under OperationalError.
    auto syntax = expect_error<sa::OperationalError>([&] { conn.execute(text("SELEC x FROM t")); });
    BOOST_TEST(syntax.native_code().value() == sqlite_error);
    BOOST_TEST(contains(syntax.driver_message(), "syntax error"));
    BOOST_TEST(contains(syntax.what(), "SELEC x FROM t"));

    auto missing = expect_error<sa::OperationalError>([&] { conn.execute(text("SELECT * FROM nowhere")); });
    BOOST_TEST(contains(missing.driver_message(), "no such table: nowhere"));

    auto multi =
        expect_error<sa::ProgrammingError>([&] { conn.execute(text("INSERT INTO t VALUES (1); DROP TABLE t")); });
    BOOST_TEST(contains(multi.driver_message(), "one statement"));
    BOOST_TEST(count_rows(conn, "t") == 0);  // neither statement ran
    // A trailing semicolon and comment are not a second statement.
    BOOST_TEST(conn.execute(text("SELECT 5; -- done\n /* really */ ;")).scalar_one().as_int() == 5);

    auto count = expect_error<sa::ProgrammingError>([&] { conn.exec_driver_sql("SELECT ?, ?", {1}); });
    BOOST_TEST(contains(count.driver_message(), "expects 2, 1 given"));
    BOOST_TEST(conn.exec_driver_sql("SELECT ? + ?", {1, 2}).scalar_one().as_int() == 3);
}

BOOST_AUTO_TEST_CASE(url_errors) {
    auto unknown = make_engine("sqlite://?journal=wal");
    auto e = expect_error<sa::ArgumentError>([&] { unknown.connect(); });
    BOOST_TEST(contains(e.what(), "journal"));
    auto bad_mode = make_engine("sqlite:///x.db?mode=append");
    BOOST_CHECK_THROW(bad_mode.connect(), sa::ArgumentError);
    auto bad_timeout = make_engine("sqlite:///x.db?timeout=soon");
    BOOST_CHECK_THROW(bad_timeout.connect(), sa::ArgumentError);

    const std::string path = "/nonexistent_athanor_dir/sub/db.sqlite";
    auto unwritable = make_engine("sqlite:///" + path);
    auto open = expect_error<sa::OperationalError>([&] { unwritable.connect(); });
    BOOST_TEST(contains(open.what(), path));
    BOOST_TEST((open.native_code().value() & 0xff) == sqlite_cantopen);

    TempDb missing;
    auto ro_missing = make_engine(missing.url("mode=ro"));
    BOOST_CHECK_THROW(ro_missing.connect(), sa::OperationalError);
    auto rw_missing = make_engine(missing.url("mode=rw"));
    BOOST_CHECK_THROW(rw_missing.connect(), sa::OperationalError);
    BOOST_TEST(!fs::exists(missing.path));
}

BOOST_AUTO_TEST_CASE(uri_option_passes_a_sqlite_uri) {
    TempDb db;
    make_engine(db.url()).transaction([](sa::Connection& conn) { conn.execute(text("CREATE TABLE t (x INTEGER)")); });
    // The SQLite URI's own query (?mode=ro) is percent-encoded inside the database part.
    auto engine = make_engine("sqlite:///file:" + db.path.string() + "%3Fmode%3Dro?uri=true");
    auto conn = engine.connect();
    BOOST_TEST(count_rows(conn, "t") == 0);
    auto e = expect_error<sa::OperationalError>([&] { conn.execute(text("INSERT INTO t VALUES (1)")); });
    BOOST_TEST((e.native_code().value() & 0xff) == sqlite_readonly);
}

BOOST_AUTO_TEST_CASE(file_database_persists_across_engines) {
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
        engine.dispose();
    }
    BOOST_TEST(fs::exists(db.path));
    auto engine = make_engine(db.url());
    auto conn = engine.connect();
    auto names = conn.execute(text("SELECT name FROM t")).scalars_as<std::string>();
    BOOST_TEST((names == std::vector<std::string>{"kept"}));
}

BOOST_AUTO_TEST_CASE(read_only_mode_refuses_writes) {
    TempDb db;
    make_engine(db.url()).transaction([](sa::Connection& conn) {
        conn.execute(text("CREATE TABLE t (x INTEGER)"));
        conn.execute(text("INSERT INTO t VALUES (1)"));
    });
    auto engine = make_engine(db.url("mode=ro"));
    auto conn = engine.connect();
    BOOST_TEST(count_rows(conn, "t") == 1);
    auto e = expect_error<sa::OperationalError>([&] { conn.execute(text("INSERT INTO t VALUES (2)")); });
    BOOST_TEST((e.native_code().value() & 0xff) == sqlite_readonly);
    conn.rollback();
    BOOST_TEST(count_rows(conn, "t") == 1);
}

BOOST_AUTO_TEST_CASE(locked_database_times_out) {
    TempDb db;
    auto holder_engine = make_engine(db.url());
    auto holder = holder_engine.connect();
    holder.execute(text("CREATE TABLE t (x INTEGER)"));
    holder.commit();
    holder.execute(text("INSERT INTO t VALUES (1)"));  // the open transaction holds the write lock

    auto waiter_engine = make_engine(db.url("timeout=0.2"));
    auto waiter = waiter_engine.connect();
    const auto start = std::chrono::steady_clock::now();
    auto e = expect_error<sa::OperationalError>([&] { waiter.execute(text("INSERT INTO t VALUES (2)")); });
    const auto waited = std::chrono::steady_clock::now() - start;
    BOOST_TEST((e.native_code().value() & 0xff) == sqlite_busy);
    BOOST_TEST(contains(e.driver_message(), "locked"));
    BOOST_TEST((waited >= std::chrono::milliseconds(150)));
    BOOST_TEST((waited < std::chrono::seconds(3)));
    waiter.rollback();

    holder.commit();
    waiter.execute(text("INSERT INTO t VALUES (2)"));
    waiter.commit();
    BOOST_TEST(count_rows(holder, "t") == 2);
}

BOOST_AUTO_TEST_CASE(open_cursors_on_the_same_sql_do_not_share_a_statement) {
    auto engine = make_engine("sqlite://");
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE t (x INTEGER)"));
    std::vector<sa::Params> sets;
    for (int i = 1; i <= 6; ++i) sets.push_back({{"x", i}});
    conn.execute(text("INSERT INTO t (x) VALUES (:x)"), sets);

    // Through the driver: two cursors, same SQL, different parameters, interleaved.
    const std::string sql = "SELECT x FROM t WHERE x > ? ORDER BY x";
    auto& driver = conn.driver_connection();
    std::vector<sa::Value> row;
    auto warm = driver.cursor();  // leaves an idle statement for `sql` in the cache
    warm->execute(sql, std::vector<sa::Value>{5});
    while (warm->fetch(row)) {
    }
    auto low = driver.cursor();
    auto high = driver.cursor();
    low->execute(sql, std::vector<sa::Value>{0});
    BOOST_TEST_REQUIRE(low->fetch(row));
    BOOST_TEST(row[0].as_int() == 1);
    high->execute(sql, std::vector<sa::Value>{4});
    std::vector<std::int64_t> low_seen{1}, high_seen;
    for (;;) {
        const bool a = low->fetch(row);
        if (a) low_seen.push_back(row[0].as_int());
        const bool b = high->fetch(row);
        if (b) high_seen.push_back(row[0].as_int());
        if (!a && !b) break;
    }
    BOOST_TEST((low_seen == std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));
    BOOST_TEST((high_seen == std::vector<std::int64_t>{5, 6}));
    low->close();
    high->close();

    // Through Results: both stay open at once.
    auto q = text("SELECT x FROM t WHERE x > :m ORDER BY x");
    auto r1 = conn.execute(q, {{"m", 3}});
    auto r2 = conn.execute(q, {{"m", 0}});
    BOOST_TEST(r1.fetchone().value()[0].as_int() == 4);
    BOOST_TEST(r2.fetchone().value()[0].as_int() == 1);
    BOOST_TEST(r1.fetchone().value()[0].as_int() == 5);
    BOOST_TEST(r2.fetchall().size() == 5u);
    BOOST_TEST(r1.fetchall().size() == 1u);

    // Reuse after the cursors are done, and past the cache's capacity.
    for (int round = 0; round < 3; ++round)
        for (int i = 0; i < 150; ++i) {
            auto value = conn.execute(text("SELECT :v + " + std::to_string(i)), {{"v", round}}).scalar_one();
            BOOST_TEST_REQUIRE(value.as_int() == round + i);
        }
}

BOOST_AUTO_TEST_CASE(transactions_savepoints_and_isolation) {
    TempDb db;
    auto engine = make_engine(db.url());
    auto conn = engine.connect();
    BOOST_TEST(conn.get_isolation_level() == "SERIALIZABLE");
    conn.execute(text("CREATE TABLE t (x INTEGER)"));
    conn.commit();
    {
        auto tx = conn.begin();
        conn.execute(text("INSERT INTO t VALUES (1)"));
        auto sp = conn.begin_nested();
        conn.execute(text("INSERT INTO t VALUES (2)"));
        sp.rollback();
        tx.commit();
    }
    BOOST_TEST(count_rows(conn, "t") == 1);
    conn.rollback();

    conn.set_isolation_level("READ UNCOMMITTED");
    BOOST_TEST(conn.get_isolation_level() == "READ UNCOMMITTED");
    BOOST_CHECK_THROW(conn.set_isolation_level("REPEATABLE READ"), sa::ArgumentError);
    conn.close();

    // AUTOCOMMIT: each statement is visible to other connections at once.
    sa::EngineOptions options;
    options.isolation_level = "AUTOCOMMIT";
    auto auto_engine = make_engine(db.url(), options);
    auto writer = auto_engine.connect();
    BOOST_TEST(writer.get_isolation_level() == "AUTOCOMMIT");
    writer.execute(text("INSERT INTO t VALUES (3)"));
    auto reader_engine = make_engine(db.url());
    auto reader = reader_engine.connect();
    BOOST_TEST(count_rows(reader, "t") == 2);
}

BOOST_AUTO_TEST_CASE(memory_database_is_one_shared_connection) {
    auto engine = make_engine("sqlite://");
    {
        auto conn = engine.connect();
        conn.execute(text("CREATE TABLE t (x INTEGER)"));
        conn.execute(text("INSERT INTO t VALUES (1)"));
        conn.commit();
    }
    auto conn = engine.connect();
    BOOST_TEST(count_rows(conn, "t") == 1);
    // A different memory engine is a different database.
    auto other = make_engine("sqlite:///:memory:");
    auto other_conn = other.connect();
    BOOST_CHECK_THROW(count_rows(other_conn, "t"), sa::OperationalError);
}

BOOST_AUTO_TEST_CASE(closed_driver_connection_counts_as_disconnect) {
    auto engine = make_engine("sqlite://");
    auto& dialect = engine.dialect();
    auto driver = dialect.connect(sa::Url::parse("sqlite://"));
    dialect.on_connect(*driver);
    BOOST_TEST(driver->ping());
    auto cursor = driver->cursor();
    cursor->execute("PRAGMA foreign_keys", {});
    std::vector<sa::Value> row;
    BOOST_TEST_REQUIRE(cursor->fetch(row));
    BOOST_TEST(row[0].as_int() == 1);  // on_connect turned foreign keys on
    driver->close();
    driver->close();  // idempotent
    BOOST_TEST(driver->closed());
    BOOST_TEST(!driver->ping());
    auto e = expect_error<sa::InterfaceError>([&] { cursor->execute("SELECT 1", {}); });
    BOOST_TEST(dialect.is_disconnect(e));
    BOOST_CHECK_THROW(driver->cursor(), sa::InterfaceError);

    sa::OperationalError busy("database is locked", "", sqlite_busy);
    BOOST_TEST(!dialect.is_disconnect(busy));
}

BOOST_AUTO_TEST_CASE(a_nul_in_the_database_path_is_refused) {
    athanor::test::TempDir dir("athanor_sqlite_nul");
    // %00 would cut the path at the NUL and open (and create) <dir>/a instead of <dir>/a\0b.db.
    auto engine = make_engine("sqlite:///" + dir.path().string() + "/a%00b.db");
    auto e = expect_error<sa::ArgumentError>([&] { engine.connect(); });
    BOOST_TEST(contains(e.what(), "NUL"), e.what());
    BOOST_TEST(contains(e.what(), "a%00b.db"), e.what());
    BOOST_TEST(!fs::exists(dir.file("a")));
    BOOST_TEST(fs::is_empty(dir.path()));
    // The same for a URI database and for a URI query value.
    auto uri = make_engine("sqlite:///file:" + dir.path().string() + "/c%00d.db?uri=true");
    BOOST_CHECK_THROW(uri.connect(), sa::ArgumentError);
    auto uri_value = make_engine("sqlite:///file:" + dir.path().string() + "/e.db?uri=true&vfs=unix%00x");
    BOOST_CHECK_THROW(uri_value.connect(), sa::ArgumentError);
    BOOST_TEST(fs::is_empty(dir.path()));
}

BOOST_AUTO_TEST_CASE(a_file_name_is_not_a_uri_without_uri_true) {
    TempDb db;
    make_engine(db.url()).transaction([](sa::Connection& conn) { conn.execute(text("CREATE TABLE t (x INTEGER)")); });
    // Without ?uri=true, "file:/abs/x.db" is the relative path ./file:/abs/x.db (whose folder
    // "file:" does not exist), never the URI naming /abs/x.db.
    auto plain = make_engine("sqlite:///file:" + db.path.string());
    auto e = expect_error<sa::OperationalError>([&] { plain.connect(); });
    BOOST_TEST((e.native_code().value() & 0xff) == sqlite_cantopen);
    BOOST_TEST(contains(e.what(), "./file:" + db.path.string()), e.what());
    // With it, the same name is the URI.
    auto uri = make_engine("sqlite:///file:" + db.path.string() + "?uri=true");
    auto conn = uri.connect();
    BOOST_TEST(count_rows(conn, "t") == 0);
}

BOOST_AUTO_TEST_CASE(plain_file_named_like_a_memory_uri_is_one_shared_file) {
    // "file::memory:" without ?uri=true is a file of that name in the working directory, so
    // every pooled connection sees what another committed.
    const fs::path file = "file::memory:";
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } remove{file};
    BOOST_REQUIRE(!fs::exists(file));
    auto engine = make_engine("sqlite:///file::memory:");
    BOOST_TEST((engine.dialect().pool_kind(sa::Url::parse("sqlite:///file::memory:")) == sa::sdk::PoolKind::queue));
    auto first = engine.connect();
    first.execute(text("CREATE TABLE t (x INTEGER)"));
    first.execute(text("INSERT INTO t VALUES (1)"));
    first.commit();
    auto second = engine.connect();  // another connection of the pool, first is still checked out
    BOOST_TEST(count_rows(second, "t") == 1);
    BOOST_TEST(fs::exists(file));
}

BOOST_AUTO_TEST_CASE(uri_query_keys_belong_to_the_uri) {
    // With ?uri=true, timeout and uri are the dialect's; every other key is the SQLite URI's.
    TempDb db;
    make_engine(db.url()).transaction([](sa::Connection& conn) {
        conn.execute(text("CREATE TABLE t (x INTEGER)"));
        conn.execute(text("INSERT INTO t VALUES (1)"));
    });
    auto ro = make_engine("sqlite:///file:" + db.path.string() + "?mode=ro&uri=true&timeout=0.5");
    auto conn = ro.connect();
    BOOST_TEST(count_rows(conn, "t") == 1);
    auto e = expect_error<sa::OperationalError>([&] { conn.execute(text("INSERT INTO t VALUES (2)")); });
    BOOST_TEST((e.native_code().value() & 0xff) == sqlite_readonly);
    auto immutable = make_engine("sqlite:///file:" + db.path.string() + "?immutable=1&uri=true");
    auto iconn = immutable.connect();
    BOOST_TEST(count_rows(iconn, "t") == 1);
    // SQLite itself refuses what its URI does not know.
    auto bad = make_engine("sqlite:///file:" + db.path.string() + "?mode=sideways&uri=true");
    BOOST_CHECK_THROW(bad.connect(), sa::OperationalError);
    // Without uri=true, SQLite URI keys are unknown options.
    auto not_uri = make_engine(db.url("immutable=1"));
    auto ne = expect_error<sa::ArgumentError>([&] { not_uri.connect(); });
    BOOST_TEST(contains(ne.what(), "immutable"));
    BOOST_TEST(contains(ne.what(), "uri=true"));
}

BOOST_AUTO_TEST_CASE(memory_uris_share_or_keep_one_connection) {
    const auto kind = [](const char* url) {
        return make_engine("sqlite://").dialect().pool_kind(sa::Url::parse(url));
    };
    using sa::sdk::PoolKind;
    BOOST_TEST((kind("sqlite:///file::memory:?uri=true") == PoolKind::single));
    BOOST_TEST((kind("sqlite:///file:mem_a?mode=memory&uri=true") == PoolKind::single));
    BOOST_TEST((kind("sqlite:///file::memory:?cache=shared&uri=true") == PoolKind::queue));
    BOOST_TEST((kind("sqlite:///file:mem_b?mode=memory&cache=shared&uri=true") == PoolKind::queue));
    BOOST_TEST((kind("sqlite:///file:mem_c%3Fmode%3Dmemory%26cache%3Dshared?uri=true") == PoolKind::queue));
    BOOST_TEST((kind("sqlite:///file:mem_d%3Fmode%3Dmemory?uri=true") == PoolKind::single));
    BOOST_TEST((kind("sqlite:///file:mem_e?mode=memory&cache=private&uri=true") == PoolKind::single));

    // Either way a committed table is visible to the next checkout.
    for (const char* url : {"sqlite:///file::memory:?uri=true", "sqlite:///file:athanor_mem_private?mode=memory&uri=true",
                            "sqlite:///file:athanor_mem_shared?mode=memory&cache=shared&uri=true"}) {
        BOOST_TEST_CONTEXT(url) {
            auto engine = make_engine(url);
            {
                auto conn = engine.connect();
                conn.execute(text("CREATE TABLE t (x INTEGER)"));
                conn.execute(text("INSERT INTO t VALUES (1)"));
                conn.commit();
            }
            auto conn = engine.connect();
            BOOST_TEST(count_rows(conn, "t") == 1);
        }
    }
    // A shared-cache memory database is one database for all the pool's connections at once.
    auto shared = make_engine("sqlite:///file:athanor_mem_two?mode=memory&cache=shared&uri=true");
    auto a = shared.connect();
    auto b = shared.connect();
    a.execute(text("CREATE TABLE t (x INTEGER)"));
    a.commit();
    BOOST_TEST(count_rows(b, "t") == 0);
    BOOST_TEST(!fs::exists("athanor_mem_two"));
}
