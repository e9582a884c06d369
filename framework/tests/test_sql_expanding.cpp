// Expanding bindparam()s and named literal_execute binds ("post-compile" parameters): the
// compiled form with __[POSTCOMPILE_q], its expansion for one execution's list in each
// placeholder style (named, SQLite's ?, PostgreSQL's $n with renumbering), tuples with one
// processor per element, empty sets, text() expanding binds, one cached form for every list
// length, what echo and before_cursor_execute see, and the errors for a wrong list.
#define BOOST_TEST_MODULE test_sql_expanding
#include <boost/test/unit_test.hpp>

#include "support/test_support.hpp"

#include <athanor/engine/engine.hpp>
#include <athanor/engine/events.hpp>
#include <athanor/errors.hpp>
#include <athanor/sql.hpp>
#include <athanor/sql/text.hpp>

#include <string>
#include <vector>

namespace sa = athanor;
namespace types = athanor::types;
using namespace athanor::sql;
using athanor::Params;
using athanor::Value;

namespace {

struct Tables {
    Table t{"t", {Column("id", types::Integer(), primary_key()), Column("x", types::Integer()), Column("z", types::String(20)),
                  Column("d", types::Date())}};
};

Params list(const char* key, std::vector<Value> values) {
    Params p;
    p.set_list(key, std::move(values));
    return p;
}
Params tuples(const char* key, const std::vector<std::vector<Value>>& rows) {
    Params p;
    p.set_tuples(key, rows);
    return p;
}

std::shared_ptr<CompiledStatement> expand(const sa::sdk::Dialect& dialect, const Statement& s, const Params& params) {
    Params values;
    s.bound_values(values);
    return compiler_for(dialect)->expand(*s.compile(dialect, {.keep_expanding = true}), params, &values);
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(expanding_bind_compiles_to_a_post_compile_marker, Tables) {
    auto s = select(t.c("id")).where(and_(t.c("x").in_(bindparam("q")), t.c("z") == "a"));
    BOOST_TEST(to_string(s) == "SELECT t.id FROM t WHERE t.x IN (__[POSTCOMPILE_q]) AND t.z = :z_1");
    const auto& dialect = DefaultDialect::instance();
    const auto three = expand(dialect, s, list("q", {1, 2, 3}));
    BOOST_TEST(three->sql == "SELECT t.id FROM t WHERE t.x IN (:q_1, :q_2, :q_3) AND t.z = :z_1");
    const auto bound = three->bind(list("q", {1, 2, 3}));
    BOOST_TEST_REQUIRE(bound.size() == 4u);
    BOOST_TEST(bound[2].as_int() == 3);
    BOOST_TEST(bound[3].as_string() == "a");
    // not_in and an explicitly expanding bind read the same.
    BOOST_TEST(to_string(select(t.c("id")).where(t.c("x").not_in(bindparam("q", {.expanding = true})))) ==
               "SELECT t.id FROM t WHERE t.x NOT IN (__[POSTCOMPILE_q])");
}

BOOST_FIXTURE_TEST_CASE(positional_styles_renumber_after_the_list, Tables) {
    auto s = select(t.c("id")).where(and_(t.c("z") == "a", t.c("x").in_(bindparam("q")), t.c("id") != 9));
    auto pg = athanor::test::engine("postgresql://nobody@127.0.0.1:1/none");  // nothing connects
    BOOST_TEST(expand(pg.dialect(), s, list("q", {4, 5, 6}))->sql ==
               "SELECT t.id FROM t WHERE t.z = $1 AND t.x IN ($2, $3, $4) AND t.id != $5");
    auto lite = athanor::test::engine("sqlite://");
    const auto e = expand(lite.dialect(), s, list("q", {4, 5}));
    BOOST_TEST(e->sql == "SELECT t.id FROM t WHERE t.z = ? AND t.x IN (?, ?) AND t.id != ?");
    const auto bound = e->bind(list("q", {4, 5}));
    BOOST_TEST_REQUIRE(bound.size() == 4u);
    BOOST_TEST(bound[0].as_string() == "a");
    BOOST_TEST(bound[2].as_int() == 5);
    BOOST_TEST(bound[3].as_int() == 9);
}

BOOST_FIXTURE_TEST_CASE(tuples_take_one_processor_per_element, Tables) {
    auto s = select(t.c("id")).where(tuple_(t.c("x"), t.c("d")).in_(bindparam("q")));
    auto lite = athanor::test::engine("sqlite://");
    const Params p = tuples("q", {{1, sa::Date{2024, 2, 29}}, {2, sa::Date{1999, 1, 1}}});
    const auto e = expand(lite.dialect(), s, p);
    BOOST_TEST(e->sql == "SELECT t.id FROM t WHERE (t.x, t.d) IN ((?, ?), (?, ?))");
    const auto bound = e->bind(p);
    BOOST_TEST_REQUIRE(bound.size() == 4u);
    BOOST_TEST(bound[0].as_int() == 1);
    // SQLite's Date travels as ISO text: the second element went through the Date processor.
    BOOST_TEST(bound[1].repr() == Value(std::string("2024-02-29")).repr());
    // Explicit per-element types win over the columns'.
    auto typed = select(t.c("id")).where(
        tuple_(t.c("x"), t.c("z")).in_(bindparam("q", {.expanding = true, .tuple_types = {types::Integer(), types::String()}})));
    BOOST_TEST(expand(lite.dialect(), typed, tuples("q", {{1, "a"}}))->sql == "SELECT t.id FROM t WHERE (t.x, t.z) IN ((?, ?))");
}

BOOST_FIXTURE_TEST_CASE(an_empty_list_renders_the_grouped_empty_set, Tables) {
    const auto& dialect = DefaultDialect::instance();
    auto s = select(t.c("id")).where(or_(t.c("id") == 1, t.c("x").not_in(bindparam("q"))));
    BOOST_TEST(expand(dialect, s, list("q", {}))->sql ==
               "SELECT t.id FROM t WHERE t.id = :id_1 OR (t.x NOT IN (NULL) OR (1 = 1))");
    BOOST_TEST(expand(dialect, s, list("q", {7}))->sql == "SELECT t.id FROM t WHERE t.id = :id_1 OR t.x NOT IN (:q_1)");
    auto pair = select(t.c("id")).where(tuple_(t.c("x"), t.c("z")).in_(bindparam("q")));
    BOOST_TEST(expand(dialect, pair, tuples("q", {}))->sql ==
               "SELECT t.id FROM t WHERE ((t.x, t.z) IN ((NULL, NULL)) AND (1 != 1))");
    // A literal empty tuple list too.
    BOOST_TEST(to_string(select(t.c("id")).where(tuple_(t.c("x"), t.c("z")).in_(std::vector<Value>{}))) ==
               "SELECT t.id FROM t WHERE ((t.x, t.z) IN ((NULL, NULL)) AND (1 != 1))");
}

BOOST_FIXTURE_TEST_CASE(literal_execute_binds_render_at_execution, Tables) {
    const auto& dialect = DefaultDialect::instance();
    auto s = select(t.c("id")).where(t.c("z") == bindparam("q", {.literal_execute = true}));
    BOOST_TEST(to_string(s) == "SELECT t.id FROM t WHERE t.z = __[POSTCOMPILE_q]");
    const auto e = expand(dialect, s, {{"q", "it's"}});
    BOOST_TEST(e->sql == "SELECT t.id FROM t WHERE t.z = 'it''s'");
    BOOST_TEST(e->binds.empty());
    // The type's processor runs before the literal is rendered.
    auto dated = select(t.c("id")).where(t.c("d") == bindparam("q", {.literal_execute = true}));
    BOOST_TEST(expand(dialect, dated, {{"q", sa::Date{2012, 10, 15}}})->sql == "SELECT t.id FROM t WHERE t.d = '2012-10-15'");
    // A default value, and literal_binds rendering it at compile time.
    auto with_default = select(t.c("id")).where(t.c("x") == bindparam("q", {.value = 10, .literal_execute = true}));
    BOOST_TEST(expand(dialect, with_default, {})->sql == "SELECT t.id FROM t WHERE t.x = 10");
    BOOST_TEST(expand(dialect, with_default, {{"q", 11}})->sql == "SELECT t.id FROM t WHERE t.x = 11");
    BOOST_TEST(to_string(with_default, {.literal_binds = true}) == "SELECT t.id FROM t WHERE t.x = 10");
    // Expanding and literal_execute: the list as literals.
    auto lits = select(t.c("id")).where(t.c("z").in_(bindparam("q", {.expanding = true, .literal_execute = true})));
    BOOST_TEST(expand(dialect, lits, list("q", {"a", "b"}))->sql == "SELECT t.id FROM t WHERE t.z IN ('a', 'b')");
}

BOOST_FIXTURE_TEST_CASE(cache_key_ignores_the_list_and_the_default, Tables) {
    auto a = select(t.c("id")).where(t.c("x").in_(bindparam("q", {.list = std::vector<Value>{1}, .expanding = true})));
    auto b = select(t.c("id")).where(t.c("x").in_(bindparam("q", {.list = std::vector<Value>{1, 2, 3}, .expanding = true})));
    BOOST_TEST(a.cache_key() == b.cache_key());
    // ... but not whether a bind expands, or renders as literals.
    auto c = select(t.c("id")).where(t.c("x").in_(bindparam("q", {.expanding = true, .literal_execute = true})));
    BOOST_TEST(a.cache_key() != c.cache_key());
    BOOST_TEST(select(t.c("id")).where(t.c("x") == bindparam("q")).cache_key() !=
               select(t.c("id")).where(t.c("x") == bindparam("q", {.literal_execute = true})).cache_key());
    // The default list is the statement's own value: b's reaches the expansion.
    BOOST_TEST(expand(DefaultDialect::instance(), b, {})->sql == "SELECT t.id FROM t WHERE t.x IN (:q_1, :q_2, :q_3)");
}

BOOST_FIXTURE_TEST_CASE(wrong_lists_are_argument_errors, Tables) {
    const auto& dialect = DefaultDialect::instance();
    auto scalar_in = select(t.c("id")).where(t.c("x").in_(bindparam("q")));
    auto pair_in = select(t.c("id")).where(tuple_(t.c("x"), t.c("z")).in_(bindparam("q")));
    BOOST_CHECK_THROW(expand(dialect, scalar_in, {}), sa::ArgumentError);                   // no list
    BOOST_CHECK_THROW(expand(dialect, scalar_in, {{"q", 1}}), sa::ArgumentError);           // a value, not a list
    BOOST_CHECK_THROW(expand(dialect, scalar_in, tuples("q", {{1, 2}})), sa::ArgumentError);  // tuples for a scalar
    BOOST_CHECK_THROW(expand(dialect, pair_in, list("q", {1, 2})), sa::ArgumentError);        // scalars for tuples
    BOOST_CHECK_THROW(expand(dialect, pair_in, tuples("q", {{1, "a", 3}})), sa::ArgumentError);  // arity
    BOOST_CHECK_THROW(tuples("q", {{1, "a"}, {2}}), sa::ArgumentError);                           // ragged
    BOOST_CHECK_THROW(bindparam("q", {.value = 1, .expanding = true}), sa::ArgumentError);
    BOOST_CHECK_THROW(bindparam("q", {.list = std::vector<Value>{1}}), sa::ArgumentError);
    BOOST_CHECK_THROW(select(t.c("id")).where(tuple_(t.c("x"), t.c("z")).in_(bindparam(
                                                  "q", {.expanding = true, .tuple_types = {types::Integer()}})))
                          .compile(dialect),
                      sa::ArgumentError);
    BOOST_CHECK_THROW(sa::text("SELECT 1 WHERE 1 IN :q").bindparams({bindparam("p", {.expanding = true})}), sa::ArgumentError);
}

BOOST_AUTO_TEST_CASE(text_expanding_binds) {
    auto lite = athanor::test::engine("sqlite://");
    auto stmt = sa::text("SELECT :a, 1 IN :q, :a").bindparams({bindparam("q", {.expanding = true})});
    BOOST_TEST(stmt.compile(DefaultDialect::instance())->sql == "SELECT :a, 1 IN (__[POSTCOMPILE_q]), :a");
    Params p = list("q", {1, 2});
    p.set("a", 5);
    const auto e = compiler_for(lite.dialect())->expand(*stmt.compile(lite.dialect()), p, nullptr);
    BOOST_TEST(e->sql == "SELECT ?, 1 IN (?, ?), ?");
    const auto bound = e->bind(p);
    BOOST_TEST_REQUIRE(bound.size() == 4u);
    BOOST_TEST(bound[0].as_int() == 5);
    BOOST_TEST(bound[2].as_int() == 2);
    BOOST_TEST(bound[3].as_int() == 5);
    // Tuples in text(): row values of placeholders, whatever the arity.
    const auto rows = compiler_for(lite.dialect())->expand(*stmt.compile(lite.dialect()),
                                                           tuples("q", {{1, 2}, {3, 4}}).set("a", 0), nullptr);
    BOOST_TEST(rows->sql == "SELECT ?, 1 IN ((?, ?), (?, ?)), ?");
    // The expanding binds are part of the text's cache key.
    BOOST_TEST(stmt.cache_key() != sa::text("SELECT :a, 1 IN :q, :a").cache_key());
}

BOOST_AUTO_TEST_CASE(executions_share_one_compiled_form_and_report_the_sql_sent) {
    std::vector<std::string> log;
    auto engine = athanor::test::engine("sqlite://", {.echo = true, .hide_parameters = false, .log_sink = [&](std::string_view line) { log.emplace_back(line); }});
    std::vector<std::string> sent;
    std::vector<std::size_t> widths;
    auto handle = engine.events().on_before_cursor_execute([&](const sa::CursorExecuteEvent& e) {
        sent.emplace_back(e.statement);
        widths.push_back(e.parameters.empty() ? 0 : e.parameters.front().size());
    });
    auto c = engine.connect();
    c.execute(sa::text("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER, z VARCHAR(20), d VARCHAR(10))"));
    for (int i = 1; i <= 5; ++i) c.execute(sa::text("INSERT INTO t (id, x) VALUES (:i, :i)"), {{"i", i}});
    Tables tables;
    auto q = select(count()).select_from(tables.t).where(tables.t.c("x").in_(bindparam("q")));
    const auto before = engine.cache_stats();
    sent.clear();
    widths.clear();
    log.clear();
    BOOST_TEST(c.execute(q, list("q", {1})).scalar_one().as_int() == 1);
    BOOST_TEST(c.execute(q, list("q", {1, 2, 3})).scalar_one().as_int() == 3);
    BOOST_TEST(c.execute(q, list("q", {})).scalar_one().as_int() == 0);
    std::vector<Value> many;
    for (int i = 0; i < 300; ++i) many.emplace_back(i);
    BOOST_TEST(c.execute(q, list("q", many)).scalar_one().as_int() == 5);
    const auto after = engine.cache_stats();
    BOOST_TEST(after.misses - before.misses == 1u);
    BOOST_TEST(after.hits - before.hits == 3u);
    BOOST_TEST_REQUIRE(sent.size() == 4u);
    BOOST_TEST(sent[1] == "SELECT count(*) AS count_1 FROM t WHERE t.x IN (?, ?, ?)");
    BOOST_TEST(widths[1] == 3u);
    BOOST_TEST(sent[2].find("IN (NULL) AND (1 != 1)") != std::string::npos);
    BOOST_TEST(widths[3] == 300u);
    // Echo shows the expanded SQL and the flat parameters.
    bool echoed = false;
    for (const auto& line : log) echoed = echoed || line.find("t.x IN (?, ?, ?)") != std::string::npos;
    BOOST_TEST(echoed);
    bool flat = false;
    for (const auto& line : log) flat = flat || line.find("(1, 2, 3)") != std::string::npos;
    BOOST_TEST(flat);
    // One statement text per executemany: no set may bring a list.
    BOOST_CHECK_THROW(c.execute(q, std::vector<Params>{list("q", {1}), list("q", {2})}), sa::ArgumentError);
    handle.remove();
}
