#include "graph/pinch.h"

#include <tbb/parallel_for.h>

#include <cmath>
#include <limits>

#include "core/error.h"

namespace eco::graph {

CorridorCircuit corridor_circuit(const Patches& p, const Resistance& res, const Corridor& c) {
    CorridorCircuit cc;
    const int W = p.grid.width;
    cc.grid.rows = static_cast<std::size_t>(c.box.h);
    cc.grid.cols = static_cast<std::size_t>(c.box.w);
    cc.grid.r.assign(cc.grid.rows * cc.grid.cols, kNaN);
    const int32_t idu = static_cast<int32_t>(c.u + 1), idv = static_cast<int32_t>(c.v + 1);
    for (int r = 0; r < c.box.h; ++r)
        for (int k = 0; k < c.box.w; ++k) {
            const std::size_t b = static_cast<std::size_t>(r) * c.box.w + k;
            if (std::isnan(c.n[b])) continue;
            const std::size_t g = static_cast<std::size_t>(r + c.box.y) * W + (k + c.box.x);
            const float rv = res.r[g];
            if (std::isnan(rv)) continue;
            cc.grid.r[b] = rv;
            if (p.label[g] == idu) cc.source.push_back(b);
            else if (p.label[g] == idv) cc.ground.push_back(b);
        }
    return cc;
}

PinchResult pinch_points(const Patches& p, const Resistance& res, const CorridorsResult& cor, const PinchOptions& opt,
                         const std::string& op, const Progress& progress) {
    if (opt.mosaic != "max" && opt.mosaic != "sum")
        throw BadInput(op + ": the current mosaic must be max or sum, got '" + opt.mosaic + "'");
    const int W = p.grid.width;
    const std::size_t n = static_cast<std::size_t>(W) * p.grid.height;
    PinchResult out;
    out.link.resize(cor.corridors.size());
    out.current.assign(n, std::numeric_limits<float>::quiet_NaN());
    std::vector<std::vector<float>> cur(cor.corridors.size());
    // Largest corridors first would balance better; the results do not depend on the order.
    // Corridors in groups (parallel inside a group, mosaicked in corridor order after it): only one group's
    // current grids are held at a time; same results whatever the thread count.
    const std::size_t nc = cor.corridors.size(), group = 16;
    for (std::size_t g0 = 0; g0 < nc; g0 += group) {
    const std::size_t g1 = std::min(nc, g0 + group);
    tbb::parallel_for(g0, g1, [&](std::size_t k) {
        const Corridor& c = cor.corridors[k];
        PinchLink& pl = out.link[k];
        if (c.n.empty()) {
            pl.note = "no corridor";
            return;
        }
        CorridorCircuit cc = corridor_circuit(p, res, c);
        if (cc.source.empty() || cc.ground.empty()) {
            pl.note = "the corridor does not reach both patches";
            return;
        }
        try {
            CircuitResult cr = solve_circuit(cc.grid, cc.source, cc.ground, opt.circuit);
            pl.r_eff = cr.effective_resistance;
            pl.nodes = cr.nodes;
            cur[k].assign(cr.current.begin(), cr.current.end());
            const int32_t idu = static_cast<int32_t>(c.u + 1), idv = static_cast<int32_t>(c.v + 1);
            double mx = 0;
            for (int r = 0; r < c.box.h; ++r)
                for (int q = 0; q < c.box.w; ++q) {
                    const std::size_t b = static_cast<std::size_t>(r) * c.box.w + q;
                    const std::size_t g = static_cast<std::size_t>(r + c.box.y) * W + (q + c.box.x);
                    if (std::isnan(cc.grid.r[b]) || p.label[g] == idu || p.label[g] == idv) {
                        cur[k][b] = std::numeric_limits<float>::quiet_NaN();
                        continue;
                    }
                    mx = std::max(mx, cr.current[b]);
                }
            pl.max_current = mx;
        } catch (const BadInput& e) {
            pl.note = e.what();
        }
    });
    for (std::size_t k = g0; k < g1; ++k) {
        if (!std::isfinite(out.link[k].r_eff)) ++out.failed;
        if (cur[k].empty()) continue;
        const Corridor& c = cor.corridors[k];
        for (int r = 0; r < c.box.h; ++r)
            for (int q = 0; q < c.box.w; ++q) {
                const float v = cur[k][static_cast<std::size_t>(r) * c.box.w + q];
                if (std::isnan(v)) continue;
                float& o = out.current[static_cast<std::size_t>(r + c.box.y) * W + (q + c.box.x)];
                if (std::isnan(o)) o = v;
                else o = opt.mosaic == "max" ? std::max(o, v) : o + v;
            }
        cur[k].clear();
        cur[k].shrink_to_fit();
    }
    progress.report(static_cast<double>(g1) / static_cast<double>(nc), "pinch points");
    }
    progress.report(1.0, "pinch points");
    return out;
}

}  // namespace eco::graph
