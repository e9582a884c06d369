# cli_tests.cmake — CTest tests for the `athanor` command-line tool.
#
# Included from framework/tests/CMakeLists.txt (after add_subdirectory(broken_plugins)):
#   include(${CMAKE_CURRENT_SOURCE_DIR}/cli_tests.cmake)
#
# The same file is also the checker those tests run, in script mode, because CTest's
# PASS_REGULAR_EXPRESSION passes when ANY pattern matches and cannot check the exit code:
#   cmake -DCOMMAND_0=athanor -DCOMMAND_1=dialects -DEXPECT_0=regex... [-DEXPECT_EXIT=2] -P cli_tests.cmake
# runs the command and fails unless its exit code is EXPECT_EXIT (default 0) and its
# combined stdout+stderr matches EVERY EXPECT_<n> and NO REJECT_<n>.

if(CMAKE_SCRIPT_MODE_FILE)
  set(command "")
  set(i 0)
  while(DEFINED COMMAND_${i})
    list(APPEND command "${COMMAND_${i}}")
    math(EXPR i "${i} + 1")
  endwhile()
  if(NOT DEFINED EXPECT_EXIT)
    set(EXPECT_EXIT 0)
  endif()
  execute_process(COMMAND ${command} RESULT_VARIABLE exit_code OUTPUT_VARIABLE output ERROR_VARIABLE output)
  message("${output}")
  if(NOT "${exit_code}" STREQUAL "${EXPECT_EXIT}")
    message(FATAL_ERROR "exit code was ${exit_code}, expected ${EXPECT_EXIT}")
  endif()
  set(i 0)
  while(DEFINED EXPECT_${i})
    if(NOT output MATCHES "${EXPECT_${i}}")
      message(FATAL_ERROR "output does not match: ${EXPECT_${i}}")
    endif()
    math(EXPR i "${i} + 1")
  endwhile()
  set(i 0)
  while(DEFINED REJECT_${i})
    if(output MATCHES "${REJECT_${i}}")
      message(FATAL_ERROR "output must not match: ${REJECT_${i}}")
    endif()
    math(EXPR i "${i} + 1")
  endwhile()
  return()
endif()

if(NOT DEFINED ATHANOR_CLI_TEST_BROKEN_DIR)
  set(ATHANOR_CLI_TEST_BROKEN_DIR ${CMAKE_CURRENT_BINARY_DIR}/broken_plugins)
endif()
set(_cli_checker ${CMAKE_CURRENT_LIST_FILE})

# athanor_cli_test(NAME name ARGS arg... EXPECT regex... [REJECT regex...] [EXIT code]
#                  [PLUGIN_PATH value] [COMMAND program arg...])
# COMMAND runs instead of athanor (e.g. under `script`); ARGS follow it. Arguments and
# patterns must not contain ';' (CMake list separator).
function(athanor_cli_test)
  cmake_parse_arguments(T "" "NAME;EXIT;PLUGIN_PATH" "ARGS;EXPECT;REJECT;COMMAND" ${ARGN})
  if(NOT T_COMMAND)
    set(T_COMMAND $<TARGET_FILE:athanor_cli>)
  endif()
  set(defines "")
  set(i 0)
  foreach(arg IN LISTS T_COMMAND)
    list(APPEND defines "-DCOMMAND_${i}=${arg}")
    math(EXPR i "${i} + 1")
  endforeach()
  foreach(arg IN LISTS T_ARGS)
    list(APPEND defines "-DCOMMAND_${i}=${arg}")
    math(EXPR i "${i} + 1")
  endforeach()
  set(i 0)
  foreach(pattern IN LISTS T_EXPECT)
    list(APPEND defines "-DEXPECT_${i}=${pattern}")
    math(EXPR i "${i} + 1")
  endforeach()
  set(i 0)
  foreach(pattern IN LISTS T_REJECT)
    list(APPEND defines "-DREJECT_${i}=${pattern}")
    math(EXPR i "${i} + 1")
  endforeach()
  if(DEFINED T_EXIT)
    list(APPEND defines -DEXPECT_EXIT=${T_EXIT})
  endif()
  add_test(NAME ${T_NAME} COMMAND ${CMAKE_COMMAND} ${defines} -P ${_cli_checker})
  set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "ATHANOR_PLUGIN_PATH=${T_PLUGIN_PATH}")
endfunction()

athanor_cli_test(NAME cli_help ARGS --help EXPECT "Usage:" "athanor .*dialects" "athanor .*sql .*URL STATEMENT")
athanor_cli_test(NAME cli_version ARGS --version EXPECT "^athanor [0-9]+\\.[0-9]+\\.[0-9]+ \\(plugin SDK ABI [0-9]+\\)")
athanor_cli_test(NAME cli_usage_error ARGS frobnicate EXIT 2 EXPECT "unknown command 'frobnicate'" "Usage:")
athanor_cli_test(NAME cli_sql_needs_two_arguments ARGS sql sqlite:// EXIT 2 EXPECT "needs exactly two arguments")

# Every broken plugin folder on ATHANOR_PLUGIN_PATH: the good one is listed in full, each bad
# one with the reason it cannot be used.
set(_cases good abi_mismatch not_shared_object missing_library no_manifest bad_manifest missing_client)
set(_plugin_path "")
foreach(case IN LISTS _cases)
  string(APPEND _plugin_path "${ATHANOR_CLI_TEST_BROKEN_DIR}/${case}:")
endforeach()
athanor_cli_test(NAME cli_dialects
  ARGS dialects
  PLUGIN_PATH "${_plugin_path}"
  EXPECT
    "${ATHANOR_CLI_TEST_BROKEN_DIR}/good \\(ATHANOR_PLUGIN_PATH\\)"
    "testgood 1\\.2\\.3  \\[ok\\]"
    "path: +[^\n]*/good/libathanor_dialect_testgood\\.so"
    "schemes: +testgood, testgood\\+fake"
    "capabilities: +returning, sequences"
    "sdk abi: +${ATHANOR_SDK_ABI_VERSION}"
    "testabi 0\\.0\\.0  \\[FAILED\\]"
    "error: +plugin 'testabi' [^\n]* built for SDK ABI 999"
    "reports SDK ABI 999 from athanor_plugin_abi_version"
    "libathanor_dialect_testjunk\\.so is refused: it is not an ELF shared object \\((invalid ELF header|file too short)"
    "error: +library file missing"
    "error: +manifest missing: [^\n]*libathanor_dialect_testnomanifest\\.so"
    "error: +plugin manifest [^\n]*testbadjson\\.json: not valid JSON"
    "missing required field .schemes."
    "libathanor_test_client\\.so: cannot open shared object file"
    "[0-9]+ plugins found, [0-9]+ usable")

athanor_cli_test(NAME cli_dialects_none
  ARGS --plugin-path ${ATHANOR_CLI_TEST_BROKEN_DIR}/good dialects
  EXPECT "1\\. ${ATHANOR_CLI_TEST_BROKEN_DIR}/good \\(registered\\)" "testgood 1\\.2\\.3  \\[ok\\]")

# `athanor sql` through the SQLite plugin (found beside libathanor, in lib/athanor/dialects).
athanor_cli_test(NAME cli_sql_select
  ARGS sql sqlite:// "SELECT 1 AS x, NULL AS n, 'abc' AS s"
  EXPECT "\\+---\\+------\\+-----\\+" "\\| x \\| n    \\| s   \\|" "\\| 1 \\| NULL \\| abc \\|" "\\(1 row\\)")
athanor_cli_test(NAME cli_sql_params
  ARGS sql --param x=41 --param "s=it's :not a param" sqlite:// "SELECT :x + 1 AS y, :s AS s"
  EXPECT "\\| 42 \\| it's :not a param \\|" "\\(1 row\\)")
athanor_cli_test(NAME cli_sql_no_rows
  ARGS sql sqlite:// "SELECT 1 AS x WHERE 1 = 0"
  EXPECT "\\| x \\|" "\\(0 rows\\)")
athanor_cli_test(NAME cli_sql_error
  ARGS sql sqlite:// "SELECT * FROM no_such_table"
  EXIT 1 EXPECT "athanor: error: " "no such table")
athanor_cli_test(NAME cli_sql_unknown_scheme
  ARGS sql nosuchdb://host/db "SELECT 1"
  EXIT 1 EXPECT "no plugin serves scheme 'nosuchdb'" "paths tried" "sqlite")

# DML on a file database: create, insert (rows affected), read back, remove.
set(_cli_db ${CMAKE_CURRENT_BINARY_DIR}/cli_test.db)
add_test(NAME cli_db_clean COMMAND ${CMAKE_COMMAND} -E rm -f ${_cli_db})
set_tests_properties(cli_db_clean PROPERTIES FIXTURES_SETUP cli_db)
athanor_cli_test(NAME cli_sql_create ARGS sql sqlite:///${_cli_db} "CREATE TABLE t (x INTEGER, name TEXT)")
athanor_cli_test(NAME cli_sql_insert
  ARGS sql sqlite:///${_cli_db} "INSERT INTO t VALUES (1, 'one'), (22, 'twenty-two')"
  EXPECT "^2 rows affected")
athanor_cli_test(NAME cli_sql_read_back
  ARGS sql sqlite:///${_cli_db} "SELECT x, name FROM t ORDER BY x"
  EXPECT "\\|  1 \\| one        \\|" "\\| 22 \\| twenty-two \\|" "\\(2 rows\\)")
set_tests_properties(cli_sql_create PROPERTIES FIXTURES_REQUIRED cli_db FIXTURES_SETUP cli_table)
set_tests_properties(cli_sql_insert PROPERTIES FIXTURES_REQUIRED "cli_db;cli_table" FIXTURES_SETUP cli_rows)
set_tests_properties(cli_sql_read_back PROPERTIES FIXTURES_REQUIRED "cli_db;cli_rows")

# `athanor reflect`: a file database with a self-referencing table, shown as text and JSON.
set(_cli_reflect_db ${CMAKE_CURRENT_BINARY_DIR}/cli_reflect.db)
add_test(NAME cli_reflect_clean COMMAND ${CMAKE_COMMAND} -E rm -f ${_cli_reflect_db})
set_tests_properties(cli_reflect_clean PROPERTIES FIXTURES_SETUP cli_reflect_db)
athanor_cli_test(NAME cli_reflect_create
  ARGS sql sqlite:///${_cli_reflect_db}
    "CREATE TABLE items (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES items (id) ON DELETE CASCADE, name VARCHAR(20) NOT NULL CONSTRAINT uq_items_name UNIQUE, CHECK (length(name) > 0))")
set_tests_properties(cli_reflect_create PROPERTIES FIXTURES_REQUIRED cli_reflect_db FIXTURES_SETUP cli_reflect_table)
athanor_cli_test(NAME cli_reflect_text
  ARGS reflect sqlite:///${_cli_reflect_db}
  EXPECT "table items\n" "  id INTEGER AUTOINCREMENT\n" "  name VARCHAR\\(20\\) NOT NULL\n"
         "FOREIGN KEY \\(parent\\) REFERENCES items \\(id\\) ON DELETE CASCADE" "UNIQUE uq_items_name \\(name\\)"
         "CHECK \\(length\\(name\\) > 0\\)")
athanor_cli_test(NAME cli_reflect_json
  ARGS reflect --json sqlite:///${_cli_reflect_db}
  EXPECT "\"tables\": {\n    \"items\": {" "\"columns\": " "\"primary_key\": {" "\"referred_table\": \"items\""
         "\"ondelete\": \"CASCADE\"" "\"unique_constraints\": " "\"check_constraints\": "
         "\"sqltext\": \"length\\(name\\) > 0\"" "\"views\": ..,\n  \"sequences\": ..\n}")
set_tests_properties(cli_reflect_text cli_reflect_json PROPERTIES FIXTURES_REQUIRED "cli_reflect_db;cli_reflect_table")
athanor_cli_test(NAME cli_reflect_empty ARGS reflect sqlite:// EXPECT "\\(no tables, views or sequences\\)")
athanor_cli_test(NAME cli_reflect_needs_url ARGS reflect EXIT 2 EXPECT "'reflect' needs exactly one argument, URL")
athanor_cli_test(NAME cli_json_only_with_reflect ARGS --json sql sqlite:// "SELECT 1" EXIT 2 EXPECT "--json goes with 'reflect' only")

# Plugin files that would crash, hang or exhaust the loader, made at test time
# (broken_plugins/make_special_plugins.cmake): each is listed as refused, with the reason.
set(_special ${CMAKE_CURRENT_BINARY_DIR}/special_plugins)
add_test(NAME cli_special_plugins_make
  COMMAND ${CMAKE_COMMAND} -DDIR=${_special} -DGOOD_LIBRARY=$<TARGET_FILE:athanor_dialect_testgood>
          -DSQLITE_LIBRARY=$<TARGET_FILE:athanor_dialect_sqlite> -DABI=${ATHANOR_SDK_ABI_VERSION}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/broken_plugins/make_special_plugins.cmake)
add_test(NAME cli_special_plugins_remove
  COMMAND ${CMAKE_COMMAND} -DDIR=${_special} -DREMOVE=ON -P ${CMAKE_CURRENT_SOURCE_DIR}/broken_plugins/make_special_plugins.cmake)
set_tests_properties(cli_special_plugins_make PROPERTIES FIXTURES_SETUP cli_special_plugins)
set_tests_properties(cli_special_plugins_remove PROPERTIES FIXTURES_CLEANUP cli_special_plugins)
athanor_cli_test(NAME cli_dialects_refused
  ARGS dialects
  PLUGIN_PATH "${_special}/truncated:${_special}/fifo_manifest:${_special}/endless_manifest"
  EXPECT
    "testtrunc  \\[FAILED\\]"
    "error: +[^\n]*/truncated/libathanor_dialect_testtrunc\\.so is refused: it is truncated: its "
    "error: +plugin manifest [^\n]*/libathanor_dialect_testfifo\\.json: refused: it is not a regular file \\(a FIFO\\)"
    "error: +plugin manifest [^\n]*/libathanor_dialect_testzero\\.json: refused: it is not a regular file \\(a character device\\)"
    "sqlite +[^\n]*/libathanor_dialect_sqlite\\.so\n"
    "[0-9]+ plugins found, [0-9]+ usable")
athanor_cli_test(NAME cli_sql_truncated_plugin
  ARGS sql testtrunc:// "SELECT 1"
  PLUGIN_PATH "${_special}/truncated"
  EXIT 1 EXPECT "athanor: error: cannot load a dialect for scheme 'testtrunc'" "libathanor_dialect_testtrunc\\.so is refused: it is truncated")

# A plugin on ATHANOR_PLUGIN_PATH taking over the built-in "sqlite" scheme is allowed, and shown.
athanor_cli_test(NAME cli_dialects_shadowing
  ARGS dialects
  PLUGIN_PATH "${_special}/shadow"
  EXPECT
    "sqliteshadow  \\[ok\\]\n  path: +[^\n]*/shadow/libathanor_dialect_sqliteshadow\\.so\n"
    "  shadows: +sqlite of [^\n]*/lib/athanor/dialects/libathanor_dialect_sqlite\\.so\n"
    "  shadowed: +sqlite: served by [^\n]*/shadow/libathanor_dialect_sqliteshadow\\.so\n"
    "\n  sqlite +[^\n]*/shadow/libathanor_dialect_sqliteshadow\\.so\n +shadows [^\n]*/lib/athanor/dialects/libathanor_dialect_sqlite\\.so\n"
    "\n  sqlite\\+sqlite3 +[^\n]*/lib/athanor/dialects/libathanor_dialect_sqlite\\.so\n")
athanor_cli_test(NAME cli_sql_on_a_shadowing_plugin
  ARGS sql sqlite:// "SELECT 41 + 1 AS x"
  PLUGIN_PATH "${_special}/shadow"
  EXPECT "\\| 42 \\|")
set_tests_properties(cli_dialects_refused cli_sql_truncated_plugin cli_dialects_shadowing cli_sql_on_a_shadowing_plugin
  PROPERTIES FIXTURES_REQUIRED cli_special_plugins TIMEOUT 120)

# Control characters from the data: escaped with --escape (and on a terminal), exact otherwise.
# ESC [ 2 J clears the screen, ESC c resets the terminal. No '[' appears in these arguments
# and patterns: CMake does not split a list inside unbalanced brackets.
string(ASCII 27 _esc)
string(ASCII 127 _del)
set(_controls "SELECT char(27, 91, 50, 74, 127) AS x, char(133) AS c1, 'a' || char(10) || 'b' AS nl, 'é' AS e")
athanor_cli_test(NAME cli_sql_escape
  ARGS --escape sql sqlite:// "${_controls}"
  EXPECT "\\| \\\\x1b.2J\\\\x7f \\| \\\\u0085 \\| a\\\\nb \\| é \\|"
  REJECT "${_esc}" "${_del}")
athanor_cli_test(NAME cli_sql_raw_when_not_a_terminal
  ARGS sql sqlite:// "${_controls}"
  EXPECT "\\| ${_esc}.2J${_del} \\|"
  REJECT "x1b")
athanor_cli_test(NAME cli_sql_raw_option
  ARGS --raw sql sqlite:// "${_controls}"
  EXPECT "\\| ${_esc}.2J${_del} \\|")
athanor_cli_test(NAME cli_sql_error_escaped
  ARGS --escape sql sqlite:// "SELECT * FROM \"no${_esc}ctable\""
  EXIT 1 EXPECT "athanor: error: [^\n]*no such table: no\\\\x1bctable"
  REJECT "${_esc}")
find_program(ATHANOR_SCRIPT_PROGRAM script)
if(ATHANOR_SCRIPT_PROGRAM)
  # Under `script` stdout is a pseudo-terminal: escaping is the default there.
  athanor_cli_test(NAME cli_sql_escape_on_a_terminal
    COMMAND ${ATHANOR_SCRIPT_PROGRAM} -qec
    ARGS "$<TARGET_FILE:athanor_cli> sql sqlite:// \"SELECT char(27, 91, 50, 74) AS x\"" /dev/null
    EXPECT "\\| \\\\x1b.2J \\|"
    REJECT "${_esc}")
  # Without --from, `ddl` reads JSON on standard input; a terminal there is refused, not waited on.
  athanor_cli_test(NAME cli_ddl_stdin_is_a_terminal
    COMMAND ${ATHANOR_SCRIPT_PROGRAM} -qec
    ARGS "$<TARGET_FILE:athanor_cli> ddl --to sqlite" /dev/null
    EXIT 2 EXPECT "'ddl' without --from reads a JSON schema on standard input")
endif()

# `athanor reflect` of a table whose name holds ESC and DEL.
set(_cli_controls_db ${CMAKE_CURRENT_BINARY_DIR}/cli_controls.db)
add_test(NAME cli_controls_clean COMMAND ${CMAKE_COMMAND} -E rm -f ${_cli_controls_db})
set_tests_properties(cli_controls_clean PROPERTIES FIXTURES_SETUP cli_controls_db)
athanor_cli_test(NAME cli_controls_create
  ARGS sql sqlite:///${_cli_controls_db} "CREATE TABLE \"t${_esc}c${_del}x\" (c INTEGER)")
set_tests_properties(cli_controls_create PROPERTIES FIXTURES_REQUIRED cli_controls_db FIXTURES_SETUP cli_controls_table)
athanor_cli_test(NAME cli_reflect_escape
  ARGS --escape reflect sqlite:///${_cli_controls_db}
  EXPECT "table t\\\\x1bc\\\\x7fx\n  c INTEGER"
  REJECT "${_esc}" "${_del}")
athanor_cli_test(NAME cli_reflect_json_escape
  ARGS --escape reflect --json sqlite:///${_cli_controls_db}
  EXPECT "\"t\\\\u001bc\\\\u007fx\": {"
  REJECT "${_esc}" "${_del}")
athanor_cli_test(NAME cli_reflect_json_raw
  ARGS reflect --json sqlite:///${_cli_controls_db}
  EXPECT "\"t\\\\u001bc${_del}x\": {")
# `athanor ddl` of it: the name's controls escaped, the statement's own line breaks and tabs kept.
athanor_cli_test(NAME cli_ddl_escape
  ARGS --escape ddl --from sqlite:///${_cli_controls_db} --to postgresql
  EXPECT "^CREATE TABLE \"t\\\\x1bc\\\\x7fx\" \\(\n\tc INTEGER\n\\);\n$"
  REJECT "${_esc}" "${_del}")
set_tests_properties(cli_reflect_escape cli_reflect_json_escape cli_reflect_json_raw cli_ddl_escape
  PROPERTIES FIXTURES_REQUIRED "cli_controls_db;cli_controls_table")

# `athanor ddl`: a SQLite schema printed as PostgreSQL DDL (from the file, from reflect --json
# output in a file and on standard input), then run on the test server (cli_ddl_test.cmake).
foreach(part translate postgresql)
  add_test(NAME cli_ddl_${part}
    COMMAND ${CMAKE_COMMAND} -DATHANOR=$<TARGET_FILE:athanor_cli> -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/cli_ddl_${part}
            -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/cli_data/app_postgresql.sql -DPART=${part}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_ddl_test.cmake)
  set_tests_properties(cli_ddl_${part} PROPERTIES ENVIRONMENT "ATHANOR_PLUGIN_PATH=" SKIP_REGULAR_EXPRESSION "SKIPPED: ")
endforeach()
athanor_cli_test(NAME cli_ddl_needs_to ARGS ddl --from sqlite:// EXIT 2 EXPECT "'ddl' needs --to DIALECT")
athanor_cli_test(NAME cli_ddl_takes_no_arguments ARGS ddl --to sqlite sqlite:///x.db EXIT 2
  EXPECT "'ddl' takes its input with --from")
athanor_cli_test(NAME cli_to_only_with_ddl ARGS --to sqlite reflect sqlite:// EXIT 2 EXPECT "--to and --from go with 'ddl' only")
athanor_cli_test(NAME cli_ddl_unknown_target ARGS ddl --from sqlite:// --to nosuchdb EXIT 1
  EXPECT "athanor: error: [^\n]*no plugin serves scheme 'nosuchdb'" "paths tried")
athanor_cli_test(NAME cli_ddl_empty_source ARGS ddl --from sqlite:// --to postgresql EXIT 1
  EXPECT "athanor: error: nothing to translate: sqlite:// has no tables or sequences")
athanor_cli_test(NAME cli_ddl_not_a_schema
  ARGS ddl --from ${CMAKE_CURRENT_SOURCE_DIR}/cli_data/not_a_schema.json --to postgresql EXIT 1
  EXPECT "athanor: error: the JSON schema [^\n]* is not usable: tables.t.columns.1..name is missing"
  REJECT "CREATE")
athanor_cli_test(NAME cli_ddl_missing_json ARGS ddl --from ${CMAKE_CURRENT_BINARY_DIR}/no_such_schema.json --to sqlite
  EXIT 1 EXPECT "athanor: error: cannot read the JSON schema file '[^']*no_such_schema.json'")
athanor_cli_test(NAME cli_ddl_unreadable_database ARGS ddl --from "sqlite:///${CMAKE_CURRENT_BINARY_DIR}/no/such/dir/x.db" --to postgresql
  EXIT 1 EXPECT "athanor: error: " "unable to open|cannot open")
