// Least-cost corridors between linked patches (Linkage Mapper's normalized least-cost corridors).
//
// For a link (u, v) with least-cost distance LCD (pipeline_links.h):
//   cwd_u(x)  accumulated cost from the cells of patch u (cost 0 there) to cell x, with the cost engine's
//             conventions (engine/raster/raster_cost.h: a step costs the mean of the two cells' resistances
//             times the step length in map units; 8 neighbours, or 16 with knight's moves);
//   N(x) = cwd_u(x) + cwd_v(x) - LCD   the normalized least-cost corridor value (0 on a least-cost path);
//   the corridor is the set of cells with N(x) <= width (cost units), cells of u and v left out
//   (they are the corridor's ends: the circuit's source and ground in pinch.h).
// min over x of cwd_u(x) + cwd_v(x) equals the LCD (every least-cost path cell attains it): `lcd_check`.
//
// Bounded cost searches: a cell can be in the corridor of (u, v) only when cwd_u(x) <= LCD + width and
// cwd_v(x) <= LCD + width, so each patch gets one search (bucket queue, Dijkstra's values) that stops at the largest LCD + width of
// its links (cells beyond stay +inf), kept in the bounding box of the cells it reached. Memory: 8 bytes per
// cell of each box, plus per worker thread the search buffers of the largest window (bounded_cost.h; 9
// bytes per window cell), not full-grid arrays.
//
// The mosaic (Linkage Mapper's "corridor" raster): per cell the minimum N over all corridors holding it,
// NaN elsewhere (also at the end patches' cells). Same results whatever the thread count.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "graph/bounded_cost.h"
#include "graph/pipeline_links.h"
#include "raster/raster_io.h"

namespace eco::graph {

// Accumulated cost from some cells, up to a maximum: +inf beyond it and outside `box`.
struct CostField {
    raster::Window box;
    std::vector<double> acc;  // box.w * box.h values, row-major
    double at(int row, int col) const {
        if (col < box.x || row < box.y || col >= box.x + box.w || row >= box.y + box.h) return kInf;
        return acc[static_cast<std::size_t>(row - box.y) * box.w + (col - box.x)];
    }
    static constexpr double kInf = std::numeric_limits<double>::infinity();
};

// Dijkstra's costs from `sources` (cell indices, cost 0) over `res` (W*H values, NaN impassable) for the cells
// up to `max_cost` only: bounded_window + bounded_values_run (bounded_cost.h: a bucket queue giving exactly
// bounded_cost_run's values; the search is held in the window
// that a cost of max_cost can reach with resistances >= r_min, in buffers local to the window; reuse one
// `ws` per thread), then the settled cells copied into their bounding box. r_max (the highest resistance) sizes
// the bucket ring (bounded_cost.h).
CostField bounded_cost(const raster::CostSetup& s, const float* res, const std::vector<uint64_t>& sources,
                       double max_cost, double r_min, BoundedSearch& ws,
                       double r_max = std::numeric_limits<double>::infinity());

struct CorridorOptions {
    double width = 1000.0;           // cost units (resistance x m); N <= width is in the corridor
    std::optional<double> max_lcd;   // only links with LCD <= this get a corridor (default: every link)
    bool knight = false;             // must match the links' cost runs
    double memory_mb = 4096;         // budget for the cost fields; above it BadInput (say what to narrow)
};

// Whether a link gets a corridor: a finite cost within max_lcd.
inline bool gets_corridor(const PatchLink& L, const CorridorOptions& opt) {
    return std::isfinite(L.cost) && !(opt.max_lcd && L.cost > *opt.max_lcd);
}

struct Corridor {
    std::size_t link = 0;          // index in LinksResult::links
    std::uint32_t u = 0, v = 0;    // patch indices (id - 1)
    double lcd = 0;                // the link's least-cost distance (pipeline_links)
    double lcd_check = 0;          // min over cells of cwd_u + cwd_v (equals lcd up to rounding)
    double length = 0;             // least-cost path length (m)
    double ratio = 0;              // lcd / length ("cwd to path length ratio"); NaN for a zero length
    raster::Window fbox;           // cells where both cost fields are finite (the barriers' window centres)
    raster::Window box;            // within fbox: the bounding box of the cells with N <= width (1 x 1 when none)
    std::vector<float> n;          // box cells: N(x) where N(x) <= width (patch u and v cells included), NaN elsewhere
    long long cells = 0;           // corridor cells (N <= width, not of u or v)
    double area_m2 = 0;            // cells x cell area
};

struct CorridorsResult {
    double width = 0;
    std::vector<Corridor> corridors;   // in link order; links without a finite cost or above max_lcd have none
    std::vector<CostField> fields;     // per patch (index id - 1): the bounded cost field (empty box if unused)
    std::vector<float> mosaic;         // whole grid: min N over the corridors holding the cell, NaN elsewhere
    std::size_t skipped = 0;           // links left out (no finite cost, or above max_lcd)
};

// Called after each batch of corridors `ks` (indices in `corridors`, the CorridorsResult::corridors being
// made, in processing order: see least_cost_corridors) while the cost fields of their end patches are held (`fields`, per patch; others may be empty).
using CorridorBatchFn = std::function<void(const std::vector<Corridor>& corridors, const std::vector<std::size_t>& ks,
                                           const std::vector<CostField>& fields)>;

// Throws BadInput when the width is negative or the grids disagree.
// Links are processed in batches, in order of their higher patch id then the lower one (patch ids follow the
// rows, so a patch's field is held from about its own turn to its last neighbour's, about one row of patches,
// where link order, by the lower id, holds about two); a patch's cost field is made when the first link that
// needs it comes and, unless `keep_fields`, freed after its last one (CorridorsResult::fields then left
// empty); the memory budget applies to the fields held at once. Same results either way (corridors stay
// in link order).
CorridorsResult least_cost_corridors(const Patches& p, const Resistance& res, const LinksResult& links,
                                     const CorridorOptions& opt, const std::string& op, const Progress& progress = {},
                                     const CorridorBatchFn& on_batch = {}, bool keep_fields = true);

// The tolerance under which N counts as <= width (rounding: cwd_u + cwd_v is summed in another order than LCD).
inline double corridor_tolerance(double lcd) { return 1e-9 * std::max(1.0, std::abs(lcd)); }

}  // namespace eco::graph
