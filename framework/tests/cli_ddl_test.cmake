# cli_ddl_test.cmake — `athanor ddl` end to end, in script mode:
#   cmake -DATHANOR=<athanor> -DWORK_DIR=<folder> -DEXPECTED=<file> -DPART=translate|postgresql -P cli_ddl_test.cmake
#
# translate: a SQLite file made here is printed as PostgreSQL DDL from the database (--from URL),
# from `athanor reflect --json` output in a file (--from FILE) and on standard input; the three
# must equal EXPECTED exactly, and print every statement ending in ';'.
# postgresql (needs ATHANOR_TEST_PG_URL, else prints SKIPPED, which CTest reports as skipped):
# the same DDL is executed statement by statement on the test server, which must accept each,
# and `athanor reflect` there shows the tables; then a PostgreSQL schema the SQLite dialect
# cannot render (a covering index) is refused with exit 1 and nothing on standard output.
foreach(var ATHANOR WORK_DIR EXPECTED PART)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "cli_ddl_test.cmake: -D${var}=... is required")
  endif()
endforeach()

# run(<out-var> <expected exit> args...): runs athanor, fails unless it exits as expected.
function(run out_var expected_exit)
  execute_process(COMMAND ${ATHANOR} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT "${rc}" STREQUAL "${expected_exit}")
    message(FATAL_ERROR "athanor ${ARGN}: exit ${rc}, expected ${expected_exit}\n${out}\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
  set(${out_var}_err "${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(db "${WORK_DIR}/app.db")
run(_ 0 sql sqlite:///${db} "CREATE TABLE cli_ddl_users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL UNIQUE, active BOOLEAN DEFAULT TRUE, born DATE)")
run(_ 0 sql sqlite:///${db} "CREATE TABLE cli_ddl_addresses (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES cli_ddl_users (id) ON DELETE CASCADE, email VARCHAR(100) NOT NULL, score NUMERIC(10, 2), CONSTRAINT ck_email CHECK (length(email) > 3))")
run(_ 0 sql sqlite:///${db} "CREATE INDEX ix_cli_ddl_addresses_email ON cli_ddl_addresses (email)")

run(from_db 0 ddl --from sqlite:///${db} --to postgresql)
file(READ "${EXPECTED}" expected)
if(NOT from_db STREQUAL expected)
  message(FATAL_ERROR "athanor ddl --from sqlite --to postgresql printed\n${from_db}\nexpected\n${expected}")
endif()

if(PART STREQUAL "translate")
  run(json 0 reflect --json sqlite:///${db})
  file(WRITE "${WORK_DIR}/schema.json" "${json}")
  run(from_file 0 ddl --to postgresql --from "${WORK_DIR}/schema.json")
  if(NOT from_file STREQUAL expected)
    message(FATAL_ERROR "from the JSON file:\n${from_file}\nexpected\n${expected}")
  endif()
  execute_process(COMMAND ${ATHANOR} ddl --to postgresql INPUT_FILE "${WORK_DIR}/schema.json"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE from_stdin ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT from_stdin STREQUAL expected)
    message(FATAL_ERROR "from standard input (exit ${rc}):\n${from_stdin}\n${err}\nexpected\n${expected}")
  endif()
  return()
endif()

if(NOT "$ENV{ATHANOR_TEST_PG_URL}" STREQUAL "")
  set(pg "$ENV{ATHANOR_TEST_PG_URL}")
else()
  message("SKIPPED: ATHANOR_TEST_PG_URL is not set; start a server with scripts/pg-test-cluster start")
  return()
endif()
run(_ 0 sql ${pg} "DROP TABLE IF EXISTS cli_ddl_addresses, cli_ddl_users")
# Each printed statement ends in ";\n" at the end of a line.
string(ASCII 31 separator)
string(REPLACE ";\n" "${separator}" statements "${from_db}")
string(REPLACE ";" "\\;" statements "${statements}")
string(REPLACE "${separator}" ";" statements "${statements}")
set(count 0)
foreach(statement IN LISTS statements)
  string(REPLACE "\\;" ";" statement "${statement}")
  string(STRIP "${statement}" statement)
  if(statement STREQUAL "")
    continue()
  endif()
  run(_ 0 sql ${pg} "${statement}")
  math(EXPR count "${count} + 1")
endforeach()
if(NOT count EQUAL 3)
  message(FATAL_ERROR "expected 3 statements, ran ${count}")
endif()
run(listing 0 reflect ${pg})
foreach(pattern "table cli_ddl_addresses\n  id integer \\[INTEGER\\] NOT NULL DEFAULT nextval"
                "FOREIGN KEY [^\n]*\\(user_id\\) REFERENCES cli_ddl_users \\(id\\) ON DELETE CASCADE"
                "CHECK ck_email \\(length\\([(]?email[)]?::text\\) > 3\\)"
                "INDEX ix_cli_ddl_addresses_email \\(email\\)"
                "  active boolean \\[BOOLEAN\\] DEFAULT true\n")
  if(NOT listing MATCHES "${pattern}")
    message(FATAL_ERROR "athanor reflect on PostgreSQL does not show ${pattern}:\n${listing}")
  endif()
endforeach()
run(_ 0 sql ${pg} "INSERT INTO cli_ddl_users (name) VALUES ('ann')")
run(rows 0 sql ${pg} "SELECT id, name, active FROM cli_ddl_users")
if(NOT rows MATCHES "\\| +1 +\\| ann +\\| true +\\|")
  message(FATAL_ERROR "the SERIAL key and the default did not apply:\n${rows}")
endif()
run(_ 0 sql ${pg} "DROP TABLE cli_ddl_addresses, cli_ddl_users")

# From PostgreSQL to SQLite: a covering index is a CompileError; nothing but the error is printed.
run(_ 0 sql ${pg} "DROP SCHEMA IF EXISTS cli_ddl CASCADE")
run(_ 0 sql ${pg} "CREATE SCHEMA cli_ddl")
run(_ 0 sql ${pg} "CREATE TABLE cli_ddl.t (id INTEGER PRIMARY KEY, name TEXT)")
run(_ 0 sql ${pg} "CREATE INDEX ix_covering ON cli_ddl.t (name) INCLUDE (id)")
run(refused 1 ddl --from ${pg} --schema cli_ddl --to sqlite)
run(_ 0 sql ${pg} "DROP SCHEMA cli_ddl CASCADE")
if(NOT refused STREQUAL "")
  message(FATAL_ERROR "a refused translation printed on standard output:\n${refused}")
endif()
if(NOT refused_err MATCHES "athanor: error: INCLUDE columns on an index \\(Index 'ix_covering'\\) is not supported by dialect sqlite")
  message(FATAL_ERROR "unexpected error message:\n${refused_err}")
endif()
