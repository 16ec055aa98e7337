// rasterize: a vector layer onto a grid (a reference raster's, or an extent and a cell size).
//   centre       cells whose centre is inside a polygon (and the cells lines and points touch,
//                GDAL's rules): exactly what gdal_rasterize gives, because it is GDAL's rasterizer
//                run on the same grid (GDALRasterizeGeometries on the output file)
//   all-touched  every cell a geometry touches (gdal_rasterize -at)
//   coverage     the exact share of each cell covered by the union of the polygons (0..1, Float32),
//                computed per row from the polygon edges (raster_coverage.h)
// Burns a constant (--burn) or a numeric attribute (--attribute); later features overwrite
// earlier ones, as in gdal_rasterize.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/params.h"
#include "core/progress.h"
#include "raster/raster_io.h"

namespace eco::raster {

const OpSpec& rasterize_spec();

struct RasterizeOptions {
    std::string layer;   // "file" or "file:layer"
    std::string output;
    std::string like;    // reference raster (its grid); or:
    std::vector<double> extent;  // minx,miny,maxx,maxy in the layer's CRS (or `crs`)
    double cell = 0;
    std::string crs;     // grid CRS with extent mode (default: the layer's)
    std::string mode = "centre";  // centre | all-touched | coverage
    std::optional<double> burn;   // default 1
    std::string attribute;
    double nodata = 0;            // value of cells no feature reaches
    std::string type = "Float32"; // Byte, Int16, Int32, Float32, Float64 (coverage: always Float32)
    std::string assume_crs;
    bool overviews = false;
    nlohmann::json params;  // the resolved parameters, for the run record (raster_record.h)
};

struct RasterizeResult {
    Grid grid;
    long long features = 0;     // features burnt
    long long skipped = 0;      // features with nothing to burn (coverage: non-polygons; null attribute)
    std::string note;           // reprojection and rejected features
};

RasterizeResult rasterize(const RasterizeOptions& opt, const Progress& progress = {});

// Builds the grid of the extent mode: origin (minx, maxy), ceil(size / cell) cells each way.
Grid grid_from_extent(const std::vector<double>& extent, double cell, const std::string& crs_wkt);

}  // namespace eco::raster
