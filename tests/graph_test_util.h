// Test helpers for the connectivity steps: patches from a hand-drawn label raster.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "graph/pipeline_patches.h"

namespace testutil {

// Patches from a label raster (0 = none, 1..n), W x H cells of size cs, origin (500000, 1000000).
inline eco::graph::Patches make_patches(int W, int H, const std::vector<int32_t>& label, double cs = 10.0) {
    eco::graph::Patches p;
    p.grid.width = W;
    p.grid.height = H;
    p.grid.x0 = 500000;
    p.grid.y0 = 1000000;
    p.grid.cw = p.grid.ch = cs;
    p.label = label;
    int n = 0;
    for (auto l : label) n = std::max(n, static_cast<int>(l));
    p.cells.assign(n, 0);
    p.area_m2.assign(n, 0);
    p.cx.assign(n, 0);
    p.cy.assign(n, 0);
    for (std::size_t i = 0; i < label.size(); ++i)
        if (label[i]) {
            p.cells[label[i] - 1]++;
            p.area_m2[label[i] - 1] += cs * cs;
        }
    return p;
}

}  // namespace testutil
