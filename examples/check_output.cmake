# check_output.cmake — runs one example the way a user would and compares what it prints with
# the output its seed shows.
#
#   cmake -DPROGRAM=<example> -DEXPECTED=<expected/name.out> -DWORK_DIR=<folder> -P check_output.cmake
#
# WORK_DIR is emptied and created first, so each example runs alone in an empty folder (the
# examples write their database files there). The run fails unless the program exits with 0 and
# its standard output equals EXPECTED exactly, leaving out EXPECTED's header: the lines at its top
# that start with "#! ", where each file names its seed and how the C++ rendering differs from
# Python's.
# Standard error (the echo log) is printed, not compared.
foreach(var PROGRAM EXPECTED WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_output.cmake: -D${var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${PROGRAM}" WORKING_DIRECTORY "${WORK_DIR}"
  RESULT_VARIABLE exit_code OUTPUT_VARIABLE actual ERROR_VARIABLE log)
message("${log}")
file(READ "${EXPECTED}" expected_text)
# The header: leading lines that start with "#! ".
while(expected_text MATCHES "^#! ")
  string(FIND "${expected_text}" "\n" end)
  if(end EQUAL -1)
    set(expected_text "")
  else()
    math(EXPR end "${end} + 1")
    string(SUBSTRING "${expected_text}" ${end} -1 expected_text)
  endif()
endwhile()
if(NOT exit_code STREQUAL "0")
  message(FATAL_ERROR "${PROGRAM} exited with ${exit_code}\n--- its output:\n${actual}")
endif()
if(NOT actual STREQUAL expected_text)
  file(WRITE "${WORK_DIR}/actual.out" "${actual}")
  file(WRITE "${WORK_DIR}/expected.out" "${expected_text}")
  execute_process(COMMAND diff -u "${WORK_DIR}/expected.out" "${WORK_DIR}/actual.out" OUTPUT_VARIABLE difference)
  message(FATAL_ERROR "the output of ${PROGRAM} differs from ${EXPECTED} (- expected, + printed):\n${difference}")
endif()
message("output matches ${EXPECTED}")
file(REMOVE_RECURSE "${WORK_DIR}")
