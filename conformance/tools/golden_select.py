"""Golden SQL of framework/tests/test_sql_select.cpp next to SQLAlchemy constructs."""
# Imported by sqlalchemy_golden.py, which checks SQLAlchemy is installed first.
from golden_common import *  # noqa: F401,F403 - the tables, claim texts and SQLAlchemy names
from golden_common import CHAR32, a, archive, n, u  # noqa: F401


def select_items():
    inner = select(a.c.email).where(a.c.user_id == u.c.id).order_by(a.c.id.desc()).limit(1)
    latest = inner.lateral("latest")
    counts = (select(a.c.user_id, func.count(a.c.id).label("n")).where(a.c.email.like("%@x.org"))
              .group_by(a.c.user_id).subquery("counts"))
    sq = select(u.c.id).where(u.c.age > 3).subquery("sq")
    older = select(u.c.id, u.c.name).where(u.c.age > 30).cte("older")
    tree = select(n.c.id).where(n.c.id == 1).cte("tree", recursive=True)
    full = tree.union_all(select(n.c.id).where(n.c.parent_id == tree.c.id))
    s1 = select(u.c.id).where(u.c.id < 5)
    s2 = select(a.c.user_id)
    child, parent, aa = n.alias("child"), n.alias("parent"), a.alias("a")
    ua = u.alias("u")
    j = select(u.join(a))
    base = select(u.c.id).where(u.c.id == 5)
    frame = lambda **kw: select(func.sum(u.c.age).over(**kw).label("s"))  # noqa: E731
    return {
        "select_table_and_where": [
            ("SELECT users.id, users.name, users.age FROM users WHERE users.name = :name_1",
             select(u).where(u.c.name == "Bob"), SAME)],
        "comparison_operators": [
            ("SELECT users.id FROM users WHERE users.id > :id_1 AND users.id >= :id_2 AND users.id < :id_3 AND "
             "users.id <= :id_4 AND users.id != :id_5 AND :age_1 = users.age",
             select(u.c.id).where(and_(u.c.id > 1, u.c.id >= 2, u.c.id < 3, u.c.id <= 4, u.c.id != 5, 6 == u.c.age)),
             "Python reflects 6 == col into col = :age_1; C++ keeps the operand order")],
        "boolean_grouping": [
            ("SELECT users.id FROM users WHERE users.id > :id_1 AND (users.name = :name_1 OR users.name = :name_2)",
             select(u.c.id).where(and_(u.c.id > 5, or_(u.c.name == "a", u.c.name == "b"))), SAME),
            ("SELECT users.id FROM users WHERE users.id = :id_1 OR users.id = :id_2 AND users.age = :age_1",
             select(u.c.id).where(or_(u.c.id == 1, and_(u.c.id == 2, u.c.age == 3))), SAME),
            ("SELECT users.id FROM users WHERE users.id = :id_1 AND (users.age = :age_1 OR users.age = :age_2)",
             select(u.c.id).where(u.c.id == 1).where((u.c.age == 2) | (u.c.age == 3)), SAME)],
        "negation": [
            ("SELECT users.id FROM users WHERE users.id != :id_1", select(u.c.id).where(not_(u.c.id == 5)), SAME),
            ("SELECT users.id FROM users WHERE users.id >= :id_1", select(u.c.id).where(~(u.c.id < 5)), SAME),
            ("SELECT users.id FROM users WHERE NOT (users.id = :id_1 AND users.age = :age_1)",
             select(u.c.id).where(not_(and_(u.c.id == 1, u.c.age == 2))), SAME),
            ("SELECT users.id FROM users WHERE users.name NOT LIKE :name_1",
             select(u.c.id).where(~u.c.name.like("a%")), SAME)],
        "arithmetic_and_true_division": [
            ("SELECT users.age + :age_1 AS next, users.age * (users.id - :id_1) AS p, "
             "users.age / CAST(:age_2 AS NUMERIC) AS half, users.age / :age_3 AS f, -users.age AS neg, "
             "users.age % :age_4 AS m FROM users",
             select((u.c.age + 1).label("next"), (u.c.age * (u.c.id - 2)).label("p"), (u.c.age / 2).label("half"),
                    (u.c.age / 2.5).label("f"), (-u.c.age).label("neg"), (u.c.age % 3).label("m")),
             "SQLAlchemy 1.4 divides Integer by Integer plainly; Athanor has SQLAlchemy 2.0's true division "
             "(the divisor cast to NUMERIC, as 2.0's visit_truediv_binary)"),
            ("SELECT (users.id - :id_1) - :param_1 AS x FROM users", select((u.c.id - 1 - 2).label("x")),
             SAME),
            ("SELECT users.id + :id_1 + :param_1 AS x FROM users", select((u.c.id + 1 + 2).label("x")), SAME),
            ("SELECT users.name || :name_1 AS x FROM users", select((u.c.name + "!").label("x")), SAME)],
        "anonymous_labels": [
            ("SELECT users.id + :id_1 AS anon_1 FROM users", select(u.c.id + 1), SAME),
            ("SELECT count(users.id) AS count_1, count(users.age) AS count_2 FROM users",
             select(func.count(u.c.id), func.count(u.c.age)), SAME),
            ("SELECT :param_1 AS anon_1", select(literal(1)), SAME),
            ("SELECT 1", select(literal_column("1")), SAME),
            ("SELECT CAST(users.id AS VARCHAR) AS id FROM users", select(cast(u.c.id, VARCHAR)), SAME)],
        "in_expanding_and_empty": [
            ("SELECT users.id FROM users WHERE users.id IN (:id_1_1, :id_1_2, :id_1_3)",
             select(u.c.id).where(u.c.id.in_([1, 2, 3])), SAME),
            ("SELECT users.id FROM users WHERE users.id NOT IN (:id_1_1, :id_1_2)",
             select(u.c.id).where(u.c.id.not_in([1, 2])), "SQLAlchemy parenthesises NOT IN: (users.id NOT IN (...))"),
            ("SELECT users.id FROM users WHERE (users.id IN (NULL) AND (1 != 1))",
             select(u.c.id).where(u.c.id.in_([])),
             "SQLAlchemy writes the empty IN unparenthesised; Athanor keeps it one operand next to OR/NOT"),
            ("SELECT users.id FROM users WHERE users.age = :age_1 AND (users.id NOT IN (NULL) OR (1 = 1))",
             select(u.c.id).where(and_(u.c.age == 1, u.c.id.not_in([]))), SAME),
            ("SELECT users.id FROM users WHERE users.id IN (SELECT addresses.user_id FROM addresses)",
             select(u.c.id).where(u.c.id.in_(select(a.c.user_id))), SAME)],
        "expanding_in_is_rendered_per_execution": [
            ("SELECT users.id FROM users WHERE users.id IN (__[POSTCOMPILE_id_1]) AND users.age > :age_1",
             (select(u.c.id).where(and_(u.c.id.in_([1, 2, 3]), u.c.age > 30)), "kept"), SAME),
            ("SELECT users.id FROM users WHERE users.id IN (:id_1_1, :id_1_2, :id_1_3) AND users.age > :age_1",
             select(u.c.id).where(and_(u.c.id.in_([1, 2, 3]), u.c.age > 30)), SAME),
            ("SELECT users.id FROM users WHERE users.id IN (1, 2, 3) AND users.age > 30",
             (select(u.c.id).where(and_(u.c.id.in_([1, 2, 3]), u.c.age > 30)), "literal"), SAME)],
        "like_family_with_autoescape": [
            ("SELECT users.id FROM users WHERE users.name LIKE :name_1", select(u.c.id).where(u.c.name.like("a%")), SAME),
            ("SELECT users.id FROM users WHERE users.name LIKE :name_1 ESCAPE '!'",
             select(u.c.id).where(u.c.name.like("a!%", escape="!")), SAME),
            ("SELECT users.id FROM users WHERE lower(users.name) LIKE lower(:name_1)",
             select(u.c.id).where(u.c.name.ilike("a%")), SAME),
            ("SELECT users.id FROM users WHERE users.name LIKE '%' || :name_1 || '%' ESCAPE '/'",
             select(u.c.id).where(u.c.name.contains("50%_off/", autoescape=True)),
             "SQLAlchemy adds redundant parentheses around the LIKE"),
            ("SELECT users.id FROM users WHERE users.name LIKE :name_1 || '%'",
             select(u.c.id).where(u.c.name.startswith("ab")), "SQLAlchemy adds redundant parentheses around the LIKE"),
            ("SELECT users.id FROM users WHERE users.name LIKE '%' || :name_1",
             select(u.c.id).where(u.c.name.endswith("ab")), "SQLAlchemy adds redundant parentheses around the LIKE")],
        "between_and_null_tests": [
            ("SELECT users.id FROM users WHERE users.age BETWEEN :age_1 AND :age_2",
             select(u.c.id).where(u.c.age.between(18, 65)), SAME),
            ("SELECT users.id FROM users WHERE users.name IS NULL", select(u.c.id).where(u.c.name == None), SAME),  # noqa
            ("SELECT users.id FROM users WHERE users.name IS NOT NULL", select(u.c.id).where(u.c.name != None), SAME),  # noqa
            ("SELECT users.id FROM users WHERE users.name IS NULL", select(u.c.id).where(u.c.name.is_(null())), SAME),
            ("SELECT users.id FROM users WHERE users.name IS NOT NULL", select(u.c.id).where(u.c.name.is_not(None)), SAME),
            ("SELECT users.id FROM users WHERE users.age IS DISTINCT FROM :age_1",
             select(u.c.id).where(u.c.age.is_distinct_from(3)), SAME)],
        "distinct_order_group_having_limit": [
            ("SELECT DISTINCT users.name FROM users", select(u.c.name).distinct(), SAME),
            ("SELECT count(DISTINCT users.name) AS count_1 FROM users", select(func.count(distinct(u.c.name))), SAME),
            ("SELECT users.name, count(users.id) AS count_1 FROM users GROUP BY users.name HAVING count(users.id) > "
             ":count_1 ORDER BY users.name DESC NULLS LAST, users.age ASC LIMIT 10 OFFSET 20",
             select(u.c.name, func.count(u.c.id)).group_by(u.c.name).having(func.count(u.c.id) > 1)
             .order_by(u.c.name.desc().nulls_last(), asc(u.c.age)).limit(10).offset(20),
             LIMIT + "; SQLAlchemy names the HAVING bind count_2, Athanor count_1 (bind names and labels are "
             "separate namespaces)"),
            ("SELECT users.id FROM users LIMIT -1 OFFSET 5", select(u.c.id).offset(5),
             "SQLAlchemy's generic compiler writes LIMIT -1 OFFSET :param_1 too, binding the offset"),
            ("SELECT users.name AS n FROM users ORDER BY n DESC",
             select(u.c.name.label("n")).order_by(desc(u.c.name.label("n"))), SAME)],
        "functions": [
            ("SELECT count(*) AS count_1 FROM users", select(func.count()).select_from(u), SAME),
            ("SELECT lower(users.name) AS l, upper(users.name) AS u, sum(users.age) AS s, min(users.age) AS mi, "
             "max(users.age) AS ma, avg(users.age) AS a, coalesce(users.name, :coalesce_1) AS c, now() AS t, "
             "substr(users.name, :substr_1, :substr_2) AS sub FROM users",
             select(func.lower(u.c.name).label("l"), func.upper(u.c.name).label("u"), func.sum(u.c.age).label("s"),
                    func.min(u.c.age).label("mi"), func.max(u.c.age).label("ma"), func.avg(u.c.age).label("a"),
                    func.coalesce(u.c.name, "nobody").label("c"), func.now().label("t"),
                    func.substr(u.c.name, 1, 2).label("sub")), SAME),
            ("SELECT CURRENT_TIMESTAMP AS current_timestamp_1", select(func.current_timestamp()), SAME)],
        "case_cast_literals_bindparam": [
            ("SELECT CASE WHEN users.age < :age_1 THEN :param_1 WHEN users.age < :age_2 THEN :param_2 ELSE :param_3 "
             "END AS grp FROM users",
             select(case((u.c.age < 18, "minor"), (u.c.age < 65, "adult"), else_="senior").label("grp")),
             "SQLAlchemy adds redundant parentheses around each WHEN condition"),
            ("SELECT CASE users.id WHEN :param_1 THEN :param_2 END AS x FROM users",
             select(case({1: "one"}, value=u.c.id).label("x")), SAME),
            ("SELECT CAST(users.age AS NUMERIC(10, 2)) AS x FROM users", select(cast(u.c.age, Numeric(10, 2)).label("x")),
             SAME),
            ("SELECT users.id FROM users WHERE users.id = :uid", select(u.c.id).where(u.c.id == bindparam("uid")), SAME),
            ("SELECT users.id FROM users WHERE users.name = :n", select(u.c.id).where(u.c.name == bindparam("n", "x")),
             SAME),
            ("SELECT users.id FROM users WHERE users.age > 3", select(u.c.id).where(text("users.age > 3")), SAME),
            ("SELECT users.id FROM users WHERE true", select(u.c.id).where(true()), SAME)],
        "window_functions": [
            ("SELECT users.id, row_number() OVER (PARTITION BY users.name ORDER BY users.age DESC) AS anon_1, "
             "sum(users.age) OVER (ORDER BY users.id) AS running FROM users",
             select(u.c.id, func.row_number().over(partition_by=u.c.name, order_by=u.c.age.desc()),
                    func.sum(u.c.age).over(order_by=u.c.id).label("running")), SAME)],
        "window_frames": [
            ("SELECT sum(users.age) OVER (ORDER BY users.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS s "
             "FROM users", frame(order_by=u.c.id, rows=(None, 0)), SAME),
            ("SELECT sum(users.age) OVER (PARTITION BY users.name RANGE BETWEEN 2 PRECEDING AND 3 FOLLOWING) AS s "
             "FROM users", frame(partition_by=u.c.name, range_=(-2, 3)),
             "SQLAlchemy 1.4 binds the frame offsets (:param_1 PRECEDING); Athanor renders them, so they are "
             "part of the cache key"),
            ("SELECT sum(users.age) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS s FROM users",
             frame(rows=(0, None)), SAME),
            ("SELECT sum(users.age) OVER (ROWS BETWEEN 1 FOLLOWING AND 4 FOLLOWING) AS s FROM users",
             frame(rows=(1, 4)), "SQLAlchemy 1.4 binds the frame offsets; Athanor renders them")],
        "tuples_compare_and_test_membership_as_row_values": [
            ("SELECT addresses.id FROM addresses WHERE (addresses.user_id, addresses.email) IN "
             "((:user_id_1, :email_1), (:user_id_2, :email_2))",
             select(a.c.id).where(tuple_(a.c.user_id, a.c.email).in_([(1, "a"), (2, "b")])),
             "SQLAlchemy names the expanded tuple binds param_1_1_1 ...; Athanor names them after the columns"),
            ("SELECT addresses.id FROM addresses WHERE (addresses.user_id, addresses.email) = (:user_id_1, :email_1)",
             select(a.c.id).where(tuple_(a.c.user_id, a.c.email) == tuple_(1, "a")),
             "SQLAlchemy names the binds param_1, param_2; Athanor after the columns they face"),
            ("SELECT users.id FROM users WHERE (users.id, users.age) NOT IN ((:id_1, :age_1))",
             select(u.c.id).where(tuple_(u.c.id, u.c.age).not_in([(1, 2)])),
             "SQLAlchemy parenthesises NOT IN and names the binds param_1_1_1 ...")],
        "lateral_subqueries_correlate_with_the_from_items_before_them": [
            ("SELECT users.name, latest.email FROM users JOIN LATERAL (SELECT addresses.email FROM addresses "
             "WHERE addresses.user_id = users.id ORDER BY addresses.id DESC LIMIT 1) AS latest ON true",
             select(u.c.name, latest.c.email).select_from(u.join(latest, true())), LIMIT + "; " + LABELS),
            ("SELECT users.name FROM users JOIN (SELECT addresses.email FROM addresses, users WHERE addresses.user_id = "
             "users.id ORDER BY addresses.id DESC LIMIT 1) AS plain ON true",
             select(u.c.name).select_from(u.join(inner.subquery("plain"), true())), LIMIT + "; " + LABELS)],
        "for_update_variants": [
            ("SELECT users.id FROM users WHERE users.id = :id_1 FOR UPDATE", base.with_for_update(), SAME),
            ("SELECT users.id FROM users WHERE users.id = :id_1 ORDER BY users.id LIMIT 1 FOR UPDATE",
             base.order_by(u.c.id).limit(1).with_for_update(read=True), LIMIT)],
        "joins_with_inferred_on": [
            ("SELECT users.name, addresses.email FROM users JOIN addresses ON users.id = addresses.user_id",
             select(u.c.name, a.c.email).join_from(u, a), SAME),
            ("SELECT users.id, users.name, users.age FROM users JOIN addresses ON users.id = addresses.user_id",
             select(u).join(a), SAME),
            ("SELECT users.name, addresses.email FROM users LEFT OUTER JOIN addresses ON users.id = addresses.user_id",
             select(u.c.name, a.c.email).select_from(u.outerjoin(a)), SAME),
            ("SELECT users.name FROM users FULL OUTER JOIN addresses ON users.id = addresses.user_id",
             select(u.c.name).select_from(u.outerjoin(a, full=True)), SAME),
            ("SELECT addresses.email FROM addresses JOIN users ON users.name = addresses.email",
             select(a.c.email).join(u, u.c.name == a.c.email), SAME),
            ("SELECT addresses.email FROM addresses JOIN users ON users.id = addresses.user_id",
             select(a.c.email).join(u), SAME),
            ("SELECT users.name, addresses.email FROM users, addresses WHERE users.id = addresses.user_id",
             select(u.c.name, a.c.email).where(u.c.id == a.c.user_id), SAME)],
        "select_of_a_join_qualifies_and_dedupes_columns": [
            ("SELECT users.id, users.name, users.age, addresses.id AS id_1, addresses.user_id, addresses.email FROM users "
             "JOIN addresses ON users.id = addresses.user_id", j, SAME),
            ("~SELECT j.id_1 FROM (SELECT users.id, users.name, users.age, addresses.id AS id_1, addresses.user_id, "
             "addresses.email FROM users JOIN addresses ON users.id = addresses.user_id) AS j",
             select(j.subquery("j").c.id_1), LABELS),
            ("SELECT users.id, addresses.id AS id_1, nodes.id AS id_2 FROM users, addresses, nodes WHERE users.id = "
             "addresses.user_id AND nodes.id = users.id",
             select(u.c.id, a.c.id, n.c.id).where(u.c.id == a.c.user_id).where(n.c.id == u.c.id), SAME),
            ("SELECT users.id, users.id AS id__1 FROM users", select(u.c.id, u.c.id), SAME)],
        "tables_in_an_explicit_join_are_not_repeated_in_from": [
            ("SELECT users.id, users.name, users.age, addresses.id AS id_1, addresses.user_id, addresses.email FROM users "
             "JOIN addresses ON users.id = addresses.user_id", select(u, a).select_from(u.join(a)), SAME),
            ("SELECT users.id, users.name, users.age, addresses.id AS id_1, addresses.user_id, addresses.email FROM users "
             "JOIN addresses ON users.id = addresses.user_id", select(u, a).join_from(u, a), SAME),
            ("SELECT users.name, addresses.email FROM users JOIN addresses ON users.id = addresses.user_id",
             select(u.c.name, a.c.email).select_from(u).select_from(u.join(a)), SAME),
            ("SELECT users.name, nodes.id FROM users JOIN addresses ON users.id = addresses.user_id, nodes",
             select(u.c.name, n.c.id).select_from(u.join(a)),
             "SQLAlchemy lists the FROM items in another order (nodes, users JOIN addresses ...); Athanor keeps "
             "select_from()'s items first")],
        "aliases_and_self_join": [
            ("SELECT u.id FROM users AS u WHERE u.name = :name_1", select(ua.c.id).where(ua.c.name == "x"), SAME),
            ("SELECT child.id, parent.id AS pid FROM nodes AS child JOIN nodes AS parent ON child.id = parent.parent_id",
             select(child.c.id, parent.c.id.label("pid")).select_from(child.join(parent)),
             "SQLAlchemy 1.4 ANDs both directions of the self-referential key (... AND parent.id = "
             "child.parent_id); Athanor joins on the right side's foreign key to the left only"),
            ("SELECT users.name, a.email FROM users JOIN addresses AS a ON users.id = a.user_id",
             select(u.c.name, aa.c.email).join_from(u, aa), SAME)],
        "scalar_correlated_subquery_and_exists": [
            ("SELECT users.name, (SELECT count(addresses.id) AS count_1 FROM addresses WHERE addresses.user_id = "
             "users.id) AS n FROM users",
             select(u.c.name, select(func.count(a.c.id)).where(a.c.user_id == u.c.id).scalar_subquery().label("n")), SAME),
            ("SELECT users.name FROM users WHERE EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = "
             "users.id)", select(u.c.name).where(exists(select(a.c.id).where(a.c.user_id == u.c.id))), SAME),
            ("SELECT users.name FROM users WHERE NOT (EXISTS (SELECT addresses.id FROM addresses WHERE "
             "addresses.user_id = users.id))",
             select(u.c.name).where(not_(select(a.c.id).where(a.c.user_id == u.c.id).exists())), SAME),
            ("SELECT users.name FROM users WHERE users.age > (SELECT avg(users.age) AS avg_1 FROM users)",
             select(u.c.name).where(u.c.age > select(func.avg(u.c.age)).scalar_subquery()), SAME)],
        "subquery_in_from": [
            ("SELECT users.name, counts.n FROM users JOIN (SELECT addresses.user_id, count(addresses.id) AS n FROM "
             "addresses WHERE addresses.email LIKE :email_1 GROUP BY addresses.user_id) AS counts ON users.id = "
             "counts.user_id WHERE counts.n > :n_1",
             select(u.c.name, counts.c.n).join_from(u, counts, u.c.id == counts.c.user_id).where(counts.c.n > 2), LABELS),
            ("SELECT users.name FROM users JOIN (SELECT users.id FROM users WHERE users.age > :age_1) AS sq ON "
             "users.id = sq.id", select(u.c.name).join(sq, u.c.id == sq.c.id), LABELS)],
        "ctes": [
            ("WITH older AS (SELECT users.id, users.name FROM users WHERE users.age > :age_1) SELECT older.name FROM "
             "older WHERE older.id < :id_1", select(older.c.name).where(older.c.id < 100), LABELS),
            ("WITH RECURSIVE tree AS (SELECT nodes.id FROM nodes WHERE nodes.id = :id_1 UNION ALL SELECT nodes.id FROM "
             "nodes, tree WHERE nodes.parent_id = tree.id) SELECT tree.id FROM tree", select(full.c.id),
             LABELS + "; SQLAlchemy also writes the column list tree(id)")],
        "compound_selects": [
            ("SELECT users.id FROM users WHERE users.id < :id_1 UNION SELECT addresses.user_id FROM addresses",
             union(s1, s2), SAME),
            ("SELECT users.id FROM users WHERE users.id < :id_1 UNION ALL SELECT addresses.user_id FROM addresses "
             "ORDER BY id LIMIT 3", union_all(s1, s2).order_by(literal_column("id")).limit(3), LIMIT),
            ("SELECT users.id FROM users WHERE users.id < :id_1 INTERSECT SELECT addresses.user_id FROM addresses",
             intersect(s1, s2), SAME),
            ("SELECT users.id FROM users WHERE users.id < :id_1 EXCEPT SELECT addresses.user_id FROM addresses",
             except_(s1, s2), SAME),
            ("SELECT users.id FROM users WHERE users.id < :id_1 UNION SELECT users.id FROM users WHERE users.id > :id_2",
             union(s1, select(u.c.id).where(u.c.id > 9)), SAME),
            ("(SELECT users.id FROM users WHERE users.id < :id_1 ORDER BY users.id LIMIT 1) UNION SELECT "
             "addresses.user_id FROM addresses", union(s1.order_by(u.c.id).limit(1), s2), LIMIT),
            ("SELECT ids.id FROM (SELECT users.id FROM users WHERE users.id < :id_1 UNION ALL SELECT "
             "addresses.user_id FROM addresses) AS ids", select(union_all(s1, s2).subquery("ids").c.id), LABELS)],
        "immutability": [
            ("SELECT users.id FROM users", select(u.c.id), SAME),
            ("SELECT users.id FROM users WHERE users.id = :id_1", select(u.c.id).where(u.c.id == 1), SAME)],
    }
