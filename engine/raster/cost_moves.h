// The moves of a cost-distance search and their step costs, shared by every search over a
// resistance grid (engine/raster cost distance, engine/graph bounded searches, corridors and link
// costs), so that all of them add exactly the same floating-point step for the same move.
//
// Conventions (raster_cost.h): a step between neighbours a and b costs (r_a + r_b) / 2 x its length;
// a knight's move costs the mean of the 4 cells it crosses (start, the two cells between, end) x its
// length, and needs both crossed cells passable. Lengths are in map units, or in cell widths with
// cell units.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "raster/raster_cost.h"

namespace eco::raster {

// The moves on a row-major grid with the given row stride (cells): move k = 1..n.
struct MoveTable {
    int n = 8;      // 8, or 16 with knight's moves
    int reach = 1;  // how far a move reaches (rows or columns): 1, or 2 with knight's moves
    double len[17] = {0};
    long long off[17] = {0};             // index offset of the target cell
    long long offa[17] = {0}, offb[17] = {0};  // knight's moves: offsets of the two crossed cells
    uint32_t opposite[17] = {0};         // the move back
    int dr[17] = {0}, dc[17] = {0};      // row and column steps

    MoveTable(const CostSetup& s, long long stride) : n(s.knight ? 16 : 8), reach(s.knight ? 2 : 1) {
        const double unit = s.cell_units ? s.cw : 1.0;
        for (int k = 1; k <= 16; ++k) {
            const Move& m = cost_move(k);
            len[k] = std::hypot(m.dc * s.cw, m.dr * s.ch) / unit;
            off[k] = m.dr * stride + m.dc;
            dr[k] = m.dr;
            dc[k] = m.dc;
            if (k > 8) {
                if (std::abs(m.dr) == 2) {
                    offa[k] = (m.dr / 2) * stride;
                    offb[k] = (m.dr / 2) * stride + m.dc;
                } else {
                    offa[k] = m.dc / 2;
                    offb[k] = m.dr * stride + m.dc / 2;
                }
            }
            for (int j = 1; j <= 16; ++j)
                if (cost_move(j).dr == -m.dr && cost_move(j).dc == -m.dc) opposite[k] = static_cast<uint32_t>(j);
        }
    }

    // The cost of move k from a cell of resistance ri to a passable cell of resistance rj;
    // res_at(offset) gives the resistance of the cell at that index offset from the start (only
    // called for knight's moves, with offa[k] and offb[k]). NaN when a crossed cell is impassable.
    template <class ResAt>
    double step(int k, double ri, double rj, ResAt&& res_at) const {
        if (k <= 8) return (ri + rj) / 2.0 * len[k];
        const double ra = res_at(offa[k]), rb = res_at(offb[k]);
        if (std::isnan(ra) || std::isnan(rb)) return std::numeric_limits<double>::quiet_NaN();
        return (ri + ra + rb + rj) / 4.0 * len[k];
    }
};

}  // namespace eco::raster
