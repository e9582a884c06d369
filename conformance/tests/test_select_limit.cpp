// select group, continued — SQLAlchemy test_select.py: FETCH FIRST and LIMIT/OFFSET given as
// bound values and SQL expressions (FetchLimitOffsetTest), same-named tables in two schemas
// (SameNamedSchemaTableTest), a ROWS BETWEEN window frame (WindowFunctionTest), COLLATE in
// ORDER BY (CollateTest) and the bitwise operators (BitwiseTest), all through the Core's
// constructs compiled by the dialect under test.
#include "context.hpp"
#include "select_support.hpp"

#include <athanor/errors.hpp>

#include <algorithm>

using namespace athanor::sql;
namespace sa = athanor;

namespace {

using Row = std::vector<std::int64_t>;
using Rows = std::vector<Row>;

/// Every row of `result` as integers (NULL is not expected in these tables).
Rows int_rows(sa::Result result) {
    Rows out;
    for (const auto& r : result.all()) {
        Row row;
        for (std::size_t i = 0; i < r.size(); ++i) row.push_back(r[i].as_int());
        out.push_back(std::move(row));
    }
    return out;
}
std::string show(const Rows& rows) {
    std::string out = "[";
    for (const auto& r : rows) {
        out += "(";
        for (std::size_t i = 0; i < r.size(); ++i) out += (i ? ", " : "") + std::to_string(r[i]);
        out += ")";
    }
    return out + "]";
}
/// Checks two row lists, printing both on a mismatch.
#define CF_ROWS_EQ(got, expected)                                                                  \
    do {                                                                                           \
        const Rows cf_got_ = (got), cf_expected_ = (expected);                                    \
        BOOST_CHECK_MESSAGE(cf_got_ == cf_expected_, show(cf_got_) << " != " << show(cf_expected_)); \
    } while (0)
Rows sorted(Rows rows) {
    std::sort(rows.begin(), rows.end());
    return rows;
}

// FetchLimitOffsetTest's some_table(id, x, y) and its five rows, read back as whole rows.
struct SomeTable : cf::SomeTableFixture {
    /// select(some_table).order_by(some_table.c.id)
    Select by_id() const { return select(t).order_by(t.c("id")); }
    Rows rows(const Select& q, const sa::Params& params = {}) { return int_rows(s.conn.execute(q, params)); }
    /// `sql` as the driver gets it (SQLAlchemy's exec_driver_sql of a literal_binds compile).
    Rows literal_rows(const Select& q) {
        CompileOptions o;
        o.literal_binds = true;
        return int_rows(s.exec(q.compile(cf::engine().dialect(), o)->sql));
    }
};

const Row r1{1, 1, 2}, r2{2, 2, 3}, r3{3, 3, 4}, r4{4, 4, 5}, r5{5, 4, 6};

Expr one_plus(const char* n) { return literal_column("1") + literal_column(n); }

}  // namespace

BOOST_AUTO_TEST_SUITE(select_)

BOOST_AUTO_TEST_SUITE(FetchLimitOffsetTest)

BOOST_FIXTURE_TEST_CASE(test_simple_limit, SomeTable, CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_limit")) {
    CF_ROWS_EQ(rows(by_id().limit(2)), (Rows{r1, r2}));
    CF_ROWS_EQ(rows(by_id().limit(3)), (Rows{r1, r2, r3}));
}
BOOST_FIXTURE_TEST_CASE(test_limit_render_multiple_times, SomeTable, CF_SA("test_select.py::FetchLimitOffsetTest::test_limit_render_multiple_times")) {
    // The LIMIT of one scalar subquery rendered twice in the statement.
    const auto stmt = select(t.c("id")).order_by(t.c("id")).limit(1).scalar_subquery();
    const auto u = union_(select(stmt), select(stmt)).subquery();
    CF_ROWS_EQ(int_rows(s.conn.execute(select(u))), (Rows{{1}}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_offset, SomeTable, CF_REQUIRES("offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_offset")) {
    CF_ROWS_EQ(rows(by_id().offset(2)), (Rows{r3, r4, r5}));
    CF_ROWS_EQ(rows(by_id().offset(3)), (Rows{r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_limit_offset, SomeTable, CF_REQUIRES("offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_limit_offset")) {
    // SQLAlchemy's three combinations of (limit, offset) pairs, run in turn on one connection
    // (each pair a statement of its own, the compiled cache shared).
    const Rows data{r1, r2, r3, r4, r5};
    const std::vector<std::vector<std::pair<int, int>>> combinations{
        {{2, 0}, {2, 1}, {3, 2}}, {{2, 1}, {2, 0}, {3, 2}}, {{3, 1}, {2, 1}, {3, 1}}};
    for (const auto& cases : combinations)
        for (const auto& [limit, offset] : cases) {
            const Rows expected(data.begin() + offset, data.begin() + std::min<std::size_t>(data.size(), offset + limit));
            CF_ROWS_EQ(rows(by_id().limit(limit).offset(offset)), expected);
        }
}
BOOST_FIXTURE_TEST_CASE(test_simple_offset_zero, SomeTable, CF_REQUIRES("offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_offset_zero")) {
    CF_ROWS_EQ(rows(by_id().offset(0)), (Rows{r1, r2, r3, r4, r5}));
    CF_ROWS_EQ(rows(by_id().offset(1)), (Rows{r2, r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_limit_offset_nobinds, SomeTable, CF_REQUIRES("offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_limit_offset_nobinds")) {
    CF_ROWS_EQ(literal_rows(by_id().limit(2).offset(1)), (Rows{r2, r3}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_fetch, SomeTable, CF_REQUIRES("fetch_first") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_fetch")) {
    CF_ROWS_EQ(rows(by_id().fetch(2)), (Rows{r1, r2}));
    CF_ROWS_EQ(rows(by_id().fetch(3)), (Rows{r1, r2, r3}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_fetch_offset, SomeTable, CF_REQUIRES("fetch_first") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_fetch_offset")) {
    CF_ROWS_EQ(rows(by_id().fetch(2).offset(1)), (Rows{r2, r3}));
    CF_ROWS_EQ(rows(by_id().fetch(3).offset(2)), (Rows{r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_fetch_offset_no_order, SomeTable, CF_REQUIRES("fetch_no_order_by") CF_SA("test_select.py::FetchLimitOffsetTest::test_fetch_offset_no_order")) {
    CF_ROWS_EQ(sorted(rows(select(t).fetch(10))), (Rows{r1, r2, r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_fetch_offset_nobinds, SomeTable, CF_REQUIRES("fetch_first") CF_SA("test_select.py::FetchLimitOffsetTest::test_fetch_offset_nobinds")) {
    CF_ROWS_EQ(literal_rows(by_id().fetch(2).offset(1)), (Rows{r2, r3}));
}
// SQLAlchemy's bound-limit cases: the LIMIT / OFFSET / FETCH values are bindparam()s whose
// values come with each execution, so one compiled statement serves both.
BOOST_FIXTURE_TEST_CASE(test_bound_limit, SomeTable, CF_REQUIRES("bound_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_bound_limit")) {
    const auto q = by_id().limit(bindparam("l"));
    CF_ROWS_EQ(rows(q, {{"l", 2}}), (Rows{r1, r2}));
    CF_ROWS_EQ(rows(q, {{"l", 3}}), (Rows{r1, r2, r3}));
}
BOOST_FIXTURE_TEST_CASE(test_bound_offset, SomeTable, CF_REQUIRES("bound_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_bound_offset")) {
    const auto q = by_id().offset(bindparam("o"));
    CF_ROWS_EQ(rows(q, {{"o", 2}}), (Rows{r3, r4, r5}));
    CF_ROWS_EQ(rows(q, {{"o", 1}}), (Rows{r2, r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_bound_limit_offset, SomeTable, CF_REQUIRES("bound_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_bound_limit_offset")) {
    const auto q = by_id().limit(bindparam("l")).offset(bindparam("o"));
    CF_ROWS_EQ(rows(q, {{"l", 2}, {"o", 1}}), (Rows{r2, r3}));
    CF_ROWS_EQ(rows(q, {{"l", 3}, {"o", 2}}), (Rows{r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_bound_fetch_offset, SomeTable, CF_REQUIRES("fetch_first") CF_SA("test_select.py::FetchLimitOffsetTest::test_bound_fetch_offset")) {
    const auto q = by_id().fetch(bindparam("f")).offset(bindparam("o"));
    CF_ROWS_EQ(rows(q, {{"f", 2}, {"o", 1}}), (Rows{r2, r3}));
    CF_ROWS_EQ(rows(q, {{"f", 3}, {"o", 2}}), (Rows{r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_expr_offset, SomeTable, CF_REQUIRES("sql_expression_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_expr_offset")) {
    CF_ROWS_EQ(rows(by_id().offset(one_plus("2"))), (Rows{r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_expr_limit, SomeTable, CF_REQUIRES("sql_expression_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_expr_limit")) {
    CF_ROWS_EQ(rows(by_id().limit(one_plus("2"))), (Rows{r1, r2, r3}));
}
BOOST_FIXTURE_TEST_CASE(test_expr_limit_offset, SomeTable, CF_REQUIRES("sql_expression_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_expr_limit_offset")) {
    CF_ROWS_EQ(rows(by_id().limit(one_plus("1")).offset(one_plus("1"))), (Rows{r3, r4}));
}
BOOST_FIXTURE_TEST_CASE(test_expr_fetch_offset, SomeTable, CF_REQUIRES("fetch_first", "fetch_expression") CF_SA("test_select.py::FetchLimitOffsetTest::test_expr_fetch_offset")) {
    CF_ROWS_EQ(rows(by_id().fetch(one_plus("1")).offset(one_plus("1"))), (Rows{r3, r4}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_limit_expr_offset, SomeTable, CF_REQUIRES("sql_expression_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_limit_expr_offset")) {
    CF_ROWS_EQ(rows(by_id().limit(2).offset(one_plus("1"))), (Rows{r3, r4}));
    CF_ROWS_EQ(rows(by_id().limit(3).offset(one_plus("1"))), (Rows{r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_expr_limit_simple_offset, SomeTable, CF_REQUIRES("sql_expression_limit_offset") CF_SA("test_select.py::FetchLimitOffsetTest::test_expr_limit_simple_offset")) {
    CF_ROWS_EQ(rows(by_id().limit(one_plus("1")).offset(2)), (Rows{r3, r4}));
    CF_ROWS_EQ(rows(by_id().limit(one_plus("1")).offset(1)), (Rows{r2, r3}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_fetch_ties, SomeTable, CF_REQUIRES("fetch_ties") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_fetch_ties")) {
    const auto q = select(t).order_by(t.c("x").desc());
    CF_ROWS_EQ(sorted(rows(q.fetch(1, true))), (Rows{r4, r5}));
    CF_ROWS_EQ(sorted(rows(q.fetch(3, true))), (Rows{r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_fetch_offset_ties, SomeTable, CF_REQUIRES("fetch_ties", "fetch_offset_with_options") CF_SA("test_select.py::FetchLimitOffsetTest::test_fetch_offset_ties")) {
    const auto fa = rows(select(t).order_by(t.c("x")).fetch(2, true).offset(2));
    BOOST_TEST_REQUIRE(!fa.empty());
    CF_ROWS_EQ(Rows{fa[0]}, Rows{r3});
    CF_ROWS_EQ(sorted(fa), (Rows{r3, r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_fetch_offset_ties_exact_number, SomeTable, CF_REQUIRES("fetch_ties", "fetch_offset_with_options") CF_SA("test_select.py::FetchLimitOffsetTest::test_fetch_offset_ties_exact_number")) {
    CF_ROWS_EQ(rows(select(t).order_by(t.c("x")).fetch(2, true).offset(1)), (Rows{r2, r3}));
    CF_ROWS_EQ(sorted(rows(select(t).order_by(t.c("x")).fetch(3, true).offset(3))), (Rows{r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_fetch_percent, SomeTable, CF_REQUIRES("fetch_percent") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_fetch_percent")) {
    CF_ROWS_EQ(rows(by_id().fetch(20, false, true)), (Rows{r1}));
}
BOOST_FIXTURE_TEST_CASE(test_fetch_offset_percent, SomeTable, CF_REQUIRES("fetch_percent", "fetch_offset_with_options") CF_SA("test_select.py::FetchLimitOffsetTest::test_fetch_offset_percent")) {
    CF_ROWS_EQ(rows(by_id().fetch(40, false, true).offset(1)), (Rows{r2, r3}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_fetch_percent_ties, SomeTable, CF_REQUIRES("fetch_ties", "fetch_percent") CF_SA("test_select.py::FetchLimitOffsetTest::test_simple_fetch_percent_ties")) {
    CF_ROWS_EQ(sorted(rows(select(t).order_by(t.c("x").desc()).fetch(20, true, true))), (Rows{r4, r5}));
}
BOOST_FIXTURE_TEST_CASE(test_fetch_offset_percent_ties, SomeTable, CF_REQUIRES("fetch_ties", "fetch_percent", "fetch_offset_with_options") CF_SA("test_select.py::FetchLimitOffsetTest::test_fetch_offset_percent_ties")) {
    const auto fa = rows(select(t).order_by(t.c("x")).fetch(40, true, true).offset(2));
    BOOST_TEST_REQUIRE(!fa.empty());
    CF_ROWS_EQ(Rows{fa[0]}, Rows{r3});
    CF_ROWS_EQ(sorted(fa), (Rows{r3, r4, r5}));
}
// Not SQLAlchemy's: a dialect that cannot honour FETCH's options refuses them at compile time
// rather than returning other rows.
BOOST_FIXTURE_TEST_CASE(test_fetch_options_refused_unless_claimed, SomeTable) {
    if (!cf::has("fetch_ties")) BOOST_CHECK_THROW(rows(by_id().fetch(1, true)), sa::CompileError);
    if (!cf::has("fetch_percent")) BOOST_CHECK_THROW(rows(by_id().fetch(20, false, true)), sa::CompileError);
}
BOOST_FIXTURE_TEST_CASE(test_fetch_in_union_member, SomeTable, CF_REQUIRES("fetch_first", "parens_in_union_contained_select_w_limit_offset")) {
    auto u = union_all(select(t.c("id")).where(t.c("id") < 3).order_by(t.c("id")).fetch(1),
                       select(t.c("id")).where(t.c("id") > 3).order_by(t.c("id")).fetch(1));
    CF_ROWS_EQ(sorted(int_rows(s.conn.execute(u))), (Rows{{1}, {4}}));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SameNamedSchemaTableTest, CF_REQUIRES("schemas"))
// cf_some_table twice: in the test schema (id) and in the default one (id, some_table_id).
struct SameNamed {
    cf::Session s;
    Table& schema_table = s.metadata.table("cf_some_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                           TableOptions{.schema = cf::test_schema()});
    Table& table = s.metadata.table("cf_some_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                                    Column("some_table_id", ty::Integer(), nullable(false)));
    SameNamed() {
        s.create_all();
        s.conn.execute(schema_table.insert(), sa::Params{{"id", 1}});
        s.conn.execute(table.insert(), sa::Params{{"id", 1}, {"some_table_id", 1}});
        s.conn.commit();
    }
    Rows first(const Select& q) {
        auto all = int_rows(s.conn.execute(q));
        return all.empty() ? Rows{} : Rows{all.front()};
    }
};
BOOST_FIXTURE_TEST_CASE(test_simple_join_both_tables, SameNamed, CF_SA("test_select.py::SameNamedSchemaTableTest::test_simple_join_both_tables")) {
    auto q = select(table, schema_table).join_from(table, schema_table, table.c("some_table_id") == schema_table.c("id"));
    CF_ROWS_EQ(first(q), (Rows{{1, 1, 1}}));
}
BOOST_FIXTURE_TEST_CASE(test_simple_join_whereclause_only, SameNamed, CF_SA("test_select.py::SameNamedSchemaTableTest::test_simple_join_whereclause_only")) {
    auto q = select(table)
                 .join_from(table, schema_table, table.c("some_table_id") == schema_table.c("id"))
                 .where(table.c("id") == 1);
    CF_ROWS_EQ(first(q), (Rows{{1, 1}}));
}
BOOST_FIXTURE_TEST_CASE(test_subquery, SameNamed, CF_SA("test_select.py::SameNamedSchemaTableTest::test_subquery")) {
    auto subq = select(table)
                    .join_from(table, schema_table, table.c("some_table_id") == schema_table.c("id"))
                    .where(table.c("id") == 1)
                    .subquery();
    auto q = select(table, subq.c("id")).join_from(table, subq, table.c("some_table_id") == subq.c("id")).where(table.c("id") == 1);
    CF_ROWS_EQ(first(q), (Rows{{1, 1, 1}}));
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(WindowFunctionTest, CF_REQUIRES("window_functions"))
BOOST_AUTO_TEST_CASE(test_window_rows_between, CF_SA("test_select.py::WindowFunctionTest::test_window_rows_between")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_window_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("col1", ty::Integer()), Column("col2", ty::Integer()));
    s.create_all();
    std::vector<sa::Params> data;
    for (int i = 1; i < 50; ++i) data.push_back({{"id", i}, {"col1", i}, {"col2", i * 5}});
    s.conn.execute(t.insert(), data);
    // ROWS BETWEEN 5 PRECEDING AND CURRENT ROW: the maximum is the current row's col2. Run
    // twice, so a cached compile serves the second execution.
    for (int run = 0; run < 2; ++run) {
        auto rows = int_rows(s.conn.execute(select(max(t.c("col2")).over({.order_by = {t.c("col1")}, .rows = Frame{-5, 0}}))));
        Rows expected;
        for (int i = 5; i < 250; i += 5) expected.push_back({i});
        CF_ROWS_EQ(rows, expected);
    }
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CollateTest)
BOOST_AUTO_TEST_CASE(test_collate_order_by, CF_REQUIRES("order_by_collation") CF_SA("test_select.py::CollateTest::test_collate_order_by")) {
    cf::Session s;
    auto& t = s.metadata.table("cf_collate_table", Column("id", ty::Integer(), primary_key(), autoincrement(false)),
                               Column("data", ty::String(100)));
    s.create_all();
    s.conn.execute(t.insert(), std::vector<sa::Params>{{{"id", 1}, {"data", "collate data1"}}, {{"id", 2}, {"data", "collate data2"}}});
    s.conn.commit();
    const std::string collation = cf::order_by_collation();
    BOOST_TEST_REQUIRE(!collation.empty(), "no known collation for dialect " << cf::dialect_name());
    auto all = s.conn.execute(select(t).order_by(t.c("data").collate(collation).asc())).all();
    BOOST_TEST_REQUIRE(all.size() == 2u);
    BOOST_TEST(all[0][0].as_int() == 1);
    BOOST_TEST(all[0][1].as_string() == "collate data1");
    BOOST_TEST(all[1][0].as_int() == 2);
    BOOST_TEST(all[1][1].as_string() == "collate data2");
}
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(BitwiseTest)
struct BitCase {
    const char* name;
    const char* flag;
    Expr (*op)(const Expr& a);
    std::vector<int> expected;  // the `a` values of the rows where op(a) > 0
};
// SQLAlchemy's parametrised cases, over rows a = 0..9, b = a + 1.
const BitCase bit_cases[] = {
    {"xor", "supports_bitwise_xor", [](const Expr& a) { return a.bitwise_xor(5); }, {0, 1, 2, 3, 4, 6, 7, 8, 9}},
    {"or", "supports_bitwise_or", [](const Expr& a) { return a.bitwise_or(1); }, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
    {"and", "supports_bitwise_and", [](const Expr& a) { return a.bitwise_and(4); }, {4, 5, 6, 7}},
    {"not", "supports_bitwise_not", [](const Expr& a) { return (a - 2).bitwise_not(); }, {0}},
    {"lshift", "supports_bitwise_shift", [](const Expr& a) { return a.bitwise_lshift(1); }, {1, 2, 3, 4, 5, 6, 7, 8, 9}},
    {"rshift", "supports_bitwise_shift", [](const Expr& a) { return a.bitwise_rshift(2); }, {4, 5, 6, 7, 8, 9}},
};
void bitwise(const BitCase& c) {
    cf::Session s;
    auto& t = s.metadata.table("cf_bitwise", Column("a", ty::Integer()), Column("b", ty::Integer()));
    s.create_all();
    std::vector<sa::Params> data;
    for (int i = 0; i < 10; ++i) data.push_back({{"a", i}, {"b", i + 1}});
    s.conn.execute(t.insert(), data);
    auto got = int_rows(s.conn.execute(select(t).where(c.op(t.c("a")) > 0).order_by(t.c("a"))));
    Rows expected;
    for (int a : c.expected) expected.push_back({a, a + 1});
    BOOST_TEST_CONTEXT(c.name) { CF_ROWS_EQ(got, expected); }
}
// SQLAlchemy parametrises test_bitwise with one requirement per operator: one case each.
BOOST_AUTO_TEST_SUITE(test_bitwise, CF_SA("test_select.py::BitwiseTest::test_bitwise"))
BOOST_AUTO_TEST_CASE(xor_, CF_REQUIRES("supports_bitwise_xor")) { bitwise(bit_cases[0]); }
BOOST_AUTO_TEST_CASE(or_, CF_REQUIRES("supports_bitwise_or")) { bitwise(bit_cases[1]); }
BOOST_AUTO_TEST_CASE(and_, CF_REQUIRES("supports_bitwise_and")) { bitwise(bit_cases[2]); }
BOOST_AUTO_TEST_CASE(not_, CF_REQUIRES("supports_bitwise_not")) { bitwise(bit_cases[3]); }
BOOST_AUTO_TEST_CASE(lshift, CF_REQUIRES("supports_bitwise_shift")) { bitwise(bit_cases[4]); }
BOOST_AUTO_TEST_CASE(rshift, CF_REQUIRES("supports_bitwise_shift")) { bitwise(bit_cases[5]); }
BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
