// Barriers (engine/graph/barriers.h): a wall of resistance 100 with a gap, improvement worked out by hand,
// and invariants on the real gorilla raster.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "graph_test_util.h"
#include "graph/barriers.h"
#include "graph/corridors.h"
#include "raster/raster_reclass.h"

using namespace eco::graph;

namespace {

using testutil::make_patches;

}  // namespace

TEST_CASE("barriers: a wall of resistance 100 with a gap, restoring its top by hand", "[graph][barriers]") {
    // 6 rows x 11 columns of 10 m cells, resistance 1; a wall of resistance 100 in column 5, rows 0..4 (row 5
    // is the gap). A = (0,0), B = (0,10). Through the wall: 8 x 10 + 2 x (1 + 100) / 2 x 10 = 1090. Round the
    // wall: 5 diagonals down to the gap cell (5,5) and 5 back up, 10 x 10 sqrt 2: LCD = 100 sqrt 2 = 141.42.
    // Window of radius 1 centred on (0,5), the wall's top: cells (0,4), (0,5), (0,6), (1,5).
    //   mA = cwd_A(0,4) = 40 (the wall cells cost >= 505, (0,6) is reached round the wall at 124.85);
    //   mB = cwd_B(0,6) = 40; restored across: 2 R s r = 2 x 1 x 10 x 1 = 20.
    //   LCD_restored = 100; improvement = 100 sqrt 2 - 100 = 41.42; score = 41.42 / 20 = 2.0711 per m.
    // Radius 2 on the same cell: mA = mB = 30, across 40: improvement the same, score half as large.
    const int W = 11, H = 6;
    std::vector<int32_t> lab(W * H, 0);
    lab[0] = 1;
    lab[10] = 2;
    auto p = make_patches(W, H, lab);
    Resistance res;
    res.r.assign(W * H, 1.f);
    for (int r = 0; r <= 4; ++r) res.r[r * W + 5] = 100.f;
    res.min = 1;
    res.max = 100;
    auto links = patch_links(p, res, LinkOptions{}, "t");
    REQUIRE(links.links.size() == 1);
    const double lcd = 100 * std::sqrt(2.0);
    REQUIRE(links.links[0].cost == Approx(lcd).epsilon(1e-12));
    CorridorOptions co;
    co.width = 0;
    auto cor = least_cost_corridors(p, res, links, co, "t");
    BarrierOptions bo;
    bo.radii = {1, 2};
    bo.restored_resistance = 1.0;
    bo.top = 3;
    auto b = barriers(p, cor, bo, "t");
    const double best = (lcd - 100.0) / 20.0;
    CHECK(b.score[0 * W + 5] == Approx(best).epsilon(1e-6));
    REQUIRE(!b.top.empty());
    CHECK(b.top[0].cell == 5u);
    CHECK(b.top[0].radius == 1);
    CHECK(b.top[0].score == Approx(best).epsilon(1e-12));
    CHECK(b.top[0].improvement == Approx(lcd - 100.0).epsilon(1e-12));
    CHECK(b.top[0].lcd_restored == Approx(100.0).epsilon(1e-12));
    CHECK(b.top[0].cells.size() == 4);  // (0,4) (0,5) (0,6) (1,5): the disc clipped by the grid's edge
    CHECK(b.best[0] == Approx(best).epsilon(1e-12));
    // Only radius 2 on that cell: half the score.
    bo.radii = {2};
    auto b2 = barriers(p, cor, bo, "t");
    CHECK(b2.score[0 * W + 5] == Approx((lcd - 100.0) / 40.0).epsilon(1e-6));
    // Every score >= 0; 0 at the gap (nothing to restore: the path already runs there) and round the patches.
    for (std::size_t i = 0; i < b.score.size(); ++i)
        if (!std::isnan(b.score[i])) CHECK(b.score[i] >= 0);
    CHECK(b.score[5 * W + 5] == 0.f);
    CHECK(b.score[5 * W + 0] == 0.f);
    // The chosen windows do not overlap.
    for (std::size_t i = 0; i < b.top.size(); ++i)
        for (std::size_t j = i + 1; j < b.top.size(); ++j)
            for (auto x : b.top[i].cells)
                for (auto y : b.top[j].cells) CHECK(x != y);
    // A more costly restoration (resistance 30: across costs 600 with R = 1) improves nothing anywhere.
    bo.radii = {1};
    bo.restored_resistance = 30;
    auto b3 = barriers(p, cor, bo, "t");
    CHECK(b3.top.empty());
    CHECK(b3.best[0] == 0.0);
    bo.radii = {0};
    CHECK_THROWS_AS(barriers(p, cor, bo, "t"), eco::BadInput);
}

TEST_CASE("barriers: invariants on the gorilla sanctuary vegetation", "[graph][barriers][real]") {
    auto lc = read_land_cover(std::string(ECOSHIELD_SOURCE_DIR) + "/tests/data/rasters/gorillas_vegetation_utm32n.tif", "t");
    PatchOptions po;
    po.habitat_classes = {4};
    po.min_area_m2 = 10000;
    auto p = find_patches(lc, po, "t");
    auto table = eco::raster::read_reclass_table(eco::raster::resolve_table_path("gorillas_vegetation"), "t");
    auto res = resistance_from_table(lc, table, "t");
    auto links = patch_links(p, res, LinkOptions{}, "t");
    CorridorOptions co;
    co.width = 200;
    auto cor = least_cost_corridors(p, res, links, co, "t");
    BarrierOptions bo;
    bo.radii = {1, 3};
    bo.restored_resistance = res.min;
    bo.top = 5;
    auto b = barriers(p, cor, bo, "t");
    const int W = p.grid.width, H = p.grid.height;
    std::size_t defined = 0;
    for (std::size_t i = 0; i < b.score.size(); ++i) {
        if (std::isnan(b.score[i])) continue;
        ++defined;
        CHECK(b.score[i] >= 0);
    }
    CHECK(defined > 0);
    // The top windows' scores come from the closed form: recompute one by brute force from the cost fields.
    for (const auto& w : b.top) {
        const Corridor& c = cor.corridors[w.corridor];
        const auto& A = cor.fields[c.u];
        const auto& B = cor.fields[c.v];
        double ma = 1e300, mb = 1e300;
        for (auto g : window_cells(W, H, static_cast<int>(w.cell / W), static_cast<int>(w.cell % W), w.radius)) {
            ma = std::min(ma, A.at(static_cast<int>(g / W), static_cast<int>(g % W)));
            mb = std::min(mb, B.at(static_cast<int>(g / W), static_cast<int>(g % W)));
        }
        const double across = 2.0 * w.radius * p.grid.cw;
        CHECK(w.score == Approx((c.lcd - (ma + mb + across * res.min)) / across).epsilon(1e-9));
        CHECK(w.score > 0);
        CHECK(w.lcd_restored < c.lcd);
    }
    // The same results whatever order and batches the corridors come in (the accumulator keeps per cell the
    // highest score, ties to the lowest corridor index): one corridor at a time, last to first.
    {
        BarrierAccumulator acc(p, cor.corridors.size(), bo, "t");
        for (std::size_t k = cor.corridors.size(); k-- > 0;) acc.add(cor.corridors, std::vector<std::size_t>{k}, cor.fields);
        auto r = acc.finish(cor.corridors);
        REQUIRE(r.score.size() == b.score.size());
        CHECK(std::memcmp(r.score.data(), b.score.data(), r.score.size() * sizeof(float)) == 0);
        CHECK(r.best == b.best);
        CHECK(r.best_improvement == b.best_improvement);
        REQUIRE(r.top.size() == b.top.size());
        for (std::size_t i = 0; i < r.top.size(); ++i) {
            CHECK(r.top[i].cell == b.top[i].cell);
            CHECK(r.top[i].corridor == b.top[i].corridor);
            CHECK(r.top[i].radius == b.top[i].radius);
            CHECK(r.top[i].score == b.top[i].score);
            CHECK(r.top[i].improvement == b.top[i].improvement);
        }
    }
    // The top windows: decreasing scores, each the raster's value at its centre (as float), windows apart.
    for (std::size_t i = 0; i < b.top.size(); ++i) {
        CHECK(static_cast<float>(b.top[i].score) == b.score[b.top[i].cell]);
        if (i) CHECK(b.top[i].score <= b.top[i - 1].score);
        for (std::size_t j = 0; j < i; ++j) {
            const long long dr = static_cast<long long>(b.top[i].cell / W) - static_cast<long long>(b.top[j].cell / W);
            const long long dc = static_cast<long long>(b.top[i].cell % W) - static_cast<long long>(b.top[j].cell % W);
            const long long rr = b.top[i].radius + b.top[j].radius;
            CHECK(dr * dr + dc * dc > rr * rr);
        }
    }
    // With a restored resistance above the highest one nothing can improve.
    bo.restored_resistance = res.max * 2;
    auto b2 = barriers(p, cor, bo, "t");
    CHECK(b2.top.empty());
}
