#!/usr/bin/python3
"""Keeps the coverage table of docs/conformance.md equal to what the code computes.

  conformance/tools/coverage_doc.py ATHANOR_CONFORMANCE DOC [--update]

Runs `ATHANOR_CONFORMANCE --coverage` and compares its output with the text between the lines
`<!-- coverage:begin -->` and `<!-- coverage:end -->` of DOC. Exit status 1, with a diff, when
they differ (or when --coverage itself fails); --update rewrites that part of DOC instead.
"""
import difflib
import subprocess
import sys

BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    exe, doc, update = argv[1], argv[2], "--update" in argv[3:]
    run = subprocess.run([exe, "--coverage"], capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        return 1
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        print("%s has no %s ... %s section" % (doc, BEGIN, END), file=sys.stderr)
        return 1
    head, rest = text.split(BEGIN, 1)
    current, tail = rest.split(END, 1)
    wanted = "\n" + run.stdout
    if current == wanted:
        return 0
    if update:
        with open(doc, "w", encoding="utf-8") as f:
            f.write(head + BEGIN + wanted + END + tail)
        print("updated the coverage section of %s" % doc)
        return 0
    sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), wanted.splitlines(True),
                                               "%s (coverage section)" % doc, "athanor-conformance --coverage"))
    print("\nthe coverage section of %s is stale: run conformance/tools/coverage_doc.py %s %s --update"
          % (doc, exe, doc), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
