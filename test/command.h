/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Shell helpers of the tests that check captures with tshark.
#ifndef DMM_TEST_COMMAND_H
#define DMM_TEST_COMMAND_H

#include <cstdio>
#include <cstdlib>
#include <string>

namespace dmmtest
{

/// Run a shell command and return its standard output ("" if it cannot start).
inline std::string
RunCommand(const std::string& cmd)
{
    std::string out;
    FILE* f = popen(cmd.c_str(), "r");
    if (f == nullptr)
    {
        return out;
    }
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
    {
        out.append(buf, n);
    }
    pclose(f);
    return out;
}

/// \return true if tshark is on the PATH (tools/bootstrap.sh installs it)
inline bool
HaveTshark()
{
    return std::system("command -v tshark > /dev/null 2>&1") == 0;
}

/// Run tshark with arguments, standard error discarded; return its output.
inline std::string
Tshark(const std::string& args)
{
    return RunCommand("tshark " + args + " 2>/dev/null");
}

} // namespace dmmtest

#endif // DMM_TEST_COMMAND_H
