// distance: Euclidean distance from every cell centre to the nearest feature cell centre, in
// map units, by an exact distance transform (Felzenszwalb & Huttenlocher 2012: lower envelope
// of parabolas, one pass down the columns and one along the rows; non-square cells handled by
// weighting each axis). Feature cells are the cells the features touch (GDAL's all-touched
// rasterizer; --centre for cell-centre rules). Not a cost run with resistance 1: distances are
// straight lines, not 8-neighbour paths.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/params.h"
#include "core/progress.h"

namespace eco::raster {

// Squared distances (map units^2) to the nearest cell with mask != 0; +inf when there is none.
std::vector<double> distance_transform_sq(int width, int height, double cw, double ch, const std::vector<uint8_t>& mask);

const OpSpec& distance_spec();

struct DistanceOptions {
    std::string layer, output;
    std::string like;            // grid of a reference raster; or:
    std::vector<double> extent;  // minx,miny,maxx,maxy with cell
    double cell = 0;
    bool centre = false;
    std::string assume_crs;
    nlohmann::json params;  // the resolved parameters, for the run record (raster_record.h)
};

struct DistanceResult {
    long long feature_cells = 0;
    double max_distance = 0;
    std::string note;
};

DistanceResult distance(const DistanceOptions& opt, const Progress& progress = {});

}  // namespace eco::raster
