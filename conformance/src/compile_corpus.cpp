// The corpus of constructs whose SQL every dialect must emit exactly as its data file says.
// Each entry is the statement a user would write; names are stable keys of the data files.
#include "compile_corpus.hpp"

#include <athanor/sql.hpp>

namespace cf {
namespace {

using namespace athanor::sql;
using athanor::Params;
using athanor::Value;

TypePtr ty(const char* name) { return TypeEngine::named(name); }

struct Schema {
    Table users{"users",
                {Column("id", ty("INTEGER"), primary_key()), Column("name", ty("VARCHAR(30)")),
                 Column("fullname", ty("VARCHAR(100)"))}};
    Table addresses{"addresses",
                    {Column("id", ty("INTEGER"), primary_key()),
                     Column("user_id", ty("INTEGER"), ForeignKey("users.id")), Column("email", ty("VARCHAR(100)"))}};
    Table nodes{"nodes", {Column("id", ty("INTEGER"), primary_key()), Column("parent_id", ty("INTEGER"))}};
    Table flags{"flags", {Column("id", ty("INTEGER"), primary_key()), Column("active", ty("BOOLEAN")),
                          Column("score", ty("NUMERIC(8, 2)"))}};
    Table odd{"order", {Column("select", ty("INTEGER"), primary_key()), Column("MixedCase", ty("VARCHAR(10)")),
                        Column("with space", ty("VARCHAR(10)"))}};
    Table scoped{"accounts", {Column("id", ty("INTEGER"), primary_key()), Column("owner", ty("VARCHAR(30)"))},
                 "test_schema"};
};

const Schema& s() {
    static Schema instance;
    return instance;
}

template <class Stmt>
std::string sql(const Stmt& stmt, const athanor::sdk::Dialect& d) {
    return stmt.compile(d)->sql;
}

template <class Stmt>
std::string literal_sql(const Stmt& stmt, const athanor::sdk::Dialect& d) {
    CompileOptions o;
    o.literal_binds = true;
    return stmt.compile(d, o)->sql;
}

#define ENTRY(name, desc, ...) \
    out.push_back({name, desc, [](const athanor::sdk::Dialect& d) -> std::string { __VA_ARGS__ }})

std::vector<CorpusEntry> build() {
    std::vector<CorpusEntry> out;
    // ---- SELECT basics
    ENTRY("select_all_columns", "select(table)", return sql(select(s().users), d););
    ENTRY("select_where_eq", "WHERE col = bound", return sql(select(s().users.c("name")).where(s().users.c("id") == 5), d););
    ENTRY("select_where_and_or", "and_/or_ nesting",
          auto& u = s().users;
          return sql(select(u.c("id")).where(and_(u.c("id") > 1, or_(u.c("name") == "a", u.c("name") == "b"))), d););
    ENTRY("select_where_not", "NOT (...)",
          return sql(select(s().users.c("id")).where(not_(s().users.c("name") == "x")), d););
    ENTRY("select_order_by_asc_desc", "ORDER BY a, b DESC",
          return sql(select(s().users.c("id")).order_by(s().users.c("name"), s().users.c("id").desc()), d););
    ENTRY("select_order_by_nulls_last", "ORDER BY ... NULLS LAST",
          return sql(select(s().users.c("id")).order_by(s().users.c("name").desc().nulls_last()), d););
    ENTRY("select_limit", "LIMIT n", return sql(select(s().users.c("id")).order_by(s().users.c("id")).limit(10), d););
    ENTRY("select_limit_offset", "LIMIT n OFFSET m",
          return sql(select(s().users.c("id")).order_by(s().users.c("id")).limit(10).offset(20), d););
    ENTRY("select_offset_only", "OFFSET without LIMIT",
          return sql(select(s().users.c("id")).order_by(s().users.c("id")).offset(5), d););
    ENTRY("select_fetch_offset", "fetch(n).offset(m): FETCH FIRST n ROWS ONLY",
          return sql(select(s().users.c("id")).order_by(s().users.c("id")).fetch(10).offset(20), d););
    ENTRY("select_fetch_with_ties", "fetch(n, with_ties)",
          return sql(select(s().users.c("id")).order_by(s().users.c("name")).fetch(3, true), d););
    ENTRY("select_fetch_percent", "fetch(n, false, percent)",
          return sql(select(s().users.c("id")).order_by(s().users.c("id")).fetch(10, false, true), d););
    ENTRY("select_limit_offset_expressions", "limit(bindparam) / offset(expression)",
          return sql(select(s().users.c("id")).order_by(s().users.c("id")).limit(bindparam("l"))
                         .offset(literal_column("1") + literal_column("2")), d););
    ENTRY("select_bitwise", "bitwise_xor / bitwise_and / bitwise_not",
          auto& u = s().users;
          return sql(select(u.c("id")).where(and_(u.c("id").bitwise_xor(5) > 0, u.c("id").bitwise_and(4) > 0,
                                                  (u.c("id") - 2).bitwise_not() > 0)), d););
    ENTRY("select_distinct", "SELECT DISTINCT", return sql(select(s().users.c("name")).distinct(), d););
    ENTRY("select_count_distinct", "count(DISTINCT x)",
          return sql(select(count(s().users.c("name").distinct())), d););
    ENTRY("select_group_by_having", "GROUP BY / HAVING",
          auto& a = s().addresses;
          return sql(select(a.c("user_id"), count(a.c("id")).label("n")).group_by(a.c("user_id")).having(count(a.c("id")) > 1), d););
    ENTRY("select_count_star", "count(*)", return sql(select(count()).select_from(s().users), d););
    // ---- joins and FROM objects
    ENTRY("select_join_inferred", "JOIN with ON from the foreign key",
          return sql(select(s().users.c("name"), s().addresses.c("email")).join_from(s().users, s().addresses), d););
    ENTRY("select_outer_join", "LEFT OUTER JOIN",
          return sql(select(s().users.c("name"), s().addresses.c("email")).select_from(s().users.outerjoin(s().addresses)), d););
    ENTRY("select_full_outer_join", "FULL OUTER JOIN",
          return sql(select(s().users.c("id"), s().addresses.c("id")).select_from(s().users.full_outer_join(s().addresses)), d););
    ENTRY("select_join_explicit_on", "JOIN ... ON explicit",
          auto& u = s().users; auto& a = s().addresses;
          return sql(select(u.c("id")).join_from(u, a, and_(u.c("id") == a.c("user_id"), a.c("email").like("%@x"))), d););
    ENTRY("select_alias", "table AS alias",
          auto u = s().users.alias("u");
          return sql(select(u.c("id")).where(u.c("name") == "x"), d););
    ENTRY("select_self_join_alias", "two aliases of one table",
          auto p = s().nodes.alias("p"); auto c = s().nodes.alias("c");
          return sql(select(p.c("id"), c.c("id")).join_from(p, c, c.c("parent_id") == p.c("id")), d););
    ENTRY("select_subquery_from", "(SELECT ...) AS sq",
          auto sq = select(s().users.c("id"), s().users.c("name")).where(s().users.c("id") > 5).subquery("sq");
          return sql(select(sq.c("name")), d););
    ENTRY("select_scalar_subquery", "correlated scalar subquery",
          auto& u = s().users; auto& a = s().addresses;
          return sql(select(u.c("name"), select(count(a.c("id"))).where(a.c("user_id") == u.c("id")).scalar_subquery().label("n")), d););
    ENTRY("select_exists", "EXISTS (correlated)",
          auto& u = s().users; auto& a = s().addresses;
          return sql(select(u.c("id")).where(exists(select(a.c("id")).where(a.c("user_id") == u.c("id")))), d););
    ENTRY("select_schema_qualified", "schema.table",
          return sql(select(s().scoped.c("owner")).where(s().scoped.c("id") == 1), d););
    ENTRY("select_quoted_identifiers", "reserved words, mixed case and spaces are quoted",
          auto& o = s().odd;
          return sql(select(o.c("select"), o.c("MixedCase"), o.c("with space")).where(o.c("select") == 1), d););
    // ---- operators
    ENTRY("select_in_list", "IN (bound list)",
          return sql(select(s().users.c("id")).where(s().users.c("id").in_({1, 2, 3})), d););
    ENTRY("select_in_empty", "IN () of an empty list",
          return sql(select(s().users.c("id")).where(s().users.c("id").in_(std::vector<Value>{})), d););
    ENTRY("select_not_in_empty", "NOT IN () of an empty list",
          return sql(select(s().users.c("id")).where(s().users.c("id").not_in(std::vector<Value>{})), d););
    ENTRY("select_in_subquery", "IN (SELECT ...)",
          return sql(select(s().users.c("id")).where(s().users.c("id").in_(select(s().addresses.c("user_id")))), d););
    ENTRY("select_between", "BETWEEN", return sql(select(s().users.c("id")).where(s().users.c("id").between(1, 9)), d););
    ENTRY("select_like_escape", "LIKE ... ESCAPE",
          return sql(select(s().users.c("id")).where(s().users.c("name").like("a/%%", '/')), d););
    ENTRY("select_contains_autoescape", "contains(autoescape=true)",
          return sql(select(s().users.c("id")).where(s().users.c("name").contains("50%", true)), d););
    ENTRY("select_startswith", "startswith", return sql(select(s().users.c("id")).where(s().users.c("name").startswith("ab")), d););
    ENTRY("select_ilike", "case-insensitive LIKE", return sql(select(s().users.c("id")).where(s().users.c("name").ilike("ab%")), d););
    ENTRY("select_is_null", "IS NULL / IS NOT NULL",
          return sql(select(s().users.c("id")).where(and_(s().users.c("name") == athanor::null, s().users.c("fullname") != athanor::null)), d););
    ENTRY("select_is_distinct_from", "IS DISTINCT FROM",
          return sql(select(s().users.c("id")).where(s().users.c("name").is_distinct_from(s().users.c("fullname"))), d););
    ENTRY("select_is_not_distinct_from", "IS NOT DISTINCT FROM",
          return sql(select(s().users.c("id")).where(s().users.c("name").is_not_distinct_from("x")), d););
    ENTRY("select_boolean_column", "WHERE bool col / NOT bool col",
          auto& f = s().flags;
          return sql(select(f.c("id")).where(and_(f.c("active") == true, f.c("score") > 1)), d););
    ENTRY("select_true_false", "true_() / false_()", return sql(select(s().flags.c("id")).where(or_(true_(), false_())), d););
    ENTRY("select_true_division", "integer / integer is true division",
          return sql(select((s().users.c("id") / 2).label("half")), d););
    ENTRY("select_arithmetic", "+ - * % and unary minus",
          auto id = s().users.c("id");
          return sql(select(((id + 1) * 2 - (id % 3)).label("x"), (-id).label("neg")), d););
    ENTRY("select_concat", "string concatenation",
          return sql(select(s().users.c("name").concat(s().users.c("fullname")).label("nf")), d););
    ENTRY("select_case", "searched CASE",
          auto id = s().users.c("id");
          return sql(select(case_({{id < 3, Expr("low")}, {id < 6, Expr("mid")}}, Expr("high")).label("band")), d););
    ENTRY("select_case_value", "simple CASE",
          return sql(select(case_value(s().users.c("name"), {{Expr("a"), Expr(1)}}, Expr(0)).label("c")), d););
    ENTRY("select_cast", "CAST(x AS type)", return sql(select(cast(s().users.c("id"), "VARCHAR(10)").label("s")), d););
    ENTRY("select_functions", "coalesce, lower, upper, max",
          auto& u = s().users;
          return sql(select(coalesce(u.c("name"), Expr("?")).label("n"), lower(u.c("name")).label("l"), upper(u.c("name")).label("u2"), max(u.c("id")).label("m")).group_by(u.c("name")), d););
    ENTRY("select_window", "func() OVER (PARTITION BY ... ORDER BY ...)",
          auto& a = s().addresses;
          return sql(select(a.c("id"), func("row_number").over(Window{{a.c("user_id")}, {a.c("id")}}).label("rn")), d););
    ENTRY("select_window_rows_frame", "OVER (ORDER BY ... ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
          auto& a = s().addresses;
          return sql(select(a.c("id"), sum(a.c("user_id")).over({.order_by = {a.c("id")}, .rows = Frame{std::nullopt, 0}}).label("running")), d););
    ENTRY("select_window_range_frame", "OVER (PARTITION BY ... ORDER BY ... RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)",
          auto& a = s().addresses;
          return sql(select(a.c("id"), count(a.c("id")).over({.partition_by = {a.c("user_id")}, .order_by = {a.c("id")}, .range = Frame{-1, 1}}).label("near")), d););
    ENTRY("select_tuple_in", "tuple_(a, b).in_(tuples): a row-value IN list",
          auto& a = s().addresses;
          return sql(select(a.c("id")).where(tuple_(a.c("user_id"), a.c("email")).in_({tuple_(1, "a@x"), tuple_(2, "b@x")})), d););
    ENTRY("select_tuple_eq", "tuple_(a, b) == tuple_(x, y)",
          auto& a = s().addresses;
          return sql(select(a.c("id")).where(tuple_(a.c("user_id"), a.c("email")) == tuple_(1, "a@x")), d););
    ENTRY("select_distinct_on", "SELECT DISTINCT ON (...) with the matching ORDER BY",
          auto& a = s().addresses;
          return sql(select(a.c("user_id"), a.c("email")).distinct_on({a.c("user_id")}).order_by(a.c("user_id"), a.c("id").desc()), d););
    ENTRY("select_lateral", "JOIN LATERAL (correlated subquery) ON true",
          auto& u = s().users; auto& a = s().addresses;
          auto latest = select(a.c("email")).where(a.c("user_id") == u.c("id")).order_by(a.c("id").desc()).limit(1).lateral("latest");
          return sql(select(u.c("name"), latest.c("email")).select_from(u.join(latest, true_())), d););
    ENTRY("select_for_update", "SELECT ... FOR UPDATE",
          auto& u = s().users;
          return sql(select(u.c("id")).where(u.c("id") == 5).with_for_update(), d););
    ENTRY("select_for_update_of_nowait", "with_for_update(of = table, nowait)",
          auto& u = s().users;
          return sql(select(u.c("id")).where(u.c("id") == 5).with_for_update({.nowait = true, .of = {u}}), d););
    ENTRY("select_for_share_skip_locked", "with_for_update(read, skip_locked) after LIMIT",
          auto& u = s().users;
          return sql(select(u.c("id")).order_by(u.c("id")).limit(1).with_for_update({.read = true, .skip_locked = true}), d););
    ENTRY("select_literal_binds", "literal rendering of strings, numbers, NULL",
          auto& u = s().users;
          return literal_sql(select(u.c("id")).where(or_(u.c("name") == "O'Reilly", u.c("id") == 7, u.c("fullname") == athanor::null)), d););
    ENTRY("select_no_from", "SELECT of a literal without FROM", return sql(select(literal(1).label("one")), d););
    ENTRY("select_regexp_match", "regexp_match and its negation",
          auto& u = s().users;
          return sql(select(u.c("id")).where(or_(u.c("name").regexp_match("^a"), !u.c("fullname").regexp_match("x$"))), d););
    ENTRY("select_regexp_match_flags", "regexp_match with the case-insensitive flag",
          return sql(select(s().users.c("id")).where(s().users.c("name").regexp_match("^a", "i")), d););
    ENTRY("select_regexp_replace", "regexp_replace(pattern, replacement)",
          return sql(select(s().users.c("name").regexp_replace("a+", "b").label("r")), d););
    ENTRY("select_values", "values() in a FROM clause",
          auto v = values({{"id", ty("INTEGER")}, {"name", ty("VARCHAR(20)")}}, "v").data({{1, "a"}, {2, "b"}});
          return sql(select(v.c("id"), v.c("name")).where(v.c("id") > 1), d););
    // ---- compound selects
    ENTRY("union", "UNION",
          return sql(union_(select(s().users.c("id")).where(s().users.c("id") < 3), select(s().addresses.c("user_id"))), d););
    ENTRY("union_all_order_limit", "UNION ALL ... ORDER BY ... LIMIT",
          return sql(union_all(select(s().users.c("id")), select(s().addresses.c("user_id"))).order_by(literal_column("id")).limit(5), d););
    ENTRY("intersect", "INTERSECT", return sql(intersect(select(s().users.c("id")), select(s().addresses.c("user_id"))), d););
    ENTRY("except", "EXCEPT", return sql(except_(select(s().users.c("id")), select(s().addresses.c("user_id"))), d););
    ENTRY("union_member_limit", "member SELECT with LIMIT inside a UNION",
          return sql(union_(select(s().users.c("id")).order_by(s().users.c("id")).limit(1), select(s().addresses.c("user_id")).order_by(s().addresses.c("user_id")).limit(1)), d););
    // ---- CTEs
    ENTRY("cte_simple", "WITH name AS (...)",
          auto c = select(s().users.c("id"), s().users.c("name")).where(s().users.c("id") > 1).cte("big");
          return sql(select(c.c("name")).order_by(c.c("id")), d););
    ENTRY("cte_recursive", "WITH RECURSIVE ... UNION ALL",
          auto& n = s().nodes;
          auto base = select(n.c("id"), n.c("parent_id")).where(n.c("id") == 1).cte("tree", true);
          auto tree = base.union_all(select(n.c("id"), n.c("parent_id")).join_from(n, base, n.c("parent_id") == base.c("id")));
          return sql(select(tree.c("id")), d););
    ENTRY("cte_values", "WITH name (cols) AS (VALUES ...)",
          auto c = values({{"id", ty("INTEGER")}, {"name", ty("VARCHAR(20)")}}, "v").data({{1, "a"}, {2, "b"}}).cte("pairs");
          return sql(select(c.c("name")).order_by(c.c("id")), d););
    // ---- DML
    ENTRY("insert_values", "INSERT ... VALUES", return sql(s().users.insert().values({{"name", "a"}, {"fullname", "A"}}), d););
    ENTRY("insert_multi_values", "INSERT ... VALUES (...), (...)",
          return sql(s().users.insert().multi_values({Params{{"name", "a"}}, Params{{"name", "b"}}}), d););
    ENTRY("insert_from_select", "INSERT ... SELECT",
          return sql(s().addresses.insert().from_select({"user_id", "email"}, select(s().users.c("id"), s().users.c("name")).where(s().users.c("id") > 2)), d););
    ENTRY("insert_returning", "INSERT ... RETURNING",
          return sql(s().users.insert().values({{"name", "a"}}).returning(s().users.c("id"), s().users.c("name")), d););
    ENTRY("insert_sql_expression_value", "a SQL expression as a value",
          return sql(s().users.insert().values({{"name", lower(Expr("ABC"))}}), d););
    ENTRY("update_where", "UPDATE ... SET ... WHERE",
          return sql(s().users.update().where(s().users.c("id") == 5).values({{"name", "z"}}), d););
    ENTRY("update_expression", "SET col = col || value",
          auto& u = s().users;
          return sql(u.update().values({{"fullname", u.c("fullname").concat(" jr")}}).where(u.c("name").like("j%")), d););
    ENTRY("update_returning", "UPDATE ... RETURNING",
          return sql(s().users.update().where(s().users.c("id") == 5).values({{"name", "z"}}).returning(s().users.c("id")), d););
    ENTRY("delete_where", "DELETE ... WHERE", return sql(s().users.delete_().where(s().users.c("id") == 5), d););
    ENTRY("delete_all", "DELETE without WHERE", return sql(s().users.delete_(), d););
    ENTRY("update_from", "UPDATE ... FROM: WHERE and SET refer to another table",
          auto& u = s().users; auto& a = s().addresses;
          return sql(u.update().values({{"fullname", a.c("email")}}).where(u.c("id") == a.c("user_id")), d););
    ENTRY("delete_using", "DELETE whose WHERE refers to another table",
          auto& u = s().users; auto& a = s().addresses;
          return sql(a.delete_().where(and_(a.c("user_id") == u.c("id"), u.c("name") == "x")), d););
    ENTRY("delete_returning", "DELETE ... RETURNING",
          return sql(s().users.delete_().where(s().users.c("id") > 5).returning(s().users.c("id"), s().users.c("name")), d););
    ENTRY("upsert_do_nothing", "ON CONFLICT DO NOTHING",
          return sql(s().users.insert().values({{"id", 1}, {"name", "a"}}).on_conflict_do_nothing({"id"}), d););
    ENTRY("upsert_do_update", "ON CONFLICT (...) DO UPDATE SET ... = excluded....",
          return sql(s().users.insert().values({{"id", 1}, {"name", "a"}}).on_conflict_do_update({"id"}, {{"name", excluded("name")}}), d););
    ENTRY("sequence_next_value", "next value of a sequence", return sql(select(next_value("cf_seq").label("v")), d););
    return out;
}

}  // namespace

const std::vector<CorpusEntry>& compile_corpus() {
    static const std::vector<CorpusEntry> corpus = build();
    return corpus;
}

}  // namespace cf
