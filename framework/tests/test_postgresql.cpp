// Tests of the PostgreSQL (libpq) dialect plugin through the public API: create_engine()
// with a private plugin registry, text() statements, the expression language, and the
// driver SPI objects the engine exposes.
//
// The live tests need a server: ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start prints
// one). Without it they are reported as skipped, never passed. The compiler tests need no
// server. ATHANOR_TEST_PG_SUPERUSER_URL, when set, is used to terminate backends; otherwise
// the test role terminates its own other session, which PostgreSQL allows.
#define BOOST_TEST_MODULE test_postgresql
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/plugin_registry.hpp>
#include <athanor/engine/pool.hpp>
#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace sa = athanor;
using sa::text;
using sa::Value;

namespace {

using athanor::test::pg_url;

/// The test URL with some parts replaced (keeps host and port).
sa::Url test_url() { return sa::Url::parse(pg_url()); }

std::string with_query(const std::string& query) {
    const std::string url = pg_url();
    return url + (url.find('?') == std::string::npos ? "?" : "&") + query;
}

sa::Engine make_engine(const std::string& url, sa::EngineOptions options = {}) {
    return athanor::test::engine(url, std::move(options));
}

/// A table name private to this process, so parallel test runs do not collide.
std::string private_name(const std::string& base) { return base + "_" + std::to_string(::getpid()); }

using athanor::test::expect_error;

using athanor::test::contains;

Value scalar(sa::Connection& conn, const std::string& sql, const sa::Params& params = {}) {
    return conn.execute(text(sql), params).scalar_one();
}

/// Drops the named tables (process-private names) when the test ends, pass or fail.
struct DropTables {
    sa::Engine engine;
    std::vector<std::string> names;
    ~DropTables() {
        try {
            auto conn = engine.connect();
            for (const auto& n : names) conn.execute(text("DROP TABLE IF EXISTS " + n + " CASCADE"));
            conn.commit();
        } catch (...) {
        }
    }
};

}  // namespace

// ---------------------------------------------------------------- no server needed

BOOST_AUTO_TEST_CASE(manifest_and_dialect_identity) {
    auto engine = make_engine("postgresql://nobody@127.0.0.1:1/none");  // nothing connects yet
    auto& dialect = engine.dialect();
    BOOST_TEST(dialect.name() == "postgresql");
    BOOST_TEST(dialect.driver() == "libpq");
    BOOST_TEST((dialect.paramstyle() == sa::sdk::Paramstyle::dollar));
    BOOST_TEST(engine.plugin().has_capability("cursor_executemany_returning"));
    BOOST_TEST(engine.plugin().has_capability("insert_returning"));
    BOOST_TEST(engine.plugin().has_capability("insert_executemany_returning"));
    BOOST_TEST(engine.plugin().has_capability("sequences"));
    BOOST_TEST(engine.plugin().has_capability("autocommit"));
    BOOST_TEST(!engine.plugin().has_capability("dbapi_lastrowid"));
    auto levels = dialect.isolation_levels();
    BOOST_TEST(levels.size() == 5u);
    auto libpq = make_engine("postgresql+libpq://nobody@127.0.0.1:1/none");
    BOOST_TEST(libpq.dialect().driver() == "libpq");
    BOOST_CHECK_THROW(make_engine("postgresql+psycopg2://nobody@127.0.0.1:1/none"), sa::Error);
    // Disconnect classification needs no server.
    BOOST_TEST(dialect.is_disconnect(sa::OperationalError("terminating connection due to administrator command", "57P01")));
    BOOST_TEST(dialect.is_disconnect(sa::OperationalError("server closed the connection unexpectedly", "")));
    BOOST_TEST(dialect.is_disconnect(sa::OperationalError("x", "08006")));
    BOOST_TEST(!dialect.is_disconnect(sa::OperationalError("deadlock detected", "40P01")));
    BOOST_TEST(!dialect.is_disconnect(sa::IntegrityError("duplicate key value", "23505")));
}

BOOST_AUTO_TEST_CASE(compiler_renders_postgresql_sql) {
    auto engine = make_engine("postgresql://nobody@127.0.0.1:1/none");
    const auto& dialect = engine.dialect();
    using namespace athanor::sql;
    Table users("users", {Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
                          Column("name", TypeEngine::named("VARCHAR(50)"))});
    auto sql = [&](const auto& stmt) { return stmt.compile(dialect)->sql; };

    BOOST_TEST(sql(select(users.c("id")).where(users.c("name").ilike("a%"))) ==
               "SELECT users.id FROM users WHERE users.name ILIKE $1");
    BOOST_TEST(sql(select(users.c("id")).where(users.c("name").not_ilike("a!%", '!'))) ==
               "SELECT users.id FROM users WHERE users.name NOT ILIKE $1 ESCAPE '!'");
    BOOST_TEST(sql(select(users.c("id")).limit(10).offset(5)) == "SELECT users.id FROM users LIMIT 10 OFFSET 5");
    BOOST_TEST(sql(select(users.c("id")).offset(5)) == "SELECT users.id FROM users OFFSET 5");
    BOOST_TEST(sql(users.insert().values({{"id", next_value("user_seq")}, {"name", "n"}})) ==
               "INSERT INTO users (id, name) VALUES (nextval('user_seq'), $1) RETURNING users.id");
    BOOST_TEST(sql(select(next_value("Odd'Seq"))) == "SELECT nextval('\"Odd''Seq\"') AS next_value_1");
    BOOST_TEST(sql(users.insert().values({{"id", 1}, {"name", "a"}}).on_conflict_do_update({"id"}, {{"name", excluded("name")}})) ==
               "INSERT INTO users (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name "
               "RETURNING users.id");
    BOOST_TEST(sql(users.insert().values({{"id", 1}}).on_conflict_do_nothing()) ==
               "INSERT INTO users (id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING users.id");
    // A single-row INSERT returns its generated key (no lastrowid on PostgreSQL).
    auto implicit = users.insert().values({{"name", "a"}}).compile(dialect);
    BOOST_TEST(implicit->sql == "INSERT INTO users (name) VALUES ($1) RETURNING users.id");
    BOOST_TEST(implicit->returns_primary_key);
    BOOST_TEST(select(users.c("id")).where(users.c("id") == true).compile(dialect, {.literal_binds = true})->sql ==
               "SELECT users.id FROM users WHERE users.id = true");
    BOOST_TEST(select(literal(Value(sa::Bytes{0x00, 0xab}))).compile(dialect, {.literal_binds = true})->sql ==
               "SELECT '\\x00ab'::bytea AS anon_1");
    // An expanding IN list: the numbered placeholders after it move with its length.
    auto in_list = [&](std::vector<Value> ids) {
        return select(users.c("id")).where(and_(users.c("name") == "n", users.c("id").in_(std::move(ids)), users.c("id") != 9));
    };
    const auto kept = in_list({1, 2}).compile(dialect, {.keep_expanding = true});
    BOOST_TEST(kept->sql == "SELECT users.id FROM users WHERE users.name = $1 AND users.id IN (__[POSTCOMPILE_id_1]) AND users.id != $2");
    sa::Params values;
    in_list({4, 5, 6, 7}).bound_values(values);
    BOOST_TEST(compiler_for(dialect)->expand(*kept, {}, &values)->sql ==
               "SELECT users.id FROM users WHERE users.name = $1 AND users.id IN ($2, $3, $4, $5) AND users.id != $6");
}

BOOST_AUTO_TEST_CASE(ddl_and_type_names_in_postgresql_flavour) {
    auto engine = make_engine("postgresql://nobody@127.0.0.1:1/none");
    const auto& dialect = engine.dialect();
    using namespace athanor::sql;
    namespace types = athanor::types;
    auto ddl = [&](const DdlElement& e) { return e.compile(dialect)->sql; };
    MetaData md;
    auto& t = md.table("things", Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
                       Column("big", types::BigInteger()), Column("flag", types::Boolean()),
                       Column("price", types::Numeric(10, 2)), Column("ratio", types::Float(10)),
                       Column("ratio2", types::Double()), Column("name", types::String(20)),
                       Column("body", types::Text()), Column("data", types::LargeBinary()),
                       Column("day", types::Date()), Column("at", types::Time(true)),
                       Column("ts", types::DateTime()), Column("tstz", types::DateTime(true)),
                       Column("span", types::Interval()), Column("ref", types::Uuid()),
                       Column("doc", types::JSON()), Column("mood", types::Enum({"happy", "it's"})),
                       Column("note", types::Text(), comment("free text")));
    BOOST_TEST(ddl(CreateTable(t, true)) ==
               "CREATE TABLE IF NOT EXISTS things (\n\tid SERIAL NOT NULL,\n\tbig BIGINT,\n\tflag BOOLEAN,\n"
               "\tprice NUMERIC(10, 2),\n\tratio REAL,\n\tratio2 DOUBLE PRECISION,\n\tname VARCHAR(20),\n"
               "\tbody TEXT,\n\tdata BYTEA,\n\t\"day\" DATE,\n\t\"at\" TIME WITH TIME ZONE,\n\tts TIMESTAMP,\n"
               "\ttstz TIMESTAMP WITH TIME ZONE,\n\tspan INTERVAL,\n\t\"ref\" UUID,\n\tdoc JSON,\n"
               "\tmood VARCHAR(5) CHECK (mood IN ('happy', 'it''s')),\n\tnote TEXT,\n\tPRIMARY KEY (id)\n)");
    BOOST_TEST(ddl(SetColumnComment(t, "note")) == "COMMENT ON COLUMN things.note IS 'free text'");
    auto& b = md.table("bigs", Column("id", types::BigInteger(), primary_key(), autoincrement()));
    BOOST_TEST(ddl(CreateTable(b)) == "CREATE TABLE bigs (\n\tid BIGSERIAL NOT NULL,\n\tPRIMARY KEY (id)\n)");
    auto& i = md.table("idents", Column("id", TypeEngine::named("INTEGER"), Identity(10, 2), primary_key()));
    BOOST_TEST(ddl(CreateTable(i)) ==
               "CREATE TABLE idents (\n\tid INTEGER GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 2),"
               "\n\tPRIMARY KEY (id)\n)");
    auto& q = md.table("tickets", Column("id", TypeEngine::named("INTEGER"), Sequence("ticket_seq"), primary_key()));
    BOOST_TEST(ddl(CreateTable(q)) == "CREATE TABLE tickets (\n\tid INTEGER NOT NULL,\n\tPRIMARY KEY (id)\n)");
    BOOST_TEST(ddl(CreateSequence(Sequence("ticket_seq"), true)) == "CREATE SEQUENCE IF NOT EXISTS ticket_seq");
    // CAST names come from the same type compiler.
    BOOST_TEST(select(cast(literal(Value("x")), types::Uuid())).compile(dialect)->sql == "SELECT CAST($1 AS UUID) AS anon_1");
}

BOOST_AUTO_TEST_CASE(named_enum_is_a_native_type_and_defaults_follow_the_type) {
    auto engine = make_engine("postgresql://nobody@127.0.0.1:1/none");
    const auto& dialect = engine.dialect();
    using namespace athanor::sql;
    namespace types = athanor::types;
    MetaData md;
    auto& t = md.table("people", Column("id", TypeEngine::named("INTEGER"), primary_key()),
                       Column("mood", types::Enum({"happy", "it's"}, "mood")), Column("size", types::Enum({"s", "xl"})),
                       Column("ok", types::Boolean(), server_default(true)));
    BOOST_TEST(CreateTable(t).compile(dialect)->sql ==
               "CREATE TABLE people (\n\tid SERIAL NOT NULL,\n\tmood mood,\n\tsize VARCHAR(2) CHECK (size IN ('s', "
               "'xl')),\n\tok BOOLEAN DEFAULT true,\n\tPRIMARY KEY (id)\n)");
    auto ddl = ddl_compiler_for(dialect);
    const auto pre = ddl->pre_create_statements(t.table());
    BOOST_TEST_REQUIRE(pre.size() == 1u);
    BOOST_TEST(pre[0].sql == "CREATE TYPE mood AS ENUM ('happy', 'it''s')");
    BOOST_TEST(pre[0].exists_query.find("typname = 'mood'") != std::string::npos);
    const auto post = ddl->post_drop_statements(t.table());
    BOOST_TEST_REQUIRE(post.size() == 1u);
    BOOST_TEST(post[0].sql == "DROP TYPE mood");
    // In a schema, the type goes there too; CAST names it.
    auto& s = md.table("things", Column("mood", types::Enum({"a"}, "Mood")), TableOptions{.schema = "app"});
    BOOST_TEST(ddl_compiler_for(dialect)->pre_create_statements(s.table()).at(0).sql ==
               "CREATE TYPE app.\"Mood\" AS ENUM ('a')");
    BOOST_TEST(select(cast(t.c("id"), types::Enum({"happy"}, "mood"))).compile(dialect)->sql ==
               "SELECT CAST(people.id AS mood) AS id FROM people");
}

// ---------------------------------------------------------------- live server

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(types_round_trip) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    const auto round_trip = [&](const std::string& type, const Value& v) {
        auto r = conn.execute(text("SELECT CAST(:v AS " + type + ") AS v"), {{"v", v}});
        return r.scalar_one();
    };
    const auto check_same = [&](const std::string& type, const Value& v) {
        BOOST_TEST_CONTEXT(type << " " << v.repr()) {
            const Value back = round_trip(type, v);
            BOOST_TEST((back.kind() == v.kind()));
            BOOST_TEST((back == v));
        }
    };
    for (const char* type : {"boolean", "smallint", "integer", "bigint", "double precision", "numeric", "text",
                             "bytea", "date", "time", "timestamp", "interval", "uuid", "jsonb"})
        BOOST_TEST_CONTEXT(type) { BOOST_TEST(round_trip(type, Value()).is_null()); }

    check_same("boolean", true);
    check_same("boolean", false);
    check_same("smallint", Value(std::int64_t{-32768}));
    check_same("integer", Value(std::int64_t{std::numeric_limits<std::int32_t>::max()}));
    check_same("bigint", Value(std::numeric_limits<std::int64_t>::min()));
    check_same("bigint", Value(std::numeric_limits<std::int64_t>::max()));
    check_same("double precision", Value(3.141592653589793));
    check_same("double precision", Value(-1.5e300));
    check_same("double precision", Value(5e-324));
    check_same("double precision", Value(std::numeric_limits<double>::infinity()));
    check_same("real", Value(1.5));
    BOOST_TEST(std::isnan(round_trip("double precision", std::numeric_limits<double>::quiet_NaN()).as_double()));
    // numeric stays exact: 40 significant digits and more.
    check_same("numeric", Value(sa::Decimal("1234567890123456789012345678901234567890.0123456789")));
    check_same("numeric", Value(sa::Decimal("-0.000000000000000000000000000000000000001")));
    check_same("numeric(10, 4)", Value(sa::Decimal("-12.3400")));
    check_same("numeric", Value(sa::Decimal("NaN")));
    check_same("text", Value(std::string("Grüße, 東京, Ωμέγα, 🚀 'quoted' \"double\" \\back")));
    check_same("text", Value(std::string("")));
    check_same("varchar(20)", Value(std::string("ünïcödé")));
    BOOST_TEST(round_trip("char(5)", Value("ab")).as_string() == "ab   ");
    check_same("bytea", Value(sa::Bytes{0x00, 0x01, 0x00, 0xff, 0x00, '\\', 'x'}));
    check_same("bytea", Value(sa::Bytes{}));
    check_same("date", Value(sa::Date{1969, 7, 20}));
    check_same("date", Value(sa::Date{1, 1, 1}));
    check_same("date", Value(sa::Date{9999, 12, 31}));
    check_same("time", Value(sa::Time{23, 59, 59, 999999, std::nullopt}));
    check_same("time with time zone", Value(sa::Time{12, 0, 0, 0, 330}));
    check_same("time with time zone", Value(sa::Time{1, 2, 3, 4, -480}));
    check_same("timestamp", Value(sa::DateTime{{2024, 2, 29}, {23, 59, 58, 123456, std::nullopt}}));
    check_same("interval", Value(sa::Interval{14, 3, 4 * 3600'000'000LL + 5 * 60'000'000LL + 6'500'000LL}));
    check_same("interval", Value(sa::Interval{-14, -3, -1}));
    check_same("interval", Value(sa::Interval{0, 0, 0}));
    check_same("interval", Value(sa::Interval{0, 40, 0}));  // days are not folded into months

    // timestamptz comes back in the session's time zone with its offset.
    conn.execute(text("SET TIME ZONE 'UTC'"));
    const sa::DateTime stamp{{2024, 2, 29}, {23, 59, 58, 123456, 120}};
    BOOST_TEST((round_trip("timestamptz", stamp) == Value(sa::DateTime{{2024, 2, 29}, {21, 59, 58, 123456, 0}})));
    conn.execute(text("SET TIME ZONE 'Asia/Kolkata'"));
    BOOST_TEST((round_trip("timestamptz", stamp) == Value(sa::DateTime{{2024, 3, 1}, {3, 29, 58, 123456, 330}})));
    // Values a Value cannot hold stay as the server's text.
    BOOST_TEST(scalar(conn, "SELECT 'infinity'::timestamp").as_string() == "infinity");
    BOOST_TEST(scalar(conn, "SELECT '0044-03-15 BC'::date").as_string() == "0044-03-15 BC");

    // Text-typed results: uuid, json, jsonb, enums.
    const std::string uuid = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
    check_same("uuid", Value(uuid));
    BOOST_TEST(round_trip("json", Value("{\"a\":  [1, \"é\"]}")).as_string() == "{\"a\":  [1, \"é\"]}");
    BOOST_TEST(round_trip("jsonb", Value("{\"b\":2,  \"a\":1}")).as_string() == "{\"a\": 1, \"b\": 2}");
    const std::string mood = private_name("mood");
    DropTables cleanup{engine, {}};
    conn.execute(text("DROP TYPE IF EXISTS " + mood));
    conn.execute(text("CREATE TYPE " + mood + " AS ENUM ('sad', 'happy')"));
    BOOST_TEST(round_trip(mood, Value("happy")).as_string() == "happy");
    conn.execute(text("DROP TYPE " + mood));
    conn.commit();

    // Text with a NUL cannot go to the server: a DataError before anything is sent.
    auto nul = expect_error<sa::DataError>([&] { round_trip("text", Value(std::string("a\0b", 3))); });
    BOOST_TEST(contains(nul.what(), "NUL"));
}

BOOST_AUTO_TEST_CASE(description_reports_type_names) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    auto cursor = conn.driver_connection().cursor();
    cursor->execute("SELECT 1::int4 AS a, 'x'::text AS b, 1.5::numeric AS c, now() AS d, "
                    "'{}'::jsonb AS e, gen_random_uuid() AS f, true AS g, '\\x00'::bytea AS h, "
                    "ARRAY[1, 2] AS i, '(1,2)'::point AS j, 'int4'::regtype AS k",
                    {});
    std::vector<std::string> names, types;
    for (const auto& c : cursor->description()) {
        names.push_back(c.name);
        types.push_back(c.type_name);
    }
    BOOST_TEST((names == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}));
    BOOST_TEST((types == std::vector<std::string>{"int4", "text", "numeric", "timestamptz", "jsonb", "uuid", "bool",
                                                  "bytea", "_int4", "point", "oid:2206"}));
    std::vector<Value> row;
    BOOST_TEST_REQUIRE(cursor->fetch(row));
    BOOST_TEST(row[8].as_string() == "{1,2}");  // arrays come back as their text
    BOOST_TEST(!cursor->fetch(row));
    BOOST_TEST(cursor->rowcount() == 1);
    BOOST_TEST(!cursor->lastrowid().has_value());
    cursor->execute("CREATE TEMP TABLE t_desc (x int)", {});
    BOOST_TEST(cursor->description().empty());
    BOOST_TEST(!cursor->fetch(row));
}

BOOST_AUTO_TEST_CASE(returning_and_rowcount) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE t (id serial PRIMARY KEY, x integer)"));
    auto first = conn.execute(text("INSERT INTO t (x) VALUES (:x) RETURNING id, x"), {{"x", 10}});
    const auto row = first.one();
    BOOST_TEST(row[0].as_int() == 1);
    BOOST_TEST(row[1].as_int() == 10);
    BOOST_TEST(!conn.execute(text("INSERT INTO t (x) VALUES (20)")).lastrowid().has_value());
    BOOST_TEST(conn.execute(text("INSERT INTO t (x) SELECT g FROM generate_series(1, 5) g")).rowcount() == 5);
    BOOST_TEST(conn.execute(text("UPDATE t SET x = x + 1 WHERE x <= :m"), {{"m", 5}}).rowcount() == 5);
    BOOST_TEST(conn.execute(text("UPDATE t SET x = 0 WHERE x > 1000")).rowcount() == 0);
    auto updated = conn.execute(text("UPDATE t SET x = -x WHERE id = :id RETURNING x"), {{"id", 1}}).scalar_one();
    BOOST_TEST(updated.as_int() == -10);
    auto deleted = conn.execute(text("DELETE FROM t WHERE x < 0 OR x = 20 RETURNING id")).scalars_as<int>();
    std::sort(deleted.begin(), deleted.end());
    BOOST_TEST((deleted == std::vector<int>{1, 2}));
    BOOST_TEST(conn.execute(text("DELETE FROM t WHERE x > 1000 RETURNING id")).all().empty());
}

BOOST_AUTO_TEST_CASE(executemany_in_pipeline_returns_rows_in_parameter_order) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE t (id serial PRIMARY KEY, label text, n bigint, b bytea)"));
    // 2500 sets: crosses two pipeline syncs (every 1000).
    std::vector<std::vector<Value>> sets;
    for (int i = 0; i < 2500; ++i)
        sets.push_back({Value("row " + std::to_string(i)), Value(std::int64_t{2500 - i}),
                        i % 7 == 0 ? Value() : Value(sa::Bytes{0, static_cast<std::uint8_t>(i & 0xff)})});
    auto cursor = conn.driver_connection().cursor();
    cursor->executemany("INSERT INTO t (label, n, b) VALUES ($1, $2, $3) RETURNING id, label, n", sets);
    BOOST_TEST(cursor->rowcount() == 2500);
    BOOST_TEST_REQUIRE(cursor->description().size() == 3u);
    BOOST_TEST(cursor->description()[0].type_name == "int4");
    std::vector<Value> row;
    std::int64_t previous_id = 0;
    for (int i = 0; i < 2500; ++i) {
        BOOST_TEST_REQUIRE(cursor->fetch(row));
        BOOST_TEST_REQUIRE(row[1].as_string() == "row " + std::to_string(i));
        BOOST_TEST_REQUIRE(row[2].as_int() == 2500 - i);
        BOOST_TEST_REQUIRE(row[0].as_int() > previous_id);
        previous_id = row[0].as_int();
    }
    BOOST_TEST(!cursor->fetch(row));
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM t WHERE b = '\\x0005'::bytea").as_int() > 0);

    // Without RETURNING: nothing to fetch, rowcount summed; also through Connection::execute.
    cursor->executemany("UPDATE t SET n = n + 1 WHERE id = $1", std::vector<std::vector<Value>>{{1}, {2}, {999999}});
    BOOST_TEST(cursor->rowcount() == 2);
    BOOST_TEST(cursor->description().empty());
    BOOST_TEST(!cursor->fetch(row));
    auto many = conn.execute(text("INSERT INTO t (label, n) VALUES (:l, :n)"),
                             std::vector<sa::Params>{{{"l", "a"}, {"n", 1}}, {{"l", "b"}, {"n", 2}}});
    BOOST_TEST(many.rowcount() == 2);
    cursor->executemany("INSERT INTO t (label) VALUES ($1)", std::vector<std::vector<Value>>{});
    BOOST_TEST(cursor->rowcount() == 0);
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM t").as_int() == 2502);
    // Sets of different widths are refused before anything is sent.
    BOOST_CHECK_THROW(cursor->executemany("INSERT INTO t (label) VALUES ($1)",
                                          std::vector<std::vector<Value>>{{"a"}, {"b", "c"}}),
                      sa::ProgrammingError);
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM t").as_int() == 2502);
}

BOOST_AUTO_TEST_CASE(executemany_error_aborts_the_whole_batch) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_batch");
    DropTables cleanup{engine, {table}};
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE " + table + " (id integer PRIMARY KEY)"));
    conn.commit();
    std::vector<sa::Params> sets;
    for (int i = 0; i < 3000; ++i) sets.push_back({{"id", i == 1500 ? 10 : i}});  // 10 twice
    auto e = expect_error<sa::IntegrityError>(
        [&] { conn.execute(text("INSERT INTO " + table + " (id) VALUES (:id)"), sets); });
    BOOST_TEST(e.sqlstate() == "23505");
    BOOST_TEST(!e.connection_invalidated());
    conn.rollback();
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 0);
    // The connection left pipeline mode and works normally.
    conn.execute(text("INSERT INTO " + table + " (id) VALUES (:id)"), sets.front());
    conn.commit();
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 1);
}

BOOST_AUTO_TEST_CASE(prepared_statements_are_reused_and_evicted) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    const std::string sql = "SELECT $1::int + 1 AS reuse_probe";
    auto cursor = conn.driver_connection().cursor();
    std::vector<Value> row;
    for (int i = 0; i < 3; ++i) {
        cursor->execute(sql, std::vector<Value>{i});
        BOOST_TEST_REQUIRE(cursor->fetch(row));
        BOOST_TEST(row[0].as_int() == i + 1);
    }
    const auto prepared_count = [&](const std::string& statement) {
        cursor->execute("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1 AND name LIKE 'athanor_s%'",
                        std::vector<Value>{statement});
        cursor->fetch(row);
        return row[0].as_int();
    };
    BOOST_TEST(prepared_count(sql) == 1);
    // DDL and other one-off statements are not kept prepared.
    cursor->execute("CREATE TEMP TABLE t_prep (x int)", {});
    BOOST_TEST(prepared_count("CREATE TEMP TABLE t_prep (x int)") == 0);
    // A wrong number of parameters is a ProgrammingError, and the connection stays usable.
    auto wrong = expect_error<sa::ProgrammingError>([&] { cursor->execute(sql, std::vector<Value>{1, 2}); });
    BOOST_TEST(contains(wrong.what(), "expects 1"));
    BOOST_CHECK_THROW(conn.exec_driver_sql("SELECT $1::int, $2::int", {1}), sa::ProgrammingError);
    BOOST_TEST(conn.exec_driver_sql("SELECT 2").scalar_one().as_int() == 2);
    conn.close();

    // With a cache of 2, the least recently used statement is deallocated on the server.
    auto small = make_engine(with_query("prepared_statement_cache_size=2"));
    auto c2 = small.connect();
    auto cur = c2.driver_connection().cursor();
    for (const char* s : {"SELECT 1 AS a", "SELECT 2 AS b", "SELECT 3 AS c"}) cur->execute(s, {});
    cur->execute("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'athanor_s%' ORDER BY name", {});
    std::vector<std::string> held;
    while (cur->fetch(row)) held.push_back(row[0].as_string());
    BOOST_TEST((held == std::vector<std::string>{
                           "SELECT 3 AS c",
                           "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'athanor_s%' ORDER BY name"}));
    // A cache of 0 uses the unnamed statement only.
    auto none = make_engine(with_query("prepared_statement_cache_size=0"));
    auto c3 = none.connect();
    BOOST_TEST(c3.execute(text("SELECT count(*) FROM pg_prepared_statements WHERE :x = 1"), {{"x", 1}})
                   .scalar_one()
                   .as_int() == 0);
    BOOST_CHECK_THROW(make_engine(with_query("prepared_statement_cache_size=many")).connect(), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(sqlstates_map_to_exception_classes) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE parent (id integer PRIMARY KEY)"));
    conn.execute(text("CREATE TEMP TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent(id))"));
    conn.execute(text("INSERT INTO parent VALUES (1)"));
    conn.commit();
    const auto fails = [&](const std::string& sql) {
        try {
            conn.execute(text(sql));
        } catch (...) {
            conn.rollback();
            throw;
        }
    };
    auto dup = expect_error<sa::IntegrityError>([&] { fails("INSERT INTO parent VALUES (1)"); });
    BOOST_TEST(dup.sqlstate() == "23505");
    BOOST_TEST(contains(dup.what(), "duplicate key"));
    BOOST_TEST(contains(dup.what(), "DETAIL: Key (id)=(1) already exists."));
    BOOST_TEST(contains(dup.what(), "INSERT INTO parent VALUES (1)"));  // the framework added the statement
    BOOST_TEST(expect_error<sa::IntegrityError>([&] { fails("INSERT INTO child VALUES (1, 42)"); }).sqlstate() == "23503");
    BOOST_TEST(expect_error<sa::IntegrityError>([&] { fails("INSERT INTO child (id) VALUES (2)"); }).sqlstate() == "23502");
    BOOST_TEST(expect_error<sa::ProgrammingError>([&] { fails("SELEC 1"); }).sqlstate() == "42601");
    auto missing = expect_error<sa::ProgrammingError>([&] { fails("SELECT * FROM no_such_table_here"); });
    BOOST_TEST(missing.sqlstate() == "42P01");
    BOOST_TEST(expect_error<sa::ProgrammingError>([&] { fails("SELECT no_such_column FROM parent"); }).sqlstate() == "42703");
    BOOST_TEST(expect_error<sa::DataError>([&] { fails("SELECT 1 / 0"); }).sqlstate() == "22012");
    BOOST_TEST(expect_error<sa::DataError>([&] { fails("SELECT 'abc'::integer"); }).sqlstate() == "22P02");
    BOOST_TEST(expect_error<sa::ProgrammingError>([&] { fails("SELECT 1; SELECT 2"); }).sqlstate() == "42601");
    BOOST_TEST(expect_error<sa::NotSupportedError>([&] { fails("COPY parent TO STDOUT"); }).sqlstate() == "");
    // None of these cost the connection.
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM parent").as_int() == 1);
    BOOST_TEST(engine.pool().status().invalidated_total == 0u);
}

BOOST_AUTO_TEST_CASE(commit_of_an_aborted_transaction_is_refused) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_aborted");
    DropTables cleanup{engine, {table}};
    auto& dialect = engine.dialect();
    auto driver = dialect.connect(test_url());
    auto cursor = driver->cursor();
    cursor->execute("CREATE TABLE " + table + " (x int)", {});
    driver->begin();
    cursor->execute("INSERT INTO " + table + " VALUES (1)", {});
    BOOST_CHECK_THROW(cursor->execute("SELECT 1 / 0", {}), sa::DataError);
    auto e = expect_error<sa::InternalError>([&] { driver->commit(); });
    BOOST_TEST(e.sqlstate() == "25P02");
    driver->rollback();  // nothing open any more: a no-op
    driver->commit();    // likewise
    cursor->execute("SELECT count(*) FROM " + table, {});
    std::vector<Value> row;
    BOOST_TEST_REQUIRE(cursor->fetch(row));
    BOOST_TEST(row[0].as_int() == 0);
    BOOST_TEST(driver->ping());
}

BOOST_AUTO_TEST_CASE(connection_failures_name_the_server_not_the_password) {
    const sa::Url good = test_url();
    const std::string where = good.host().value_or("") + ":" + std::to_string(good.port().value_or(5432));

    const std::string secret = "Wr0ng-Secret-Pw";
    auto bad_password = make_engine(
        sa::Url::create("postgresql", good.username(), secret, good.host(), good.port(), good.database()).render(false));
    auto e = expect_error<sa::OperationalError>([&] { bad_password.connect(); });
    const std::string what = e.what();
    BOOST_TEST(contains(what, where));
    BOOST_TEST(contains(what, "password authentication failed"));
    BOOST_TEST(!contains(what, secret));
    BOOST_TEST(e.sqlstate() == "08001");
    BOOST_TEST(contains(what, "as user '" + good.username().value_or("") + "'"));

    auto refused = make_engine(sa::Url::create("postgresql", good.username(), good.password(), std::string("127.0.0.1"),
                                               std::uint16_t{1}, good.database())
                                   .render(false));
    auto r = expect_error<sa::OperationalError>([&] { refused.connect(); });
    BOOST_TEST(contains(r.what(), "127.0.0.1:1"));
    BOOST_TEST(contains(r.what(), "refused"));
    BOOST_TEST(!contains(r.what(), good.password().value_or("@@")));

    auto unknown_db = make_engine(good.with_database(std::string("athanor_no_such_db")).render(false));
    auto u = expect_error<sa::OperationalError>([&] { unknown_db.connect(); });
    BOOST_TEST(contains(u.what(), where));
    BOOST_TEST(contains(u.what(), "athanor_no_such_db"));
    BOOST_TEST(contains(u.what(), "does not exist"));

    // Query keys are libpq keywords; an unknown one is an ArgumentError naming it.
    auto typo = expect_error<sa::ArgumentError>([&] { make_engine(with_query("sslmodee=disable")).connect(); });
    BOOST_TEST(contains(typo.what(), "sslmodee"));
    BOOST_TEST(contains(typo.what(), "sslmode"));
    auto keyed = make_engine(with_query("application_name=athanor-test-app&sslmode=disable&connect_timeout=5&"
                                        "options=-c%20statement_timeout%3D4321"));
    auto conn = keyed.connect();
    BOOST_TEST(scalar(conn, "SELECT current_setting('application_name')").as_string() == "athanor-test-app");
    BOOST_TEST(scalar(conn, "SHOW statement_timeout").as_string() == "4321ms");
    BOOST_TEST(scalar(conn, "SHOW IntervalStyle").as_string() == "iso_8601");
}

BOOST_AUTO_TEST_CASE(isolation_levels_and_autocommit) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_iso");
    DropTables cleanup{engine, {table}};
    auto conn = engine.connect();
    BOOST_TEST(conn.get_isolation_level() == "READ COMMITTED");
    for (const char* level : {"SERIALIZABLE", "REPEATABLE READ", "READ UNCOMMITTED", "READ COMMITTED"}) {
        conn.set_isolation_level(level);
        BOOST_TEST(conn.get_isolation_level() == level);
    }
    auto bad = expect_error<sa::ArgumentError>([&] { conn.set_isolation_level("SNAPSHOT"); });
    BOOST_TEST(contains(bad.what(), "REPEATABLE READ"));
    conn.execute(text("CREATE TABLE " + table + " (x int)"));
    conn.commit();

    // REPEATABLE READ: a second connection's commit is not seen inside the transaction.
    sa::EngineOptions rr;
    rr.isolation_level = "REPEATABLE READ";
    auto rr_engine = make_engine(pg_url(), rr);
    auto reader = rr_engine.connect();
    BOOST_TEST(reader.get_isolation_level() == "REPEATABLE READ");
    BOOST_TEST(scalar(reader, "SELECT count(*) FROM " + table).as_int() == 0);
    conn.execute(text("INSERT INTO " + table + " VALUES (1)"));
    conn.commit();
    BOOST_TEST(scalar(reader, "SELECT count(*) FROM " + table).as_int() == 0);
    reader.commit();
    BOOST_TEST(scalar(reader, "SELECT count(*) FROM " + table).as_int() == 1);
    reader.close();

    // Outside AUTOCOMMIT a transaction spans statements: one transaction id for both.
    const auto txid = [](sa::Connection& c) { return scalar(c, "SELECT txid_current()").as_int(); };
    BOOST_TEST(txid(conn) == txid(conn));
    conn.commit();

    // AUTOCOMMIT: no BEGIN, each statement is visible at once and rollback cannot undo it.
    sa::EngineOptions ac;
    ac.isolation_level = "AUTOCOMMIT";
    auto ac_engine = make_engine(pg_url(), ac);
    auto writer = ac_engine.connect();
    BOOST_TEST(writer.get_isolation_level() == "AUTOCOMMIT");
    writer.execute(text("INSERT INTO " + table + " VALUES (2)"));
    // Each statement is its own transaction.
    BOOST_TEST(txid(writer) != txid(writer));
    writer.rollback();
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 2);
    conn.commit();
}

BOOST_AUTO_TEST_CASE(savepoints) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE t (x integer PRIMARY KEY)"));
    conn.commit();
    {
        auto tx = conn.begin();
        conn.execute(text("INSERT INTO t VALUES (1)"));
        {
            auto sp = conn.begin_nested();
            conn.execute(text("INSERT INTO t VALUES (2)"));
            sp.rollback();
        }
        {
            auto sp = conn.begin_nested();
            // An error inside a savepoint is undone by rolling back to it; the outer work survives.
            BOOST_CHECK_THROW(conn.execute(text("INSERT INTO t VALUES (1)")), sa::IntegrityError);
            sp.rollback();
        }
        {
            auto sp = conn.begin_nested();
            conn.execute(text("INSERT INTO t VALUES (3)"));
            sp.commit();
        }
        tx.commit();
    }
    BOOST_TEST((conn.execute(text("SELECT x FROM t ORDER BY x")).scalars_as<int>() == std::vector<int>{1, 3}));
}

BOOST_AUTO_TEST_CASE(terminated_backend_is_invalidated_and_replaced) {
    auto engine = make_engine(pg_url());
    auto admin = make_engine(athanor::test::env_url("ATHANOR_TEST_PG_SUPERUSER_URL").value_or(pg_url()));
    std::int64_t victim_pid = 0;
    {
        auto conn = engine.connect();
        victim_pid = scalar(conn, "SELECT pg_backend_pid()").as_int();
        conn.commit();
        {
            auto killer = admin.connect();
            BOOST_TEST(scalar(killer, "SELECT pg_terminate_backend(:p, 5000)", {{"p", victim_pid}}).as_bool());
        }
        auto e = expect_error<sa::OperationalError>([&] { conn.execute(text("SELECT 1")); });
        BOOST_TEST(e.connection_invalidated());
        BOOST_TEST(engine.dialect().is_disconnect(e));
    }
    BOOST_TEST(engine.pool().status().invalidated_total == 1u);
    auto fresh = engine.connect();
    const auto new_pid = scalar(fresh, "SELECT pg_backend_pid()").as_int();
    BOOST_TEST(new_pid != victim_pid);

    // The driver connection itself: ping is false, never an exception, once the backend is gone.
    auto driver = engine.dialect().connect(test_url());
    auto cursor = driver->cursor();
    cursor->execute("SELECT pg_backend_pid()", {});
    std::vector<Value> row;
    BOOST_TEST_REQUIRE(cursor->fetch(row));
    {
        auto killer = admin.connect();
        scalar(killer, "SELECT pg_terminate_backend(:p, 5000)", {{"p", row[0].as_int()}});
    }
    BOOST_TEST(!driver->ping());
    auto lost = expect_error<sa::OperationalError>([&] { cursor->execute("SELECT 1", {}); });
    BOOST_TEST(engine.dialect().is_disconnect(lost));
    driver->close();
    auto closed = expect_error<sa::InterfaceError>([&] { cursor->execute("SELECT 1", {}); });
    BOOST_TEST(engine.dialect().is_disconnect(closed));
}

BOOST_AUTO_TEST_CASE(expression_language_on_postgresql) {
    using namespace athanor::sql;
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    const std::string seq = private_name("ids");
    conn.execute(text("CREATE TEMP TABLE people (id serial PRIMARY KEY, name varchar(50), age integer)"));
    conn.execute(text("CREATE TEMP SEQUENCE " + seq + " START 100"));
    Table people("people", {Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
                            Column("name", TypeEngine::named("VARCHAR(50)")), Column("age", TypeEngine::named("INTEGER"))});
    // Implicit RETURNING gives the generated key.
    auto inserted = conn.execute(people.insert().values({{"name", "Alice"}, {"age", 30}}));
    BOOST_TEST((inserted.inserted_primary_key() == std::vector<Value>{Value(1)}));
    conn.execute(people.insert().values({{"name", "bob"}, {"age", 17}}));
    conn.execute(people.insert().values({{"id", next_value(seq)}, {"name", "carol"}, {"age", 65}}));
    BOOST_TEST(scalar(conn, "SELECT id FROM people WHERE name = 'carol'").as_int() == 100);
    auto names = conn.execute(select(people.c("name")).where(people.c("name").ilike("A%")).order_by(people.c("id")))
                     .scalars_as<std::string>();
    BOOST_TEST((names == std::vector<std::string>{"Alice"}));
    auto paged = conn.execute(select(people.c("name")).order_by(people.c("id")).offset(1)).scalars_as<std::string>();
    BOOST_TEST((paged == std::vector<std::string>{"bob", "carol"}));
    auto half = conn.execute(select((people.c("age") / 2).label("h")).where(people.c("name") == "bob")).scalar_one();
    BOOST_TEST(half.as_decimal().to_double() == 8.5);
    conn.execute(people.insert()
                     .values({{"id", 2}, {"name", "bobby"}, {"age", 18}})
                     .on_conflict_do_update({"id"}, {{"name", excluded("name")}}));
    BOOST_TEST(scalar(conn, "SELECT name FROM people WHERE id = 2").as_string() == "bobby");
    conn.execute(people.insert().values({{"id", 2}, {"name", "ignored"}}).on_conflict_do_nothing());
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM people").as_int() == 3);
    auto gone = conn.execute(people.delete_().where(people.c("age") > 60).returning(people.c("name"))).scalar_one();
    BOOST_TEST(gone.as_string() == "carol");
}

BOOST_AUTO_TEST_CASE(row_locks_frames_and_row_values_on_postgresql) {
    using namespace athanor::sql;
    auto engine = make_engine(pg_url());
    const std::string name = private_name("lockable");
    DropTables cleanup{make_engine(pg_url()), {name}};
    {
        auto setup = engine.connect();
        setup.execute(text("CREATE TABLE " + name + " (id integer PRIMARY KEY, amount integer)"));
        setup.execute(text("INSERT INTO " + name + " VALUES (1, 10), (2, 20), (3, 30)"));
        setup.commit();
    }
    Table t(name, {Column("id", TypeEngine::named("INTEGER"), primary_key()), Column("amount", TypeEngine::named("INTEGER"))});
    From t2 = t.alias("t2");
    auto holder = engine.connect();
    auto other = engine.connect();
    // holder locks row 1 until it ends its transaction.
    BOOST_TEST(holder.execute(select(t.c("amount")).where(t.c("id") == 1).with_for_update()).scalar_one().as_int() == 10);
    // NOWAIT: the other session is refused at once (SQLSTATE 55P03) instead of waiting.
    const auto refused = athanor::test::expect_error<sa::OperationalError>(
        [&] { other.execute(select(t.c("amount")).where(t.c("id") == 1).with_for_update({.nowait = true})); });
    BOOST_TEST(refused.sqlstate() == "55P03");
    other.rollback();
    // SKIP LOCKED: the locked row is passed over.
    auto free_ids = other.execute(select(t.c("id")).order_by(t.c("id")).with_for_update({.skip_locked = true, .of = {t}}))
                        .scalars_as<std::int64_t>();
    BOOST_TEST((free_ids == std::vector<std::int64_t>{2, 3}));
    other.rollback();
    holder.rollback();
    // Shared locks do not exclude each other.
    holder.execute(select(t.c("id")).where(t.c("id") == 2).with_for_update({.read = true}));
    BOOST_TEST(other.execute(select(t.c("id")).where(t.c("id") == 2).with_for_update({.read = true, .nowait = true}))
                   .scalar_one()
                   .as_int() == 2);
    holder.rollback();
    other.rollback();

    // DISTINCT ON: the largest amount per parity of id. (An expression with a bound value
    // would be two different parameters in DISTINCT ON and ORDER BY, which PostgreSQL refuses.)
    auto parity = literal_column("id % 2");
    auto top = holder.execute(select(parity.label("parity"), t.c("amount"))
                                  .select_from(t)
                                  .distinct_on({parity})
                                  .order_by(parity, t.c("amount").desc()))
                   .all();
    BOOST_TEST_REQUIRE(top.size() == 2u);
    BOOST_TEST(top[0].get<std::int64_t>("amount") == 20);
    BOOST_TEST(top[1].get<std::int64_t>("amount") == 30);
    // LATERAL: for each row, the next larger amount.
    auto next_larger = select(t2.c("amount")).where(t2.c("amount") > t.c("amount")).order_by(t2.c("amount")).limit(1).lateral("nxt");
    auto pairs = holder.execute(select(t.c("id"), next_larger.c("amount").label("next"))
                                    .select_from(t.outerjoin(next_larger, true_()))
                                    .order_by(t.c("id")))
                     .all();
    BOOST_TEST_REQUIRE(pairs.size() == 3u);
    BOOST_TEST(pairs[0].get<std::int64_t>("next") == 20);
    BOOST_TEST(pairs[1].get<std::int64_t>("next") == 30);
    BOOST_TEST(pairs[2]["next"].is_null());
    // A frame and a row-value IN, executed.
    auto running = holder.execute(select(sum(t.c("amount")).over({.order_by = {t.c("id")}, .rows = Frame{-1, 0}}))
                                      .order_by(t.c("id")))
                       .scalars_as<std::int64_t>();
    BOOST_TEST((running == std::vector<std::int64_t>{10, 30, 50}));
    auto picked = holder.execute(select(t.c("id"))
                                     .where(tuple_(t.c("id"), t.c("amount")).in_({tuple_(1, 10), tuple_(2, 99), tuple_(3, 30)}))
                                     .order_by(t.c("id")))
                      .scalars_as<std::int64_t>();
    BOOST_TEST((picked == std::vector<std::int64_t>{1, 3}));

    // UPDATE ... FROM and DELETE ... USING with a second table.
    const std::string bonus_name = private_name("bonus");
    cleanup.names.push_back(bonus_name);
    holder.execute(text("CREATE TABLE " + bonus_name + " (account integer, extra integer)"));
    holder.execute(text("INSERT INTO " + bonus_name + " VALUES (1, 5), (3, 7)"));
    Table bonus(bonus_name, {Column("account", TypeEngine::named("INTEGER")), Column("extra", TypeEngine::named("INTEGER"))});
    const auto updated = holder.execute(
        t.update().values({{"amount", t.c("amount") + bonus.c("extra")}}).where(t.c("id") == bonus.c("account")));
    BOOST_TEST(updated.rowcount() == 2);
    auto amounts = holder.execute(select(t.c("amount")).order_by(t.c("id"))).scalars_as<std::int64_t>();
    BOOST_TEST((amounts == std::vector<std::int64_t>{15, 20, 37}));
    const auto deleted = holder.execute(t.delete_().where(and_(t.c("id") == bonus.c("account"), bonus.c("extra") > 6)));
    BOOST_TEST(deleted.rowcount() == 1);
    BOOST_TEST(scalar(holder, "SELECT count(*) FROM " + name).as_int() == 2);
    holder.commit();
}

BOOST_AUTO_TEST_CASE(use_alter_foreign_keys_close_a_cycle_on_postgresql) {
    using namespace athanor::sql;
    auto engine = make_engine(pg_url());
    const std::string dept = private_name("departments");
    const std::string emp = private_name("employees");
    MetaData md;
    auto& departments = md.table(dept, Column("id", TypeEngine::named("INTEGER"), primary_key()),
                                 Column("manager_id", TypeEngine::named("INTEGER"),
                                        ForeignKey(emp + ".id", {.name = "fk_dept_manager", .use_alter = true})));
    auto& employees = md.table(emp, Column("id", TypeEngine::named("INTEGER"), primary_key()),
                               Column("department_id", TypeEngine::named("INTEGER"), ForeignKey(dept + ".id")));
    DropTables cleanup{make_engine(pg_url()), {emp, dept}};
    md.create_all(engine);
    md.create_all(engine);  // checkfirst: the tables exist, so neither they nor their keys are issued again
    auto conn = engine.connect();
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM pg_constraint WHERE conname = 'fk_dept_manager' AND conrelid = '" +
                                dept + "'::regclass")
                   .as_int() == 1);
    conn.execute(departments.insert(), sa::Params{{"id", 1}});
    conn.execute(employees.insert(), sa::Params{{"id", 10}, {"department_id", 1}});
    conn.execute(departments.update().values({{"manager_id", 10}}));
    BOOST_CHECK_THROW(conn.execute(departments.update().values({{"manager_id", 99}})), sa::IntegrityError);
    conn.rollback();
    conn.close();
    md.drop_all(engine);  // the key first, then the tables
    auto check = engine.connect();
    BOOST_TEST(scalar(check, "SELECT count(*) FROM pg_class WHERE relname IN ('" + dept + "', '" + emp + "')").as_int() == 0);
}

BOOST_AUTO_TEST_CASE(metadata_create_all_round_trips_postgresql_types) {
    using namespace athanor::sql;
    namespace types = athanor::types;
    auto engine = make_engine(pg_url());
    const std::string name = private_name("md_things");
    MetaData md;
    auto& t = md.table(name, Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
                       Column("flag", types::Boolean()), Column("price", types::Numeric(30, 10)),
                       Column("data", types::LargeBinary()), Column("tstz", types::DateTime(true)),
                       Column("span", types::Interval()), Column("ref", types::Uuid()), Column("doc", types::JSON()),
                       Column("mood", types::Enum({"happy", "sad"}, "mood")),
                       Column("note", types::Text(), comment("free text")), TableOptions{.comment = "md test"});
    md.create_all(engine);
    md.create_all(engine);  // checkfirst: has_table sees it, nothing is issued
    DropTables cleanup{engine, {name}};
    auto conn = engine.connect();
    BOOST_TEST(scalar(conn, "SELECT obj_description('" + name + "'::regclass)").as_string() == "md test");
    const sa::DateTime at{{2024, 2, 29}, {23, 59, 58, 123456, 330}};
    auto r = conn.execute(t.insert().values({{"flag", true}, {"price", sa::Decimal("12345678901234567890.0123456789")},
                                              {"data", sa::Bytes{0, 1, 255}}, {"tstz", at},
                                              {"span", sa::Interval{1, 2, 3000000}},
                                              {"ref", "1B4E28BA2FA111D2883F0016D3CCA427"}, {"doc", R"({"a": [1, 2]})"},
                                              {"mood", "sad"}}));
    BOOST_TEST((r.inserted_primary_key() == std::vector<Value>{Value(1)}));  // SERIAL, through RETURNING
    auto row = conn.execute(select(t).where(t.c("ref") == "{1b4e28ba-2fa1-11d2-883f-0016d3cca427}")).one();
    BOOST_TEST((row[1] == Value(true)));
    BOOST_TEST(row[2].as_decimal().str() == "12345678901234567890.0123456789");
    BOOST_TEST((row[3].as_bytes() == sa::Bytes{0, 1, 255}));
    BOOST_TEST(row[4].as_datetime().time.utc_offset_minutes.has_value());  // timestamptz keeps an offset
    BOOST_TEST((row[5].as_interval() == sa::Interval{1, 2, 3000000}));
    BOOST_TEST(row[6].as_string() == "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    BOOST_TEST(contains(row[7].as_string(), "\"a\""));
    BOOST_TEST(row[8].as_string() == "sad");
    expect_error<sa::DataError>([&] { conn.execute(t.insert().values({{"mood", "angry"}})); });  // bind processor
    conn.rollback();
    // A named Enum is a native type (CREATE TYPE mood AS ENUM): the server rejects other values.
    expect_error<sa::DataError>([&] { conn.execute(text("INSERT INTO " + name + " (mood) VALUES ('angry')")); });
    conn.rollback();
    BOOST_TEST(scalar(conn, "SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = '" + name +
                                "'::regclass AND attname = 'mood'").as_string() == "mood");
    conn.close();
    md.drop_all(engine);
    md.drop_all(engine);  // checkfirst: already gone
    auto check = engine.connect();
    BOOST_TEST(scalar(check, "SELECT to_regclass('" + name + "') IS NULL").as_bool());
    BOOST_TEST(scalar(check, "SELECT to_regtype('mood') IS NULL").as_bool());  // DROP TYPE after the table
}

// Prepared statements fix their parameter and result types when prepared; the same SQL must
// keep working after the table is dropped and created again with other column types.
BOOST_AUTO_TEST_CASE(prepared_statements_follow_a_table_recreated_with_other_types) {
    auto engine = make_engine(pg_url());
    const std::string table = private_name("t_stale");
    DropTables cleanup{engine, {table}};
    const std::string insert = "INSERT INTO " + table + " (x) VALUES (:x)";
    const std::string read = "SELECT x FROM " + table;
    const auto recreate = [&](sa::Connection& c, const std::string& type) {
        c.execute(text("DROP TABLE IF EXISTS " + table));
        c.execute(text("CREATE TABLE " + table + " (x " + type + ")"));
    };
    auto conn = engine.connect();
    // DDL on the same connection, inside its transaction.
    recreate(conn, "varchar(20)");
    conn.execute(text(insert), {{"x", "41"}});
    BOOST_TEST(scalar(conn, read).as_string() == "41");
    recreate(conn, "bigint");
    conn.execute(text(insert), {{"x", "42"}});      // not "column x is of type bigint but expression is ... varying"
    BOOST_TEST(scalar(conn, read).as_int() == 42);  // not "cached plan must not change result type"
    conn.commit();

    // DDL on another connection of this process (another engine, so another pool).
    auto other_engine = make_engine(pg_url());
    auto other = other_engine.connect();
    recreate(other, "text");
    other.commit();
    conn.execute(text(insert), {{"x", "forty-three"}});
    BOOST_TEST(scalar(conn, read).as_string() == "forty-three");
    conn.commit();

    // A transaction that ran DDL and rolled back brings the old column type back.
    recreate(conn, "bigint");
    conn.execute(text(insert), {{"x", "44"}});
    BOOST_TEST(scalar(conn, read).as_int() == 44);
    conn.rollback();
    conn.execute(text(insert), {{"x", "forty-five"}});
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table).as_int() == 2);
    conn.commit();

    // DDL the plugin cannot see (as from another process): inside a DO block.
    const auto hidden_recreate = [&](const std::string& type) {
        other.execute(text("DO $$ BEGIN EXECUTE 'DROP TABLE " + table + "'; EXECUTE 'CREATE TABLE " + table + " (x " +
                           type + ")'; END $$"));
        other.commit();
    };
    // Outside a transaction block the refused statement is prepared again and run once more.
    sa::EngineOptions ac;
    ac.isolation_level = "AUTOCOMMIT";
    auto ac_engine = make_engine(pg_url(), ac);
    auto autocommit = ac_engine.connect();
    autocommit.execute(text(insert), {{"x", "z46"}});
    BOOST_TEST(scalar(autocommit, "SELECT max(x) FROM " + table).as_string() == "z46");
    hidden_recreate("bigint");
    autocommit.execute(text(insert), {{"x", "47"}});                              // was 42804
    BOOST_TEST(scalar(autocommit, "SELECT max(x) FROM " + table).as_int() == 47);  // was 0A000
    // Inside a transaction the refusal aborted it: the error says so, and a re-run works.
    BOOST_TEST(scalar(conn, read).as_int() == 47);
    conn.commit();
    hidden_recreate("text");
    conn.execute(text(insert), {{"x", "forty-eight"}});  // re-prepared: its own transaction is still fine
    conn.commit();
    auto stale = expect_error<sa::DBAPIError>([&] { scalar(conn, read); });
    BOOST_TEST(stale.sqlstate() == "0A000");
    BOOST_TEST(contains(stale.what(), "running the transaction again"));
    conn.rollback();
    BOOST_TEST(scalar(conn, read).as_string() == "forty-eight");
    conn.commit();
}

BOOST_AUTO_TEST_CASE(parameters_are_sent_with_their_types) {
    auto engine = make_engine(pg_url());
    auto conn = engine.connect();
    // Operators need typed operands: "unknown & unknown" is ambiguous.
    BOOST_TEST(scalar(conn, "SELECT :a & :b", {{"a", 12}, {"b", 10}}).as_int() == 8);
    BOOST_TEST(scalar(conn, "SELECT :a + :b", {{"a", 0.5}, {"b", 2}}).as_double() == 2.5);
    // Integers that fit go as int4, so functions taking integer accept them; others as int8.
    BOOST_TEST(scalar(conn, "SELECT substr('athanor', :from, :n)", {{"from", 2}, {"n", 3}}).as_string() == "tha");
    BOOST_TEST(scalar(conn, "SELECT :big + 1", {{"big", std::int64_t{5000000000}}}).as_int() == 5000000001);
    // A boolean stays a boolean through CASE.
    const Value chosen = scalar(conn, "SELECT CASE WHEN :c THEN :t ELSE :f END", {{"c", true}, {"t", true}, {"f", false}});
    BOOST_TEST((chosen.kind() == Value::Kind::boolean));
    BOOST_TEST((chosen == Value(true)));
    // A bare parameter comes back as the kind it was sent as.
    for (const Value& v : {Value(7), Value(-2.5), Value(false), Value(sa::Decimal("1.50")), Value(sa::Date{2024, 2, 29}),
                           Value(sa::Time{23, 59, 58, 250000, std::nullopt}), Value(sa::Time{12, 0, 0, 0, 330}),
                           Value(sa::DateTime{{1999, 12, 31}, {23, 59, 59, 1, std::nullopt}}),
                           Value(sa::Interval{14, 3, 4500000}), Value(sa::Bytes{0, 1, 255})}) {
        BOOST_TEST_CONTEXT(v.repr()) {
            const Value back = scalar(conn, "SELECT :v AS v", {{"v", v}});
            BOOST_TEST((back.kind() == v.kind()));
            BOOST_TEST((back == v));
        }
    }
    const Value tz = scalar(conn, "SELECT :v AS v", {{"v", sa::DateTime{{2024, 2, 29}, {12, 0, 0, 0, 60}}}});
    BOOST_TEST(tz.as_datetime().time.utc_offset_minutes.has_value());  // sent as timestamptz
    // The same SQL first with NULL (type left to the server: text here), then with an
    // integer, is two prepared statements: the integer is not read back as text.
    BOOST_TEST(scalar(conn, "SELECT :v AS null_then_int", {{"v", Value()}}).is_null());
    const Value seven = scalar(conn, "SELECT :v AS null_then_int", {{"v", 7}});
    BOOST_TEST((seven.kind() == Value::Kind::integer));
    BOOST_TEST(seven.as_int() == 7);

    // int8 parameters against int2/int4 columns: comparisons and assignments; text still
    // coerces to varchar, uuid and jsonb; NULL first, values later, with the same SQL.
    const std::string table = private_name("t_binds");
    DropTables cleanup{engine, {table}};
    conn.execute(text("CREATE TABLE " + table +
                      " (id int4 PRIMARY KEY, small int2, n int4, label varchar(10), ref uuid, doc jsonb, "
                      "price numeric(10, 2), at timestamp)"));
    const std::string insert = "INSERT INTO " + table +
                               " (id, small, n, label, ref, doc, price, at) VALUES (:id, :small, :n, :label, :ref, "
                               ":doc, :price, :at)";
    conn.execute(text(insert), {{"id", 1}, {"small", Value()}, {"n", Value()}, {"label", "one"},
                                {"ref", "1b4e28ba-2fa1-11d2-883f-0016d3cca427"}, {"doc", R"({"k": 1})"},
                                {"price", 2.5}, {"at", sa::Date{2024, 1, 2}}});
    conn.execute(text(insert), {{"id", 2}, {"small", 3}, {"n", 40}, {"label", Value()}, {"ref", Value()},
                                {"doc", Value()}, {"price", sa::Decimal("3.25")}, {"at", Value()}});
    // executemany: one statement for all sets; a parameter mixing integer and double is inferred.
    conn.execute(text(insert), std::vector<sa::Params>{
                                   {{"id", 3}, {"small", Value()}, {"n", 5}, {"label", "three"}, {"ref", Value()},
                                    {"doc", Value()}, {"price", 7}, {"at", Value()}},
                                   {{"id", 4}, {"small", 4}, {"n", Value()}, {"label", "four"}, {"ref", Value()},
                                    {"doc", Value()}, {"price", 0.25}, {"at", sa::DateTime{{2024, 1, 2}, {3, 4, 5, 0, std::nullopt}}}}});
    BOOST_TEST(scalar(conn, "SELECT n FROM " + table + " WHERE id = :id", {{"id", 2}}).as_int() == 40);
    BOOST_TEST(scalar(conn, "SELECT count(*) FROM " + table + " WHERE n = :v OR small = :v", {{"v", 4}}).as_int() == 1);
    BOOST_TEST(scalar(conn, "SELECT sum(price) FROM " + table).as_decimal().str() == "13.00");
    BOOST_TEST(scalar(conn, "SELECT doc ->> 'k' FROM " + table + " WHERE id = :id", {{"id", 1}}).as_string() == "1");
    BOOST_TEST(scalar(conn, "SELECT id FROM " + table + " WHERE at = :at", {{"at", sa::Date{2024, 1, 2}}}).as_int() == 1);
    conn.execute(text("UPDATE " + table + " SET small = :s WHERE id = :id"), {{"s", 9}, {"id", 1}});
    BOOST_TEST(scalar(conn, "SELECT small FROM " + table + " WHERE id = 1").as_int() == 9);
    // Out of int4's range is the server's range error, not a wrapped value.
    auto range = expect_error<sa::DataError>(
        [&] { conn.execute(text("UPDATE " + table + " SET n = :n WHERE id = 1"), {{"n", std::int64_t{5000000000}}}); });
    BOOST_TEST(range.sqlstate() == "22003");
    conn.rollback();
}

BOOST_AUTO_TEST_SUITE_END()
