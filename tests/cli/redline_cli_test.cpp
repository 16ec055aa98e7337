// End-to-end: `ecoshield redline diff` on the demo redline layer against a second version made
// here from the first (the bundled GeoPackage is not rebuilt):
//   - 331003-RL-004 (黄岩屿头 西片, biodiversity; the rectangle x 586000-586600, y 3160500-3161300 of
//     EPSG:4549 per layers/demo/README.md: 480 000 m2) is removed;
//   - 331003-RL-002 (黄岩富山, soil conservation; x 586000-587000, y 3158000-3158800) loses its
//     northern 100 m: the new patch is x 586000-587000, y 3158000-3158700 (100 000 m2 removed).
// Expected: 黄岩区 removed 580 000 m2 planar, overall change -580 000 m2, verdict fail for 黄岩区 and
// overall, pass (zero change) for every other county.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <set>
#include <nlohmann/json.hpp>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

void make_second_version(const std::string& out) {
    eco::io::gdal_init();
    std::string src = std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/taizhou_demo.gpkg";
    eco::io::Dataset in(static_cast<GDALDataset*>(GDALOpenEx(src.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(in);
    GDALDriver* d = GetGDALDriverManager()->GetDriverByName("GPKG");
    eco::io::Dataset ds(d->Create(out.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRLayer* l = ds->CopyLayer(in->GetLayerByName("redline"), "redline");
    REQUIRE(l);
    OGRSpatialReference gk, geo;
    gk.importFromEPSG(4549);
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    geo.importFromEPSG(4490);
    geo.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::vector<GIntBig> drop;
    l->ResetReading();
    while (OGRFeature* f = l->GetNextFeature()) {
        std::string code = f->GetFieldAsString("HXBH");
        if (code == "331003-RL-004") drop.push_back(f->GetFID());
        if (code == "331003-RL-002") {
            OGRGeometry* g = nullptr;
            OGRGeometryFactory::createFromWkt("MULTIPOLYGON(((586000 3158000,587000 3158000,587000 3158700,586000 3158700,586000 3158000)))",
                                              &gk, &g);
            REQUIRE(g->transformTo(&geo) == OGRERR_NONE);
            f->SetGeometryDirectly(g);
            REQUIRE(l->SetFeature(f) == OGRERR_NONE);
        }
        OGRFeature::DestroyFeature(f);
    }
    REQUIRE(drop.size() == 1);
    for (auto fid : drop) REQUIRE(l->DeleteFeature(fid) == OGRERR_NONE);
}

nlohmann::json row(const nlohmann::json& arr, const char* key, const std::string& value) {
    for (const auto& e : arr)
        if (e[key] == value) return e;
    return nullptr;
}

}  // namespace

TEST_CASE("redline diff on the demo: one patch removed, one clipped by a known strip", "[cli][redline]") {
    TempDir dir;
    make_second_version(dir / "redline_2025.gpkg");
    const std::string old_l = "layers/demo/taizhou_demo.gpkg:redline";
    auto r = run_cli("redline diff --quiet " + old_l + " " + q(dir / "redline_2025.gpkg") + " --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"redline_diff.gpkg", "report.json", "report.csv", "report.html"})
        CHECK(std::filesystem::exists(dir / ("out/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["schema"] == "ecoshield.redline_diff/1");
    CHECK(j["work_crs"]["epsg"] == 4549);
    auto hy = row(j["by_county"], "county", "黄岩区");
    REQUIRE(!hy.is_null());
    CHECK(hy["removed_m2"].get<double>() == Approx(580000).epsilon(1e-6));
    CHECK(hy["added_m2"].get<double>() == 0);
    CHECK(hy["change_m2"].get<double>() == Approx(-580000).epsilon(1e-6));
    CHECK(hy["verdict"] == "fail");
    // the ellipsoidal removed area of the dropped patch agrees with its MJ (47.99 ha) to the 0.01 ha rounding
    CHECK(row(j["by_function_type"], "function_type", "biodiversity")["removed_ell_m2"].get<double>() == Approx(479900).margin(60));
    CHECK(row(j["by_function_type"], "function_type", "soil_conservation")["removed_m2"].get<double>() == Approx(100000).epsilon(1e-6));
    for (const auto& c : j["by_county"])
        if (c["county"] != "黄岩区") {
            INFO(c["county"]);
            CHECK(c["verdict"] == "pass");
            CHECK(std::abs(c["change_m2"].get<double>()) < 1e-6);
        }
    CHECK(j["overall"]["verdict"] == "fail");
    CHECK(j["overall"]["change_m2"].get<double>() == Approx(-580000).epsilon(1e-6));
    // the change polygons name their source patches
    int n = 0;
    for (const auto& c : j["changes"])
        if (c["change"] == "removed") {
            ++n;
            CHECK((c["code"] == "331003-RL-002" || c["code"] == "331003-RL-004"));
        }
    CHECK(n == 2);
    CHECK(testutil::read_text(dir / "out/report.csv").find("county,黄岩区") != std::string::npos);

    // swapped: the same areas come back as added, and the verdict passes
    auto s = run_cli("redline diff --quiet " + q(dir / "redline_2025.gpkg") + " " + old_l + " --out " + q(dir / "swapped"));
    INFO(s.out);
    REQUIRE(s.status == 0);
    auto k = nlohmann::json::parse(testutil::read_text(dir / "swapped/report.json"));
    CHECK(k["overall"]["added_m2"] == j["overall"]["removed_m2"]);
    CHECK(k["overall"]["removed_m2"] == j["overall"]["added_m2"]);
    CHECK(k["overall"]["verdict"] == "pass");
}

TEST_CASE("redline diff of the demo layer with itself: zero change", "[cli][redline]") {
    TempDir dir;
    const std::string l = "layers/demo/taizhou_demo.gpkg:redline";
    auto r = run_cli("redline diff --quiet " + l + " " + l + " --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["changes"].empty());
    CHECK(j["overall"]["change_m2"].get<double>() == 0);
    CHECK(j["overall"]["verdict"] == "pass");
}

TEST_CASE("redline diff: one argument only is a clear error", "[cli][redline]") {
    auto r = run_cli("redline diff layers/demo/taizhou_demo.gpkg:redline");
    CHECK(r.status == 2);
    CHECK(r.out.find("redline diff: give both versions") != std::string::npos);
}

TEST_CASE("redline diff with no arguments: the demo against layers/demo/redline_2025.gpkg", "[cli][redline]") {
    // redline_2025.gpkg is written by layers/demo/make_redline_2025.sh with the same two changes as above
    TempDir dir;
    REQUIRE(std::filesystem::exists(std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/redline_2025.gpkg"));
    auto r = run_cli("redline diff --quiet --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    auto hy = row(j["by_county"], "county", "黄岩区");
    CHECK(hy["removed_m2"].get<double>() == Approx(580000).epsilon(1e-6));
    CHECK(hy["verdict"] == "fail");
    CHECK(j["overall"]["change_m2"].get<double>() == Approx(-580000).epsilon(1e-6));
    int others_failing = 0;
    for (const auto& c : j["by_county"]) others_failing += c["county"] != "黄岩区" && c["verdict"] != "pass";
    CHECK(others_failing == 0);
}

TEST_CASE("redline diff: versions in different CRSs are reprojected, and console, report.json and HTML say so", "[cli][redline]") {
    // the second version written in EPSG:4549 (Gauss-Kruger) by GDAL's ogr2ogr (GDALVectorTranslate);
    // the demo layer is EPSG:4490
    TempDir dir;
    make_second_version(dir / "v2_4490.gpkg");
    {
        const std::string src = dir / "v2_4490.gpkg", dst = dir / "v2_4549.gpkg";
        GDALDatasetH in = GDALOpenEx(src.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
        REQUIRE(in);
        const char* args[] = {"-f", "GPKG", "-t_srs", "EPSG:4549", "redline", nullptr};
        GDALVectorTranslateOptions* o = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
        GDALDatasetH out = GDALVectorTranslate(dst.c_str(), nullptr, 1, &in, o, nullptr);
        GDALVectorTranslateOptionsFree(o);
        REQUIRE(out);
        GDALClose(out);
        GDALClose(in);
    }
    auto r = run_cli("redline diff layers/demo/taizhou_demo.gpkg:redline " + q(dir / "v2_4549.gpkg") + " --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("note: the two versions are in different CRSs") != std::string::npos);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    bool noted = false;
    for (const auto& n : j["notes"]) noted = noted || n.get<std::string>().find("the two versions are in different CRSs") == 0;
    CHECK(noted);
    CHECK(j["inputs"][0]["crs"] != j["inputs"][1]["crs"]);
    CHECK(testutil::read_text(dir / "out/report.html").find("the two versions are in different CRSs") != std::string::npos);
    // the same figures as with both versions in EPSG:4490 (first test): 580 000 m2 removed in 黄岩区
    auto hy = row(j["by_county"], "county", "黄岩区");
    REQUIRE(!hy.is_null());
    CHECK(hy["removed_m2"].get<double>() == Approx(580000).epsilon(1e-6));
}

TEST_CASE("redline diff --admin: counties from the demo admin layer, the default on the demo", "[cli][redline]") {
    // The two removed areas (see the first test) lie inside the 黄岩区 polygon of the demo admin layer,
    // so the county figures by intersection agree with those by the county field; the change
    // polygons are in the GeoPackage with their styles.
    TempDir dir;
    auto r = run_cli("redline diff --quiet --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["county_source"].get<std::string>().find("admin layer") == 0);
    auto hy = row(j["by_county"], "county", "黄岩区");
    REQUIRE(!hy.is_null());
    CHECK(hy["removed_m2"].get<double>() == Approx(580000).epsilon(1e-6));
    // --admin none: the county field
    auto f = run_cli("redline diff --quiet --admin none layers/demo/taizhou_demo.gpkg:redline layers/demo/redline_2025.gpkg --out " +
                     q(dir / "field"));
    REQUIRE(f.status == 0);
    auto k = nlohmann::json::parse(testutil::read_text(dir / "field/report.json"));
    CHECK(k["county_source"] == "field county");
}

TEST_CASE("redline diff: the change layer carries its QGIS style (added, removed, edge adjustments) as the default", "[cli][redline][styles]") {
    TempDir dir;
    // an earlier run's page is removed by a run with --no-html (it would no longer match)
    std::filesystem::create_directories(dir / "out");
    testutil::write_text(dir / "out/report.html", "stale");
    auto r = run_cli("redline diff --quiet --no-html --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "out/report.html"));
    const std::string path = dir / "out/redline_diff.gpkg";
    eco::io::Dataset ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    OGRLayer* res = ds->ExecuteSQL("SELECT f_table_name, styleName, useAsDefault, styleQML FROM layer_styles", nullptr, nullptr);
    REQUIRE(res);
    int rows = 0;
    for (auto& f : *res) {
        ++rows;
        CHECK(std::string(f->GetFieldAsString(0)) == "change");
        CHECK(std::string(f->GetFieldAsString(1)) == "diff_change");
        CHECK(f->GetFieldAsInteger(2) == 1);
        const std::string qml = f->GetFieldAsString(3);
        CHECK(qml == testutil::read_text(std::string(ECOSHIELD_SOURCE_DIR) + "/styles/diff_change.qml"));
        // four change kinds, each its own colour
        std::set<std::string> colours;
        for (const char* v : {"added", "removed", "edge_added", "edge_removed"}) {
            INFO(v);
            CHECK(qml.find("value=\"" + std::string(v) + "\"") != std::string::npos);
        }
        const std::string key = "<Option name=\"color\" type=\"QString\" value=\"";
        size_t p = 0;
        while ((p = qml.find(key, p)) != std::string::npos) {
            p += key.size();
            colours.insert(qml.substr(p, qml.find('"', p) - p));
        }
        CHECK(colours.size() >= 5);  // four kinds + other
    }
    ds->ReleaseResultSet(res);
    CHECK(rows == 1);
}

// A second version without a county field: before, every county of the old version was "decreased"
// (the new patches all fell in county '(none)'): silently wrong per-county verdicts.
TEST_CASE("redline diff: a version without the county field is refused unless --admin is given", "[cli][redline]") {
    TempDir dir;
    const std::string sq = "MULTIPOLYGON(((586000 3160500,586600 3160500,586600 3161300,586000 3161300,586000 3160500)))";
    testutil::write_vector(dir / "nocounty.gpkg", "GPKG", "redline", "EPSG:4549", wkbMultiPolygon, {{sq, {{"HXBH", "X-1"}}}});
    auto r = run_cli("redline diff --quiet layers/demo/taizhou_demo.gpkg:redline " + q(dir / "nocounty.gpkg") + " --out " +
                     q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("the new redline layer '" + dir / "nocounty.gpkg") != std::string::npos);
    CHECK(r.out.find("has no county name field (XZQMC") != std::string::npos);
    CHECK(r.out.find("--admin") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out/report.json"));
    // with --admin the counties come from the admin polygons: the run completes
    r = run_cli("redline diff --quiet layers/demo/taizhou_demo.gpkg:redline " + q(dir / "nocounty.gpkg") +
                " --admin layers/demo/taizhou_demo.gpkg:admin --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 0);
    // neither version with a county field: one '(none)' county, said in a note; 480 000 m2 each, no change
    r = run_cli("redline diff --quiet " + q(dir / "nocounty.gpkg") + " " + q(dir / "nocounty.gpkg") + " --out " + q(dir / "out2"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out2/report.json"));
    CHECK(j["overall"]["old_m2"].get<double>() == Approx(480000.0).epsilon(1e-9));
    CHECK(j["overall"]["change_m2"].get<double>() == 0);
    CHECK(j["notes"].dump().find("neither version has a county field") != std::string::npos);
}
