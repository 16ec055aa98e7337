// rasterize: hand-worked 3x3 grids in three modes, and a cell-by-cell cross-check against
// gdal_rasterize (the command-line tool) on a real grid and on random polygons.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "io/crs.h"
#include "raster/raster_io.h"
#include "raster/raster_rasterize.h"

using namespace eco;
using namespace eco::raster;
namespace fs = std::filesystem;

namespace {

fs::path tmpdir(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("ecoshield_" + name + "_" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
}

std::vector<double> read_all(const std::string& path) {
    RasterReader r(path, "test", "raster", "EPSG:3857");
    std::vector<double> v(static_cast<size_t>(r.grid().cells()));
    r.read({0, 0, r.grid().width, r.grid().height}, v.data());
    return v;
}

void write_geojson(const fs::path& p, const std::vector<std::string>& wkts, const std::string& epsg) {
    // a CSV with WKT, converted by GDAL itself
    fs::path csv = p;
    csv.replace_extension(".csv");
    std::ofstream o(csv);
    o << "id,WKT\n";
    for (size_t i = 0; i < wkts.size(); ++i) o << i + 1 << ",\"" << wkts[i] << "\"\n";
    o.close();
    std::string cmd = "ogr2ogr -q -f GeoJSON '" + p.string() + "' '" + csv.string() + "' -a_srs " + epsg +
                      " -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES -lco COORDINATE_PRECISION=15";
    REQUIRE(std::system(cmd.c_str()) == 0);
}

std::vector<double> run_ours(const fs::path& layer, const std::string& like, const std::string& mode, const fs::path& out) {
    RasterizeOptions o;
    o.layer = layer.string();
    o.like = like;
    o.mode = mode;
    o.output = out.string();
    if (mode != "coverage") {
        o.attribute = "id";
        o.type = "Int32";
    }
    rasterize(o);
    return read_all(out.string());
}

// gdal_rasterize on a zero-filled copy of the reference grid
std::vector<double> run_gdal(const fs::path& layer, const std::string& like, bool all_touched, const fs::path& out) {
    std::string cmd = "gdal_create -q -if '" + like + "' -ot Int32 -burn 0 '" + out.string() + "' && gdal_rasterize -q " + (all_touched ? "-at " : "") + "-a id '" +
                      layer.string() + "' '" + out.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return read_all(out.string());
}

Grid g3() {
    Grid g;
    g.width = g.height = 3;
    g.x0 = 1000;  // projected-looking numbers: coordinates under 180 would look like lon/lat
    g.y0 = 1003;
    g.cw = g.ch = 1;
    return g;
}

// a 3x3 reference raster in EPSG:3857 with cells of 1
std::string make_ref3(const fs::path& dir) {
    std::string p = (dir / "ref3.tif").string();
    WriteOptions wo;
    wo.type = GDT_Byte;
    Grid g = g3();
    auto s = io::srs_from_user("EPSG:3857", "test", "crs");
    char* w = nullptr;
    s->exportToWkt(&w);
    g.crs_wkt = w;
    CPLFree(w);
    RasterWriter rw(p, g, wo, "test");
    std::vector<uint8_t> z(9, 0);
    rw.write({0, 0, 3, 3}, z.data());
    rw.commit();
    return p;
}

}  // namespace

TEST_CASE("rasterize: a square on a 3x3 grid in the three modes", "[raster][rasterize]") {
    auto dir = tmpdir("rasterize3");
    std::string ref = make_ref3(dir);
    write_geojson(dir / "sq.geojson", {"POLYGON((1000.6 1000.6, 1002.4 1000.6, 1002.4 1002.4, 1000.6 1002.4, 1000.6 1000.6))"}, "EPSG:3857");
    // centre: only the middle cell's centre (1.5, 1.5) is inside
    auto c = run_ours(dir / "sq.geojson", ref, "centre", dir / "c.tif");
    CHECK(c == std::vector<double>{0, 0, 0, 0, 1, 0, 0, 0, 0});
    // all-touched: every cell
    auto a = run_ours(dir / "sq.geojson", ref, "all-touched", dir / "a.tif");
    CHECK(a == std::vector<double>{1, 1, 1, 1, 1, 1, 1, 1, 1});
    // coverage: corners 0.4 x 0.4 = 0.16, edges 0.4, centre 1
    auto f = run_ours(dir / "sq.geojson", ref, "coverage", dir / "f.tif");
    std::vector<double> want{0.16, 0.4, 0.16, 0.4, 1, 0.4, 0.16, 0.4, 0.16};
    for (size_t i = 0; i < 9; ++i) {
        INFO("cell " << i << " expected " << want[i] << " got " << f[i]);
        CHECK(f[i] == Approx(want[i]).margin(1e-6));  // Float32 output
    }
    fs::remove_all(dir);
}

TEST_CASE("rasterize: same cells as gdal_rasterize on the gorillas grid", "[raster][rasterize][gdal]") {
    auto dir = tmpdir("rasterize_gdal");
    const std::string data = ECOSHIELD_TEST_DATA "/rasters/";
    const std::string like = data + "gorillas_vegetation_utm32n.tif";
    for (bool at : {false, true}) {
        auto ours = run_ours(data + "gorillas_zones.gpkg", like, at ? "all-touched" : "centre", dir / "o.tif");
        auto theirs = run_gdal(data + "gorillas_zones.gpkg", like, at, dir / "g.tif");
        REQUIRE(ours.size() == theirs.size());
        long long diff = 0, burnt = 0;
        for (size_t i = 0; i < ours.size(); ++i) {
            diff += ours[i] != theirs[i];
            burnt += theirs[i] != 0;
        }
        INFO((at ? "all-touched" : "centre") << ": " << diff << " cells differ of " << burnt << " burnt by gdal_rasterize");
        CHECK(burnt > 1000);
        CHECK(diff == 0);
    }
    fs::remove_all(dir);
}

TEST_CASE("rasterize: same cells as gdal_rasterize on random polygons", "[raster][rasterize][gdal]") {
    auto dir = tmpdir("rasterize_rand");
    // a 60 x 45 grid with an awkward origin and cell size
    Grid g;
    g.width = 60;
    g.height = 45;
    g.x0 = 500000.37;
    g.y0 = 3200000.91;
    g.cw = g.ch = 7.3;
    auto s = io::srs_from_user("EPSG:4549", "test", "crs");
    char* w = nullptr;
    s->exportToWkt(&w);
    g.crs_wkt = w;
    CPLFree(w);
    std::string like = (dir / "ref.tif").string();
    {
        WriteOptions wo;
        wo.type = GDT_Byte;
        RasterWriter rw(like, g, wo, "test");
        std::vector<uint8_t> z(static_cast<size_t>(g.cells()), 0);
        rw.write({0, 0, g.width, g.height}, z.data());
        rw.commit();
    }
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> ux(g.minx() - 30, g.maxx() + 30), uy(g.miny() - 30, g.maxy() + 30), ur(5, 90);
    std::vector<std::string> wkts;
    for (int k = 0; k < 25; ++k) {
        double cx = ux(rng), cy = uy(rng);
        int n = 3 + k % 8;
        std::ostringstream o;
        o.precision(15);
        o << "POLYGON((";
        double fx = 0, fy = 0;
        for (int i = 0; i < n; ++i) {
            double a = 2 * M_PI * i / n, r = ur(rng);
            double x = cx + r * std::cos(a), y = cy + r * std::sin(a);
            if (!i) fx = x, fy = y;
            o << x << " " << y << ", ";
        }
        o << fx << " " << fy << "))";
        wkts.push_back(o.str());
    }
    wkts.push_back("LINESTRING(500010 3200010, 500300 3199800, 500400 3200000)");
    wkts.push_back("POINT(500123.4 3200100.2)");
    write_geojson(dir / "r.geojson", wkts, "EPSG:4549");
    for (bool at : {false, true}) {
        auto ours = run_ours(dir / "r.geojson", like, at ? "all-touched" : "centre", dir / "o.tif");
        auto theirs = run_gdal(dir / "r.geojson", like, at, dir / "g.tif");
        long long diff = 0;
        for (size_t i = 0; i < ours.size(); ++i) diff += ours[i] != theirs[i];
        INFO((at ? "all-touched" : "centre") << ": " << diff << " cells differ");
        CHECK(diff == 0);
    }
    fs::remove_all(dir);
}
