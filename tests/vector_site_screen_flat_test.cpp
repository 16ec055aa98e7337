// The screening loops over flattened coordinates (point in polygon, distances, chunks skipped by
// their boxes) against GEOS itself on random shapes: hits must equal GEOSIntersects and every
// distance must equal GEOSDistance exactly (same formulas, same minimum), for point, line and
// polygon sites against polygon (with holes, multi), line and point features.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "io/crs.h"
#include "vector/site_screen.h"

using namespace eco;

namespace {

// A star-shaped ring of n vertices around (cx, cy), radii in [r/2, r], closed; clockwise or not.
std::string ring(std::mt19937_64& rng, double cx, double cy, double r, int n, bool reverse = false) {
    std::uniform_real_distribution<double> u(0.5, 1.0);
    std::string s = "(";
    std::vector<std::pair<double, double>> pts;
    for (int i = 0; i < n; ++i) {
        double a = 2 * M_PI * i / n, rr = r * u(rng);
        pts.emplace_back(cx + rr * std::cos(a), cy + rr * std::sin(a));
    }
    if (reverse) std::reverse(pts.begin(), pts.end());
    pts.push_back(pts.front());
    for (size_t i = 0; i < pts.size(); ++i) s += (i ? "," : "") + std::to_string(pts[i].first) + " " + std::to_string(pts[i].second);
    return s + ")";
}

std::string line(std::mt19937_64& rng, double x, double y, double step, int n) {
    std::normal_distribution<double> g(0.0, step);
    std::string s = "LINESTRING(";
    for (int i = 0; i < n; ++i) {
        s += (i ? "," : "") + std::to_string(x) + " " + std::to_string(y);
        x += step + g(rng);
        y += g(rng);
    }
    return s + ")";
}

}  // namespace

TEST_CASE("flattened screening loops agree with GEOS exactly", "[screen][vector]") {
    io::Srs crs = io::srs_from_user("EPSG:4549", "test", "CRS");
    vector::Ellipsoidal ell{*crs};
    vector::Tolerance tol;
    std::mt19937_64 rng(20261128);
    std::uniform_real_distribution<double> X(500000.0, 505000.0), Y(3200000.0, 3205000.0);

    io::VectorLayer L;
    L.label = "test";
    long long fid = 1;
    for (int i = 0; i < 60; ++i) {
        double cx = X(rng), cy = Y(rng);
        std::string w;
        if (i % 6 == 0)  // polygon with a hole
            w = "POLYGON(" + ring(rng, cx, cy, 400, 150) + "," + ring(rng, cx, cy, 100, 20, true) + ")";
        else if (i % 6 == 1)
            w = "MULTIPOLYGON((" + ring(rng, cx, cy, 300, 90) + "),(" + ring(rng, cx + 900, cy, 200, 40) + "))";
        else if (i % 6 == 2)
            w = line(rng, cx, cy, 40, 60);
        else if (i % 6 == 3)
            w = "POINT(" + std::to_string(cx) + " " + std::to_string(cy) + ")";
        else
            w = "POLYGON(" + ring(rng, cx, cy, 500, 500) + ")";
        L.features.push_back(io::Feature{fid++, geom::from_wkt(w), {}});
    }
    vector::ConstraintIndex idx(L);
    const std::vector<double> buffers{100, 500, 1000};

    int sites = 0, hits = 0, nears = 0, lines = 0;
    for (int k = 0; k < 300; ++k) {
        double x = X(rng), y = Y(rng);
        std::string w = k % 3 == 0   ? "POINT(" + std::to_string(x) + " " + std::to_string(y) + ")"
                        : k % 3 == 1 ? "POLYGON(" + ring(rng, x, y, 120, 12) + ")"
                                     : line(rng, x, y, 30, 8);
        auto site = geom::from_wkt(w);
        auto F = vector::screen_site(site.get(), buffers, std::vector<geom::Geom>(buffers.size()), idx, tol, ell, false);
        ++sites;
        // every hit intersects, every near feature does not, at exactly GEOS's distance
        for (const auto& h : F.hits) {
            INFO("site " << w << " feature " << h.feature);
            CHECK(geom::intersects(site.get(), idx.geom(h.feature)));
            ++hits;
        }
        for (const auto& [i, d] : F.near) {
            INFO("site " << w << " feature " << i);
            CHECK_FALSE(geom::intersects(site.get(), idx.geom(i)));
            // point sites use their own projection formula (as before the flattening): equal to
            // rounding (1e-8 m); line and polygon sites use GEOS's formulas: equal to the bit
            if (k % 3 == 0) CHECK(d == Approx(geom::distance(site.get(), idx.geom(i))).margin(1e-8));
            else CHECK(d == geom::distance(site.get(), idx.geom(i)));
            ++nears;
        }
        // and no feature within the largest buffer is missing
        size_t within = 0;
        for (size_t i = 0; i < idx.size(); ++i) within += geom::distance(site.get(), idx.geom(i)) <= buffers.back() ? 1 : 0;
        CHECK(static_cast<size_t>(F.within_count.back()) == within);
        // the nearest line (point sites: computed from the flattened coordinates) is GEOS's,
        // coordinate for coordinate
        if (F.nearest_line) {
            auto ref = geom::nearest_line(site.get(), idx.geom(static_cast<size_t>(F.nearest)));
            INFO("site " << w << " nearest feature " << F.nearest);
            CHECK(GEOSEqualsExact_r(geom::ctx(), F.nearest_line.get(), ref.get(), 0.0) == 1);
            lines += k % 3 == 0 ? 1 : 0;
        }
    }
    CHECK(hits > 20);
    CHECK(nears > 200);
    CHECK(lines > 30);
}
