// vector::minus_union against the plain overlay (g minus the cascaded union of all the others, by
// GEOS): the same point set (symmetric difference of zero area), a valid result, the same area.
// The configurations exercise the shortcut (polygons in g's interior with boxes apart from all
// others become holes without an overlay) and its exclusions: polygons with holes, touching or
// box-overlapping neighbours, polygons crossing or touching g's boundary, multipolygons.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "geom/geos.h"
#include "vector/overlay_tabulate.h"

using namespace eco;

namespace {

std::string rect(double x0, double y0, double x1, double y1) {
    char b[256];
    std::snprintf(b, sizeof b, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    return b;
}

// a star around (cx, cy) with n vertices and radius in [0.6 r, r]; clockwise when cw
std::string star(std::mt19937_64& rng, double cx, double cy, double r, int n, bool cw) {
    std::uniform_real_distribution<double> u(0.6, 1.0);
    std::string w = "POLYGON((", first;
    char b[64];
    for (int i = 0; i < n; ++i) {
        double a = (cw ? -1 : 1) * 2 * M_PI * i / n, rr = r * u(rng);
        std::snprintf(b, sizeof b, "%.4f %.4f", cx + rr * std::cos(a), cy + rr * std::sin(a));
        if (i == 0) first = b;
        w += b;
        w += ",";
    }
    return w + first + "))";
}

void check_same(const GEOSGeometry* g, const std::vector<const GEOSGeometry*>& others) {
    auto h = geom::ctx();
    geom::Geom fast = vector::minus_union(g, others);
    std::vector<GEOSGeometry*> copies;
    for (auto* o : others) copies.push_back(GEOSGeom_clone_r(h, o));
    geom::Geom coll = geom::own(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, copies.data(), static_cast<unsigned>(copies.size())),
                                "collect");
    geom::Geom u = geom::own(GEOSUnaryUnion_r(h, coll.get()), "union");
    geom::Geom plain = geom::own(GEOSDifference_r(h, g, u.get()), "difference");
    CHECK(GEOSisValid_r(h, fast.get()) == 1);
    const double a = geom::area(plain.get());
    CHECK(geom::area(fast.get()) == Approx(a).epsilon(1e-12).margin(1e-9));
    geom::Geom sym = geom::own(GEOSSymDifference_r(h, fast.get(), plain.get()), "symdifference");
    CHECK(geom::area(sym.get()) <= 1e-9 * (a + 1));
}

}  // namespace

TEST_CASE("minus_union: polygons inside g become holes; the result is the overlay's", "[vector][overlay]") {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    for (int round = 0; round < 40; ++round) {
        // g: a 1000 x 1000 square, or with a hole, or a star
        std::vector<geom::Geom> own;
        geom::Geom g = round % 3 == 0 ? geom::from_wkt(star(rng, 500, 500, 700, 60, round % 2))
                       : round % 3 == 1
                           ? geom::from_wkt("POLYGON((0 0,1000 0,1000 1000,0 1000,0 0),(450 450,450 550,550 550,550 450,450 450))")
                           : geom::from_wkt(rect(0, 0, 1000, 1000));
        // isolated polygons on a grid of cells (boxes apart), some with holes, some cw
        for (int i = 0; i < 5; ++i)
            for (int j = 0; j < 5; ++j) {
                double cx = 100 + 200 * i, cy = 100 + 200 * j;
                if (u(rng) < 0.3) continue;
                if (u(rng) < 0.15)
                    own.push_back(geom::from_wkt("POLYGON((" + std::to_string(cx - 50) + " " + std::to_string(cy - 50) + "," +
                                                 std::to_string(cx + 50) + " " + std::to_string(cy - 50) + "," + std::to_string(cx + 50) + " " +
                                                 std::to_string(cy + 50) + "," + std::to_string(cx - 50) + " " + std::to_string(cy + 50) + "," +
                                                 std::to_string(cx - 50) + " " + std::to_string(cy - 50) + "),(" + std::to_string(cx - 10) +
                                                 " " + std::to_string(cy - 10) + "," + std::to_string(cx - 10) + " " + std::to_string(cy + 10) +
                                                 "," + std::to_string(cx + 10) + " " + std::to_string(cy + 10) + "," + std::to_string(cx + 10) +
                                                 " " + std::to_string(cy - 10) + "," + std::to_string(cx - 10) + " " + std::to_string(cy - 10) + "))"));
                else
                    own.push_back(geom::from_wkt(star(rng, cx, cy, 40 + 50 * u(rng), 8 + static_cast<int>(20 * u(rng)), u(rng) < 0.5)));
            }
        // a pair sharing an edge, a polygon crossing g's boundary, one touching it from inside,
        // one over g's hole, a multipolygon, one entirely outside
        if (round % 4 == 0) {
            own.push_back(geom::from_wkt(rect(905, 905, 950, 950)));
            own.push_back(geom::from_wkt(rect(950, 905, 990, 950)));
        }
        if (round % 5 == 1) own.push_back(geom::from_wkt(rect(-50, 400, 30, 430)));
        if (round % 5 == 2) own.push_back(geom::from_wkt(rect(0, 610, 20, 640)));
        if (round % 3 == 1) own.push_back(geom::from_wkt(rect(440, 440, 470, 470)));
        if (round % 6 == 3) own.push_back(geom::from_wkt("MULTIPOLYGON(((700 20,730 20,730 40,700 40,700 20)),((760 20,780 20,780 40,760 40,760 20)))"));
        if (round % 7 == 4) own.push_back(geom::from_wkt(rect(1100, 100, 1200, 200)));
        std::vector<const GEOSGeometry*> others;
        for (auto& o : own) others.push_back(o.get());
        std::shuffle(others.begin(), others.end(), rng);
        INFO("round " << round << ", " << others.size() << " polygons");
        check_same(g.get(), others);
    }
}

TEST_CASE("minus_union: a polygon inside the second part of a multipolygon is a hole of that part", "[vector][overlay]") {
    auto g = geom::from_wkt("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)),((200 0,300 0,300 100,200 100,200 0)))");
    auto a = geom::from_wkt(rect(240, 40, 260, 60)), b = geom::from_wkt(rect(20, 20, 30, 30)), c = geom::from_wkt(rect(-10, 50, 10, 60));
    check_same(g.get(), {a.get(), b.get(), c.get()});
    geom::Geom r = vector::minus_union(g.get(), {a.get(), b.get(), c.get()});
    // by hand: 10000 - 400 (a) + 10000 - 100 (b) - 100 (c's half inside) = 19400
    CHECK(geom::area(r.get()) == Approx(19400).epsilon(1e-12));
}
