// select group, IN and post-compile binds — SQLAlchemy test_select.py's ExpandingBoundInTest and
// PostCompileParamsTest: IN lists given as literal lists ("_direct") and as expanding
// bindparam()s whose list comes with the execution ("_bindparam"; Params::set_list /
// set_tuples), scalar and tuple IN, empty sets, text() with expanding binds, and
// literal_execute binds rendered into the SQL actually sent (seen through
// before_cursor_execute, SQLAlchemy's CursorSQL assertion).
#include "context.hpp"

#include <athanor/errors.hpp>
#include <athanor/sql/default_dialect.hpp>

#include <array>

using namespace athanor::sql;
namespace sa = athanor;
using Ints = std::vector<std::int64_t>;
using Tuples = std::vector<std::vector<sa::Value>>;

namespace {

// SQLAlchemy's fixture for both classes: some_table(id, x, y, z), four rows.
struct SomeTable {
    cf::Session s;
    Table& t = s.metadata.table("cf_some_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                Column("x", ty::Integer()), Column("y", ty::Integer()), Column("z", ty::String(50)));
    SomeTable() {
        s.create_all();
        s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"x", 1}, {"y", 2}, {"z", "z1"}},
                                                           {{"id", 2}, {"x", 2}, {"y", 3}, {"z", "z2"}},
                                                           {{"id", 3}, {"x", 3}, {"y", 4}, {"z", "z3"}},
                                                           {{"id", 4}, {"x", 4}, {"y", 5}, {"z", "z4"}}});
        s.conn.commit();
    }
    // SQLAlchemy's _assert_result: the ids the statement selects, in its ORDER BY.
    Ints ids(const sa::sql::Executable& q, const sa::Params& params = {}) {
        return cf::column_ints(s.conn.execute(q, params));
    }
    Select by_id(const Expr& where) const { return select(t.c("id")).where(where).order_by(t.c("id")); }
    static sa::Params list(const char* key, std::vector<sa::Value> values) {
        sa::Params p;
        p.set_list(key, std::move(values));
        return p;
    }
    static sa::Params tuples(const char* key, const Tuples& rows) {
        sa::Params p;
        p.set_tuples(key, rows);
        return p;
    }
};

// The SQL texts and parameter rows the engine hands the driver while alive.
struct CursorSql {
    std::vector<std::string> statements;
    std::vector<std::size_t> parameter_counts;
    sa::ListenerHandle handle;
    CursorSql()
        : handle(cf::engine().events().on_before_cursor_execute([this](const sa::CursorExecuteEvent& e) {
              statements.emplace_back(e.statement);
              parameter_counts.push_back(e.parameters.empty() ? 0 : e.parameters.front().size());
          })) {}
    ~CursorSql() { handle.remove(); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(select_)  // the select group (renamed "select" in main.cpp)
BOOST_AUTO_TEST_SUITE(ExpandingBoundInTest)
BOOST_FIXTURE_TEST_CASE(test_multiple_empty_sets_bindparam, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_multiple_empty_sets_bindparam")) {
    auto q = by_id(t.c("x").in_(bindparam("q"))).where(t.c("y").in_(bindparam("p")));
    sa::Params p;
    p.set_list("q", {}).set_list("p", {});
    BOOST_TEST(ids(q, p).empty());
}
BOOST_FIXTURE_TEST_CASE(test_multiple_empty_sets_direct, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_multiple_empty_sets_direct")) {
    auto q = by_id(t.c("x").in_(std::vector<sa::Value>{})).where(t.c("y").in_(std::vector<sa::Value>{}));
    BOOST_TEST(ids(q).empty());
}
BOOST_FIXTURE_TEST_CASE(test_empty_heterogeneous_tuples_bindparam, SomeTable, CF_REQUIRES("tuple_in_w_empty") CF_SA("test_select.py::ExpandingBoundInTest::test_empty_heterogeneous_tuples_bindparam")) {
    BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("z")).in_(bindparam("q"))), tuples("q", {})).empty());
}
BOOST_FIXTURE_TEST_CASE(test_empty_heterogeneous_tuples_direct, SomeTable, CF_REQUIRES("tuple_in_w_empty") CF_SA("test_select.py::ExpandingBoundInTest::test_empty_heterogeneous_tuples_direct")) {
    const auto go = [&](const std::vector<Expr>& val, const Ints& expected) {
        BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("z")).in_(val))) == expected, boost::test_tools::per_element());
    };
    go({}, {});
    go({tuple_(2, "z2"), tuple_(3, "z3"), tuple_(4, "z4")}, {2, 3, 4});
    go({}, {});
}
BOOST_FIXTURE_TEST_CASE(test_empty_homogeneous_tuples_bindparam, SomeTable, CF_REQUIRES("tuple_in_w_empty") CF_SA("test_select.py::ExpandingBoundInTest::test_empty_homogeneous_tuples_bindparam")) {
    BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("y")).in_(bindparam("q"))), tuples("q", {})).empty());
}
BOOST_FIXTURE_TEST_CASE(test_empty_homogeneous_tuples_direct, SomeTable, CF_REQUIRES("tuple_in_w_empty") CF_SA("test_select.py::ExpandingBoundInTest::test_empty_homogeneous_tuples_direct")) {
    const auto go = [&](const std::vector<Expr>& val, const Ints& expected) {
        BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("y")).in_(val))) == expected, boost::test_tools::per_element());
    };
    go({}, {});
    go({tuple_(1, 2), tuple_(2, 3), tuple_(3, 4)}, {1, 2, 3});
    go({}, {});
}
BOOST_FIXTURE_TEST_CASE(test_bound_in_scalar_bindparam, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_scalar_bindparam")) {
    BOOST_TEST(ids(by_id(t.c("x").in_(bindparam("q"))), list("q", {2, 3, 4})) == (Ints{2, 3, 4}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_bound_in_scalar_direct, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_scalar_direct")) {
    BOOST_TEST(ids(by_id(t.c("x").in_({2, 3, 4}))) == (Ints{2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_nonempty_in_plus_empty_notin, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_nonempty_in_plus_empty_notin")) {
    auto q = by_id(t.c("x").in_({2, 3})).where(t.c("id").not_in(std::vector<sa::Value>{}));
    BOOST_TEST(ids(q) == (Ints{2, 3}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_empty_in_plus_notempty_notin, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_in_plus_notempty_notin")) {
    auto q = by_id(t.c("x").in_(std::vector<sa::Value>{})).where(t.c("id").not_in({2, 3}));
    BOOST_TEST(ids(q).empty());
}
// A text() IN :q whose expanding bind is typed: the values are processed as String.
BOOST_FIXTURE_TEST_CASE(test_typed_str_in, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_typed_str_in")) {
    auto stmt = sa::text("select id FROM cf_some_table WHERE z IN :q ORDER BY id")
                    .bindparams({bindparam("q", {.type = ty::String(), .expanding = true})});
    BOOST_TEST(ids(stmt, list("q", {"z2", "z3", "z4"})) == (Ints{2, 3, 4}), boost::test_tools::per_element());
}
// The same untyped: a list of strings is a list of scalars, never tuples of characters.
BOOST_FIXTURE_TEST_CASE(test_untyped_str_in, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_untyped_str_in")) {
    auto stmt = sa::text("select id FROM cf_some_table WHERE z IN :q ORDER BY id").bindparams({bindparam("q", {.expanding = true})});
    BOOST_TEST(ids(stmt, list("q", {"z2", "z3", "z4"})) == (Ints{2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_bound_in_two_tuple_bindparam, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_two_tuple_bindparam")) {
    BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("y")).in_(bindparam("q"))), tuples("q", {{2, 3}, {3, 4}, {4, 5}})) ==
                   (Ints{2, 3, 4}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_bound_in_two_tuple_direct, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_two_tuple_direct")) {
    BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("y")).in_({tuple_(2, 3), tuple_(3, 4), tuple_(4, 5)}))) == (Ints{2, 3, 4}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_bound_in_heterogeneous_two_tuple_bindparam, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_heterogeneous_two_tuple_bindparam")) {
    BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("z")).in_(bindparam("q"))),
                   tuples("q", {{2, "z2"}, {3, "z3"}, {4, "z4"}})) == (Ints{2, 3, 4}),
               boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_bound_in_heterogeneous_two_tuple_direct, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_heterogeneous_two_tuple_direct")) {
    BOOST_TEST(ids(by_id(tuple_(t.c("x"), t.c("z")).in_({tuple_(2, "z2"), tuple_(3, "z3"), tuple_(4, "z4")}))) ==
                   (Ints{2, 3, 4}),
               boost::test_tools::per_element());
}
// text() IN :q given tuples: each renders as a row value of placeholders, `IN ((?, ?), ...)`.
BOOST_FIXTURE_TEST_CASE(test_bound_in_heterogeneous_two_tuple_text_bindparam, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_heterogeneous_two_tuple_text_bindparam")) {
    auto stmt = sa::text("select id FROM cf_some_table WHERE (x, z) IN :q ORDER BY id").bindparams({bindparam("q", {.expanding = true})});
    BOOST_TEST(ids(stmt, tuples("q", {{2, "z2"}, {3, "z3"}, {4, "z4"}})) == (Ints{2, 3, 4}), boost::test_tools::per_element());
}
// SQLAlchemy's LikeATuple is a sequence that is not a Python tuple; here each tuple comes from
// another container (std::array), and the bind is typed element by element (its TupleType).
BOOST_FIXTURE_TEST_CASE(test_bound_in_heterogeneous_two_tuple_typed_bindparam_non_tuple, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_heterogeneous_two_tuple_typed_bindparam_non_tuple")) {
    auto stmt = sa::text("select id FROM cf_some_table WHERE (x, z) IN :q ORDER BY id")
                    .bindparams({bindparam("q", {.expanding = true, .tuple_types = {ty::Integer(), ty::String()}})});
    const std::array<std::array<sa::Value, 2>, 3> like_tuples{{{2, "z2"}, {3, "z3"}, {4, "z4"}}};
    Tuples rows;
    for (const auto& row : like_tuples) rows.emplace_back(row.begin(), row.end());
    BOOST_TEST(ids(stmt, tuples("q", rows)) == (Ints{2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_bound_in_heterogeneous_two_tuple_text_bindparam_non_tuple, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::ExpandingBoundInTest::test_bound_in_heterogeneous_two_tuple_text_bindparam_non_tuple")) {
    auto stmt = sa::text("select id FROM cf_some_table WHERE (x, z) IN :q ORDER BY id").bindparams({bindparam("q", {.expanding = true})});
    const std::array<std::array<sa::Value, 2>, 3> like_tuples{{{2, "z2"}, {3, "z3"}, {4, "z4"}}};
    Tuples rows;
    for (const auto& row : like_tuples) rows.emplace_back(row.begin(), row.end());
    BOOST_TEST(ids(stmt, tuples("q", rows)) == (Ints{2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_integer_bindparam, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_integer_bindparam")) {
    BOOST_TEST(ids(by_id(t.c("x").in_(bindparam("q"))), list("q", {})).empty());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_integer_direct, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_integer_direct")) {
    BOOST_TEST(ids(by_id(t.c("x").in_(std::vector<sa::Value>{}))).empty());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_integer_negation_bindparam, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_integer_negation_bindparam")) {
    BOOST_TEST(ids(by_id(t.c("x").not_in(bindparam("q"))), list("q", {})) == (Ints{1, 2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_integer_negation_direct, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_integer_negation_direct")) {
    BOOST_TEST(ids(by_id(t.c("x").not_in(std::vector<sa::Value>{}))) == (Ints{1, 2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_string_bindparam, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_string_bindparam")) {
    BOOST_TEST(ids(by_id(t.c("z").in_(bindparam("q"))), list("q", {})).empty());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_string_direct, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_string_direct")) {
    BOOST_TEST(ids(by_id(t.c("z").in_(std::vector<sa::Value>{}))).empty());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_string_negation_bindparam, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_string_negation_bindparam")) {
    BOOST_TEST(ids(by_id(t.c("z").not_in(bindparam("q"))), list("q", {})) == (Ints{1, 2, 3, 4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_empty_set_against_string_negation_direct, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_empty_set_against_string_negation_direct")) {
    BOOST_TEST(ids(by_id(t.c("z").not_in(std::vector<sa::Value>{}))) == (Ints{1, 2, 3, 4}), boost::test_tools::per_element());
}
// NULL IN an empty set is false, not NULL: the expanding bind's default list is empty.
BOOST_FIXTURE_TEST_CASE(test_null_in_empty_set_is_false_bindparam, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_null_in_empty_set_is_false_bindparam")) {
    auto stmt = select(case_({{null_().in_(bindparam("foo", {.list = std::vector<sa::Value>{}, .expanding = true})), true_()}},
                             false_()));
    const sa::Value v = s.conn.scalar(stmt);  // false, or 0 where booleans are integers
    BOOST_TEST_REQUIRE(!v.is_null());
    BOOST_TEST(v.as_bool() == false);
}
BOOST_FIXTURE_TEST_CASE(test_null_in_empty_set_is_false_direct, SomeTable, CF_SA("test_select.py::ExpandingBoundInTest::test_null_in_empty_set_is_false_direct")) {
    auto stmt = select(case_({{null_().in_(std::vector<sa::Value>{}), true_()}}, false_()));
    const sa::Value v = s.conn.scalar(stmt);  // false, or 0 where booleans are integers
    BOOST_TEST_REQUIRE(!v.is_null());
    BOOST_TEST(v.as_bool() == false);
}
// One cached form serves lists of every length (and the empty one) on the same connection.
BOOST_FIXTURE_TEST_CASE(test_bindparam_lists_of_any_length, SomeTable) {
    auto q = by_id(t.c("x").in_(bindparam("q")));
    BOOST_TEST(ids(q, list("q", {1})) == (Ints{1}), boost::test_tools::per_element());
    BOOST_TEST(ids(q, list("q", {4, 1, 3})) == (Ints{1, 3, 4}), boost::test_tools::per_element());
    BOOST_TEST(ids(q, list("q", {})).empty());
    BOOST_TEST(ids(q, list("q", {2, 2})) == (Ints{2}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_in_subquery, SomeTable) {
    auto q = by_id(t.c("id").in_(select(t.c("x")).where(t.c("y") > 4)));
    BOOST_TEST(ids(q) == (Ints{4}), boost::test_tools::per_element());
}
BOOST_FIXTURE_TEST_CASE(test_large_in_list, SomeTable) {
    std::vector<sa::Value> many;
    for (int i = 0; i < 500; ++i) many.push_back(i * 2 + 1);
    BOOST_TEST(ids(by_id(t.c("id").in_(many))) == (Ints{1, 3}), boost::test_tools::per_element());
    BOOST_TEST(ids(by_id(t.c("id").in_(bindparam("q"))), list("q", many)) == (Ints{1, 3}), boost::test_tools::per_element());
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(PostCompileParamsTest)
// The compiled form (the generic dialect, as SQLAlchemy's assert_compile) shows where the
// value goes at execution, and binds nothing.
BOOST_FIXTURE_TEST_CASE(test_compile, SomeTable, CF_SA("test_select.py::PostCompileParamsTest::test_compile")) {
    auto stmt = select(t.c("id")).where(t.c("x") == bindparam("q", {.literal_execute = true}));
    BOOST_TEST(to_string(stmt) == "SELECT cf_some_table.id FROM cf_some_table WHERE cf_some_table.x = __[POSTCOMPILE_q]");
    const auto compiled = stmt.compile(DefaultDialect::instance());
    const auto executed = compiler_for(DefaultDialect::instance())->expand(*compiled, {{"q", 10}}, nullptr);
    BOOST_TEST(executed->sql == "SELECT cf_some_table.id FROM cf_some_table WHERE cf_some_table.x = 10");
    BOOST_TEST(executed->binds.empty());
}
BOOST_FIXTURE_TEST_CASE(test_compile_literal_binds, SomeTable, CF_SA("test_select.py::PostCompileParamsTest::test_compile_literal_binds")) {
    auto stmt = select(t.c("id")).where(t.c("x") == bindparam("q", {.value = 10, .literal_execute = true}));
    BOOST_TEST(to_string(stmt, {.literal_binds = true}) == "SELECT cf_some_table.id FROM cf_some_table WHERE cf_some_table.x = 10");
}
BOOST_FIXTURE_TEST_CASE(test_execute, SomeTable, CF_SA("test_select.py::PostCompileParamsTest::test_execute")) {
    auto stmt = select(t.c("id")).where(t.c("x") == bindparam("q", {.literal_execute = true}));
    CursorSql sent;
    s.conn.execute(stmt, {{"q", 10}});
    BOOST_TEST_REQUIRE(sent.statements.size() == 1u);
    BOOST_TEST(sent.statements[0] == "SELECT cf_some_table.id FROM cf_some_table WHERE cf_some_table.x = 10");
    BOOST_TEST(sent.parameter_counts[0] == 0u);
}
BOOST_FIXTURE_TEST_CASE(test_execute_expanding_plus_literal_execute, SomeTable, CF_SA("test_select.py::PostCompileParamsTest::test_execute_expanding_plus_literal_execute")) {
    auto stmt = select(t.c("id")).where(t.c("x").in_(bindparam("q", {.expanding = true, .literal_execute = true})));
    CursorSql sent;
    s.conn.execute(stmt, list("q", {5, 6, 7}));
    BOOST_TEST_REQUIRE(sent.statements.size() == 1u);
    BOOST_TEST(sent.statements[0] == "SELECT cf_some_table.id FROM cf_some_table WHERE cf_some_table.x IN (5, 6, 7)");
    BOOST_TEST(sent.parameter_counts[0] == 0u);
}
// Row values as literals; no Athanor dialect renders them as IN (VALUES ...).
BOOST_FIXTURE_TEST_CASE(test_execute_tuple_expanding_plus_literal_execute, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::PostCompileParamsTest::test_execute_tuple_expanding_plus_literal_execute")) {
    auto stmt = select(t.c("id")).where(
        tuple_(t.c("x"), t.c("y")).in_(bindparam("q", {.expanding = true, .literal_execute = true})));
    CursorSql sent;
    s.conn.execute(stmt, tuples("q", {{5, 10}, {12, 18}}));
    BOOST_TEST_REQUIRE(sent.statements.size() == 1u);
    BOOST_TEST(sent.statements[0] ==
               "SELECT cf_some_table.id FROM cf_some_table WHERE (cf_some_table.x, cf_some_table.y) IN ((5, 10), (12, 18))");
    BOOST_TEST(sent.parameter_counts[0] == 0u);
}
BOOST_FIXTURE_TEST_CASE(test_execute_tuple_expanding_plus_literal_heterogeneous_execute, SomeTable, CF_REQUIRES("tuple_in") CF_SA("test_select.py::PostCompileParamsTest::test_execute_tuple_expanding_plus_literal_heterogeneous_execute")) {
    auto stmt = select(t.c("id")).where(
        tuple_(t.c("x"), t.c("z")).in_(bindparam("q", {.expanding = true, .literal_execute = true})));
    CursorSql sent;
    s.conn.execute(stmt, tuples("q", {{5, "z1"}, {12, "z3"}}));
    BOOST_TEST_REQUIRE(sent.statements.size() == 1u);
    BOOST_TEST(sent.statements[0] == "SELECT cf_some_table.id FROM cf_some_table WHERE (cf_some_table.x, cf_some_table.z) "
                                     "IN ((5, 'z1'), (12, 'z3'))");
    BOOST_TEST(sent.parameter_counts[0] == 0u);
}
// An expanding bind that is not literal_execute sends one placeholder per value.
BOOST_FIXTURE_TEST_CASE(test_execute_expanding_sends_parameters, SomeTable) {
    auto stmt = select(t.c("id")).where(t.c("x").in_(bindparam("q")));
    CursorSql sent;
    BOOST_TEST(cf::column_ints(s.conn.execute(stmt, list("q", {2, 3}))) == (Ints{2, 3}), boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(sent.statements.size() == 1u);
    BOOST_TEST(sent.parameter_counts[0] == 2u);
    BOOST_TEST(sent.statements[0].find("__[POSTCOMPILE") == std::string::npos);
}
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()  // select_
