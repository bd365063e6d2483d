/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// The GoogleTest suites as one ns-3 TestSuite, "dmm", so that ns-3's own runner
// (./test.py -s dmm, test-runner --suite=dmm) runs them in a source tree. The cases
// run in-process; every GoogleTest failure becomes an ns-3 test failure naming the
// GoogleTest case. DMM_GTEST_FILTER (a --gtest_filter pattern) selects cases.
#include "ns3/test.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace
{

/// Collects the failed assertions of the GoogleTest cases as they run.
class FailureCollector : public ::testing::EmptyTestEventListener
{
  public:
    /// \brief Remember the case that runs: asking GoogleTest for it while it reports a
    /// result would deadlock on its (non-recursive) lock.
    /// \param info the case
    void OnTestStart(const ::testing::TestInfo& info) override
    {
        m_current = std::string(info.test_suite_name()) + "." + info.name();
    }

    /// \brief Record a failed assertion with the case it belongs to.
    /// \param result the assertion's result
    void OnTestPartResult(const ::testing::TestPartResult& result) override
    {
        if (!result.failed())
        {
            return;
        }
        std::ostringstream os;
        os << m_current << ": " << (result.file_name() ? result.file_name() : "?") << ":"
           << result.line_number() << ": " << result.summary();
        m_failures.push_back(os.str());
    }

    /// \return every failure recorded so far
    const std::vector<std::string>& Failures() const
    {
        return m_failures;
    }

  private:
    std::string m_current;               //!< the case that runs ("Suite.Name")
    std::vector<std::string> m_failures; //!< one line per failed assertion
};

/// Runs the selected GoogleTest cases and reports their failures to ns-3.
class GoogleTestCase : public ns3::TestCase
{
  public:
    GoogleTestCase()
        : ns3::TestCase("dmm GoogleTest cases (DMM_GTEST_FILTER selects them)")
    {
    }

  private:
    void DoRun() override
    {
        const char* filter = std::getenv("DMM_GTEST_FILTER");
        std::string filterArg = std::string("--gtest_filter=") + (filter ? filter : "*");
        std::string program = "dmm";
        std::vector<char*> argv{&program[0], &filterArg[0], nullptr};
        int argc = 2;
        ::testing::InitGoogleTest(&argc, argv.data());
        // The listeners list owns the collector; release it before returning.
        auto collector = new FailureCollector;
        ::testing::TestEventListeners& listeners = ::testing::UnitTest::GetInstance()->listeners();
        listeners.Append(collector);
        int status = RUN_ALL_TESTS();
        std::vector<std::string> failures = collector->Failures();
        delete listeners.Release(collector);
        for (const std::string& failure : failures)
        {
            NS_TEST_EXPECT_MSG_EQ(false, true, failure);
        }
        // A failure outside any assertion (e.g. in a fixture's set-up) still fails the case.
        NS_TEST_EXPECT_MSG_EQ(status, 0, "RUN_ALL_TESTS reported a failure");
    }
};

/// The ns-3 test suite "dmm".
class DmmGoogleTestSuite : public ns3::TestSuite
{
  public:
    DmmGoogleTestSuite()
        : ns3::TestSuite("dmm", ns3::TestSuite::UNIT)
    {
        AddTestCase(new GoogleTestCase, ns3::TestCase::QUICK);
    }
};

/// Registered with ns-3's runner when the test library is loaded.
DmmGoogleTestSuite g_dmmGoogleTestSuite;

} // namespace
