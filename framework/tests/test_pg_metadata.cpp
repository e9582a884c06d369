// MetaData's create_all and drop_all on PostgreSQL (libpq): use_alter foreign keys close a cycle
// and are dropped first, PostgreSQL's types (a named Enum as a native type, comments) round-trip,
// and checkfirst issues nothing twice.
//
// Needs the test server, ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start prints one);
// without it the cases are reported as skipped, never passed.
#define BOOST_TEST_MODULE test_pg_metadata
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/reflection/inspector.hpp>
#include <athanor/reflection/reflect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/types.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::test;
using sa::text;
using sa::Value;

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

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

BOOST_AUTO_TEST_CASE(string_collations_round_trip_through_reflection) {
    using namespace athanor::sql;
    namespace types = athanor::types;
    auto engine = make_engine(pg_url());
    const std::string name = private_name("md_collated");
    MetaData md;
    md.table(name, Column("c", types::String(10, "C")), Column("d", types::Text()));
    md.create_all(engine);
    DropTables cleanup{engine, {name}};
    auto conn = engine.connect();
    // "C" orders by bytes: upper case before lower case, whatever the database's default.
    conn.execute(text("INSERT INTO " + name + " (c) VALUES ('b'), ('B'), ('a')"));
    auto ordered = conn.execute(text("SELECT c FROM " + name + " ORDER BY c")).scalars();
    BOOST_TEST(ordered.at(0).as_string() == "B");
    conn.rollback();
    sa::Inspector insp(conn);
    auto cols = insp.get_columns(name);
    BOOST_TEST_REQUIRE(cols.size() == 2u);
    BOOST_TEST(cols[0].collation.value_or("<none>") == "C");
    BOOST_TEST(cols[0].type->collation() == "C");
    BOOST_TEST(!cols[1].collation.has_value());
    // A reflected Table re-creates the collation.
    MetaData copy;
    auto& t2 = sa::reflect_table(copy, conn, name);
    BOOST_TEST(to_string(CreateTable(t2)).find("COLLATE \"C\"") != std::string::npos);
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

BOOST_AUTO_TEST_SUITE_END()
