#!/usr/bin/python3
"""Holds the plugin ABI to its version number.

A plugin is a shared object built against one SDK ABI version (ATHANOR_SDK_ABI_VERSION); the
loader refuses a plugin of another version. That promise only holds if every change to what a
built plugin depends on bumps the version. What it depends on, recorded in surface.txt:
  - the virtual functions, in declaration order, of each class a plugin subclasses (their
    vtable layout), read from the headers;
  - the size and alignment of those classes and of the types passed across the boundary
    (printed by print_layout, built with this libathanor's headers).

  check_abi.py PRINT_LAYOUT_EXE            # CTest sdk_abi_surface: 1 when surface.txt disagrees
  check_abi.py PRINT_LAYOUT_EXE --update   # rewrite surface.txt (after bumping the version)

A difference with the same version number means the ABI changed without a bump: bump
ATHANOR_SDK_ABI_VERSION in sdk/include/athanor/sdk/plugin.hpp and sdk/cmake/AthanorPlugin.cmake,
then --update. A bumped version with an old surface.txt asks for --update too, so the file
always describes the current version.
"""
import difflib
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SURFACE = os.path.join(HERE, "surface.txt")
# Headers of the classes plugins subclass; their virtual functions are the vtables plugins use.
HEADERS = [
    "sdk/include/athanor/sdk/dialect.hpp",
    "sdk/include/athanor/sdk/driver.hpp",
    "sdk/include/athanor/sdk/reflector.hpp",
    "framework/include/athanor/sql/compiler.hpp",
    "framework/include/athanor/sql/ddl_compiler.hpp",
    "framework/include/athanor/sql/type_compiler.hpp",
    "framework/include/athanor/sql/identifier_preparer.hpp",
]


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def virtuals(path):
    """(class, declaration) for every virtual function, in order, comments and spacing removed."""
    text = strip_comments(open(os.path.join(ROOT, path)).read())
    out = []
    depth, current = 0, []
    i = 0
    token = re.compile(r"\b(class|struct)\s+(?:ATHANOR_API\s+)?(\w+)[^;{]*\{|\{|\}|\bvirtual\b")
    while True:
        m = token.search(text, i)
        if not m:
            break
        if m.group(0) == "{":
            depth += 1
            current.append(None)
        elif m.group(0) == "}":
            depth -= 1
            if current:
                current.pop()
        elif m.group(0) == "virtual":
            end = min(p for p in (text.find(";", m.end()), text.find("{", m.end())) if p >= 0)
            decl = " ".join(text[m.start():end].split())
            owner = next((c for c in reversed(current) if c), "?")
            out.append("virtual %s: %s" % (owner, decl))
            i = end
            continue
        else:
            depth += 1
            current.append(m.group(2))
        i = m.end()
    return out


def abi_version():
    header = open(os.path.join(ROOT, "sdk/include/athanor/sdk/plugin.hpp")).read()
    cmake = open(os.path.join(ROOT, "sdk/cmake/AthanorPlugin.cmake")).read()
    h = re.search(r"#define ATHANOR_SDK_ABI_VERSION (\d+)", header).group(1)
    c = re.search(r"set\(ATHANOR_SDK_ABI_VERSION (\d+)\)", cmake).group(1)
    if h != c:
        sys.exit("check_abi: plugin.hpp says ABI %s, AthanorPlugin.cmake says %s; they must agree" % (h, c))
    return h


def surface(print_layout):
    lines = ["sdk_abi " + abi_version()]
    for h in HEADERS:
        lines += virtuals(h)
    layout = subprocess.run([print_layout], check=True, stdout=subprocess.PIPE, text=True).stdout
    lines += [l for l in layout.splitlines() if l.startswith("layout ")]
    return lines


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    now = surface(sys.argv[1])
    if "--update" in sys.argv[2:]:
        with open(SURFACE, "w") as f:
            f.write("# The plugin ABI of SDK version %s (sdk/abi/check_abi.py --update writes it).\n" % now[0].split()[1])
            f.write("\n".join(now) + "\n")
        print("check_abi: wrote %s (%d lines)" % (SURFACE, len(now)))
        return 0
    recorded = [l for l in open(SURFACE).read().splitlines() if l and not l.startswith("#")]
    if recorded == now:
        print("check_abi: the plugin ABI matches SDK ABI %s (%d virtual functions and layouts)" % (now[0].split()[1], len(now) - 1))
        return 0
    diff = "\n".join(difflib.unified_diff(recorded, now, "surface.txt", "this build", lineterm="", n=0))
    if recorded and recorded[0] == now[0]:
        print("check_abi: the plugin ABI changed but ATHANOR_SDK_ABI_VERSION did not: plugins built against "
              "the recorded ABI would load and misbehave. Bump it in sdk/include/athanor/sdk/plugin.hpp and "
              "sdk/cmake/AthanorPlugin.cmake, then run sdk/abi/check_abi.py <print_layout> --update.\n" + diff)
    else:
        print("check_abi: ATHANOR_SDK_ABI_VERSION is %s but surface.txt records %s: run sdk/abi/check_abi.py "
              "<print_layout> --update.\n" % (now[0].split()[1], recorded[0] if recorded else "nothing") + diff)
    return 1


if __name__ == "__main__":
    sys.exit(main())
