# Flags every target of the project shares: warnings, sanitizers.
function(athanor_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  target_compile_definitions(${target} PRIVATE BOOST_DLL_USE_STD_FS)
endfunction()

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

if(ATHANOR_BUILD_FUZZERS)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ATHANOR_BUILD_FUZZERS needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  if(ATHANOR_SANITIZE OR ATHANOR_TSAN)
    message(FATAL_ERROR "ATHANOR_BUILD_FUZZERS brings its own sanitizers: leave ATHANOR_SANITIZE and ATHANOR_TSAN off")
  endif()
  # Coverage instrumentation everywhere; the fuzz targets add -fsanitize=fuzzer (libFuzzer's main).
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
