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

#include "io/gdal_util.h"
#include "../test_util.h"

namespace fs = std::filesystem;

namespace {

const std::string kRun = std::string("connectivity run --landcover tests/data/rasters/gorillas_vegetation_utm32n.tif "
                                     "--classes 4,5 --table gorillas_vegetation --p0 0.5 --d0 1000");

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
