/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Profiles as recipes: the registry, recipes written as JSON (equivalence with the built-in
// profiles, byte for byte), schema errors naming the key, recipes that cannot work, and the
// scenario keys a profile does not read.
#include "command.h"
#include "test-files.h"
#include "test-paths.h"

#include "ns3/profile-registry.h"
#include "ns3/recipe.h"
#include "ns3/scenario-config.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

using namespace ns3;
using dmmtest::ReadFile;
using nlohmann::json;

namespace
{

/// summary.json without its wall-clock line, or a CSV as it is.
std::string
Result(const std::string& dir, const std::string& file)
{
    std::string text = ReadFile(dir + "/" + file);
    // Wall clock, and the keys a written-out variant no longer reads, aside.
    for (const char* key : {"\"wall_s\"", "\"ignored_keys\""})
    {
        if (auto at = text.find(key); file == "summary.json" && at != std::string::npos)
        {
            text.erase(at, text.find('\n', at) - at);
        }
    }
    return text;
}

/// Run dmm-run; \return its exit status, output in \p out.
int
RunDmm(const std::string& args, std::string& out)
{
    std::string cmd = std::string(DMM_RUN_PATH) + " " + args + " 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    out.clear();
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof(buf), pipe))
    {
        out.append(buf, n);
    }
    int raw = pclose(pipe);
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

std::string
TempDir(const std::string& name)
{
    std::string dir = std::string(DMM_BINARY_DIR) + "/recipe-test/" + name;
    std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir + "'").c_str());
    return dir;
}

std::string
Scenario(const std::string& file)
{
    return std::string(DMM_SOURCE_DIR) + "/scenarios/" + file;
}

/// A recipe error's message (empty when the recipe is accepted).
std::string
RecipeError(const json& j)
{
    try
    {
        dmm::CheckRecipe(dmm::ParseRecipe(j, "recipe"));
    }
    catch (const ScenarioError& e)
    {
        return e.what();
    }
    return "";
}

json
Builtin(const std::string& name)
{
    return dmm::GetRecipe(name).source;
}

} // namespace

TEST(Recipe, EveryBuiltinProfileIsACheckedRecipe)
{
    const auto& names = dmm::ProfileNames();
    ASSERT_EQ(names.size(), 14u);
    EXPECT_EQ(names.front(), "none");
    for (const auto& name : names)
    {
        const dmm::Recipe& r = dmm::GetRecipe(name);
        EXPECT_EQ(r.name, name);
        EXPECT_NO_THROW(dmm::CheckRecipe(r)) << name;
        EXPECT_FALSE(r.Role("mn").agent.type.empty()) << name;
        EXPECT_FALSE(r.Role("access").agent.type.empty()) << name;
        // The JSON form reads back to the same recipe.
        dmm::Recipe again = dmm::ParseRecipe(r.source, name);
        EXPECT_EQ(dmm::RecipeTable(again), dmm::RecipeTable(r)) << name;
    }
    EXPECT_THROW(dmm::GetRecipe("mip9"), ScenarioError);
}

TEST(Recipe, RolesReadLikeTheDrafts)
{
    // Spot checks of the table in DESIGN.md.
    const dmm::Recipe& pmip = dmm::GetRecipe("pmipv6");
    EXPECT_TRUE(pmip.Role("anchor").agent.Is("ns3::LmaAgent"));
    for (const char* f : {"haa", "lm", "mr", "rc"})
    {
        EXPECT_TRUE(pmip.Role("anchor").Has(f)) << f;
    }
    EXPECT_TRUE(pmip.Role("access").Function("lu")->Is("ns3::ProxyLocationUpdate"));
    EXPECT_EQ(pmip.accessLinkAddress, "shared");
    const dmm::Recipe& dma = dmm::GetRecipe("dma");
    EXPECT_TRUE(dma.Role("access").agent.Is("ns3::MarAgent"));
    EXPECT_TRUE(dma.Role("anchor").agent.Is("ns3::SessionDbAgent"));
    EXPECT_FALSE(dma.Role("anchor").Has("haa"));
    const dmm::Recipe& ha = dmm::GetRecipe("migrating-ha");
    EXPECT_EQ(ha.homePrefixes, "anycast");
    EXPECT_TRUE(ha.Role("anchor").Function("lm")->Is("ns3::ReplicatedBindingCache"));
    EXPECT_TRUE(dmm::GetRecipe("mipv6-ro").Role("cn").agent.Is("ns3::CnAgent"));
}

TEST(Recipe, VariantsFollowTheScenarioKeys)
{
    const dmm::Recipe& fd = dmm::GetRecipe("fully-distributed");
    json scenario = {{"protocol", {{"location_update", "client"}, {"location", "push"}}}};
    dmm::Recipe client = dmm::ResolveVariants(fd, scenario);
    EXPECT_TRUE(client.Role("mn").agent.Is("ns3::LocatedMnAgent"));
    EXPECT_TRUE(client.Role("mn").agent.IsA("ns3::MipMnAgent"));
    EXPECT_TRUE(client.Role("access").agent.Is("ns3::AccessRouterAgent"));
    EXPECT_EQ(client.Role("router").Function("mr")->Attribute("Push"), "true");
    dmm::Recipe plain = dmm::ResolveVariants(fd, json::object());
    EXPECT_TRUE(plain.Role("access").agent.Is("ns3::MrAgent"));
    EXPECT_EQ(plain.Role("access").Function("mr")->Attribute("Push", "unset"), "unset");
    dmm::Recipe proxy = dmm::ResolveVariants(dmm::GetRecipe("dma-client"),
                                             {{"protocol", {{"client_lu", "proxy"}}}});
    EXPECT_TRUE(proxy.Role("access").Has("relay"));
    EXPECT_EQ(proxy.Role("mn").agent.Attribute("ProxyLocationUpdate"), "true");
}

TEST(Recipe, SchemaErrorsNameTheKey)
{
    json r = Builtin("pmipv6");
    auto expect = [](json j, const std::string& part) {
        std::string e = RecipeError(j);
        EXPECT_NE(e.find(part), std::string::npos) << "expected \"" << part << "\" in: " << e;
    };
    json j = r;
    j["colour"] = "red";
    expect(j, "recipe.colour: unknown key");
    j = r;
    j["roles"]["gateway"] = json::object();
    expect(j, "recipe.roles.gateway: unknown key");
    j = r;
    j["roles"]["access"]["functions"]["xx"] = "ns3::RoutingControl";
    expect(j, "recipe.roles.access.functions.xx: unknown key");
    j = r;
    j["roles"]["anchor"]["functions"]["lm"] = "ns3::NoSuchThing";
    expect(j, "recipe.roles.anchor.functions.lm: unknown TypeId \"ns3::NoSuchThing\"");
    j = r;
    j["roles"]["anchor"]["functions"]["lm"] = "ns3::RoutingControl";
    expect(j, "\"ns3::RoutingControl\" is not a ns3::LocationManagement");
    j = r;
    j["roles"]["access"]["agent"] = {{"type", "ns3::MagAgent"}, {"attributes", {{"Nope", 1}}}};
    expect(j, "recipe.roles.access.agent.attributes.Nope: \"ns3::MagAgent\" has no attribute");
    j = r;
    j["roles"]["access"]["agent"] = {{"type", "ns3::MagAgent"},
                                     {"attributes", {{"ProcessingDelay", "soon"}}}};
    expect(j, "invalid value \"soon\" for ns3::MagAgent::ProcessingDelay");
    j = r;
    j["scenario"]["anchors"] = "everywhere";
    expect(j, "recipe.scenario.anchors: unknown value \"everywhere\"");
    j = r;
    j["name"] = "Has Spaces";
    expect(j, "recipe.name");
}

TEST(Recipe, RecipesThatCannotWorkAreRefused)
{
    auto expect = [](json j, const std::string& part) {
        std::string e = RecipeError(j);
        EXPECT_NE(e.find(part), std::string::npos) << "expected \"" << part << "\" in: " << e;
    };
    json j = Builtin("pmipv6");
    j["roles"]["anchor"]["functions"].erase("lm");
    expect(j, "roles.anchor: ns3::LmaAgent needs the function \"lm\"");
    j = Builtin("pmipv6");
    j["roles"].erase("anchor");
    j["scenario"]["anchors"] = "none";
    expect(j, "a MAG (ns3::MagAgent) needs ns3::LmaAgent here (found none)");
    j = Builtin("mipv6");
    j["roles"].erase("anchor");
    j["scenario"]["anchors"] = "none";
    expect(j, "needs a home agent");
    j = Builtin("mipv6-ro");
    j["roles"].erase("cn");
    expect(j, "route optimisation needs both ends");
    j = Builtin("migrating-ha");
    j["scenario"]["home_prefixes"] = "unicast";
    expect(j, "\"anycast\" and a replicated LM");
    j = Builtin("mipv6");
    j["scenario"]["anchors"] = "per-network";
    expect(j, "is built on one central anchor only");
    j = Builtin("hmipv6");
    j["roles"].erase("aggregation");
    expect(j, "HMIPv6 needs both ends");
    j = Builtin("pmipv6");
    j["roles"]["mn"] = Builtin("mipv6")["roles"]["mn"];
    expect(j, "needs a home agent");
    j = Builtin("dma-client");
    j["roles"]["mn"]["agent"] = "ns3::MipMnAgent";
    expect(j, "a client-based DMM node (ns3::DmaClientMnAgent) needs a home agent on every");
    j = Builtin("fully-distributed");
    j["roles"]["mn"] = Builtin("mipv6")["roles"]["mn"];
    expect(j, "take either such nodes or plain hosts");
}

TEST(Recipe, JsonRecipeGivesByteIdenticalResults)
{
    // A researcher's file holding a built-in recipe runs exactly as the built-in profile;
    // a variant the scenario selects by key may also be written out in the file.
    struct Case
    {
        std::string scenario;
        std::string profile;
        std::string sets;                                          //!< for the built-in run
        std::vector<std::pair<std::string, std::string>> variants; //!< written out
    };

    std::vector<Case> cases{
        {"dmm-fig6-migrating-ha.json", "migrating-ha", "", {}},
        {"dmm-fig7-dma.json", "dma", "", {}},
        {"mipv6-triangle.json", "mipv6-ro", "", {}},
        {"dmm-fig9-fully-distributed.json",
         "fully-distributed",
         " --set protocol.location=push",
         {{"protocol.location_update", "client"}, {"protocol.location", "push"}}},
    };
    for (const auto& c : cases)
    {
        json recipe = Builtin(c.profile);
        for (const auto& [key, value] : c.variants)
        {
            recipe.merge_patch(recipe["variants"][key][value]);
        }
        if (!c.variants.empty())
        {
            recipe.erase("variants");
        }
        std::string dir = TempDir(c.profile);
        std::ofstream(dir + "/recipe.json") << recipe.dump(2);
        std::string out;
        ASSERT_EQ(RunDmm(Scenario(c.scenario) + " --quiet --profile " + c.profile + c.sets +
                             " --out " + dir + "/builtin",
                         out),
                  0)
            << out;
        ASSERT_EQ(RunDmm(Scenario(c.scenario) + " --quiet --profile-file " + dir +
                             "/recipe.json --out " + dir + "/file",
                         out),
                  0)
            << out;
        for (const char* f : {"summary.json", "handovers.csv", "signaling.csv", "flows.csv"})
        {
            EXPECT_EQ(Result(dir + "/builtin", f), Result(dir + "/file", f))
                << c.profile << " " << f;
        }
        std::string rows = Result(dir + "/file", "signaling.csv");
        EXPECT_GT(std::count(rows.begin(), rows.end(), '\n'), 1) << c.profile;
    }
}

TEST(Recipe, RecipeObjectInTheScenario)
{
    json scenario = json::parse(ReadFile(Scenario("dmm-fig5-distributed-anchors.json")));
    scenario.erase("profile");
    scenario["recipe"] = Builtin("distributed-anchors");
    scenario["recipe"]["name"] = "my-anchors";
    std::string dir = TempDir("inline");
    std::ofstream(dir + "/scenario.json") << scenario.dump(2);
    std::string out;
    ASSERT_EQ(RunDmm(dir + "/scenario.json --quiet --out " + dir + "/r", out), 0) << out;
    json summary = json::parse(ReadFile(dir + "/r/summary.json"));
    EXPECT_EQ(summary["profile"], "my-anchors");
    EXPECT_GT(summary["handovers"]["count"].get<int>(), 0);

    scenario["profile"] = "pmipv6";
    std::ofstream(dir + "/both.json") << scenario.dump(2);
    EXPECT_EQ(RunDmm(dir + "/both.json --quiet --out " + dir + "/b", out), 1);
    EXPECT_NE(out.find("profile: \"pmipv6\" but the recipe is \"my-anchors\""), std::string::npos)
        << out;

    std::ofstream(dir + "/bad.json") << "{\"name\": \"x\", \"roles\": 3}";
    EXPECT_EQ(RunDmm(Scenario("pmipv6-hierarchical.json") + " --profile-file " + dir +
                         "/bad.json --out " + dir + "/c",
                     out),
              1);
    EXPECT_NE(out.find("recipe.roles: expected an object"), std::string::npos) << out;
}

TEST(Recipe, KeysAProfileDoesNotReadAreReported)
{
    // In the file: named on stderr and in summary.json; from --set: an error.
    json scenario = json::parse(ReadFile(Scenario("pmipv6-hierarchical.json")));
    scenario["protocol"]["location"] = "push";
    scenario["protocol"]["binding_lifetime_s"] = 300;
    std::string dir = TempDir("ignored");
    std::ofstream(dir + "/scenario.json") << scenario.dump(2);
    std::string out;
    ASSERT_EQ(RunDmm(dir + "/scenario.json --quiet --out " + dir + "/r", out), 0) << out;
    EXPECT_NE(out.find("protocol.location is not read under profile \"pmipv6\""), std::string::npos)
        << out;
    json summary = json::parse(ReadFile(dir + "/r/summary.json"));
    EXPECT_EQ(summary["ignored_keys"], json::array({"protocol.location"}));

    EXPECT_EQ(RunDmm(Scenario("pmipv6-hierarchical.json") +
                         " --profile none --set protocol.binding_lifetime_s=100 --out " + dir +
                         "/n",
                     out),
              1);
    EXPECT_NE(out.find("--set protocol.binding_lifetime_s: profile \"none\" does not read"),
              std::string::npos)
        << out;
    EXPECT_EQ(RunDmm(Scenario("pmipv6-hierarchical.json") +
                         " --quiet --set protocol.binding_lifetime_s=100 --out " + dir + "/p",
                     out),
              0)
        << out;
}

TEST(Recipe, ListProfilesShowsEveryRecipe)
{
    std::string out;
    ASSERT_EQ(RunDmm("--list-profiles", out), 0) << out;
    for (const auto& name : dmm::ProfileNames())
    {
        EXPECT_NE(out.find(name + " ("), std::string::npos) << name;
    }
    EXPECT_NE(out.find("ns3::MarAgent"), std::string::npos);
    ASSERT_EQ(RunDmm("--list-profiles --json", out), 0) << out;
    json all = json::parse(out);
    ASSERT_EQ(all.size(), dmm::ProfileNames().size());
    EXPECT_EQ(all[3]["name"], "pmipv6");
    ASSERT_EQ(RunDmm("--list-profiles --names", out), 0);
    EXPECT_EQ(out.substr(0, 11), "none\nmipv6\n");
}

TEST(Recipe, DocumentedTablesAreTheRegistry)
{
    // doc/dmm.rst's Design section holds the generated recipe tables: regenerate them with
    // `build/dmm-run --list-profiles --rst` when a recipe changes.
    std::string doc = ReadFile(std::string(DMM_SOURCE_DIR) + "/doc/dmm.rst");
    // A blank line ends the marker comment, as reStructuredText requires.
    const std::string begin = ".. BEGIN generated by: dmm-run --list-profiles --rst\n\n";
    auto from = doc.find(begin);
    auto to = doc.find(".. END generated");
    ASSERT_NE(from, std::string::npos);
    ASSERT_NE(to, std::string::npos);
    std::string out;
    ASSERT_EQ(RunDmm("--list-profiles --rst", out), 0);
    EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), out);
}
