// Tests of the ODBC transport (sdk/odbc) through the public API on sqlite+odbc: Debian's SQLite
// ODBC driver, always available (no server).
#define BOOST_TEST_MODULE test_odbc_sqlite
#include <boost/test/unit_test.hpp>

#include "support/odbc_test_support.hpp"

using namespace odbc_test;

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
