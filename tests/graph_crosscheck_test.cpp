// Cross-check against an independent implementation: tests/graph_crosscheck.py (networkx) recomputes
// IIC, PC, dIIC, dPC (node removals) and link dPC by the naive definition on random graphs of up
// to 200 nodes and compares with ecoshield's results (written here to a temporary directory).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "graph/conefor_io.h"
#include "graph/metrics.h"

using namespace eco::graph;
namespace fs = std::filesystem;

namespace {

bool have_networkx() { return std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0; }

void run_case(unsigned seed, int n, double reach, bool integer, bool links) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> U(0, 1);
    std::vector<Node> nodes;
    std::vector<Link> ls;
    for (int i = 0; i < n; ++i) nodes.push_back({"n" + std::to_string(i), 0.5 + 20 * U(rng), 10 * U(rng), 10 * U(rng)});
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            double d = std::hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y);
            if (d >= reach) continue;
            // integer lengths make many ties; stretched links make indirect paths win
            double len = integer ? std::floor(1 + 3 * U(rng)) : d * (U(rng) < 0.3 ? 2.5 : 1.0);
            ls.push_back({nodes[i].id, nodes[j].id, len});
        }
    auto hg = build_graph(nodes, ls);
    MetricsOptions o;
    o.p0 = 0.4;
    o.d0 = integer ? 1.0 : 1.2;
    o.threshold = integer ? 2.0 : 1.5;
    o.landscape_area = 5000;
    o.link_importance = links ? "on" : "off";
    Metrics m = compute_metrics(hg, o);

    fs::path dir = fs::temp_directory_path() / ("ecoshield_graph_crosscheck_" + std::to_string(seed));
    fs::create_directories(dir);
    write_conefor_nodes((dir / "nodes.txt").string(), nodes);
    write_conefor_links((dir / "links.txt").string(), hg, ConnectionValue::Distance);
    nlohmann::json prm = {{"p0", o.p0}, {"d0", o.d0}, {"threshold", *o.threshold}, {"landscape_area", 5000}};
    std::ofstream(dir / "params.json") << prm.dump();
    std::ofstream(dir / "cpp.json") << metrics_json(hg, m).dump();
    std::string cmd = "/usr/bin/python3 " ECOSHIELD_SOURCE_DIR "/tests/graph_crosscheck.py " + dir.string() + " > " +
                      (dir / "report.txt").string() + " 2>&1";
    int rc = std::system(cmd.c_str());
    std::ifstream rep(dir / "report.txt");
    std::string report((std::istreambuf_iterator<char>(rep)), std::istreambuf_iterator<char>());
    INFO("seed " << seed << ", " << n << " nodes, " << hg.link_count() << " links, method " << m.method << "\n" << report);
    CHECK(rc == 0);
    if (rc == 0) fs::remove_all(dir);
}

}  // namespace

TEST_CASE("graph crosscheck: networkx recomputes IIC, PC, dIIC, dPC by the definitions", "[graph][crosscheck]") {
    if (!have_networkx()) {
        FAIL("graph crosscheck: /usr/bin/python3 with networkx is missing; install python3-networkx "
             "(scripts/install-deps.sh does)");
    }
    run_case(101, 12, 6.0, false, true);   // small, dense
    run_case(102, 40, 2.5, false, true);   // medium, stretched links
    run_case(103, 60, 2.0, true, true);    // integer lengths: ties everywhere
    run_case(104, 90, 1.6, false, false);  // sparse, several components
    run_case(105, 200, 1.1, false, false); // the largest
}
