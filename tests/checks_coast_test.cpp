// coast on hand-placed shoreline segments in EPSG:4549 (metres):
//   C1 mainland: natural bedrock 1000 m, artificial 2000 m, artificial restored 500 m, estuary 500 m
//      -> total 4000 m, natural + restored 1500 m, ratio 0.375 >= 0.35: pass
//   C1 island: natural 700 m (not in the ratio)
//   C2 mainland: natural 300 m, artificial 700 m, a type1 '填海造地' (not in the enumeration) 200 m
//      -> total 1200 m, natural 300 m, ratio 0.25: fail; the odd value counted as unknown and listed
//   overall mainland 5200 m, natural 1800 m, ratio 0.346153...: fail
#include <catch2/catch.hpp>

#include <map>

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

// Two versions, hand-placed in EPSG:4549 (offsets from 500000, 3200000), mainland:
//   old: O1 natural (0,0)-(1000,0); O2 artificial (1000,0)-(2000,0)
//   new (renamed and moved 5 m north, so only position can match them):
//        N1 artificial (0,5)-(1000,5): along O1 (natural) -> natural_to_artificial 1000 m
//        N2 artificial restored (1000,5)-(2000,5): along O2 -> artificial_to_natural 1000 m
//        N3 artificial (500,-300)-(500,300): crosses O1; the part within the 20 m tolerance is 40 m,
//           below --min-change-length 50: ignored, reported (1 part, 40 m)
//        N4 artificial (0,500)-(1000,500): far from everything, no change
//   old ratio 1000 / 2000 = 0.5; new ratio (N2 restored) 1000 / 3600.
// Per bay: a bay (0,10)-(1000,500) box with --shore-distance 200 takes N1 whole (1000 m, 5 m off),
// N4 whole (on its edge), N3 from y = -190 to 300 (490 m; the buffer's straight bottom edge) and
// N2 from x = 1000 to 1000 + sqrt(200^2 - 5^2) = 1199.937 m (round corner, polygonised: +-0.5 m).
TEST_CASE("coast: two versions matched by position, and per bay", "[checks][coast]") {
    testutil::TempDir dir;
    auto L = [](double x0, double y0, double x1, double y1) {
        char b[200];
        std::snprintf(b, sizeof b, "LINESTRING(%.3f %.3f,%.3f %.3f)", 500000 + x0, 3200000 + y0, 500000 + x1, 3200000 + y1);
        return std::string(b);
    };
    testutil::write_vector(dir / "old.gpkg", "GPKG", "coastline", "EPSG:4549", wkbLineString,
                           {f(L(0, 0, 1000, 0), "O1", "自然", "基岩", "0", "1", "C1"), f(L(1000, 0, 2000, 0), "O2", "人工", "", "0", "1", "C1")});
    testutil::write_vector(dir / "new.gpkg", "GPKG", "coastline", "EPSG:4549", wkbLineString,
                           {f(L(0, 5, 1000, 5), "N1", "人工", "", "0", "1", "C1"), f(L(1000, 5, 2000, 5), "N2", "人工", "", "1", "1", "C1"),
                            f(L(500, -300, 500, 300), "N3", "人工", "", "0", "1", "C1"), f(L(0, 500, 1000, 500), "N4", "人工", "", "0", "1", "C1")});
    testutil::write_vector(dir / "bay.gpkg", "GPKG", "bay", "EPSG:4549", wkbPolygon,
                           {{"POLYGON((500000 3200010,501000 3200010,501000 3200500,500000 3200500,500000 3200010))", {{"code", "B1"}, {"name", "湾"}}}});
    checks::CoastInput in;
    in.coastline = io::parse_source(dir / "new.gpkg");
    in.old_coastline = io::parse_source(dir / "old.gpkg");
    in.bay = io::parse_source(dir / "bay.gpkg");
    auto r = checks::run_coast(in, {{"work-crs", "EPSG:4549"}, {"min-change-length", 50}});
    REQUIRE(r->old);
    CHECK(r->old->overall.ratio() == Approx(0.5).epsilon(1e-12));
    CHECK(r->overall.total == Approx(3600).epsilon(1e-12));
    CHECK(r->overall.ratio() == Approx(1000.0 / 3600.0).epsilon(1e-12));
    REQUIRE(r->changes.size() == 2);
    std::map<std::string, double> by;
    std::map<std::string, std::string> code, old_code;
    for (const auto& c : r->changes) {
        by[c.change] += c.length;
        code[c.change] = r->segments[c.seg].code;
        REQUIRE(c.old_segs.size() == 1);
        old_code[c.change] = r->old->segments[c.old_segs[0]].code;
    }
    CHECK(by["natural_to_artificial"] == Approx(1000).epsilon(1e-9));
    CHECK(by["artificial_to_natural"] == Approx(1000).epsilon(1e-9));
    CHECK(code["natural_to_artificial"] == "N1");
    CHECK(old_code["natural_to_artificial"] == "O1");
    CHECK(code["artificial_to_natural"] == "N2");
    CHECK(old_code["artificial_to_natural"] == "O2");
    CHECK(r->ignored_short == 1);
    CHECK(r->ignored_short_m == Approx(40).epsilon(1e-9));
    // with the default minimum (40 m) the 40 m crossing is kept as a change
    auto r2 = checks::run_coast(in, {{"work-crs", "EPSG:4549"}});
    double n2a = 0;
    for (const auto& c : r2->changes)
        if (c.change == "natural_to_artificial") n2a += c.length;
    CHECK(n2a == Approx(1040).epsilon(1e-9));
    // a tolerance below the 5 m shift: nothing matches
    auto r3 = checks::run_coast(in, {{"work-crs", "EPSG:4549"}, {"match-tolerance", 4}});
    CHECK(r3->changes.empty());
    // per bay
    REQUIRE(r->bays.size() == 1);
    const auto& B = r->bays[0].figures;
    CHECK(r->bays[0].code == "B1");
    CHECK(B.total == Approx(1000 + 1000 + 490 + 199.937).margin(0.5));
    CHECK(B.natural == Approx(199.937).margin(0.5));
    CHECK(B.by_type1.at("artificial") == Approx(1000 + 1000 + 490 + 199.937).margin(0.5));
}
