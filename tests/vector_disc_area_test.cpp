// Exact polygon-disc intersection areas, checked against closed forms and against a GEOS
// overlay with a finely segmented circle (a different method).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "vector/disc_area.h"

using namespace eco;

TEST_CASE("polygon-disc areas of hand-worked cases", "[vector][disc]") {
    // a 2 x 2 square centred on the disc, radius 10: the whole square
    auto sq = geom::from_wkt("POLYGON((-1 -1,1 -1,1 1,-1 1,-1 -1))");
    CHECK(vector::polygon_disc_area(sq.get(), 0, 0, 10) == Approx(4.0));
    // a disc of radius 1 inside a 100 x 100 square: pi
    auto big = geom::from_wkt("POLYGON((-50 -50,50 -50,50 50,-50 50,-50 -50))");
    CHECK(vector::polygon_disc_area(big.get(), 0, 0, 1) == Approx(M_PI));
    // the square's west edge through the centre: half the disc; clockwise ring gives the same
    auto half = geom::from_wkt("POLYGON((0 -50,50 -50,50 50,0 50,0 -50))");
    auto half_cw = geom::from_wkt("POLYGON((0 -50,0 50,50 50,50 -50,0 -50))");
    CHECK(vector::polygon_disc_area(half.get(), 0, 0, 3) == Approx(M_PI * 9 / 2));
    CHECK(vector::polygon_disc_area(half_cw.get(), 0, 0, 3) == Approx(M_PI * 9 / 2));
    // a quarter plane: a quarter disc
    auto quarter = geom::from_wkt("POLYGON((0 0,50 0,50 50,0 50,0 0))");
    CHECK(vector::polygon_disc_area(quarter.get(), 0, 0, 2) == Approx(M_PI));
    // a circular segment: the half-plane x >= 1 cuts a disc of radius 2 in a segment of area
    // r^2 acos(d/r) - d sqrt(r^2 - d^2) = 4 acos(1/2) - sqrt(3)
    auto seg = geom::from_wkt("POLYGON((1 -50,50 -50,50 50,1 50,1 -50))");
    CHECK(vector::polygon_disc_area(seg.get(), 0, 0, 2) == Approx(4 * std::acos(0.5) - std::sqrt(3.0)));
    // a hole around the centre removes its own area
    auto ring = geom::from_wkt("POLYGON((-50 -50,50 -50,50 50,-50 50,-50 -50),(-1 -1,1 -1,1 1,-1 1,-1 -1))");
    CHECK(vector::polygon_disc_area(ring.get(), 0, 0, 10) == Approx(M_PI * 100 - 4));
    // far away: nothing
    CHECK(vector::polygon_disc_area(sq.get(), 100, 100, 10) == 0.0);
}

TEST_CASE("polygon-disc area agrees with a GEOS overlay on random star polygons", "[vector][disc]") {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(0, 1);
    for (int k = 0; k < 20; ++k) {
        // a star-shaped polygon of 200 vertices around (0,0), radius 50-150
        std::string wkt = "POLYGON((";
        double x0 = 0, y0 = 0;
        for (int i = 0; i < 200; ++i) {
            double th = 2 * M_PI * i / 200, rr = 50 + 100 * u(rng);
            double x = rr * std::cos(th), y = rr * std::sin(th);
            if (i == 0) x0 = x, y0 = y;
            wkt += std::to_string(x) + " " + std::to_string(y) + ",";
        }
        wkt += std::to_string(x0) + " " + std::to_string(y0) + "))";
        auto poly = geom::from_wkt(wkt);
        double cx = 200 * u(rng) - 100, cy = 200 * u(rng) - 100, r = 20 + 100 * u(rng);
        // the other method: a 4096-gon circle (relative area error about 4e-7) and GEOS overlay
        auto pt = geom::from_wkt("POINT(" + std::to_string(cx) + " " + std::to_string(cy) + ")");
        auto circle = geom::buffer(pt.get(), r, 1024);
        double want = geom::area(geom::intersection(poly.get(), circle.get()).get());
        double got = vector::polygon_disc_area(poly.get(), cx, cy, r);
        INFO("case " << k);
        CHECK(got == Approx(want).epsilon(1e-5).margin(1e-6));
    }
}
