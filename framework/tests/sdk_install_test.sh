#!/usr/bin/env bash
# Installs the build tree into a temporary prefix, builds sdk/template there as a third party
# would (find_package(Athanor)), and checks that the installed `athanor` finds both the
# installed sqlite plugin (relative to the installed libathanor) and the out-of-tree plugin.
set -euo pipefail
build="$1"; src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$src/sdk/template" -B "$work/template" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/template" >/dev/null
out="$(env -u ATHANOR_PLUGIN_PATH ATHANOR_PLUGIN_PATH="$work/template" "$work/prefix/bin/athanor" dialects)"
echo "$out"
grep -q "template" <<<"$out" || { echo "FAIL: out-of-tree template plugin not listed"; exit 1; }
grep -q "$work/prefix/lib/athanor/dialects/libathanor_dialect_sqlite.so" <<<"$out" ||
  { echo "FAIL: installed sqlite plugin not found beside the installed libathanor"; exit 1; }
test -f "$work/prefix/include/athanor/sdk/plugin.hpp" || { echo "FAIL: SDK headers not installed"; exit 1; }
out="$("$work/prefix/bin/athanor" sql "sqlite://" "SELECT 40 + 2 AS answer")"
echo "$out"
grep -q "42" <<<"$out" || { echo "FAIL: installed athanor could not run SQL on sqlite"; exit 1; }
echo "sdk_install_test: OK"
