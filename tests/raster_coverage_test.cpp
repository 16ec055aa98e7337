// Exact coverage fractions: hand-worked 3x3 grids and a cross-check against GEOS cell by cell.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <sstream>

#include "geom/geos.h"
#include "raster/raster_coverage.h"

using namespace eco;
using namespace eco::raster;

namespace {

Grid grid3() {
    Grid g;
    g.width = g.height = 3;
    g.x0 = 0;
    g.y0 = 3;
    g.cw = g.ch = 1;
    return g;
}

// fractions as a dense height x width array
std::vector<double> dense(const Grid& g, const char* wkt) {
    auto geom = geom::from_wkt(wkt);
    auto p = cover_polygon(geom.get());
    std::vector<double> out(static_cast<size_t>(g.cells()), 0.0);
    cover_rows(g, p, 0, g.height, [&](int r, int c0, int n, const double* f) {
        for (int i = 0; i < n; ++i) out[static_cast<size_t>(r) * g.width + c0 + i] = f[i];
    });
    return out;
}

void check(const std::vector<double>& got, const std::vector<double>& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("cell " << i << " (row " << i / 3 << ", col " << i % 3 << "): expected " << want[i] << ", got " << got[i]);
        CHECK(got[i] == Approx(want[i]).margin(1e-12));
    }
}

}  // namespace

TEST_CASE("coverage: a square centred on a 3x3 grid", "[raster][coverage]") {
    // square 0.5..2.5: corners a quarter, edges a half, the centre whole
    check(dense(grid3(), "POLYGON((0.5 0.5, 2.5 0.5, 2.5 2.5, 0.5 2.5, 0.5 0.5))"),
          {0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25});
    // clockwise ring gives the same
    check(dense(grid3(), "POLYGON((0.5 0.5, 0.5 2.5, 2.5 2.5, 2.5 0.5, 0.5 0.5))"),
          {0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25});
}

TEST_CASE("coverage: a triangle over a 3x3 grid", "[raster][coverage]") {
    // right triangle (0,0) (3,0) (0,3): cells under the diagonal are whole, those on it half
    // rows from the top: row 0 = y 2..3
    check(dense(grid3(), "POLYGON((0 0, 3 0, 0 3, 0 0))"), {0.5, 0, 0, 1, 0.5, 0, 1, 1, 0.5});
    // triangle (0,0) (2,0) (0,1): area 1; hand-worked: cell (row 2, col 0) = 0.75, (row 2, col 1) = 0.25
    check(dense(grid3(), "POLYGON((0 0, 2 0, 0 1, 0 0))"), {0, 0, 0, 0, 0, 0, 0.75, 0.25, 0});
}

TEST_CASE("coverage: a hole, a polygon smaller than a cell, a polygon partly outside", "[raster][coverage]") {
    check(dense(grid3(), "POLYGON((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))"), {1, 1, 1, 1, 0, 1, 1, 1, 1});
    check(dense(grid3(), "POLYGON((1.25 1.25, 1.75 1.25, 1.75 1.5, 1.25 1.5, 1.25 1.25))"),
          {0, 0, 0, 0, 0.125, 0, 0, 0, 0});
    check(dense(grid3(), "POLYGON((-1 -1, 1.5 -1, 1.5 1.5, -1 1.5, -1 -1))"), {0, 0, 0, 0.5, 0.25, 0, 1, 0.5, 0});
}

TEST_CASE("coverage: random polygons agree with GEOS cell intersections", "[raster][coverage]") {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> U(-1.0, 9.0);
    Grid g;
    g.width = 8;
    g.height = 7;
    g.x0 = 0.3;
    g.y0 = 7.1;
    g.cw = 1.05;
    g.ch = 0.95;
    for (int trial = 0; trial < 30; ++trial) {
        // a random star-shaped polygon around a centre, possibly with a hole
        double cx = U(rng), cy = U(rng);
        std::ostringstream w;
        w.precision(17);
        w << "POLYGON((";
        int n = 5 + trial % 9;
        double x0 = 0, y0 = 0;
        for (int i = 0; i < n; ++i) {
            double a = 2 * M_PI * i / n, rad = 0.8 + std::abs(U(rng)) * 0.4;
            double x = cx + rad * std::cos(a), y = cy + rad * std::sin(a);
            if (i == 0) x0 = x, y0 = y;
            w << x << " " << y << ", ";
        }
        w << x0 << " " << y0 << ")";
        if (trial % 2) w << ", (" << cx - 0.3 << " " << cy - 0.3 << ", " << cx - 0.3 << " " << cy + 0.3 << ", " << cx + 0.3
                         << " " << cy + 0.3 << ", " << cx + 0.3 << " " << cy - 0.3 << ", " << cx - 0.3 << " " << cy - 0.3
                         << ")";
        w << ")";
        auto poly = geom::from_wkt(w.str());
        auto p = cover_polygon(poly.get());
        std::vector<double> got(static_cast<size_t>(g.cells()), 0.0);
        cover_rows(g, p, 0, g.height, [&](int r, int c0, int k, const double* f) {
            for (int i = 0; i < k; ++i) got[static_cast<size_t>(r) * g.width + c0 + i] = f[i];
        });
        for (int r = 0; r < g.height; ++r)
            for (int c = 0; c < g.width; ++c) {
                std::ostringstream cw;
                cw.precision(17);
                double a = g.col_x(c), b = g.col_x(c + 1), top = g.row_y(r), bot = g.row_y(r + 1);
                cw << "POLYGON((" << a << " " << bot << ", " << b << " " << bot << ", " << b << " " << top << ", " << a << " "
                   << top << ", " << a << " " << bot << "))";
                auto cell = geom::from_wkt(cw.str());
                double want = geom::area(geom::intersection(poly.get(), cell.get()).get()) / g.cell_area();
                INFO(w.str() << " cell row " << r << " col " << c << ": GEOS " << want << ", ours " << got[r * g.width + c]);
                CHECK(got[static_cast<size_t>(r) * g.width + c] == Approx(want).margin(1e-9));
            }
    }
}
