# SPDX-License-Identifier: GPL-2.0-only
# DMM_FUZZ=ON: the sanitizer and fuzzing build (clang only, out of tree only).
#
# The project's own code (library, tests, examples, fuzz targets) is compiled with
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage instrumentation;
# Debian's ns-3 libraries stay as they are (gcc-built, same libstdc++ ABI, not
# instrumented). Undefined behaviour aborts instead of printing and going on, so that a
# test or a fuzz run fails on it. NS_ASSERT is compiled in: an assertion of our own code
# that a hostile packet can reach is a defect too.
option(DMM_FUZZ "Build with ASan/UBSan and the libFuzzer targets of test/fuzz (clang)" OFF)

if(DMM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "DMM_FUZZ needs clang: -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(DMM_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=all
                     -fno-omit-frame-pointer)
  add_compile_options(${DMM_SANITIZERS} -fsanitize=fuzzer-no-link)
  add_link_options(-fsanitize=address,undefined)
  add_compile_definitions(NS3_ASSERT_ENABLE)
  # Build time matters more than speed here (CI builds this from cold): -O1 keeps
  # ASan's reports readable and line tables are enough for its stack traces.
  set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -gline-tables-only")
endif()
