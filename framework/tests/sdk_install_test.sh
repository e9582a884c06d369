#!/usr/bin/env bash
# Installs the build tree into a temporary prefix, builds sdk/template there as a third party
# would (find_package(Athanor)), and checks that the installed `athanor` lists both the
# installed sqlite plugin (found relative to the installed libathanor) and the out-of-tree
# template plugin as loaded ("[ok]", at the expected path, no error), and runs SQL on sqlite.
#
# Usage: sdk_install_test.sh BUILD_DIR SOURCE_DIR [CXX_FLAGS [LINK_FLAGS [BUILD_TYPE [CXX]]]]
# CXX_FLAGS / LINK_FLAGS are the flags the build compiled and linked everything with (CMake
# passes CMAKE_CXX_FLAGS plus the directory's compile and link options: the sanitizers of
# ATHANOR_SANITIZE / ATHANOR_TSAN), so the template plugin is built the way the rest is.
set -euo pipefail
build="$1"; src="$2"
cxx_flags="${3:-}"; link_flags="${4:-}"; build_type="${5:-}"; cxx="${6:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
configure=(-S "$src/sdk/template" -B "$work/template" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix"
           -DCMAKE_CXX_FLAGS="$cxx_flags" -DCMAKE_SHARED_LINKER_FLAGS="$link_flags"
           -DCMAKE_MODULE_LINKER_FLAGS="$link_flags")
[ -n "$build_type" ] && configure+=(-DCMAKE_BUILD_TYPE="$build_type")
[ -n "$cxx" ] && configure+=(-DCMAKE_CXX_COMPILER="$cxx")
cmake "${configure[@]}" >/dev/null
cmake --build "$work/template" >/dev/null
template_so="$work/template/libathanor_dialect_template.so"
test -f "$template_so" || fail "the template build produced no $template_so"
# The sanitizer flags reached the template: its library links the sanitizer runtime.
case " $link_flags " in
  *-fsanitize=address*) ldd "$template_so" | grep -q "libasan" ||
    fail "the template plugin was built without AddressSanitizer (flags: $cxx_flags)" ;;
esac
case " $link_flags " in
  *-fsanitize=thread*) ldd "$template_so" | grep -q "libtsan" ||
    fail "the template plugin was built without ThreadSanitizer (flags: $cxx_flags)" ;;
esac

out="$(env -u ATHANOR_PLUGIN_PATH ATHANOR_PLUGIN_PATH="$work/template" "$work/prefix/bin/athanor" dialects)"
echo "$out"
# One plugin's block of `athanor dialects`: from its title line to the next blank line.
block() { awk -v re="$1" '$0 ~ re {on = 1} on && $0 == "" {exit} on {print}' <<<"$out"; }
expect_loaded() {  # NAME VERSION-REGEX PATH
  local b
  b="$(block "^$1 ")"
  [ -n "$b" ] || fail "$1 plugin not listed"
  head -n1 <<<"$b" | grep -qE "^$1 $2  \[ok\]\$" || fail "$1 plugin not loaded:
$b"
  grep -qxF "  path:         $3" <<<"$b" || fail "$1 plugin is not the one at $3:
$b"
  if grep -q "^  error:" <<<"$b"; then fail "$1 plugin was refused:
$b"; fi
}
expect_loaded template '0\.1\.0' "$template_so"
expect_loaded sqlite '[0-9][0-9.]*' "$work/prefix/lib/athanor/dialects/libathanor_dialect_sqlite.so"
test -f "$work/prefix/include/athanor/sdk/plugin.hpp" || fail "SDK headers not installed"

out="$("$work/prefix/bin/athanor" sql "sqlite://" "SELECT 40 + 2 AS answer")"
echo "$out"
expected='+--------+
| answer |
+--------+
|     42 |
+--------+
(1 row)'
[ "$out" = "$expected" ] || fail "installed athanor printed, for SELECT 40 + 2 AS answer on sqlite:
$out
expected:
$expected"
echo "sdk_install_test: OK"
