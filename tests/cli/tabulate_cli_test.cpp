// End-to-end: `ecoshield tabulate` on the bundled demo data (redline function type by county).
// Independent check: the demo's MJ field holds each patch's ellipsoidal area in ha, computed by the
// demo builder in Python (331024-RL-003 deliberately 10 % too large), rounded to 0.01 ha.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "../test_util.h"

using testutil::q;
using testutil::run_cli;
using testutil::TempDir;

namespace {

// MJ (m2) per function type (zh) of the demo redline layer, corrected for the deliberate error.
std::map<std::string, double> mj_by_type(double* total) {
    eco::io::gdal_init();
    std::string path = std::string(ECOSHIELD_SOURCE_DIR) + "/layers/demo/taizhou_demo.gpkg";
    eco::io::Dataset ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayerByName("redline");
    std::map<std::string, double> out;
    *total = 0;
    for (auto& f : *l) {
        double mj = f->GetFieldAsDouble("MJ") * 1e4;
        if (std::string(f->GetFieldAsString("HXBH")) == "331024-RL-003") mj /= 1.1;
        out[f->GetFieldAsString("HXLX")] += mj;
        *total += mj;
    }
    return out;
}

}  // namespace

TEST_CASE("tabulate on the demo: redline function type by county, reconciled", "[cli][tabulate]") {
    TempDir dir;
    auto r = run_cli("tabulate --quiet --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"tabulate.gpkg", "report.json", "report.csv", "report.html"})
        CHECK(std::filesystem::exists(dir / ("out/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["schema"] == "ecoshield.tabulate/1");
    CHECK(j["reconciled"] == true);
    CHECK(j["work_crs"]["epsg"] == 4549);
    CHECK(j["parameters"]["by-a"] == "function_type");
    CHECK(j["parameters"]["by-b"] == "name");
    const auto& A = j["layers"][0];
    CHECK(A["reconciliation_rel_error"].get<double>() <= 1e-9);
    CHECK(j["layers"][1]["reconciliation_rel_error"].get<double>() <= 1e-9);
    // the rows are canonical codes; the columns include the nine counties
    auto rows = j["rows"].get<std::vector<std::string>>();
    CHECK(std::find(rows.begin(), rows.end(), "water_conservation") != rows.end());
    auto cols = j["columns"].get<std::vector<std::string>>();
    CHECK(std::find(cols.begin(), cols.end(), "黄岩区") != cols.end());
    CHECK(cols.back() == "(outside B)");
    // independent: the ellipsoidal row totals (plus self-overlap) against the builder's MJ
    double mj_total = 0;
    auto mj = mj_by_type(&mj_total);
    const std::map<std::string, std::string> zh{{"water_conservation", "水源涵养"}, {"biodiversity", "生物多样性维护"},
                                                {"soil_conservation", "水土保持"}, {"coastal_stability", "海岸生态稳定"}};
    for (const auto& [code, name] : zh) {
        INFO(code);
        double got = j["row_totals"][code]["area_ell_m2"].get<double>();
        CHECK(got == Approx(mj[name]).epsilon(2e-4));
    }
    CHECK(A["sum_of_feature_areas_ell_m2"].get<double>() == Approx(mj_total).epsilon(1e-4));
    CHECK(A["self_overlap_m2"].get<double>() < 1.0);  // the demo's redline patches do not overlap
    // R1 (331003-RL-002) is the rectangle x 586000-587000, y 3158000-3158800 of EPSG:4549: 80 ha planar, inside 黄岩区
    CHECK(j["cells"].size() > 5);
    auto csv = testutil::read_text(dir / "out/report.csv");
    CHECK(csv.find("(outside B)") != std::string::npos);
    CHECK(csv.find("planar_m2,water_conservation") != std::string::npos);
    CHECK(testutil::read_text(dir / "out/report.html").find("<svg") != std::string::npos);
}

TEST_CASE("tabulate: a wrong field name is one line listing the fields", "[cli][tabulate]") {
    TempDir dir;
    auto r = run_cli("tabulate layers/demo/taizhou_demo.gpkg:redline layers/demo/taizhou_demo.gpkg:admin --by-a NOPE --by-b name --out " +
                     q(dir / "out"));
    INFO(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("has no field 'NOPE'") != std::string::npos);
    CHECK(r.out.find("HXLX") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "out/report.json"));
}

TEST_CASE("tabulate: raw fields without a kind", "[cli][tabulate]") {
    TempDir dir;
    auto r = run_cli("tabulate --quiet layers/demo/taizhou_demo.gpkg:redline layers/demo/taizhou_demo.gpkg:admin --by-a HXLX --by-b code --out " +
                     q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    auto rows = j["rows"].get<std::vector<std::string>>();
    CHECK(std::find(rows.begin(), rows.end(), "水源涵养") != rows.end());
    auto cols = j["columns"].get<std::vector<std::string>>();
    CHECK(std::find(cols.begin(), cols.end(), "331003") != cols.end());
    CHECK(j["reconciled"] == true);
}

TEST_CASE("tabulate: marine class by bay, with float-noise self-overlaps written", "[cli][tabulate]") {
    // the demo's marine zones touch each other: their float-noise overlaps are several pieces of
    // the self_overlap_a layer (a field named fid once collided with the GeoPackage's own fid)
    TempDir dir;
    auto r = run_cli("tabulate --quiet layers/demo/taizhou_demo.gpkg:marine_zone layers/demo/taizhou_demo.gpkg:bay --by-a class --by-b name --out " +
                     q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(dir / "out/report.json"));
    CHECK(j["reconciled"] == true);
    auto cols = j["columns"].get<std::vector<std::string>>();
    CHECK(std::find(cols.begin(), cols.end(), "台州湾") != cols.end());
}

TEST_CASE("tabulate: the pieces layer carries its QGIS style as the default in layer_styles", "[cli][tabulate][styles]") {
    TempDir dir;
    // an earlier run's page is removed by a run with --no-html (it would no longer match)
    std::filesystem::create_directories(dir / "out");
    testutil::write_text(dir / "out/report.html", "stale");
    auto r = run_cli("tabulate --quiet --no-html --out " + q(dir / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK_FALSE(std::filesystem::exists(dir / "out/report.html"));
    const std::string path = dir / "out/tabulate.gpkg";
    eco::io::Dataset ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    OGRLayer* res = ds->ExecuteSQL("SELECT f_table_name, styleName, useAsDefault, styleQML FROM layer_styles", nullptr, nullptr);
    REQUIRE(res);
    int rows = 0;
    for (auto& f : *res) {
        ++rows;
        CHECK(std::string(f->GetFieldAsString(0)) == "pieces");
        CHECK(std::string(f->GetFieldAsString(1)) == "tabulate_pieces");
        CHECK(f->GetFieldAsInteger(2) == 1);
        const std::string qml = f->GetFieldAsString(3);
        CHECK(qml == testutil::read_text(std::string(ECOSHIELD_SOURCE_DIR) + "/styles/tabulate_pieces.qml"));
        CHECK(qml.find("attr=\"a_value\"") != std::string::npos);
        CHECK(qml.find("value=\"(outside A)\"") != std::string::npos);
    }
    ds->ReleaseResultSet(res);
    CHECK(rows == 1);
}
