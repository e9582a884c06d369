# Flags every target of the project shares: warnings, sanitizers.
function(athanor_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(ATHANOR_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_definitions(${target} PRIVATE BOOST_DLL_USE_STD_FS)
endfunction()

if(ATHANOR_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ATHANOR_BUILD_FUZZERS needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  if(ATHANOR_TSAN)
    message(FATAL_ERROR "ATHANOR_BUILD_FUZZERS and ATHANOR_TSAN exclude each other: use separate build folders")
  endif()
  # The fuzz targets are built with everything else, against the same libathanor: coverage
  # instrumentation everywhere (the sanitizer runtime's no-op callbacks serve the programs that
  # are not fuzzers), AddressSanitizer and UBSan on; the fuzz targets add -fsanitize=fuzzer.
  set(ATHANOR_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(ATHANOR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(ATHANOR_TSAN)
  if(ATHANOR_SANITIZE)
    message(FATAL_ERROR "ATHANOR_TSAN and ATHANOR_SANITIZE exclude each other: use separate build folders")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()

