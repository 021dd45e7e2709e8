# Builds and runs examples/first_numbers.cpp as a consumer of zhquant, and checks its output.
#
#     cmake -DMODE=find_package|add_subdirectory -DZHQUANT_SOURCE_DIR=... -DZHQUANT_BINARY_DIR=...
#           -DWORK_DIR=... [-DGENERATOR=...] [-DCXX_COMPILER=...] [-DCXX_FLAGS=...]
#           -P run_consumer.cmake
#
# find_package: installs the main build into WORK_DIR/prefix first and points the consumer at it.
cmake_minimum_required(VERSION 3.21)

foreach(var MODE ZHQUANT_SOURCE_DIR ZHQUANT_BINARY_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer.cmake: -D${var}=... is required")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${prefix}" "${build}")

set(configure_args -DCMAKE_BUILD_TYPE=Release)
if(GENERATOR)
  list(APPEND configure_args -G "${GENERATOR}")
endif()
if(CXX_COMPILER)
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(CXX_FLAGS)
  list(APPEND configure_args "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
endif()

if(MODE STREQUAL "find_package")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" --install "${ZHQUANT_BINARY_DIR}" --prefix "${prefix}"
    COMMAND_ERROR_IS_FATAL ANY)
  list(APPEND configure_args "-DCMAKE_PREFIX_PATH=${prefix}")
elseif(MODE STREQUAL "add_subdirectory")
  list(APPEND configure_args "-DZHQUANT_SOURCE_DIR=${ZHQUANT_SOURCE_DIR}")
else()
  message(FATAL_ERROR "run_consumer.cmake: MODE must be find_package or add_subdirectory")
endif()

execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${ZHQUANT_SOURCE_DIR}/tests/consumer/${MODE}" -B "${build}"
          ${configure_args}
  COMMAND_ERROR_IS_FATAL ANY)
execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${build}" --config Release
  COMMAND_ERROR_IS_FATAL ANY)

find_program(program first_numbers PATHS "${build}" "${build}/Release" NO_DEFAULT_PATH REQUIRED)
execute_process(
  COMMAND "${program}" "完成税收598万元，同比增长8.3%"
  OUTPUT_VARIABLE output
  RESULT_VARIABLE status)
message("${output}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "first_numbers exited with ${status}")
endif()
string(FIND "${output}" "5980000" found)
if(found EQUAL -1)
  message(FATAL_ERROR "first_numbers did not print 5980000")
endif()
