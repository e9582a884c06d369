// The Mimer SQL plugin as the plugin registry loads it, with no Mimer server and no Mimer ODBC
// driver (neither can be installed here): the URL's ODBC connection string, the message when
// the driver is missing, and SQL and DDL compiled for Mimer. Catalog, error and type-code logic
// is tested through the plugin's headers in test_mimer_logic.cpp.
#define BOOST_TEST_MODULE test_mimer
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/athanor.hpp>
#include <athanor/errors.hpp>
#include <athanor/odbc/dialect.hpp>
#include <athanor/sql/ddl_compiler.hpp>
#include <athanor/sql/types.hpp>

#include <string>

namespace sa = athanor;
using namespace athanor::sql;
namespace types = athanor::types;
using athanor::Value;

namespace {

sa::Engine mimer_engine(const std::string& url = "mimer://SYSADM:SYSPASS@mimerdb") {
    return athanor::test::engine(url);
}

std::string connection_string(const std::string& url) {
    auto engine = mimer_engine(url);
    const auto& odbc = dynamic_cast<const sa::odbc::OdbcDialect&>(engine.dialect());
    return odbc.connection_string(sa::Url::parse(url)).str();
}

std::string display(const std::string& url) {
    auto engine = mimer_engine(url);
    const auto& odbc = dynamic_cast<const sa::odbc::OdbcDialect&>(engine.dialect());
    return odbc.connect_options(sa::Url::parse(url)).display;
}

std::string driver() {
    auto engine = mimer_engine();
    const auto& odbc = dynamic_cast<const sa::odbc::OdbcDialect&>(engine.dialect());
    return odbc.connection_string(sa::Url::parse("mimer://x@mimerdb")).get("Driver").value_or("");
}

template <class Statement>
std::string sql(const Statement& statement) {
    static auto engine = mimer_engine();
    return statement.compile(engine.dialect())->sql;
}

}  // namespace

BOOST_AUTO_TEST_CASE(plugin_loads_through_the_registry) {
    auto engine = mimer_engine();
    BOOST_TEST(engine.dialect().name() == "mimer");
    BOOST_TEST(engine.dialect().driver() == "odbc");
    BOOST_TEST(engine.dialect().description() == "mimer+odbc");
    BOOST_TEST((engine.dialect().paramstyle() == sa::sdk::Paramstyle::qmark));
    BOOST_TEST(engine.dialect().max_identifier_length() == 128u);
    // The +odbc spelling is the same plugin.
    BOOST_TEST(mimer_engine("mimer+odbc://SYSADM:x@mimerdb").dialect().name() == "mimer");
    const auto levels = engine.dialect().isolation_levels();
    BOOST_TEST(levels.size() == 5u);
    BOOST_TEST(levels.front() == "AUTOCOMMIT");
}

BOOST_AUTO_TEST_CASE(url_forms_become_odbc_connection_strings) {
    const std::string d = driver();
    BOOST_TEST((d == "MIMER" || d.find("libmimodbc.so") != std::string::npos));
    // The seeds' form: one name is the Mimer database name.
    BOOST_TEST(connection_string("mimer://SYSADM:SYSPASS@mimerdb") == "Driver=" + d + ";Database=mimerdb;UID=SYSADM;PWD=SYSPASS");
    // host:port/database; the port defaults to 1360.
    BOOST_TEST(connection_string("mimer://app:pw@db.example.com:1361/sales") ==
               "Driver=" + d + ";Server=db.example.com;Port=1361;Database=sales;UID=app;PWD=pw");
    BOOST_TEST(connection_string("mimer://app:pw@db.example.com/sales") ==
               "Driver=" + d + ";Server=db.example.com;Port=1360;Database=sales;UID=app;PWD=pw");
    // A local database; the driver named by the URL; other keys pass through.
    BOOST_TEST(connection_string("mimer:///localdb?driver=MIMER%20SQL&LoginTimeout=5") ==
               "Driver=MIMER SQL;Database=localdb;LoginTimeout=5");
    // ?dsn= is an odbc.ini data source.
    BOOST_TEST(connection_string("mimer://SYSADM:SYSPASS@?dsn=mimerdb") == "DSN=mimerdb;UID=SYSADM;PWD=SYSPASS");
    BOOST_CHECK_THROW(connection_string("mimer://app:pw@:1360/sales"), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(password_is_never_shown) {
    const std::string url = "mimer://SYSADM:s3cr3t@db.example.com/sales";
    BOOST_TEST(display(url).find("s3cr3t") == std::string::npos);
    BOOST_TEST(sa::Url::parse(url).render().find("s3cr3t") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_driver_is_named_with_how_to_register_it) {
    // No Mimer ODBC driver can be installed here: connecting says which one is missing.
    auto engine = mimer_engine("mimer://SYSADM:s3cr3t@mimerdb?driver=MIMER_NOT_INSTALLED");
    try {
        engine.connect();
        BOOST_FAIL("connecting without the Mimer ODBC driver succeeded");
    } catch (const sa::InterfaceError& e) {
        const std::string message = e.what();
        BOOST_TEST_CONTEXT(message) {
            BOOST_TEST(message.find("Mimer SQL ODBC driver 'MIMER_NOT_INSTALLED'") != std::string::npos);
            BOOST_TEST(message.find("odbcinst -i -d") != std::string::npos);
            BOOST_TEST(message.find("s3cr3t") == std::string::npos);
        }
    }
    auto by_path = mimer_engine("mimer://SYSADM:s3cr3t@mimerdb?driver=/nonexistent/libmimodbc.so");
    BOOST_CHECK_THROW(by_path.connect(), sa::InterfaceError);
}

BOOST_AUTO_TEST_CASE(select_forms) {
    MetaData md;
    auto& users = md.table("users", Column("id", types::Integer(), primary_key()), Column("name", types::String(50)));
    BOOST_TEST(sql(select(users.c("id")).order_by(users.c("id")).limit(10).offset(20)) ==
               "SELECT users.id FROM users ORDER BY users.id OFFSET 20 ROWS FETCH FIRST 10 ROWS ONLY");
    BOOST_TEST(sql(select(users.c("id")).offset(5)) == "SELECT users.id FROM users OFFSET 5 ROWS");
    BOOST_CHECK_THROW(sql(select(users.c("id")).fetch(3, true)), sa::CompileError);
    BOOST_TEST(sql(select(now())) == "SELECT LOCALTIMESTAMP AS now_1 FROM SYSTEM.ONEROW");
    BOOST_TEST(sql(select(next_value("s"))) == "SELECT NEXT VALUE FOR s AS next_value_1 FROM SYSTEM.ONEROW");
    // A selected parameter is cast: Mimer cannot type it otherwise.
    BOOST_TEST(sql(select(literal(Value(std::int64_t{5})).label("five"))) ==
               "SELECT CAST(? AS BIGINT) AS five FROM SYSTEM.ONEROW");
    BOOST_TEST(sql(select(users.c("id")).where(users.c("name").is_distinct_from(literal(Value("x"))))) ==
               "SELECT users.id FROM users WHERE (CASE WHEN users.name = ? OR users.name IS NULL AND ? IS NULL "
               "THEN 0 ELSE 1 END = 1)");
    // Reserved words of Mimer are quoted.
    auto& t = md.table("value", Column("offset", types::Integer()));
    BOOST_TEST(sql(select(t.c("offset"))) == "SELECT \"value\".\"offset\" FROM \"value\"");
}

BOOST_AUTO_TEST_CASE(aggregate_clauses_outside_the_manual_are_refused) {
    MetaData md;
    auto& t = md.table("scores", Column("x", types::Integer()));
    BOOST_CHECK_THROW(sql(select(count().filter(t.c("x") > 1))), sa::CompileError);
    BOOST_CHECK_THROW(sql(select(func("percentile_cont", {literal(0.5)}).within_group({t.c("x")}))), sa::CompileError);
    BOOST_CHECK_THROW(sql(select(sum(t.c("x")).over({.order_by = {t.c("x")}, .groups = Frame{-1, 0}}))), sa::CompileError);
    // A ROWS frame is standard and stays.
    BOOST_TEST(sql(select(sum(t.c("x")).over({.order_by = {t.c("x")}, .rows = Frame{-1, 0}}))).find("ROWS BETWEEN") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(ddl_autoincrement_uses_an_implicit_sequence) {
    auto engine = mimer_engine();
    MetaData md;
    auto& users = md.table("users", Column("id", types::Integer(), primary_key()),
                           Column("name", types::Unicode(50), nullable(false)), Column("active", types::Boolean()),
                           Column("uid", types::Uuid()), Column("bio", types::UnicodeText()), Column("doc", types::Text()),
                           Column("photo", types::LargeBinary(1048576)));
    auto ddl = ddl_compiler_for(engine.dialect());
    BOOST_TEST(ddl->create_table(users.table()) ==
               "CREATE TABLE users (\n"
               "\tid INTEGER DEFAULT NEXT VALUE FOR users_id_autoinc_seq NOT NULL,\n"
               "\tname NVARCHAR(50) NOT NULL,\n"
               "\tactive BOOLEAN,\n"
               "\tuid BUILTIN.UUID,\n"
               "\tbio NCLOB(2G),\n"
               "\tdoc CLOB(2G),\n"
               "\tphoto BLOB(1048576),\n"
               "\tPRIMARY KEY (id)\n"
               ")");
    const auto before = ddl->pre_create_statements(users.table());
    BOOST_TEST_REQUIRE(before.size() == 1u);
    BOOST_TEST(before[0].sql == "CREATE SEQUENCE users_id_autoinc_seq AS INTEGER NO CYCLE");
    BOOST_TEST(before[0].exists_query.find("INFORMATION_SCHEMA.SEQUENCES") != std::string::npos);
    const auto after = ddl->post_drop_statements(users.table());
    BOOST_TEST_REQUIRE(after.size() == 1u);
    BOOST_TEST(after[0].sql == "DROP SEQUENCE users_id_autoinc_seq");
    // An explicit Sequence is the column's default instead; Mimer's options, no CACHE.
    auto& orders = md.table("orders", Column("id", types::BigInteger(), Sequence("order_seq"), primary_key()));
    BOOST_TEST(ddl->pre_create_statements(orders.table()).empty());
    BOOST_TEST(ddl->create_table(orders.table()).find("id BIGINT DEFAULT NEXT VALUE FOR order_seq NOT NULL") !=
               std::string::npos);
    BOOST_TEST(ddl->create_sequence(Sequence("s", {.start = 10, .increment = 5, .minvalue = 1, .cycle = true})) ==
               "CREATE SEQUENCE s START WITH 10 INCREMENT BY 5 MINVALUE 1 CYCLE");
    BOOST_CHECK_THROW(ddl->create_sequence(Sequence("s", {.cache = 20})), sa::CompileError);
    BOOST_CHECK_THROW(ddl->create_table(users.table(), true), sa::CompileError);
    auto& tz = md.table("tz", Column("at", types::DateTime(true)));
    BOOST_CHECK_THROW(ddl->create_table(tz.table()), sa::CompileError);
}
