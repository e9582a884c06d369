"""Golden SQL of test_sql_types.cpp, test_sql_ddl.cpp and test_sql_sqlite_roundtrip.cpp next to SQLAlchemy constructs."""
# Imported by sqlalchemy_golden.py, which checks SQLAlchemy is installed first.
from golden_common import *  # noqa: F401,F403 - the tables, claim texts and SQLAlchemy names
from golden_common import CHAR32, a, archive, n, u  # noqa: F401


def types_items():
    from sqlalchemy import types as T
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    t = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("n", Integer), Column("u", CHAR32()))
    g = lambda ty: (ty, "type")  # noqa: E731
    sq = lambda ty: (ty, "type-sqlite")  # noqa: E731
    NO_UUID = ("same: SQLAlchemy 1.4 has no Uuid type; compared with its CHAR(32), which SQLAlchemy 2.0's Uuid "
               "renders where the backend has no native UUID")
    return {
        "generic_ddl_names": [
            ("INTEGER", g(T.Integer()), SAME), ("SMALLINT", g(T.SmallInteger()), SAME),
            ("BIGINT", g(T.BigInteger()), SAME), ("BOOLEAN", g(T.Boolean()), SAME),
            ("VARCHAR(50)", g(T.String(50)), SAME), ("VARCHAR", g(T.String()), SAME), ("TEXT", g(T.Text()), SAME),
            ("VARCHAR(20)", g(T.Unicode(20)), SAME), ("TEXT", g(T.UnicodeText()), SAME),
            ("FLOAT", g(T.Float()), SAME),
            ("FLOAT(53)", g(T.Float(53)), "SQLAlchemy's generic compiler drops a Float's precision; its PostgreSQL "
             "dialect writes FLOAT(53) (PostgreSQL 15 docs, 8.1.3 Floating-Point Types)"),
            ("DOUBLE", g(T.Float(53)), "SQLAlchemy 1.4 has no Double (2.0's renders DOUBLE); Float(53) shown"),
            ("NUMERIC", g(T.Numeric()), SAME), ("NUMERIC(10)", g(T.Numeric(10)), SAME),
            ("NUMERIC(10, 2)", g(T.Numeric(10, 2)), SAME), ("DATE", g(T.Date()), SAME), ("TIME", g(T.Time()), SAME),
            ("TIME WITH TIME ZONE", g(T.Time(timezone=True)),
             "SQLAlchemy's generic compiler writes TIME for Time(timezone=True); Athanor the standard "
             "TIME WITH TIME ZONE (PostgreSQL 15 docs, 8.5 Date/Time Types)"),
            ("DATETIME", g(T.DateTime()), SAME),
            ("TIMESTAMP WITH TIME ZONE", g(T.DateTime(timezone=True)),
             "SQLAlchemy's generic compiler writes DATETIME for DateTime(timezone=True); Athanor the standard "
             "TIMESTAMP WITH TIME ZONE"),
            ("INTERVAL", g(T.Interval()),
             "SQLAlchemy's generic Interval is DATETIME where the backend has none (an epoch-based emulation); "
             "Athanor names the SQL standard's INTERVAL"),
            ("BLOB", g(T.LargeBinary()), SAME),
            ("CHAR(32)", g(T.CHAR(32)), NO_UUID),
            ("JSON", g(T.JSON()), SAME),
            ("VARCHAR(4)", g(T.Enum("a", "bbbb", "cc", name="mood")), SAME)],
        "sqlite_ddl_names": [
            ("INTEGER", sq(T.Integer()), SAME), ("BIGINT", sq(T.BigInteger()), SAME),
            ("BOOLEAN", sq(T.Boolean()), SAME), ("VARCHAR(50)", sq(T.String(50)), SAME),
            ("NUMERIC(10, 2)", sq(T.Numeric(10, 2)), SAME), ("DATE", sq(T.Date()), SAME),
            ("TIME WITH TIME ZONE", sq(T.Time(timezone=True)),
             "SQLAlchemy's SQLite dialect writes TIME; Athanor keeps the declared TIME WITH TIME ZONE (SQLite "
             "datatype3.html, 3.1: any name is accepted, this one has NUMERIC affinity)"),
            ("DATETIME", sq(T.DateTime()), SAME), ("BLOB", sq(T.LargeBinary()), SAME),
            ("CHAR(32)", sq(T.CHAR(32)), NO_UUID),
            ("INTERVAL", sq(T.Interval()),
             "SQLAlchemy's SQLite dialect stores Interval as DATETIME (epoch emulation); Athanor declares INTERVAL "
             "(SQLite datatype3.html, 3.1: INTEGER affinity, the name contains INT)")],
        "sqlite_sql_flavour": [
            ("SELECT t.n / (t.id + 0.0) AS q FROM t", (select((t.c.n / t.c.id).label("q")), "sqlite"),
             "SQLAlchemy 1.4 divides plainly; SQLAlchemy 2.0's SQLiteCompiler.visit_truediv_binary writes this"),
            ("SELECT t.n / (? + 0.0) AS q FROM t", (select((t.c.n / 2).label("q")), "sqlite"),
             "SQLAlchemy 1.4 divides plainly; SQLAlchemy 2.0's SQLiteCompiler.visit_truediv_binary writes this"),
            ("SELECT CURRENT_TIMESTAMP AS now_1", (select(func.now()), "sqlite"), SAME),
            ("SELECT t.id FROM t LIMIT -1 OFFSET 5", (select(t.c.id).offset(5), "sqlite"),
             "SQLAlchemy binds the OFFSET (LIMIT -1 OFFSET ?); Athanor renders integer values inline"),
            ("SELECT CAST(t.n AS CHAR(32)) AS n FROM t", (select(cast(t.c.n, CHAR32())), "sqlite"), NO_UUID),
            ("INSERT INTO t (id) VALUES (?) ON CONFLICT (id) DO NOTHING",
             (sqlite_insert(t).values(id=1).on_conflict_do_nothing(index_elements=["id"]), "sqlite"), SAME),
            ("INSERT INTO t (id) VALUES (?) RETURNING t.id", (t.insert().values(id=1).returning(t.c.id), "sqlite"),
             "SQLAlchemy 1.4's SQLite dialect has no RETURNING (2.0 does; SQLite 3.35.0+ lang_returning.html)")],
    }


def ddl_items():
    from sqlalchemy import BigInteger, Boolean, Date, Identity, Index, Text, UniqueConstraint, CheckConstraint
    from sqlalchemy import ForeignKeyConstraint, PrimaryKeyConstraint
    from sqlalchemy.schema import (AddConstraint, CreateIndex, CreateSequence, CreateTable, DropConstraint,
                                   DropIndex, DropSequence, DropTable, SetColumnComment, SetTableComment)
    md = MetaData()
    basic = Table("users", md, Column("id", Integer, primary_key=True, autoincrement=True),
                  Column("name", String(50), nullable=False), Column("bio", Text))
    Table("parents", md, Column("id", Integer, primary_key=True))
    things = Table("things", md, Column("id", Integer, Identity(start=100, increment=5), primary_key=True),
                   Column("parent_id", Integer, ForeignKey("parents.id", ondelete="cascade", onupdate="SET NULL")),
                   Column("code", String(10), unique=True, server_default="x'; --"),
                   Column("qty", Integer, server_default=text("7"), index=True),
                   Column("created", Text, server_default=text("CURRENT_TIMESTAMP")),
                   Column("Mixed Case", Integer, comment="shown"),
                   CheckConstraint("qty >= 0", name="qty_positive"), UniqueConstraint("parent_id", "code", name="uq_pc"),
                   comment="things we have")
    ix = list(things.indexes)[0]
    Table("orders", md, Column("id", Integer), Column("region", String(2)), PrimaryKeyConstraint("region", "id"),
          schema="sales")
    lines = Table("lines", md, Column("order_id", Integer), Column("region", String(2)), Column("line", Integer),
                  PrimaryKeyConstraint("order_id", "line", name="pk_lines"),
                  ForeignKeyConstraint(["region", "order_id"], ["sales.orders.region", "sales.orders.id"],
                                       ondelete="CASCADE", name="fk_lines_orders"),
                  Index("ix_lines_region_line", "region", "line", unique=True), schema="sales")
    lix = list(lines.indexes)[0]
    conv = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s_%(referred_column_0_name)s",
        "pk": "pk_%(table_name)s"})
    Table("users", conv, Column("id", Integer, primary_key=True))
    accounts = Table("accounts", conv, Column("id", Integer, primary_key=True),
                     Column("user_id", Integer, ForeignKey("users.id"), index=True), Column("kind", String(5)),
                     Column("num", Integer), UniqueConstraint("kind", "num"), CheckConstraint("num > 0", name="num_pos"),
                     UniqueConstraint("num", name="explicit_uq"))
    cyc = MetaData()
    departments = Table("departments", cyc, Column("id", Integer, primary_key=True),
                        Column("manager_id", Integer, ForeignKey("employees.id", name="fk_dept_manager", use_alter=True)))
    Table("employees", cyc, Column("id", Integer, primary_key=True),
          Column("department_id", Integer, ForeignKey("departments.id")))
    fk = [c for c in departments.constraints if isinstance(c, ForeignKeyConstraint)][0]
    tickets = Table("tickets", MetaData(), Column("id", Integer, Sequence("ticket_seq"), primary_key=True),
                    Column("note", String(50)))
    lite = MetaData()
    susers = Table("users", lite, Column("id", BigInteger, primary_key=True), Column("name", String(50), comment="who"),
                   comment="people")
    # SQLAlchemy refuses Sequence and Identity on one column (ArgumentError); Athanor accepts both: Sequence only here.
    slog = Table("log", lite, Column("id", Integer, Sequence("log_seq"), primary_key=True),
                 Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE", onupdate="RESTRICT")),
                 sqlite_autoincrement=True)
    pairs = Table("pairs", lite, Column("a", Integer, primary_key=True), Column("b", Integer, primary_key=True))
    plain = Table("plain", lite, Column("id", Integer, primary_key=True, autoincrement=False))
    flags = Table("flags", lite, Column("on", Boolean(create_constraint=False), server_default=text("1")),
                  Column("off", Boolean(create_constraint=False), server_default=text("0")),
                  Column("day", Date, server_default="2024-02-29"))
    lt = lambda e: (e, "sqlite")  # noqa: E731
    return {
        "create_table_generic_basic": [
            ("CREATE TABLE users (\n\tid INTEGER NOT NULL,\n\tname VARCHAR(50) NOT NULL,\n\tbio TEXT,\n\tPRIMARY KEY (id)\n)",
             CreateTable(basic), SAME),
            ("DROP TABLE users", DropTable(basic), SAME),
            ("DROP TABLE IF EXISTS users", DropTable(basic, if_exists=True), SAME)],
        "create_table_generic_every_column_option": [
            ("CREATE TABLE things (\n\tid INTEGER GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5),\n"
             "\tparent_id INTEGER,\n\tcode VARCHAR(10) DEFAULT 'x''; --',\n\tqty INTEGER DEFAULT 7,\n"
             "\tcreated TEXT DEFAULT CURRENT_TIMESTAMP,\n\t\"Mixed Case\" INTEGER,\n\tPRIMARY KEY (id),\n"
             "\tFOREIGN KEY(parent_id) REFERENCES parents (id) ON DELETE CASCADE ON UPDATE SET NULL,\n\tUNIQUE (code),\n"
             "\tCONSTRAINT uq_pc UNIQUE (parent_id, code),\n\tCONSTRAINT qty_positive CHECK (qty >= 0)\n)",
             CreateTable(things),
             "SQLAlchemy writes the identity's INCREMENT BY before START WITH (PostgreSQL 15 docs, CREATE SEQUENCE: "
             "options in any order), keeps the referential action as given (ON DELETE cascade) and lists the table "
             "constraints CHECK, named UNIQUE, FOREIGN KEY, column UNIQUE; Athanor upper-cases the action and lists "
             "PRIMARY KEY, FOREIGN KEY, UNIQUE, CHECK"),
            ("CREATE INDEX ix_things_qty ON things (qty)", CreateIndex(ix), SAME),
            ("DROP INDEX IF EXISTS ix_things_qty", DropIndex(ix, if_exists=True), SAME),
            ("COMMENT ON TABLE things IS 'things we have'", SetTableComment(things), SAME),
            ('COMMENT ON COLUMN things."Mixed Case" IS \'shown\'', SetColumnComment(things.c["Mixed Case"]), SAME)],
        "composite_keys_indexes_and_schema": [
            ("CREATE TABLE sales.lines (\n\torder_id INTEGER NOT NULL,\n\tregion VARCHAR(2),\n\tline INTEGER NOT NULL,\n"
             "\tCONSTRAINT pk_lines PRIMARY KEY (order_id, line),\n\tCONSTRAINT fk_lines_orders FOREIGN KEY(region, "
             "order_id) REFERENCES sales.orders (region, id) ON DELETE CASCADE\n)", CreateTable(lines), SAME),
            ("CREATE UNIQUE INDEX IF NOT EXISTS ix_lines_region_line ON sales.lines (region, line)",
             CreateIndex(lix, if_not_exists=True), SAME),
            ("DROP INDEX sales.ix_lines_region_line", DropIndex(lix), SAME)],
        "sequences_generic": [
            ("CREATE SEQUENCE order_seq INCREMENT BY 10 START WITH 1000 MINVALUE 1 MAXVALUE 999999 CACHE 20 CYCLE",
             CreateSequence(Sequence("order_seq", start=1000, increment=10, minvalue=1, maxvalue=999999, cache=20,
                                     cycle=True)), SAME),
            ("CREATE SEQUENCE IF NOT EXISTS s2", CreateSequence(Sequence("s2"), if_not_exists=True), SEQ_IF),
            ("DROP SEQUENCE IF EXISTS app.s2", DropSequence(Sequence("s2", schema="app"), if_exists=True), SEQ_IF),
            ("INSERT INTO tickets (id, note) VALUES (NEXT VALUE FOR ticket_seq, :note)",
             tickets.insert().values(note="x"),
             "SQLAlchemy's string dialect has no sequences and binds :id (its PostgreSQL dialect writes "
             "nextval('ticket_seq')); NEXT VALUE FOR is the SQL standard's spelling (ISO 9075, <next value "
             "expression>)")],
        "naming_conventions_fill_every_token": [
            ("CREATE TABLE accounts (\n\tid INTEGER NOT NULL,\n\tuser_id INTEGER,\n\tkind VARCHAR(5),\n\tnum INTEGER,\n"
             "\tCONSTRAINT pk_accounts PRIMARY KEY (id),\n\tCONSTRAINT fk_accounts_user_id_users_id FOREIGN KEY(user_id) "
             "REFERENCES users (id),\n\tCONSTRAINT uq_accounts_kind_num UNIQUE (kind, num),\n\tCONSTRAINT explicit_uq "
             "UNIQUE (num),\n\tCONSTRAINT ck_accounts_num_pos CHECK (num > 0)\n)", CreateTable(accounts),
             "SQLAlchemy lists the table constraints in another order (UNIQUE, CHECK, explicit UNIQUE, FOREIGN KEY); "
             "every convention-made name is the same")],
        "use_alter_breaks_a_cycle": [
            ("CREATE TABLE departments (\n\tid INTEGER NOT NULL,\n\tmanager_id INTEGER,\n\tPRIMARY KEY (id)\n)",
             CreateTable(departments), SAME),
            ("ALTER TABLE departments ADD CONSTRAINT fk_dept_manager FOREIGN KEY(manager_id) REFERENCES employees (id)",
             AddConstraint(fk), SAME),
            ("ALTER TABLE departments DROP CONSTRAINT fk_dept_manager", DropConstraint(fk), SAME)],
        "sqlite_ddl_golden": [
            ("CREATE TABLE users (\n\tid INTEGER NOT NULL PRIMARY KEY,\n\tname VARCHAR(50)\n)", lt(CreateTable(susers)),
             "SQLAlchemy writes id BIGINT NOT NULL ... PRIMARY KEY (id), which is no rowid alias (SQLite "
             "lang_createtable.html, ROWID and the INTEGER PRIMARY KEY: only the type name INTEGER makes one); "
             "Athanor declares a single integer autoincrement key INTEGER PRIMARY KEY so SQLite generates it"),
            ("CREATE TABLE IF NOT EXISTS log (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n\tuser_id INTEGER,\n"
             "\tFOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT\n)",
             lt(CreateTable(slog, if_not_exists=True)),
             "same: SQLAlchemy refuses a Sequence and an Identity on one column (ArgumentError), so it is compared "
             "with the Sequence only; Athanor accepts both"),
            ("CREATE TABLE pairs (\n\ta INTEGER NOT NULL,\n\tb INTEGER NOT NULL,\n\tPRIMARY KEY (a, b)\n)",
             lt(CreateTable(pairs)), SAME),
            ("CREATE TABLE plain (\n\tid INTEGER NOT NULL,\n\tPRIMARY KEY (id)\n)", lt(CreateTable(plain)), SAME),
            ("DROP TABLE IF EXISTS users", lt(DropTable(susers, if_exists=True)), SAME),
            ("CREATE TABLE flags (\n\t\"on\" BOOLEAN DEFAULT 1,\n\toff BOOLEAN DEFAULT 0,\n\t\"day\" DATE DEFAULT "
             "'2024-02-29'\n)", lt(CreateTable(flags)),
             "SQLAlchemy quotes only \"on\"; Athanor also quotes day, a keyword of standard SQL that SQLite's "
             "lang_keywords.html does not list (quoting it is harmless)"),
            ("INSERT INTO log (user_id) VALUES (?)", lt(slog.insert().values(user_id=1)), SAME)],
    }


def sqlite_roundtrip_items():
    oldest = select(u.c.name).order_by(u.c.age.desc()).limit(1)
    youngest = select(u.c.name).order_by(u.c.age).limit(1)
    why = ("SQLAlchemy 1.4's SQLite dialect writes (SELECT ... LIMIT ? OFFSET ?) UNION (...), which SQLite rejects "
           "(lang_select.html, Compound Select Statements: a member is a select-core without parentheses, ORDER BY "
           "or LIMIT); Athanor wraps such a member in SELECT * FROM (...), and renders LIMIT inline")
    return {
        "compound_members_with_limit_run_on_sqlite": [
            ("SELECT * FROM (SELECT users.name FROM users ORDER BY users.age DESC LIMIT 1) UNION SELECT * FROM "
             "(SELECT users.name FROM users ORDER BY users.age LIMIT 1) ORDER BY name",
             (union(oldest, youngest).order_by(literal_column("name")), "sqlite"), why),
            ("SELECT users.id FROM users UNION ALL SELECT * FROM (SELECT users.name FROM users ORDER BY users.age LIMIT 1)",
             (union_all(select(u.c.id), youngest), "sqlite"), why)],
    }
