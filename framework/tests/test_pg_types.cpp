// Values through the PostgreSQL (libpq) plugin: every type's round trip (NULL, limits, exact
// numeric, time zones, text-typed results), the type names a cursor's description reports, and
// parameters sent with their types (bare parameters, int8 against int2/int4 columns, NULL first,
// executemany).
//
// Needs the test server, ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start prints one);
// without it the cases are reported as skipped, never passed.
#define BOOST_TEST_MODULE test_pg_types
#include <boost/test/unit_test.hpp>

#include "support/pg_test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace sa = athanor;
using namespace athanor::test;
using sa::text;
using sa::Value;

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
