#!/usr/bin/python3
"""Writes the catalogue of SQLAlchemy's shared suite that `athanor-conformance --coverage` reads.

  conformance/tools/sa_suite_catalogue.py SQLALCHEMY_CHECKOUT [--tag TAG] [--update CATALOGUE]

SQLALCHEMY_CHECKOUT is a SQLAlchemy source tree (or git repository: with --tag the files are
read from that tag with `git show`). Every module lib/sqlalchemy/testing/suite/test_*.py is
parsed (never imported); each class pytest collects from it (the module's __all__ when it has
one, else every class whose name does not start with "_") contributes every test_* method it
defines or inherits from another class of the suite, once, in definition order. A class with
no test methods of its own or inherited is left out.

One line per method, `module::Class::method`, grouped by module; a line may carry a verdict
after two spaces:

  test_ddl.py::FutureTableDDLTest::test_create_table  !n/a <why it cannot apply to Athanor>
  test_results.py::ServerSideCursorsTest::test_conn_option  !gap <why it has no counterpart yet>

`!n/a` methods are left out of the applicable count; `!gap` ones count as applicable and
missing, and the reason is printed with them. --update CATALOGUE keeps the verdicts of an
existing catalogue for the methods that still exist and prints the result (to regenerate after
a SQLAlchemy release); without it the catalogue is printed with no verdicts.
"""
import ast
import os
import subprocess
import sys


def read_modules(root, tag):
    suite = "lib/sqlalchemy/testing/suite"
    if tag:
        names = subprocess.run(["git", "-C", root, "ls-tree", "--name-only", "%s:%s" % (tag, suite)],
                               check=True, capture_output=True, text=True).stdout.split()
        for n in sorted(names):
            if n.startswith("test_") and n.endswith(".py"):
                src = subprocess.run(["git", "-C", root, "show", "%s:%s/%s" % (tag, suite, n)],
                                     check=True, capture_output=True, text=True).stdout
                yield n, src
    else:
        folder = os.path.join(root, suite)
        for n in sorted(os.listdir(folder)):
            if n.startswith("test_") and n.endswith(".py"):
                with open(os.path.join(folder, n), encoding="utf-8") as f:
                    yield n, f.read()


def catalogue(modules):
    classes = {}
    collected = []
    for module, src in modules:
        tree = ast.parse(src)
        exported = None
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
                exported = [e.value for e in node.value.elts]
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                classes[node.name] = node
                if (node.name in exported) if exported is not None else not node.name.startswith("_"):
                    collected.append((module, node.name))

    def methods(name):
        node = classes[name]
        out = []
        for base in node.bases:
            b = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else None
            if b in classes:
                out += [m for m in methods(b) if m not in out]
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test_"):
                if item.name not in out:
                    out.append(item.name)
        return out

    for module, name in collected:
        for m in methods(name):
            yield "%s::%s::%s" % (module, name, m)


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(argv) >= 2 else 2
    root, tag, update = argv[1], None, None
    i = 2
    while i < len(argv):
        if argv[i] == "--tag":
            tag, i = argv[i + 1], i + 2
        elif argv[i] == "--update":
            update, i = argv[i + 1], i + 2
        else:
            print("sa_suite_catalogue.py: unknown argument %s" % argv[i], file=sys.stderr)
            return 2
    verdicts, header = {}, []
    if update:
        with open(update, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("#"):
                    if not verdicts:
                        header.append(line)
                    continue
                if "  !" in line:
                    name, verdict = line.split("  !", 1)
                    verdicts[name.strip()] = verdict
    for h in header:
        print(h)
    last = None
    for name in catalogue(read_modules(root, tag)):
        module = name.split("::")[0]
        if module != last:
            print("\n# %s" % module)
            last = module
        print(name + ("  !" + verdicts[name] if name in verdicts else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
