/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Smoke test: the module library loads together with the ns-3 libraries it needs.
#include "ns3/core-module.h"

#include <gtest/gtest.h>

TEST(Module, Ipv6L3ProtocolTypeIdIsRegistered)
{
    ns3::TypeId tid;
    EXPECT_TRUE(ns3::TypeId::LookupByNameFailSafe("ns3::Ipv6L3Protocol", &tid));
}
