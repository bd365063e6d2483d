/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Shared by the DMM with Mobile IP tests on scenarios/dmm-mip-fig1.json (mn1: home mr12,
// mr11 at 2 s, mr2 at 8 s; cn2 behind mr31 sends to it from 5 s).
#ifndef DMM_TEST_DMM_MIP_FIG1_H
#define DMM_TEST_DMM_MIP_FIG1_H

#include "closed-form.h"
#include "test-paths.h"

#include <fstream>
#include <string>

namespace dmmtest
{

/// The shipped Fig 1 scenario, relative to the source folder.
const std::string FIG1 = "/scenarios/dmm-mip-fig1.json";

/// \return the shipped Fig 1 scenario document, to be edited before ParseScenario
inline json
ReadFig1()
{
    std::ifstream in(std::string(DMM_SOURCE_DIR) + FIG1);
    return json::parse(in);
}

/**
 * \brief Add a correspondent to Fig 1 with a copy of the first flow from it to mn1.
 * \param j the scenario document \param cn its name \param router the router it is
 *        behind (1 ms) \param flow the flow's name \param startS \param stopS its times, s
 */
inline void
AddCorrespondent(json& j,
                 const std::string& cn,
                 const std::string& router,
                 const std::string& flow,
                 double startS,
                 double stopS)
{
    AddNode(j, cn, "cn");
    AddLink(j, cn, router, 1.0);
    json f = j["flows"][0];
    f["from"] = cn;
    f["name"] = flow;
    f["start_s"] = startS;
    f["stop_s"] = stopS;
    j["flows"].push_back(f);
}

/**
 * \brief Add a late correspondent to Fig 1: cn4 behind mr32, "cn4-late" from 9 s to
 *        9.5 s (after the move to mr2).
 * \param j the scenario document
 */
inline void
AddLateCn4(json& j)
{
    AddCorrespondent(j, "cn4", "mr32", "cn4-late", 9.0, 9.5);
}

} // namespace dmmtest

#endif // DMM_TEST_DMM_MIP_FIG1_H
