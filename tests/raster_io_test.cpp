// raster_io: grids, block windows, refusals (no CRS, different grids), temporary files.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>

#include "core/error.h"
#include "raster/raster_io.h"

using namespace eco;
using namespace eco::raster;
namespace fs = std::filesystem;

TEST_CASE("raster io: block windows cover the grid once", "[raster][io]") {
    auto w = block_windows(600, 300, 256, 256);
    REQUIRE(w.size() == 6);
    long long cells = 0;
    for (auto& x : w) cells += x.cells();
    CHECK(cells == 600 * 300);
    CHECK(w.back().w == 600 - 512);
    CHECK(w.back().h == 300 - 256);
}

TEST_CASE("raster io: refusals and temporary files", "[raster][io]") {
    const std::string data = ECOSHIELD_TEST_DATA "/rasters/";
    CHECK_THROWS_WITH(RasterReader(data + "clm_landuse_2km_nocrs.tif", "op", "raster"), Catch::Contains("has no CRS"));
    RasterReader a(data + "clm_landuse_2km_nocrs.tif", "op", "raster", "EPSG:25830");
    CHECK(a.grid().crs_assumed);
    CHECK(a.nodata() == -9999);
    RasterReader b(data + "gorillas_vegetation_utm32n.tif", "op", "raster");
    CHECK_THROWS_WITH(require_same_grid(a.grid(), b.grid(), "op", "land use", "vegetation"),
                      Catch::Contains("different grids"));
    CHECK_NOTHROW(require_same_grid(b.grid(), b.grid(), "op", "a", "b"));
    CHECK_THROWS_WITH(RasterReader(data + "missing.tif", "op", "raster"), Catch::Contains("does not exist"));
    fs::path dir = fs::temp_directory_path() / ("ecoshield_rio_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        WriteOptions wo;
        wo.type = GDT_Byte;
        RasterWriter w((dir / "never.tif").string(), b.grid(), wo, "op");
        // destroyed without commit: nothing is left behind
    }
    CHECK(fs::is_empty(dir));
    fs::remove_all(dir);
}
