// connectivity run, step 1: ecological sources from a land cover raster. Habitat classes -> binary
// habitat -> (optionally MSPA core, GuidosToolbox codes 17 and 117) -> patches: 4- or 8-connected
// components of the source cells, at least a minimum area. Each patch is a node with its area (m2,
// planar in the raster's CRS: cells x cell area) and the centroid of its cell centres.
//
// Patch numbering: patches are numbered 1..n in the order of their first cell (row-major scan), after
// small patches are dropped, so the same raster always gives the same ids.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "graph/mspa.h"
#include "raster/raster_io.h"

namespace eco::graph {

// A land cover raster held in memory (band 1): class per cell, valid = not nodata.
struct LandCover {
    std::string path;  // for messages (read_land_cover sets it)
    raster::Grid grid;
    std::vector<int32_t> cls;
    std::vector<uint8_t> valid;
};
// Reads the whole raster; throws BadInput (op-prefixed) when it is not an integer raster.
LandCover read_land_cover(const std::string& path, const std::string& op, const std::string& assume_crs = "");

struct PatchOptions {
    std::vector<long long> habitat_classes;
    int connectivity = 8;    // 4 or 8
    double min_area_m2 = 0;  // patches smaller than this are dropped
    bool mspa_core = false;  // sources = MSPA core of the habitat, not the whole habitat
    MspaOptions mspa;        // its parameters (connectivity follows `connectivity`)
};

struct Patches {
    raster::Grid grid;
    std::vector<int32_t> label;  // per cell: patch id 1..n, 0 elsewhere
    std::vector<long long> cells;             // per patch (index id-1)
    std::vector<double> area_m2, cx, cy;      // area, centroid of the cell centres
    long long habitat_cells = 0;              // cells of the habitat classes
    long long source_cells = 0;               // habitat cells (or MSPA core cells) before the area filter
    long long dropped_patches = 0, dropped_cells = 0;  // below the minimum area
    std::size_t count() const { return cells.size(); }
};

// Throws BadInput when no habitat class is given, when connectivity is not 4 or 8, or when none of the
// habitat classes occurs in the raster (naming the classes present).
Patches find_patches(const LandCover& lc, const PatchOptions& opt, const std::string& op);

// The bundled Taizhou demo (no "landcover" in the resolved parameters `prm`: returns false and changes
// nothing when one is given), one set of defaults for `connectivity run` and its subcommands:
// layers/demo/landcover_demo.tif, classes 3 (forest), table china_landuse_3diao (unless a "resistance"
// raster is given), min-area 1000000 m2 = 100 ha (unless "min-area-ha" is given), links planar, and d0 20000
// where the command has a "d0". Values already given are kept.
bool apply_demo_defaults(nlohmann::json& prm);
// --classes: whole numbers (class codes); BadInput naming the operation otherwise.
std::vector<long long> habitat_classes(const nlohmann::json& classes, const std::string& op);

}  // namespace eco::graph
