# SPDX-License-Identifier: GPL-2.0-only
# Out-of-tree build against an installed ns-3 (Debian's ns-3.37 packages).
#
# Inside an ns-3 source tree (contrib/dmm) ns-3 provides build_lib() and
# build_lib_example(); here we provide shims with the same signatures so that
# the module's CMakeLists.txt is identical in both situations.

find_package(ns3 3.37 REQUIRED COMPONENTS core network internet applications
             point-to-point wifi mobility virtual-net-device csma)

include(CMakeParseArguments)

# ns-3's own build defines these; the imported targets carry no definitions,
# so without them NS_LOG and NS_ASSERT vanish from our code (NS3-NOTES.md).
add_compile_definitions(NS3_LOG_ENABLE)
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
  add_compile_definitions(NS3_ASSERT_ENABLE)
endif()

# The in-tree build names libraries by variables such as ${libcore}.
foreach(_m core network internet applications point-to-point wifi mobility virtual-net-device csma
        propagation stats)
  set(lib${_m} ns3::lib${_m})
endforeach()

# Headers are included as "ns3/<name>.h", as in an ns-3 tree.
set(DMM_INCLUDE_DIR ${CMAKE_BINARY_DIR}/include)
file(MAKE_DIRECTORY ${DMM_INCLUDE_DIR}/ns3)

function(build_lib)
  cmake_parse_arguments(BLIB "" "LIBNAME"
                        "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK;TEST_SOURCES" ${ARGN})
  foreach(_h ${BLIB_HEADER_FILES})
    get_filename_component(_name ${_h} NAME)
    configure_file(${CMAKE_CURRENT_SOURCE_DIR}/${_h} ${DMM_INCLUDE_DIR}/ns3/${_name} COPYONLY)
  endforeach()
  set(_t lib${BLIB_LIBNAME})
  set(lib${BLIB_LIBNAME} ${_t} CACHE INTERNAL "target of the ${BLIB_LIBNAME} module")
  add_library(${_t} SHARED ${BLIB_SOURCE_FILES})
  set_target_properties(${_t} PROPERTIES OUTPUT_NAME ns3-${BLIB_LIBNAME})
  target_include_directories(${_t} PUBLIC ${DMM_INCLUDE_DIR})
  target_link_libraries(${_t} PUBLIC "-Wl,--no-as-needed" ${BLIB_LIBRARIES_TO_LINK}
                        "-Wl,--as-needed")
  if(BLIB_TEST_SOURCES)
    add_library(${_t}-test SHARED ${BLIB_TEST_SOURCES})
    target_link_libraries(${_t}-test PUBLIC ${_t})
  endif()
endfunction()

function(build_lib_example)
  cmake_parse_arguments(BEX "" "NAME" "SOURCE_FILES;HEADER_FILES;LIBRARIES_TO_LINK" ${ARGN})
  add_executable(${BEX_NAME} ${BEX_SOURCE_FILES})
  target_link_libraries(${BEX_NAME} PRIVATE ${BEX_LIBRARIES_TO_LINK})
  set_target_properties(${BEX_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
endfunction()
