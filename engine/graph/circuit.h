// Circuit theory on a resistance grid (McRae 2006; McRae et al. 2008; Circuitscape's "advanced"
// mode with one source region and one ground region).
//
// Nodes are the grid cells with a finite positive resistance (cells with nodata, r <= 0 or
// r = inf are barriers). Neighbours are joined as Circuitscape does (Circuitscape.jl manual,
// "Options and Flags", section "Average Resistance vs Conductance", connect_four_neighbors_only /
// connect_using_avg_resistances):
//   average conductance (Circuitscape's default): G_ab = (1/r_a + 1/r_b) / 2 for the 4 orthogonal
//       neighbours, (1/r_a + 1/r_b) / (2 sqrt 2) for the diagonals;
//   average resistance: R_ab = (r_a + r_b) / 2 orthogonal, sqrt(2) (r_a + r_b) / 2 diagonal.
// The source region's cells are short-circuited into one node that receives the current I; the
// ground region's cells into one node tied directly to ground (V = 0). The weighted Laplacian of
// the component holding both is solved with Eigen's SimplicialLDLT (sparse Cholesky).
//
// Outputs: voltages (V; NaN outside the solved component), the current through each cell, and
// the effective resistance R_eff = V_source / I. The current of a cell is Circuitscape's node
// current (Circuitscape.jl src/out.jl, get_node_currents): the larger of the total current
// flowing into the node and the total current flowing out of it over its branches. For a cell
// that is neither source nor ground both are equal, i.e. half the sum of |branch currents|; the
// source cells carry the injected current, the ground cells the current drained. Cells of a
// region share their region node's value.
#pragma once
#include <cstddef>
#include <vector>

#include "graph/habitat_graph.h"

namespace eco::graph {

struct ResistanceGrid {
    std::size_t rows = 0, cols = 0;
    std::vector<double> r;  // row-major, rows * cols
    double nodata = kNaN;   // cells equal to this (or NaN) are barriers
};

struct CircuitOptions {
    int neighbours = 8;               // 8 (Circuitscape default) or 4
    bool average_resistance = false;  // false: average conductance (Circuitscape default)
    double current = 1.0;             // amperes injected at the source region
};

struct CircuitResult {
    std::vector<double> voltage;  // per cell, NaN where not solved (barrier or disconnected)
    std::vector<double> current;  // per cell, 0 where no current
    double effective_resistance = kNaN;
    std::size_t nodes = 0;        // unknowns of the solved system
};

// Throws eco::BadInput ("circuit: ...") when a region is empty, overlaps the other, holds only
// barrier cells, or when no path joins the source region to the ground region.
CircuitResult solve_circuit(const ResistanceGrid& grid, const std::vector<std::size_t>& source_cells,
                            const std::vector<std::size_t>& ground_cells, const CircuitOptions& opt = {});

}  // namespace eco::graph
