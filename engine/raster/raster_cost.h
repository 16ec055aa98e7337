// cost: accumulated cost distance from sources over a resistance raster (Dijkstra on the whole
// grid with a monotone radix heap over the costs' bit patterns, double-precision accumulation).
//
// Conventions (the same as GRASS r.cost, so results compare):
//   - a step between neighbouring cells a and b costs (r_a + r_b) / 2 x step length;
//   - 8 neighbours by default; with knight's moves (16 neighbours) a knight step costs the mean
//     of the 4 cells it crosses (start, end and the two cells between) x its length (GRASS -k);
//   - step lengths in map units by default (cell width, cell height, their diagonal, ...);
//     with --units cells they are divided by the cell width (GRASS: 1, sqrt 2, sqrt 5 for square cells);
//   - nodata resistance cells are impassable (left nodata); a knight step needs both crossed cells;
//   - ties: a cell reached at exactly the same cost from two sources goes to the lower source id.
// Memory: the search works on 16 bytes per cell (24 for double resistances; raster_cost_grid.h)
// plus the heap; cost_run then copies out to CostState (13 bytes per cell) band by band, handing
// the working rows back as it goes. The `cost` command writes straight from the working grid.
// Search: Dijkstra in parallel tiles (raster_cost.cpp explains); same
// results as a strictly ordered Dijkstra (tests/raster_cost_test.cpp checks against one).
// Outputs: accumulated cost (Float64), allocation (Int32: the id of the nearest source) and
// back-links (Float32: degrees counter-clockwise from east towards the next cell on the way to
// the source, GRASS r.cost's "outdir" convention; 0 at the sources).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/params.h"
#include "core/progress.h"

namespace eco::raster {

struct CostSetup {
    int width = 0, height = 0;
    double cw = 1, ch = 1;
    bool knight = false;
    bool cell_units = false;
    // tuning of the parallel search (never changes the result): tile side in cells and the
    // width of a round's cost band in cells at the typical resistance; 0 = the defaults
    int tile = 0;
    double band_cells = 0;
};

struct Grid;
// The setup of a search over the cells of a grid.
CostSetup cost_setup(const Grid& g, bool knight, bool cell_units = false);

struct CostState {
    std::vector<double> acc;     // accumulated cost; +inf where unreached
    std::vector<int32_t> alloc;  // source id; 0 where unreached
    std::vector<uint8_t> dir;    // 0 unreached, kSourceDir at sources, else 1..16: move towards the predecessor
};
constexpr uint8_t kSourceDir = 31;

// The moves: row and column offsets of move k (1-based, 1..8 the 8 neighbours, 9..16 knight).
struct Move {
    int dr, dc;
};
const Move& cost_move(int k);
// Degrees counter-clockwise from east of move k (GRASS r.cost direction convention).
double cost_move_degrees(int k);

// Runs Dijkstra. `res` has width*height values, NaN for impassable cells (all others must be
// > 0). `sources` are (cell index, id > 0), sorted or not; a cell listed twice keeps the lowest
// id. Implemented for float and double resistances.
template <class R>
void cost_run(const CostSetup& setup, const R* res, const std::vector<std::pair<uint64_t, int32_t>>& sources,
              CostState& out, const Progress& progress = {});

const OpSpec& cost_spec();

struct CostOptions {
    std::string resistance;
    std::string sources;  // vector layer: points, lines or polygons ("file" or "file:layer")
    std::string id_field; // integer field giving the source ids (default: the feature ids)
    std::string out_cost, out_alloc, out_backlink;
    bool knight = false;
    bool cell_units = false;
    std::string assume_crs;
    nlohmann::json params;  // the resolved parameters, for the run record (raster_record.h)
};

struct CostResult {
    long long sources = 0, source_cells = 0, reached = 0, impassable = 0;
    double max_cost = 0;
    std::string note;
};

CostResult cost(const CostOptions& opt, const Progress& progress = {});

}  // namespace eco::raster
