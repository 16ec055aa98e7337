// connectivity run: least-cost searches from one patch, bounded by a maximum cost and held in a
// window of the grid with buffers local to the search (not full-grid arrays per thread).
//
// Same conventions and the same numbers as the cost engine (engine/raster/raster_cost.h): a step
// costs the mean of the two cells' resistances x its length (knight steps: the mean of the 4 cells
// they cross), NaN resistance is impassable, accumulation in double; among equal costs the back-link
// is the lower move number. Dijkstra's values do not depend on the order equal keys leave the heap,
// so a bounded search gives, for every cell it settles, exactly the value of a full-grid cost_run.
//
// Why the window is exact: every step of length l costs at least r_min x l, so a path of cost <= C is
// at most C / r_min long and stays within that distance of the source patch. The window is the
// patch's bounding box grown by ceil(C / (r_min x min(cw, ch))) + 1 cells (clipped to the grid); every
// cell with cost <= C is found with its exact cost. Unbounded (C = inf or r_min = 0): the whole grid.
#pragma once
#include <cstdint>
#include <limits>
#include <vector>

#include "raster/raster_cost.h"

namespace eco::graph {

// A search workspace; reuse one per thread (buffers are grown, never shrunk; a search resets only the
// cells the previous one touched, so its cost follows the cells it settles, not its window).
struct BoundedSearch {
    int x0 = 0, y0 = 0, w = 0, h = 0;  // the window (columns x0..x0+w-1, rows y0..y0+h-1)
    int grid_w = 0;
    std::vector<double> acc;           // per window cell; +inf unreached
    std::vector<uint8_t> dir;          // 0 unreached, raster::kSourceDir at sources, else the move back
    std::size_t settled = 0;           // cells settled by the last search
    std::vector<uint32_t> touched;     // window cells the last search wrote (reset by the next one)
    std::vector<std::vector<std::pair<double, uint32_t>>> buckets;  // bounded_values_run's queue (kept for reuse)
    int margin = 0;                    // bounded_cost (corridors.h): the window margin the last search needed
    std::size_t local(uint64_t cell) const {
        const int r = static_cast<int>(cell / static_cast<uint64_t>(grid_w)), c = static_cast<int>(cell % static_cast<uint64_t>(grid_w));
        return static_cast<std::size_t>(r - y0) * static_cast<std::size_t>(w) + static_cast<std::size_t>(c - x0);
    }
    bool inside(uint64_t cell) const {
        const int r = static_cast<int>(cell / static_cast<uint64_t>(grid_w)), c = static_cast<int>(cell % static_cast<uint64_t>(grid_w));
        return r >= y0 && r < y0 + h && c >= x0 && c < x0 + w;
    }
};

// The cheapest cell of one patch reached by a search: cost, and the lowest cell index among equal costs.
struct PatchHit {
    int32_t label = 0;
    double cost = std::numeric_limits<double>::infinity();
    uint64_t cell = 0;
};

// Window of the search from `source_cells` (global row-major cell indices) with cost bound `max_cost`.
void bounded_window(const raster::CostSetup& s, const std::vector<uint64_t>& source_cells, double max_cost,
                    double r_min, BoundedSearch& ws);

// Dijkstra from `source_cells` (cost 0) inside the window set by bounded_window, settling cells up to
// `max_cost` (inclusive). For each patch label != 0 and != source_label met on a settled cell, the
// cheapest cell (PatchHit), sorted by label. `label` is the per-cell patch raster (may be null).
std::vector<PatchHit> bounded_cost_run(const raster::CostSetup& s, const float* res, const int32_t* label,
                                       int32_t source_label, const std::vector<uint64_t>& source_cells,
                                       double max_cost, BoundedSearch& ws);

// The accumulated costs only (no back-links, no patch hits) of the same search: every window cell whose cost is
// <= max_cost gets exactly the value bounded_cost_run gives it (+inf elsewhere). A bucket queue (buckets of
// width delta = r_min x the shortest step / 2, so a step always lands in a later bucket) instead of a binary heap,
// label-correcting: a cell is worked again if a cheaper value reaches it later (rounding), so the values are the
// fixed point min over neighbours of (value + step), i.e. Dijkstra's, whatever the order; the buckets are a ring
// of r_max x the longest step / delta (+inf r_max: 4096). `r_min` must be > 0 for
// the buckets (a wrong r_min costs time, not exactness); without it, or with an unbounded or huge max_cost /
// delta, it runs bounded_cost_run. ws.settled: the cells with a value.
void bounded_values_run(const raster::CostSetup& s, const float* res, const std::vector<uint64_t>& source_cells,
                        double max_cost, double r_min, double r_max, BoundedSearch& ws);

// The cells of the least-cost path from `cell` back to the source (global indices, `cell` first).
std::vector<uint64_t> bounded_trace(const BoundedSearch& ws, uint64_t cell);

}  // namespace eco::graph
