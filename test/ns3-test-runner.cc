/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// ns-3's test runner for the out-of-tree build, where ns-3's own test-runner program is
// not installed: the same TestRunner (libns3-core) that test.py drives in a source tree.
#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    return ns3::TestRunner::Run(argc, argv);
}
