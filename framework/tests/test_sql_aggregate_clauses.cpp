// Aggregate and window clauses and the remaining scalar constructs: FILTER (WHERE ...),
// WITHIN GROUP (ORDER BY ...), GROUPS frames, EXTRACT, ANY / ALL, CREATE / DROP SCHEMA.
// Golden SQL per dialect (generic, SQLite, PostgreSQL compiled offline), refusals, and the
// results on live SQLite and on the throwaway PostgreSQL.
#define BOOST_TEST_MODULE test_sql_aggregate_clauses
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/ddl.hpp>
#include <athanor/sql/text.hpp>
#include <athanor/sql/types.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sa = athanor;
namespace types = athanor::types;
using namespace athanor::sql;

namespace {

const sa::sdk::Dialect& sqlite_dialect() {
    static sa::Engine engine = athanor::test::engine("sqlite://");
    return engine.dialect();
}
const sa::sdk::Dialect& pg_dialect() {
    static sa::Engine engine = athanor::test::engine("postgresql://nobody@127.0.0.1:1/none");
    return engine.dialect();
}
std::string generic(const Statement& s) { return to_string(s); }
std::string sqlite(const Statement& s) { return s.compile(sqlite_dialect())->sql; }
std::string pg(const Statement& s) { return s.compile(pg_dialect())->sql; }
std::string sqlite(const DdlElement& e) { return e.compile(sqlite_dialect())->sql; }
std::string pg(const DdlElement& e) { return e.compile(pg_dialect())->sql; }

// Scores: (id, grp, x, ts)
struct Scores {
    MetaData md;
    Table& t = md.table("scores", Column("id", types::Integer(), primary_key()), Column("grp", types::String(5)),
                        Column("x", types::Integer()), Column("ts", types::DateTime()));
    void fill(sa::Connection& conn) {
        md.create_all(conn);
        std::vector<sa::Params> rows;
        const int xs[] = {1, 2, 2, 3, 10, 20};
        const char* grps[] = {"a", "a", "a", "b", "b", "b"};
        for (int i = 0; i < 6; ++i)
            rows.push_back({{"id", i + 1}, {"grp", grps[i]}, {"x", xs[i]},
                            {"ts", sa::DateTime{sa::Date{2024, 2, 29}, sa::Time{13, 45, static_cast<unsigned>(30 + i), 250000, std::nullopt}}}});
        conn.execute(t.insert(), rows);
    }
    std::vector<std::int64_t> ints(sa::Connection& conn, const Statement& q) {
        std::vector<std::int64_t> out;
        for (const auto& v : conn.execute(q).scalars()) out.push_back(v.as_int());
        return out;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(compiled, Scores)

BOOST_AUTO_TEST_CASE(filter_clause) {
    const auto q = select(count().filter(t.c("x") > 1).label("n"), sum(t.c("x")).filter(t.c("grp") == "a").filter(t.c("x") < 3));
    BOOST_TEST(generic(q) == "SELECT count(*) FILTER (WHERE scores.x > :x_1) AS n, sum(scores.x) FILTER (WHERE scores.grp = "
                             ":grp_1 AND scores.x < :x_2) AS sum_1 FROM scores");
    // FILTER before OVER, as the grammar has it.
    BOOST_TEST(pg(select(sum(t.c("x")).filter(t.c("x") > 1).over({.partition_by = {t.c("grp")}}))) ==
               "SELECT sum(scores.x) FILTER (WHERE scores.x > $1) OVER (PARTITION BY scores.grp) AS anon_1 FROM scores");
    BOOST_CHECK_THROW(t.c("x").filter(t.c("x") > 1), sa::ArgumentError);
    BOOST_CHECK_THROW((t.c("x") + 1).within_group({t.c("x")}), sa::ArgumentError);
    BOOST_CHECK_THROW(func("mode").within_group({}), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(within_group_clause) {
    const auto q = select(func("percentile_cont", {literal(0.5)}).within_group({t.c("x")}).label("median"));
    BOOST_TEST(pg(q) == "SELECT percentile_cont($1) WITHIN GROUP (ORDER BY scores.x) AS median FROM scores");
    BOOST_CHECK_THROW(sqlite(q), sa::CompileError);
}

BOOST_AUTO_TEST_CASE(groups_frame) {
    const auto q = select(sum(t.c("x")).over({.order_by = {t.c("x")}, .groups = Frame{-1, 0}}));
    BOOST_TEST(generic(q) ==
               "SELECT sum(scores.x) OVER (ORDER BY scores.x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) AS anon_1 FROM scores");
    BOOST_CHECK_THROW(sum(t.c("x")).over({.rows = Frame{}, .groups = Frame{}}), sa::ArgumentError);
    // The frame kind is part of the cache key.
    BOOST_TEST(q.cache_key() != select(sum(t.c("x")).over({.order_by = {t.c("x")}, .rows = Frame{-1, 0}})).cache_key());
}

BOOST_AUTO_TEST_CASE(extract_fields) {
    BOOST_TEST(generic(select(extract("YEAR", t.c("ts")))) == "SELECT EXTRACT(YEAR FROM scores.ts) AS anon_1 FROM scores");
    BOOST_TEST(pg(select(extract("dow", t.c("ts")).label("d"))) == "SELECT EXTRACT(DOW FROM scores.ts) AS d FROM scores");
    BOOST_TEST(sqlite(select(extract("month", t.c("ts")).label("m"))) ==
               "SELECT CAST(STRFTIME('%m', scores.ts) AS INTEGER) AS m FROM scores");
    BOOST_TEST(sqlite(select(extract("second", t.c("ts")).label("s"))) == "SELECT CAST(STRFTIME('%f', scores.ts) AS REAL) AS s FROM scores");
    BOOST_CHECK_THROW(sqlite(select(extract("quarter", t.c("ts")))), sa::CompileError);
    BOOST_CHECK_THROW(extract("fortnight", t.c("ts")), sa::ArgumentError);
    // dow, doy, week, quarter and epoch are not the standard's fields: only PostgreSQL (and
    // SQLite's STRFTIME) have them.
    BOOST_CHECK_THROW(generic(select(extract("dow", t.c("ts")))), sa::CompileError);
}

BOOST_AUTO_TEST_CASE(any_and_all) {
    const auto big = select(t.c("x")).where(t.c("grp") == "b").scalar_subquery();
    BOOST_TEST(pg(select(t.c("id")).where(t.c("x") == any_(big))) ==
               "SELECT scores.id FROM scores WHERE scores.x = ANY (SELECT scores.x FROM scores WHERE scores.grp = $1)");
    // Written on the left, ANY moves to the right and the operator turns round.
    BOOST_TEST(pg(select(t.c("id")).where(all_(big) > t.c("x"))) ==
               "SELECT scores.id FROM scores WHERE scores.x < ALL (SELECT scores.x FROM scores WHERE scores.grp = $1)");
    BOOST_CHECK_THROW(sqlite(select(t.c("id")).where(t.c("x") == any_(big))), sa::CompileError);
}

BOOST_AUTO_TEST_CASE(schema_ddl) {
    BOOST_TEST(pg(CreateSchema("tenant one")) == "CREATE SCHEMA \"tenant one\"");
    BOOST_TEST(pg(CreateSchema("t2", true)) == "CREATE SCHEMA IF NOT EXISTS t2");
    BOOST_TEST(pg(DropSchema("t2", true, true)) == "DROP SCHEMA IF EXISTS t2 CASCADE");
    BOOST_CHECK_THROW(sqlite(CreateSchema("t2")), sa::CompileError);
    BOOST_CHECK_THROW(CreateSchema(""), sa::ArgumentError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(live_sqlite, Scores)

BOOST_AUTO_TEST_CASE(results) {
    sa::Engine engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    fill(conn);
    auto row = conn.execute(select(count().filter(t.c("x") > 1), sum(t.c("x")).filter(t.c("grp") == "a"))).one();
    BOOST_TEST(row[0].as_int() == 5);
    BOOST_TEST(row[1].as_int() == 5);
    // GROUPS: the peers of x = 2 are one group; 1 PRECEDING is the group before.
    BOOST_TEST(ints(conn, select(sum(t.c("x")).over({.order_by = {t.c("x")}, .groups = Frame{-1, 0}})).order_by(t.c("id"))) ==
                   (std::vector<std::int64_t>{1, 5, 5, 7, 13, 30}),
               boost::test_tools::per_element());
    auto at = conn.execute(select(extract("year", t.c("ts")), extract("month", t.c("ts")), extract("day", t.c("ts")),
                                  extract("hour", t.c("ts")), extract("minute", t.c("ts")), extract("second", t.c("ts")),
                                  extract("dow", t.c("ts")), extract("doy", t.c("ts")))
                               .where(t.c("id") == 1))
                  .one();
    BOOST_TEST(at[0].as_int() == 2024);
    BOOST_TEST(at[1].as_int() == 2);
    BOOST_TEST(at[2].as_int() == 29);
    BOOST_TEST(at[3].as_int() == 13);
    BOOST_TEST(at[4].as_int() == 45);
    BOOST_TEST(at[5].as_double() == 30.25);
    BOOST_TEST(at[6].as_int() == 4);  // a Thursday
    BOOST_TEST(at[7].as_int() == 60);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(live_postgresql, Scores, *boost::unit_test::precondition(athanor::test::HavePgServer()))

BOOST_AUTO_TEST_CASE(results) {
    sa::Engine engine = athanor::test::engine(athanor::test::pg_url());
    auto conn = engine.connect();
    fill(conn);
    auto row = conn.execute(select(count().filter(t.c("x") > 1), sum(t.c("x")).filter(t.c("grp") == "a"),
                                   func("percentile_cont", {literal(0.5)}).within_group({t.c("x")})))
                   .one();
    BOOST_TEST(row[0].as_int() == 5);
    BOOST_TEST(row[1].as_int() == 5);
    BOOST_TEST(row[2].as_double() == 2.5);
    BOOST_TEST(ints(conn, select(sum(t.c("x")).over({.order_by = {t.c("x")}, .groups = Frame{-1, 0}})).order_by(t.c("id"))) ==
                   (std::vector<std::int64_t>{1, 5, 5, 7, 13, 30}),
               boost::test_tools::per_element());
    auto at = conn.execute(select(extract("year", t.c("ts")), extract("second", t.c("ts")), extract("dow", t.c("ts")),
                                  extract("quarter", t.c("ts")))
                               .where(t.c("id") == 1))
                  .one();
    BOOST_TEST(at[0].as_int() == 2024);
    BOOST_TEST(at[1].as_double() == 30.25);
    BOOST_TEST(at[2].as_int() == 4);
    BOOST_TEST(at[3].as_int() == 1);
    const auto b = select(t.c("x")).where(t.c("grp") == "b").scalar_subquery();
    BOOST_TEST(ints(conn, select(t.c("id")).where(t.c("x") == any_(b)).order_by(t.c("id"))) == (std::vector<std::int64_t>{4, 5, 6}),
               boost::test_tools::per_element());
    BOOST_TEST(ints(conn, select(t.c("id")).where(all_(b) > t.c("x")).order_by(t.c("id"))) == (std::vector<std::int64_t>{1, 2, 3}),
               boost::test_tools::per_element());
    md.drop_all(conn);
    conn.commit();
    // CREATE SCHEMA / DROP SCHEMA ... CASCADE, with a table in it.
    conn.execute(DropSchema("athanor_schema_ddl", true, true));
    conn.execute(CreateSchema("athanor_schema_ddl"));
    conn.execute(CreateSchema("athanor_schema_ddl", true));  // already there: nothing happens
    conn.execute(sa::text("CREATE TABLE athanor_schema_ddl.t (id INTEGER)"));
    conn.commit();
    BOOST_CHECK_THROW(conn.execute(DropSchema("athanor_schema_ddl")), sa::DBAPIError);  // not empty
    conn.rollback();
    conn.execute(DropSchema("athanor_schema_ddl", false, true));
    BOOST_TEST(conn.execute(sa::text("SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = 'athanor_schema_ddl'")).scalar().as_int() == 0);
    conn.commit();
}

BOOST_AUTO_TEST_SUITE_END()
