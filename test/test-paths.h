// SPDX-License-Identifier: GPL-2.0-only
#ifndef DMM_TEST_PATHS_H
#define DMM_TEST_PATHS_H

/**
 * \file
 * \brief Where the tests find the project's scenarios, the build directory and dmm-run.
 *
 * The CMake build writes the paths into one generated source (dmm-test-paths.cc in the build
 * directory), so that no test file is compiled with a path of its own worktree on the command
 * line: the test objects then hit ccache across checkouts. The waf build passes the paths as
 * definitions instead.
 */

#ifndef DMM_SOURCE_DIR
namespace dmmtest
{
/// \brief The module's source folder (scenarios/ is under it).
const char* SourceDir();
/// \brief The build directory.
const char* BinaryDir();
/// \brief The built dmm-run.
const char* RunPath();
} // namespace dmmtest

#define DMM_SOURCE_DIR (::dmmtest::SourceDir())
#define DMM_BINARY_DIR (::dmmtest::BinaryDir())
#define DMM_RUN_PATH (::dmmtest::RunPath())
#endif

#endif // DMM_TEST_PATHS_H
