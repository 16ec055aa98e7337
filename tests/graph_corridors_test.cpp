// Least-cost corridors (engine/graph/corridors.h): tiny grids whose cost fields are worked out by hand,
// the bounded search against the full-grid cost engine, and invariants on the real gorilla raster.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "graph_test_util.h"
#include "graph/corridors.h"
#include "graph/pipeline_links.h"
#include "raster/raster_cost.h"
#include "raster/raster_reclass.h"
#include "test_util.h"

using namespace eco::graph;

namespace {
// A W x H grid of square cells of side `cell` (8 or 16 neighbours), for the bounded searches and
// their reference.
eco::raster::CostSetup grid_setup(int W, int H, double cell, bool knight) {
    eco::raster::CostSetup s;
    s.width = W;
    s.height = H;
    s.cw = cell;
    s.ch = cell;
    s.knight = knight;
    return s;
}
// The reference: the raster cost engine's full-grid search from the source cells (one source id).
eco::raster::CostState full_costs(const eco::raster::CostSetup& s, const std::vector<float>& res, const std::vector<uint64_t>& src) {
    std::vector<std::pair<uint64_t, int32_t>> ss;
    for (auto c : src) ss.emplace_back(c, 1);
    eco::raster::CostState st;
    eco::raster::cost_run(s, res.data(), ss, st);
    return st;
}
}  // namespace

namespace {

using testutil::make_patches;

Resistance uniform(std::size_t n, float r) {
    Resistance res;
    res.r.assign(n, r);
    res.min = res.max = r;
    return res;
}

}  // namespace

TEST_CASE("corridors: two single-cell patches on a 3 x 7 grid, N by hand", "[graph][corridors]") {
    // A = (1,0), B = (1,6), resistance 1, cells of 10 m. LCD = 6 straight steps = 60, path length 60.
    // Row 1, columns 1..5: N = 0. Rows 0 and 2, columns 1..5: cwd_A = 10 (c - 1) + 10 sqrt 2 (one diagonal),
    // cwd_B = 10 (5 - c) + 10 sqrt 2, so N = 40 + 20 sqrt 2 - 60 = 20 sqrt 2 - 20 = 8.2843.
    // Column 0 of rows 0/2: cwd_A = 10, cwd_B = 10 sqrt 2 + 50: N = 10 sqrt 2 = 14.142 (column 6 alike).
    const int W = 7, H = 3;
    std::vector<int32_t> lab(W * H, 0);
    lab[1 * W + 0] = 1;
    lab[1 * W + 6] = 2;
    auto p = make_patches(W, H, lab);
    auto res = uniform(W * H, 1.f);
    auto links = patch_links(p, res, LinkOptions{}, "t");
    REQUIRE(links.links.size() == 1);
    CHECK(links.links[0].cost == Approx(60.0).epsilon(1e-12));
    const double n_side = 20 * std::sqrt(2.0) - 20, n_end = 10 * std::sqrt(2.0);
    for (double width : {0.0, 5.0, 10.0, 20.0}) {
        CorridorOptions o;
        o.width = width;
        auto r = least_cost_corridors(p, res, links, o, "t");
        REQUIRE(r.corridors.size() == 1);
        const Corridor& c = r.corridors[0];
        INFO("width " << width);
        CHECK(c.lcd == Approx(60.0).epsilon(1e-12));
        CHECK(c.lcd_check == Approx(60.0).epsilon(1e-12));
        CHECK(c.length == Approx(60.0));
        CHECK(c.ratio == Approx(1.0));
        long long expect = 5;                     // row 1, columns 1..5
        if (width >= n_side) expect += 10;        // rows 0 and 2, columns 1..5
        if (width >= n_end) expect += 4;          // the four corner cells beside the patches
        CHECK(c.cells == expect);
        CHECK(c.area_m2 == Approx(expect * 100.0));
        // the mosaic holds N; the patch cells are left out
        CHECK(r.mosaic[1 * W + 3] == Approx(0.0).margin(1e-9));
        CHECK(std::isnan(r.mosaic[1 * W + 0]));
        CHECK(std::isnan(r.mosaic[1 * W + 6]));
        if (width >= n_side) CHECK(r.mosaic[0 * W + 2] == Approx(n_side).epsilon(1e-6));
        else CHECK(std::isnan(r.mosaic[0 * W + 2]));
        if (width >= n_end) CHECK(r.mosaic[2 * W + 0] == Approx(n_end).epsilon(1e-6));
    }
}

TEST_CASE("corridors: cwd / path length is the mean resistance along the path", "[graph][corridors]") {
    // Same grid, patches resistance 1, matrix 3: LCD = 20 + 4 x 30 + 20 = 160 over 60 m: ratio 8/3.
    const int W = 7, H = 3;
    std::vector<int32_t> lab(W * H, 0);
    lab[1 * W + 0] = 1;
    lab[1 * W + 6] = 2;
    auto p = make_patches(W, H, lab);
    Resistance res = uniform(W * H, 3.f);
    res.r[1 * W + 0] = res.r[1 * W + 6] = 1.f;
    res.min = 1;
    auto links = patch_links(p, res, LinkOptions{}, "t");
    CorridorOptions o;
    o.width = 0;
    auto r = least_cost_corridors(p, res, links, o, "t");
    REQUIRE(r.corridors.size() == 1);
    CHECK(r.corridors[0].lcd == Approx(160.0).epsilon(1e-12));
    CHECK(r.corridors[0].ratio == Approx(8.0 / 3.0).epsilon(1e-12));
    CHECK(r.corridors[0].cells == 5);
    // max_lcd below the link's cost: no corridor
    o.max_lcd = 100.0;
    auto r2 = least_cost_corridors(p, res, links, o, "t");
    CHECK(r2.corridors.empty());
    CHECK(r2.skipped == 1);
    o.max_lcd.reset();
    o.memory_mb = 1e-6;  // 1 byte: the two fields (21 cells each at most) do not fit
    CHECK_THROWS_WITH(least_cost_corridors(p, res, links, o, "t"), Catch::Contains("--corridor-memory-mb"));
    o.memory_mb = 4096;
    o.width = -1;
    CHECK_THROWS_AS(least_cost_corridors(p, res, links, o, "t"), eco::BadInput);
}

TEST_CASE("corridors: the bounded search equals the full cost run up to its bound", "[graph][corridors]") {
    // Independent method: the raster cost engine's full-grid Dijkstra (raster_cost.h).
    const int W = 40, H = 30;
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> U(1.f, 20.f);
    std::vector<float> res(W * H);
    for (auto& v : res) v = U(rng);
    for (int r = 5; r < 25; ++r) res[r * W + 20] = std::numeric_limits<float>::quiet_NaN();  // a wall
    std::vector<uint64_t> src{static_cast<uint64_t>(15 * W + 3), static_cast<uint64_t>(16 * W + 3)};
    for (bool knight : {false, true}) {
        const auto s = grid_setup(W, H, 10, knight);
        const eco::raster::CostState st = full_costs(s, res, src);
        const double bound = 1500;
        // r_min 1 (the lowest resistance): the window is the sources' box grown by 1500 / (1 x 10) + 1 cells,
        // the whole grid here.
        BoundedSearch ws;
        // a first search from elsewhere leaves the workspace dirty: the next one must not see its values
        (void)bounded_cost(s, res.data(), {static_cast<uint64_t>(2 * W + 35)}, 400, 1.0, ws);
        auto f = bounded_cost(s, res.data(), src, bound, 1.0, ws);
        long long inside = 0;
        for (int r = 0; r < H; ++r)
            for (int c = 0; c < W; ++c) {
                const double full = st.acc[r * W + c];
                const double b = f.at(r, c);
                if (full <= bound) {
                    ++inside;
                    CHECK(b == full);  // the same sums in the same order: bit-identical
                } else {
                    CHECK(std::isinf(b));
                }
            }
        CHECK(inside > 50);
        // the workspace keeps only the settled cells' values (unsettled ones reset), and reuses its buffers
        long long finite = 0;
        for (std::size_t i = 0; i < ws.acc.size(); ++i) finite += std::isfinite(ws.acc[i]);
        CHECK(finite == inside);
        // a bound with a window smaller than the grid (r_min = the true minimum resistance, 1 here, and a
        // bound of 150: 16 cells around the sources): still exact inside, +inf beyond
        auto g = bounded_cost(s, res.data(), src, 150, 1.0, ws);
        CHECK(ws.w < W);
        for (int r = 0; r < H; ++r)
            for (int c = 0; c < W; ++c) {
                const double full = st.acc[r * W + c];
                if (full <= 150) CHECK(g.at(r, c) == full);
                else CHECK(std::isinf(g.at(r, c)));
            }
    }
}

TEST_CASE("corridors: invariants on the gorilla sanctuary vegetation", "[graph][corridors][real]") {
    // Primary forest (class 4) as habitat, patches of at least 20 ha; resistance from the table.
    auto lc = read_land_cover(std::string(ECOSHIELD_SOURCE_DIR) + "/tests/data/rasters/gorillas_vegetation_utm32n.tif", "t");
    PatchOptions po;
    po.habitat_classes = {4};
    po.min_area_m2 = 10000;
    auto p = find_patches(lc, po, "t");
    REQUIRE(p.count() >= 2);
    auto table = eco::raster::read_reclass_table(eco::raster::resolve_table_path("gorillas_vegetation"), "t");
    auto res = resistance_from_table(lc, table, "t");
    auto links = patch_links(p, res, LinkOptions{}, "t");
    REQUIRE(!links.links.empty());
    CorridorOptions o;
    o.width = 300;
    auto r = least_cost_corridors(p, res, links, o, "t");
    REQUIRE(r.corridors.size() == links.links.size());
    const int W = p.grid.width;
    for (const Corridor& c : r.corridors) {
        const PatchLink& L = links.links[c.link];
        INFO("link " << c.u + 1 << "-" << c.v + 1);
        // every link's LCD equals min over cells of cwd_u + cwd_v
        CHECK(c.lcd_check == Approx(L.cost).epsilon(1e-9));
        CHECK(c.ratio == Approx(L.cost / L.length).epsilon(1e-12));
        // the corridor holds the least-cost path's cells
        for (const auto& [x, y] : L.path) {
            const int col = static_cast<int>(std::floor((x - p.grid.x0) / p.grid.cw));
            const int row = static_cast<int>(std::floor((p.grid.y0 - y) / p.grid.ch));
            const int br = row - c.box.y, bc = col - c.box.x;
            REQUIRE(br >= 0);
            REQUIRE(bc >= 0);
            REQUIRE(br < c.box.h);
            REQUIRE(bc < c.box.w);
            const float n = c.n[static_cast<std::size_t>(br) * c.box.w + bc];
            CHECK(n <= 1e-6 * std::max(1.0, L.cost));
        }
        // N >= 0 and <= width wherever set; the mosaic is the minimum over corridors
        for (int rr = 0; rr < c.box.h; ++rr)
            for (int cc = 0; cc < c.box.w; ++cc) {
                const float n = c.n[static_cast<std::size_t>(rr) * c.box.w + cc];
                if (std::isnan(n)) continue;
                CHECK(n >= 0);
                CHECK(n <= o.width + 1e-6 * L.cost);
                const int32_t lab = p.label[static_cast<std::size_t>(rr + c.box.y) * W + (cc + c.box.x)];
                if (lab != static_cast<int32_t>(c.u + 1) && lab != static_cast<int32_t>(c.v + 1))
                    CHECK(r.mosaic[static_cast<std::size_t>(rr + c.box.y) * W + (cc + c.box.x)] <= n);
            }
    }
    // a wider cut holds every cell of a narrower one
    CorridorOptions o2 = o;
    o2.width = 1000;
    auto r2 = least_cost_corridors(p, res, links, o2, "t");
    for (std::size_t k = 0; k < r.corridors.size(); ++k) CHECK(r2.corridors[k].cells >= r.corridors[k].cells);
}

TEST_CASE("corridors: the bucket-queue search gives the full cost run's values whatever its bucket sizes",
          "[graph][corridors]") {
    // Independent method: the raster cost engine's full-grid search (raster_cost.h). High-contrast resistances
    // (1 .. 500 and impassable cells) as in the connectivity benchmark's table; 8 and 16 neighbours. The ring
    // of buckets is sized from r_max; a wrong r_max (too small: steps wrap round the ring) or a wrong r_min (too
    // large: a step can land in its own bucket) must cost time only, never exactness.
    const int W = 70, H = 50;
    std::mt19937 rng(11);
    const float levels[] = {1.f, 10.f, 20.f, 30.f, 50.f, 100.f, 300.f, 500.f};
    std::uniform_int_distribution<int> pick(0, 7), wall(0, 30);
    std::vector<float> res(W * H);
    for (auto& v : res) v = wall(rng) == 0 ? std::numeric_limits<float>::quiet_NaN() : levels[pick(rng)];
    std::vector<uint64_t> src{static_cast<uint64_t>(25 * W + 30), static_cast<uint64_t>(25 * W + 31),
                              static_cast<uint64_t>(26 * W + 31)};
    for (auto c : src) res[c] = 1.f;
    for (bool knight : {false, true}) {
        const auto s = grid_setup(W, H, 30, knight);
        const eco::raster::CostState st = full_costs(s, res, src);
        const double bound = 20000;  // well inside the grid for some directions, cut by its edges in others
        struct Variant {
            double r_min, r_max;
        };
        for (const Variant& v : {Variant{1.0, 500.0}, Variant{1.0, 1.0}, Variant{40.0, 500.0},
                                 Variant{1.0, std::numeric_limits<double>::infinity()}}) {
            BoundedSearch ws;
            (void)bounded_cost(s, res.data(), {static_cast<uint64_t>(3 * W + 60)}, 3000, 1.0, ws, 500.0);  // dirty it
            bounded_window(s, src, bound, 1.0, ws);  // the window from the true r_min: exact
            bounded_values_run(s, res.data(), src, bound, v.r_min, v.r_max, ws);
            long long inside = 0, bad = 0;
            for (int r = 0; r < H; ++r)
                for (int c = 0; c < W; ++c) {
                    const uint64_t g = static_cast<uint64_t>(r) * W + c;
                    const double full = st.acc[g];
                    const double got = ws.inside(g) ? ws.acc[ws.local(g)] : std::numeric_limits<double>::infinity();
                    if (full <= bound) {
                        ++inside;
                        bad += got != full;  // bit-identical: the same sums
                    } else {
                        bad += !std::isinf(got);
                    }
                }
            INFO("knight " << knight << ", r_min " << v.r_min << ", r_max " << v.r_max);
            CHECK(bad == 0);
            CHECK(inside > 300);
            CHECK(ws.settled == static_cast<std::size_t>(inside));
        }
    }
}

TEST_CASE("corridors: a field whose search outgrows its first window is still exact", "[graph][corridors]") {
    // A 700 x 30 strip of resistance 1 (20 m cells) with a few dearer cells and a wall, one source cell at the
    // left end, a bound of 9000 cost units: the cells within it reach about 450 cells away, beyond the first
    // window (the source grown by 256 cells), so the window must grow; with r_min = 1 the exact window is wider
    // still. Independent method: the raster cost engine's full-grid search.
    const int W = 700, H = 30;
    std::vector<float> res(W * H, 1.f);
    for (int r = 0; r < H; ++r) res[r * W + 300] = r == 15 ? 1.f : std::numeric_limits<float>::quiet_NaN();  // a gap
    for (int c = 100; c < 120; ++c) res[5 * W + c] = 7.f;
    for (bool knight : {false, true}) {
        const auto s = grid_setup(W, H, 20, knight);
        const std::vector<uint64_t> src{static_cast<uint64_t>(15 * W + 2)};
        const eco::raster::CostState st = full_costs(s, res, src);
        BoundedSearch ws;
        const double bound = 9000;
        auto f = bounded_cost(s, res.data(), src, bound, 1.0, ws, 7.0);
        CHECK(ws.margin == 512);  // 256 was cut: grown once
        long long inside = 0, bad = 0;
        for (int r = 0; r < H; ++r)
            for (int c = 0; c < W; ++c) {
                const double full = st.acc[static_cast<std::size_t>(r) * W + c];
                if (full <= bound) ++inside, bad += f.at(r, c) != full;
                else bad += !std::isinf(f.at(r, c));
            }
        CHECK(bad == 0);
        CHECK(f.box.w > 400);  // the cells within the bound reach past the first window
        CHECK(inside > 5000);
        // the next search on this workspace starts from the margin that sufficed
        auto g = bounded_cost(s, res.data(), src, bound, 1.0, ws, 7.0);
        CHECK(g.acc == f.acc);
        CHECK(ws.margin == 512);
    }
}
