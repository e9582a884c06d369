#!/usr/bin/env bash
# Runs athanor-conformance against the URL held in environment variable URL-VAR and writes
# the JSON report as NAME.json; used by CTest, one test per URL.
#   run-conformance.sh URL-VAR NAME [extra athanor-conformance args]
# Exits 77 (CTest SKIP_RETURN_CODE) with "SKIPPED: URL-VAR not set" when the variable is empty.
# postgresql+odbc: when ATHANOR_TEST_PG_ODBC_URL is unset it is derived from
# ATHANOR_TEST_PG_URL (scheme replaced: postgresql+odbc://user:pw@host:port/db). Both PostgreSQL
# runs use ATHANOR_TEST_PG_CONFORMANCE_URL instead of ATHANOR_TEST_PG_URL when it is set.
set -uo pipefail
var="${1:?usage: run-conformance.sh URL-VAR NAME}"
name="${2:?usage: run-conformance.sh URL-VAR NAME}"
shift 2
reports="${ATHANOR_CONFORMANCE_REPORTS:-.}"
rm -f "$reports/$name.json"  # no stale report from an earlier run in the matrix
# The suite reflects whole schemas, so on the shared test server it uses a database of its own
# when scripts/with-test-servers provides one (ATHANOR_TEST_PG_CONFORMANCE_URL).
if [[ -n "${ATHANOR_TEST_PG_CONFORMANCE_URL:-}" && ( "$var" == ATHANOR_TEST_PG_URL || "$var" == ATHANOR_TEST_PG_ODBC_URL ) ]]; then
  export ATHANOR_TEST_PG_URL="$ATHANOR_TEST_PG_CONFORMANCE_URL"
fi
if [[ "$var" == ATHANOR_TEST_PG_ODBC_URL && -z "${ATHANOR_TEST_PG_ODBC_URL:-}" && -n "${ATHANOR_TEST_PG_URL:-}" ]]; then
  # The postgresql_odbc plugin finds psqlodbcw.so itself; ATHANOR_TEST_PSQLODBC_DRIVER names
  # another driver file (added as ?driver=).
  rest="${ATHANOR_TEST_PG_URL#*://}"
  if [[ -n "${ATHANOR_TEST_PSQLODBC_DRIVER:-}" ]]; then
    sep='?'; [[ "$rest" == *\?* ]] && sep='&'
    rest="${rest}${sep}driver=${ATHANOR_TEST_PSQLODBC_DRIVER}"
  elif [[ ! -e /usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so ]]; then
    echo "SKIPPED: psqlODBC driver psqlodbcw.so not installed"; exit 77
  fi
  export ATHANOR_TEST_PG_ODBC_URL="postgresql+odbc://${rest}"
fi
url="${!var:-}"
if [[ -z "$url" ]]; then
  if [[ "$var" == ATHANOR_TEST_PG_ODBC_URL ]]; then
    echo "SKIPPED: ATHANOR_TEST_PG_URL not set (postgresql+odbc is derived from it)"
  else
    echo "SKIPPED: $var not set"
  fi
  exit 77
fi
bin="${ATHANOR_CONFORMANCE_BIN:-athanor-conformance}"
mkdir -p "$reports"
# A fresh file database each time for file URLs of SQLite.
case "$url" in
  sqlite:///*|sqlite+*:///*) db="${url#*:///}"; db="${db%%\?*}"; [[ "$db" != ":memory:" && -n "$db" ]] && rm -f "$db" ;;
esac
exec "$bin" --url "$url" --report-json "$reports/$name.json" "$@" -- --report_level=short
