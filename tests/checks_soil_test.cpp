// soil on hand-placed features in EPSG:4549 (metres). Expected values worked out by hand:
//   P1 listed (管控中), class-1 use, 500000-500200 x 3200000-3200150
//   P2 delisted (已移出), 501000-501200 x 3200000-3200150
//   P3 status '暂缓' (outside the enumeration: counted as listed and listed as unknown), 503000-503100 x 3200000-3200100
//   school S1 point (500100, 3200550): 400 m north of P1 (inside the 500 m range); from P2
//     sqrt(900^2 + 400^2) = 984.8858 m
//   hospital H1 square 500000-500100 x 3198900-3199000: 1000 m south of P1 (inside 1000 m, on the edge)
//   residential R1 501500-501700 x 3200000-3200150: 1300 m from P1, 300 m from P2
//   a receptor of kind '工厂' (not a receptor kind): listed as unknown, not used
//   water source W1 (二级) 498000-498500 x 3200000-3200150: 1500 m west of P1
// Farmland: counties A (600000-600300) and B (600300-601000), both y 3300000-3301000, split
//   F1 priority 600000-601000 x 3300000-3300500: A 150000 m2, B 350000 m2
//   F2 safe use 600000-600500 x 3300500-3301000: A 150000 m2, B 100000 m2
//   F3 strict control 600500-601200 x 3300500-3301000: B 250000 m2, outside admin 100000 m2
//   county A 300000 m2: priority 1/2, safe use 1/2; county B 700000 m2: priority 1/2, safe use 1/7,
//   strict 5/14; outside admin 100000 m2 strict control.
#include <catch2/catch.hpp>

#include "checks/soil.h"
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

struct Fixture {
    testutil::TempDir dir;
    checks::SoilInput in;
    Fixture() {
        testutil::write_vector(dir / "parcels.gpkg", "GPKG", "soil_parcel", "EPSG:4549", wkbPolygon,
                               {{box(500000, 3200000, 500200, 3200150), {{"DKBM", "P1"}, {"DKMC", "一"}, {"GHYT", "一类用地"}, {"MLZT", "管控中"}}},
                                {box(501000, 3200000, 501200, 3200150), {{"DKBM", "P2"}, {"DKMC", "二"}, {"GHYT", "一类用地"}, {"MLZT", "已移出"}}},
                                {box(503000, 3200000, 503100, 3200100), {{"DKBM", "P3"}, {"DKMC", "三"}, {"GHYT", "二类用地"}, {"MLZT", "暂缓"}}}});
        testutil::write_vector(dir / "receptors.gpkg", "GPKG", "receptor", "EPSG:4549", wkbUnknown,
                               {{"POINT(500100 3200550)", {{"id", "S1"}, {"name", "小学"}, {"kind", "学校"}}},
                                {box(500000, 3198900, 500100, 3199000), {{"id", "H1"}, {"name", "医院"}, {"kind", "医院"}}},
                                {box(501500, 3200000, 501700, 3200150), {{"id", "R1"}, {"name", "小区"}, {"kind", "居住用地"}}},
                                {"POINT(500100 3200200)", {{"id", "X1"}, {"name", "厂"}, {"kind", "工厂"}}}});
        testutil::write_vector(dir / "source.gpkg", "GPKG", "water_source", "EPSG:4549", wkbPolygon,
                               {{box(498000, 3200000, 498500, 3200150), {{"code", "W1"}, {"name", "水源二级"}, {"level", "二级"}}}});
        testutil::write_vector(dir / "farm.gpkg", "GPKG", "farmland_soil", "EPSG:4549", wkbPolygon,
                               {{box(600000, 3300000, 601000, 3300500), {{"code", "F1"}, {"class", "优先保护"}}},
                                {box(600000, 3300500, 600500, 3301000), {{"code", "F2"}, {"class", "安全利用类"}}},
                                {box(600500, 3300500, 601200, 3301000), {{"code", "F3"}, {"class", "严格管控"}}}});
        testutil::write_vector(dir / "admin.gpkg", "GPKG", "admin", "EPSG:4549", wkbPolygon,
                               {{box(600000, 3300000, 600300, 3301000), {{"code", "000001"}, {"name", "A县"}}},
                                {box(600300, 3300000, 601000, 3301000), {{"code", "000002"}, {"name", "B县"}}}});
        in.parcels = io::parse_source(dir / "parcels.gpkg");
        in.receptors = io::parse_source(dir / "receptors.gpkg");
        in.water_source = io::parse_source(dir / "source.gpkg");
        in.farmland = io::parse_source(dir / "farm.gpkg");
        in.admin = io::parse_source(dir / "admin.gpkg");
    }
};

size_t kind_index(const std::string& k) {
    for (size_t i = 0; i < 4; ++i)
        if (checks::kReceptorKinds[i] == k) return i;
    return 99;
}

}  // namespace

TEST_CASE("soil: listed parcels against receptors within ranges", "[checks][soil]") {
    Fixture fx;
    auto r = checks::run_soil(fx.in, {{"work-crs", "EPSG:4549"}, {"ranges", "500,1000"}});
    REQUIRE(r->results.size() == 3);
    REQUIRE(r->receptors.size() == 4);  // S1, H1, R1 and the water source W1; X1 dropped as not a receptor kind
    bool x1_listed = false;
    for (const auto& u : r->unknown_values) x1_listed = x1_listed || u.find("X1") != std::string::npos;
    CHECK(x1_listed);

    const auto& P1 = r->results[0];
    CHECK(P1.code == "P1");
    CHECK(P1.listed);
    CHECK(P1.class1_listed);
    CHECK(P1.category == "class1_listed");
    CHECK(P1.nearest[kind_index("school")].distance_m == Approx(400).margin(1e-6));
    CHECK(r->receptors[P1.nearest[kind_index("school")].receptor].id == "S1");
    CHECK(P1.nearest[kind_index("hospital")].distance_m == Approx(1000).margin(1e-6));
    CHECK(P1.nearest[kind_index("residential")].distance_m == Approx(1300).margin(1e-6));
    CHECK(P1.nearest[kind_index("water_source")].distance_m == Approx(1500).margin(1e-6));
    // within 500 m: the school; within 1000 m: the school and the hospital (exactly 1000 m counts)
    CHECK(P1.within[0][kind_index("school")] == 1);
    CHECK(P1.within[0][kind_index("hospital")] == 0);
    CHECK(P1.within[1][kind_index("school")] == 1);
    CHECK(P1.within[1][kind_index("hospital")] == 1);
    CHECK(P1.within[1][kind_index("residential")] == 0);
    REQUIRE(P1.flags.size() == 2);
    CHECK(P1.flags[0] == "class1_listed");
    CHECK(P1.flags[1] == "receptor_within_500m");

    const auto& P2 = r->results[1];
    CHECK_FALSE(P2.listed);
    CHECK(P2.category == "delisted");
    CHECK_FALSE(P2.class1_listed);
    CHECK(P2.nearest[kind_index("school")].distance_m == Approx(984.8858).margin(1e-4));
    CHECK(P2.nearest[kind_index("residential")].distance_m == Approx(300).margin(1e-6));

    const auto& P3 = r->results[2];
    CHECK(P3.status == "unknown");
    CHECK(P3.listed);
    CHECK(P3.category == "listed");

    // links: listed parcels only; P1: S1 (400, range 500), H1 (1000, range 1000), and the nearest
    // residential (1300) and water source (1500) beyond every range
    std::vector<const checks::SoilLink*> p1;
    for (const auto& L : r->links) {
        CHECK(L.parcel != 1);
        if (L.parcel == 0) p1.push_back(&L);
    }
    REQUIRE(p1.size() == 4);
    CHECK(r->receptors[p1[0]->receptor].id == "S1");
    CHECK(p1[0]->range_m == 500);
    CHECK(p1[0]->distance_m == Approx(400).margin(1e-6));
    CHECK(geom::length(p1[0]->line.get()) == Approx(400).margin(1e-6));
    CHECK(r->receptors[p1[1]->receptor].id == "H1");
    CHECK(p1[1]->range_m == 1000);
    CHECK(p1[2]->range_m == 0);
    CHECK(p1[2]->nearest);

    // the ranges are parameters: at 300 m the school of P1 is out of range
    auto r2 = checks::run_soil(fx.in, {{"work-crs", "EPSG:4549"}, {"ranges", "300"}});
    CHECK(r2->results[0].within[0][kind_index("school")] == 0);
    CHECK(r2->results[0].category == "class1_listed");
    CHECK(r2->results[0].flags.size() == 1);
}

TEST_CASE("soil: farmland classes per county in known proportions", "[checks][soil]") {
    Fixture fx;
    auto r = checks::run_soil(fx.in, {{"work-crs", "EPSG:4549"}});
    const auto& A = r->farmland_table.at("A县");
    const auto& B = r->farmland_table.at("B县");
    CHECK(A.at("priority").area == Approx(150000).epsilon(1e-9));
    CHECK(A.at("safe_use").area == Approx(150000).epsilon(1e-9));
    CHECK(A.count("strict_control") == 0);
    CHECK(r->county_total.at("A县").area == Approx(300000).epsilon(1e-9));
    CHECK(B.at("priority").area == Approx(350000).epsilon(1e-9));
    CHECK(B.at("safe_use").area == Approx(100000).epsilon(1e-9));
    CHECK(B.at("strict_control").area == Approx(250000).epsilon(1e-9));
    CHECK(B.at("safe_use").area / r->county_total.at("B县").area == Approx(1.0 / 7.0).epsilon(1e-9));
    CHECK(B.at("strict_control").area / r->county_total.at("B县").area == Approx(5.0 / 14.0).epsilon(1e-9));
    const auto& out = r->farmland_table.at(checks::kOutsideAdmin);
    CHECK(out.at("strict_control").area == Approx(100000).epsilon(1e-9));
    CHECK(r->farmland_total.area == Approx(1100000).epsilon(1e-9));
    CHECK(r->class_total.at("strict_control").area == Approx(350000).epsilon(1e-9));
    CHECK(r->farmland_rel_error < 1e-9);
    // ellipsoidal within the Gauss-Kruger scale 100 km off the central meridian (about 2.5e-4)
    CHECK(r->county_total.at("B县").area_ell == Approx(700000).epsilon(1e-3));
    CHECK(r->county_total.at("B县").area_ell != r->county_total.at("B县").area);
}

TEST_CASE("soil: a receptor layer without a kind field is a clear error", "[checks][soil]") {
    Fixture fx;
    testutil::write_vector(fx.dir / "r2.gpkg", "GPKG", "receptor", "EPSG:4549", wkbPoint,
                           {{"POINT(500100 3200550)", {{"id", "S1"}, {"name", "小学"}}}});
    auto in = fx.in;
    in.receptors = io::parse_source(fx.dir / "r2.gpkg");
    try {
        checks::run_soil(in, {{"work-crs", "EPSG:4549"}});
        FAIL("no error");
    } catch (const BadInput& e) {
        std::string m = e.what();
        INFO(m);
        CHECK(m.rfind("soil: the receptor layer", 0) == 0);
        CHECK(m.find("kind") != std::string::npos);
    }
    CHECK_THROWS_AS(checks::run_soil(fx.in, {{"work-crs", "EPSG:4549"}, {"ranges", "0"}}), BadInput);
}

TEST_CASE("soil: the receptor layer kind and the demo receptors", "[checks][soil][catalog]") {
    const auto& k = catalog::kind("receptor");
    CHECK(k.style == "receptor");
    const auto* f = k.field("kind");
    REQUIRE(f);
    std::vector<std::string> codes;
    for (const auto& v : f->values) codes.push_back(v.code);
    CHECK(codes == std::vector<std::string>{"school", "hospital", "residential", "water_source"});
    CHECK(f->normalise("幼儿园") == std::optional<std::string>("school"));
    CHECK(f->normalise("居住区") == std::optional<std::string>("residential"));
    REQUIRE(k.key_field());
    CHECK(k.key_field()->name == "id");
    // the demo receptors: every feature a valid receptor, marked not official
    auto L = io::read_vector(io::parse_source(std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/receptors.gpkg:receptor"), "receptor", {});
    CHECK(L.features.size() == 16);
    catalog::Binding b(k, L);
    for (const auto& ft : L.features) {
        bool known = false;
        CHECK_FALSE(b.value(ft, "kind", &known).empty());
        CHECK(known);
        CHECK(b.value(ft, "note").find("NOT OFFICIAL") != std::string::npos);
    }
}
