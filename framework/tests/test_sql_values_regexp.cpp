// values() (a VALUES list as a FROM object and as a CTE) and the regular-expression operators:
// golden SQL per dialect (generic, SQLite, PostgreSQL, compiled offline), cache keys, refusals,
// and the round trip on live SQLite (whose regexp() the plugin registers).
#define BOOST_TEST_MODULE test_sql_values_regexp
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sa = athanor;
using namespace athanor::sql;

namespace {

TypePtr integer() { return TypeEngine::named("INTEGER"); }
TypePtr varchar() { return TypeEngine::named("VARCHAR(50)"); }

const sa::sdk::Dialect& sqlite_dialect() {
    static sa::Engine engine = athanor::test::engine("sqlite://");
    return engine.dialect();
}
const sa::sdk::Dialect& pg_dialect() {
    // Creating the engine connects to nothing: the dialect compiles offline.
    static sa::Engine engine = athanor::test::engine("postgresql://nobody@127.0.0.1:1/none");
    return engine.dialect();
}
std::string generic(const Statement& s) { return to_string(s); }
std::string sqlite(const Statement& s) { return s.compile(sqlite_dialect())->sql; }
std::string pg(const Statement& s) { return s.compile(pg_dialect())->sql; }

Values two_rows(bool literal_binds = false) {
    return values({{"id", sa::types::Integer()}, {"name", sa::types::String(20)}}, "v", literal_binds).data({{1, "a"}, {2, "b"}});
}

struct Words {
    MetaData md;
    Table& t = md.table("words", Column("id", integer(), primary_key()), Column("w", varchar()));
};

}  // namespace

BOOST_AUTO_TEST_SUITE(values_lists)

BOOST_AUTO_TEST_CASE(in_a_from_clause) {
    const auto v = two_rows();
    BOOST_TEST(generic(select(v)) == "SELECT v.id, v.name FROM (VALUES (:id_1, :name_1), (:id_2, :name_2)) AS v (id, name)");
    // PostgreSQL resolves an untyped parameter in VALUES as text: each is cast to its column's type.
    BOOST_TEST(pg(select(v)) == "SELECT v.id, v.name FROM (VALUES (CAST($1 AS INTEGER), CAST($2 AS VARCHAR(20))), "
                                "(CAST($3 AS INTEGER), CAST($4 AS VARCHAR(20)))) AS v (id, name)");
    // SQLite has no column alias list: the VALUES columns are column1, column2, ...
    BOOST_TEST(sqlite(select(v.c("name")).where(v.c("id") > 1)) ==
               "SELECT v.name FROM (SELECT column1 AS id, column2 AS name FROM (VALUES (?, ?), (?, ?))) AS v WHERE v.id > ?");
    // data() appends; alias() renames; the names are quoted as identifiers.
    const auto three = v.data({{3, "c"}}).alias("my values");
    BOOST_TEST(generic(select(three.c("id"))) ==
               "SELECT \"my values\".id FROM (VALUES (:id_1, :name_1), (:id_2, :name_2), (:id_3, :name_3)) AS \"my values\" (id, name)");
}

BOOST_AUTO_TEST_CASE(as_a_cte) {
    const auto c = two_rows().cte("pairs");
    BOOST_TEST(generic(select(c)) ==
               "WITH pairs (id, name) AS (VALUES (:id_1, :name_1), (:id_2, :name_2)) SELECT pairs.id, pairs.name FROM pairs");
    BOOST_TEST(sqlite(select(c.c("name")).where(c.c("id") == 2)) ==
               "WITH pairs (id, name) AS (VALUES (?, ?), (?, ?)) SELECT pairs.name FROM pairs WHERE pairs.id = ?");
    BOOST_CHECK_THROW(two_rows().cte(""), sa::ArgumentError);
    // A VALUES CTE cannot start a recursive one.
    BOOST_CHECK_THROW(c.union_all(select(c.c("id"), c.c("name"))), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(literal_binds_render_literals) {
    const auto v = two_rows(true);
    auto compiled = select(v).compile(sqlite_dialect());
    BOOST_TEST(compiled->sql ==
               "SELECT v.id, v.name FROM (SELECT column1 AS id, column2 AS name FROM (VALUES (1, 'a'), (2, 'b'))) AS v");
    BOOST_TEST(compiled->binds.empty());
    sa::Engine engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    auto rows = conn.execute(select(v)).all();
    BOOST_TEST_REQUIRE(rows.size() == 2u);
    BOOST_TEST(rows[1][0].as_int() == 2);
    BOOST_TEST(rows[1][1].as_string() == "b");
    // Other literal values are another statement, never the cached one's.
    const auto other = values({{"id", sa::types::Integer()}, {"name", sa::types::String(20)}}, "v", true).data({{5, "e"}, {6, "f"}});
    BOOST_TEST(conn.execute(select(other)).all().at(1)[1].as_string() == "f");
}

BOOST_AUTO_TEST_CASE(typed_binds_and_cache_keys) {
    // The values are statement values: the same shape with other values is one compiled form.
    const auto a = select(two_rows());
    const auto b = select(values({{"id", sa::types::Integer()}, {"name", sa::types::String(20)}}, "v").data({{7, "x"}, {8, "y"}}));
    BOOST_TEST(a.cache_key() == b.cache_key());
    const auto c = select(values({{"id", sa::types::Integer()}, {"name", sa::types::String(20)}}, "v").data({{7, "x"}}));
    BOOST_TEST(a.cache_key() != c.cache_key());
    // Each value is sent as its column's type and read back as it.
    sa::Engine engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    const auto dated = values({{"d", sa::types::Date()}}, "dates").data({{sa::Date{2024, 2, 29}}});
    BOOST_TEST((conn.scalar(select(dated.c("d"))).as_date() == sa::Date{2024, 2, 29}));
}

BOOST_AUTO_TEST_CASE(refusals) {
    BOOST_CHECK_THROW(values({}, "v"), sa::ArgumentError);
    BOOST_CHECK_THROW(values({{"id", sa::types::Integer()}}, ""), sa::ArgumentError);
    BOOST_CHECK_THROW(values({{"id", nullptr}}, "v"), sa::ArgumentError);
    BOOST_CHECK_THROW(values({{"id", sa::types::Integer()}, {"id", sa::types::Integer()}}, "v"), sa::ArgumentError);
    BOOST_CHECK_THROW(two_rows().data({{1}}), sa::ArgumentError);
    BOOST_CHECK_THROW(two_rows().c("nope"), sa::ArgumentError);
    // No rows: nothing to render.
    BOOST_CHECK_THROW(generic(select(values({{"id", sa::types::Integer()}}, "v"))), sa::CompileError);
}

BOOST_AUTO_TEST_CASE(round_trip_on_sqlite) {
    sa::Engine engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    const auto v = two_rows().data({{3, "c"}});
    std::vector<std::pair<std::int64_t, std::string>> got;
    for (const auto& row : conn.execute(select(v).where(v.c("id") >= 2).order_by(v.c("id").desc())))
        got.emplace_back(row[0].as_int(), row[1].as_string());
    BOOST_TEST((got == std::vector<std::pair<std::int64_t, std::string>>{{3, "c"}, {2, "b"}}));
    // Joined with a table like any FROM object.
    Words w;
    w.md.create_all(conn);
    conn.execute(w.t.insert(), std::vector<sa::Params>{{{"id", 1}, {"w", "one"}}, {{"id", 2}, {"w", "two"}}});
    auto joined = conn.execute(select(w.t.c("w"), v.c("name")).join_from(w.t, v, w.t.c("id") == v.c("id")).order_by(w.t.c("id"))).all();
    BOOST_TEST_REQUIRE(joined.size() == 2u);
    BOOST_TEST(joined[1][0].as_string() == "two");
    BOOST_TEST(joined[1][1].as_string() == "b");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(regular_expressions, Words)

BOOST_AUTO_TEST_CASE(postgresql_operators) {
    BOOST_TEST(pg(select(t.c("id")).where(t.c("w").regexp_match("^o"))) == "SELECT words.id FROM words WHERE words.w ~ $1");
    BOOST_TEST(pg(select(t.c("id")).where(!t.c("w").regexp_match("^o"))) == "SELECT words.id FROM words WHERE words.w !~ $1");
    BOOST_TEST(pg(select(t.c("id")).where(t.c("w").regexp_match("^O", "i"))) == "SELECT words.id FROM words WHERE words.w ~* $1");
    BOOST_TEST(pg(select(t.c("id")).where(!t.c("w").regexp_match("^O", "i"))) == "SELECT words.id FROM words WHERE words.w !~* $1");
    // Other flags: the ARE's embedded options ahead of the pattern.
    BOOST_TEST(pg(select(t.c("id")).where(t.c("w").regexp_match("^o", "x"))) ==
               "SELECT words.id FROM words WHERE words.w ~ ('(?x)' || $1)");
    BOOST_TEST(pg(select(t.c("w").regexp_replace("o", "0"))) == "SELECT REGEXP_REPLACE(words.w, $1, $2) AS anon_1 FROM words");
    BOOST_TEST(pg(select(t.c("w").regexp_replace("o", "0", "g").label("r"))) ==
               "SELECT REGEXP_REPLACE(words.w, $1, $2, 'g') AS r FROM words");
}

BOOST_AUTO_TEST_CASE(sqlite_operator_and_refusals) {
    BOOST_TEST(sqlite(select(t.c("id")).where(t.c("w").regexp_match("^o"))) == "SELECT words.id FROM words WHERE words.w REGEXP ?");
    BOOST_TEST(sqlite(select(t.c("id")).where(!t.c("w").regexp_match("^o"))) ==
               "SELECT words.id FROM words WHERE words.w NOT REGEXP ?");
    BOOST_CHECK_THROW(sqlite(select(t.c("id")).where(t.c("w").regexp_match("^o", "i"))), sa::CompileError);
    BOOST_CHECK_THROW(sqlite(select(t.c("w").regexp_replace("o", "0"))), sa::CompileError);
    // The generic compiler has no regular expressions at all.
    BOOST_CHECK_THROW(generic(select(t.c("id")).where(t.c("w").regexp_match("^o"))), sa::CompileError);
    // The cache key tells the match from its negation and the flags apart.
    const auto m = select(t.c("id")).where(t.c("w").regexp_match("x"));
    BOOST_TEST(m.cache_key() != select(t.c("id")).where(!t.c("w").regexp_match("x")).cache_key());
    BOOST_TEST(m.cache_key() != select(t.c("id")).where(t.c("w").regexp_match("x", "i")).cache_key());
}

BOOST_AUTO_TEST_CASE(sqlite_regexp_function) {
    sa::Engine engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    md.create_all(conn);
    conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"w", "one"}}, {{"id", 2}, {"w", "two"}}, {{"id", 3}, {"w", sa::null}}});
    auto ids = [&](const Expr& e) {
        std::vector<std::int64_t> out;
        for (const auto& row : conn.execute(select(t.c("id")).where(e).order_by(t.c("id")))) out.push_back(row[0].as_int());
        return out;
    };
    BOOST_TEST(ids(t.c("w").regexp_match("o$")) == (std::vector<std::int64_t>{2}), boost::test_tools::per_element());
    BOOST_TEST(ids(t.c("w").regexp_match("(n|w)")) == (std::vector<std::int64_t>{1, 2}), boost::test_tools::per_element());
    // NULL matches nothing either way.
    BOOST_TEST(ids(!t.c("w").regexp_match("o$")) == (std::vector<std::int64_t>{1}), boost::test_tools::per_element());
    // An invalid pattern is the database's error, with the pattern named.
    try {
        ids(t.c("w").regexp_match("(unclosed"));
        BOOST_FAIL("an invalid pattern must raise");
    } catch (const sa::DBAPIError& e) {
        BOOST_TEST(std::string(e.what()).find("(unclosed") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
