// zonal: statistics of a raster inside each polygon of a layer, weighting every cell by the
// exact share of it the polygon covers (raster_coverage.h: a cell half inside counts half).
//   count  = sum of coverage fractions of valid (non-nodata) cells; area = count x cell area
//   sum    = sum of fraction x value; mean = sum / count
//   min, max over cells with a fraction > 0; stdev = fraction-weighted population deviation
//   categorical rasters: the area of every class, the majority (largest area; ties: lowest
//   class) and the variety (number of classes present)
// Polygons partly outside the raster, or smaller than a cell, get the statistics of the part
// that overlaps; a polygon that covers no valid cell gets count 0 and empty statistics.
// The raster is read band by band (memory: one band plus the polygons); polygons are
// processed in parallel within a band, each by one task, so results do not depend on threads.
#pragma once
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/params.h"
#include "core/progress.h"
#include "raster/raster_coverage.h"
#include "raster/raster_io.h"

namespace eco::raster {

struct ZoneStats {
    double count = 0;   // sum of fractions over valid cells
    double nodata = 0;  // sum of fractions over nodata cells
    double sum = 0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    double wmean = 0, m2 = 0;  // weighted running mean and squared deviations (West 1979)
    std::map<long long, double> classes;  // class -> sum of fractions
    double mean() const { return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN(); }
    double stdev() const;
    long long majority() const;  // lowest class among the largest; meaningless when classes is empty
    void add(double value, double frac, bool categorical);
};

// Statistics for each polygon (in the raster's CRS).
std::vector<ZoneStats> zonal_stats(const RasterReader& raster, const std::vector<CoverPolygon>& zones, bool categorical,
                                   const Progress& progress = {});

const OpSpec& zonal_spec();

struct ZonalOptions {
    std::string raster, zones;  // zones: "file" or "file:layer"
    std::string out_gpkg, out_csv;
    std::string categorical = "auto";  // auto | yes | no
    std::string assume_crs;
    std::string grid;      // reference raster: the statistics are taken on its grid (the raster must lie on it, or:)
    std::string resample;  // nearest | bilinear | cubic | mode | average: resample the raster onto `grid` (GDAL warper)
    nlohmann::json params;  // the resolved parameters, for the run record (raster_record.h)
};

struct ZonalResult {
    long long zones = 0;
    bool categorical = false;
    std::string note;
};

ZonalResult zonal(const ZonalOptions& opt, const Progress& progress = {});

}  // namespace eco::raster
