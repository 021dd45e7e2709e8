# Profile-guided optimization of the command-line tool (GCC): the tool is first built
# instrumented in a build tree of its own (<build>/pgo/instrumented), run over the sentences of the
# repository's test and case files (cmake/pgo_train.py), and then compiled with what those runs
# counted, so that GCC lays out the grammar's and the normalizer's branches the way report text
# takes them (not the rule sets' units: tools/CMakeLists.txt says why).  Measured in
# bench/RESULTS.md (session 9): about a tenth fewer instructions a byte and more than that in wall
# time, on the seeds and on ../shared/corpus, which the training does not read whole.
#
# ZHQUANT_PGO is on by default for a Release build of the tool with GCC; it adds the instrumented
# build (about two minutes on two cores) to the first build of a tree.  The profile follows the
# sources: a change rebuilds the instrumented tool, which is run again, and the tool's objects are
# compiled again with the new counts.  `-DZHQUANT_PGO=OFF` builds the tool as any other target.
#
#     zhquant_use_profile(zhquant_compiled)   # compile a target's sources with the profile
#     zhquant_use_profile(zhquant_cli EXCEPT rule_set_a.cpp)   # all but these (relative to the target's folder)
include_guard(GLOBAL)

if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_BUILD_TYPE STREQUAL "Release" AND PROJECT_IS_TOP_LEVEL
   AND ZHQUANT_BUILD_TOOLS AND NOT ZHQUANT_FUZZ AND NOT CMAKE_CROSSCOMPILING)
  set(zhquant_pgo_default ON)
else()
  set(zhquant_pgo_default OFF)
endif()
option(ZHQUANT_PGO "Build the zhquant tool with profile-guided optimization (GCC, Release)" ${zhquant_pgo_default})

if(ZHQUANT_PGO AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  message(FATAL_ERROR "ZHQUANT_PGO needs GCC (its -fprofile-generate/-fprofile-use and .gcda files)")
endif()
if(ZHQUANT_PGO AND NOT ZHQUANT_BUILD_TOOLS)
  message(FATAL_ERROR "ZHQUANT_PGO trains the zhquant tool: it needs ZHQUANT_BUILD_TOOLS")
endif()
# Any python3 runs the training (it needs only the standard library).  Not find_package(Python3):
# that would settle, before python/ looks, which Python the module is built for.  Without one the
# tool is built plainly, not the build refused: the profile is a speed-up, not a feature.
if(ZHQUANT_PGO)
  find_program(zhquant_pgo_python NAMES python3 NO_CACHE)
  if(NOT zhquant_pgo_python)
    message(WARNING "zhquant: no python3 to run the profile-guided build's training (cmake/pgo_train.py): "
                    "the tool is built without a profile; -DZHQUANT_PGO=OFF says so and silences this")
    set(ZHQUANT_PGO OFF)
  endif()
endif()

function(zhquant_use_profile target)
  if(NOT ZHQUANT_PGO)
    return()
  endif()
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "EXCEPT")
  # -fprofile-prefix-path: the .gcda files are named by the object's path inside its build tree,
  # which is the same in both trees.  -fprofile-partial-training: code the training never ran
  # (the HTML view, error paths) is optimized as without a profile, not for size.  The inlining
  # the profile leads to makes GCC 12 warn of overlaps and overflows in libstdc++'s and
  # Boost.JSON's string code that cannot happen (its -Wrestrict and -Wstringop-overflow false
  # positives), not in ours: those two are off here.
  set(options "-fprofile-use=${zhquant_pgo_profile_dir}" "-fprofile-prefix-path=${PROJECT_BINARY_DIR}"
    -fprofile-partial-training -Wno-missing-profile -Wno-restrict -Wno-stringop-overflow)
  add_dependencies(${target} zhquant_pgo_profile)
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  list(TRANSFORM arg_EXCEPT PREPEND "${source_dir}/")
  foreach(source IN LISTS sources)
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}")
    if(source IN_LIST arg_EXCEPT)
      continue()
    endif()
    # Compiled again when the profile is made again.
    set_property(SOURCE "${source}" DIRECTORY "${source_dir}" APPEND PROPERTY COMPILE_OPTIONS "${options}")
    set_property(SOURCE "${source}" DIRECTORY "${source_dir}" APPEND PROPERTY OBJECT_DEPENDS "${zhquant_pgo_stamp}")
  endforeach()
endfunction()

if(NOT ZHQUANT_PGO)
  return()
endif()

include(ExternalProject)

set(zhquant_pgo_tree "${PROJECT_BINARY_DIR}/pgo/instrumented")
set(zhquant_pgo_profile_dir "${PROJECT_BINARY_DIR}/pgo/profile")
set(zhquant_pgo_stamp "${PROJECT_BINARY_DIR}/pgo/profile.stamp")
set(zhquant_pgo_tool "${zhquant_pgo_tree}/tools/zhquant")

# The instrumented tool: this project again, the tool only, with the flags of this tree (the
# same optimization, or the profile would not match the code) plus the instrumentation;
# -fprofile-update=single: the training runs one thread.  The default build command (the tree's
# default target, the tool) runs as $(MAKE), so it shares `-j` with this build.
ExternalProject_Add(zhquant_pgo_instrumented
  SOURCE_DIR "${PROJECT_SOURCE_DIR}"
  BINARY_DIR "${zhquant_pgo_tree}"
  CMAKE_ARGS
    "-DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}"
    "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
    "-DCMAKE_PREFIX_PATH=${CMAKE_PREFIX_PATH}"
    "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS} -fprofile-generate=${zhquant_pgo_profile_dir} -fprofile-prefix-path=${zhquant_pgo_tree} -fprofile-update=single"
    "-DCMAKE_CXX_FLAGS_RELEASE=${CMAKE_CXX_FLAGS_RELEASE}"
    "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
    -DZHQUANT_PGO=OFF -DZHQUANT_BUILD_TESTS=OFF -DZHQUANT_BUILD_BENCH=OFF -DZHQUANT_INSTALL=OFF
    -DZHQUANT_BUILD_PYTHON=OFF
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON
  BUILD_BYPRODUCTS "${zhquant_pgo_tool}")

# The training: counts from an earlier run are removed first (GCC would add to them).
add_custom_command(OUTPUT "${zhquant_pgo_stamp}"
  COMMAND "${CMAKE_COMMAND}" -E rm -rf "${zhquant_pgo_profile_dir}"
  COMMAND "${zhquant_pgo_python}" "${PROJECT_SOURCE_DIR}/cmake/pgo_train.py" "${zhquant_pgo_tool}"
    "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}/pgo/training.txt"
  COMMAND "${CMAKE_COMMAND}" -E touch "${zhquant_pgo_stamp}"
  DEPENDS zhquant_pgo_instrumented "${zhquant_pgo_tool}" "${PROJECT_SOURCE_DIR}/cmake/pgo_train.py"
  COMMENT "Training the instrumented zhquant for profile-guided optimization"
  VERBATIM)
add_custom_target(zhquant_pgo_profile DEPENDS "${zhquant_pgo_stamp}")
