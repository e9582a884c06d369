// The PostgreSQL (libpq) dialect plugin without a server: its identity, capabilities and
// disconnect classification, and the SQL, DDL and type names its compilers emit (golden
// strings). Nothing here connects.
#define BOOST_TEST_MODULE test_pg_dialect
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/types.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::test;
using sa::Value;

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
