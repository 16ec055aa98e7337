// water on hand-placed features in EPSG:4549 (metres). Every expected value is worked out by hand:
//   Z1  water zone square 500000-501000 x 3200000-3201000, use / industrial, target Ⅲ类
//   Z2  water zone line (reach) 510000..512000 at y 3200000, level1 保护区 (protection), target Ⅱ类
//   M1  marine zone 520000-530000 x 3200000-3210000, class 第二类
//   W1  first-level drinking water source zone 500400-500600 x 3200400-3200600 (inside Z1)
//   RL1 redline 500500-501500 x 3200000-3201000: overlaps Z1 over 500 x 1000 = 500000 m2 (share 0.5)
//   RL2 redline 511000-511500 x 3199900-3200100: Z2 runs 500 m inside it (share 500 / 2000 = 0.25)
// Points: A (500200, 3200200) in Z1 measured Ⅳ类 -> exceeds; B in Z1 measured "2" -> compliant;
// C outfall at the centre of W1 -> flag water_source_first, not measured; D 30 m from the reach
// with a 50 m snap -> water_reach, distance 30, measured 劣Ⅴ类 -> exceeds; D2 80 m from the reach ->
// unassigned, nearest Z2 at 80 m; E outfall 40 m from the protection reach -> flag protection_zone;
// F at sea measured 劣四类 -> exceeds on GB 3097; G at sea 第一类 -> compliant; H in Z1 measured Ⅵ类
// -> unknown_class, listed.
#include <catch2/catch.hpp>

#include "checks/water.h"
#include "core/error.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;

namespace {

std::string box(double x0, double y0, double x1, double y1) {
    char b[256];
    std::snprintf(b, sizeof b, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    return b;
}
std::string pt(double x, double y) {
    char b[96];
    std::snprintf(b, sizeof b, "POINT(%.3f %.3f)", x, y);
    return b;
}
Feat outlet(const std::string& wkt, const std::string& id, const std::string& kind, const std::string& measured) {
    return {wkt, {{"id", id}, {"name", "n " + id}, {"kind", kind}, {"measured_class", measured}}};
}

struct Fixture {
    testutil::TempDir dir;
    checks::WaterInput in;
    Fixture() {
        // a layer with both polygons and lines: GPKG geometry type unknown
        testutil::write_vector(dir / "zones.gpkg", "GPKG", "water_zone", "EPSG:4549", wkbUnknown,
                               {{box(500000, 3200000, 501000, 3201000),
                                 {{"code", "Z1"}, {"name", "工业用水区"}, {"level1", "开发利用区"}, {"level2", "工业用水区"}, {"target_class", "Ⅲ类"}}},
                                {"LINESTRING(510000 3200000,512000 3200000)",
                                 {{"code", "Z2"}, {"name", "源头水保护区"}, {"level1", "保护区"}, {"level2", ""}, {"target_class", "Ⅱ类"}}}});
        testutil::write_vector(dir / "marine.gpkg", "GPKG", "marine_zone", "EPSG:4549", wkbPolygon,
                               {{box(520000, 3200000, 530000, 3210000), {{"code", "M1"}, {"name", "养殖区"}, {"class", "第二类"}}}});
        testutil::write_vector(dir / "source.gpkg", "GPKG", "water_source", "EPSG:4549", wkbPolygon,
                               {{box(500400, 3200400, 500600, 3200600), {{"code", "W1"}, {"name", "一级保护区"}, {"level", "一级"}}}});
        testutil::write_vector(dir / "redline.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                               {{box(500500, 3200000, 501500, 3201000), {{"code", "RL1"}, {"name", "红线一"}}},
                                {box(511000, 3199900, 511500, 3200100), {{"code", "RL2"}, {"name", "红线二"}}}});
        testutil::write_vector(dir / "outlets.gpkg", "GPKG", "outlet", "EPSG:4549", wkbPoint,
                               {outlet(pt(500200, 3200200), "A", "监测断面", "Ⅳ类"), outlet(pt(500800, 3200800), "B", "监测断面", "2"),
                                outlet(pt(500500, 3200500), "C", "排污口", ""), outlet(pt(511000, 3200030), "D", "监测断面", "劣Ⅴ类"),
                                outlet(pt(511000, 3200080), "D2", "监测断面", "Ⅲ"), outlet(pt(511500, 3199960), "E", "入河排污口", ""),
                                outlet(pt(525000, 3205000), "F", "监测站位", "劣四类"), outlet(pt(525000, 3206000), "G", "监测站位", "第一类"),
                                outlet(pt(500300, 3200300), "H", "监测断面", "Ⅵ类")});
        in.outlet = io::parse_source(dir / "outlets.gpkg");
        in.water_zone = io::parse_source(dir / "zones.gpkg");
        in.marine_zone = io::parse_source(dir / "marine.gpkg");
        in.water_source = io::parse_source(dir / "source.gpkg");
        in.redline = io::parse_source(dir / "redline.gpkg");
    }
};

const checks::WaterPoint& by_id(const checks::WaterResult& r, const std::string& id) {
    for (const auto& p : r.points)
        if (p.id == id) return p;
    FAIL("no point " << id);
    return r.points.front();
}

}  // namespace

TEST_CASE("water: class parsing of Roman, Arabic and Chinese forms", "[checks][water]") {
    using checks::parse_water_class;
    for (const char* s : {"Ⅳ类", "IV", "iv", "4", "四类", "Ⅳ", "IV类", " Ⅳ类 ", "ⅳ", "４", "第四类", "Ⅳ类水"}) {
        INFO(s);
        auto c = parse_water_class(s, false);
        REQUIRE(c);
        CHECK(c->code == "IV");
        CHECK(c->rank == 4);
    }
    for (const char* s : {"劣Ⅴ类", "劣V", "劣五类", "劣5类", "劣 V 类"}) {
        INFO(s);
        auto c = parse_water_class(s, false);
        REQUIRE(c);
        CHECK(c->code == "worse_V");
        CHECK(c->rank == 6);
    }
    for (const char* s : {"", "Ⅵ类", "劣Ⅲ类", "6", "良好", "VV", "劣四类"}) {
        INFO(s);
        CHECK_FALSE(parse_water_class(s, false));
    }
    // sea water (GB 3097): 1-4 and 劣四类
    CHECK(parse_water_class("第二类", true)->code == "2");
    CHECK(parse_water_class("二类海水", true)->code == "2");
    CHECK(parse_water_class("Ⅰ类", true)->code == "1");
    CHECK(parse_water_class("劣四类", true)->code == "worse_4");
    CHECK(parse_water_class("劣四类", true)->rank == 5);
    CHECK(parse_water_class("劣Ⅳ类", true)->code == "worse_4");
    CHECK_FALSE(parse_water_class("Ⅴ类", true));
    CHECK_FALSE(parse_water_class("劣三类", true));
    CHECK(checks::water_class_zh("worse_V") == "劣Ⅴ类");
    CHECK(checks::water_class_zh("worse_4") == "劣四类");
}

TEST_CASE("water: assignment, compliance, flags and zone-redline overlaps on hand-placed features", "[checks][water]") {
    Fixture fx;
    auto r = checks::run_water(fx.in, {{"work-crs", "EPSG:4549"}, {"snap", 50}});
    REQUIRE(r->points.size() == 9);

    const auto& A = by_id(*r, "A");  // a point inside a square zone
    CHECK(A.zone_kind == "water_zone");
    CHECK(A.zone_code == "Z1");
    CHECK(A.target == "III");
    CHECK(A.measured == "IV");
    CHECK(A.standard == "GB 3838-2002");
    CHECK(A.compliance == "exceeds");
    CHECK(A.distance_m == 0);
    CHECK(by_id(*r, "B").compliance == "compliant");

    const auto& C = by_id(*r, "C");
    CHECK(C.kind == "outfall");
    CHECK(C.compliance == "not_measured");
    CHECK(C.source_level == "first");
    REQUIRE(C.flags.size() == 1);
    CHECK(C.flags[0] == "water_source_first");

    const auto& D = by_id(*r, "D");  // 30 m from a line reach with a 50 m snap
    CHECK(D.zone_kind == "water_reach");
    CHECK(D.zone_code == "Z2");
    CHECK(D.distance_m == Approx(30).margin(1e-6));
    CHECK(D.measured == "worse_V");
    CHECK(D.target == "II");
    CHECK(D.compliance == "exceeds");
    CHECK(D.flags.empty());  // a station is never flagged

    const auto& D2 = by_id(*r, "D2");  // 80 m: beyond the snap
    CHECK(D2.zone_kind == "unassigned");
    CHECK(D2.compliance == "unassigned");
    CHECK(D2.nearest_kind == "water_zone");
    CHECK(D2.nearest_code == "Z2");
    CHECK(D2.distance_m == Approx(80).margin(1e-6));

    const auto& E = by_id(*r, "E");
    CHECK(E.zone_kind == "water_reach");
    CHECK(E.distance_m == Approx(40).margin(1e-6));
    CHECK(E.in_protection_zone);
    REQUIRE(E.flags.size() == 1);
    CHECK(E.flags[0] == "protection_zone");

    const auto& F = by_id(*r, "F");
    CHECK(F.zone_kind == "marine_zone");
    CHECK(F.standard == "GB 3097-1997");
    CHECK(F.target == "2");
    CHECK(F.measured == "worse_4");
    CHECK(F.compliance == "exceeds");
    CHECK(by_id(*r, "G").compliance == "compliant");

    const auto& H = by_id(*r, "H");
    CHECK(H.measured == "unknown");
    CHECK(H.compliance == "unknown_class");
    bool listed = false;
    for (const auto& u : r->unknown_values) listed = listed || u.find("Ⅵ类") != std::string::npos;
    CHECK(listed);

    CHECK(r->by_compliance.at("exceeds") == 3);
    CHECK(r->by_compliance.at("compliant") == 2);
    CHECK(r->flags.size() == 2);

    REQUIRE(r->overlaps.size() == 2);
    CHECK(r->overlaps[0].zone_code == "Z1");
    CHECK(r->overlaps[0].redline_code == "RL1");
    CHECK(r->overlaps[0].area_m2 == Approx(500000).epsilon(1e-9));
    CHECK(r->overlaps[0].zone_share == Approx(0.5).epsilon(1e-9));
    CHECK(r->overlaps[0].area_ell_m2 == Approx(500000).epsilon(1e-3));
    CHECK(r->overlaps[1].zone_code == "Z2");
    CHECK(r->overlaps[1].length_m == Approx(500).epsilon(1e-9));
    CHECK(r->overlaps[1].zone_share == Approx(0.25).epsilon(1e-9));

    // the snap distance is a parameter: 100 m takes D2 onto the reach
    auto r2 = checks::run_water(fx.in, {{"work-crs", "EPSG:4549"}, {"snap", 100}});
    CHECK(by_id(*r2, "D2").zone_kind == "water_reach");
    CHECK(by_id(*r2, "D2").compliance == "exceeds");  // Ⅲ against Ⅱ
    // protection-type zones are a parameter too
    auto r3 = checks::run_water(fx.in, {{"work-crs", "EPSG:4549"}, {"snap", 50}, {"protection-level1", ""}, {"source-levels", "second"}});
    CHECK(r3->flags.empty());
}

TEST_CASE("water: polygon outlets and unknown source levels are clear errors", "[checks][water]") {
    Fixture fx;
    testutil::write_vector(fx.dir / "bad.gpkg", "GPKG", "outlet", "EPSG:4549", wkbPolygon,
                           {{box(500000, 3200000, 500010, 3200010), {{"id", "X1"}, {"name", "x"}}}});
    auto in = fx.in;
    in.outlet = io::parse_source(fx.dir / "bad.gpkg");
    try {
        checks::run_water(in, {{"work-crs", "EPSG:4549"}});
        FAIL("no error");
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.rfind("water: the outlet layer", 0) == 0);
        CHECK(m.find("fid 1") != std::string::npos);
    }
    CHECK_THROWS_AS(checks::run_water(fx.in, {{"work-crs", "EPSG:4549"}, {"source-levels", "first,third"}}), BadInput);
}
