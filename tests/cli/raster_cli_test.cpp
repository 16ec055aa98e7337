// End-to-end: the raster commands on the real rasters in tests/data/rasters (reclass, zonal,
// cost, path, rasterize, distance), the bad inputs, and same bytes whatever the thread count.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const std::string kData = ECOSHIELD_TEST_DATA "/rasters/";

struct Run {
    int rc;
    std::string err;
};

Run eco(const std::string& args, const fs::path& dir) {
    fs::path err = dir / "stderr.txt";
    std::string cmd = std::string(ECOSHIELD_BINARY) + " -q " + args + " 2> '" + err.string() + "'";
    int st = std::system(cmd.c_str());
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    return {WEXITSTATUS(st), ss.str()};
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path tmpdir() {
    fs::path p = fs::temp_directory_path() / ("ecoshield_rastercli_" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p;
}

}  // namespace

TEST_CASE("cli raster: land cover -> resistance -> cost -> path, zonal, on real rasters", "[cli][raster]") {
    auto d = tmpdir();
    const std::string t = d.string() + "/";
    auto r = eco("reclass " + kData + "gorillas_vegetation_utm32n.tif --table gorillas_vegetation -o " + t + "res.tif", d);
    INFO(r.err);
    REQUIRE(r.rc == 0);
    r = eco("reclass " + kData + "nlcd_puertorico.tif --table nlcd -o " + t + "nlcd_res.tif", d);
    REQUIRE(r.rc == 0);
    r = eco("cost " + t + "res.tif " + kData + "gorillas_sources.gpkg -o " + t + "cost.tif --allocation " + t +
                "alloc.tif --backlink " + t + "back.tif",
            d);
    INFO(r.err);
    REQUIRE(r.rc == 0);
    r = eco("path " + t + "back.tif " + kData + "gorillas_targets.gpkg --cost " + t + "cost.tif --allocation " + t +
                "alloc.tif -o " + t + "paths.gpkg",
            d);
    INFO(r.err);
    REQUIRE(r.rc == 0);
    CHECK(fs::exists(t + "paths.gpkg"));
    r = eco("zonal " + kData + "gorillas_vegetation_utm32n.tif " + kData + "gorillas_zones.gpkg -o " + t + "z.gpkg --csv " + t +
                "z.csv --categorical yes",
            d);
    INFO(r.err);
    REQUIRE(r.rc == 0);
    std::string csv = slurp(t + "z.csv");
    CHECK(csv.find("majority") != std::string::npos);
    CHECK(csv.find("4,4,smaller than a cell,0.1060") != std::string::npos);  // 100 m2 of a 943 m2 cell
    // the zones given in lon/lat: reprojected, and said so
    r = eco("zonal " + t + "cost.tif " + kData + "gorillas_zones_wgs84.geojson --csv " + t + "zc.csv", d);
    CHECK(r.rc == 0);
    CHECK(r.err.find("reprojected") != std::string::npos);
    r = eco("rasterize " + kData + "gorillas_zones.gpkg --like " + kData + "gorillas_vegetation_utm32n.tif --mode coverage -o " +
                t + "cov.tif",
            d);
    CHECK(r.rc == 0);
    r = eco("distance " + kData + "gorillas_sources.gpkg --like " + kData + "gorillas_vegetation_utm32n.tif -o " + t + "dist.tif", d);
    CHECK(r.rc == 0);
    fs::remove_all(d);
}

TEST_CASE("cli raster: same output bytes with 1 and 2 threads", "[cli][raster]") {
    auto d = tmpdir();
    const std::string t = d.string() + "/";
    for (int th : {1, 2}) {
        const std::string n = std::to_string(th);
        REQUIRE(eco("--threads " + n + " reclass " + kData + "gorillas_vegetation_utm32n.tif --table gorillas_vegetation -o " + t +
                        "res" + n + ".tif",
                    d)
                    .rc == 0);
        REQUIRE(eco("--threads " + n + " cost " + t + "res1.tif " + kData + "gorillas_zones.gpkg --knight -o " + t + "cost" + n +
                        ".tif --allocation " + t + "alloc" + n + ".tif",
                    d)
                    .rc == 0);
        REQUIRE(eco("--threads " + n + " zonal " + t + "cost" + n + ".tif " + kData + "gorillas_zones.gpkg --csv " + t + "z" + n +
                        ".csv",
                    d)
                    .rc == 0);
        REQUIRE(eco("--threads " + n + " rasterize " + kData + "gorillas_zones.gpkg --like " + t + "res1.tif --mode coverage -o " +
                        t + "cov" + n + ".tif",
                    d)
                    .rc == 0);
    }
    for (const char* f : {"res", "cost", "alloc", "cov"}) {
        INFO(f);
        CHECK(slurp(t + f + "1.tif") == slurp(t + f + "2.tif"));
    }
    CHECK(slurp(t + "z1.csv") == slurp(t + "z2.csv"));
    fs::remove_all(d);
}

TEST_CASE("cli raster: bad inputs are refused with clear messages", "[cli][raster]") {
    auto d = tmpdir();
    const std::string t = d.string() + "/";
    // no CRS: refused unless --assume-crs
    auto r = eco("reclass " + kData + "clm_landuse_2km_nocrs.tif --table clm_landuse -o " + t + "clm.tif", d);
    CHECK(r.rc == 2);
    CHECK(r.err.find("has no CRS") != std::string::npos);
    CHECK(r.err.find("--assume-crs") != std::string::npos);
    CHECK_FALSE(fs::exists(t + "clm.tif"));
    r = eco("reclass " + kData + "clm_landuse_2km_nocrs.tif --table clm_landuse --assume-crs EPSG:25830 -o " + t + "clm.tif", d);
    CHECK(r.rc == 0);
    // unknown classes are listed
    r = eco("reclass " + kData + "clm_landuse_2km_nocrs.tif --assume-crs EPSG:25830 --table gorillas_vegetation -o " + t + "x.tif", d);
    CHECK(r.rc == 2);
    CHECK(r.err.find("7 (2039 cells)") != std::string::npos);
    CHECK_FALSE(fs::exists(t + "x.tif"));
    // a resistance of zero in a table names the class
    {
        std::ofstream o(t + "zero.csv");
        o << "class,name,resistance\n1,Disturbed,0\n";
    }
    r = eco("reclass " + kData + "gorillas_vegetation_utm32n.tif --table " + t + "zero.csv -o " + t + "x.tif", d);
    CHECK(r.rc == 2);
    CHECK(r.err.find("class 1 'Disturbed' has resistance 0") != std::string::npos);
    // zero resistance in a raster names the cell
    r = eco("cost " + kData + "nlcd_puertorico.tif " + kData + "gorillas_sources.gpkg -o " + t + "x.tif", d);
    CHECK(r.rc == 2);
    CHECK(r.err.find("resistances must be greater than 0") != std::string::npos);
    // a source outside the raster
    REQUIRE(eco("reclass " + kData + "gorillas_vegetation_utm32n.tif --table gorillas_vegetation -o " + t + "res.tif", d).rc == 0);
    {
        std::ofstream o(t + "far.geojson");
        o << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32632"}},)"
          << R"("features":[{"type":"Feature","properties":{"id":1},"geometry":{"type":"Point","coordinates":[600000,690000]}}]})";
    }
    r = eco("cost " + t + "res.tif " + t + "far.geojson -o " + t + "x.tif", d);
    CHECK(r.rc == 2);
    CHECK(r.err.find("lies outside the resistance raster") != std::string::npos);
    // a corrupt GeoTIFF (truncated copy)
    {
        std::string bytes = slurp(kData + "olinda_dem_utm25s.tif");
        std::ofstream o(t + "broken.tif", std::ios::binary);
        o << bytes.substr(0, bytes.size() / 3);
    }
    r = eco("reclass " + t + "broken.tif --table gorillas_vegetation -o " + t + "x.tif", d);
    INFO(r.err);
    CHECK(r.rc == 2);
    CHECK(r.err.find("broken.tif") != std::string::npos);
    CHECK_FALSE(fs::exists(t + "x.tif"));
    // grids that do not line up
    r = eco("path " + t + "res.tif " + kData + "gorillas_targets.gpkg --cost " + kData + "nlcd_puertorico.tif -o " + t + "p.gpkg", d);
    CHECK(r.rc == 2);
    CHECK(r.err.find("different grids") != std::string::npos);
    fs::remove_all(d);
}
