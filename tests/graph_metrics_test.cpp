// Connectivity metrics: hand-worked values (DOMAIN.md worked example), identities, ties, and the
// fast removal analysis against a naive one (Floyd-Warshall once per removed node / link).
#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include <cmath>
#include <random>

#include "core/error.h"
#include "graph/metrics.h"

using namespace eco::graph;

namespace {

// The worked example: three nodes of area 1, A_L = 10, p12 = p23 = 0.5, p13 = 0.1. With p0 = 0.5
// at d0 = 1, distances 1, 1 and log2(10) give those probabilities; threshold 2 makes 1-2 and 2-3
// the binary links for IIC.
HabitatGraph worked_example() {
    return build_graph({{"1", 1.0}, {"2", 1.0}, {"3", 1.0}},
                       {{"1", "2", 1.0}, {"2", "3", 1.0}, {"1", "3", std::log2(10.0)}});
}
MetricsOptions worked_options() {
    MetricsOptions o;
    o.p0 = 0.5;
    o.d0 = 1.0;
    o.threshold = 2.0;
    o.landscape_area = 10.0;
    o.link_importance = "on";
    return o;
}

// Naive reference: Floyd-Warshall on lengths (PC: -ln p; IIC: 1 per binary link), one run per removal.
struct Naive {
    std::vector<double> a;
    std::vector<std::array<double, 3>> links;  // u, v, length
    double num(int skip_node = -1, int skip_link = -1, bool iic = false) const {
        const std::size_t n = a.size();
        std::vector<double> D(n * n, INFINITY);
        for (std::size_t i = 0; i < n; ++i) D[i * n + i] = 0;
        for (std::size_t e = 0; e < links.size(); ++e) {
            if (static_cast<int>(e) == skip_link) continue;
            std::size_t u = static_cast<std::size_t>(links[e][0]), v = static_cast<std::size_t>(links[e][1]);
            if (static_cast<int>(u) == skip_node || static_cast<int>(v) == skip_node) continue;
            double l = iic ? 1.0 : links[e][2];
            D[u * n + v] = std::min(D[u * n + v], l);
            D[v * n + u] = std::min(D[v * n + u], l);
        }
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) D[i * n + j] = std::min(D[i * n + j], D[i * n + k] + D[k * n + j]);
        double s = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                if (static_cast<int>(i) == skip_node || static_cast<int>(j) == skip_node) continue;
                double d = D[i * n + j];
                if (d == INFINITY) continue;
                s += a[i] * a[j] * (iic ? 1.0 / (1.0 + d) : std::exp(-d));
            }
        return s;
    }
};

struct Random {
    std::vector<Node> nodes;
    std::vector<Link> links;
};
// n nodes at random positions; links between pairs closer than `reach` (Euclidean) or, with
// `integer`, integer distances 1..3 on random pairs (many ties).
Random random_graph(unsigned seed, int n, double reach, bool integer) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> U(0, 1);
    Random r;
    for (int i = 0; i < n; ++i) r.nodes.push_back({std::to_string(i + 1), 0.1 + 10 * U(rng), 10 * U(rng), 10 * U(rng)});
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            if (integer) {
                if (U(rng) < reach) r.links.push_back({r.nodes[i].id, r.nodes[j].id, std::floor(1 + 3 * U(rng))});
            } else {
                double d = std::hypot(r.nodes[i].x - r.nodes[j].x, r.nodes[i].y - r.nodes[j].y);
                // non-metric on purpose: stretch some links so that indirect paths win
                if (d < reach) r.links.push_back({r.nodes[i].id, r.nodes[j].id, d * (U(rng) < 0.3 ? 3.0 : 1.0)});
            }
        }
    return r;
}

}  // namespace

TEST_CASE("graph metrics: the DOMAIN.md worked example, exactly", "[graph][metrics]") {
    auto hg = worked_example();
    Metrics m = compute_metrics(hg, worked_options());
    INFO("PCnum " << m.pc_num << " PC " << m.pc << " EC " << m.ec_pc);
    CHECK(m.pc_num == Approx(5.5).epsilon(1e-12));
    CHECK(m.pc == Approx(0.055).epsilon(1e-12));
    CHECK(m.ec_pc == Approx(2.345208).epsilon(1e-7));
    CHECK(m.ec_pc == Approx(std::sqrt(m.pc_num)).epsilon(1e-15));  // EC(PC) = sqrt(PCnum)
    const NodeMetrics& n2 = m.node[1];
    INFO("node 2: dPC " << n2.dPC << " intra " << n2.dPCintra << " flux " << n2.dPCflux << " connector " << n2.dPCconnector);
    CHECK(n2.dPC == Approx(60.0).epsilon(1e-12));
    CHECK(n2.dPCintra == Approx(100.0 / 5.5).epsilon(1e-12));        // 18.1818 %
    CHECK(n2.dPCflux == Approx(200.0 / 5.5).epsilon(1e-12));         // 36.3636 %
    CHECK(n2.dPCconnector == Approx(100.0 * 0.3 / 5.5).epsilon(1e-9));  // 5.4545 %: 2 (0.25 - 0.1)
    for (int k : {0, 2}) {
        INFO("node " << k + 1 << ": dPC " << m.node[k].dPC << " connector " << m.node[k].dPCconnector);
        CHECK(m.node[k].dPC == Approx(100.0 * 2.5 / 5.5).epsilon(1e-12));  // 45.4545 %
        CHECK(m.node[k].dPCconnector == 0.0);
    }
    CHECK(m.node[1].dA == Approx(100.0 / 3));
    // F: between-patch part of PCnum = 5.5 - 3
    CHECK(m.flux == Approx(2.5).epsilon(1e-12));
    // BC_PC: pairs (1,3) and (3,1), a1 a3 p*13 = 0.25 each, both through node 2
    CHECK(m.node[1].bc_pc == Approx(0.5).epsilon(1e-12));
    CHECK(m.node[0].bc_pc == 0.0);
    // Links: removing 1-2 leaves p*12 = max(0.1 * 0.5) = 0.05 and p*13 = 0.1:
    // PCnum' = 3 + 2 (0.05 + 0.5 + 0.1) = 4.3 -> dPC = 100 * 1.2 / 5.5. Removing 1-3 loses nothing.
    CHECK(m.link[0].dPC == Approx(100.0 * 1.2 / 5.5).epsilon(1e-9));
    CHECK(m.link[2].dPC == 0.0);
}

TEST_CASE("graph metrics: IIC by hand on binary links 1-2 and 2-3", "[graph][metrics]") {
    // nl12 = nl23 = 1, nl13 = 2. IICnum = 3 (i = j) + 2 (1/2 + 1/2 + 1/3) = 17/3; IIC = 17/3 / 100.
    // Without node 2 nodes 1 and 3 are disconnected: IICnum' = 2 -> dIIC2 = (17/3 - 2)/(17/3) = 11/17,
    //   intra 3/17, flux 2 (1/2 + 1/2) / (17/3) = 6/17, connector 2 (1/3) / (17/3) = 2/17.
    // Without node 1: IICnum' = 2 + 2 (1/2) = 3 -> dIIC1 = 8/17 (intra 3/17, flux 5/17, connector 0).
    Metrics m = compute_metrics(worked_example(), worked_options());
    CHECK(m.binary_links == 2);
    CHECK(m.iic_num == Approx(17.0 / 3).epsilon(1e-14));
    CHECK(m.iic == Approx(17.0 / 300).epsilon(1e-14));
    CHECK(m.ec_iic == Approx(std::sqrt(17.0 / 3)).epsilon(1e-14));
    CHECK(m.node[1].dIIC == Approx(1100.0 / 17).epsilon(1e-12));
    CHECK(m.node[1].dIICintra == Approx(300.0 / 17).epsilon(1e-12));
    CHECK(m.node[1].dIICflux == Approx(600.0 / 17).epsilon(1e-12));
    CHECK(m.node[1].dIICconnector == Approx(200.0 / 17).epsilon(1e-12));
    CHECK(m.node[0].dIIC == Approx(800.0 / 17).epsilon(1e-12));
    CHECK(m.node[0].dIICconnector == 0.0);
    CHECK(m.components == 1);
    CHECK(m.node[1].cut_vertex);
    CHECK_FALSE(m.node[0].cut_vertex);
    CHECK(m.link[0].bridge);
    CHECK(m.link[1].bridge);
    CHECK_FALSE(m.link[2].binary);
    CHECK(m.node[1].degree == 2);
}

TEST_CASE("graph metrics: identities on a random graph", "[graph][metrics]") {
    auto rg = random_graph(7, 40, 3.0, false);
    auto hg = build_graph(rg.nodes, rg.links);
    MetricsOptions o;
    o.p0 = 0.5;
    o.d0 = 2.0;
    o.landscape_area = 1000.0;
    Metrics m = compute_metrics(hg, o);
    // sum_k pc_fraction_k = PC, i.e. sum_k (dPCintra_k + dPCflux_k / 2) = 100 %
    double sf = 0, sp = 0;
    for (const auto& x : m.node) {
        sf += x.pc_fraction;
        sp += x.dPCintra + x.dPCflux / 2;
        CHECK(x.dPCconnector >= 0.0);
        CHECK(x.dPC == Approx(x.dPCintra + x.dPCflux + x.dPCconnector).epsilon(1e-12));
    }
    CHECK(sf == Approx(m.pc).epsilon(1e-12));
    CHECK(sp == Approx(100.0).epsilon(1e-12));
    CHECK(m.ec_pc == Approx(std::sqrt(m.pc_num)).epsilon(1e-15));
    CHECK(m.flux == Approx(m.pc_num - [&] {
                        double s = 0;
                        for (const auto& nd : rg.nodes) s += nd.area * nd.area;
                        return s;
                    }()).epsilon(1e-12));
}

TEST_CASE("graph metrics: dConnector is zero when every best path is the direct link", "[graph][metrics]") {
    // Complete graph on points in the plane with Euclidean distances: the triangle inequality makes
    // every direct link a best path, so no node is a connector; both methods must see it.
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> U(0, 100);
    std::vector<Node> nodes;
    std::vector<Link> links;
    for (int i = 0; i < 80; ++i) nodes.push_back({std::to_string(i), 1 + U(rng), U(rng), U(rng)});
    for (int i = 0; i < 80; ++i)
        for (int j = i + 1; j < 80; ++j)
            links.push_back({nodes[i].id, nodes[j].id, std::hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y)});
    auto hg = build_graph(nodes, links);
    for (std::string method : {"dense", "sparse"}) {
        MetricsOptions o;
        o.d0 = 10;
        o.method = method;
        o.link_importance = "on";
        Metrics m = compute_metrics(hg, o);
        INFO("method " << method << " star sources " << m.star_sources);
        if (method == "dense") CHECK(m.star_sources == 80);
        for (const auto& x : m.node) {
            CHECK(x.dPCconnector == 0.0);
            CHECK(x.bc_pc == 0.0);
        }
    }
}

TEST_CASE("graph metrics: collinear patches (ties) give the same results by both methods", "[graph][metrics]") {
    // Points on a 6 x 6 integer lattice, complete graph with Euclidean distances: many exactly
    // collinear triples (ties), so the dense method's near-star path and the sparse Dijkstra must
    // agree on everything, betweenness included.
    std::vector<Node> nodes;
    std::vector<Link> links;
    for (int i = 0; i < 36; ++i) nodes.push_back({std::to_string(i), 1.0 + i % 5, double(i % 6), double(i / 6)});
    for (int i = 0; i < 36; ++i)
        for (int j = i + 1; j < 36; ++j)
            links.push_back({nodes[i].id, nodes[j].id, std::hypot(nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y)});
    auto hg = build_graph(nodes, links);
    MetricsOptions o;
    o.d0 = 2.0;
    o.link_importance = "on";
    o.method = "dense";
    Metrics d = compute_metrics(hg, o);
    o.method = "sparse";
    Metrics s = compute_metrics(hg, o);
    CHECK(d.star_sources == 36);
    CHECK(d.pc_num == Approx(s.pc_num).epsilon(1e-14));
    for (std::size_t k = 0; k < 36; ++k) {
        INFO("node " << k << " BC dense " << d.node[k].bc_pc << " sparse " << s.node[k].bc_pc);
        CHECK(d.node[k].bc_pc == Approx(s.node[k].bc_pc).epsilon(1e-12).margin(1e-15));
        CHECK(d.node[k].dPC == Approx(s.node[k].dPC).epsilon(1e-12));
        CHECK(d.node[k].dPCconnector == 0.0);
        CHECK(s.node[k].dPCconnector == 0.0);
    }
    bool some_bc = false;
    for (std::size_t k = 0; k < 36; ++k) some_bc = some_bc || d.node[k].bc_pc > 0;
    CHECK(some_bc);
    for (std::size_t e = 0; e < hg.link_count(); ++e) CHECK(d.link[e].dPC == Approx(s.link[e].dPC).epsilon(1e-12).margin(1e-13));
}

TEST_CASE("graph metrics: an equally good alternative path loses nothing", "[graph][metrics]") {
    // Square 1-2-4-3-1, all links equal: every 1-4 best path has an equal twin, so removing 2
    // (or 3) changes no other pair: dConnector = 0; BC_PC splits the 1-4 credit half and half.
    auto hg = build_graph({{"1", 1}, {"2", 1}, {"3", 1}, {"4", 1}},
                          {{"1", "2", 1.0}, {"2", "4", 1.0}, {"1", "3", 1.0}, {"3", "4", 1.0}});
    MetricsOptions o;
    o.d0 = 1.0;
    o.link_importance = "on";
    Metrics m = compute_metrics(hg, o);
    for (int k = 0; k < 4; ++k) {
        CHECK(m.node[k].dPCconnector == 0.0);
        CHECK(m.node[k].dIICconnector == 0.0);
    }
    // pairs (1,4), (4,1) through 2 or 3: value 0.25 each, half to each -> 0.25 per node
    CHECK(m.node[1].bc_pc == Approx(0.25).epsilon(1e-12));
    CHECK(m.node[2].bc_pc == Approx(0.25).epsilon(1e-12));
    // the same without link 3-4: node 2 now carries 1-4 alone
    auto hg2 = build_graph({{"1", 1}, {"2", 1}, {"3", 1}, {"4", 1}}, {{"1", "2", 1.0}, {"2", "4", 1.0}, {"1", "3", 1.0}});
    Metrics m2 = compute_metrics(hg2, o);
    CHECK(m2.node[1].dPCconnector > 0.0);
}

TEST_CASE("graph metrics: fast removal analysis equals the naive one", "[graph][metrics]") {
    struct Case {
        unsigned seed;
        int n;
        double reach;
        bool integer;
    };
    for (Case c : {Case{1, 30, 3.0, false}, Case{2, 45, 2.5, false}, Case{3, 40, 0.12, true}, Case{4, 25, 0.5, true},
                   Case{5, 50, 1.6, false}}) {
        auto rg = random_graph(c.seed, c.n, c.reach, c.integer);
        auto hg = build_graph(rg.nodes, rg.links);
        for (std::string method : {"sparse", "dense"}) {
            MetricsOptions o;
            o.d0 = 1.5;
            o.threshold = c.integer ? 2.0 : 2.0;
            o.method = method;
            o.link_importance = "on";
            Metrics m = compute_metrics(hg, o);
            Naive pc, iic;
            for (const auto& nd : rg.nodes) pc.a.push_back(nd.area);
            iic.a = pc.a;
            for (std::size_t e = 0; e < hg.link_count(); ++e) {
                double u = static_cast<double>(hg.source(e)), v = static_cast<double>(hg.target(e));
                pc.links.push_back({u, v, m.alpha * hg.link(e).distance});
                if (m.link[e].binary) iic.links.push_back({u, v, 1.0});
            }
            const double P = pc.num(), I = iic.num(-1, -1, true);
            INFO("seed " << c.seed << " method " << method << " PCnum " << m.pc_num << " naive " << P);
            CHECK(m.pc_num == Approx(P).epsilon(1e-12));
            CHECK(m.iic_num == Approx(I).epsilon(1e-12));
            for (int k = 0; k < c.n; ++k) {
                double dpc = 100 * (P - pc.num(k)) / P, diic = 100 * (I - iic.num(k, -1, true)) / I;
                INFO("node " << k << " dPC " << m.node[k].dPC << " naive " << dpc);
                CHECK(std::abs(m.node[k].dPC - dpc) <= 1e-10);
                CHECK(std::abs(m.node[k].dIIC - diic) <= 1e-10);
            }
            for (std::size_t e = 0; e < hg.link_count(); ++e) {
                double dl = 100 * (P - pc.num(-1, static_cast<int>(e))) / P;
                INFO("link " << e << " dPC " << m.link[e].dPC << " naive " << dl);
                CHECK(std::abs(m.link[e].dPC - dl) <= 1e-10);
            }
        }
    }
}

TEST_CASE("graph metrics: results do not depend on the thread count", "[graph][metrics]") {
    auto rg = random_graph(11, 300, 1.2, false);
    auto hg = build_graph(rg.nodes, rg.links);
    MetricsOptions o;
    o.d0 = 1.0;
    o.link_importance = "on";
    Metrics one, two;
    {
        tbb::global_control g(tbb::global_control::max_allowed_parallelism, 1);
        one = compute_metrics(hg, o);
    }
    {
        tbb::global_control g(tbb::global_control::max_allowed_parallelism, 2);
        two = compute_metrics(hg, o);
    }
    CHECK(one.pc_num == two.pc_num);
    CHECK(one.iic_num == two.iic_num);
    for (std::size_t k = 0; k < one.node.size(); ++k) {
        CHECK(one.node[k].dPC == two.node[k].dPC);
        CHECK(one.node[k].bc_pc == two.node[k].bc_pc);
    }
    for (std::size_t e = 0; e < one.link.size(); ++e) CHECK(one.link[e].dPC == two.link[e].dPC);
}

TEST_CASE("graph metrics: bad input is refused with a message that says what to do", "[graph][metrics]") {
    auto hg = worked_example();
    MetricsOptions o;
    o.p0 = 1.5;
    CHECK_THROWS_WITH(compute_metrics(hg, o), Catch::Contains("--p0"));
    o = MetricsOptions{};
    o.landscape_area = 1.0;
    CHECK_THROWS_WITH(compute_metrics(hg, o), Catch::Contains("smaller than the summed node area"));
    o = MetricsOptions{};
    o.links_are = MetricsOptions::LinksAre::Probability;
    o.threshold = 3;
    CHECK_THROWS_AS(compute_metrics(hg, o), eco::BadInput);
}
