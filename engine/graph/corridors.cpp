#include "graph/corridors.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/error.h"
#include "graph/rss_trace.h"

namespace eco::graph {

CostField bounded_cost(const raster::CostSetup& s, const float* res, const std::vector<uint64_t>& sources,
                       double max_cost, double r_min, BoundedSearch& ws, double r_max) {
    // The window that r_min guarantees (bounded_cost.h) is often the whole grid while the cells within max_cost
    // fill a small part of it: search in a smaller window first (the sources' box grown by the margin the last
    // search on this workspace needed, at least 256 cells) and grow it (x2) while a cell with a value lies
    // within one move of a side that cuts the exact window. When none does, no path of cost <= max_cost leaves
    // the window (its last cell inside would have a value), so the values are the exact window's. The buffers
    // then follow the fields' extent, not the grid's (9 bytes per cell per thread).
    bounded_window(s, sources, max_cost, r_min, ws);
    const int fx0 = ws.x0, fy0 = ws.y0, fx1 = ws.x0 + ws.w - 1, fy1 = ws.y0 + ws.h - 1;
    int sr0 = s.height, sr1 = -1, sc0 = s.width, sc1 = -1;
    for (auto cell : sources) {
        const int r = static_cast<int>(cell / static_cast<uint64_t>(s.width)), c = static_cast<int>(cell % static_cast<uint64_t>(s.width));
        sr0 = std::min(sr0, r), sr1 = std::max(sr1, r), sc0 = std::min(sc0, c), sc1 = std::max(sc1, c);
    }
    const int reach = s.knight ? 2 : 1;
    long long m = std::max(256, ws.margin);
    while (true) {
        if (sr1 >= 0) {
            const int x0 = static_cast<int>(std::max<long long>(fx0, sc0 - m)), x1 = static_cast<int>(std::min<long long>(fx1, sc1 + m));
            const int y0 = static_cast<int>(std::max<long long>(fy0, sr0 - m)), y1 = static_cast<int>(std::min<long long>(fy1, sr1 + m));
            ws.x0 = x0, ws.y0 = y0, ws.w = x1 - x0 + 1, ws.h = y1 - y0 + 1;
        }
        bounded_values_run(s, res, sources, max_cost, r_min, r_max, ws);
        const bool cut_l = ws.x0 > fx0, cut_r = ws.x0 + ws.w - 1 < fx1, cut_t = ws.y0 > fy0, cut_b = ws.y0 + ws.h - 1 < fy1;
        if (!(cut_l || cut_r || cut_t || cut_b)) break;
        bool cut = false;
        for (uint32_t i : ws.touched) {
            if (!(ws.acc[i] < std::numeric_limits<double>::infinity())) continue;
            const int r = static_cast<int>(i / static_cast<uint32_t>(ws.w)), c = static_cast<int>(i % static_cast<uint32_t>(ws.w));
            if ((cut_l && c < reach) || (cut_r && c >= ws.w - reach) || (cut_t && r < reach) || (cut_b && r >= ws.h - reach)) {
                cut = true;
                break;
            }
        }
        if (!cut) break;
        m *= 2;
    }
    ws.margin = static_cast<int>(std::min<long long>(m, std::max(s.width, s.height)));
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
    // processing order (corridors.h): by the higher patch index, then the lower one (links are u < v)
    std::vector<std::size_t> ord(use.size());
    for (std::size_t k = 0; k < ord.size(); ++k) ord[k] = k;
    std::stable_sort(ord.begin(), ord.end(), [&](std::size_t a, std::size_t b) {
        const PatchLink& A = links.links[use[a]];
        const PatchLink& B = links.links[use[b]];
        return std::max(A.u, A.v) != std::max(B.u, B.v) ? std::max(A.u, A.v) < std::max(B.u, B.v)
                                                        : std::min(A.u, A.v) < std::min(B.u, B.v);
    });
    // the last position in `ord` that needs each patch's field
    std::vector<std::size_t> last(np, 0);
    for (std::size_t t = 0; t < ord.size(); ++t) {
        last[links.links[use[ord[t]]].u] = t;
        last[links.links[use[ord[t]]].v] = t;
    }

    out.fields.resize(np);
    std::vector<char> made(np, 0);
    // window-local search buffers per thread (bounded_cost.h), not full-grid arrays
    tbb::enumerable_thread_specific<BoundedSearch> workspaces;
    const raster::CostSetup setup = raster::cost_setup(p.grid, opt.knight);
    double held = 0;
    const double budget = opt.memory_mb * 1024.0 * 1024.0;
    auto over_budget = [&] {
        if (rss_trace_on()) {  // where the budget went (rss_trace.h)
            std::size_t held_n = 0, big = 0;
            raster::Window bb{};
            for (const CostField& f : out.fields)
                if (!f.acc.empty()) {
                    ++held_n;
                    if (f.acc.size() > big) big = f.acc.size(), bb = f.box;
                }
            std::fprintf(stderr, "corridors over budget: %zu fields held, %.0f MiB; the largest %d x %d cells (%.0f MiB)\n", held_n,
                         held / 1048576.0, bb.w, bb.h, 8.0 * static_cast<double>(big) / 1048576.0);
        }
        throw BadInput(op + ": the corridors' cost fields need more than " + std::to_string(static_cast<long long>(opt.memory_mb)) +
                       " MB (--corridor-memory-mb); narrow --corridor-width, set --corridor-max-lcd, use --links planar or "
                       "--max-distance, or skip them with --no-corridors");
    };

    out.corridors.resize(use.size());
    double t_search = 0, t_n = 0, t_batch = 0, peak_held = 0;
    std::atomic<long long> st_box{0}, st_settled{0};
    auto now = [] { return std::chrono::steady_clock::now(); };
    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    const std::size_t batch = 16;  // fields are made per batch: a small batch holds few ahead of their need
    for (std::size_t t0 = 0; t0 < use.size(); t0 += batch) {
        const std::size_t t1 = std::min(use.size(), t0 + batch);
        const std::vector<std::size_t> ks(ord.begin() + static_cast<std::ptrdiff_t>(t0), ord.begin() + static_cast<std::ptrdiff_t>(t1));
        // the fields this batch needs that are not held yet
        std::vector<std::size_t> need;
        for (std::size_t k : ks)
            for (std::size_t q : {static_cast<std::size_t>(links.links[use[k]].u), static_cast<std::size_t>(links.links[use[k]].v)})
                if (!made[q]) {
                    made[q] = 1;
                    need.push_back(q);
                }
        auto ta = now();
        std::atomic<double> bytes{held};
        tbb::parallel_for(std::size_t(0), need.size(), [&](std::size_t t) {
            const std::size_t q = need[t];
            if (bytes.load() > budget) return;
            out.fields[q] = bounded_cost(setup, res.r.data(), cells_of[q], reach[q], res.min, workspaces.local(), res.max);
            st_box += static_cast<long long>(out.fields[q].acc.size());  // for the trace (rss_trace.h)
            st_settled += static_cast<long long>(workspaces.local().settled);
            double cur = bytes.load();
            const double add = 8.0 * static_cast<double>(out.fields[q].acc.size());
            while (!bytes.compare_exchange_weak(cur, cur + add)) {
            }
        });
        held = bytes.load();
        peak_held = std::max(peak_held, held);
        if (held > budget) over_budget();
        auto tb = now();
        t_search += secs(ta, tb);

        tbb::parallel_for(std::size_t(0), ks.size(), [&](std::size_t t) {
        const std::size_t k = ks[t];
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
        auto tc = now();
        t_n += secs(tb, tc);
        if (on_batch) on_batch(out.corridors, ks, out.fields);
        t_batch += secs(tc, now());
        if (!keep_fields) {
            for (std::size_t k : ks)
                for (std::size_t q : {static_cast<std::size_t>(links.links[use[k]].u), static_cast<std::size_t>(links.links[use[k]].v)})
                    if (last[q] < t1 && !out.fields[q].acc.empty()) {
                        held -= 8.0 * static_cast<double>(out.fields[q].acc.size());
                        out.fields[q] = CostField{};
                    }
        }
        progress.report(static_cast<double>(t1) / static_cast<double>(use.size()) * 0.9, "corridors");
    }
    if (!keep_fields) out.fields.clear();
    if (rss_trace_on())
        std::fprintf(stderr, "corridors: %zu, wall: searches %.1f s, N %.1f s, batch callback (barriers) %.1f s; fields: %lld cells in "
                             "their boxes, %lld with a value, at most %.0f MiB held\n",
                     use.size(), t_search, t_n, t_batch, st_box.load(), st_settled.load(), peak_held / 1048576.0);
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
