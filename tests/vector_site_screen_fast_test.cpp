// The fast paths of screening against their simple forms on random inputs:
// - flat_distance (vertex-segment pairs) against the all-segment-pairs reference and against
//   GEOSDistance (an independent implementation), to the last bit, including the cases it hands
//   back to the reference (repeated vertices, sub-millimetre gaps) and the cutoff;
// - the order in which run_screen visits sites (Hilbert curve) against the curve's definition
//   worked out by hand, and as a permutation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>

#include "checks/screen.h"
#include "vector/site_screen.h"

using namespace eco;

namespace {

std::string num(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}

// A star-shaped ring of n vertices around (cx, cy), radii in [r/2, r], closed; with `repeat`,
// every 7th vertex is written twice (a zero-length segment).
std::string ring(std::mt19937_64& rng, double cx, double cy, double r, int n, bool repeat = false) {
    std::uniform_real_distribution<double> u(0.5, 1.0);
    std::string s = "(";
    std::string first;
    for (int i = 0; i < n; ++i) {
        double a = 2 * M_PI * i / n, rr = r * u(rng);
        std::string p = num(cx + rr * std::cos(a)) + " " + num(cy + rr * std::sin(a));
        if (i == 0) first = p;
        s += (i ? "," : "") + p;
        if (repeat && i % 7 == 3) s += "," + p;
    }
    return s + "," + first + ")";
}

std::string walk(std::mt19937_64& rng, double x, double y, double step, int n) {
    std::normal_distribution<double> g(0.0, step);
    std::string s = "LINESTRING(";
    for (int i = 0; i < n; ++i) {
        s += (i ? "," : "") + num(x) + " " + num(y);
        x += step + g(rng);
        y += g(rng);
    }
    return s + ")";
}

}  // namespace

TEST_CASE("flat_distance equals the all-pairs reference and GEOSDistance to the bit", "[screen][vector]") {
    std::mt19937_64 rng(20261129);
    std::uniform_real_distribution<double> X(500000.0, 503000.0), Y(3200000.0, 3203000.0);
    int compared = 0, far = 0, degenerate = 0;
    for (int k = 0; k < 400; ++k) {
        const bool rep = k % 5 == 0;
        std::string wa = k % 2 ? "POLYGON(" + ring(rng, X(rng), Y(rng), 150, 50, rep) + ")" : walk(rng, X(rng), Y(rng), 40, 30);
        std::string wb = k % 3 ? "POLYGON(" + ring(rng, X(rng), Y(rng), 600, 500) + ")"
                               : "";
        if (wb.empty()) {  // two parts 1200 m apart: they cannot overlap (reach 300 + 200 m)
            const double cx = X(rng), cy = Y(rng);
            wb = "MULTIPOLYGON((" + ring(rng, cx, cy, 300, 120) + "),(" + ring(rng, cx + 1200, cy, 200, 60) + "))";
        }
        auto a = geom::from_wkt(wa), b = geom::from_wkt(wb);
        if (geom::intersects(a.get(), b.get())) continue;  // flat_distance is for features that do not meet
        const auto fa = vector::ConstraintIndex::flatten(a.get()), fb = vector::ConstraintIndex::flatten(b.get());
        degenerate += fa.degenerate ? 1 : 0;
        const double geos = geom::distance(a.get(), b.get());
        INFO("a " << wa << "\nb " << wb);
        CHECK(vector::flat_distance(fa, fb) == geos);
        CHECK(vector::detail::flat_distance_all_pairs(fa, fb) == geos);
        // with a cutoff: exact up to it, above it when the distance is larger
        const double cut = 1000.0;
        const double dc = vector::flat_distance(fa, fb, cut);
        if (geos <= cut) CHECK(dc == geos);
        else {
            CHECK(dc > cut);
            ++far;
        }
        ++compared;
    }
    CHECK(compared > 250);
    CHECK(far > 20);
    CHECK(degenerate > 20);
}

TEST_CASE("flat_distance at sub-millimetre gaps and across a repeated vertex", "[screen][vector]") {
    // two squares 0.2 mm apart (the vertex-pair path hands gaps under 1 mm to the reference), and
    // 0.5 m apart with a repeated vertex on the facing side: 0.0002 m and 0.5 m by construction
    auto a = geom::from_wkt("POLYGON((500000 3200000,500100 3200000,500100 3200100,500000 3200100,500000 3200000))");
    auto b = geom::from_wkt("POLYGON((500100.0002 3200050,500200 3200050,500200 3200150,500100.0002 3200150,500100.0002 3200050))");
    auto c = geom::from_wkt(
        "POLYGON((500100.5 3200020,500100.5 3200020,500300 3200020,500300 3200080,500100.5 3200080,500100.5 3200020))");
    const auto fa = vector::ConstraintIndex::flatten(a.get()), fb = vector::ConstraintIndex::flatten(b.get()),
               fc = vector::ConstraintIndex::flatten(c.get());
    CHECK_FALSE(fa.degenerate);
    CHECK(fc.degenerate);
    CHECK(vector::flat_distance(fa, fb) == geom::distance(a.get(), b.get()));
    CHECK(vector::flat_distance(fa, fb) == Approx(0.0002).margin(1e-9));
    CHECK(vector::flat_distance(fa, fc) == geom::distance(a.get(), c.get()));
    CHECK(vector::flat_distance(fa, fc) == Approx(0.5).margin(1e-9));
    CHECK(vector::flat_distance(fc, fa) == geom::distance(c.get(), a.get()));
}

TEST_CASE("the Hilbert curve index of order 1 and 2 cells", "[screen]") {
    // order 1: (0,0) (0,1) (1,1) (1,0) are cells 0 1 2 3
    CHECK(checks::hilbert_index(0, 0, 1) == 0);
    CHECK(checks::hilbert_index(0, 1, 1) == 1);
    CHECK(checks::hilbert_index(1, 1, 1) == 2);
    CHECK(checks::hilbert_index(1, 0, 1) == 3);
    // order 2, the curve drawn by hand: it starts at (0,0) going up, ends at (3,0)
    //   y=3:  5  6  9 10
    //   y=2:  4  7  8 11
    //   y=1:  3  2 13 12
    //   y=0:  0  1 14 15
    const int want[4][4] = {{0, 1, 14, 15}, {3, 2, 13, 12}, {4, 7, 8, 11}, {5, 6, 9, 10}};  // [y][x]
    for (uint32_t y = 0; y < 4; ++y)
        for (uint32_t x = 0; x < 4; ++x) {
            INFO("cell " << x << "," << y);
            CHECK(checks::hilbert_index(x, y, 2) == static_cast<uint64_t>(want[y][x]));
        }
    // consecutive indices are neighbouring cells on a larger grid, and every index occurs once
    std::vector<std::pair<uint64_t, std::pair<int, int>>> cells;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) cells.push_back({checks::hilbert_index(x, y, 6), {x, y}});
    std::sort(cells.begin(), cells.end());
    for (size_t i = 0; i < cells.size(); ++i) {
        REQUIRE(cells[i].first == i);
        if (i) CHECK(std::abs(cells[i].second.first - cells[i - 1].second.first) + std::abs(cells[i].second.second - cells[i - 1].second.second) == 1);
    }
}

TEST_CASE("run_screen's site order is a permutation that follows the sites' positions", "[screen]") {
    io::VectorLayer L;
    L.label = "sites";
    // four points at the corners of a 1 km square, in file order NE, SW, SE, NW, plus a site with
    // no geometry: the curve of order 16 over their extent starts at SW, goes up to NW, across to
    // NE, down to SE (as the order-1 curve above)
    L.features.push_back(io::Feature{1, geom::from_wkt("POINT(501000 3201000)"), {}});
    L.features.push_back(io::Feature{2, geom::from_wkt("POINT(500000 3200000)"), {}});
    L.features.push_back(io::Feature{3, geom::from_wkt("POINT(501000 3200000)"), {}});
    L.features.push_back(io::Feature{4, geom::from_wkt("POINT(500000 3201000)"), {}});
    L.features.push_back(io::Feature{5, geom::from_wkt("POINT EMPTY"), {}});
    auto order = checks::spatial_order(L);
    REQUIRE(order.size() == 5);
    // the empty site counts as the start of the curve (index 0, after SW by file order)
    CHECK(order == std::vector<size_t>{1, 4, 3, 0, 2});
    // random sites: a permutation
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> U(0.0, 10000.0);
    io::VectorLayer M;
    for (int i = 0; i < 1000; ++i)
        M.features.push_back(io::Feature{i + 1, geom::from_wkt("POINT(" + num(U(rng)) + " " + num(U(rng)) + ")"), {}});
    auto o = checks::spatial_order(M);
    std::sort(o.begin(), o.end());
    std::vector<size_t> iota(1000);
    std::iota(iota.begin(), iota.end(), 0);
    CHECK(o == iota);
}
