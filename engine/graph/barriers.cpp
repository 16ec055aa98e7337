#include "graph/barriers.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/error.h"

namespace eco::graph {

namespace {
struct Offset {
    int dr, dc;
};
std::vector<Offset> disc(int R) {
    std::vector<Offset> o;
    for (int dr = -R; dr <= R; ++dr)
        for (int dc = -R; dc <= R; ++dc)
            if (dr * dr + dc * dc <= R * R) o.push_back({dr, dc});
    return o;
}
}  // namespace

std::vector<std::uint64_t> window_cells(int W, int H, int row, int col, int radius) {
    std::vector<std::uint64_t> out;
    for (const Offset& o : disc(radius)) {
        const int r = row + o.dr, c = col + o.dc;
        if (r >= 0 && r < H && c >= 0 && c < W) out.push_back(static_cast<std::uint64_t>(r) * W + c);
    }
    return out;
}

BarriersResult barriers(const Patches& p, const CorridorsResult& cor, const BarrierOptions& opt, const std::string& op,
                        const Progress& progress) {
    if (opt.radii.empty()) throw BadInput(op + ": give at least one barrier radius (cells)");
    for (int R : opt.radii)
        if (R < 1) throw BadInput(op + ": barrier radii must be whole numbers of cells >= 1, got " + std::to_string(R));
    if (!(opt.restored_resistance > 0)) throw BadInput(op + ": the restored resistance must be > 0");
    if (opt.top < 0) throw BadInput(op + ": the number of top barriers must be >= 0");
    const int W = p.grid.width, H = p.grid.height;
    const std::size_t n = static_cast<std::size_t>(W) * H, nc = cor.corridors.size();
    const double s = p.grid.cw;
    const float nanf = std::numeric_limits<float>::quiet_NaN();
    BarriersResult out;
    out.score.assign(n, nanf);
    out.best.assign(nc, 0.0);
    out.best_improvement.assign(nc, 0.0);

    struct Best {
        std::vector<double> score;   // box cells
        std::vector<uint8_t> radius_index;
        std::vector<double> improvement;
    };
    std::vector<Best> per(nc);
    std::vector<std::vector<Offset>> discs;
    for (int R : opt.radii) discs.push_back(disc(R));
    const double inf = std::numeric_limits<double>::infinity();

    // Corridors in groups (parallel inside a group, merged in corridor order after it): the per-corridor
    // scores of one group only are held at a time; the merge order keeps the results thread-count free.
    std::vector<std::size_t> from(n, nc);  // which corridor gave the max
    std::vector<uint8_t> rad(n, 0);
    std::vector<double> imp(n, 0.0), best(n, -1.0);
    const std::size_t group = 16;
    for (std::size_t g0 = 0; g0 < nc; g0 += group) {
    const std::size_t g1 = std::min(nc, g0 + group);
    tbb::parallel_for(g0, g1, [&](std::size_t k) {
        const Corridor& c = cor.corridors[k];
        if (c.box.w <= 0 || c.box.h <= 0) return;
        const CostField& A = cor.fields[c.u];
        const CostField& B = cor.fields[c.v];
        Best& b = per[k];
        const std::size_t bn = static_cast<std::size_t>(c.box.w) * c.box.h;
        b.score.assign(bn, 0.0);
        b.radius_index.assign(bn, 0);
        b.improvement.assign(bn, 0.0);
        for (std::size_t ri = 0; ri < discs.size(); ++ri) {
            const int R = opt.radii[ri];
            const double across = 2.0 * R * s;
            const double restored = across * opt.restored_resistance;
            for (int r = 0; r < c.box.h; ++r)
                for (int q = 0; q < c.box.w; ++q) {
                    const int gr = r + c.box.y, gc = q + c.box.x;
                    double ma = inf, mb = inf;
                    for (const Offset& o : discs[ri]) {
                        const int rr = gr + o.dr, cc = gc + o.dc;
                        if (rr < 0 || rr >= H || cc < 0 || cc >= W) continue;
                        ma = std::min(ma, A.at(rr, cc));
                        mb = std::min(mb, B.at(rr, cc));
                    }
                    if (!std::isfinite(ma) || !std::isfinite(mb)) continue;
                    const double imp = c.lcd - (ma + mb + restored);
                    if (!(imp > 0)) continue;
                    const double sc = imp / across;
                    const std::size_t i = static_cast<std::size_t>(r) * c.box.w + q;
                    if (sc > b.score[i]) {
                        b.score[i] = sc;
                        b.radius_index[i] = static_cast<uint8_t>(ri);
                        b.improvement[i] = imp;
                    }
                }
        }
    });
    // Mosaic (max over corridors, in corridor order).
    for (std::size_t k = g0; k < g1; ++k) {
        const Corridor& c = cor.corridors[k];
        const Best& b = per[k];
        if (b.score.empty()) continue;
        for (int r = 0; r < c.box.h; ++r)
            for (int q = 0; q < c.box.w; ++q) {
                const std::size_t i = static_cast<std::size_t>(r) * c.box.w + q;
                const std::size_t g = static_cast<std::size_t>(r + c.box.y) * W + (q + c.box.x);
                const double v = b.score[i];
                if (v > out.best[k]) {
                    out.best[k] = v;
                    out.best_improvement[k] = b.improvement[i];
                }
                if (v > best[g]) {
                    best[g] = v;
                    out.score[g] = static_cast<float>(v);
                    if (v > 0) {
                        from[g] = k;
                        rad[g] = b.radius_index[i];
                        imp[g] = b.improvement[i];
                    }
                }
            }
        per[k] = Best{};
    }
    progress.report(0.8 * static_cast<double>(g1) / static_cast<double>(nc), "barriers");
    }
    // Top windows: greedy, non-overlapping.
    std::vector<std::uint64_t> cand;
    for (std::size_t g = 0; g < n; ++g)
        if (best[g] > 0) cand.push_back(g);
    std::stable_sort(cand.begin(), cand.end(), [&](auto a, auto b) { return best[a] > best[b]; });
    for (std::uint64_t g : cand) {
        if (static_cast<int>(out.top.size()) >= opt.top) break;
        const int r = static_cast<int>(g / W), c = static_cast<int>(g % W);
        const int R = opt.radii[rad[g]];
        bool clash = false;
        for (const auto& t : out.top) {
            const int tr = static_cast<int>(t.cell / W), tc = static_cast<int>(t.cell % W);
            const long long d2 = static_cast<long long>(tr - r) * (tr - r) + static_cast<long long>(tc - c) * (tc - c);
            if (d2 <= static_cast<long long>(R + t.radius) * (R + t.radius)) {
                clash = true;
                break;
            }
        }
        if (clash) continue;
        BarrierWindow w;
        w.corridor = from[g];
        w.cell = g;
        w.radius = R;
        w.score = best[g];
        w.improvement = imp[g];
        w.lcd = cor.corridors[from[g]].lcd;
        w.lcd_restored = w.lcd - w.improvement;
        w.cells = window_cells(W, H, r, c, R);
        out.top.push_back(std::move(w));
    }
    progress.report(1.0, "barriers");
    return out;
}

}  // namespace eco::graph
