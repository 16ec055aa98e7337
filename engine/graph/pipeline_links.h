// connectivity run, step 2: links between patches over a resistance surface.
//
// Conventions (the cost engine's, engine/raster/raster_cost.h, i.e. GRASS r.cost's, which are also
// Graphab's): a step between neighbouring cells costs the mean of the two cells' resistances times the
// step length in map units (8 neighbours, or 16 with knight's moves); costs are measured from the cells
// of the source patch (cost 0 there) to the nearest cell of the target patch, so a link's cost counts
// half the resistance of its first and last cell and none of the patches' interiors. Paths may cross
// other patches (Graphab's default). Cells with nodata resistance are impassable.
//
// complete: one link per pair of patches that reach each other (within max_distance when set);
// planar: only pairs whose cost-allocation zones touch (8-neighbour contact; 16 with knight's moves),
// Graphab's planar graph.
// Costs (planar_costs = pairwise, and complete): one least-cost search per patch (bounded_cost.h),
// tbb-parallel, same results for any thread count. With max_distance (distance = cost) each search
// stops at that cost and runs in a window of the grid around its patch (exact: a path of cost <= C is
// at most C / r_min long), so the work per patch no longer grows with the whole grid.
// planar_costs = allocation: ONE multi-source cost run from every patch with allocation; the link
// between two patches whose zones touch costs min over touching cell pairs (a in zone u, b in zone v,
// one step apart) of acc(a) + step(a, b) + acc(b), and its path is a's back-links to u, the step, and
// b's back-links to v. This is always the cost of a real path from u to v, so it is >= the pairwise
// least cost; it EQUALS it whenever some least-cost u-v path runs only through the zones of u and v
// (then it crosses from zone u to zone v in one step, and acc = the distance to the zone's own patch
// on both sides). When every least-cost u-v path crosses a third zone w, the planar graph routes u-v
// through w's links instead, and this link's cost is the cheapest path that stays in the two zones.
// Euclidean distance: between the nearest cell centres of the two patches (border to border); with
// distance = euclidean it is the link distance and the path is the straight line between those cells.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/progress.h"
#include "graph/pipeline_patches.h"
#include "raster/raster_reclass.h"

namespace eco::graph {

// Resistance per cell through a reclass table (NaN: impassable, i.e. nodata land cover or a class
// mapped to nodata). Throws BadInput listing classes of the raster missing from the table.
struct Resistance {
    std::vector<float> r;
    double min = 0, max = 0;  // over passable cells
};
Resistance resistance_from_table(const LandCover& lc, const raster::ReclassTable& table, const std::string& op);

struct LinkOptions {
    std::string topology = "complete";  // complete | planar
    std::string distance = "cost";      // cost | euclidean
    std::optional<double> max_distance; // links longer (in the link distance's unit) are dropped
    bool knight = false;
    std::string planar_costs = "pairwise";  // pairwise (one search per patch) | allocation (one run, see above)
};

struct PatchLink {
    std::uint32_t u = 0, v = 0;    // patch indices (id - 1), u < v
    double cost = 0;               // least-cost distance (cost units); NaN with euclidean and no resistance
    double length = 0;             // length of the least-cost path (m), or the Euclidean distance
    double euclid = 0;             // Euclidean distance between the nearest cell centres (m)
    double octile = 0;             // the same pair of cells' 8-neighbour step distance (m)
    double distance = 0;           // the link distance used by the metrics (cost or euclid)
    std::uint64_t near_u = 0, near_v = 0;  // the nearest cells (row * width + col) of the two patches
    std::vector<std::pair<double, double>> path;  // cell centres, from patch u to patch v
};

struct LinksResult {
    std::vector<PatchLink> links;  // sorted by (u, v)
    // unreachable_pairs: candidate pairs with no path (searches without a cost bound); over_max:
    // candidate pairs not linked because their distance is above max_distance (with a bounded cost
    // search this includes pairs that have no path at all: the search cannot tell them apart).
    std::size_t unreachable_pairs = 0, over_max = 0, candidate_pairs = 0;
    std::size_t settled_cells = 0;  // cells settled by all the cost searches together
};

LinksResult patch_links(const Patches& p, const Resistance& res, const LinkOptions& opt, const std::string& op,
                        const Progress& progress = {});

}  // namespace eco::graph
