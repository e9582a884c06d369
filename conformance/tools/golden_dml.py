"""Golden SQL of test_sql_dml.cpp and test_sql_compiler_hooks.cpp next to SQLAlchemy constructs."""
# Imported by sqlalchemy_golden.py, which checks SQLAlchemy is installed first.
from golden_common import *  # noqa: F401,F403 - the tables, claim texts and SQLAlchemy names
from golden_common import CHAR32, a, archive, n, u  # noqa: F401


def dml_items():
    up = pg_insert(u).values(id=1, name="a")
    m2 = MetaData()
    evil = Table('weird"; DROP TABLE users; --', m2, Column("Na me", String(50)), Column("x;--", Integer))
    order = Table("order", m2, Column("select", Integer), Column("UserName", String(50)),
                  Column("plain_name", String(50)))
    digits = Table("1abc", m2, Column("$x", Integer))
    return {
        "insert_values": [
            ("INSERT INTO users (name) VALUES (:name)", u.insert().values(name="Alex"), SAME),
            ("INSERT INTO users (name, age) VALUES (:name, :age)", insert(u).values(age=3, name="a"), SAME),
            ("INSERT INTO users (name, age) VALUES (lower(:lower_1), users.id + :id_1)",
             insert(u).values(name=func.lower("X"), age=u.c.id + 1),
             "SQLAlchemy parenthesises an expression in VALUES ((users.id + :id_1)), as both do in UPDATE SET")],
        "insert_without_values_and_for_parameters": [
            ("INSERT INTO users (id, name, age) VALUES (:id, :name, :age)", u.insert(), SAME),
            ("INSERT INTO users (name, age) VALUES (:name, :age)", (u.insert(), ["name", "age"]), SAME),
            ("INSERT INTO users DEFAULT VALUES", (u.insert(), []),
             "SQLAlchemy's string dialect writes () VALUES (); its SQLite and PostgreSQL dialects write "
             "DEFAULT VALUES, the SQL standard's form"),
            ("INSERT INTO users (name) VALUES (:name)", (u.insert(), ["name"]), SAME),
            ("UPDATE users SET age=:age", (u.update(), ["age"]), SAME)],
        "insert_multi_values": [
            ("INSERT INTO users (id, name) VALUES (:id_m0, :name_m0), (:id_m1, :name_m1)",
             u.insert().values([{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]), SAME)],
        "insert_from_select_and_returning": [
            ("INSERT INTO archive (id, name) SELECT users.id, users.name FROM users WHERE users.age > :age_1",
             archive.insert().from_select(["id", "name"], select(u.c.id, u.c.name).where(u.c.age > 90)), SAME),
            ("INSERT INTO users (name) VALUES (:name) RETURNING users.id, users.name",
             u.insert().values(name="x").returning(u.c.id, u.c.name), SAME)],
        "update_statements": [
            ("UPDATE users SET name=:name WHERE users.id = :id_1", u.update().values(name="x").where(u.c.id == 5), SAME),
            ("UPDATE users SET age=(users.age + :age_1) WHERE users.name = :name_1",
             update(u).values(age=u.c.age + 1).where(u.c.name == "a"), SAME),
            ("UPDATE users SET age=:age RETURNING users.id", u.update().values(age=1).returning(u.c.id), SAME),
            ("UPDATE users SET id=:id, name=:name, age=:age", u.update(), SAME),
            ("UPDATE users SET name=:b_name WHERE users.id = :b_id",
             u.update().where(u.c.id == bindparam("b_id")).values(name=bindparam("b_name")), SAME),
            ("UPDATE users SET name=:name WHERE users.id = :b_id",
             (u.update().where(u.c.id == bindparam("b_id")), ["name", "b_id"]), SAME)],
        "delete_statements": [
            ("DELETE FROM users WHERE users.id = :id_1", u.delete().where(u.c.id == 5), SAME),
            ("DELETE FROM users", delete(u), SAME),
            ("DELETE FROM users WHERE users.name LIKE :name_1 RETURNING users.id",
             u.delete().where(u.c.name.like("t%")).returning(u.c.id), SAME),
            ("DELETE FROM users WHERE users.id IN (SELECT archive.id FROM archive)",
             u.delete().where(u.c.id.in_(select(archive.c.id))), SAME)],
        "update_and_delete_referring_to_other_tables": [
            ("UPDATE users SET name=archive.name FROM archive WHERE users.id = archive.id AND archive.name != :name_1",
             u.update().values(name=archive.c.name).where(and_(u.c.id == archive.c.id, archive.c.name != "x")), SAME),
            ("UPDATE users SET age=:age FROM archive AS prior_rows WHERE users.id = prior_rows.id",
             u.update().values(age=0).where(u.c.id == archive.alias("prior_rows").c.id), SAME),
            ("UPDATE users SET age=:age WHERE users.id IN (SELECT archive.id FROM archive)",
             u.update().values(age=1).where(u.c.id.in_(select(archive.c.id))), SAME),
            ("UPDATE users SET age=(SELECT count(archive.id) AS count_1 FROM archive WHERE archive.name = users.name)",
             u.update().values(age=select(func.count(archive.c.id)).where(archive.c.name == u.c.name)
                               .scalar_subquery()), SAME),
            ("DELETE FROM users USING archive WHERE users.id = archive.id",
             u.delete().where(u.c.id == archive.c.id),
             "SQLAlchemy's string compiler writes DELETE FROM users , archive WHERE ...; USING is PostgreSQL's "
             "form (PostgreSQL 15 docs, DELETE), which Athanor's generic compiler uses"),
            ("DELETE FROM users WHERE EXISTS (SELECT archive.id FROM archive WHERE archive.id = users.id)",
             u.delete().where(select(archive.c.id).where(archive.c.id == u.c.id).exists()), SAME)],
        "upsert_on_conflict": [
            ("INSERT INTO users (id, name) VALUES (:id, :name) ON CONFLICT DO NOTHING",
             (up.on_conflict_do_nothing(), "postgresql"), SAME),
            ("INSERT INTO users (id, name) VALUES (:id, :name) ON CONFLICT (id) DO NOTHING",
             (up.on_conflict_do_nothing(index_elements=["id"]), "postgresql"), SAME),
            ("INSERT INTO users (id, name) VALUES (:id, :name) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
             "age = :param_1 WHERE users.age < :age_1",
             (up.on_conflict_do_update(index_elements=["id"], set_={"name": up.excluded.name, "age": 7},
                                       where=u.c.age < 100), "postgresql"), SAME),
            ("INSERT INTO users (id) VALUES (NEXT VALUE FOR user_id_seq)",
             u.insert().values(id=Sequence("user_id_seq").next_value()),
             "SQLAlchemy's string compiler writes <next sequence value: user_id_seq>; NEXT VALUE FOR is the "
             "SQL standard's spelling (ISO 9075, <next value expression>)")],
        "injection_in_values_is_bound": [
            ("INSERT INTO users (name) VALUES (:name)", u.insert().values(name="x'); DROP TABLE users; --"), SAME),
            ("SELECT users.id FROM users WHERE users.name = :name_1", select(u.c.id).where(u.c.name == "a' OR '1'='1"),
             SAME),
            ("INSERT INTO users (name) VALUES ('x''); DROP TABLE users; --')",
             (u.insert().values(name="x'); DROP TABLE users; --"), "literal"), SAME),
            ("SELECT users.id FROM users WHERE users.name = 'a'' OR ''1''=''1'",
             (select(u.c.id).where(u.c.name == "a' OR '1'='1"), "literal"), SAME),
            ("SELECT users.id FROM users WHERE users.id = 5 AND users.name IS NULL LIMIT 2",
             (select(u.c.id).where(and_(u.c.id == 5, u.c.name == None)).limit(2), "literal"), SAME)],  # noqa
        "injection_in_identifiers_is_quoted": [
            ('INSERT INTO "weird""; DROP TABLE users; --" ("Na me", "x;--") VALUES (:Na_20me, :x_3B_2D_2D)',
             evil.insert().values({"Na me": "v", "x;--": 1}), BIND_ESCAPE),
            ('SELECT "weird""; DROP TABLE users; --"."Na me" FROM "weird""; DROP TABLE users; --" WHERE '
             '"weird""; DROP TABLE users; --"."x;--" = :x_3B_2D_2D_1',
             select(evil.c["Na me"]).where(evil.c["x;--"] == 1), BIND_ESCAPE),
            ('SELECT "order"."select", "order"."UserName", "order".plain_name FROM "order"', select(order), SAME),
            ('SELECT "1abc"."$x" FROM "1abc"', select(digits), SAME),
            ('SELECT users.id AS "Total Count" FROM users', select(u.c.id.label("Total Count")), SAME)],
    }


def hooks_items():
    c = select(u.c.id).where(u.c.age > 1).cte("c")
    s = select(c.c.id).where(c.c.id == 2).where(u.c.age % 3 == 0).where(u.c.name.like("a%"))
    body = ("WITH c AS (SELECT users.id FROM users WHERE users.age > X) SELECT c.id FROM c, users WHERE "
            "c.id = X AND users.age MOD X = X AND users.name LIKE X")

    def expect(marks, mod):
        out = body.replace("MOD", mod)
        for mark in marks:
            out = out.replace("X", mark, 1)
        return "~" + out  # built by expect() in the C++ test, not one literal

    style = lambda stmt, ps, **kw: (stmt, ("paramstyle", ps, kw))  # noqa: E731
    twice = select(u.c.id).where(or_(u.c.id == bindparam("v"), u.c.age == bindparam("v")))
    q = lambda name: (name, "quote")  # noqa: E731
    return {
        "qmark_binds_in_order": [
            ("SELECT users.id FROM users WHERE users.name = ? AND users.age > ?",
             style(select(u.c.id).where(u.c.name == "x").where(u.c.age > 30), "qmark"), SAME),
            ("SELECT users.id FROM users WHERE users.id = ? OR users.age = ?", style(twice, "qmark"), SAME)],
        "fetch_first_instead_of_limit": [
            ("SELECT users.id FROM users ORDER BY users.id OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY",
             select(u.c.id).order_by(u.c.id).offset(5).fetch(10),
             "the test dialect's limit_clause hook writes FETCH FIRST for limit(); SQLAlchemy's own fetch() "
             "construct writes the same clause with bound values (OFFSET :param_1 ROWS FETCH FIRST :param_2 ROWS "
             "ONLY)")],
        "dual_and_numeric_booleans": [
            ("SELECT :param_1 AS anon_1", select(literal(1)), SAME),
            ("SELECT users.id FROM users WHERE false", select(u.c.id).where(false()), SAME)],
        "identifier_preparer_rules": [
            ("users", q("users"), SAME), ("level", q("level"), SAME), ('"select"', q("select"), SAME),
            ('"Users"', q("Users"), SAME), ('"a""b"', q('a"b'), SAME), ("_x$1", q("_x$1"), SAME),
            ('""', q(""), "SQLAlchemy's preparer fails on an empty name (IndexError); Athanor quotes it")],
        "every_paramstyle": [
            (expect(["?"] * 5, "%"), style(s, "qmark"), LABELS),
            (expect([":1", ":2", ":3", ":4", ":5"], "%"), style(s, "numeric"), LABELS),
            (expect(["%s"] * 5, "%%"), style(s, "format"), LABELS),
            (expect([":age_1", ":id_1", ":age_2", ":param_1", ":name_1"], "%"), style(s, "named"), LABELS),
            ("SELECT users.id FROM users WHERE users.name LIKE %s || '%%'",
             style(select(u.c.id).where(u.c.name.startswith("x")), "format"),
             "SQLAlchemy adds redundant parentheses around the LIKE"),
            ("SELECT users.id FROM users WHERE users.name = '50%%'",
             style(select(u.c.id).where(u.c.name == "50%"), "format", literal_binds=True), SAME)],
        "expressions_print": [
            ("users.id = :id_1", u.c.id == 5, SAME),
            ("users.id > :id_1 AND users.name IN (:name_1_1, :name_1_2)", and_(u.c.id > 1, u.c.name.in_(["a", "b"])),
             SAME),
            ("users.name = 'it''s'", (u.c.name == "it's", "literal"), SAME),
            ("users.age + :age_1", u.c.age + 1, SAME)],
    }
