// coast on hand-placed shoreline segments in EPSG:4549 (metres):
//   C1 mainland: natural bedrock 1000 m, artificial 2000 m, artificial restored 500 m, estuary 500 m
//      -> total 4000 m, natural + restored 1500 m, ratio 0.375 >= 0.35: pass
//   C1 island: natural 700 m (not in the ratio)
//   C2 mainland: natural 300 m, artificial 700 m, a type1 '填海造地' (not in the enumeration) 200 m
//      -> total 1200 m, natural 300 m, ratio 0.25: fail; the odd value counted as unknown and listed
//   overall mainland 5200 m, natural 1800 m, ratio 0.346153...: fail
#include <catch2/catch.hpp>

#include "checks/coast.h"
#include "core/error.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;

namespace {

std::string seg(double x0, double len, double y) {
    char b[160];
    std::snprintf(b, sizeof b, "LINESTRING(%.3f %.3f,%.3f %.3f)", 500000 + x0, 3200000 + y, 500000 + x0 + len, 3200000 + y);
    return b;
}

Feat f(const std::string& wkt, const std::string& code, const std::string& t1, const std::string& t2, const std::string& restored,
       const std::string& mainland, const std::string& county) {
    return {wkt, {{"code", code}, {"type1", t1}, {"type2", t2}, {"restored", restored}, {"mainland", mainland}, {"county", county}}};
}

}  // namespace

TEST_CASE("coast: natural shoreline ratio of known segments", "[checks][coast]") {
    testutil::TempDir dir;
    testutil::write_vector(dir / "c.gpkg", "GPKG", "coastline", "EPSG:4549", wkbLineString,
                           {f(seg(0, 1000, 0), "A1", "自然", "基岩", "0", "1", "C1"), f(seg(1000, 2000, 0), "A2", "人工", "", "0", "1", "C1"),
                            f(seg(3000, 500, 0), "A3", "人工", "", "1", "1", "C1"), f(seg(3500, 500, 0), "A4", "河口", "", "0", "1", "C1"),
                            f(seg(0, 700, 5000), "A5", "自然", "砂质", "0", "0", "C1"), f(seg(9000, 300, 0), "B1", "自然", "淤泥质", "0", "1", "C2"),
                            f(seg(9300, 700, 0), "B2", "人工", "", "0", "1", "C2"), f(seg(10000, 200, 0), "B3", "填海造地", "", "0", "1", "C2")});
    auto r = checks::run_coast(io::parse_source(dir / "c.gpkg"), {{"work-crs", "EPSG:4549"}});
    const auto& c1 = r->by_county.at("C1");
    CHECK(c1.total == Approx(4000).epsilon(1e-12));
    CHECK(c1.natural == Approx(1500).epsilon(1e-12));
    CHECK(c1.restored == Approx(500).epsilon(1e-12));
    CHECK(c1.ratio() == Approx(0.375).epsilon(1e-12));
    CHECK(r->verdict(c1) == "pass");
    CHECK(c1.island_total == Approx(700).epsilon(1e-12));
    CHECK(c1.island_natural == Approx(700).epsilon(1e-12));
    CHECK(c1.by_type1.at("artificial") == Approx(2500).epsilon(1e-12));
    CHECK(c1.by_type1.at("estuary") == Approx(500).epsilon(1e-12));
    CHECK(c1.by_type2.at("bedrock") == Approx(1000).epsilon(1e-12));
    const auto& c2 = r->by_county.at("C2");
    CHECK(c2.ratio() == Approx(0.25).epsilon(1e-12));
    CHECK(r->verdict(c2) == "fail");
    CHECK(c2.by_type1.at("unknown") == Approx(200).epsilon(1e-12));
    REQUIRE(r->unknown_values.size() == 1);
    CHECK(r->unknown_values[0].find("填海造地") != std::string::npos);
    CHECK(r->overall.total == Approx(5200).epsilon(1e-12));
    CHECK(r->overall.ratio() == Approx(1800.0 / 5200.0).epsilon(1e-12));
    CHECK(r->verdict(r->overall) == "fail");
    // a higher target, set as a parameter
    auto r2 = checks::run_coast(io::parse_source(dir / "c.gpkg"), {{"work-crs", "EPSG:4549"}, {"target", 0.2}});
    CHECK(r2->verdict(r2->overall) == "pass");
    // ellipsoidal lengths near the central meridian agree to 1e-4
    CHECK(c1.total_ell == Approx(4000).epsilon(1e-4));
}

TEST_CASE("coast: a coastline of polygons is a clear error", "[checks][coast]") {
    testutil::TempDir dir;
    testutil::write_vector(dir / "p.gpkg", "GPKG", "coastline", "EPSG:4549", wkbPolygon,
                           {{"POLYGON((500000 3200000,500100 3200000,500100 3200100,500000 3200000))", {{"type1", "自然"}}}});
    try {
        checks::run_coast(io::parse_source(dir / "p.gpkg"), {{"work-crs", "EPSG:4549"}});
        FAIL("no error");
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.rfind("coast: the coastline layer", 0) == 0);
        CHECK(m.find("polygon") != std::string::npos);
    }
}
