// LIMIT / OFFSET as expressions, FETCH FIRST (WITH TIES, PERCENT), the bitwise operators and
// COLLATE: golden SQL per dialect (generic, SQLite, PostgreSQL, compiled offline), cache keys,
// refusals, and SQLite's XOR equivalent checked against C++'s ^ on live SQLite.
#define BOOST_TEST_MODULE test_sql_row_limits
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>

#include <cstdint>
#include <limits>

namespace sa = athanor;
using namespace athanor::sql;

namespace {

TypePtr integer() { return TypeEngine::named("INTEGER"); }
TypePtr varchar() { return TypeEngine::named("VARCHAR(50)"); }

struct Tables {
    Table users{"users", {Column("id", integer(), primary_key()), Column("name", varchar())}};
    Select by_id() const { return select(users.c("id")).order_by(users.c("id")); }
};

std::string generic(const Statement& s) { return to_string(s); }

const sa::sdk::Dialect& sqlite_dialect() {
    static sa::Engine engine = athanor::test::engine("sqlite://");
    return engine.dialect();
}
const sa::sdk::Dialect& pg_dialect() {
    // Creating the engine connects to nothing: the dialect compiles offline.
    static sa::Engine engine = athanor::test::engine("postgresql://nobody@127.0.0.1:1/none");
    return engine.dialect();
}
std::string sqlite(const Statement& s) { return s.compile(sqlite_dialect())->sql; }
std::string pg(const Statement& s) { return s.compile(pg_dialect())->sql; }

Expr two() { return literal_column("1") + literal_column("1"); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(row_limits, Tables)

BOOST_AUTO_TEST_CASE(limit_offset_expressions) {
    const auto bound = by_id().limit(bindparam("l")).offset(bindparam("o"));
    BOOST_TEST(generic(bound) == "SELECT users.id FROM users ORDER BY users.id LIMIT :l OFFSET :o");
    BOOST_TEST(sqlite(bound) == "SELECT users.id FROM users ORDER BY users.id LIMIT ? OFFSET ?");
    BOOST_TEST(pg(bound) == "SELECT users.id FROM users ORDER BY users.id LIMIT $1 OFFSET $2");
    const auto expr = by_id().limit(two()).offset(two());
    BOOST_TEST(generic(expr) == "SELECT users.id FROM users ORDER BY users.id LIMIT 1 + 1 OFFSET 1 + 1");
    BOOST_TEST(pg(by_id().offset(two())) == "SELECT users.id FROM users ORDER BY users.id OFFSET 1 + 1");
    BOOST_TEST(sqlite(by_id().offset(bindparam("o"))) == "SELECT users.id FROM users ORDER BY users.id LIMIT -1 OFFSET ?");
    // Integers stay inline.
    BOOST_TEST(generic(by_id().limit(2).offset(1)) == "SELECT users.id FROM users ORDER BY users.id LIMIT 2 OFFSET 1");
    BOOST_CHECK_THROW(by_id().offset(-1), sa::ArgumentError);
    BOOST_CHECK_THROW(by_id().fetch(-1), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(fetch_first_generic_and_postgresql) {
    const auto only = by_id().fetch(2).offset(1);
    BOOST_TEST(generic(only) == "SELECT users.id FROM users ORDER BY users.id OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY");
    BOOST_TEST(pg(only) == "SELECT users.id FROM users ORDER BY users.id OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY");
    BOOST_TEST(pg(by_id().fetch(3, true)) == "SELECT users.id FROM users ORDER BY users.id FETCH FIRST 3 ROWS WITH TIES");
    BOOST_TEST(generic(by_id().fetch(20, false, true)) ==
               "SELECT users.id FROM users ORDER BY users.id FETCH FIRST 20 PERCENT ROWS ONLY");
    BOOST_TEST(generic(by_id().fetch(20, true, true)) ==
               "SELECT users.id FROM users ORDER BY users.id FETCH FIRST 20 PERCENT ROWS WITH TIES");
    // A value that is not an atom is parenthesised, as the grammar of OFFSET ... ROWS and
    // FETCH FIRST requires; binds and literals are not.
    BOOST_TEST(pg(by_id().fetch(two()).offset(two())) ==
               "SELECT users.id FROM users ORDER BY users.id OFFSET (1 + 1) ROWS FETCH FIRST (1 + 1) ROWS ONLY");
    BOOST_TEST(pg(by_id().fetch(bindparam("f")).offset(bindparam("o"))) ==
               "SELECT users.id FROM users ORDER BY users.id OFFSET $1 ROWS FETCH FIRST $2 ROWS ONLY");
    // PostgreSQL has no PERCENT: refused, never rendered.
    BOOST_CHECK_THROW(pg(by_id().fetch(20, false, true)), sa::CompileError);
}

BOOST_AUTO_TEST_CASE(fetch_first_on_sqlite_is_limit) {
    BOOST_TEST(sqlite(by_id().fetch(2)) == "SELECT users.id FROM users ORDER BY users.id LIMIT 2");
    BOOST_TEST(sqlite(by_id().fetch(2).offset(1)) == "SELECT users.id FROM users ORDER BY users.id LIMIT 2 OFFSET 1");
    BOOST_TEST(sqlite(by_id().fetch(two()).offset(bindparam("o"))) ==
               "SELECT users.id FROM users ORDER BY users.id LIMIT 1 + 1 OFFSET ?");
    try {
        (void)sqlite(by_id().fetch(1, true));
        BOOST_FAIL("WITH TIES compiled on SQLite");
    } catch (const sa::CompileError& e) {
        BOOST_TEST(std::string(e.what()).find("WITH TIES") != std::string::npos, e.what());
    }
    try {
        (void)sqlite(by_id().fetch(20, false, true));
        BOOST_FAIL("PERCENT compiled on SQLite");
    } catch (const sa::CompileError& e) {
        BOOST_TEST(std::string(e.what()).find("PERCENT") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(fetch_and_limit_replace_each_other) {
    BOOST_TEST(generic(by_id().fetch(3).limit(2)) == "SELECT users.id FROM users ORDER BY users.id LIMIT 2");
    BOOST_TEST(generic(by_id().limit(2).fetch(3)) == "SELECT users.id FROM users ORDER BY users.id FETCH FIRST 3 ROWS ONLY");
    // A compound SELECT has them too, and a member with FETCH is parenthesised like one with LIMIT.
    const auto u = union_all(select(users.c("id")).fetch(1), select(users.c("id"))).fetch(bindparam("n"), true);
    BOOST_TEST(generic(u) ==
               "(SELECT users.id FROM users FETCH FIRST 1 ROWS ONLY) UNION ALL SELECT users.id FROM users "
               "FETCH FIRST :n ROWS WITH TIES");
}

BOOST_AUTO_TEST_CASE(cache_keys_see_every_option) {
    const auto key = [&](const Select& s) { return s.cache_key(); };
    BOOST_TEST(key(by_id().fetch(2)) != key(by_id().limit(2)));
    BOOST_TEST(key(by_id().fetch(2)) != key(by_id().fetch(2, true)));
    BOOST_TEST(key(by_id().fetch(2)) != key(by_id().fetch(2, false, true)));
    BOOST_TEST(key(by_id().fetch(2)) != key(by_id().fetch(3)));
    BOOST_TEST(key(by_id().limit(2)) != key(by_id().offset(2)));
    BOOST_TEST(key(by_id().limit(two())) != key(by_id().limit(2)));
    // Bound values are not part of the key: one compiled statement serves every value.
    BOOST_TEST(key(by_id().limit(bindparam("l", 2))) == key(by_id().limit(bindparam("l", 3))));
    const auto c = [&](const std::string& collation) { return select(users.c("name")).order_by(users.c("name").collate(collation)).cache_key(); };
    BOOST_TEST(c("NOCASE") != c("BINARY"));
    const auto b = [&](const Expr& e) { return select(users.c("id")).where(e > 0).cache_key(); };
    BOOST_TEST(b(users.c("id").bitwise_and(1)) != b(users.c("id").bitwise_or(1)));
    BOOST_TEST(b(users.c("id").bitwise_lshift(1)) != b(users.c("id").bitwise_rshift(1)));
}

BOOST_AUTO_TEST_CASE(bitwise_operators_per_dialect) {
    const auto id = users.c("id");
    const auto where = [&](const Expr& e) { return select(id).where(e > 0); };
    BOOST_TEST(generic(where(id.bitwise_and(4))) == "SELECT users.id FROM users WHERE users.id & :id_1 > :param_1");
    BOOST_TEST(generic(where(id.bitwise_or(1))) == "SELECT users.id FROM users WHERE users.id | :id_1 > :param_1");
    BOOST_TEST(generic(where(id.bitwise_xor(5))) == "SELECT users.id FROM users WHERE users.id ^ :id_1 > :param_1");
    BOOST_TEST(generic(where(id.bitwise_lshift(1))) == "SELECT users.id FROM users WHERE users.id << :id_1 > :param_1");
    BOOST_TEST(generic(where(id.bitwise_rshift(2))) == "SELECT users.id FROM users WHERE users.id >> :id_1 > :param_1");
    BOOST_TEST(generic(where((id - 2).bitwise_not())) == "SELECT users.id FROM users WHERE ~(users.id - :id_1) > :param_1");
    // Grouping: + binds tighter than the bitwise operators, which never sit side by side ungrouped.
    BOOST_TEST(generic(select((id + 1).bitwise_and(id.bitwise_or(2)).label("v"))) ==
               "SELECT users.id + :id_1 & (users.id | :id_2) AS v FROM users");
    BOOST_TEST(generic(select((id.bitwise_and(3) + 1).label("v"))) == "SELECT (users.id & :id_1) + :param_1 AS v FROM users");
    BOOST_TEST(pg(where(id.bitwise_xor(5))) == "SELECT users.id FROM users WHERE users.id # $1 > $2");
    BOOST_TEST(pg(where(id.bitwise_lshift(1))) == "SELECT users.id FROM users WHERE users.id << $1 > $2");
    BOOST_TEST(sqlite(where(id.bitwise_xor(5))) ==
               "SELECT users.id FROM users WHERE ((users.id | ?) - (users.id & ?)) > ?");
    BOOST_TEST(sqlite(where((id - 2).bitwise_not())) == "SELECT users.id FROM users WHERE ~(users.id - ?) > ?");
}

BOOST_AUTO_TEST_CASE(collate_per_dialect) {
    const auto name = users.c("name");
    BOOST_TEST(sqlite(select(name).order_by(name.collate("NOCASE").asc())) ==
               "SELECT users.name FROM users ORDER BY users.name COLLATE \"NOCASE\" ASC");
    BOOST_TEST(pg(select(name).order_by(collate(name, "POSIX"))) ==
               "SELECT users.name FROM users ORDER BY users.name COLLATE \"POSIX\"");
    BOOST_TEST(pg(select(name).order_by(collate(name, "C"))) == "SELECT users.name FROM users ORDER BY users.name COLLATE \"C\"");
    BOOST_TEST(generic(select(name).where(name.concat("x").collate("nocase") == "ax")) ==
               "SELECT users.name FROM users WHERE (users.name || :name_1) COLLATE nocase = :param_1");
    BOOST_CHECK_THROW(name.collate(""), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(sqlite_xor_equivalent_is_exact) {
    auto engine = athanor::test::engine("sqlite://");
    auto conn = engine.connect();
    constexpr auto lo = std::numeric_limits<std::int64_t>::min(), hi = std::numeric_limits<std::int64_t>::max();
    const std::int64_t values[] = {0, 1, -1, 5, 12, -6, lo, hi, lo + 1, hi - 1, 0x5555555555555555, -0x5555555555555556};
    for (auto a : values)
        for (auto b : values) {
            const auto got = conn.scalar(select(literal(a).bitwise_xor(literal(b)).label("v")));
            BOOST_TEST(got.as_int() == (a ^ b), a << " ^ " << b << " gave " << got.repr());
        }
    BOOST_TEST(conn.scalar(select(literal(-2).bitwise_not().label("v"))).as_int() == 1);
    BOOST_TEST(conn.scalar(select(literal(3).bitwise_lshift(2).label("v"))).as_int() == 12);
}

BOOST_AUTO_TEST_SUITE_END()
