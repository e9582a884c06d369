# make_special_plugins.cmake — plugin files that only a running test can make (a FIFO, a
# symlink to a device) or that must be cut from a built plugin, for the CLI tests:
#   cmake -DDIR=folder -DGOOD_LIBRARY=libathanor_dialect_testgood.so
#         -DSQLITE_LIBRARY=libathanor_dialect_sqlite.so -DABI=3 -P make_special_plugins.cmake
# DIR/truncated        libathanor_dialect_testtrunc.so: the good plugin cut to half its size
# DIR/fifo_manifest    libathanor_dialect_testfifo.json: a FIFO
# DIR/endless_manifest libathanor_dialect_testzero.json: a symlink to /dev/zero
# DIR/shadow           libathanor_dialect_sqliteshadow.so: a copy of the SQLite plugin claiming "sqlite"
# With -DREMOVE=ON it removes DIR instead. Kept out of the build tree's plain folders so
# nothing that walks the build tree meets a FIFO.
if(REMOVE)
  file(REMOVE_RECURSE ${DIR})
  return()
endif()
foreach(var DIR GOOD_LIBRARY SQLITE_LIBRARY ABI)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make_special_plugins.cmake needs -D${var}=...")
  endif()
endforeach()
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR}/truncated ${DIR}/fifo_manifest ${DIR}/endless_manifest ${DIR}/shadow)

function(write_manifest folder name schemes)
  file(WRITE ${folder}/libathanor_dialect_${name}.json
    "{\"name\": \"${name}\", \"sdk_abi\": ${ABI}, \"library\": \"libathanor_dialect_${name}.so\", \"schemes\": [${schemes}]}\n")
endfunction()

file(SIZE ${GOOD_LIBRARY} size)
math(EXPR half "${size} / 2")
file(COPY_FILE ${GOOD_LIBRARY} ${DIR}/truncated/libathanor_dialect_testtrunc.so)
execute_process(COMMAND truncate -s ${half} ${DIR}/truncated/libathanor_dialect_testtrunc.so RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "truncate failed: ${rc}")
endif()
write_manifest(${DIR}/truncated testtrunc "\"testtrunc\"")

execute_process(COMMAND mkfifo ${DIR}/fifo_manifest/libathanor_dialect_testfifo.json RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mkfifo failed: ${rc}")
endif()
file(CREATE_LINK /dev/zero ${DIR}/endless_manifest/libathanor_dialect_testzero.json SYMBOLIC)

file(COPY_FILE ${SQLITE_LIBRARY} ${DIR}/shadow/libathanor_dialect_sqliteshadow.so)
write_manifest(${DIR}/shadow sqliteshadow "\"sqlite\"")
