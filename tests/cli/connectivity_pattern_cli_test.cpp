// End-to-end: `ecoshield connectivity corridors|pinch|barriers` and the pattern outputs of
// `connectivity run` on the gorilla sanctuary vegetation raster: files, layers, styles, GeoTIFF nodata,
// report fields, same bytes whatever the thread count, bad inputs.
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "io/gdal_util.h"
#include "../test_util.h"

namespace fs = std::filesystem;

namespace {

const std::string kIn = "--landcover tests/data/rasters/gorillas_vegetation_utm32n.tif --classes 4 --min-area 10000 "
                        "--table gorillas_vegetation";

bool has_style(GDALDataset* ds, const std::string& layer) {
    OGRLayer* s = ds->ExecuteSQL(("SELECT count(*) FROM layer_styles WHERE f_table_name = '" + layer +
                                  "' AND useAsDefault = 1").c_str(), nullptr, nullptr);
    if (!s) return false;
    bool ok = false;
    if (auto f = std::unique_ptr<OGRFeature>(s->GetNextFeature())) ok = f->GetFieldAsInteger(0) == 1;
    ds->ReleaseResultSet(s);
    return ok;
}

void check_tif(const std::string& path) {
    eco::io::gdal_init();
    eco::io::Dataset d(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(d);
    int has = 0;
    CHECK(d->GetRasterBand(1)->GetNoDataValue(&has) == -9999.0);
    CHECK(has);
    CHECK(std::string(d->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") ? d->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") : "") == "DEFLATE");
    CHECK(d->GetMetadataItem("ECOSHIELD_RUN") != nullptr);
}

}  // namespace

TEST_CASE("cli connectivity corridors / pinch / barriers on the gorilla raster", "[cli][graph][pattern]") {
    testutil::TempDir tmp;
    auto r = testutil::run_cli("-q connectivity corridors " + kIn + " --corridor-width 300 --out " + testutil::q(tmp / "c"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"corridors.gpkg", "corridors.tif", "corridors.csv", "report.json"}) CHECK(fs::exists(tmp / ("c/" + std::string(f))));
    check_tif(tmp / "c/corridors.tif");
    auto j = nlohmann::json::parse(testutil::read_text(tmp / "c/report.json"));
    CHECK(j["operation"] == "connectivity corridors");
    const auto nl = j["links"]["count"].get<std::size_t>();
    REQUIRE(nl > 0);
    REQUIRE(j["corridors"]["list"].size() == nl);
    for (const auto& c : j["corridors"]["list"]) CHECK(c["lcd_check"].get<double>() == Approx(c["lcd"].get<double>()).epsilon(1e-9));
    {
        eco::io::gdal_init();
        eco::io::Dataset ds(GDALDataset::Open((tmp / "c/corridors.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        REQUIRE(ds);
        OGRLayer* l = ds->GetLayerByName("corridors");
        REQUIRE(l);
        CHECK(static_cast<std::size_t>(l->GetFeatureCount()) == nl);
        CHECK(has_style(ds.get(), "corridors"));
        // polygon area = corridor cells x cell area (pixel polygons: exact)
        for (auto& f : *l) {
            const auto* g = f->GetGeometryRef();
            const double a = g ? g->toMultiPolygon()->get_Area() : 0.0;
            CHECK(a == Approx(f->GetFieldAsDouble("area_m2")).epsilon(1e-9));
        }
        CHECK(ds->GetLayerByName("links")->GetLayerDefn()->GetFieldIndex("cwd_ratio") >= 0);
    }

    auto p = testutil::run_cli("-q connectivity pinch " + kIn + " --corridor-width 300 --out " + testutil::q(tmp / "p"));
    INFO(p.out);
    REQUIRE(p.status == 0);
    check_tif(tmp / "p/current.tif");
    auto jp = nlohmann::json::parse(testutil::read_text(tmp / "p/report.json"));
    CHECK(jp["pinch_points"]["failed"] == 0);
    for (const auto& c : jp["corridors"]["list"]) CHECK(c["r_eff"].get<double>() > 0);
    // wider corridors: every R_eff drops (or stays)
    auto p2 = testutil::run_cli("-q connectivity pinch " + kIn + " --corridor-width 1500 --out " + testutil::q(tmp / "p2"));
    REQUIRE(p2.status == 0);
    auto jp2 = nlohmann::json::parse(testutil::read_text(tmp / "p2/report.json"));
    for (std::size_t k = 0; k < nl; ++k)
        CHECK(jp2["corridors"]["list"][k]["r_eff"].get<double>() <= jp["corridors"]["list"][k]["r_eff"].get<double>() * (1 + 1e-9));

    auto b = testutil::run_cli("-q connectivity barriers " + kIn + " --barrier-radii 1,3 --barrier-top 4 --out " + testutil::q(tmp / "b"));
    INFO(b.out);
    REQUIRE(b.status == 0);
    check_tif(tmp / "b/barriers.tif");
    auto jb = nlohmann::json::parse(testutil::read_text(tmp / "b/report.json"));
    CHECK(jb["barriers"]["top"].size() <= 4);
    for (const auto& w : jb["barriers"]["top"]) {
        CHECK(w["score"].get<double>() > 0);
        CHECK(w["lcd_restored"].get<double>() < w["lcd"].get<double>());
    }
    eco::io::Dataset ds(GDALDataset::Open((tmp / "b/barriers.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    REQUIRE(ds->GetLayerByName("barriers"));
    CHECK(static_cast<std::size_t>(ds->GetLayerByName("barriers")->GetFeatureCount()) == jb["barriers"]["top"].size());
    CHECK(has_style(ds.get(), "barriers"));
    // barrier scores >= 0 in the raster
    eco::io::Dataset t(GDALDataset::Open((tmp / "b/barriers.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    const int W = t->GetRasterXSize(), H = t->GetRasterYSize();
    std::vector<float> v(static_cast<std::size_t>(W) * H);
    REQUIRE(t->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, W, H, v.data(), W, H, GDT_Float32, 0, 0, nullptr) == CE_None);
    std::size_t set = 0;
    for (float x : v)
        if (x != -9999.f) {
            ++set;
            CHECK(x >= 0);
        }
    CHECK(set > 0);

    // same bytes whatever the thread count
    auto b1 = testutil::run_cli("-q --threads 1 connectivity barriers " + kIn + " --barrier-radii 1,3 --barrier-top 4 --out " + testutil::q(tmp / "b1"));
    REQUIRE(b1.status == 0);
    CHECK(testutil::read_text(tmp / "b1/corridors.csv") == testutil::read_text(tmp / "b/corridors.csv"));
    // (the files' run records differ by --out: compare the cells)
    eco::io::Dataset t1(GDALDataset::Open((tmp / "b1/barriers.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(t1);
    std::vector<float> v1(v.size());
    REQUIRE(t1->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, W, H, v1.data(), W, H, GDT_Float32, 0, 0, nullptr) == CE_None);
    CHECK(v1 == v);
}

TEST_CASE("cli connectivity run: corridors, pinch points and barriers in the outputs", "[cli][graph][pattern]") {
    testutil::TempDir tmp;
    auto r = testutil::run_cli("-q connectivity run " + kIn + " --corridor-width 300 --out " + testutil::q(tmp / "o"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    for (const char* f : {"connectivity.gpkg", "corridors.tif", "current.tif", "barriers.tif", "corridors.csv", "report.json"})
        CHECK(fs::exists(tmp / ("o/" + std::string(f))));
    auto j = nlohmann::json::parse(testutil::read_text(tmp / "o/report.json"));
    REQUIRE(j.contains("corridors"));
    REQUIRE(j.contains("pinch_points"));
    REQUIRE(j.contains("barriers"));
    eco::io::gdal_init();
    for (const auto& l : j["link_list"]) {
        CHECK(l["r_eff"].get<double>() > 0);
        CHECK(l["cwd_ratio"].get<double>() >= 1.0);  // the lowest resistance of the table is 1
    }
    eco::io::Dataset ds(GDALDataset::Open((tmp / "o/connectivity.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    for (const char* l : {"patches", "links", "corridors", "barriers"}) CHECK(ds->GetLayerByName(l));
    OGRLayer* links = ds->GetLayerByName("links");
    for (auto& f : *links) {
        CHECK(f->IsFieldSetAndNotNull(f->GetFieldIndex("r_eff")));
        CHECK(f->GetFieldAsDouble("cwd_ratio") == Approx(f->GetFieldAsDouble("cost") / f->GetFieldAsDouble("length_m")).epsilon(1e-12));
    }
    CHECK(has_style(ds.get(), "corridors"));
    CHECK(has_style(ds.get(), "barriers"));
    // --no-corridors: none of it
    auto n = testutil::run_cli("-q connectivity run " + kIn + " --no-corridors --out " + testutil::q(tmp / "n"));
    REQUIRE(n.status == 0);
    CHECK(!fs::exists(tmp / "n/corridors.tif"));
}

TEST_CASE("cli connectivity pattern: bad inputs exit 2 naming the operation", "[cli][graph][pattern]") {
    testutil::TempDir tmp;
    auto r = testutil::run_cli("-q connectivity pinch " + kIn + " --circuit-average median --out " + testutil::q(tmp / "x"));
    CHECK(r.status == 2);
    CHECK(r.out.find("connectivity pinch: --circuit-average") != std::string::npos);
    auto r2 = testutil::run_cli("-q connectivity barriers " + kIn + " --barrier-radii 1.5 --out " + testutil::q(tmp / "y"));
    CHECK(r2.status == 2);
    CHECK(r2.out.find("connectivity barriers: --barrier-radii") != std::string::npos);
    auto r3 = testutil::run_cli("-q connectivity corridors " + kIn + " --resistance nowhere.tif --out " + testutil::q(tmp / "z"));
    CHECK(r3.status == 2);
    CHECK(r3.out.find("not both") != std::string::npos);
}

TEST_CASE("cli connectivity corridors with no raster: the Taizhou demo with connectivity run's defaults",
          "[cli][graph][pattern][demo]") {
    testutil::TempDir tmp;
    // --corridor-max-lcd 0: no corridor is cut (keeps the test short); patches and links are what is checked
    auto r = testutil::run_cli("-q connectivity corridors --corridor-max-lcd 0 --out " + testutil::q(tmp / "d"));
    INFO(r.out);
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(testutil::read_text(tmp / "d/report.json"));
    const auto& p = j["parameters"];
    // the defaults documented for `connectivity run` (README, pipeline_run.cpp)
    CHECK(p["landcover"].get<std::string>().find("layers/demo/landcover_demo.tif") != std::string::npos);
    CHECK(p["classes"] == nlohmann::json::array({3}));
    CHECK(p["table"] == "china_landuse_3diao");
    CHECK(p["min-area"] == 1000000.0);
    CHECK(p["links"] == "planar");
    CHECK(j["note"].get<std::string>().find("Taizhou demo") != std::string::npos);
    // forest (class 3) cells of landcover_demo.tif counted by gdalinfo -hist, not by ecoshield
    CHECK(j["sources"]["habitat_cells"] == 319394);
    // an explicit option still wins over the demo default
    auto c = testutil::run_cli("-q connectivity corridors --links complete --max-distance 1 --corridor-max-lcd 0 --out " +
                               testutil::q(tmp / "e"));
    REQUIRE(c.status == 0);
    auto je = nlohmann::json::parse(testutil::read_text(tmp / "e/report.json"));
    CHECK(je["parameters"]["links"] == "complete");
}

TEST_CASE("cli connectivity pattern: no patch, one patch, corridor width 0, barrier radius 0", "[cli][graph][pattern]") {
    testutil::TempDir tmp;
    const std::string lc = "--landcover tests/data/rasters/gorillas_vegetation_utm32n.tif --classes 4 --table gorillas_vegetation";
    // no patch reaches the minimum area (the sanctuary is about 5,600 ha, far below 10^9 m2): exit 2, naming the
    // raster and the option to change, for the step commands and for run
    for (const char* cmd : {"corridors", "run"}) {
        auto r = testutil::run_cli("-q connectivity " + std::string(cmd) + " " + lc + " --min-area 1e9 --out " +
                                   testutil::q(tmp / (std::string("n") + cmd)));
        INFO(r.out);
        CHECK(r.status == 2);
        CHECK(r.out.find("gorillas_vegetation_utm32n.tif") != std::string::npos);
        CHECK(r.out.find("lower --min-area") != std::string::npos);
    }
    // a habitat class that is not in the raster: names the raster
    auto nc = testutil::run_cli("-q connectivity corridors --landcover tests/data/rasters/gorillas_vegetation_utm32n.tif "
                                "--classes 9 --table gorillas_vegetation --out " + testutil::q(tmp / "nc"));
    CHECK(nc.status == 2);
    CHECK(nc.out.find("gorillas_vegetation_utm32n.tif") != std::string::npos);
    // one patch: nothing to connect, said in the output and in report.json, no corridor
    auto one = testutil::run_cli("connectivity corridors " + lc + " --min-area 3000000 --out " + testutil::q(tmp / "one"));
    INFO(one.out);
    REQUIRE(one.status == 0);
    CHECK(one.out.find("only one habitat patch") != std::string::npos);
    auto j1 = nlohmann::json::parse(testutil::read_text(tmp / "one/report.json"));
    CHECK(j1["sources"]["patches"] == 1);
    CHECK(j1["corridors"]["list"].empty());
    CHECK(j1["note"].get<std::string>().find("only one habitat patch") != std::string::npos);
    auto onerun = testutil::run_cli("connectivity run " + lc + " --min-area 3000000 --out " + testutil::q(tmp / "onerun"));
    REQUIRE(onerun.status == 0);
    CHECK(onerun.out.find("only one habitat patch") != std::string::npos);
    // corridor width 0: every corridor is the set of cells on a least-cost path (N = 0), so never empty
    // unless the two patches touch diagonally; the note says what width 0 means
    auto w0 = testutil::run_cli("-q connectivity corridors " + lc + " --min-area 10000 --corridor-width 0 --out " +
                                testutil::q(tmp / "w0"));
    REQUIRE(w0.status == 0);
    auto jw = nlohmann::json::parse(testutil::read_text(tmp / "w0/report.json"));
    CHECK(jw["note"].get<std::string>().find("--corridor-width 0") != std::string::npos);
    // a wider cut contains the narrower one (N <= 0 implies N <= 300): cell counts can only grow
    auto w3 = testutil::run_cli("-q connectivity corridors " + lc + " --min-area 10000 --corridor-width 300 --out " +
                                testutil::q(tmp / "w3"));
    REQUIRE(w3.status == 0);
    auto j3 = nlohmann::json::parse(testutil::read_text(tmp / "w3/report.json"));
    REQUIRE(jw["corridors"]["list"].size() == j3["corridors"]["list"].size());
    REQUIRE(!jw["corridors"]["list"].empty());
    for (std::size_t k = 0; k < jw["corridors"]["list"].size(); ++k)
        CHECK(jw["corridors"]["list"][k]["cells"].get<long long>() <= j3["corridors"]["list"][k]["cells"].get<long long>());
    // negative width, radius 0: exit 2 naming the option
    auto wn = testutil::run_cli("-q connectivity corridors " + lc + " --corridor-width -5 --out " + testutil::q(tmp / "wn"));
    CHECK(wn.status == 2);
    CHECK(wn.out.find("--corridor-width") != std::string::npos);
    auto r0 = testutil::run_cli("-q connectivity barriers " + lc + " --barrier-radii 0 --out " + testutil::q(tmp / "r0"));
    CHECK(r0.status == 2);
    CHECK(r0.out.find("--barrier-radii") != std::string::npos);
}
