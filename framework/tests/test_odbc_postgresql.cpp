// Tests of the ODBC transport (sdk/odbc) through the public API on PostgreSQL through psqlODBC,
// when ATHANOR_TEST_PG_URL names a server (scripts/with-test-servers provides one), through the
// postgresql_odbc plugin's postgresql+odbc:// URLs (user, password, host, port, database;
// psqlODBC found without odbcinst.ini) and, once, a raw ?odbc_connect= string. The identity and
// connect-timeout cases need no server.
#define BOOST_TEST_MODULE test_odbc_postgresql
#include <boost/test/unit_test.hpp>

#include "support/odbc_test_support.hpp"

using namespace odbc_test;

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
