#!/usr/bin/python3
"""SQLAlchemy's own compilation of the compile corpus, as an independent reference.

Builds, with SQLAlchemy Core (Debian's python3-sqlalchemy, 1.4), the same named constructs as
conformance/src/compile_corpus.cpp over the same tables, compiles each for one of SQLAlchemy's
dialects and prints the text in the corpus data-file format, or holds a corpus file against it:

  conformance/tools/sqlalchemy_reference.py sqlite                 # print SQLAlchemy's SQL
  conformance/tools/sqlalchemy_reference.py postgresql --check conformance/compile/postgresql/corpus.txt
  conformance/tools/sqlalchemy_reference.py --check-all conformance/compile   # both; CTest runs this
  conformance/tools/sqlalchemy_reference.py mysql                  # any dialect SQLAlchemy ships

Installed as <prefix>/share/athanor/conformance/tools/sqlalchemy_reference.py, so that a plugin
author can print SQLAlchemy's text for their own database (mysql, mssql, oracle, or a dialect
package registered with SQLAlchemy) next to the expected SQL they write from the vendor manual.
Dialects other than sqlite and postgresql are compiled with paramstyle qmark (write the corpus
file with `%paramstyle qmark`), and the two ON CONFLICT entries, which only the sqlite and
postgresql dialects can build, come out as !CompileError.

Normalisation, so that only real differences remain: SQLAlchemy's line breaks become single
spaces; postgresql placeholders are written $1, $2 ... (the corpus file's style; SQLAlchemy's
psycopg2 dialect would say %(name)s; compiled with paramstyle format, then renumbered); IN lists are rendered (render_postcompile), since Athanor
has no post-compile parameters.

--check compares every entry of the file with SQLAlchemy's text. An entry whose `%source` line
starts with "SQLAlchemy" claims to be identical: a difference is an error. Any other entry
cites a manual and says why it differs; the check prints SQLAlchemy's text next to it (or notes
that it is in fact identical). Exit status 1 when a claim is false or an entry has no source,
77 (skipped) when SQLAlchemy 1.4 is not installed for this interpreter.
"""
import os
import re
import sys
import warnings

try:
    import sqlalchemy
except ImportError:
    print("SKIPPED: SQLAlchemy is not installed for %s (apt-get install python3-sqlalchemy)" % sys.executable)
    sys.exit(77)
from sqlalchemy import (Boolean, Column, ForeignKey, Integer, MetaData, Numeric, Sequence, String, Table,
                        and_, cast, except_, exists, false, func, intersect, literal, literal_column, not_, or_,
                        select, true, tuple_, union, union_all)
from sqlalchemy import case
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

m = MetaData()
users = Table("users", m, Column("id", Integer, primary_key=True), Column("name", String(30)),
              Column("fullname", String(100)))
addresses = Table("addresses", m, Column("id", Integer, primary_key=True),
                  Column("user_id", Integer, ForeignKey("users.id")), Column("email", String(100)))
nodes = Table("nodes", m, Column("id", Integer, primary_key=True), Column("parent_id", Integer))
flags = Table("flags", m, Column("id", Integer, primary_key=True), Column("active", Boolean),
              Column("score", Numeric(8, 2)))
odd = Table("order", m, Column("select", Integer, primary_key=True), Column("MixedCase", String(10)),
            Column("with space", String(10)))
scoped = Table("accounts", m, Column("id", Integer, primary_key=True), Column("owner", String(30)),
               schema="test_schema")
u, a, n, f, o = users, addresses, nodes, flags, odd


def entries(dialect_name):
    """(name, statement or None, literal_binds) in the order of compile_corpus.cpp."""
    ins = {"postgresql": pg_insert, "sqlite": sqlite_insert}.get(dialect_name)
    out = []

    def e(name, stmt, literal_binds=False):
        out.append((name, stmt, literal_binds))

    e("select_all_columns", select(u))
    e("select_where_eq", select(u.c.name).where(u.c.id == 5))
    e("select_where_and_or", select(u.c.id).where(and_(u.c.id > 1, or_(u.c.name == "a", u.c.name == "b"))))
    e("select_where_not", select(u.c.id).where(not_(u.c.name == "x")))
    e("select_order_by_asc_desc", select(u.c.id).order_by(u.c.name, u.c.id.desc()))
    e("select_order_by_nulls_last", select(u.c.id).order_by(u.c.name.desc().nulls_last()))
    e("select_limit", select(u.c.id).order_by(u.c.id).limit(10))
    e("select_limit_offset", select(u.c.id).order_by(u.c.id).limit(10).offset(20))
    e("select_offset_only", select(u.c.id).order_by(u.c.id).offset(5))
    e("select_distinct", select(u.c.name).distinct())
    e("select_count_distinct", select(func.count(u.c.name.distinct())))
    e("select_group_by_having", select(a.c.user_id, func.count(a.c.id).label("n")).group_by(a.c.user_id)
      .having(func.count(a.c.id) > 1))
    e("select_count_star", select(func.count()).select_from(u))
    e("select_join_inferred", select(u.c.name, a.c.email).join_from(u, a))
    e("select_outer_join", select(u.c.name, a.c.email).select_from(u.outerjoin(a)))
    e("select_full_outer_join", select(u.c.id, a.c.id).select_from(u.outerjoin(a, full=True)))
    e("select_join_explicit_on", select(u.c.id).join_from(u, a, and_(u.c.id == a.c.user_id, a.c.email.like("%@x"))))
    ua = u.alias("u")
    e("select_alias", select(ua.c.id).where(ua.c.name == "x"))
    p, c = n.alias("p"), n.alias("c")
    e("select_self_join_alias", select(p.c.id, c.c.id).join_from(p, c, c.c.parent_id == p.c.id))
    sq = select(u.c.id, u.c.name).where(u.c.id > 5).subquery("sq")
    e("select_subquery_from", select(sq.c.name))
    e("select_scalar_subquery", select(u.c.name, select(func.count(a.c.id)).where(a.c.user_id == u.c.id)
                                       .scalar_subquery().label("n")))
    e("select_exists", select(u.c.id).where(exists(select(a.c.id).where(a.c.user_id == u.c.id))))
    e("select_schema_qualified", select(scoped.c.owner).where(scoped.c.id == 1))
    e("select_quoted_identifiers", select(o.c.select, o.c.MixedCase, o.c["with space"]).where(o.c.select == 1))
    e("select_in_list", select(u.c.id).where(u.c.id.in_([1, 2, 3])))
    e("select_in_empty", select(u.c.id).where(u.c.id.in_([])))
    e("select_not_in_empty", select(u.c.id).where(u.c.id.not_in([])))
    e("select_in_subquery", select(u.c.id).where(u.c.id.in_(select(a.c.user_id))))
    e("select_between", select(u.c.id).where(u.c.id.between(1, 9)))
    e("select_like_escape", select(u.c.id).where(u.c.name.like("a/%%", escape="/")))
    e("select_contains_autoescape", select(u.c.id).where(u.c.name.contains("50%", autoescape=True)))
    e("select_startswith", select(u.c.id).where(u.c.name.startswith("ab")))
    e("select_ilike", select(u.c.id).where(u.c.name.ilike("ab%")))
    e("select_is_null", select(u.c.id).where(and_(u.c.name == None, u.c.fullname != None)))  # noqa: E711
    e("select_is_distinct_from", select(u.c.id).where(u.c.name.is_distinct_from(u.c.fullname)))
    e("select_is_not_distinct_from", select(u.c.id).where(u.c.name.is_not_distinct_from("x")))
    e("select_boolean_column", select(f.c.id).where(and_(f.c.active == True, f.c.score > 1)))  # noqa: E712
    e("select_true_false", select(f.c.id).where(or_(true(), false())))
    e("select_true_division", select((u.c.id / 2).label("half")))
    e("select_arithmetic", select(((u.c.id + 1) * 2 - (u.c.id % 3)).label("x"), (-u.c.id).label("neg")))
    e("select_concat", select(u.c.name.concat(u.c.fullname).label("nf")))
    e("select_case", select(case((u.c.id < 3, "low"), (u.c.id < 6, "mid"), else_="high").label("band")))
    e("select_case_value", select(case({"a": 1}, value=u.c.name, else_=0).label("c")))
    e("select_cast", select(cast(u.c.id, String(10)).label("s")))
    e("select_functions", select(func.coalesce(u.c.name, "?").label("n"), func.lower(u.c.name).label("l"),
                                 func.upper(u.c.name).label("u2"), func.max(u.c.id).label("m")).group_by(u.c.name))
    e("select_window", select(a.c.id, func.row_number().over(partition_by=a.c.user_id, order_by=a.c.id).label("rn")))
    e("select_window_rows_frame", select(a.c.id, func.sum(a.c.user_id).over(order_by=a.c.id, rows=(None, 0))
                                         .label("running")))
    e("select_window_range_frame", select(a.c.id, func.count(a.c.id).over(partition_by=a.c.user_id, order_by=a.c.id,
                                                                          range_=(-1, 1)).label("near")))
    e("select_tuple_in", select(a.c.id).where(tuple_(a.c.user_id, a.c.email).in_([(1, "a@x"), (2, "b@x")])))
    e("select_tuple_eq", select(a.c.id).where(tuple_(a.c.user_id, a.c.email) == tuple_(1, "a@x")))
    e("select_distinct_on", select(a.c.user_id, a.c.email).distinct(a.c.user_id).order_by(a.c.user_id, a.c.id.desc()))
    latest = select(a.c.email).where(a.c.user_id == u.c.id).order_by(a.c.id.desc()).limit(1).lateral("latest")
    e("select_lateral", select(u.c.name, latest.c.email).select_from(u.join(latest, true())))
    e("select_for_update", select(u.c.id).where(u.c.id == 5).with_for_update())
    e("select_for_update_of_nowait", select(u.c.id).where(u.c.id == 5).with_for_update(nowait=True, of=u))
    e("select_for_share_skip_locked", select(u.c.id).order_by(u.c.id).limit(1).with_for_update(read=True,
                                                                                                skip_locked=True))
    e("select_literal_binds", select(u.c.id).where(or_(u.c.name == "O'Reilly", u.c.id == 7, u.c.fullname == None)),  # noqa
      True)
    e("select_no_from", select(literal(1).label("one")))
    e("union", union(select(u.c.id).where(u.c.id < 3), select(a.c.user_id)))
    e("union_all_order_limit", union_all(select(u.c.id), select(a.c.user_id)).order_by(literal_column("id")).limit(5))
    e("intersect", intersect(select(u.c.id), select(a.c.user_id)))
    e("except", except_(select(u.c.id), select(a.c.user_id)))
    e("union_member_limit", union(select(u.c.id).order_by(u.c.id).limit(1),
                                  select(a.c.user_id).order_by(a.c.user_id).limit(1)))
    big = select(u.c.id, u.c.name).where(u.c.id > 1).cte("big")
    e("cte_simple", select(big.c.name).order_by(big.c.id))
    base = select(n.c.id, n.c.parent_id).where(n.c.id == 1).cte("tree", recursive=True)
    tree = base.union_all(select(n.c.id, n.c.parent_id).join_from(n, base, n.c.parent_id == base.c.id))
    e("cte_recursive", select(tree.c.id))
    e("insert_values", u.insert().values(name="a", fullname="A"))
    e("insert_multi_values", u.insert().values([{"name": "a"}, {"name": "b"}]))
    e("insert_from_select", a.insert().from_select(["user_id", "email"], select(u.c.id, u.c.name).where(u.c.id > 2)))
    e("insert_returning", u.insert().values(name="a").returning(u.c.id, u.c.name))
    e("insert_sql_expression_value", u.insert().values(name=func.lower("ABC")))
    e("update_where", u.update().where(u.c.id == 5).values(name="z"))
    e("update_expression", u.update().values(fullname=u.c.fullname.concat(" jr")).where(u.c.name.like("j%")))
    e("update_returning", u.update().where(u.c.id == 5).values(name="z").returning(u.c.id))
    e("delete_where", u.delete().where(u.c.id == 5))
    e("delete_all", u.delete())
    e("update_from", u.update().values(fullname=a.c.email).where(u.c.id == a.c.user_id))
    e("delete_using", a.delete().where(and_(a.c.user_id == u.c.id, u.c.name == "x")))
    e("delete_returning", u.delete().where(u.c.id > 5).returning(u.c.id, u.c.name))
    if ins:
        e("upsert_do_nothing", ins(u).values(id=1, name="a").on_conflict_do_nothing(index_elements=["id"]))
        stmt = ins(u).values(id=1, name="a")
        e("upsert_do_update", stmt.on_conflict_do_update(index_elements=["id"], set_={"name": stmt.excluded.name}))
    else:  # no ON CONFLICT construct outside those two dialects
        e("upsert_do_nothing", None)
        e("upsert_do_update", None)
    e("sequence_next_value", select(Sequence("cf_seq").next_value().label("v")))
    return out


def dialect(name):
    if name == "sqlite":
        return sqlite.dialect()
    if name != "postgresql":
        return sqlalchemy.dialects.registry.load(name)(paramstyle="qmark")
    d = postgresql.dialect(paramstyle="format")  # %s, rewritten to $1 $2 ... below
    d.implicit_returning = True
    return d


def normalise(sql, dialect_name):
    sql = " ".join(sql.split())
    sql = sql.replace("( ", "(").replace(" )", ")")
    if dialect_name == "postgresql":
        # format paramstyle: %s is a placeholder, %% a literal percent sign (also inside '...').
        counter = iter(range(1, 10000))
        parts = re.split(r"('(?:[^']|'')*')", sql)
        sql = "".join(pt.replace("%%", "%") if i % 2 else
                      re.sub(r"%%|%s", lambda mo: "%" if mo.group(0) == "%%" else "$%d" % next(counter), pt)
                      for i, pt in enumerate(parts))
    return sql


def compile_all(dialect_name):
    d = dialect(dialect_name)
    warnings.simplefilter("ignore", sqlalchemy.exc.SADeprecationWarning)  # DISTINCT ON on sqlite
    result = {}
    for name, stmt, literal_binds in entries(dialect_name):
        if stmt is None:
            result[name] = "!CompileError (SQLAlchemy's %s dialect has no such construct)" % dialect_name
            continue
        try:
            kw = {"render_postcompile": True}
            if literal_binds:
                kw["literal_binds"] = True
            result[name] = normalise(str(stmt.compile(dialect=d, compile_kwargs=kw)), dialect_name)
        except (sqlalchemy.exc.CompileError, NotImplementedError) as err:
            result[name] = "!CompileError (%s)" % str(err).splitlines()[0]
    return result


def read_corpus(path):
    """{name: (sql, [sources])} of a corpus data file (format: conformance/src/compile_suite.cpp)."""
    entries_, current = {}, None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if line.startswith("#") or line.startswith("%paramstyle"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                entries_[current] = ["", []]
            elif current and line.startswith("%source"):
                entries_[current][1].append(line[len("%source"):].strip())
            elif current:
                entries_[current][0] = (entries_[current][0] + " " + line).strip()
    return entries_


def check(dialect_name, path):
    ref = compile_all(dialect_name)
    bad = 0
    for name, (sql, sources) in read_corpus(path).items():
        theirs = ref.get(name)
        same = theirs is not None and (theirs == sql or (sql.startswith("!CompileError") and
                                                         theirs.startswith("!CompileError")))
        claims = any(s.startswith("SQLAlchemy") for s in sources)
        if not sources:
            print("ERROR   [%s] has no %%source line" % name)
            bad += 1
        if claims and not same:
            print("ERROR   [%s] claims SQLAlchemy's text but differs\n  corpus:     %s\n  SQLAlchemy: %s"
                  % (name, sql, theirs))
            bad += 1
        elif same:
            print("same    [%s]%s" % (name, "" if claims or not sources else
                                      "  (identical to SQLAlchemy; the source may say so)"))
        else:
            print("differs [%s] (%s)\n  corpus:     %s\n  SQLAlchemy: %s" % (name, "; ".join(sources), sql, theirs))
    return 1 if bad else 0


def check_all(root):
    """--check of every .txt under root/sqlite and root/postgresql (the CTest entry)."""
    if not sqlalchemy.__version__.startswith("1.4."):
        print("SKIPPED: the corpus cites SQLAlchemy 1.4; this is %s" % sqlalchemy.__version__)
        return 77
    status = 0
    for dialect_name in ("sqlite", "postgresql"):
        folder = os.path.join(root, dialect_name)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt"):
                print("== %s/%s" % (dialect_name, name))
                status |= check(dialect_name, os.path.join(folder, name))
    return status


def main(argv):
    if len(argv) == 3 and argv[1] == "--check-all":
        return check_all(argv[2])
    if len(argv) < 2 or argv[1].startswith("-"):
        print(__doc__)
        return 2
    try:
        dialect(argv[1])
    except sqlalchemy.exc.NoSuchModuleError as err:
        print("%s: %s" % (argv[0], err))
        return 2
    if len(argv) == 4 and argv[2] == "--check":
        return check(argv[1], argv[3])
    print("# SQLAlchemy %s, %s dialect" % (sqlalchemy.__version__, argv[1]))
    for name, sql in compile_all(argv[1]).items():
        print("[%s]\n%s" % (name, sql))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
