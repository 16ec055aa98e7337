// End-to-end: `ecoshield water` on the demo data. Independent figures, from SpatiaLite (sqlite3 with
// mod_spatialite, taizhou_demo.gpkg attached read-only, GeomFromGPB + ST_Within / ST_Transform to
// EPSG:4549 + ST_Area(ST_Intersection)):
//   points in water zone polygons: JC-331002-01 in 331082SG05 (target Ⅲ, measured Ⅳ: exceeds),
//   JC-331003-01 in 331003SG02 (Ⅲ, Ⅳ: exceeds), JC-331023-01 in 331023SG02 (Ⅱ, Ⅱ: compliant),
//   JC-331024-01 in 331024SG01 (Ⅰ, Ⅱ: exceeds), JC-331024-02 in 331024SG03 (Ⅲ, Ⅲ: compliant),
//   JC-331082-01 in 331082SG03 (Ⅱ, Ⅲ: exceeds), PW-331002-01 in 331002SG02, PW-331003-01 in
//   331003SG03, PW-331082-01 in 331082SG04 (outfalls: no measured class);
//   in marine zones only: PW-331004-01 in TZHY10 (第三类), PW-331081-01 in TZHY11 (第二类);
//   in no zone: JC-331003-02 (长潭水库库心点位, inside the first-level source zone 331003SY01-1);
//   water zones overlapping redlines: 331023SG01 x 331023-RL-002 562966.131 m2,
//   331023SG02 x 331023-RL-002 187787.555 m2, 331024SG01 x 331024-RL-004 781027.898 m2.
// The demo has no outfall inside a drinking water source zone, so a second run adds one at the
// centre point of 长潭水库 (121.1, 28.6), which SpatiaLite places in 331003SY01-1 (一级).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

std::map<std::string, nlohmann::json> points_by_id(const nlohmann::json& j) {
    std::map<std::string, nlohmann::json> m;
    for (const auto& p : j["points"]) m[p["id"].get<std::string>()] = p;
    return m;
}

}  // namespace

TEST_CASE("water on the demo: zones, targets, compliance and zone-redline overlaps", "[cli][water]") {
    TempDir dir;
    auto r = run_cli("water --quiet --work-crs EPSG:4549 --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"water.gpkg", "report.json", "report.csv", "report.html"})
        CHECK(std::filesystem::exists(dir / ("out/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["schema"] == "ecoshield.water/1");
    auto P = points_by_id(j);
    REQUIRE(P.size() == 12);
    const std::map<std::string, std::tuple<std::string, std::string, std::string>> expect{
        {"JC-331002-01", {"331082SG05", "III", "exceeds"}},  {"JC-331003-01", {"331003SG02", "III", "exceeds"}},
        {"JC-331023-01", {"331023SG02", "II", "compliant"}}, {"JC-331024-01", {"331024SG01", "I", "exceeds"}},
        {"JC-331024-02", {"331024SG03", "III", "compliant"}}, {"JC-331082-01", {"331082SG03", "II", "exceeds"}},
        {"PW-331002-01", {"331002SG02", "IV", "not_measured"}}, {"PW-331003-01", {"331003SG03", "IV", "not_measured"}},
        {"PW-331082-01", {"331082SG04", "III", "not_measured"}}};
    for (const auto& [id, e] : expect) {
        INFO(id);
        CHECK(P[id]["zone_kind"] == "water_zone");
        CHECK(P[id]["zone"]["code"] == std::get<0>(e));
        CHECK(P[id]["zone"]["target_class"] == std::get<1>(e));
        CHECK(P[id]["compliance"] == std::get<2>(e));
    }
    CHECK(P["JC-331002-01"]["measured_class"] == "IV");
    CHECK(P["PW-331004-01"]["zone_kind"] == "marine_zone");
    CHECK(P["PW-331004-01"]["zone"]["code"] == "TZHY10");
    CHECK(P["PW-331004-01"]["zone"]["target_class"] == "3");
    CHECK(P["PW-331081-01"]["zone"]["code"] == "TZHY11");
    CHECK(P["JC-331003-02"]["zone_kind"] == "unassigned");
    CHECK(P["JC-331003-02"]["compliance"] == "unassigned");
    CHECK(P["JC-331003-02"]["nearest"]["distance_m"].get<double>() > 0);
    CHECK(P["JC-331003-02"]["water_source"]["level"] == "first");
    CHECK(P["JC-331003-02"]["flags"].empty());  // a station, not an outfall
    CHECK(j["summary"]["by_compliance"]["exceeds"] == 4);
    CHECK(j["summary"]["by_compliance"]["compliant"] == 2);
    CHECK(j["summary"]["by_compliance"]["not_measured"] == 5);
    CHECK(j["summary"]["by_compliance"]["unassigned"] == 1);
    CHECK(j["flags"].empty());

    const std::map<std::pair<std::string, std::string>, double> ov{{{"331023SG01", "331023-RL-002"}, 562966.131},
                                                                   {{"331023SG02", "331023-RL-002"}, 187787.555},
                                                                   {{"331024SG01", "331024-RL-004"}, 781027.898}};
    REQUIRE(j["zone_redline_overlaps"].size() == ov.size());
    for (const auto& o : j["zone_redline_overlaps"]) {
        auto key = std::make_pair(o["zone_code"].get<std::string>(), o["redline_code"].get<std::string>());
        INFO(key.first << " x " << key.second);
        REQUIRE(ov.count(key));
        CHECK(o["area_m2"].get<double>() == Approx(ov.at(key)).epsilon(1e-6));
    }
    // CSV: a header and one row per point
    auto csv = testutil::read_text(dir / "out/report.csv");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 13);
    // the GeoPackage layers are styled (default QGIS style in layer_styles)
    {
        eco::io::gdal_init();
        GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "out/water.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        for (const char* layer : {"water_points", "water_flags", "water_zone_redline", "context_water_zone"}) {
            INFO(layer);
            OGRLayer* sql = ds->ExecuteSQL(
                (std::string("SELECT COUNT(*) FROM layer_styles WHERE useAsDefault = 1 AND f_table_name = '") + layer + "'").c_str(), nullptr, nullptr);
            REQUIRE(sql);
            OGRFeatureUniquePtr f(sql->GetNextFeature());
            CHECK(f->GetFieldAsInteger(0) == 1);
            ds->ReleaseResultSet(sql);
        }
        CHECK(ds->GetLayerByName("water_points")->GetFeatureCount() == 12);
    }
    auto html = testutil::read_text(dir / "out/report.html");
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
}

TEST_CASE("water: an outfall inside a first-level drinking water source zone is flagged", "[cli][water]") {
    TempDir dir;
    testutil::write_vector(dir / "o.geojson", "GeoJSON", "outlet", "EPSG:4490", wkbPoint,
                           {{"POINT(121.1 28.6)", {{"id", "PW-TEST-01"}, {"name", "测试排污口"}, {"kind", "排污口"}}},
                            {"POINT(121.26 28.648)", {{"id", "JC-TEST-01"}, {"name", "测试断面"}, {"kind", "监测断面"}}}});
    auto r = run_cli("water --quiet --work-crs EPSG:4549 --outlets " + q(dir / "o.geojson") +
                     " --layer water_zone=layers/demo/taizhou_demo.gpkg:water_zone --layer water_source=layers/demo/taizhou_demo.gpkg:water_source --out " +
                     q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    REQUIRE(j["flags"].size() == 1);
    CHECK(j["flags"][0]["id"] == "PW-TEST-01");
    CHECK(j["flags"][0]["flag"] == "water_source_first");
    CHECK(j["flags"][0]["feature_code"] == "331003SY01-1");
    auto P = points_by_id(j);
    CHECK(P["JC-TEST-01"]["compliance"] == "not_measured");
    CHECK(P["JC-TEST-01"]["zone"]["code"] == "331003SG02");
    // no marine zone and no redline layer: said in the notes, not an error
    bool noted = false;
    for (const auto& n : j["notes"]) noted = noted || n.get<std::string>().find("no redline layer") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("water: a bad --layer argument is one clear line and exit 2", "[cli][water]") {
    auto r = run_cli("water --quiet --layer water_zone --out /tmp/never");
    CHECK(r.status == 2);
    CHECK(r.out.find("--layer must be KIND=FILE") != std::string::npos);
}

TEST_CASE("water: the project's work_crs is honoured; --no-html removes an earlier run's report.html", "[cli][water]") {
    TempDir dir;
    const std::string demo = std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/taizhou_demo.gpkg";
    // EPSG:4550 (CM 123E) is not what auto picks for the demo (EPSG:4549, CM 120E)
    testutil::write_text(dir / "p.json", R"({"layers": {"outlet": {"source": ")" + demo + R"(:outlet"}, "water_zone": {"source": ")" + demo +
                                             R"(:water_zone"}}, "work_crs": "EPSG:4550"})");
    auto r = run_cli("water --quiet --project " + q(dir / "p.json") + " --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["work_crs"]["epsg"] == 4550);
    CHECK(j["parameters"]["work-crs"] == "EPSG:4550");
    REQUIRE(std::filesystem::exists(dir / "out/report.html"));
    // the command line wins over the project; without html, the earlier page goes (it would disagree)
    r = run_cli("water --quiet --project " + q(dir / "p.json") + " --work-crs EPSG:4549 --no-html --out " + q(dir / "out"));
    REQUIRE(r.status == 0);
    j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["work_crs"]["epsg"] == 4549);
    CHECK(std::filesystem::exists(dir / "out/water.gpkg"));
    CHECK_FALSE(std::filesystem::exists(dir / "out/report.html"));
}

TEST_CASE("water: an empty outlet layer is named, with what to do", "[cli][water]") {
    TempDir dir;
    testutil::write_vector(dir / "none.gpkg", "GPKG", "outlet", "EPSG:4490", wkbPoint, {});
    testutil::write_vector(dir / "zones.gpkg", "GPKG", "water_zone", "EPSG:4490", wkbPolygon, {});
    // before: "water: cannot place the data on the globe to choose a working CRS; pass --work-crs EPSG:4549"
    auto r = run_cli("water --quiet --outlets " + q(dir / "none.gpkg") + " --layer water_zone=" + q(dir / "zones.gpkg") + " --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("water: the outlet layer '" + dir / "none.gpkg" + "' and the water_zone layer '" + dir / "zones.gpkg" +
                     "' have no features") != std::string::npos);
    CHECK(r.out.find("--work-crs EPSG:4549") != std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}
