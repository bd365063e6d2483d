/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// A case that fails only when DMM_NS3_RUNNER_SELFTEST_FAIL is set: test/CMakeLists.txt runs
// the ns-3 wrapper suite "dmm" with it set and expects the suite to fail, which proves
// that GoogleTest failures reach ns-3's runner.
#include <cstdlib>
#include <gtest/gtest.h>

TEST(NsRunnerWrapper, FailsOnlyWhenAsked)
{
    if (std::getenv("DMM_NS3_RUNNER_SELFTEST_FAIL"))
    {
        ADD_FAILURE() << "failure requested by DMM_NS3_RUNNER_SELFTEST_FAIL";
    }
}
