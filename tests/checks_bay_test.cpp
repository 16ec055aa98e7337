// bay on a hand-made square bay in EPSG:4549 (coordinates below are offsets from 500000, 3200000):
//   bay B1: the square (0,0)-(2000,2000): 4 000 000 m2
//   marine zones (in this order): Z1 class 1 (-500,-500)-(1000,2500) -> 2 000 000 m2 in the bay (the
//     left half); Z2 class 2 (0,0)-(500,2000), read after Z1 and inside it -> counts 0 (flattened);
//     Z3 class 3 (1000,-500)-(1800,2500) -> 1 600 000 m2; the strip x 1800-2000 (400 000 m2) is unzoned.
//     sea = 3 600 000 m2, good (1 + 2) = 2 000 000 m2, good-class share = 2 / 3.6 = 0.5555...
//   shoreline (shore-distance 200 m): along the west edge at x = -100: S1 natural y 0-1200 (1200 m),
//     S2 artificial y 1200-2000 (800 m); S3 island natural along the south edge at y = -50, x 0-2000
//     (2000 m, islands); S4 natural at x = -500 (300 m off: not the bay's).
//     mainland 2000 m, natural 1200 m, ratio 0.6 >= 0.35: pass.
//   With shore-distance 0 (second case): X1 estuary (-1000,1000)-(500,1000) counts 500 m (inside the
//     bay from x = 0), X2 type1 '填海造地' (outside the enumeration) 200 m inside: counted as unknown and
//     listed; S1 at x = -100 lies outside: 0.
//   redline: R1 (0,0)-(500,2000) 1 000 000 m2, R2 (250,0)-(750,1000) overlapping R1 -> union in bay
//     1 250 000 m2, share 0.3125; R3 far away.
//   outlets: O1 outfall at (6000,1000): 4000 m from the bay; O2 outfall at (7500,1000): 5500 m;
//     T1 station at (1500,1500) inside, measured class Ⅱ类 -> II; T2 station at (2100,1000), outside.
//   soil parcels: P1 (6500,500)-(7500,1500): 4500 m from the bay; P2 (-5000,0)-(-4200,800), 4200 m,
//     delisted (已移出): shown apart (soil_parcel_delisted), not counted as listed.
//   With catchment 5000 m: P1 (4500 m) and O1 (4000 m) listed, O2 not; T1 listed, T2 not.
//   With catchment 4000 m: O1 (exactly 4000 m) still listed, P1 not.
#include <catch2/catch.hpp>

#include <string>

#include "checks/bay.h"
#include "core/error.h"
#include "test_util.h"

using namespace eco;
using testutil::Feat;

namespace {

std::string box(double x0, double y0, double x1, double y1) {
    char b[300];
    std::snprintf(b, sizeof b, "POLYGON((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f))", 500000 + x0, 3200000 + y0, 500000 + x1,
                  3200000 + y0, 500000 + x1, 3200000 + y1, 500000 + x0, 3200000 + y1, 500000 + x0, 3200000 + y0);
    return b;
}
std::string line(double x0, double y0, double x1, double y1) {
    char b[200];
    std::snprintf(b, sizeof b, "LINESTRING(%.3f %.3f,%.3f %.3f)", 500000 + x0, 3200000 + y0, 500000 + x1, 3200000 + y1);
    return b;
}
std::string pt(double x, double y) {
    char b[100];
    std::snprintf(b, sizeof b, "POINT(%.3f %.3f)", 500000 + x, 3200000 + y);
    return b;
}
Feat shore(const std::string& wkt, const std::string& code, const std::string& t1, const std::string& mainland) {
    return {wkt, {{"code", code}, {"type1", t1}, {"restored", "0"}, {"mainland", mainland}, {"county", "C"}}};
}

struct Fixture {
    testutil::TempDir dir;
    checks::BayInput in;
    Fixture() {
        testutil::write_vector(dir / "bay.gpkg", "GPKG", "bay", "EPSG:4549", wkbPolygon,
                               {{box(0, 0, 2000, 2000), {{"code", "B1"}, {"name", "方湾"}, {"status", "已建成"}}}});
        testutil::write_vector(dir / "marine.gpkg", "GPKG", "marine", "EPSG:4549", wkbPolygon,
                               {{box(-500, -500, 1000, 2500), {{"code", "Z1"}, {"name", "一类区"}, {"class", "第一类"}}},
                                {box(0, 0, 500, 2000), {{"code", "Z2"}, {"name", "二类区"}, {"class", "第二类"}}},
                                {box(1000, -500, 1800, 2500), {{"code", "Z3"}, {"name", "三类区"}, {"class", "第三类"}}}});
        testutil::write_vector(dir / "coast.gpkg", "GPKG", "coast", "EPSG:4549", wkbLineString,
                               {shore(line(-100, 0, -100, 1200), "S1", "自然", "1"), shore(line(-100, 1200, -100, 2000), "S2", "人工", "1"),
                                shore(line(0, -50, 2000, -50), "S3", "自然", "0"), shore(line(-500, 0, -500, 2000), "S4", "自然", "1")});
        testutil::write_vector(dir / "redline.gpkg", "GPKG", "redline", "EPSG:4549", wkbPolygon,
                               {{box(0, 0, 500, 2000), {{"HXBH", "R1"}}}, {box(250, 0, 750, 1000), {{"HXBH", "R2"}}},
                                {box(20000, 0, 21000, 1000), {{"HXBH", "R3"}}}});
        testutil::write_vector(dir / "outlet.gpkg", "GPKG", "outlet", "EPSG:4549", wkbPoint,
                               {{pt(6000, 1000), {{"id", "O1"}, {"name", "排污口一"}, {"kind", "排污口"}, {"measured_class", ""}}},
                                {pt(7500, 1000), {{"id", "O2"}, {"name", "排污口二"}, {"kind", "排污口"}, {"measured_class", ""}}},
                                {pt(1500, 1500), {{"id", "T1"}, {"name", "站位一"}, {"kind", "监测断面"}, {"measured_class", "Ⅱ类"}}},
                                {pt(2100, 1000), {{"id", "T2"}, {"name", "站位二"}, {"kind", "监测断面"}, {"measured_class", "Ⅲ类"}}}});
        testutil::write_vector(dir / "soil.gpkg", "GPKG", "soil", "EPSG:4549", wkbPolygon,
                               {{box(6500, 500, 7500, 1500), {{"code", "P1"}, {"name", "地块一"}, {"status", "管控中"}, {"planned_use", "一类用地"}}},
                                {box(-5000, 0, -4200, 800), {{"code", "P2"}, {"name", "地块二"}, {"status", "已移出"}, {"planned_use", "二类用地"}}}});
        in.bay = io::parse_source(dir / "bay.gpkg");
        in.marine_zone = io::parse_source(dir / "marine.gpkg");
        in.coastline = io::parse_source(dir / "coast.gpkg");
        in.redline = io::parse_source(dir / "redline.gpkg");
        in.outlet = io::parse_source(dir / "outlet.gpkg");
        in.soil_parcel = io::parse_source(dir / "soil.gpkg");
    }
};

}  // namespace

TEST_CASE("bay: the card of a square bay worked by hand", "[checks][bay]") {
    Fixture fx;
    auto r = checks::run_bay(fx.in, {{"work-crs", "EPSG:4549"}});
    REQUIRE(r->cards.size() == 1);
    const auto& b = r->cards[0];
    CHECK(b.code == "B1");
    CHECK(b.status == "built");
    CHECK(b.area == Approx(4e6).epsilon(1e-12));
    // 500 km east of nothing: the bay sits on CM 120E, where the Gauss-Kruger scale is ~1: 1e-3 is ample
    CHECK(b.area_ell == Approx(4e6).epsilon(1e-3));
    CHECK(b.by_class.at("1").area == Approx(2e6).epsilon(1e-12));
    CHECK(b.by_class.count("2") == 0);
    CHECK(b.by_class.at("3").area == Approx(1.6e6).epsilon(1e-12));
    CHECK(b.sea == Approx(3.6e6).epsilon(1e-12));
    CHECK(b.unzoned() == Approx(0.4e6).epsilon(1e-9));
    CHECK(b.good == Approx(2e6).epsilon(1e-12));
    CHECK(b.good_share() == Approx(2.0 / 3.6).epsilon(1e-12));
    CHECK(b.shore.total == Approx(2000).epsilon(1e-12));
    CHECK(b.shore.natural == Approx(1200).epsilon(1e-12));
    CHECK(b.shore.ratio() == Approx(0.6).epsilon(1e-12));
    CHECK(r->verdict(b.shore) == "pass");
    CHECK(b.shore.island_total == Approx(2000).epsilon(1e-12));
    CHECK(b.redline == Approx(1.25e6).epsilon(1e-12));
    CHECK(b.redline_share() == Approx(0.3125).epsilon(1e-12));
    REQUIRE(b.items.size() == 4);  // sorted by kind: outfall, soil_parcel, soil_parcel_delisted, station
    CHECK(b.count("soil_parcel") == 1);
    CHECK(b.items[0].kind == "outfall");
    CHECK(b.items[0].code == "O1");
    CHECK(b.items[0].distance == Approx(4000).epsilon(1e-12));
    CHECK(b.items[1].kind == "soil_parcel");
    CHECK(b.items[1].code == "P1");
    CHECK(b.items[1].distance == Approx(4500).epsilon(1e-12));
    CHECK(b.items[1].detail == "controlled / class1");
    CHECK(b.items[2].kind == "soil_parcel_delisted");
    CHECK(b.items[2].code == "P2");
    CHECK(b.items[2].distance == Approx(4200).epsilon(1e-12));
    CHECK(b.items[3].kind == "station");
    CHECK(b.items[3].code == "T1");
    CHECK(b.items[3].detail == "II");
    // a 4 km catchment: the outfall at exactly 4000 m stays, the parcel at 4500 m goes
    auto r2 = checks::run_bay(fx.in, {{"work-crs", "EPSG:4549"}, {"catchment", 4000}});
    CHECK(r2->cards[0].count("outfall") == 1);
    CHECK(r2->cards[0].count("soil_parcel") == 0);
    // a higher target fails the bay
    auto r3 = checks::run_bay(fx.in, {{"work-crs", "EPSG:4549"}, {"target", 0.7}});
    CHECK(r3->verdict(r3->cards[0].shore) == "fail");
}

TEST_CASE("bay: shoreline clipped to the bay with shore-distance 0; optional layers may be absent", "[checks][bay]") {
    Fixture fx;
    // a line crossing into the bay: only the 500 m inside count (x 0 to 500)
    testutil::write_vector(fx.dir / "c2.gpkg", "GPKG", "coast", "EPSG:4549", wkbLineString,
                           {shore(line(-1000, 1000, 500, 1000), "X1", "河口", "1"), shore(line(-100, 0, -100, 1200), "S1", "自然", "1"),
                            shore(line(100, 100, 300, 100), "X2", "填海造地", "1")});
    fx.in.coastline = io::parse_source(fx.dir / "c2.gpkg");
    fx.in.redline.reset();
    fx.in.soil_parcel.reset();
    fx.in.outlet.reset();
    auto r = checks::run_bay(fx.in, {{"work-crs", "EPSG:4549"}, {"shore-distance", 0}});
    const auto& b = r->cards[0];
    CHECK(b.shore.total == Approx(700).epsilon(1e-12));
    CHECK(b.shore.by_type1.at("estuary") == Approx(500).epsilon(1e-12));
    CHECK(b.shore.by_type1.at("unknown") == Approx(200).epsilon(1e-12));
    CHECK(b.shore.natural == 0);
    REQUIRE(r->unknown_values.size() == 1);
    CHECK(r->unknown_values[0].find("填海造地") != std::string::npos);
    CHECK(b.items.empty());
    CHECK(!r->redline);
}

TEST_CASE("bay: a coastline of polygons and a project without a bay layer are clear errors", "[checks][bay]") {
    Fixture fx;
    testutil::write_vector(fx.dir / "p.gpkg", "GPKG", "coast", "EPSG:4549", wkbPolygon, {{box(0, 0, 10, 10), {{"type1", "自然"}}}});
    fx.in.coastline = io::parse_source(fx.dir / "p.gpkg");
    try {
        checks::run_bay(fx.in, {{"work-crs", "EPSG:4549"}});
        FAIL("no error");
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.rfind("bay: the coastline layer", 0) == 0);
        CHECK(m.find("p.gpkg") != std::string::npos);
        CHECK(m.find("polygon") != std::string::npos);
    }
    checks::Project p;
    p.file = "mine.json";
    p.layers["marine_zone"] = fx.in.marine_zone;
    p.layers["coastline"] = fx.in.coastline;
    try {
        checks::bay_input(p);
        FAIL("no error");
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.find("mine.json") != std::string::npos);
        CHECK(m.find("bay") != std::string::npos);
    }
}
