// Pinch points: circuit theory inside each least-cost corridor (Linkage Mapper's Pinchpoint Mapper,
// McRae et al. 2012, run with Circuitscape's conventions; circuit.h).
//
// For each corridor of a link (u, v) (corridors.h): the grid is the corridor's cells plus the cells of
// patches u and v inside the corridor cut (N <= width: the ends of the corridor, where it touches the
// patches); every cell's resistance is the resistance surface's value (one cell = one node, Circuitscape's
// raster convention: cell size plays no part). 1 A is injected at patch u's cells (one short-circuited
// node) and patch v's cells are grounded. Solved with solve_circuit (Eigen sparse LDLT).
// Per link: the effective resistance R_eff = V_u / 1 A (in the resistance surface's units).
// Current raster: per cell Circuitscape's node current (A, for 1 A injected) of each corridor, mosaicked
// over the corridors by the maximum (as Pinchpoint Mapper mosaics its per-corridor current maps), or by
// the sum when asked; cells of the two end patches of a corridor are left out (they carry the whole
// current); NaN outside every corridor.
// A corridor whose end patches are not joined under the circuit's neighbourhood (e.g. 4 neighbours on a
// path that steps diagonally at width 0) gets R_eff = NaN and a note.
#pragma once
#include <string>
#include <vector>

#include "core/progress.h"
#include "graph/circuit.h"
#include "graph/corridors.h"

namespace eco::graph {

struct PinchOptions {
    CircuitOptions circuit;       // neighbours 8 (default) or 4; average conductance (default) or resistance
    std::string mosaic = "max";   // max | sum
};

struct PinchLink {
    double r_eff = kNaN;          // effective resistance between u and v inside the corridor
    double max_current = kNaN;    // the largest cell current in the corridor (end patches left out)
    std::size_t nodes = 0;        // unknowns of the circuit
    std::string note;             // why r_eff is NaN
};

struct PinchResult {
    std::vector<PinchLink> link;  // per corridor (CorridorsResult::corridors order)
    std::vector<float> current;   // whole grid, NaN outside every corridor
    std::size_t failed = 0;
};

PinchResult pinch_points(const Patches& p, const Resistance& res, const CorridorsResult& cor, const PinchOptions& opt,
                         const std::string& op, const Progress& progress = {});

// The circuit of one corridor (exposed for tests): grid over the corridor's box, source and ground cells.
struct CorridorCircuit {
    ResistanceGrid grid;
    std::vector<std::size_t> source, ground;
};
CorridorCircuit corridor_circuit(const Patches& p, const Resistance& res, const Corridor& c);

}  // namespace eco::graph
