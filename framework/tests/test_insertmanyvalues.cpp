// Tests of "insertmanyvalues": executemany of a single-row insert() sent as multi-row
// INSERT ... VALUES pages on dialects that opt in (PostgreSQL). What the compiler records
// needs no server; the live cases need ATHANOR_TEST_PG_URL (scripts/pg-test-cluster start
// prints one) and are reported as skipped without it.
#define BOOST_TEST_MODULE test_insertmanyvalues
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/errors.hpp>
#include <athanor/sdk/dialect.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sa = athanor;
using namespace athanor::sql;
using sa::Params;
using sa::text;
using sa::Value;

namespace {

using athanor::test::pg_url;

/// prefix + number (built by append: GCC 12 warns falsely about "literal" + std::string at -O2).
std::string tag(const char* prefix, long long number) {
    std::string out(prefix);
    out += std::to_string(number);
    return out;
}

Table people() {
    return Table("imv_people", {Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
                                Column("name", TypeEngine::named("TEXT")), Column("age", TypeEngine::named("INTEGER"))});
}

std::vector<Params> people_rows(std::size_t n) {
    std::vector<Params> rows;
    rows.reserve(n);
    // Names not in id order, so a reordered RETURNING would be seen.
    for (std::size_t i = 0; i < n; ++i)
        rows.push_back(Params{{"name", tag("p", static_cast<long long>((i * 7919) % 100003))},
                              {"age", static_cast<std::int64_t>(i)}});
    return rows;
}

/// The engine's echo lines, collected.
struct Log {
    std::vector<std::string> lines;
    sa::LogSink sink() {
        return [this](std::string_view line) { lines.emplace_back(line); };
    }
    std::size_t count(const std::string& needle) const {
        return static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
            return l.find(needle) != std::string::npos;
        }));
    }
};

}  // namespace

// ---------------------------------------------------------------- no server needed

BOOST_AUTO_TEST_CASE(compiler_records_the_values_tuple) {
    auto engine = sa::test::engine("postgresql://nobody@127.0.0.1:1/none");
    const auto& dialect = engine.dialect();
    // What the engine reads to page inserts is what the manifest claims.
    BOOST_TEST(engine.plugin().has_capability("multivalues_inserts"));
    BOOST_TEST(engine.plugin().has_capability("multivalues_returning_in_order"));
    BOOST_TEST(dialect.max_bind_params() == 65535u);

    const auto t = people();
    auto compiled = t.insert().values({{"name", "x"}, {"age", 1}}).compile(dialect);
    BOOST_REQUIRE(compiled->insertmanyvalues.has_value());
    const auto& imv = *compiled->insertmanyvalues;
    BOOST_TEST(imv.prefix == "INSERT INTO imv_people (name, age) VALUES ");
    BOOST_TEST((imv.tuple_segments == std::vector<std::string>{"(", ", ", ")"}));
    BOOST_TEST(imv.suffix == " RETURNING imv_people.id");
    BOOST_TEST(compiled->sql == imv.prefix + "($1, $2)" + imv.suffix);

    // Shapes that cannot be repeated per row record nothing.
    BOOST_TEST(!t.insert().values({{"id", 1}, {"name", "x"}}).on_conflict_do_nothing().compile(dialect)->insertmanyvalues);
    BOOST_TEST(!t.insert().multi_values({Params{{"name", "a"}}, Params{{"name", "b"}}}).compile(dialect)->insertmanyvalues);
    BOOST_TEST(!t.insert().from_select({"name"}, select(t.c("name"))).compile(dialect)->insertmanyvalues);
}

BOOST_AUTO_TEST_CASE(sqlite_pages_plain_inserts_and_fetches_lastrowid_keys_row_by_row) {
    sa::test::TempDir dir;
    Log log;
    auto engine = sa::test::engine(dir.sqlite_url(), {.echo = true, .log_sink = log.sink()});
    BOOST_TEST(engine.plugin().has_capability("multivalues_inserts"));
    BOOST_TEST(!engine.plugin().has_capability("multivalues_returning_in_order"));
    BOOST_TEST(engine.dialect().max_bind_params() == 32766u);
    auto conn = engine.connect();
    conn.execute(text("CREATE TABLE imv_people (id INTEGER PRIMARY KEY, name TEXT, age INTEGER)"));

    // A plain executemany goes out as multi-row VALUES pages.
    auto plain = conn.execute(people().insert(), people_rows(2500));
    BOOST_TEST(plain.rowcount() == 2500);
    BOOST_TEST(log.count("insertmanyvalues 1/3, ") == 1u);
    BOOST_TEST(log.count("insertmanyvalues 3/3") == 1u);
    BOOST_TEST(conn.execute(text("SELECT count(*), sum(age) FROM imv_people")).one()[1].as_int() ==
               2500 * 2499 / 2);

    // Keys wanted back: SQLite's lastrowid is per statement, so the rows go one by one.
    const auto pages_before = log.count("insertmanyvalues");
    auto r = conn.execute(people().insert().return_defaults(), people_rows(1500));
    BOOST_TEST(r.rowcount() == 1500);
    BOOST_TEST(log.count("insertmanyvalues") == pages_before);
    const auto& keys = r.inserted_primary_key_rows();
    BOOST_REQUIRE(keys.size() == 1500u);
    BOOST_TEST(keys.front()[0].as_int() == 2501);
    BOOST_TEST(keys.back()[0].as_int() == 4000);
}

// ---------------------------------------------------------------- live PostgreSQL

BOOST_AUTO_TEST_SUITE(live, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(page_boundaries_keep_keys_in_parameter_order) {
    for (std::size_t n : {std::size_t{2}, std::size_t{999}, std::size_t{1000}, std::size_t{1001}, std::size_t{2500}}) {
        BOOST_TEST_CONTEXT("rows " << n) {
            Log log;
            auto engine = sa::test::engine(pg_url(), {.echo = true, .log_sink = log.sink()});
            auto conn = engine.connect();
            conn.execute(text("CREATE TEMP TABLE imv_people (id serial PRIMARY KEY, name text, age integer)"));
            conn.commit();
            const auto rows = people_rows(n);
            auto tx = conn.begin();
            auto r = conn.execute(people().insert().return_defaults(), rows);
            tx.commit();
            BOOST_TEST(r.rowcount() == static_cast<std::int64_t>(n));
            const auto& keys = r.inserted_primary_key_rows();
            BOOST_REQUIRE(keys.size() == n);
            // Each key is the id the server gave that parameter set's row.
            std::vector<std::int64_t> by_age(n);
            for (const auto& row : conn.execute(text("SELECT id, age FROM imv_people")).all())
                by_age.at(static_cast<std::size_t>(row[1].as_int())) = row[0].as_int();
            bool all_match = true;
            for (std::size_t i = 0; i < n; ++i) all_match = all_match && keys[i][0].as_int() == by_age[i];
            BOOST_TEST(all_match);
            const std::size_t pages = (n + 999) / 1000;
            BOOST_TEST(log.count("insertmanyvalues 1/" + std::to_string(pages) + ", ") == 1u);
            BOOST_TEST(log.count("insertmanyvalues " + std::to_string(pages) + "/" + std::to_string(pages)) == 1u);
            // The SQL is logged once per page shape: one shape, or a full one and a last one.
            const std::size_t shapes = n % 1000 == 0 || n < 1000 ? 1 : 2;
            BOOST_TEST(log.count("] INSERT INTO imv_people (name, age) VALUES ($1, $2)") == shapes);
        }
    }
}

BOOST_AUTO_TEST_CASE(explicit_returning_rows_come_in_parameter_order) {
    auto engine = sa::test::engine(pg_url(), {.insertmanyvalues_page_size = 7});
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE imv_people (id serial PRIMARY KEY, name text, age integer)"));
    const auto t = people();
    const auto rows = people_rows(100);
    auto r = conn.execute(t.insert().returning(t.c("name"), t.c("age")), rows);
    const auto got = r.all();
    BOOST_REQUIRE(got.size() == rows.size());
    bool in_order = true;
    for (std::size_t i = 0; i < rows.size(); ++i)
        in_order = in_order && got[i][0].as_string() == rows[i].find("name")->as_string() &&
                   got[i][1].as_int() == static_cast<std::int64_t>(i);
    BOOST_TEST(in_order);
}

BOOST_AUTO_TEST_CASE(failing_row_in_page_two_leaves_nothing_in_the_transaction) {
    auto engine = sa::test::engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE imv_people (id serial PRIMARY KEY, name text UNIQUE, age integer)"));
    conn.commit();
    auto rows = people_rows(2500);
    rows[1500] = Params{{"name", rows[10].find("name")->as_string()}, {"age", 1500}};  // duplicate, page 2
    auto tx = conn.begin();
    try {
        conn.execute(people().insert().return_defaults(), rows);
        BOOST_FAIL("the duplicate was not refused");
    } catch (const sa::IntegrityError& e) {
        BOOST_TEST(e.sqlstate() == "23505");
        // The page as sent: 1000 rows of placeholders, the last numbered 2000.
        BOOST_TEST(e.statement().find("($1999, $2000) RETURNING") != std::string::npos);
        BOOST_TEST(e.params().size() == 2000u);
    }
    tx.rollback();
    BOOST_TEST(conn.execute(text("SELECT count(*) FROM imv_people")).scalar_one().as_int() == 0);
}

BOOST_AUTO_TEST_CASE(wide_rows_get_smaller_pages) {
    // 100 parameters per row: 65535 / 100 = 655 rows per page at most.
    std::vector<Column> columns{Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement())};
    std::string ddl = "CREATE TEMP TABLE imv_wide (id serial PRIMARY KEY";
    for (int c = 0; c < 100; ++c) {
        columns.emplace_back(tag("c", c), TypeEngine::named("INTEGER"));
        ddl += tag(", c", c) + " integer";
    }
    const Table wide("imv_wide", std::move(columns));
    Log log;
    auto engine = sa::test::engine(pg_url(), {.echo = true, .log_sink = log.sink()});
    auto conn = engine.connect();
    conn.execute(text(ddl + ")"));
    std::vector<Params> rows;
    for (std::int64_t r = 0; r < 2000; ++r) {
        std::vector<Params::Item> items;
        for (int c = 0; c < 100; ++c) items.emplace_back(tag("c", c), Value(r * 1000 + c));
        rows.emplace_back(std::move(items));
    }
    auto result = conn.execute(wide.insert().return_defaults(), rows);
    BOOST_TEST(result.rowcount() == 2000);
    BOOST_REQUIRE(result.inserted_primary_key_rows().size() == 2000u);
    BOOST_TEST(log.count("insertmanyvalues 1/4, 655 rows") == 1u);
    BOOST_TEST(log.count("insertmanyvalues 4/4, 35 rows") == 1u);
    BOOST_TEST(conn.execute(text("SELECT sum(c99) FROM imv_wide")).scalar_one().as_int() ==
               1000LL * 1999 * 2000 / 2 + 99LL * 2000);
}

/// A query summing `count` parameters (an array, not a chain of +, which the server would
/// nest too deep), and their values 0, 1, ...
std::pair<std::string, Params> sum_of_parameters(int count) {
    std::string sql = "SELECT sum(x)::bigint FROM unnest(ARRAY[";
    std::vector<Params::Item> items;
    for (int i = 0; i < count; ++i) {
        if (i > 0) sql += ", ";
        sql += ":" + tag("p", i);
        items.emplace_back(tag("p", i), Value(std::int64_t{i}));
    }
    sql += "]::bigint[]) AS x";
    return {sql, Params(std::move(items))};
}

BOOST_AUTO_TEST_CASE(statement_at_the_protocol_parameter_limit_runs) {
    // 65535 parameters: a ParameterDescription of that size is more than some libpq releases
    // accept, so the statement must be prepared without describing it.
    auto engine = sa::test::engine(pg_url());
    auto conn = engine.connect();
    const auto [sql, params] = sum_of_parameters(65535);
    BOOST_TEST(conn.execute(text(sql), params).scalar_one().as_int() == 65534LL * 65535 / 2);
    BOOST_TEST(conn.execute(text("SELECT 7")).scalar_one().as_int() == 7);
}

BOOST_AUTO_TEST_CASE(statement_over_the_parameter_limit_is_refused_and_the_connection_lives) {
    auto engine = sa::test::engine(pg_url());
    auto conn = engine.connect();
    const auto [sql, params] = sum_of_parameters(65536);
    try {
        conn.execute(text(sql), params);
        BOOST_FAIL("65536 parameters were accepted");
    } catch (const sa::OperationalError& e) {
        BOOST_TEST(e.sqlstate() == "54000");
        BOOST_TEST(std::string(e.what()).find("at most 65535") != std::string::npos);
        BOOST_TEST(!e.connection_invalidated());
    }
    BOOST_TEST(conn.execute(text("SELECT 7")).scalar_one().as_int() == 7);
}

BOOST_AUTO_TEST_CASE(nulls_and_mixed_kinds_in_one_column) {
    auto engine = sa::test::engine(pg_url());
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE imv_mixed (id serial PRIMARY KEY, t text, d double precision, "
                      "n integer, b bytea, ts timestamp)"));
    const Table mixed("imv_mixed", {Column("id", TypeEngine::named("INTEGER"), primary_key(), autoincrement()),
                                    Column("t", TypeEngine::named("TEXT")), Column("d", TypeEngine::named("FLOAT")),
                                    Column("n", TypeEngine::named("INTEGER")), Column("b", TypeEngine::named("BYTEA")),
                                    Column("ts", TypeEngine::named("TIMESTAMP"))});
    // One page: each column mixes NULL with values of different kinds; `n` is NULL throughout.
    const std::vector<Params> rows{
        {{"t", "abc"}, {"d", Value(std::int64_t{1})}, {"n", Value()}, {"b", Value(sa::Bytes{0, 1})}, {"ts", Value()}},
        {{"t", Value()}, {"d", 2.5}, {"n", Value()}, {"b", Value()},
         {"ts", Value(sa::DateTime{{2024, 1, 2}, {3, 4, 5, 0, std::nullopt}})}},
        {{"t", Value(std::int64_t{5})}, {"d", Value()}, {"n", Value()}, {"b", Value(sa::Bytes{})}, {"ts", Value()}},
    };
    auto r = conn.execute(mixed.insert(), rows);
    BOOST_TEST(r.rowcount() == 3);
    const auto got = conn.execute(text("SELECT t, d, n, b, ts FROM imv_mixed ORDER BY id")).all();
    BOOST_REQUIRE(got.size() == 3u);
    BOOST_TEST(got[0][0].as_string() == "abc");
    BOOST_TEST(got[0][1].as_double() == 1.0);
    BOOST_TEST((got[0][3] == Value(sa::Bytes{0, 1})));
    BOOST_TEST(got[1][0].is_null());
    BOOST_TEST(got[1][1].as_double() == 2.5);
    BOOST_TEST((got[1][4] == Value(sa::DateTime{{2024, 1, 2}, {3, 4, 5, 0, std::nullopt}})));
    BOOST_TEST(got[2][0].as_string() == "5");
    BOOST_TEST(got[2][1].is_null());
    BOOST_TEST((got[2][3] == Value(sa::Bytes{})));
    for (const auto& row : got) BOOST_TEST(row[2].is_null());
}

BOOST_AUTO_TEST_CASE(page_size_zero_keeps_the_driver_executemany) {
    Log log;
    auto engine = sa::test::engine(pg_url(), {.echo = true, .insertmanyvalues_page_size = 0, .log_sink = log.sink()});
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE imv_people (id serial PRIMARY KEY, name text, age integer)"));
    auto r = conn.execute(people().insert().return_defaults(), people_rows(50));
    BOOST_TEST(r.inserted_primary_key_rows().size() == 50u);
    BOOST_TEST(log.count("insertmanyvalues") == 0u);
    BOOST_TEST(log.count("VALUES ($1, $2) RETURNING") == 1u);
}

BOOST_AUTO_TEST_CASE(supplied_keys_without_returning) {
    auto engine = sa::test::engine(pg_url(), {.insertmanyvalues_page_size = 3});
    auto conn = engine.connect();
    conn.execute(text("CREATE TEMP TABLE imv_keyed (id integer PRIMARY KEY, name text)"));
    const Table keyed("imv_keyed", {Column("id", TypeEngine::named("INTEGER"), primary_key()),
                                    Column("name", TypeEngine::named("TEXT"))});
    std::vector<Params> rows;
    for (std::int64_t i = 0; i < 10; ++i) rows.push_back(Params{{"id", 100 - i}, {"name", tag("k", i)}});
    auto r = conn.execute(keyed.insert(), rows);
    BOOST_TEST(r.rowcount() == 10);
    const auto& keys = r.inserted_primary_key_rows();
    BOOST_REQUIRE(keys.size() == 10u);
    BOOST_TEST(keys[9][0].as_int() == 91);
    BOOST_TEST(conn.execute(text("SELECT name FROM imv_keyed WHERE id = 91")).scalar_one().as_string() == "k9");
}

BOOST_AUTO_TEST_SUITE_END()
