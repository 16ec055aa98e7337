// End-to-end: `ecoshield soil` on the demo (soil parcels and farmland of taizhou_demo.gpkg, the
// illustrative receptors of layers/demo/receptors.gpkg, drinking water sources from the demo's
// water_source layer). Independent figures from SpatiaLite (sqlite3 + mod_spatialite, both
// GeoPackages attached read-only, GeomFromGPB, ST_Transform to EPSG:4549, ST_Distance; farmland:
// SUM(ST_Area(ST_Intersection(farmland, admin))) grouped by county and class, and
// ST_Difference(farmland, ST_Union(admin)) for the part outside the admin layer):
//   331002TR001 (P1, 管控中, 一类用地): school R-SCH-01 400 m, hospital R-HOS-01 700 m, residential
//     R-RES-01 1200 m, water source 331003SY01-3 26250.016 m
//   331002TR003: residential 100 m, school 919.239 m; 331003TR001: school 326.642 m, residential
//     461.975 m, water source 8743.975 m; 331004TR001: school 300 m, residential 300 m, hospital
//     1320 m; 331081TR001: school 790.452 m (nothing within 500 m); 331082TR001: residential 185.024 m
//   class-1 planned use while listed: 331002TR001, 331003TR001, 331003TR002, 331004TR001
//     (331002TR002 and 331083TR001 are class-1 too but delisted)
//   farmland (m2): 临海市 严格管控 4882861.001, 优先保护 18206532.208, 安全利用 24057063.062;
//     温岭市 18168629.674 / 87926240.462 / 31138217.208; 路桥区 严格管控 11533408.114, 优先保护
//     11945543.820; 黄岩区 优先保护 18714444.656, 安全利用 3988060.427; total 230561000.633; outside
//     the admin layer 0.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

std::map<std::string, nlohmann::json> parcels_by_code(const nlohmann::json& j) {
    std::map<std::string, nlohmann::json> m;
    for (const auto& p : j["parcels"]) m[p["code"].get<std::string>()] = p;
    return m;
}

double county_class(const nlohmann::json& j, const std::string& county, const std::string& cls) {
    for (const auto& c : j["farmland"]["by_county"])
        if (c["county"] == county) return c["classes"].contains(cls) ? c["classes"][cls]["area_m2"].get<double>() : 0.0;
    return -1;
}

}  // namespace

TEST_CASE("soil on the demo: receptor distances, class-1 flags and farmland per county", "[cli][soil]") {
    TempDir dir;
    auto r = run_cli("soil --quiet --work-crs EPSG:4549 --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"soil.gpkg", "report.json", "report.csv", "report.html", "farmland.csv"})
        CHECK(std::filesystem::exists(dir / ("out/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["schema"] == "ecoshield.soil/1");
    CHECK(j["summary"]["listed"] == 9);
    CHECK(j["summary"]["class1_listed"] == nlohmann::json({"331002TR001", "331003TR001", "331003TR002", "331004TR001"}));
    auto P = parcels_by_code(j);
    auto near = [&](const std::string& code, const std::string& kind) { return P[code]["nearest"][kind]["distance_m"].get<double>(); };
    CHECK(near("331002TR001", "school") == Approx(400).margin(0.001));
    CHECK(P["331002TR001"]["nearest"]["school"]["id"] == "R-SCH-01");
    CHECK(near("331002TR001", "hospital") == Approx(700).margin(0.001));
    CHECK(near("331002TR001", "residential") == Approx(1200).margin(0.001));
    CHECK(near("331002TR001", "water_source") == Approx(26250.016).margin(0.01));
    CHECK(P["331002TR001"]["nearest"]["water_source"]["id"] == "331003SY01-3");
    CHECK(P["331002TR001"]["category"] == "class1_listed");
    CHECK(P["331002TR001"]["within"][0]["total"] == 1);  // 500 m: the school
    CHECK(P["331002TR001"]["within"][1]["total"] == 2);  // 1000 m: and the hospital
    CHECK(near("331002TR003", "residential") == Approx(100).margin(0.001));
    CHECK(near("331002TR003", "school") == Approx(919.239).margin(0.001));
    CHECK(P["331002TR003"]["category"] == "listed_receptor_near");
    CHECK(near("331003TR001", "school") == Approx(326.642).margin(0.001));
    CHECK(near("331003TR001", "residential") == Approx(461.975).margin(0.001));
    CHECK(near("331003TR001", "water_source") == Approx(8743.975).margin(0.01));
    CHECK(near("331004TR001", "school") == Approx(300).margin(0.001));
    CHECK(near("331004TR001", "hospital") == Approx(1320).margin(0.001));
    CHECK(near("331081TR001", "school") == Approx(790.452).margin(0.001));
    CHECK(P["331081TR001"]["within"][0]["total"] == 0);
    CHECK(P["331081TR001"]["category"] == "listed");
    CHECK(near("331082TR001", "residential") == Approx(185.024).margin(0.001));
    CHECK(P["331002TR002"]["listed"] == false);
    CHECK(P["331002TR002"]["receptors"].empty());
    CHECK(P["331083TR001"]["category"] == "delisted");

    const double rel = 1e-6;
    CHECK(county_class(j, "临海市", "strict_control") == Approx(4882861.001).epsilon(rel));
    CHECK(county_class(j, "临海市", "priority") == Approx(18206532.208).epsilon(rel));
    CHECK(county_class(j, "临海市", "safe_use") == Approx(24057063.062).epsilon(rel));
    CHECK(county_class(j, "温岭市", "strict_control") == Approx(18168629.674).epsilon(rel));
    CHECK(county_class(j, "温岭市", "priority") == Approx(87926240.462).epsilon(rel));
    CHECK(county_class(j, "温岭市", "safe_use") == Approx(31138217.208).epsilon(rel));
    CHECK(county_class(j, "路桥区", "strict_control") == Approx(11533408.114).epsilon(rel));
    CHECK(county_class(j, "路桥区", "priority") == Approx(11945543.820).epsilon(rel));
    CHECK(county_class(j, "黄岩区", "priority") == Approx(18714444.656).epsilon(rel));
    CHECK(county_class(j, "黄岩区", "safe_use") == Approx(3988060.427).epsilon(rel));
    CHECK(j["farmland"]["total_m2"].get<double>() == Approx(230561000.633).epsilon(rel));
    CHECK(j["farmland"]["outside_admin_m2"].get<double>() < 1.0);
    for (const auto& c : j["farmland"]["by_county"]) {
        INFO(c["county"]);
        double share = 0;
        for (const auto& [k, v] : c["classes"].items()) share += v["share"].get<double>();
        CHECK(share == Approx(1).epsilon(1e-9));
    }
    CHECK(j["farmland"]["reconciliation_rel_error"].get<double>() < 1e-9);
}

TEST_CASE("soil: farmland of a county missing from the admin layer gets the outside-admin row", "[cli][soil]") {
    TempDir dir;
    // the demo admin layer without 温岭市
    {
        eco::io::gdal_init();
        GDALDatasetUniquePtr src(GDALDataset::Open((std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/taizhou_demo.gpkg").c_str(),
                                                   GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(src);
        OGRLayer* in = src->GetLayerByName("admin");
        GDALDriver* d = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr out(d->Create((dir / "admin.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* l = out->CreateLayer("admin", in->GetSpatialRef(), wkbMultiPolygon, nullptr);
        for (int i = 0; i < in->GetLayerDefn()->GetFieldCount(); ++i) l->CreateField(in->GetLayerDefn()->GetFieldDefn(i));
        for (auto& f : *in)
            if (std::string(f->GetFieldAsString("name")) != "温岭市") {
                OGRFeature o(l->GetLayerDefn());
                o.SetFrom(f.get());
                REQUIRE(l->CreateFeature(&o) == OGRERR_NONE);
            }
    }
    auto r = run_cli("soil --quiet --work-crs EPSG:4549 --layer admin=" + q(dir / "admin.gpkg") + " --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    // 温岭市's farmland (SpatiaLite: 137233087.344 m2) is now outside the admin layer
    CHECK(j["farmland"]["outside_admin_m2"].get<double>() == Approx(137233087.344).epsilon(1e-6));
    CHECK(county_class(j, "(outside admin)", "priority") == Approx(87926240.462).epsilon(1e-6));
    CHECK(j["farmland"]["total_m2"].get<double>() == Approx(230561000.633).epsilon(1e-6));
}

TEST_CASE("soil and water: the same bytes with 1 and 2 threads", "[cli][soil][water]") {
    TempDir dir;
    setenv("SOURCE_DATE_EPOCH", "0", 1);
    for (const char* t : {"1", "2"}) {
        auto r = run_cli(std::string("--threads ") + t + " soil --quiet --out " + q(dir / ("s" + std::string(t))));
        INFO(r.out);
        REQUIRE(r.status == 0);
        r = run_cli(std::string("--threads ") + t + " water --quiet --out " + q(dir / ("w" + std::string(t))));
        REQUIRE(r.status == 0);
    }
    unsetenv("SOURCE_DATE_EPOCH");
    for (const char* f : {"soil.gpkg", "report.json", "report.csv", "report.html", "farmland.csv"}) {
        INFO(f);
        CHECK(testutil::read_text(dir / ("s1/" + std::string(f))) == testutil::read_text(dir / ("s2/" + std::string(f))));
    }
    for (const char* f : {"water.gpkg", "report.json", "report.csv", "report.html"}) {
        INFO(f);
        CHECK(testutil::read_text(dir / ("w1/" + std::string(f))) == testutil::read_text(dir / ("w2/" + std::string(f))));
    }
}

TEST_CASE("soil: the project's work_crs is honoured, the command line wins", "[cli][soil]") {
    TempDir dir;
    const std::string demo = std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/taizhou_demo.gpkg";
    // EPSG:4550 (CM 123E) is not what auto picks for the demo parcels (EPSG:4549, CM 120E)
    testutil::write_text(dir / "p.json", R"({"layers": {"soil_parcel": {"source": ")" + demo + R"(:soil_parcel"}}, "work_crs": "EPSG:4550"})");
    auto r = run_cli("soil --quiet --no-html --project " + q(dir / "p.json") + " --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["work_crs"]["epsg"] == 4550);
    CHECK(j["parameters"]["work-crs"] == "EPSG:4550");
    r = run_cli("soil --quiet --no-html --project " + q(dir / "p.json") + " --work-crs EPSG:4549 --out " + q(dir / "out"));
    REQUIRE(r.status == 0);
    CHECK(nlohmann::json::parse(testutil::read_text(dir / "out/report.json"))["work_crs"]["epsg"] == 4549);
}
