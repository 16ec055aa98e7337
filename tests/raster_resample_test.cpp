// --resample: a grid offset from the reference is refused without a method and resampled onto
// the reference grid with one (GDAL warper); values worked out by hand. Also the run record
// (software version, parameters, input files with size and SHA-256) in GeoTIFF, GeoPackage and
// the CSV's sidecar.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "io/crs.h"
#include "io/gdal_util.h"
#include "raster/raster_io.h"
#include "raster/raster_reclass.h"
#include "raster/raster_resample.h"
#include "raster/raster_zonal.h"

using namespace eco;
using namespace eco::raster;
namespace fs = std::filesystem;

namespace {

fs::path tmpdir() {
    fs::path p = fs::temp_directory_path() / ("ecoshield_resample_" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
}

std::string wkt3857() {
    auto s = io::srs_from_user("EPSG:3857", "test", "crs");
    char* w = nullptr;
    s->exportToWkt(&w);
    std::string out = w;
    CPLFree(w);
    return out;
}

// 4 x 4 cells of 10 m with top-left (x0, y0); cell (r, c) holds 1 + c + 4 r (1..16)
std::string make_grid(const fs::path& p, double x0, double y0, GDALDataType type = GDT_Float64) {
    Grid g;
    g.width = g.height = 4;
    g.x0 = x0;
    g.y0 = y0;
    g.cw = g.ch = 10;
    g.crs_wkt = wkt3857();
    std::vector<double> v(16);
    for (int i = 0; i < 16; ++i) v[i] = 1 + i;
    WriteOptions wo;
    wo.type = type;
    wo.nodata = -1;
    RasterWriter w(p.string(), g, wo, "test");
    w.write({0, 0, 4, 4}, v.data());
    w.commit();
    return p.string();
}

std::vector<double> read_all(const std::string& path) {
    RasterReader r(path, "test", "raster");
    std::vector<double> v(static_cast<size_t>(r.grid().cells()));
    r.read({0, 0, r.grid().width, r.grid().height}, v.data());
    return v;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// one polygon per reference cell (r, c) for r, c in 0..2, as GeoJSON in EPSG:3857
std::string zones_geojson(const fs::path& p, double x0, double y0) {
    std::ostringstream o;
    o.precision(17);
    o << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[)";
    bool first = true;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            double a = x0 + 10 * c, b = y0 - 10 * r;
            o << (first ? "" : ",") << R"({"type":"Feature","properties":{"cell":)" << r * 3 + c
              << R"(},"geometry":{"type":"Polygon","coordinates":[[[)" << a << "," << b << "],[" << a + 10 << "," << b << "],["
              << a + 10 << "," << b - 10 << "],[" << a << "," << b - 10 << "],[" << a << "," << b << "]]]}}";
            first = false;
        }
    o << "]}";
    std::ofstream(p) << o.str();
    return p.string();
}

}  // namespace

TEST_CASE("resample: half a cell off is refused without --resample, averaged with it", "[raster][resample]") {
    auto d = tmpdir();
    auto src = make_grid(d / "src.tif", 0, 40);
    auto ref = make_grid(d / "ref_half.tif", 5, 35);  // half a cell east and south
    RasterReader rr(ref, "test", "reference");
    CHECK_THROWS_WITH(RasterOnGrid(src, rr.grid(), "", "zonal", "raster", "reference raster"),
                      Catch::Contains("different grids") && Catch::Contains("--resample nearest|bilinear|cubic|mode|average"));
    CHECK_THROWS_WITH(RasterOnGrid(src, rr.grid(), "lanczos", "zonal", "raster", "reference raster"),
                      Catch::Contains("--resample must be one of"));
    {
        RasterOnGrid same(src, RasterReader(src, "t", "r").grid(), "", "zonal", "raster", "reference raster");
        CHECK_FALSE(same.resampled());
        CHECK(same.path() == src);
    }
    RasterOnGrid og(src, rr.grid(), "average", "zonal", "raster", "reference raster");
    CHECK(og.resampled());
    CHECK(og.note().find("average") != std::string::npos);
    auto v = read_all(og.path());
    // each reference cell covers a quarter of four source cells: (v + v+1 + v+4 + v+5) / 4 = v + 2.5
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            INFO("cell " << r << "," << c << ": expected " << 3.5 + c + 4 * r << ", got " << v[r * 4 + c]);
            CHECK(v[r * 4 + c] == Approx(3.5 + c + 4 * r).epsilon(1e-12));
        }
}

TEST_CASE("resample: nearest onto a grid 0.6 cell off takes the next cell down and right", "[raster][resample]") {
    auto d = tmpdir();
    auto src = make_grid(d / "src.tif", 0, 40);
    auto ref = make_grid(d / "ref_06.tif", 6, 34);
    RasterReader rr(ref, "test", "reference");
    RasterOnGrid og(src, rr.grid(), "nearest", "zonal", "raster", "reference raster");
    auto v = read_all(og.path());
    // the centre of reference cell (r, c) is (11 + 10c, 29 - 10r): source cell (r+1, c+1) = 6 + c + 4r
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) {
            INFO("cell " << r << "," << c);
            CHECK(v[r * 4 + c] == 6 + c + 4 * r);
        }
    // the last row and column fall off the source: nodata
    CHECK(v[3] == -1);
    CHECK(v[15] == -1);
}

TEST_CASE("zonal --grid --resample, and the run record in the GeoPackage and beside the CSV", "[raster][resample][record]") {
    auto d = tmpdir();
    auto src = make_grid(d / "src_far.tif", 100000, 200040);
    auto ref = make_grid(d / "ref_far.tif", 100006, 200034);
    auto zones = zones_geojson(d / "zones.geojson", 100006, 200034);
    ZonalOptions o;
    o.raster = src;
    o.zones = zones;
    o.grid = ref;
    o.out_csv = (d / "z.csv").string();
    o.out_gpkg = (d / "z.gpkg").string();
    o.params = {{"grid", ref}, {"resample", nullptr}};
    CHECK_THROWS_AS(zonal(o), BadInput);
    CHECK_THROWS_WITH(zonal(o), Catch::Contains("--resample"));
    o.resample = "nearest";
    o.params["resample"] = "nearest";
    auto res = zonal(o);
    CHECK(res.note.find("resampled onto the grid of the reference raster") != std::string::npos);
    CHECK(res.note.find("nearest") != std::string::npos);
    // zone k = cell (r, c) of the reference grid: mean 6 + c + 4r, area 100 m2
    std::istringstream csv(slurp(d / "z.csv"));
    std::string line;
    std::getline(csv, line);
    CHECK(line.find("mean") != std::string::npos);
    int k = 0;
    while (std::getline(csv, line)) {
        int r = k / 3, c = k % 3;
        std::string expect = "," + std::to_string(6 + c + 4 * r) + ",";  // sum = mean (count 1)
        INFO(line << " should hold " << expect);
        CHECK(line.find(expect) != std::string::npos);
        ++k;
    }
    CHECK(k == 9);
    // run record: sidecar of the CSV and metadata of the GeoPackage
    auto rec = nlohmann::json::parse(slurp(d / "z.csv.run.json"));
    CHECK(rec["software"]["version"] == ECOSHIELD_VERSION);
    CHECK(rec["operation"] == "zonal");
    CHECK(rec["parameters"]["resample"] == "nearest");
    auto facts = io::file_facts(src);
    REQUIRE(rec["inputs"].size() == 3);
    CHECK(rec["inputs"][0]["path"] == src);
    CHECK(rec["inputs"][0]["file"]["size"] == facts.size);
    CHECK(rec["inputs"][0]["file"]["sha256"] == facts.sha256);
    CHECK(rec["inputs"][2]["role"] == "reference raster");
    io::Dataset g(GDALDataset::Open(o.out_gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(g);
    const char* m = g->GetMetadataItem("ECOSHIELD_RUN");
    REQUIRE(m);
    CHECK(nlohmann::json::parse(m) == rec);
}

TEST_CASE("run record in a GeoTIFF: version, parameters, inputs with size and SHA-256", "[raster][record]") {
    auto d = tmpdir();
    auto src = make_grid(d / "classes.tif", 0, 40, GDT_Int32);
    std::ofstream(d / "t.csv") << "class,name,resistance\n";
    {
        std::ofstream t(d / "t.csv");
        t << "class,name,resistance\n";
        for (int i = 1; i <= 16; ++i) t << i << ",c" << i << "," << i * 1.5 << "\n";
    }
    ReclassOptions o;
    o.input = src;
    o.table = (d / "t.csv").string();
    o.output = (d / "res.tif").string();
    o.params = {{"overviews", false}};
    reclass(o);
    io::Dataset ds(GDALDataset::Open(o.output.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    REQUIRE(ds->GetMetadataItem("ECOSHIELD_VERSION"));
    CHECK(std::string(ds->GetMetadataItem("ECOSHIELD_VERSION")) == ECOSHIELD_VERSION);
    const char* m = ds->GetMetadataItem("ECOSHIELD_RUN");
    REQUIRE(m);
    auto rec = nlohmann::json::parse(m);
    INFO(rec.dump(2));
    CHECK(rec["operation"] == "reclass");
    CHECK(rec["parameters"]["overviews"] == false);
    REQUIRE(rec["inputs"].size() == 2);
    CHECK(rec["inputs"][0]["file"]["sha256"] == io::file_facts(src).sha256);
    CHECK(rec["inputs"][1]["role"] == "table");
    CHECK(rec["inputs"][1]["file"]["sha256"] == io::file_facts((d / "t.csv").string()).sha256);
    fs::remove_all(d);
}
