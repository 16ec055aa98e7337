// path: least-cost paths from target features back to the sources, following the back-link
// raster written by `cost` (--backlink). Each path is a line through cell centres from the
// target's cell to the source cell it reaches, with its accumulated cost (from the cost raster,
// when given), its length in map units and the source id (from the allocation raster, when
// given). A point target starts in the cell it falls in; a line or polygon target starts in
// its cheapest cell (needs the cost raster) or, without one, in its first touched cell.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/params.h"
#include "core/progress.h"

namespace eco::raster {

const OpSpec& path_spec();

struct PathOptions {
    std::string backlink, targets, output;
    std::string cost, allocation;  // optional rasters on the same grid
    std::string assume_crs;
    nlohmann::json params;  // the resolved parameters, for the run record (raster_record.h)
};

struct PathResult {
    long long paths = 0, unreachable = 0;
    std::string note;
};

PathResult trace_paths(const PathOptions& opt, const Progress& progress = {});

}  // namespace eco::raster
