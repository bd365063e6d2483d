/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef DMM_TEST_FILES_H
#define DMM_TEST_FILES_H

/**
 * \file
 * \brief Reading the files a test run wrote (result files, traces) for comparison.
 *
 * In namespace dmmtest, as the other shared test headers (test-paths.h, closed-form.h).
 */

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dmmtest
{

/**
 * \brief The whole content of a file, byte for byte.
 * \param p the file
 * \return its bytes; empty if it cannot be read
 */
inline std::string
ReadFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace dmmtest

#endif // DMM_TEST_FILES_H
