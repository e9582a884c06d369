# athanor_add_dialect_plugin — builds a dialect plugin and writes its manifest.
#
#   athanor_add_dialect_plugin(mydb
#     SOURCES mydb_dialect.cpp mydb_cursor.cpp
#     VERSION 1.0.0
#     SCHEMES mydb mydb+native          # URL drivernames served (first is the canonical one)
#     DEFAULT_DRIVER native
#     CAPABILITIES returning sequences  # conformance requirements the plugin claims
#     DESCRIPTION "MyDB through its native client"
#     LIBRARIES MyDB::client)           # the vendor client, linked by the plugin only
#
# Produces libathanor_dialect_mydb.so and libathanor_dialect_mydb.json side by side (in
# ATHANOR_PLUGIN_OUTPUT_DIR when set, else the current binary dir) and installs both under
# <libdir>/athanor/dialects of CMAKE_INSTALL_PREFIX (ATHANOR_PLUGIN_INSTALL_DIR: Athanor's own
# libdir when found with find_package(Athanor)). OUTPUT_DIR DIR puts both files in DIR and
# installs nothing (for test plugins). Works in-tree and from an installed SDK.
#
#   athanor_install_into_athanor_prefix()
#
# For a plugin project built against an installed Athanor: when CMAKE_INSTALL_PREFIX was not
# given, `cmake --install` then installs into the prefix of the Athanor that was found, whose
# plugin search path (<libdir>/athanor/dialects beside libathanor) finds the plugin with no
# ATHANOR_PLUGIN_PATH. Does nothing in-tree or when a prefix was given.
#
#   athanor_link_no_undefined(target)
#
# Links a shared object with -Wl,--no-undefined, so a symbol missing from it fails the link
# instead of the dlopen. Left out under Clang with sanitizers (ATHANOR_SANITIZE, or -fsanitize=
# in the compiler or linker flags): Clang links the sanitizer runtimes into executables only,
# and an instrumented shared object takes their symbols from the program that loads it.
set(ATHANOR_SDK_ABI_VERSION 6)

function(athanor_link_no_undefined target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    if(ATHANOR_SANITIZE OR ATHANOR_BUILD_FUZZERS OR ATHANOR_TSAN OR
       "${CMAKE_CXX_FLAGS} ${CMAKE_SHARED_LINKER_FLAGS} ${CMAKE_MODULE_LINKER_FLAGS}" MATCHES "-fsanitize=")
      return()
    endif()
  endif()
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
endfunction()

macro(athanor_install_into_athanor_prefix)
  if(CMAKE_INSTALL_PREFIX_INITIALIZED_TO_DEFAULT AND ATHANOR_INSTALL_PREFIX)
    set(CMAKE_INSTALL_PREFIX "${ATHANOR_INSTALL_PREFIX}" CACHE PATH
        "Install prefix (default: that of the Athanor found, whose registry then finds the plugin)" FORCE)
  endif()
endmacro()

function(athanor_add_dialect_plugin name)
  cmake_parse_arguments(P "" "VERSION;DEFAULT_DRIVER;DESCRIPTION;OUTPUT_DIR;SDK_ABI"
                        "SOURCES;SCHEMES;CAPABILITIES;LIBRARIES" ${ARGN})
  if(NOT P_SOURCES)
    message(FATAL_ERROR "athanor_add_dialect_plugin(${name}): SOURCES is required")
  endif()
  if(NOT P_SCHEMES)
    set(P_SCHEMES ${name})
  endif()
  if(NOT P_VERSION)
    set(P_VERSION 0.0.0)
  endif()
  if(NOT DEFINED P_SDK_ABI)
    set(P_SDK_ABI ${ATHANOR_SDK_ABI_VERSION})
  endif()
  set(out_dir ${P_OUTPUT_DIR})
  if(NOT out_dir)
    if(ATHANOR_PLUGIN_OUTPUT_DIR)
      set(out_dir ${ATHANOR_PLUGIN_OUTPUT_DIR})
    else()
      set(out_dir ${CMAKE_CURRENT_BINARY_DIR})
    endif()
  endif()
  set(target athanor_dialect_${name})
  add_library(${target} MODULE ${P_SOURCES})
  set_target_properties(${target} PROPERTIES
    PREFIX "lib" OUTPUT_NAME athanor_dialect_${name}
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${out_dir}
    INSTALL_RPATH "$ORIGIN/../..")
  target_compile_features(${target} PRIVATE cxx_std_20)
  target_compile_definitions(${target} PRIVATE BOOST_DLL_USE_STD_FS)
  if(COMMAND athanor_target_defaults)
    athanor_target_defaults(${target})
  endif()
  target_link_libraries(${target} PRIVATE athanor::athanor ${P_LIBRARIES})
  athanor_link_no_undefined(${target})
  # Test programs load plugins at run time, so they must be rebuilt with them.
  set_property(GLOBAL APPEND PROPERTY ATHANOR_PLUGIN_TARGETS ${target})

  # The manifest: readable without running plugin code.
  set(schemes_json "")
  foreach(s IN LISTS P_SCHEMES)
    string(APPEND schemes_json "\"${s}\", ")
  endforeach()
  string(REGEX REPLACE ", $" "" schemes_json "${schemes_json}")
  set(caps_json "")
  foreach(c IN LISTS P_CAPABILITIES)
    string(APPEND caps_json "\"${c}\", ")
  endforeach()
  string(REGEX REPLACE ", $" "" caps_json "${caps_json}")
  set(manifest "{\n  \"name\": \"${name}\",\n  \"version\": \"${P_VERSION}\",\n  \"sdk_abi\": ${P_SDK_ABI},\n  \"library\": \"libathanor_dialect_${name}.so\",\n  \"default_driver\": \"${P_DEFAULT_DRIVER}\",\n  \"schemes\": [${schemes_json}],\n  \"capabilities\": [${caps_json}],\n  \"description\": \"${P_DESCRIPTION}\"\n}\n")
  file(GENERATE OUTPUT ${out_dir}/libathanor_dialect_${name}.json CONTENT "${manifest}")

  if(NOT P_OUTPUT_DIR)
    if(ATHANOR_PLUGIN_INSTALL_DIR)
      set(dest ${ATHANOR_PLUGIN_INSTALL_DIR})
    else()
      set(dest ${CMAKE_INSTALL_LIBDIR}/athanor/dialects)
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION ${dest})
    install(FILES ${out_dir}/libathanor_dialect_${name}.json DESTINATION ${dest})
  endif()
endfunction()
