// connectivity run at scale (engine/graph/bounded_cost, pipeline_links, pipeline_patches): the bounded,
// windowed least-cost search against the raster engine's full-grid cost_run (an independent Dijkstra);
// complete links with a maximum cost against the unbounded ones; planar links from ONE allocation run
// against the per-patch least costs (equal when the least-cost path stays in the two zones, never
// below); row-by-row patch labelling against a flood fill written here; nearest border cells against
// brute force. Random small grids with fixed seeds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "graph/bounded_cost.h"
#include "graph/pipeline_links.h"
#include "graph/pipeline_patches.h"
#include "raster/raster_cost.h"

using namespace eco::graph;

namespace {

// A random land cover: class 1 habitat blobs (seeded squares) in a matrix of classes 2..4, some class 9
// (impassable) cells. Resistances 1 (habitat), 2, 5, 20, NaN.
struct Landscape {
    LandCover lc;
    Resistance res;
};

Landscape random_landscape(int W, int H, unsigned seed, int blobs, double wall_share = 0.05) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    Landscape L;
    L.lc.grid.width = W;
    L.lc.grid.height = H;
    L.lc.grid.x0 = 1000;
    L.lc.grid.y0 = 5000;
    L.lc.grid.cw = L.lc.grid.ch = 10;
    const std::size_t n = static_cast<std::size_t>(W) * H;
    L.lc.cls.assign(n, 2);
    L.lc.valid.assign(n, 1);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = u(rng);
        L.lc.cls[i] = x < wall_share ? 9 : x < 0.4 ? 3 : x < 0.6 ? 4 : 2;
    }
    for (int b = 0; b < blobs; ++b) {
        const int cx = static_cast<int>(u(rng) * W), cy = static_cast<int>(u(rng) * H);
        const int rx = 1 + static_cast<int>(u(rng) * 3), ry = 1 + static_cast<int>(u(rng) * 3);
        for (int r = std::max(0, cy - ry); r <= std::min(H - 1, cy + ry); ++r)
            for (int c = std::max(0, cx - rx); c <= std::min(W - 1, cx + rx); ++c)
                if (u(rng) < 0.85) L.lc.cls[static_cast<std::size_t>(r) * W + c] = 1;
    }
    const std::map<int, float> rt = {{1, 1.f}, {2, 2.f}, {3, 5.f}, {4, 20.f}};
    L.res.r.assign(n, std::numeric_limits<float>::quiet_NaN());
    L.res.min = 1e300;
    L.res.max = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto it = rt.find(L.lc.cls[i]);
        if (it == rt.end()) continue;
        L.res.r[i] = it->second;
        L.res.min = std::min(L.res.min, static_cast<double>(it->second));
        L.res.max = std::max(L.res.max, static_cast<double>(it->second));
    }
    return L;
}

eco::raster::CostSetup setup_of(const LandCover& lc, bool knight) {
    eco::raster::CostSetup s;
    s.width = lc.grid.width;
    s.height = lc.grid.height;
    s.cw = lc.grid.cw;
    s.ch = lc.grid.ch;
    s.knight = knight;
    return s;
}

const PatchLink* find_link(const LinksResult& l, unsigned u, unsigned v) {
    for (const auto& L : l.links)
        if (L.u == u && L.v == v) return &L;
    return nullptr;
}

}  // namespace

TEST_CASE("bounded cost search: same costs and back-links as the full-grid cost_run", "[graph][scale]") {
    for (unsigned seed : {1u, 2u, 3u, 4u}) {
        for (bool knight : {false, true}) {
            INFO("seed " << seed << " knight " << knight);
            const int W = 47, H = 39;
            auto L = random_landscape(W, H, seed, 10);
            const auto s = setup_of(L.lc, knight);
            // sources: a small block of cells near the middle
            std::vector<uint64_t> src;
            std::vector<std::pair<uint64_t, int32_t>> src_id;
            for (int r = 18; r < 21; ++r)
                for (int c = 20; c < 24; ++c) {
                    const uint64_t i = static_cast<uint64_t>(r) * W + c;
                    L.res.r[i] = 1.f;
                    src.push_back(i);
                    src_id.push_back({i, 1});
                }
            eco::raster::CostState full;
            eco::raster::cost_run(s, L.res.r.data(), src_id, full);
            for (double C : {std::numeric_limits<double>::infinity(), 400.0, 150.0, 35.0}) {
                INFO("max cost " << C);
                BoundedSearch ws;
                bounded_window(s, src, C, 1.0, ws);
                if (C <= 150) CHECK(ws.w * ws.h < W * H);  // a real window (margin C / (r_min x 10 m) + 1 cells)
                bounded_cost_run(s, L.res.r.data(), nullptr, 0, src, C, ws);
                std::size_t within = 0, mismatches = 0;
                for (uint64_t i = 0; i < full.acc.size(); ++i) {
                    if (std::isfinite(full.acc[i]) && full.acc[i] <= C) {
                        ++within;
                        REQUIRE(ws.inside(i));
                        const std::size_t k = ws.local(i);
                        if (ws.acc[k] != full.acc[i] || ws.dir[k] != full.dir[i]) ++mismatches;
                    } else if (ws.inside(i)) {
                        CHECK(std::isinf(ws.acc[ws.local(i)]));  // beyond the bound: not reported
                    }
                }
                CHECK(mismatches == 0);
                CHECK(ws.settled == within);
                CHECK(within > 10);
            }
        }
    }
}

TEST_CASE("complete links with a maximum cost: exactly the unbounded links up to that cost", "[graph][scale]") {
    for (unsigned seed : {11u, 12u, 13u}) {
        INFO("seed " << seed);
        auto L = random_landscape(60, 45, seed, 14);
        PatchOptions po;
        po.habitat_classes = {1};
        const Patches P = find_patches(L.lc, po, "test");
        REQUIRE(P.count() >= 6);
        LinkOptions lo;
        const LinksResult full = patch_links(P, L.res, lo, "test");
        std::vector<double> costs;
        for (const auto& x : full.links) costs.push_back(x.cost);
        std::sort(costs.begin(), costs.end());
        const double C = costs[costs.size() / 3];  // a bound that keeps a third of the links
        lo.max_distance = C;
        const LinksResult b = patch_links(P, L.res, lo, "test");
        std::size_t expect = 0;
        for (const auto& f : full.links) {
            if (f.cost > C) continue;
            ++expect;
            const PatchLink* x = find_link(b, f.u, f.v);
            REQUIRE(x);
            CHECK(x->cost == f.cost);
            CHECK(x->length == f.length);
            CHECK(x->path == f.path);
            CHECK(x->euclid == f.euclid);
        }
        CHECK(b.links.size() == expect);
        CHECK(b.links.size() + b.over_max == full.links.size() + full.unreachable_pairs);
        CHECK(b.settled_cells < full.settled_cells);
    }
}

TEST_CASE("planar links from one allocation run against the per-patch least costs", "[graph][scale]") {
    std::size_t equal = 0, above = 0;
    for (unsigned seed : {21u, 22u, 23u, 24u, 25u}) {
        for (bool knight : {false, true}) {
            INFO("seed " << seed << " knight " << knight);
            auto L = random_landscape(64, 48, seed, 16);
            PatchOptions po;
            po.habitat_classes = {1};
            const Patches P = find_patches(L.lc, po, "test");
            REQUIRE(P.count() >= 6);
            LinkOptions lo;
            lo.knight = knight;
            const LinksResult complete = patch_links(P, L.res, lo, "test");  // exact pairwise least costs
            lo.topology = "planar";
            const LinksResult pairwise = patch_links(P, L.res, lo, "test");
            lo.planar_costs = "allocation";
            const LinksResult alloc = patch_links(P, L.res, lo, "test");
            // The allocation zones, from the raster engine's multi-source run.
            eco::raster::CostState st;
            std::vector<std::pair<uint64_t, int32_t>> all;
            for (std::size_t i = 0; i < P.label.size(); ++i)
                if (P.label[i]) all.push_back({i, P.label[i]});
            eco::raster::cost_run(setup_of(L.lc, knight), L.res.r.data(), all, st);
            if (!knight) {
                // Without knight's moves both find the same pairs (zones touching by an 8-neighbour step).
                REQUIRE(alloc.links.size() == pairwise.links.size());
                for (std::size_t e = 0; e < alloc.links.size(); ++e) {
                    CHECK(alloc.links[e].u == pairwise.links[e].u);
                    CHECK(alloc.links[e].v == pairwise.links[e].v);
                }
            }
            for (const auto& a : alloc.links) {
                const PatchLink* c = find_link(complete, a.u, a.v);
                REQUIRE(c);
                INFO("link " << a.u + 1 << "-" << a.v + 1 << ": allocation " << a.cost << ", least cost " << c->cost);
                CHECK(a.cost >= c->cost * (1 - 1e-12));
                // Does the least-cost path stay in the two zones?
                bool in_two = true;
                for (const auto& [x, y] : c->path) {
                    const int col = static_cast<int>(std::floor((x - P.grid.x0) / P.grid.cw));
                    const int row = static_cast<int>(std::floor((P.grid.y0 - y) / P.grid.ch));
                    const int32_t z = st.alloc[static_cast<std::size_t>(row) * P.grid.width + col];
                    if (z != static_cast<int32_t>(a.u + 1) && z != static_cast<int32_t>(a.v + 1)) in_two = false;
                }
                if (in_two) {
                    CHECK(a.cost == Approx(c->cost).epsilon(1e-12));
                    ++equal;
                } else if (a.cost > c->cost * (1 + 1e-12)) {
                    ++above;
                }
                // The allocation link's path costs what it says, runs from patch u to patch v.
                double cost = 0;
                auto cell = [&](std::pair<double, double> pt) {
                    const int col = static_cast<int>(std::floor((pt.first - P.grid.x0) / P.grid.cw));
                    const int row = static_cast<int>(std::floor((P.grid.y0 - pt.second) / P.grid.ch));
                    return static_cast<std::size_t>(row) * P.grid.width + col;
                };
                CHECK(P.label[cell(a.path.front())] == static_cast<int32_t>(a.u + 1));
                CHECK(P.label[cell(a.path.back())] == static_cast<int32_t>(a.v + 1));
                if (!knight) {
                    for (std::size_t k = 1; k < a.path.size(); ++k) {
                        const double ra = L.res.r[cell(a.path[k - 1])], rb = L.res.r[cell(a.path[k])];
                        const double step = std::hypot(a.path[k].first - a.path[k - 1].first, a.path[k].second - a.path[k - 1].second);
                        CHECK(step <= std::hypot(P.grid.cw, P.grid.ch) * (1 + 1e-12));
                        cost += (ra + rb) / 2 * step;
                    }
                    CHECK(cost == Approx(a.cost).epsilon(1e-9));
                }
            }
        }
    }
    WARN("planar allocation links: " << equal << " equal to the least cost (path in the two zones), " << above
                                     << " above it (least-cost path through a third zone)");
    CHECK(equal > 50);
}

TEST_CASE("planar allocation costs on the hand-made row of patches", "[graph][scale]") {
    // 3 rows x 13 columns of 10 m cells, habitat in columns 0, 4, 8, 12 (A, B, C, D), matrix resistance 3,
    // a wall in column 10. A-B: (1+3)/2*10 + 3*10 + 3*10 + (3+1)/2*10 = 100, as the pairwise test.
    Landscape L;
    L.lc.grid.width = 13;
    L.lc.grid.height = 3;
    L.lc.grid.cw = L.lc.grid.ch = 10;
    const int cls[13] = {1, 2, 2, 2, 1, 2, 2, 2, 1, 2, 9, 2, 1};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 13; ++c) {
            L.lc.cls.push_back(cls[c]);
            L.lc.valid.push_back(1);
            L.res.r.push_back(cls[c] == 1 ? 1.f : cls[c] == 2 ? 3.f : std::numeric_limits<float>::quiet_NaN());
        }
    L.res.min = 1;
    L.res.max = 3;
    PatchOptions po;
    po.habitat_classes = {1};
    const Patches P = find_patches(L.lc, po, "test");
    REQUIRE(P.count() == 4);
    LinkOptions lo;
    lo.topology = "planar";
    lo.planar_costs = "allocation";
    const LinksResult r = patch_links(P, L.res, lo, "test");
    REQUIRE(r.links.size() == 2);  // A-B, B-C; C and D: zones do not touch (the wall)
    CHECK(r.links[0].cost == Approx(100.0).epsilon(1e-12));
    CHECK(r.links[1].cost == Approx(100.0).epsilon(1e-12));
    CHECK(r.links[0].length == Approx(40.0));
    CHECK(r.links[0].path.size() == 5);
    CHECK(r.links[0].euclid == Approx(40.0));
}

namespace {

// Reference labelling: flood fill (breadth first) from each unlabelled cell in row-major order.
std::vector<int32_t> flood_labels(const std::vector<uint8_t>& m, int W, int H, int conn) {
    std::vector<int32_t> lab(m.size(), 0);
    int32_t next = 0;
    std::vector<std::size_t> q;
    for (std::size_t s = 0; s < m.size(); ++s) {
        if (!m[s] || lab[s]) continue;
        lab[s] = ++next;
        q.assign(1, s);
        for (std::size_t h = 0; h < q.size(); ++h) {
            const int r = static_cast<int>(q[h] / W), c = static_cast<int>(q[h] % W);
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    if ((dr == 0 && dc == 0) || (conn == 4 && dr != 0 && dc != 0)) continue;
                    const int rr = r + dr, cc = c + dc;
                    if (rr < 0 || rr >= H || cc < 0 || cc >= W) continue;
                    const std::size_t j = static_cast<std::size_t>(rr) * W + cc;
                    if (m[j] && !lab[j]) lab[j] = next, q.push_back(j);
                }
        }
    }
    return lab;
}

}  // namespace

TEST_CASE("patch labelling row by row: the flood fill's components, numbered by their first cell", "[graph][scale]") {
    for (unsigned seed : {31u, 32u, 33u}) {
        for (int conn : {4, 8}) {
            INFO("seed " << seed << " connectivity " << conn);
            const int W = 83, H = 61;
            std::mt19937 rng(seed);
            std::uniform_real_distribution<double> u(0, 1);
            LandCover lc;
            lc.grid.width = W;
            lc.grid.height = H;
            lc.grid.x0 = 0;
            lc.grid.y0 = 1000;
            lc.grid.cw = lc.grid.ch = 2;
            std::vector<uint8_t> m(static_cast<std::size_t>(W) * H);
            for (std::size_t i = 0; i < m.size(); ++i) {
                // spirals and U shapes make labels merge late: use a dense random mask
                m[i] = u(rng) < 0.55;
                lc.cls.push_back(m[i] ? 7 : 1);
                lc.valid.push_back(1);
            }
            PatchOptions po;
            po.habitat_classes = {7};
            po.connectivity = conn;
            const Patches P = find_patches(lc, po, "test");
            const auto ref = flood_labels(m, W, H, conn);
            CHECK(P.label == ref);
            const int32_t n = *std::max_element(ref.begin(), ref.end());
            REQUIRE(P.count() == static_cast<std::size_t>(n));
            // cells and centroids by hand from the reference
            std::vector<long long> cells(static_cast<std::size_t>(n), 0);
            std::vector<double> sx(static_cast<std::size_t>(n), 0), sy(static_cast<std::size_t>(n), 0);
            for (std::size_t i = 0; i < ref.size(); ++i)
                if (ref[i]) {
                    const auto k = static_cast<std::size_t>(ref[i] - 1);
                    ++cells[k];
                    sx[k] += 2.0 * static_cast<double>(i % W) + 1.0;
                    sy[k] += 1000.0 - 2.0 * static_cast<double>(i / W) - 1.0;
                }
            for (std::size_t k = 0; k < P.count(); ++k) {
                CHECK(P.cells[k] == cells[k]);
                CHECK(P.cx[k] == Approx(sx[k] / cells[k]).epsilon(1e-13));
                CHECK(P.cy[k] == Approx(sy[k] / cells[k]).epsilon(1e-13));
            }
        }
    }
}

TEST_CASE("Euclidean link distances: the nearest border cells, as brute force over every pair", "[graph][scale]") {
    for (unsigned seed : {41u, 42u}) {
        INFO("seed " << seed);
        auto L = random_landscape(70, 50, seed, 18, 0.0);
        PatchOptions po;
        po.habitat_classes = {1};
        const Patches P = find_patches(L.lc, po, "test");
        LinkOptions lo;
        lo.distance = "euclidean";
        const LinksResult r = patch_links(P, L.res, lo, "test");
        REQUIRE(r.links.size() == P.count() * (P.count() - 1) / 2);
        const int W = P.grid.width;
        std::vector<std::vector<uint64_t>> cells(P.count());
        for (std::size_t i = 0; i < P.label.size(); ++i)
            if (P.label[i]) cells[static_cast<std::size_t>(P.label[i] - 1)].push_back(i);
        for (const auto& x : r.links) {
            double best = std::numeric_limits<double>::infinity();
            for (auto a : cells[x.u])
                for (auto b : cells[x.v]) {
                    const double dx = (static_cast<double>(b % W) - static_cast<double>(a % W)) * P.grid.cw;
                    const double dy = (static_cast<double>(b / W) - static_cast<double>(a / W)) * P.grid.ch;
                    best = std::min(best, std::hypot(dx, dy));
                }
            INFO("link " << x.u + 1 << "-" << x.v + 1);
            CHECK(x.euclid == best);
            CHECK(P.label[x.near_u] == static_cast<int32_t>(x.u + 1));
            CHECK(P.label[x.near_v] == static_cast<int32_t>(x.v + 1));
            const double dx = (static_cast<double>(x.near_v % W) - static_cast<double>(x.near_u % W)) * P.grid.cw;
            const double dy = (static_cast<double>(x.near_v / W) - static_cast<double>(x.near_u / W)) * P.grid.ch;
            CHECK(std::hypot(dx, dy) == best);
        }
    }
}
