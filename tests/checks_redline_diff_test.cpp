// redline diff on hand-placed patches in EPSG:4549 (metres). Expected areas worked out below.
//
// OLD: R1 C1 water_conservation [0,1000]x[0,1000]       1 000 000
//      R2 C1 soil_conservation  [2000,2500]x[0,500]       250 000
// NEW: R1 loses the strip y in [900,1000]: [0,1000]x[0,900]   900 000 (removed 100 000)
//      R2 moved 0.4 m east: [2000.4,2500.4]x[0,500]   (edge adjustments: 0.4 x 500 = 200 removed, 200 added)
//      R3 C2 biodiversity [5000,5200]x[0,100]              20 000 (added)
// overall: old 1 250 000, new 1 170 000, change -80 000 (fail); C1 -100 000 (fail); C2 +20 000 (pass)
#include <catch2/catch.hpp>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "checks/redline_diff.h"
#include "core/error.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;

namespace {

const double X0 = 500000, Y0 = 3200000;

std::string rect(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) {
        char b[80];
        std::snprintf(b, sizeof b, "%.3f %.3f", X0 + x, Y0 + y);
        return std::string(b);
    };
    return "POLYGON((" + p(x0, y0) + "," + p(x1, y0) + "," + p(x1, y1) + "," + p(x0, y1) + "," + p(x0, y0) + "))";
}

Feat patch(const std::string& wkt, const std::string& code, const std::string& county, const std::string& type) {
    return {wkt, {{"HXBH", code}, {"XZQMC", county}, {"HXLX", type}}};
}

struct Fixture {
    testutil::TempDir dir;
    io::LayerSource old_src, new_src;
    Fixture() {
        testutil::write_vector(dir / "old.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                               {patch(rect(0, 0, 1000, 1000), "R1", "C1", "水源涵养"),
                                patch(rect(2000, 0, 2500, 500), "R2", "C1", "水土保持")});
        testutil::write_vector(dir / "new.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                               {patch(rect(0, 0, 1000, 900), "R1", "C1", "水源涵养"),
                                patch(rect(2000.4, 0, 2500.4, 500), "R2", "C1", "水土保持"),
                                patch(rect(5000, 0, 5200, 100), "R3", "C2", "生物多样性维护")});
        old_src = io::parse_source(dir / "old.gpkg");
        new_src = io::parse_source(dir / "new.gpkg");
    }
};

const nlohmann::json P = {{"work-crs", "EPSG:4549"}};

}  // namespace

TEST_CASE("redline diff: a square losing a known strip, a 0.4 m boundary move, a new patch", "[checks][redline_diff]") {
    Fixture f;
    auto r = checks::run_redline_diff(f.old_src, f.new_src, P);
    const auto& d = r->overall;
    CHECK(d.old_area == Approx(1250000).epsilon(1e-12));
    CHECK(d.new_area == Approx(1170000).epsilon(1e-12));
    CHECK(d.removed == Approx(100000).epsilon(1e-9));
    CHECK(d.added == Approx(20000).epsilon(1e-9));
    CHECK(d.edge_removed == Approx(200).epsilon(1e-6));
    CHECK(d.edge_added == Approx(200).epsilon(1e-6));
    CHECK(d.unchanged == Approx(1250000 - 100000 - 200).epsilon(1e-9));
    CHECK(d.change() == Approx(-80000).epsilon(1e-9));
    CHECK(std::abs(d.reattributed()) < 1e-6);
    CHECK_FALSE(d.not_decreased());
    REQUIRE(r->by_county.count("C1"));
    REQUIRE(r->by_county.count("C2"));
    CHECK(r->by_county.at("C1").change() == Approx(-100000).epsilon(1e-9));
    CHECK_FALSE(r->by_county.at("C1").not_decreased());
    CHECK(r->by_county.at("C2").added == Approx(20000).epsilon(1e-9));
    CHECK(r->by_county.at("C2").not_decreased());
    CHECK(r->by_type.at("water_conservation").removed == Approx(100000).epsilon(1e-9));
    CHECK(r->by_type.at("soil_conservation").change() == Approx(0).margin(1e-6));
    CHECK(r->by_type.at("soil_conservation").not_decreased());
    CHECK(r->by_type.at("biodiversity").added == Approx(20000).epsilon(1e-9));
    // the change polygons carry their source patch codes
    int removed = 0, added = 0, edges = 0;
    for (const auto& c : r->pieces) {
        const auto& V = c.from_new ? r->new_v : r->old_v;
        if (c.change == "removed") {
            ++removed;
            CHECK(V.code[c.patch] == "R1");
        } else if (c.change == "added") {
            ++added;
            CHECK(V.code[c.patch] == "R3");
        } else {
            ++edges;
            CHECK(V.code[c.patch] == "R2");
        }
    }
    CHECK(removed == 1);
    CHECK(added == 1);
    CHECK(edges == 2);
    // ellipsoidal: near the central meridian within 1e-4 of planar
    CHECK(d.removed_ell == Approx(100000).epsilon(1e-4));
}

TEST_CASE("redline diff: tolerance 0 counts the boundary move as change", "[checks][redline_diff]") {
    Fixture f;
    auto r = checks::run_redline_diff(f.old_src, f.new_src, {{"work-crs", "EPSG:4549"}, {"tolerance", 0}});
    CHECK(r->overall.edge_added == 0);
    CHECK(r->overall.removed == Approx(100200).epsilon(1e-9));
    CHECK(r->overall.added == Approx(20200).epsilon(1e-9));
    CHECK(r->overall.change() == Approx(-80000).epsilon(1e-9));
}

TEST_CASE("redline diff: a layer against itself reports zero change", "[checks][redline_diff]") {
    Fixture f;
    auto r = checks::run_redline_diff(f.old_src, f.old_src, P);
    CHECK(r->pieces.empty());
    CHECK(r->overall.added == 0);
    CHECK(r->overall.removed == 0);
    CHECK(r->overall.change() == 0);
    CHECK(r->overall.unchanged == Approx(1250000).epsilon(1e-12));
    CHECK(r->overall.not_decreased());
    for (const auto& [k, d] : r->by_county) CHECK(d.not_decreased());
}

TEST_CASE("redline diff: swapping the arguments swaps added and removed", "[checks][redline_diff]") {
    Fixture f;
    auto a = checks::run_redline_diff(f.old_src, f.new_src, P);
    auto b = checks::run_redline_diff(f.new_src, f.old_src, P);
    CHECK(a->overall.added == b->overall.removed);
    CHECK(a->overall.removed == b->overall.added);
    CHECK(a->overall.edge_added == b->overall.edge_removed);
    CHECK(a->overall.edge_removed == b->overall.edge_added);
    CHECK(a->overall.added_ell == b->overall.removed_ell);
    CHECK(a->overall.change() == Approx(-b->overall.change()).epsilon(1e-12));
    for (const auto& [k, d] : a->by_county) {
        CHECK(d.added == b->by_county.at(k).removed);
        CHECK(d.removed == b->by_county.at(k).added);
    }
    CHECK(b->overall.not_decreased());
}

TEST_CASE("redline diff: split_by_width keeps a wide rectangle whole and drops a thin tail", "[checks][redline_diff]") {
    // a 100 x 10 rectangle with a 0.5 m wide, 20 m long tail: the tail (10 m2) is an edge adjustment
    auto g = geom::from_wkt("POLYGON((0 0,100 0,100 4,120 4,120 4.5,100 4.5,100 10,0 10,0 0))");
    auto [core, thin] = checks::split_by_width(g.get(), 1.0);
    CHECK(geom::area(core.get()) == Approx(1000).epsilon(1e-9));
    CHECK(geom::area(thin.get()) == Approx(10).epsilon(1e-9));
}

TEST_CASE("redline diff: split_by_width returns a change with no thin part whole, without float slivers", "[checks][redline_diff]") {
    // a square ring 5 m wide (outer side 100, inner 90), turned by 30 degrees, at GK coordinates:
    // every part is wider than 1 m, so the whole ring is change (area 100^2 - 90^2 = 1900) and no
    // edge adjustment: not even the 1e-6 m2 slivers an intersection with the opening would cut off
    const double cx = 500000.123, cy = 3200000.456, c = std::cos(M_PI / 6), s = std::sin(M_PI / 6);
    auto square = [&](double h, bool ccw) {
        std::string w;
        const double px[4] = {-h, h, h, -h}, py[4] = {-h, -h, h, h};
        for (int k = 0; k <= 4; ++k) {
            const int i = ccw ? k % 4 : (4 - k) % 4;
            char b[80];
            std::snprintf(b, sizeof b, "%s%.6f %.6f", k ? "," : "", cx + c * px[i] - s * py[i], cy + s * px[i] + c * py[i]);
            w += b;
        }
        return "(" + w + ")";
    };
    auto g = geom::from_wkt("POLYGON(" + square(50, true) + "," + square(45, false) + ")");
    REQUIRE(geom::area(g.get()) == Approx(1900).epsilon(1e-7));  // vertices rounded to 1e-6 m
    auto [core, thin] = checks::split_by_width(g.get(), 1.0);
    CHECK(geom::is_empty(thin.get()));
    CHECK(GEOSEqualsExact_r(geom::ctx(), core.get(), g.get(), 0.0) == 1);
    // a 6 m tolerance: the 5 m ring is all edge adjustment
    auto [core6, thin6] = checks::split_by_width(g.get(), 6.0);
    CHECK(geom::is_empty(core6.get()));
    CHECK(geom::area(thin6.get()) == Approx(1900).epsilon(1e-7));
}

// Counties from a hand-made admin layer that leaves strips uncovered (the fixture's patches above):
//   甲县 x in [0, 600], 乙县 x in [700, 2200] (both y in [-100, 1100]); x in [600, 700] and beyond
//   2200 no unit covers.
//   甲县: old R1 600 x 1000 = 600 000; new 600 x 900 = 540 000; removed 600 x 100 = 60 000 -> change -60 000
//   乙县: old R1 300 x 1000 + R2 200 x 500 = 400 000; new 300 x 900 + 199.6 x 500 = 369 800;
//         removed 30 000, edge removed 0.4 x 500 = 200 -> change = -30 200 + 200 = -30 000
//   uncovered: old R1 100 x 1000 + R2 300 x 500 = 250 000; new 90 000 + 300.4 x 500 + R3 20 000 = 260 200;
//         removed 10 000, added 20 000, edge added 200 -> change = 10 200 - 200 = +10 000 (pass)
TEST_CASE("redline diff: counties from an admin layer, the uncovered strip its own row", "[checks][redline_diff]") {
    Fixture f;
    testutil::write_vector(f.dir / "admin.gpkg", "GPKG", "admin", "EPSG:4549", wkbPolygon,
                           {{rect(0, -100, 600, 1100), {{"XZQMC", "甲县"}}}, {rect(700, -100, 2200, 1100), {{"XZQMC", "乙县"}}}});
    auto r = checks::run_redline_diff(f.old_src, f.new_src, P, {}, io::parse_source(f.dir / "admin.gpkg"));
    REQUIRE(r->by_county.size() == 3);
    REQUIRE(r->by_county.count("甲县"));
    REQUIRE(r->by_county.count("乙县"));
    REQUIRE(r->by_county.count(checks::kUncovered));
    const auto& a = r->by_county.at("甲县");
    const auto& b = r->by_county.at("乙县");
    const auto& u = r->by_county.at(checks::kUncovered);
    CHECK(a.old_area == Approx(600000).epsilon(1e-9));
    CHECK(a.new_area == Approx(540000).epsilon(1e-9));
    CHECK(a.removed == Approx(60000).epsilon(1e-9));
    CHECK(a.change() == Approx(-60000).epsilon(1e-9));
    CHECK_FALSE(a.not_decreased());
    CHECK(b.old_area == Approx(400000).epsilon(1e-9));
    CHECK(b.new_area == Approx(369800).epsilon(1e-9));
    CHECK(b.removed == Approx(30000).epsilon(1e-9));
    CHECK(b.edge_removed == Approx(200).epsilon(1e-6));
    CHECK(b.edge_added == 0);
    CHECK(b.unchanged == Approx(400000 - 30000 - 200).epsilon(1e-9));
    CHECK(b.change() == Approx(-30000).epsilon(1e-9));
    CHECK(u.old_area == Approx(250000).epsilon(1e-9));
    CHECK(u.new_area == Approx(260200).epsilon(1e-9));
    CHECK(u.removed == Approx(10000).epsilon(1e-9));
    CHECK(u.added == Approx(20000).epsilon(1e-9));
    CHECK(u.edge_added == Approx(200).epsilon(1e-6));
    CHECK(u.change() == Approx(10000).epsilon(1e-9));
    CHECK(u.not_decreased());
    // function type and overall figures are those without the admin layer
    CHECK(r->overall.change() == Approx(-80000).epsilon(1e-9));
    CHECK(r->by_type.at("water_conservation").removed == Approx(100000).epsilon(1e-9));
    // R1's removed strip is cut into one change polygon per county
    std::map<std::string, double> removed;
    for (const auto& c : r->pieces)
        if (c.change == "removed") removed[c.county] += c.area;
    CHECK(removed.size() == 3);
    CHECK(removed["甲县"] == Approx(60000).epsilon(1e-9));
    CHECK(removed["乙县"] == Approx(30000).epsilon(1e-9));
    CHECK(removed[checks::kUncovered] == Approx(10000).epsilon(1e-9));
    CHECK(r->county_source.find("admin layer") == 0);
    bool noted = false;
    for (const auto& n : r->notes) noted = noted || n.find("'uncovered'") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("redline diff: an admin layer without a name field is a clear error", "[checks][redline_diff]") {
    Fixture f;
    testutil::write_vector(f.dir / "admin.gpkg", "GPKG", "admin", "EPSG:4549", wkbPolygon, {{rect(0, 0, 10, 10), {{"foo", "x"}}}});
    try {
        checks::run_redline_diff(f.old_src, f.new_src, P, {}, io::parse_source(f.dir / "admin.gpkg"));
        FAIL("no error");
    } catch (const BadInput& e) {
        CHECK(std::string(e.what()).find("redline diff: the admin layer") == 0);
        CHECK(std::string(e.what()).find("has no name field") != std::string::npos);
    }
}

// The new version in CGCS2000 lon/lat (EPSG:4490): the same rectangles, their corners transformed
// with OGR; the diff reprojects it to the working CRS (EPSG:4549) and says so. Polygon edges are
// straight between vertices in the working CRS, so the figures are those of the first test
// (the corners' round trip moves them by well under 1e-6 m: areas within 1e-6 relative).
TEST_CASE("redline diff: two versions in different CRSs are reprojected, and the notes say so", "[checks][redline_diff]") {
    Fixture f;
    OGRSpatialReference gk, geo;
    gk.importFromEPSG(4549);
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    geo.importFromEPSG(4490);
    geo.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto to_geo = [&](const std::string& wkt) {
        OGRGeometry* g = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(wkt.c_str(), &gk, &g) == OGRERR_NONE);
        REQUIRE(g->transformTo(&geo) == OGRERR_NONE);
        OGRWktOptions opt;
        opt.precision = 17;
        std::string s = g->exportToWkt(opt);
        OGRGeometryFactory::destroyGeometry(g);
        return s;
    };
    testutil::write_vector(f.dir / "new_4490.gpkg", "GPKG", "redline", "EPSG:4490", wkbPolygon,
                           {patch(to_geo(rect(0, 0, 1000, 900)), "R1", "C1", "水源涵养"),
                            patch(to_geo(rect(2000.4, 0, 2500.4, 500)), "R2", "C1", "水土保持"),
                            patch(to_geo(rect(5000, 0, 5200, 100)), "R3", "C2", "生物多样性维护")});
    auto r = checks::run_redline_diff(f.old_src, io::parse_source(f.dir / "new_4490.gpkg"), P);
    CHECK(r->work_epsg == 4549);
    CHECK(r->new_v.layer.crs_label != r->old_v.layer.crs_label);
    const auto& d = r->overall;
    CHECK(d.new_area == Approx(1170000).epsilon(1e-6));
    CHECK(d.removed == Approx(100000).epsilon(1e-6));
    CHECK(d.added == Approx(20000).epsilon(1e-6));
    CHECK(d.edge_removed == Approx(200).epsilon(1e-4));
    CHECK(d.change() == Approx(-80000).epsilon(1e-6));
    bool reprojected = false, different = false;
    for (const auto& n : r->notes) {
        reprojected = reprojected || n.find("the new layer was reprojected from") == 0;
        different = different || n.find("the two versions are in different CRSs") == 0;
    }
    CHECK(reprojected);
    CHECK(different);
}

TEST_CASE("redline diff: a patch with no counterpart is added or removed whole, however narrow", "[checks][redline_diff]") {
    // old: a 0.5 m x 400 m strip alone (removed whole: 200 m2 removed, no edge adjustment) and a
    // square whose boundary moves 0.4 m (its 0.4 x 500 = 200 m2 sliver is an edge adjustment);
    // new: a 0.6 m x 500 m strip alone (300 m2 added, not an edge) and the moved square
    testutil::TempDir dir;
    testutil::write_vector(dir / "old.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                           {patch(rect(0, 0, 400, 0.5), "S1", "C1", "水源涵养"), patch(rect(2000, 0, 2500, 500), "R2", "C1", "水土保持")});
    testutil::write_vector(dir / "new.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                           {patch(rect(0, 100, 500, 100.6), "S2", "C1", "水源涵养"), patch(rect(2000.4, 0, 2500.4, 500), "R2", "C1", "水土保持")});
    auto r = checks::run_redline_diff(io::parse_source(dir / "old.gpkg"), io::parse_source(dir / "new.gpkg"), P);
    const auto& d = r->overall;
    CHECK(d.removed == Approx(200).epsilon(1e-9));
    CHECK(d.added == Approx(300).epsilon(1e-9));
    CHECK(d.edge_removed == Approx(200).epsilon(1e-6));
    CHECK(d.edge_added == Approx(200).epsilon(1e-6));
}

TEST_CASE("redline diff: a narrow patch redrawn beside itself, within the tolerance, is an edge adjustment", "[checks][redline_diff]") {
    // a 0.5 m x 400 m strip moved 1.2 m sideways (a 0.7 m gap, under the 1 m tolerance): the two
    // strips do not meet, but a boundary moved: 200 m2 edge removed and 200 m2 edge added, no change
    testutil::TempDir dir;
    testutil::write_vector(dir / "old.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon, {patch(rect(0, 0, 400, 0.5), "S1", "C1", "水源涵养")});
    testutil::write_vector(dir / "new.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon, {patch(rect(0, 1.2, 400, 1.7), "S1", "C1", "水源涵养")});
    auto r = checks::run_redline_diff(io::parse_source(dir / "old.gpkg"), io::parse_source(dir / "new.gpkg"), P);
    const auto& d = r->overall;
    CHECK(d.removed == 0);
    CHECK(d.added == 0);
    CHECK(d.edge_removed == Approx(200).epsilon(1e-6));
    CHECK(d.edge_added == Approx(200).epsilon(1e-6));
    // moved 2 m (a 1.5 m gap): nothing within the tolerance, removed and added whole
    testutil::write_vector(dir / "far.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon, {patch(rect(0, 2.0, 400, 2.5), "S1", "C1", "水源涵养")});
    auto f = checks::run_redline_diff(io::parse_source(dir / "old.gpkg"), io::parse_source(dir / "far.gpkg"), P);
    CHECK(f->overall.removed == Approx(200).epsilon(1e-9));
    CHECK(f->overall.added == Approx(200).epsilon(1e-9));
    CHECK(f->overall.edge_removed == 0);
}

TEST_CASE("redline diff: the versions read at the same time report the old one's error first, else the new one's", "[checks][redline_diff]") {
    // layers that open (CRS, extent) but have no usable geometry: the error comes from the read
    Fixture f;
    testutil::TempDir dir;
    const std::string flat = "POLYGON((500000 3200000,500010 3200000,500020 3200000,500000 3200000))";  // zero area
    testutil::write_vector(dir / "old_missing.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon, {patch(flat, "B1", "C1", "水源涵养")});
    testutil::write_vector(dir / "new_missing.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon, {patch(flat, "B2", "C1", "水源涵养")});
    const auto missing_old = io::parse_source(dir / "old_missing.gpkg"), missing_new = io::parse_source(dir / "new_missing.gpkg");
    auto message = [&](const io::LayerSource& a, const io::LayerSource& b) {
        try {
            checks::run_redline_diff(a, b, P);
        } catch (const BadInput& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    const std::string both = message(missing_old, missing_new);
    INFO(both);
    CHECK(both.find("usable geometry") != std::string::npos);
    CHECK(both.find("old_missing.gpkg") != std::string::npos);
    CHECK(both.find("new_missing.gpkg") == std::string::npos);
    const std::string only_new = message(f.old_src, missing_new);
    CHECK(only_new.find("new_missing.gpkg") != std::string::npos);
    // and a good pair still works after a failed one (no state left behind by the cancelled read)
    CHECK(checks::run_redline_diff(f.old_src, f.new_src, P)->overall.added == Approx(20000).epsilon(1e-9));
}
