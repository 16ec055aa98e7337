// End-to-end: `ecoshield redline audit` on the planted draft layers/demo/redline_draft.gpkg
// (layers/demo/make_redline_draft.py, figures designed in EPSG:4549 and listed there) and on the
// demo itself. Expected, by hand from the construction:
//   invalid_geometry 331003-RL-904 at (588300, 3160900)  bow-tie edges crossing
//   duplicate_code   331003-RL-003 (the new patch, fid 38; first used by fid 5)
//   area_field       331003-RL-004: MJ 57.60 against 48 ha planar (+20 %); 331024-RL-003 (+10 %,
//                    the demo's own planted fault)
//   overlap          331003-RL-002 x 331003-RL-901: 100 m x 800 m = 80 000 m2
//   gap              331003-RL-003 / 331003-RL-902: 0.5 m x 600 m = 300 m2, mean width 600/1201
//   sliver           331003-RL-903: 0.4 m x 600 m = 240 m2
//   outside_admin    331024-RL-905: 432 012.865 m2 (computed by the script with OGR/GEOS, EPSG:4549)
// and nothing else (the demo's sea patches are exempt with --admin-check land).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

std::vector<nlohmann::json> faults_of(const nlohmann::json& j, const std::string& kind) {
    std::vector<nlohmann::json> out;
    for (const auto& f : j["faults"])
        if (f["kind"] == kind) out.push_back(f);
    return out;
}

}  // namespace

TEST_CASE("redline audit on the planted draft finds exactly the planted faults", "[cli][redline_audit]") {
    TempDir dir;
    auto r = run_cli("redline audit --quiet layers/demo/redline_draft.gpkg:redline --admin layers/demo/taizhou_demo.gpkg:admin --out " +
                     q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 3);
    CHECK(r.out.find("NOT fit to submit: 8 blocking problems") != std::string::npos);
    for (const char* f : {"audit.gpkg", "report.json", "report.csv", "report.html"})
        CHECK(std::filesystem::exists(dir / ("out/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["schema"] == "ecoshield.redline_audit/1");
    CHECK(j["work_crs"]["epsg"] == 4549);
    CHECK(j["summary"]["fit_to_submit"] == false);
    CHECK(j["summary"]["exit_status"] == 3);
    REQUIRE(j["faults"].size() == 8);
    const nlohmann::json by_kind = j["summary"]["faults_by_kind"];
    CHECK(by_kind["invalid_geometry"] == 1);
    CHECK(by_kind["duplicate_code"] == 1);
    CHECK(by_kind["area_field"] == 2);
    CHECK(by_kind["overlap"] == 1);
    CHECK(by_kind["gap"] == 1);
    CHECK(by_kind["notch"] == 0);
    CHECK(by_kind["sliver"] == 1);
    CHECK(by_kind["outside_admin"] == 1);

    auto inv = faults_of(j, "invalid_geometry");
    CHECK(inv[0]["code"] == "331003-RL-904");
    CHECK(inv[0]["x"].get<double>() == Approx(588300).margin(0.01));
    CHECK(inv[0]["y"].get<double>() == Approx(3160900).margin(0.01));
    auto dup = faults_of(j, "duplicate_code");
    CHECK(dup[0]["code"] == "331003-RL-003");
    CHECK(dup[0]["fid"] == 38);
    CHECK(dup[0]["fid2"] == 5);
    auto area = faults_of(j, "area_field");
    CHECK(area[0]["code"] == "331003-RL-004");
    CHECK(area[0]["detail"]["relative_difference_planar"].get<double>() == Approx(0.2).margin(1e-6));
    CHECK(area[1]["code"] == "331024-RL-003");
    auto ov = faults_of(j, "overlap");
    CHECK(ov[0]["code"] == "331003-RL-002");
    CHECK(ov[0]["code2"] == "331003-RL-901");
    CHECK(ov[0]["area_m2"].get<double>() == Approx(80000).epsilon(1e-6));
    auto gap = faults_of(j, "gap");
    CHECK(gap[0]["patches"] == nlohmann::json({"331003-RL-003", "331003-RL-902"}));
    CHECK(gap[0]["area_m2"].get<double>() == Approx(300).epsilon(1e-4));
    CHECK(gap[0]["width_m"].get<double>() == Approx(600.0 / 1201.0).epsilon(1e-4));
    auto sl = faults_of(j, "sliver");
    CHECK(sl[0]["code"] == "331003-RL-903");
    CHECK(sl[0]["area_m2"].get<double>() == Approx(240).epsilon(1e-4));
    auto out = faults_of(j, "outside_admin");
    CHECK(out[0]["code"] == "331024-RL-905");
    CHECK(out[0]["area_m2"].get<double>() == Approx(432012.865).epsilon(1e-6));

    // the draft adds 6 patches (2 020 240 m2 planar by construction, the bow-tie counted as repaired)
    // to the demo's 33; the bow-tie's triangles and the outside square are in 黄岩区 / 仙居县
    CHECK(j["overall"]["patches"] == 39);
    CHECK(j["overall"]["faults"] == 8);

    // report.csv: one row per problem
    std::string csv = testutil::read_text(dir / "out/report.csv");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 8);

    // audit.gpkg: the layers, each styled, with the fault points and pieces
    eco::io::gdal_init();
    eco::io::Dataset ds(static_cast<GDALDataset*>(
        GDALOpenEx((dir / "out/audit.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    const std::map<std::string, long long> counts = {
        {"audit_points", 8}, {"audit_overlaps", 1}, {"audit_gaps", 2}, {"audit_outside", 1}, {"audit_patches", 39},
        // one row per county (9 distinct XZQMC in the draft), per function type (4 distinct HXLX), overall
        {"audit_totals", 9 + 4 + 1}};
    for (const auto& [name, n] : counts) {
        INFO(name);
        OGRLayer* l = ds->GetLayerByName(name.c_str());
        REQUIRE(l);
        CHECK(l->GetFeatureCount() == n);
    }
    OGRLayer* st = ds->ExecuteSQL("SELECT f_table_name FROM layer_styles WHERE useAsDefault = 1 ORDER BY f_table_name", nullptr, nullptr);
    REQUIRE(st);
    std::vector<std::string> styled;
    while (OGRFeature* f = st->GetNextFeature()) {
        styled.push_back(f->GetFieldAsString(0));
        OGRFeature::DestroyFeature(f);
    }
    ds->ReleaseResultSet(st);
    CHECK(styled == std::vector<std::string>{"audit_gaps", "audit_outside", "audit_overlaps", "audit_patches", "audit_points"});
}

TEST_CASE("redline audit with no arguments: the demo, fit but for its planted MJ", "[cli][redline_audit]") {
    TempDir dir;
    auto r = run_cli("redline audit --quiet --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 3);
    CHECK(r.out.find("NOT fit to submit: 1 blocking problem; see") != std::string::npos);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    REQUIRE(j["faults"].size() == 1);
    CHECK(j["faults"][0]["kind"] == "area_field");
    CHECK(j["faults"][0]["code"] == "331024-RL-003");
    CHECK(j["overall"]["patches"] == 33);
    CHECK(j["inputs"].size() == 2);
    // 黄岩区's four exact rectangles R1-R4 (layers/demo/README.md) and its two other patches
    for (const auto& c : j["by_county"])
        if (c["county"] == "黄岩区") CHECK(c["patches"] == 6);

    // the area field is a warning only when not blocking: fit, exit 0
    r = run_cli("redline audit --quiet --blocking overlap,gap,sliver --out " + q(dir / "out2"));
    INFO(r.out);
    CHECK(r.status == 0);
    j = nlohmann::json::parse(testutil::read_text(dir / "out2/report.json"));
    CHECK(j["summary"]["fit_to_submit"] == true);
}

TEST_CASE("redline audit: bad input is one line naming the problem", "[cli][redline_audit]") {
    TempDir dir;
    auto r = run_cli("redline audit --quiet no_such.gpkg --out " + q(dir / "out"));
    CHECK(r.status == 2);
    CHECK(r.out.find("no_such.gpkg") != std::string::npos);
    r = run_cli("redline audit --quiet --blocking overlap,typo --out " + q(dir / "out"));
    CHECK(r.status == 2);
    CHECK(r.out.find("unknown fault kind 'typo'") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out/report.json"));
}

TEST_CASE("redline audit: the wrong layer (lines, points, empty) is refused, not audited", "[cli][redline_audit]") {
    TempDir dir;
    // a coastline given as the redline layer: before, 579 "problems" and a GDAL warning, exit 3
    auto r = run_cli("redline audit --quiet layers/demo/taizhou_demo.gpkg:coastline --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("taizhou_demo.gpkg:coastline") != std::string::npos);
    CHECK(r.out.find("holds no polygons") != std::string::npos);
    CHECK(r.out.find("Warning") == std::string::npos);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "out/report.json"));
    // an admin layer of points: before, every patch was "outside the admin boundary"
    r = run_cli("redline audit --quiet layers/demo/taizhou_demo.gpkg:redline --admin layers/demo/taizhou_demo.gpkg:outlet --out " +
                q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("admin layer 'layers/demo/taizhou_demo.gpkg:outlet' has a non-polygon feature") != std::string::npos);
    // an empty layer: before, "cannot place the data on the globe to choose a working CRS"
    testutil::write_vector(dir / "empty.gpkg", "GPKG", "redline", "EPSG:4490", wkbMultiPolygon, {});
    r = run_cli("redline audit --quiet " + q(dir / "empty.gpkg") + " --out " + q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("empty.gpkg' has no features") != std::string::npos);
}
