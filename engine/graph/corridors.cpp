#include "graph/corridors.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "core/error.h"

namespace eco::graph {

CostField bounded_cost(const raster::CostSetup& s, const float* res, const std::vector<uint64_t>& sources,
                       double max_cost, double r_min, BoundedSearch& ws) {
    bounded_window(s, sources, max_cost, r_min, ws);
    bounded_cost_run(s, res, nullptr, 0, sources, max_cost, ws);
    // the settled cells (bounded_cost_run resets the others to +inf): their bounding box, then the values
    const double inf = std::numeric_limits<double>::infinity();
    CostField f;
    int r0 = ws.h, r1 = -1, c0 = ws.w, c1 = -1;
    for (uint32_t i : ws.touched) {
        if (!(ws.acc[i] < inf)) continue;
        const int r = static_cast<int>(i / static_cast<uint32_t>(ws.w)), c = static_cast<int>(i % static_cast<uint32_t>(ws.w));
        r0 = std::min(r0, r);
        r1 = std::max(r1, r);
        c0 = std::min(c0, c);
        c1 = std::max(c1, c);
    }
    if (r1 < 0) return f;
    f.box = {ws.x0 + c0, ws.y0 + r0, c1 - c0 + 1, r1 - r0 + 1};
    f.acc.assign(static_cast<std::size_t>(f.box.w) * f.box.h, inf);
    for (uint32_t i : ws.touched) {
        if (!(ws.acc[i] < inf)) continue;
        const int r = static_cast<int>(i / static_cast<uint32_t>(ws.w)), c = static_cast<int>(i % static_cast<uint32_t>(ws.w));
        f.acc[static_cast<std::size_t>(r - r0) * f.box.w + (c - c0)] = ws.acc[i];
    }
    return f;
}

CorridorsResult least_cost_corridors(const Patches& p, const Resistance& res, const LinksResult& links,
                                     const CorridorOptions& opt, const std::string& op, const Progress& progress,
                                     const CorridorBatchFn& on_batch, bool keep_fields) {
    if (!(opt.width >= 0)) throw BadInput(op + ": the corridor width must be >= 0 (cost units)");
    const int W = p.grid.width, H = p.grid.height;
    const std::size_t n = static_cast<std::size_t>(W) * H, np = p.count();
    if (res.r.size() != n || p.label.size() != n)
        throw BadInput(op + ": the resistance surface and the patches are not on the same grid");
    CorridorsResult out;
    out.width = opt.width;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const float nanf = std::numeric_limits<float>::quiet_NaN();
    out.mosaic.assign(n, nanf);

    // Which links get a corridor, and how far each patch's search must go.
    std::vector<std::size_t> use;
    std::vector<double> reach(np, -1.0);
    for (std::size_t e = 0; e < links.links.size(); ++e) {
        const PatchLink& L = links.links[e];
        if (!gets_corridor(L, opt)) {
            ++out.skipped;
            continue;
        }
        use.push_back(e);
        const double m = L.cost + opt.width;
        reach[L.u] = std::max(reach[L.u], m * (1 + 1e-12));
        reach[L.v] = std::max(reach[L.v], m * (1 + 1e-12));
    }
    std::vector<std::vector<uint64_t>> cells_of(np);
    for (std::size_t i = 0; i < n; ++i)
        if (p.label[i]) cells_of[static_cast<std::size_t>(p.label[i] - 1)].push_back(i);
    // the last corridor (index in `use`) that needs each patch's field
    std::vector<std::size_t> last(np, 0);
    for (std::size_t k = 0; k < use.size(); ++k) {
        last[links.links[use[k]].u] = k;
        last[links.links[use[k]].v] = k;
    }

    out.fields.resize(np);
    std::vector<char> made(np, 0);
    // window-local search buffers per thread (bounded_cost.h), not full-grid arrays
    tbb::enumerable_thread_specific<BoundedSearch> workspaces;
    const raster::CostSetup setup = raster::cost_setup(p.grid, opt.knight);
    double held = 0;
    const double budget = opt.memory_mb * 1024.0 * 1024.0;
    auto over_budget = [&] {
        throw BadInput(op + ": the corridors' cost fields need more than " + std::to_string(static_cast<long long>(opt.memory_mb)) +
                       " MB (--corridor-memory-mb); narrow --corridor-width, set --corridor-max-lcd, use --links planar or "
                       "--max-distance, or skip them with --no-corridors");
    };

    out.corridors.resize(use.size());
    const std::size_t batch = 64;
    for (std::size_t k0 = 0; k0 < use.size(); k0 += batch) {
        const std::size_t k1 = std::min(use.size(), k0 + batch);
        // the fields this batch needs that are not held yet
        std::vector<std::size_t> need;
        for (std::size_t k = k0; k < k1; ++k)
            for (std::size_t q : {static_cast<std::size_t>(links.links[use[k]].u), static_cast<std::size_t>(links.links[use[k]].v)})
                if (!made[q]) {
                    made[q] = 1;
                    need.push_back(q);
                }
        std::atomic<double> bytes{held};
        tbb::parallel_for(std::size_t(0), need.size(), [&](std::size_t t) {
            const std::size_t q = need[t];
            if (bytes.load() > budget) return;
            out.fields[q] = bounded_cost(setup, res.r.data(), cells_of[q], reach[q], res.min, workspaces.local());
            double cur = bytes.load();
            const double add = 8.0 * static_cast<double>(out.fields[q].acc.size());
            while (!bytes.compare_exchange_weak(cur, cur + add)) {
            }
        });
        held = bytes.load();
        if (held > budget) over_budget();

        tbb::parallel_for(k0, k1, [&](std::size_t k) {
        const PatchLink& L = links.links[use[k]];
        Corridor& C = out.corridors[k];
        C.link = use[k];
        C.u = L.u;
        C.v = L.v;
        C.lcd = L.cost;
        C.length = L.length;
        C.ratio = L.length > 0 ? L.cost / L.length : nan;
        const CostField& A = out.fields[L.u];
        const CostField& B = out.fields[L.v];
        const int x0 = std::max(A.box.x, B.box.x), y0 = std::max(A.box.y, B.box.y);
        const int x1 = std::min(A.box.x + A.box.w, B.box.x + B.box.w), y1 = std::min(A.box.y + A.box.h, B.box.y + B.box.h);
        C.lcd_check = std::numeric_limits<double>::infinity();
        if (x1 <= x0 || y1 <= y0) return;
        C.box = {x0, y0, x1 - x0, y1 - y0};
        C.n.assign(static_cast<std::size_t>(C.box.w) * C.box.h, nanf);
        for (int r = y0; r < y1; ++r)
            for (int c = x0; c < x1; ++c) C.lcd_check = std::min(C.lcd_check, A.at(r, c) + B.at(r, c));
        // The link's cost is the least cost (pairwise searches); a link cost from another method (e.g. the
        // planar allocation shortcut) may be higher: N is measured from the true minimum then.
        const double base = std::min(L.cost, C.lcd_check);
        const double lim = opt.width + corridor_tolerance(L.cost);
        const int32_t idu = static_cast<int32_t>(L.u + 1), idv = static_cast<int32_t>(L.v + 1);
        int r0 = C.box.h, r1 = -1, c0 = C.box.w, c1 = -1;  // the bounding box of the stored cells (box coordinates)
        for (int r = y0; r < y1; ++r)
            for (int c = x0; c < x1; ++c) {
                const double s = A.at(r, c) + B.at(r, c);
                if (!std::isfinite(s)) continue;
                const double v = s - base;
                if (v > lim) continue;
                C.n[static_cast<std::size_t>(r - y0) * C.box.w + (c - x0)] = static_cast<float>(std::max(0.0, v));
                r0 = std::min(r0, r - y0);
                r1 = std::max(r1, r - y0);
                c0 = std::min(c0, c - x0);
                c1 = std::max(c1, c - x0);
                const int32_t lab = p.label[static_cast<std::size_t>(r) * W + c];
                if (lab != idu && lab != idv) ++C.cells;
            }
        C.area_m2 = static_cast<double>(C.cells) * p.grid.cell_area();
        // keep N over the bounding box of the corridor's cells only (fbox can be far larger)
        C.fbox = C.box;
        if (r1 < 0) r0 = r1 = c0 = c1 = 0;
        raster::Window nb{C.box.x + c0, C.box.y + r0, c1 - c0 + 1, r1 - r0 + 1};
        std::vector<float> nn(static_cast<std::size_t>(nb.w) * nb.h);
        for (int r = 0; r < nb.h; ++r)
            for (int c = 0; c < nb.w; ++c)
                nn[static_cast<std::size_t>(r) * nb.w + c] = C.n[static_cast<std::size_t>(r + r0) * C.box.w + (c + c0)];
        C.box = nb;
        C.n = std::move(nn);
        });
        if (on_batch) on_batch(out.corridors, k0, k1, out.fields);
        if (!keep_fields) {
            for (std::size_t k = k0; k < k1; ++k)
                for (std::size_t q : {static_cast<std::size_t>(links.links[use[k]].u), static_cast<std::size_t>(links.links[use[k]].v)})
                    if (last[q] < k1 && !out.fields[q].acc.empty()) {
                        held -= 8.0 * static_cast<double>(out.fields[q].acc.size());
                        out.fields[q] = CostField{};
                    }
        }
        progress.report(static_cast<double>(k1) / static_cast<double>(use.size()) * 0.9, "corridors");
    }
    if (!keep_fields) out.fields.clear();
    // The mosaic, in link order (min is order-free anyway).
    for (const Corridor& C : out.corridors) {
        if (C.n.empty()) continue;
        const int32_t idu = static_cast<int32_t>(C.u + 1), idv = static_cast<int32_t>(C.v + 1);
        for (int r = 0; r < C.box.h; ++r)
            for (int c = 0; c < C.box.w; ++c) {
                const float v = C.n[static_cast<std::size_t>(r) * C.box.w + c];
                if (std::isnan(v)) continue;
                const std::size_t g = static_cast<std::size_t>(r + C.box.y) * W + (c + C.box.x);
                if (p.label[g] == idu || p.label[g] == idv) continue;
                if (std::isnan(out.mosaic[g]) || v < out.mosaic[g]) out.mosaic[g] = v;
            }
    }
    progress.report(1.0, "corridors");
    return out;
}

}  // namespace eco::graph
