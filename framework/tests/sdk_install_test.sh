#!/usr/bin/env bash
# What a third-party plugin author gets from `cmake --install`, used with nothing but the
# installed prefix: installs the build tree into a temporary prefix, copies the installed
# template (<prefix>/share/athanor/sdk/template) and the installed full example
# (<prefix>/share/athanor/sdk/examples/sqlite_example) out of it as an author would, builds both
# against the prefix with find_package(Athanor), and checks that
# - each builds, loads in the installed `athanor` from its build folder (ATHANOR_PLUGIN_PATH)
#   and, after `cmake --install` with no prefix of its own, from <prefix>/lib/athanor/dialects
#   ("[ok]", at the expected path, no error), and answers a query;
# - the installed sqlite plugin still loads (found relative to the installed libathanor);
# - the installed athanor-conformance, run on the installed example, reads the installed
#   compile corpora and passes (exit 0; the compile group ran).
#
# Usage: sdk_install_test.sh BUILD_DIR SOURCE_DIR [CXX_FLAGS [LINK_FLAGS [BUILD_TYPE [CXX]]]]
# SOURCE_DIR is not read: nothing here may come from the source tree.
# CXX_FLAGS / LINK_FLAGS are the flags the build compiled and linked everything with (CMake
# passes CMAKE_CXX_FLAGS plus the directory's compile and link options: the sanitizers of
# ATHANOR_SANITIZE / ATHANOR_TSAN), so the plugins are built the way the rest is.
set -euo pipefail
build="$1"
cxx_flags="${3:-}"; link_flags="${4:-}"; build_type="${5:-}"; cxx="${6:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
prefix="$work/prefix"
plugins="$prefix/lib/athanor/dialects"
unset ATHANOR_PLUGIN_PATH ATHANOR_CONFORMANCE_COMPILE_DIR

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in include/athanor/sdk/plugin.hpp share/athanor/sdk/template/CMakeLists.txt \
         share/athanor/sdk/template/README.md share/athanor/sdk/examples/sqlite_example/CMakeLists.txt \
         share/athanor/sdk/examples/sqlite_example/sqlite_dialect.cpp \
         share/athanor/conformance/compile/sqlite/corpus.txt share/athanor/conformance/tools/sqlalchemy_reference.py \
         share/doc/athanor/plugin-guide.md; do
  test -f "$prefix/$f" || fail "$f is not installed"
done

# build_plugin NAME FROM [DIR [CMAKE ARGS...]]: copies <prefix>/share/athanor/sdk/FROM to
# $work/DIR-src (DIR defaults to NAME) and builds libathanor_dialect_NAME.so in $work/DIR.
build_plugin() {
  local name="$1" from="$2" dir="${3:-$1}"
  shift 2; shift $(( $# > 0 ? 1 : 0 ))
  cp -r "$prefix/share/athanor/sdk/$from" "$work/$dir-src"
  local configure=(-S "$work/$dir-src" -B "$work/$dir" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" "$@"
                   -DCMAKE_CXX_FLAGS="$cxx_flags" -DCMAKE_SHARED_LINKER_FLAGS="$link_flags"
                   -DCMAKE_MODULE_LINKER_FLAGS="$link_flags")
  [ -n "$build_type" ] && configure+=(-DCMAKE_BUILD_TYPE="$build_type")
  [ -n "$cxx" ] && configure+=(-DCMAKE_CXX_COMPILER="$cxx")
  if command -v ccache >/dev/null; then
    configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="$work" CCACHE_NOHASHDIR=1
  fi
  cmake "${configure[@]}" >"$work/$dir.log" 2>&1 || { cat "$work/$dir.log"; fail "configuring $from failed"; }
  cmake --build "$work/$dir" >>"$work/$dir.log" 2>&1 || { cat "$work/$dir.log"; fail "building $from failed"; }
  local so="$work/$dir/libathanor_dialect_$name.so"
  test -f "$so" || fail "the $from build produced no $so"
  # The sanitizer flags reached the plugin: it is instrumented, so it links the sanitizer
  # runtime (GCC) or leaves the runtime's symbols to the loading program (Clang).
  local linked undefined
  linked="$(ldd "$so")"
  undefined="$(nm -D --undefined-only "$so")"
  case " $link_flags " in
    *-fsanitize=address*) { grep -q "libasan" <<<"$linked" || grep -q "__asan_" <<<"$undefined"; } ||
      fail "the $name plugin was built without AddressSanitizer (flags: $cxx_flags)" ;;
  esac
  case " $link_flags " in
    *-fsanitize=thread*) { grep -q "libtsan" <<<"$linked" || grep -q "__tsan_" <<<"$undefined"; } ||
      fail "the $name plugin was built without ThreadSanitizer (flags: $cxx_flags)" ;;
  esac
}

# One plugin's block of `athanor dialects` output: from its title line to the next blank line.
block() { awk -v re="$1" '$0 ~ re {on = 1} on && $0 == "" {exit} on {print}' <<<"$out"; }
expect_loaded() {  # NAME VERSION-REGEX PATH
  local b
  b="$(block "^$1 ")"
  [ -n "$b" ] || fail "$1 plugin not listed:
$out"
  head -n1 <<<"$b" | grep -qE "^$1 $2  \[ok\]\$" || fail "$1 plugin not loaded:
$b"
  grep -qxF "  path:         $3" <<<"$b" || fail "$1 plugin is not the one at $3:
$b"
  if grep -q "^  error:" <<<"$b"; then fail "$1 plugin was refused:
$b"; fi
}
expect_output() {  # WHAT EXPECTED ACTUAL
  [ "$3" = "$2" ] || fail "$1 printed:
$3
expected:
$2"
}

# ---- the template: an echo driver --------------------------------------------------------------
build_plugin template template
out="$(ATHANOR_PLUGIN_PATH="$work/template" "$prefix/bin/athanor" dialects)"
echo "$out"
expect_loaded template '0\.1\.0' "$work/template/libathanor_dialect_template.so"
expect_loaded sqlite '[0-9][0-9.]*' "$plugins/libathanor_dialect_sqlite.so"
echo_query="SELECT 42 AS answer, 'it''s' AS word, 2.50 AS price, NULL AS nothing, :p AS param"
out="$(ATHANOR_PLUGIN_PATH="$work/template" "$prefix/bin/athanor" sql --param p=7 "template://" "$echo_query")"
echo "$out"
expect_output "the template plugin, for $echo_query," '+--------+------+-------+---------+-------+
| answer | word | price | nothing | param |
+--------+------+-------+---------+-------+
|     42 | it'"'"'s |  2.50 | NULL    |     7 |
+--------+------+-------+---------+-------+
(1 row)' "$out"
if out="$(ATHANOR_PLUGIN_PATH="$work/template" "$prefix/bin/athanor" sql "template+echo://" "CREATE TABLE t (x INT)" 2>&1)"; then
  fail "the template's echo driver accepted CREATE TABLE: $out"
fi
grep -q "echo: expected SELECT at offset 0 (the template driver answers only SELECT <literal>" <<<"$out" || fail "the echo driver's refusal is unclear:
$out"
cmake --install "$work/template" >/dev/null
out="$("$prefix/bin/athanor" dialects)"
expect_loaded template '0\.1\.0' "$plugins/libathanor_dialect_template.so"
test -f "$plugins/libathanor_dialect_template.json" || fail "the template's manifest was not installed"

# ---- the full example: the sqlite plugin's sources as sqlite_example ---------------------------
build_plugin sqlite_example examples/sqlite_example
out="$(ATHANOR_PLUGIN_PATH="$work/sqlite_example" "$prefix/bin/athanor" dialects)"
expect_loaded sqlite_example '0\.1\.0' "$work/sqlite_example/libathanor_dialect_sqlite_example.so"
cmake --install "$work/sqlite_example" >/dev/null
out="$("$prefix/bin/athanor" dialects)"
echo "$out"
expect_loaded sqlite_example '0\.1\.0' "$plugins/libathanor_dialect_sqlite_example.so"
expect_loaded template '0\.1\.0' "$plugins/libathanor_dialect_template.so"
expect_loaded sqlite '[0-9][0-9.]*' "$plugins/libathanor_dialect_sqlite.so"
for scheme in sqlite sqliteexample; do
  out="$("$prefix/bin/athanor" sql "$scheme://" "SELECT 40 + 2 AS answer")"
  echo "$out"
  expect_output "installed athanor, for SELECT 40 + 2 AS answer on $scheme://," '+--------+
| answer |
+--------+
|     42 |
+--------+
(1 row)' "$out"
done

# ---- the installed conformance suite on the installed example ----------------------------------
# It must read the installed corpora (found from the executable), and the example, a correct
# plugin, must pass: a case the library and the suite disagree on fails here.
conform() {  # WHAT [athanor-conformance args]: runs the installed suite on sqliteexample://, must pass
  local what="$1" status=0
  shift
  report="$work/conformance.json"
  out="$("$prefix/bin/athanor-conformance" "$@" --url sqliteexample:// --report-json "$report" \
           -- --report_level=short 2>&1)" || status=$?
  echo "$out" | tail -n 6
  grep -qxF "athanor-conformance: compile corpora $prefix/share/athanor/conformance/compile (installed)" <<<"$out" ||
    fail "the installed athanor-conformance did not read the installed compile corpora:
$(head -n 3 <<<"$out")"
  [ "$status" -eq 0 ] || fail "$what failed the installed conformance suite (exit $status):
$(grep -E 'error|fatal' <<<"$out" | head -n 40)"
  local compile_passed
  compile_passed="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["groups"]["compile"]["passed"])' "$report")"
  [ "$compile_passed" -gt 0 ] || fail "the compile group did not run on $what:
$(grep -A4 '"compile"' "$report")"
}
conform "the installed sqlite_example plugin"
# The same code claiming another honest set of capabilities: no *_executemany_returning (the
# engine then runs executemany with RETURNING row by row), and the flags the sqlite plugin leaves
# unclaimed though it passes them (an invalid EngineOptions::isolation_level, percent signs in
# names, ...). Where the suite expects what the library does not do, this run fails.
variant="$(python3 - "$plugins/libathanor_dialect_sqlite.json" <<'PY'
import json, sys
caps = [c for c in json.load(open(sys.argv[1]))["capabilities"] if not c.endswith("_executemany_returning")]
caps += ["get_isolation_level_values", "dialect_level_isolation_level_param", "percent_schema_names",
         "server_side_cursors", "datetime_literals"]
print(";".join(caps))
PY
)"
build_plugin sqlite_example examples/sqlite_example sqlite_variant -DSQLITE_EXAMPLE_CAPABILITIES="$variant"
conform "sqlite_example claiming other capabilities" --plugin "$work/sqlite_variant/libathanor_dialect_sqlite_example.so"
grep -q "plugin sqlite_example 0.1.0 ($work/sqlite_variant/" <<<"$out" ||
  fail "the conformance run did not use the variant plugin: $(head -n 1 <<<"$out")"
out="$(ATHANOR_CONFORMANCE_COMPILE_DIR="$work/no-corpora" "$prefix/bin/athanor-conformance" --url sqliteexample:// \
         -- --run_test=dialect/PingTest 2>&1)"
grep -qxF "athanor-conformance: compile corpora $work/no-corpora (ATHANOR_CONFORMANCE_COMPILE_DIR)" <<<"$out" ||
  fail "ATHANOR_CONFORMANCE_COMPILE_DIR did not choose the corpora:
$(head -n 3 <<<"$out")"
echo "sdk_install_test: OK"
