// redline diff on hand-placed patches in EPSG:4549 (metres). Expected areas worked out below.
//
// OLD: R1 C1 water_conservation [0,1000]x[0,1000]       1 000 000
//      R2 C1 soil_conservation  [2000,2500]x[0,500]       250 000
// NEW: R1 loses the strip y in [900,1000]: [0,1000]x[0,900]   900 000 (removed 100 000)
//      R2 moved 0.4 m east: [2000.4,2500.4]x[0,500]   (edge adjustments: 0.4 x 500 = 200 removed, 200 added)
//      R3 C2 biodiversity [5000,5200]x[0,100]              20 000 (added)
// overall: old 1 250 000, new 1 170 000, change -80 000 (fail); C1 -100 000 (fail); C2 +20 000 (pass)
#include <catch2/catch.hpp>

#include "checks/redline_diff.h"
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
