#!/usr/bin/python3
"""SQLAlchemy's compilation of the constructs behind the framework's golden SQL strings.

framework/tests/test_sql_select.cpp and test_sql_dml.cpp hold the exact SQL the generic
DefaultDialect must print (named paramstyle, as SQLAlchemy's str()); test_sql_types.cpp the DDL
type names (generic and SQLite) and a few SQLite statements, test_sql_ddl.cpp the DDL text
(generic and SQLite) and test_sql_sqlite_roundtrip.cpp SQLite's compound selects, compared with
SQLAlchemy's default or sqlite dialect; of test_sql_compiler_hooks.cpp the strings of the
generic compiler (every paramstyle, quoting, printed expressions), not those its test dialect's
hooks make (FROM DUAL, SYSDATE, 1/0 booleans, ...), which follow from the hooks' definitions. This script rebuilds each
of those constructs with SQLAlchemy Core (Debian's python3-sqlalchemy, 1.4) over the same
tables, compiles it with SQLAlchemy's default string dialect and compares:

  conformance/tools/sqlalchemy_golden.py          # every group: same / differs, with both texts

Each item records what the C++ test's comment says about it: `same` (the golden string is
SQLAlchemy's text; "same: note" with a caveat) or a reason it differs. Exit status 1 when a `same` item differs, a
`differs` item is in fact identical (the comment would be stale), or a golden string no longer
appears in the C++ file (the copy here would be stale); 77 without SQLAlchemy.

Normalisation: line breaks become single spaces; IN lists are rendered (render_postcompile)
unless an item asks for the kept form.
"""
import os
import re
import sys

try:
    import sqlalchemy
except ImportError:
    print("SKIPPED: SQLAlchemy is not installed for %s (apt-get install python3-sqlalchemy)" % sys.executable)
    sys.exit(77)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_common import SAME  # noqa: E402
from golden_dml import dml_items, hooks_items  # noqa: E402
from golden_schema import ddl_items, sqlite_roundtrip_items, types_items  # noqa: E402
from golden_select import select_items  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

GROUPS = {"framework/tests/test_sql_select.cpp": select_items, "framework/tests/test_sql_dml.cpp": dml_items,
          "framework/tests/test_sql_types.cpp": types_items, "framework/tests/test_sql_ddl.cpp": ddl_items,
          "framework/tests/test_sql_sqlite_roundtrip.cpp": sqlite_roundtrip_items,
          "framework/tests/test_sql_compiler_hooks.cpp": hooks_items}


def compile_text(stmt):
    mode = None
    if isinstance(stmt, tuple):
        stmt, mode = stmt
    kw = {"render_postcompile": True}
    dialect = None
    if mode == "kept":
        kw = {}
    elif mode == "literal":
        kw["literal_binds"] = True
    elif mode == "postgresql":
        from sqlalchemy.dialects import postgresql
        dialect = postgresql.dialect(paramstyle="named")
    if mode == "quote":
        from sqlalchemy.engine import default
        return default.DefaultDialect().identifier_preparer.quote(stmt)
    if isinstance(mode, tuple) and mode[0] == "paramstyle":
        from sqlalchemy.engine import default
        kw.update(mode[2])
        dialect, mode = default.DefaultDialect(paramstyle=mode[1]), None
    if mode in ("type", "type-sqlite"):
        from sqlalchemy.dialects import sqlite
        return stmt.compile(dialect=sqlite.dialect() if mode == "type-sqlite" else None)
    if mode == "sqlite":
        from sqlalchemy.dialects import sqlite
        dialect = sqlite.dialect()
    if isinstance(mode, list):  # the statement compiled for these parameter keys (executemany form)
        compiled = stmt.compile(column_keys=mode)
    else:
        compiled = stmt.compile(dialect=dialect, compile_kwargs=kw)
    return " ".join(str(compiled).split()).replace("( ", "(").replace(" )", ")")


def cpp_strings(path):
    """Every C++ string literal of the file, adjacent literals joined, escapes undone."""
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    out = set()
    for run in re.finditer(r'"(?:\\.|[^"\\\n])*"(?:\s*"(?:\\.|[^"\\\n])*")*', source):
        pieces = re.findall(r'"((?:\\.|[^"\\\n])*)"', run.group(0))
        text_ = "".join(pieces)
        out.add(re.sub(r'\\(["\\nt])', lambda mo: {"n": "\n", "t": "\t"}.get(mo.group(1), mo.group(1)), text_))
    return out


def main():
    bad = 0
    for rel, items in GROUPS.items():
        strings = cpp_strings(os.path.join(ROOT, rel))
        print("== %s (SQLAlchemy %s)" % (rel, sqlalchemy.__version__))
        for case_name, entries in items().items():
            for golden, stmt, claim in entries:
                try:
                    theirs = compile_text(stmt)
                except Exception as err:  # noqa: BLE001 - reported, not hidden
                    theirs = "!%s: %s" % (type(err).__name__, str(err).splitlines()[0])
                composed = golden.startswith("~")  # built in C++ from several literals
                golden = golden.lstrip("~")
                flat = " ".join(golden.split()).replace("( ", "(").replace(" )", ")")  # DDL's \n\t as spaces
                same = theirs == flat
                if not composed and golden not in strings:
                    print("ERROR   %s: golden string not in the C++ file (stale copy): %s" % (case_name, golden))
                    bad += 1
                if claim.startswith(SAME) and not same:
                    print("ERROR   %s: claimed identical\n  Athanor:    %s\n  SQLAlchemy: %s" % (case_name, golden, theirs))
                    bad += 1
                elif not claim.startswith(SAME) and same:
                    print("ERROR   %s: claimed to differ ('%s') but is identical: %s" % (case_name, claim, golden))
                    bad += 1
                elif same:
                    print("same    %s: %s" % (case_name, golden))
                else:
                    print("differs %s (%s)\n  Athanor:    %s\n  SQLAlchemy: %s" % (case_name, claim, golden, theirs))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
