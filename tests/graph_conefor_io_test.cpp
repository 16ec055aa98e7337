// Conefor files: reading (header, CRLF, comments, partial listing, both directions), writing,
// the round trip of the result files, and `ecoshield connectivity metrics` end to end.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "graph/conefor_io.h"

using namespace eco::graph;
namespace fs = std::filesystem;

namespace {
const std::string D = std::string(ECOSHIELD_TEST_DATA) + "/graph/";
fs::path tmpdir(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("ecoshield_graph_io_" + name);
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}
}  // namespace

TEST_CASE("conefor io: reading node and connection files", "[graph][conefor]") {
    auto nodes = read_conefor_nodes(D + "worked_nodes.txt");
    REQUIRE(nodes.size() == 4);  // header and comment skipped, CRLF stripped
    CHECK(nodes[0].id == "1");
    CHECK(nodes[3].area == 0.5);
    auto links = read_conefor_links(D + "worked_distances.txt", ConnectionValue::Distance);
    REQUIRE(links.size() == 4);
    auto hg = build_graph(nodes, links);
    CHECK(hg.link_count() == 3);  // 1-2 and 2-1 merged, the shorter kept
    CHECK(hg.duplicate_links == 1);
    CHECK(hg.link(0).distance == 1.0);
    auto probs = read_conefor_links(D + "worked_probabilities.txt", ConnectionValue::Probability);
    CHECK(probs[2].probability == 0.1);
    // a distance file read as probabilities is refused with a hint
    CHECK_THROWS_WITH(read_conefor_links(D + "worked_distances.txt", ConnectionValue::Probability),
                      Catch::Contains("--links-are distance"));
    CHECK_THROWS_WITH(read_conefor_nodes(D + "missing.txt"), Catch::Contains("cannot open"));
    auto bad = tmpdir("bad");
    std::ofstream(bad / "n.txt") << "1 2 3 4\n";
    CHECK_THROWS_WITH(read_conefor_nodes((bad / "n.txt").string()), Catch::Contains("n.txt:1:"));
}

TEST_CASE("conefor io: metrics from either file kind and the result files round trip", "[graph][conefor]") {
    auto nodes = read_conefor_nodes(D + "worked_nodes.txt");
    MetricsOptions od;
    od.p0 = 0.5;
    od.d0 = 1.0;
    od.landscape_area = 10.0;
    Metrics md = compute_metrics(build_graph(nodes, read_conefor_links(D + "worked_distances.txt", ConnectionValue::Distance)), od);
    MetricsOptions op;
    op.links_are = MetricsOptions::LinksAre::Probability;
    op.landscape_area = 10.0;
    auto hgp = build_graph(nodes, read_conefor_links(D + "worked_probabilities.txt", ConnectionValue::Probability));
    Metrics mp = compute_metrics(hgp, op);
    // the isolated patch 4 adds 0.5^2: PCnum = 5.5 + 0.25; node 2: (5.75 - 2.2 - 0.25) / 5.75
    CHECK(md.pc_num == Approx(5.75).epsilon(1e-12));
    CHECK(mp.pc_num == Approx(5.75).epsilon(1e-12));
    CHECK(mp.node[1].dPC == Approx(100 * 3.3 / 5.75).epsilon(1e-12));
    CHECK(md.components == 2);

    auto dir = tmpdir("roundtrip");
    write_node_importances((dir / "node_importances.txt").string(), hgp, mp);
    write_overall_indices((dir / "overall_indices.txt").string(), mp);
    auto rows = read_node_importances((dir / "node_importances.txt").string());
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].node == "2");
    CHECK(rows[1].values[5] == Approx(mp.node[1].dPC).epsilon(1e-11));          // dPC
    CHECK(rows[1].values[8] == Approx(mp.node[1].dPCconnector).epsilon(1e-11));  // dPCconnector
    auto ov = read_overall_indices((dir / "overall_indices.txt").string());
    CHECK(ov.at("PC") == Approx(0.0575).epsilon(1e-11));
    CHECK(ov.at("EC(PC)") == Approx(std::sqrt(5.75)).epsilon(1e-11));
    CHECK(ov.at("NC") == 2);
    // node and connection files written and read back give the same graph, exactly
    write_conefor_nodes((dir / "n.txt").string(), nodes);
    write_conefor_links((dir / "l.txt").string(), hgp, ConnectionValue::Probability);
    auto hg2 = build_graph(read_conefor_nodes((dir / "n.txt").string()),
                           read_conefor_links((dir / "l.txt").string(), ConnectionValue::Probability));
    Metrics m2 = compute_metrics(hg2, op);
    CHECK(m2.pc_num == mp.pc_num);
}

TEST_CASE("conefor io: ecoshield connectivity metrics end to end", "[graph][conefor][cli]") {
    auto dir = tmpdir("cli");
    std::string cmd = std::string(ECOSHIELD_BINARY) + " -q connectivity metrics --nodes " + D +
                      "worked_nodes.txt --links " + D + "worked_distances.txt --p0 0.5 --d0 1 --threshold 2 " +
                      "--landscape-area 10 --out " + dir.string();
    REQUIRE(std::system(cmd.c_str()) == 0);
    for (auto f : {"overall_indices.txt", "node_importances.txt", "metrics.json", "nodes.csv", "links.csv"})
        CHECK(fs::exists(dir / f));
    auto ov = read_overall_indices((dir / "overall_indices.txt").string());
    CHECK(ov.at("PC") == Approx(0.0575).epsilon(1e-11));
    auto j = nlohmann::json::parse(std::ifstream(dir / "metrics.json"));
    CHECK(j["inputs"].size() == 2);
    CHECK(j["inputs"][0]["sha256"].get<std::string>().size() == 64);
    CHECK(j["parameters"]["p0"] == 0.5);
    // bad input: exit status 2 and one line naming the option
    std::string bad = std::string(ECOSHIELD_BINARY) + " -q connectivity metrics --nodes " + D + "worked_nodes.txt --links " +
                      D + "worked_distances.txt --p0 2 --out " + dir.string() + " 2> " + (dir / "err.txt").string();
    int rc = std::system(bad.c_str());
    CHECK(WEXITSTATUS(rc) == 2);
    std::ifstream e(dir / "err.txt");
    std::string err((std::istreambuf_iterator<char>(e)), std::istreambuf_iterator<char>());
    CHECK_THAT(err, Catch::Contains("--p0"));
}
