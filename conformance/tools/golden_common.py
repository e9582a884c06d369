"""Shared tables and claim texts of the golden-SQL cross-check (sqlalchemy_golden.py)."""
# Imported by sqlalchemy_golden.py, which checks SQLAlchemy is installed first.
from sqlalchemy import (VARCHAR, Column, ForeignKey, Integer, MetaData, Numeric, Sequence, String, Table, and_,
                        asc, bindparam, case, cast, desc, distinct, except_, exists, func, insert, intersect,
                        false, literal, literal_column, not_, null, or_, select, text, true, tuple_, union, union_all,
                        update, delete)
from sqlalchemy.dialects.postgresql import insert as pg_insert  # noqa: F401


m = MetaData()
users = Table("users", m, Column("id", Integer, primary_key=True), Column("name", String(50)),
              Column("age", Integer))
addresses = Table("addresses", m, Column("id", Integer, primary_key=True),
                  Column("user_id", Integer, ForeignKey("users.id")), Column("email", String(50)))
nodes = Table("nodes", m, Column("id", Integer, primary_key=True),
              Column("parent_id", Integer, ForeignKey("nodes.id")))
archive = Table("archive", m, Column("id", Integer, primary_key=True), Column("name", String(50)))
u, a, n = users, addresses, nodes

SAME = "same"
SEQ_IF = ("SQLAlchemy 1.4 ignores if_[not_]exists on sequences and writes START WITH 1 when no start is given; "
          "PostgreSQL 15 docs, CREATE SEQUENCE and DROP SEQUENCE, document IF [NOT] EXISTS")
LIMIT = "SQLAlchemy binds LIMIT/OFFSET (LIMIT :param_1); Athanor renders integer values inline"
BIND_ESCAPE = ("SQLAlchemy 1.4's string form leaves the bind names of odd column names as they are (:Na_me, "
               ":x;--); Athanor writes each character outside [A-Za-z0-9_] as _XX (hex), so a bind name stays "
               "one placeholder token")
LABELS = "SQLAlchemy labels every column inside a subquery/CTE (users.id AS id); Athanor only where needed"


def CHAR32():
    from sqlalchemy import types as T
    return T.CHAR(32)
