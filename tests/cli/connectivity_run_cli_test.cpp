// End-to-end: `ecoshield connectivity run` on the gorilla sanctuary vegetation raster (primary and
// secondary forest as habitat): the GeoPackage layers and fields, report.json and report.csv, the
// same bytes for report.json/csv whatever the thread count, and a bad input.
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include <map>

#include "io/gdal_util.h"
#include "report/gpkg_style.h"
#include "../test_util.h"

namespace fs = std::filesystem;

namespace {

const std::string kRun = std::string("connectivity run --landcover tests/data/rasters/gorillas_vegetation_utm32n.tif "
                                     "--classes 4,5 --table gorillas_vegetation --p0 0.5 --d0 1000");

// Forest (class 3) cells of layers/demo/landcover_demo.tif: gdalinfo -hist (counted by GDAL, not by ecoshield).
constexpr long long kDemoForestCells = 319394;

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("cli connectivity run: gorillas end to end", "[cli][graph][pipeline]") {
    testutil::TempDir tmp;
    auto r = testutil::run_cli("-q " + kRun + " --out " + testutil::q(tmp / "out"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"connectivity.gpkg", "report.json", "report.csv"}) CHECK(fs::exists(tmp / ("out/" + std::string(f))));
    for (const auto& e : fs::directory_iterator(tmp.path / "out"))
        CHECK(e.path().filename().string().find(".partial") == std::string::npos);

    auto j = nlohmann::json::parse(testutil::read_text(tmp / "out/report.json"));
    CHECK(j["operation"] == "connectivity run");
    CHECK(j["software"].get<std::string>().rfind("ecoshield ", 0) == 0);
    REQUIRE(j["inputs"].size() == 2);
    CHECK(j["inputs"][0]["sha256"].get<std::string>().size() == 64);
    CHECK(j["inputs"][0]["bytes"].get<long long>() == static_cast<long long>(
              fs::file_size(std::string(ECOSHIELD_SOURCE_DIR) + "/tests/data/rasters/gorillas_vegetation_utm32n.tif")));
    CHECK(j["parameters"]["classes"] == nlohmann::json::array({4, 5}));
    const std::size_t np = j["sources"]["patches"].get<std::size_t>();
    const std::size_t nl = j["links"]["count"].get<std::size_t>();
    CHECK(np > 1);
    CHECK(nl > 0);
    CHECK(j["global"]["PC"].get<double>() > 0);
    CHECK(j["patches"].size() == np);
    CHECK(j["patches"][0]["rank"] == 1);

    const std::string csv = testutil::read_text(tmp / "out/report.csv");
    CHECK(lines(csv) == np + 1);
    CHECK(csv.rfind("patch_id,rank,cells,area_m2,area_ha,", 0) == 0);

    eco::io::gdal_init();
    eco::io::Dataset ds(GDALDataset::Open((tmp / "out/connectivity.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* p = ds->GetLayerByName("patches");
    OGRLayer* l = ds->GetLayerByName("links");
    REQUIRE(p);
    REQUIRE(l);
    CHECK(static_cast<std::size_t>(p->GetFeatureCount()) == np);
    CHECK(static_cast<std::size_t>(l->GetFeatureCount()) == nl);
    for (const char* f : {"patch_id", "area_m2", "area_ha", "dPC", "dPCintra", "dPCflux", "dPCconnector", "dIIC",
                          "cut_vertex", "rank"})
        CHECK(p->GetLayerDefn()->GetFieldIndex(f) >= 0);
    for (const char* f : {"cost", "length_m", "probability", "dPC", "bridge"}) CHECK(l->GetLayerDefn()->GetFieldIndex(f) >= 0);
    // Polygon areas equal the patch areas (pixel polygons: exact).
    double habitat = 0;
    for (auto& f : *p) {
        const auto* g = f->GetGeometryRef();
        REQUIRE(g);
        const double a = g->toMultiPolygon()->get_Area();
        CHECK(a == Approx(f->GetFieldAsDouble("area_m2")).epsilon(1e-9));
        habitat += a;
    }
    const double cell = 30.70932052048 * 30.70932052048;
    CHECK(habitat == Approx((6273 + 682) * cell).epsilon(1e-9));
    for (auto& f : *l) {
        const auto* g = f->GetGeometryRef();
        REQUIRE(g);
        CHECK(g->toLineString()->get_Length() == Approx(f->GetFieldAsDouble("length_m")).epsilon(1e-9));
    }

    // Same report whatever the thread count.
    auto r1 = testutil::run_cli("-q --threads 1 " + kRun + " --out " + testutil::q(tmp / "out1"));
    REQUIRE(r1.status == 0);
    CHECK(testutil::read_text(tmp / "out1/report.csv") == csv);
    auto j1 = nlohmann::json::parse(testutil::read_text(tmp / "out1/report.json"));
    j1["parameters"]["out"] = j["parameters"]["out"];
    CHECK(j1["link_list"] == j["link_list"]);
    CHECK(j1["global"] == j["global"]);
}

TEST_CASE("cli connectivity run: bad inputs exit 2 with the operation's name", "[cli][graph][pipeline]") {
    testutil::TempDir tmp;
    auto r = testutil::run_cli("-q connectivity run --landcover tests/data/rasters/gorillas_vegetation_utm32n.tif "
                               "--classes 9 --table gorillas_vegetation --out " + testutil::q(tmp / "out"));
    CHECK(r.status == 2);
    CHECK(r.out.find("connectivity run: none of the habitat classes") != std::string::npos);
    auto r2 = testutil::run_cli("-q connectivity run --classes 4 --table gorillas_vegetation --out " + testutil::q(tmp / "o2"));
    CHECK(r2.status == 2);
}

namespace {

struct StyleRow {
    std::string table, name, qml;
    int is_default = 0;
};

std::vector<StyleRow> style_rows(const std::string& gpkg) {
    eco::io::gdal_init();
    eco::io::Dataset ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    std::vector<StyleRow> out;
    OGRLayer* l = ds->ExecuteSQL("SELECT f_table_name, styleName, useAsDefault, styleQML FROM layer_styles ORDER BY id", nullptr, nullptr);
    REQUIRE(l);
    for (auto& f : *l) out.push_back({f->GetFieldAsString(0), f->GetFieldAsString(1), f->GetFieldAsString(3), f->GetFieldAsInteger(2)});
    ds->ReleaseResultSet(l);
    return out;
}

std::string g6(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.6g", v);
    return b;
}
std::string f2(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}

// The figures of report.json must be in report.html as printed there (6 significant digits, ha with 2 decimals).
void check_html(const std::string& dir) {
    auto j = nlohmann::json::parse(testutil::read_text(dir + "/report.json"));
    const std::string html = testutil::read_text(dir + "/report.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("http://") == std::string::npos);   // self-contained
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    const auto& g = j["global"];
    INFO("PC " << g6(g["PC"].get<double>()) << ", EC(PC) " << f2(g["EC_PC"].get<double>() / 1e4) << " ha");
    CHECK(html.find(">" + g6(g["PC"].get<double>()) + "<") != std::string::npos);
    CHECK(html.find(">" + g6(g["IIC"].get<double>()) + "<") != std::string::npos);
    CHECK(html.find(">" + f2(g["EC_PC"].get<double>() / 1e4) + " ha<") != std::string::npos);
    CHECK(html.find(">" + std::to_string(j["sources"]["patches"].get<long long>()) + "<") != std::string::npos);
    CHECK(html.find(">" + std::to_string(j["links"]["count"].get<long long>()) + "<") != std::string::npos);
    // the top patch: its row (rank 1, patch id, area, dPC with 4 decimals)
    const auto& top = j["patches"][0];
    char row[256];
    std::snprintf(row, sizeof row, "<tr><td class=num>1</td><td class=num>%lld</td><td class=num>%.2f</td><td class=num>%.4f</td>",
                  top["patch_id"].get<long long>(), top["area_m2"].get<double>() / 1e4, top["dPC"].get<double>());
    INFO("top patch row " << row);
    CHECK(html.find(row) != std::string::npos);
    // every patch drawn once on the map (its hover title)
    std::size_t titles = 0;
    for (std::size_t p = html.find("<title>patch "); p != std::string::npos; p = html.find("<title>patch ", p + 1)) ++titles;
    CHECK(titles == j["sources"]["patches"].get<std::size_t>());
}

}  // namespace

TEST_CASE("cli connectivity run: styles stored as defaults, report.html with the figures", "[cli][graph][pipeline]") {
    testutil::TempDir tmp;
    auto r = testutil::run_cli("-q " + kRun + " --out " + testutil::q(tmp / "out"));
    REQUIRE(r.status == 0);
    const auto rows = style_rows(tmp / "out/connectivity.gpkg");
    std::map<std::string, StyleRow> by;
    for (const auto& s : rows) by[s.table] = s;
    for (const char* layer : {"patches", "links"}) {
        INFO("layer " << layer);
        REQUIRE(by.count(layer) == 1);
        CHECK(by[layer].is_default == 1);
        CHECK(by[layer].name == layer);
        CHECK(by[layer].qml == eco::report::load_style(layer));
    }
    CHECK(fs::exists(tmp / "out/report.html"));
    check_html(tmp / "out");
    auto j = nlohmann::json::parse(testutil::read_text(tmp / "out/report.json"));
    CHECK(j["outputs"].dump().find("report.html") != std::string::npos);
    // --no-html: no page (an earlier run's page is removed: it would no longer match)
    fs::create_directories(tmp / "o2");
    testutil::write_text(tmp / "o2/report.html", "stale");
    auto r2 = testutil::run_cli("-q " + kRun + " --no-html --out " + testutil::q(tmp / "o2"));
    REQUIRE(r2.status == 0);
    CHECK_FALSE(fs::exists(tmp / "o2/report.html"));
}

TEST_CASE("cli connectivity run: the Taizhou demo with no arguments", "[cli][graph][pipeline][demo]") {
    testutil::TempDir tmp;
    auto r = testutil::run_cli("-q connectivity run --out " + testutil::q(tmp / "demo"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(tmp / "demo/report.json"));
    const auto& p = j["parameters"];
    CHECK(p["landcover"].get<std::string>().find("layers/demo/landcover_demo.tif") != std::string::npos);
    CHECK(p["classes"] == nlohmann::json::array({3}));
    CHECK(p["table"] == "china_landuse_3diao");
    CHECK(p["min-area"] == 1000000.0);
    CHECK(p["d0"] == 20000.0);
    // forest cells of the demo raster, counted independently (gdalinfo -hist of landcover_demo.tif, class 3)
    CHECK(j["sources"]["habitat_cells"] == kDemoForestCells);
    for (const auto& x : j["patches"]) CHECK(x["area_m2"].get<double>() >= 1000000.0);
    CHECK(j["sources"]["patches"].get<long long>() > 5);
    CHECK(j["links"]["count"].get<long long>() > 5);
    check_html(tmp / "demo");
    const auto rows = style_rows(tmp / "demo/connectivity.gpkg");
    CHECK(rows.size() >= 2);
}
