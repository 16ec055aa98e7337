// Screening geometry on hand-placed shapes in a projected CRS (metres); every expected value is
// worked out by hand in the comments.
#include <catch2/catch.hpp>

#include <cmath>

#include "io/crs.h"
#include "vector/site_screen.h"

using namespace eco;

namespace {

io::VectorLayer layer_of(std::initializer_list<const char*> wkts) {
    io::VectorLayer L;
    L.label = "test";
    long long fid = 1;
    for (const char* w : wkts) L.features.push_back(io::Feature{fid++, geom::from_wkt(w), {}});
    return L;
}

struct Fixture {
    io::Srs crs = io::srs_from_user("EPSG:4549", "test", "CRS");
    vector::Ellipsoidal ell{*crs};
    vector::Tolerance tol;
};

}  // namespace

TEST_CASE("polygon site half inside a square patch", "[screen][vector]") {
    Fixture fx;
    // patch: 1000 x 1000 m square at x 500000..501000, y 3200000..3201000 (area 1e6 m2)
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))"});
    vector::ConstraintIndex idx(L);
    // site: 200 x 100 m, west half inside the patch (x 500900..501100)
    auto site = geom::from_wkt("POLYGON((500900 3200400,501100 3200400,501100 3200500,500900 3200500,500900 3200400))");
    std::vector<double> buffers{100, 500};
    auto F = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    REQUIRE(F.hits.size() == 1);
    const auto& h = F.hits[0];
    CHECK(h.overlap_m2 == Approx(10000.0));        // 100 x 100 m
    CHECK(h.site_share == Approx(0.5));            // 10000 / 20000
    CHECK(h.patch_share == Approx(0.01));          // 10000 / 1e6
    CHECK_FALSE(h.tiny);
    // on the central meridian (x = 500000 + 1 km) the Gauss-Kruger scale factor is 1 + 1.2e-8:
    // the ellipsoidal area equals the planar one to about 1e-7
    CHECK(h.overlap_ell_m2 == Approx(10000.0).epsilon(1e-6));
    CHECK(F.dmin == 0.0);
    CHECK(F.nearest == 0);
    CHECK(F.within_count == std::vector<int>{1, 1});
}

TEST_CASE("point 300 m east of a patch: distance, nearest line and buffer counts", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))",
                       "POLYGON((510000 3200000,511000 3200000,511000 3201000,510000 3201000,510000 3200000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POINT(501300 3200500)");
    std::vector<double> buffers{100, 500, 1000};
    auto F = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    CHECK(F.hits.empty());
    CHECK(F.nearest == 0);
    CHECK(F.dmin == Approx(300.0));
    REQUIRE(F.nearest_line);
    CHECK(geom::length(F.nearest_line.get()) == Approx(300.0));
    // 300 m: not within 100, within 500 and 1000; the second patch is 8700 m away
    CHECK(F.within_count == std::vector<int>{0, 1, 1});
    REQUIRE(F.near.size() == 1);
    CHECK(F.near[0].second == Approx(300.0));
}

TEST_CASE("a feature beyond every buffer is still found as the nearest", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POINT(520000 3200500)");  // 19 km east of the patch's east edge
    std::vector<double> buffers{100, 500, 1000};
    auto F = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    CHECK(F.nearest == 0);
    CHECK(F.dmin == Approx(19000.0));
    CHECK(F.within_count == std::vector<int>{0, 0, 0});
}

TEST_CASE("a straight line through a patch: length inside and two crossings", "[screen][vector]") {
    Fixture fx;
    // patch 400 m wide (x 500300..500700), a line along y = 3200500 from x 500000 to 501000
    auto L = layer_of({"POLYGON((500300 3200000,500700 3200000,500700 3201000,500300 3201000,500300 3200000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("LINESTRING(500000 3200500,501000 3200500)");
    auto F = vector::screen_site(site.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(F.hits.size() == 1);
    CHECK(F.hits[0].length_m == Approx(400.0));
    CHECK(F.hits[0].crossings == 2);
    CHECK(F.hits[0].site_share == Approx(0.4));
}

TEST_CASE("a line that enters a patch and ends inside crosses once", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"POLYGON((500300 3200000,500700 3200000,500700 3201000,500300 3201000,500300 3200000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("LINESTRING(500000 3200500,500500 3200500)");
    auto F = vector::screen_site(site.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(F.hits.size() == 1);
    CHECK(F.hits[0].length_m == Approx(200.0));
    CHECK(F.hits[0].crossings == 1);
}

TEST_CASE("an overlap of 0.5 m2 is flagged tiny, never dropped", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))"});
    vector::ConstraintIndex idx(L);
    // site 100 x 100 m whose west edge reaches 0.005 m into the patch: overlap 0.005 x 100 = 0.5 m2
    auto site = geom::from_wkt("POLYGON((500999.995 3200400,501099.995 3200400,501099.995 3200500,500999.995 3200500,500999.995 3200400))");
    auto F = vector::screen_site(site.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(F.hits.size() == 1);
    CHECK(F.hits[0].overlap_m2 == Approx(0.5).epsilon(1e-6));
    CHECK(F.hits[0].tiny);
    CHECK(F.tiny_hits() == 1);
}

TEST_CASE("ring areas: a site inside a large patch sees the patch area inside each buffer", "[screen][vector]") {
    Fixture fx;
    // patch 10 km square; site 100 x 100 m in its middle: every buffer lies inside the patch, so the
    // patch area within distance d is the buffer's area minus the site itself. Analytic buffer of an
    // s x s square by d: s^2 + 4 s d (rectangles) + pi d^2 (the four quarter discs), so the ring
    // area is 4 s d + pi d^2: 4e4 + 31415.93 = 71415.93 m2 at 100 m, 4e5 + 3141592.65 at 1000 m.
    auto L = layer_of({"POLYGON((495000 3195000,505000 3195000,505000 3205000,495000 3205000,495000 3195000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POLYGON((500000 3200000,500100 3200000,500100 3200100,500000 3200100,500000 3200000))");
    std::vector<double> buffers{100, 1000};
    auto F = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    for (size_t k = 0; k < buffers.size(); ++k) {
        const double d = buffers[k], exact = 4 * 100 * d + M_PI * d * d;
        INFO("d = " << d << ": expected " << exact << ", got " << F.within_area_m2[k]);
        CHECK(std::fabs(F.within_area_m2[k] - exact) <= 1e-6 * exact);
    }
}

TEST_CASE("ring areas are exact to 1e-6 where a patch cuts the buffer", "[screen][vector]") {
    Fixture fx;
    // the patch is everything east of x = 500050 (a 10 km box): it cuts the 100 m site square in
    // half. Inside the buffer by d and east of the cut: half the square (5000) + half of the north
    // and south rectangles (2 x 50 d) + the east rectangle (100 d) + the two eastern quarter discs
    // (pi d^2 / 2); minus the site's own half (5000): 200 d + pi d^2 / 2.
    auto L = layer_of({"POLYGON((500050 3190000,510000 3190000,510000 3210000,500050 3210000,500050 3190000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POLYGON((500000 3200000,500100 3200000,500100 3200100,500000 3200100,500000 3200000))");
    std::vector<double> buffers{100, 1000};
    auto F = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    for (size_t k = 0; k < buffers.size(); ++k) {
        const double d = buffers[k], exact = 200 * d + M_PI * d * d / 2;
        INFO("d = " << d << ": expected " << exact << ", got " << F.within_area_m2[k]);
        CHECK(std::fabs(F.within_area_m2[k] - exact) <= 1e-6 * exact);
    }
    // a line site of length 300 m inside the patch: buffer = 2 L d + pi d^2, no footprint to remove
    auto line = geom::from_wkt("LINESTRING(502000 3200000,502300 3200000)");
    auto G = vector::screen_site(line.get(), buffers, vector::site_buffers(line.get(), buffers), idx, fx.tol, fx.ell);
    for (size_t k = 0; k < buffers.size(); ++k) {
        const double d = buffers[k], exact = 2 * 300 * d + M_PI * d * d;
        INFO("line, d = " << d << ": expected " << exact << ", got " << G.within_area_m2[k]);
        CHECK(std::fabs(G.within_area_m2[k] - exact) <= 1e-6 * exact);
    }
}

TEST_CASE("ring areas of a small patch across a buffer's straight edge", "[screen][vector]") {
    Fixture fx;
    // site: the 100 m square at (500000, 3200000); its 1000 m buffer's east edge is the straight
    // line x = 501100 for y in 3200000..3200100. The patch 501000..501200 x 3200020..3200080
    // straddles it: 100 m x 60 m = 6000 m2 inside, no arc involved. (A patch far smaller than the
    // buffer: the buffer is clipped to the patch's box first.) Beyond the 100 m buffer: 0.
    auto L = layer_of({"POLYGON((501000 3200020,501200 3200020,501200 3200080,501000 3200080,501000 3200020))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POLYGON((500000 3200000,500100 3200000,500100 3200100,500000 3200100,500000 3200000))");
    std::vector<double> buffers{100, 1000};
    auto F = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    CHECK(F.within_count == std::vector<int>{0, 1});
    CHECK(F.within_area_m2[0] == 0.0);
    CHECK(F.within_area_m2[1] == Approx(6000.0).epsilon(1e-9));
}

TEST_CASE("a point on a boundary intersects (DE-9IM); 1 mm outside it does not", "[screen][vector]") {
    Fixture fx;
    // a square patch and a triangle with a diagonal edge from (502000, 3200000) to (503000, 3201000)
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))",
                       "POLYGON((502000 3200000,503000 3200000,503000 3201000,502000 3200000))"});
    vector::ConstraintIndex idx(L);
    struct Case {
        const char* wkt;
        bool hit;
        double d;
    };
    const Case cases[] = {
        {"POINT(501000 3200500)", true, 0.0},        // on the east edge of the square
        {"POINT(501000.001 3200500)", false, 0.001}, // 1 mm east of it
        {"POINT(500000 3200000)", true, 0.0},        // on a vertex
        {"POINT(502500 3200500)", true, 0.0},        // on the triangle's diagonal edge
        // 1 mm away from the diagonal, perpendicular (north-west): (-1, 1) / sqrt 2 mm
        {"POINT(502499.999292893 3200500.000707107)", false, 0.001},
    };
    for (const auto& c : cases) {
        auto site = geom::from_wkt(c.wkt);
        auto F = vector::screen_site(site.get(), {}, {}, idx, fx.tol, fx.ell);
        // the independent answer: GEOS's own intersects predicate against each patch
        bool geos_hit = geom::intersects(site.get(), idx.geom(0)) || geom::intersects(site.get(), idx.geom(1));
        INFO(c.wkt << ": hits " << F.hits.size() << ", dmin " << F.dmin);
        CHECK(geos_hit == c.hit);
        CHECK(!F.hits.empty() == c.hit);
        if (c.hit) {
            CHECK(F.dmin == 0.0);
            CHECK(F.hits[0].points_inside == 1);
        } else {
            CHECK(F.dmin == Approx(c.d).epsilon(1e-4));  // coordinates carry ~5e-10 m of rounding
        }
    }
}

TEST_CASE("the tiny length tolerance of line sites is a parameter", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))"});
    vector::ConstraintIndex idx(L);
    // a line reaching 5 mm into the patch across its east edge: 0.005 m inside
    auto line = geom::from_wkt("LINESTRING(500999.995 3200500,501500 3200500)");
    auto F = vector::screen_site(line.get(), {}, {}, idx, fx.tol, fx.ell);  // default 0.01 m
    REQUIRE(F.hits.size() == 1);
    CHECK(F.hits[0].length_m == Approx(0.005).epsilon(1e-6));
    CHECK(F.hits[0].tiny);
    fx.tol.length_m = 0.001;
    auto G = vector::screen_site(line.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(G.hits.size() == 1);
    CHECK_FALSE(G.hits[0].tiny);
}

TEST_CASE("points of a point layer inside a polygon site are counted", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"MULTIPOINT((500010 3200010),(500020 3200020))", "POINT(600000 3200000)"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POLYGON((500000 3200000,500100 3200000,500100 3200100,500000 3200100,500000 3200000))");
    auto F = vector::screen_site(site.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(F.hits.size() == 1);
    CHECK(F.hits[0].points_inside == 2);
}

TEST_CASE("a large overlap on a very large site is not tiny", "[screen][vector]") {
    Fixture fx;
    // site 4 km x 4 km (16 km2); it overlaps the patch by 20 m x 20 m = 400 m2, a share of 2.5e-5:
    // below the share tolerance but far above 1 m2, so an intrusion, not an edge misalignment
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POLYGON((500980 3200980,504980 3200980,504980 3204980,500980 3204980,500980 3200980))");
    auto F = vector::screen_site(site.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(F.hits.size() == 1);
    CHECK(F.hits[0].overlap_m2 == Approx(400.0));
    CHECK_FALSE(F.hits[0].tiny);
}

TEST_CASE("a line along a patch boundary is not inside and crosses nothing", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))"});
    vector::ConstraintIndex idx(L);
    // along the south edge, from outside to outside
    auto along = geom::from_wkt("LINESTRING(499500 3200000,501500 3200000)");
    auto F = vector::screen_site(along.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(F.hits.size() == 1);
    CHECK(F.hits[0].length_m == 0.0);
    CHECK(F.hits[0].crossings == 0);
    CHECK(F.hits[0].tiny);
    // touching the north-east corner only
    auto touch = geom::from_wkt("LINESTRING(501000 3201000,502000 3202000)");
    auto T = vector::screen_site(touch.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(T.hits.size() == 1);
    CHECK(T.hits[0].crossings == 0);
    CHECK(T.hits[0].tiny);
    // running in along the edge, then into the interior: 300 m inside, one crossing
    auto in = geom::from_wkt("LINESTRING(499500 3200000,500200 3200000,500200 3200300)");
    auto I = vector::screen_site(in.get(), {}, {}, idx, fx.tol, fx.ell);
    REQUIRE(I.hits.size() == 1);
    CHECK(I.hits[0].length_m == Approx(300.0));
    CHECK(I.hits[0].crossings == 1);
}

TEST_CASE("features beyond the largest buffer are found up to the within-rule reach", "[screen][vector]") {
    Fixture fx;
    auto L = layer_of({"POLYGON((500000 3200000,501000 3200000,501000 3201000,500000 3201000,500000 3200000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POINT(501300 3200500)");  // 300 m east
    std::vector<double> buffers{100, 200};
    auto F = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    CHECK(F.near.empty());  // beyond 200 m with no wider reach
    fx.tol.reach_m = 500;
    auto G = vector::screen_site(site.get(), buffers, vector::site_buffers(site.get(), buffers), idx, fx.tol, fx.ell);
    REQUIRE(G.near.size() == 1);
    CHECK(G.near[0].second == Approx(300.0));
    CHECK(G.within_count == std::vector<int>{0, 0});
}

TEST_CASE("with no buffers the nearest feature is still the true nearest", "[screen][vector]") {
    Fixture fx;
    // A: a long thin patch whose box covers the site but which is 5 km away at its closest;
    // B: a small patch 1 km away whose box does not touch the site's
    auto L = layer_of({"POLYGON((490000 3195000,510000 3195000,510000 3195010,490000 3195010,490000 3195000))",
                       "POLYGON((501000 3200000,501100 3200000,501100 3200100,501000 3200100,501000 3200000))"});
    vector::ConstraintIndex idx(L);
    auto site = geom::from_wkt("POLYGON((499900 3200010,500000 3200010,500000 3200090,499900 3200090,499900 3200010))");
    auto F = vector::screen_site(site.get(), {}, {}, idx, fx.tol, fx.ell);
    CHECK(F.nearest == 1);
    CHECK(F.dmin == Approx(1000.0));
}
