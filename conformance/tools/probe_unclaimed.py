#!/usr/bin/python3
"""Finds the capabilities a plugin leaves unclaimed although it passes their cases.

A case gated by CF_REQUIRES is skipped when the plugin's manifest does not claim a flag it
needs, so a plugin that could pass it never shows that it does. This tool runs the suite once
as it is, then, for every flag that is the only closed requirement of some skipped cases, runs
exactly those cases again with `--assume FLAG`:

  conformance/tools/probe_unclaimed.py NAME URL-VAR [--allow FILE] [--work DIR]

NAME and URL-VAR are run-conformance.sh's (the URL is taken from that environment variable,
PostgreSQL URLs as that script derives them; 77 = skipped when it is unset). A flag all of
whose cases pass is reported as claimable and the exit status is 1, unless the allow file
lists it with the reason the plugin leaves it unclaimed anyway (lines `flag  reason`, `#`
comments). Flags whose probed cases fail are what the plugin rightly does not claim; they are
listed with the first failure. Derived requirements (the pool's independent connections) and
cases closed by two or more flags are not probed.

Environment: ATHANOR_CONFORMANCE_BIN (the runner), as for run-conformance.sh.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(os.path.dirname(HERE), "run-conformance.sh")
PREFIX = "requirement closed: "


def run(name, var, reports, extra):
    env = dict(os.environ, ATHANOR_CONFORMANCE_REPORTS=reports)
    proc = subprocess.run([RUNNER, var, name] + extra, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    if proc.returncode == 77:
        print(proc.stdout.strip())
        sys.exit(77)
    path = os.path.join(reports, name + ".json")
    if not os.path.exists(path):
        sys.stderr.write(proc.stdout)
        sys.exit("probe_unclaimed: the run wrote no report (%s)" % path)
    with open(path) as f:
        return json.load(f)


def closed_flags(test):
    """The manifest flags that closed a skipped case, or None when something else closed it."""
    reason = test.get("reason", "")
    at = reason.find(PREFIX)
    if test["status"] != "skipped" or at < 0:
        return None
    flags = [f.strip() for f in reason[at + len(PREFIX):].split(",")]
    if any(" " in f for f in flags):  # a derived requirement explains itself in words
        return None
    return flags


def read_allow(path):
    allowed = {}
    if not path:
        return allowed
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                flag, _, reason = line.partition(" ")
                allowed[flag] = reason.strip()
    return allowed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name")
    parser.add_argument("url_var")
    parser.add_argument("--allow", help="flags left unclaimed on purpose, with the reason")
    parser.add_argument("--work", help="folder for the reports (default: a temporary one)")
    args = parser.parse_args()
    allowed = read_allow(args.allow)
    work = args.work or tempfile.mkdtemp(prefix="athanor-probe-")
    os.makedirs(work, exist_ok=True)

    base = run("probe-" + args.name, args.url_var, work, [])
    by_flag = {}
    for test in base["tests"]:
        flags = closed_flags(test)
        if flags and len(flags) == 1:
            by_flag.setdefault(flags[0], []).append(test["suite"] + "/" + test["name"])

    claimable, refused = {}, {}
    for flag, cases in sorted(by_flag.items()):
        selection = ["--run_test=" + c for c in cases]
        report = run("probe-" + args.name + "-" + flag, args.url_var, work, ["--assume", flag, "--"] + selection)
        results = {t["suite"] + "/" + t["name"]: t for t in report["tests"]}
        outcome = [results.get(c) for c in cases]
        failed = [t for t in outcome if t is None or t["status"] != "passed"]
        if failed:
            first = failed[0]
            refused[flag] = (len(cases) - len(failed), len(cases),
                             "not run" if first is None else first["suite"] + "/" + first["name"] + ": " + first["reason"])
        else:
            claimable[flag] = len(cases)

    print("probe of %s (%s): %d unclaimed flags close cases on their own" % (args.name, base["url"], len(by_flag)))
    for flag, (passed, total, why) in sorted(refused.items()):
        print("  unclaimed, rightly: %-45s %d/%d pass; %s" % (flag, passed, total, why.splitlines()[0][:160]))
    errors = []
    for flag, total in sorted(claimable.items()):
        if flag in allowed:
            print("  unclaimed on purpose: %-42s %d/%d pass; %s" % (flag, total, total, allowed[flag]))
        else:
            print("  CLAIMABLE: %-53s %d/%d pass" % (flag, total, total))
            errors.append(flag)
    stale = sorted(f for f in allowed if f not in claimable)
    for flag in stale:
        print("  allow-list entry no longer needed (its cases do not all pass, or none is closed by it alone): " + flag)
    if errors:
        print("%d capabilities pass every case but are not claimed: add them to the plugin's CAPABILITIES, "
              "or list them with the reason in %s" % (len(errors), args.allow or "an --allow file"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
