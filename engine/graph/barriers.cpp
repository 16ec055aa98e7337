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

BarrierAccumulator::BarrierAccumulator(const Patches& p, std::size_t corridors, const BarrierOptions& opt,
                                       const std::string& op)
    : p_(p), opt_(opt), nc_(corridors) {
    if (opt.radii.empty()) throw BadInput(op + ": give at least one barrier radius (cells)");
    for (int R : opt.radii)
        if (R < 1) throw BadInput(op + ": barrier radii must be whole numbers of cells >= 1, got " + std::to_string(R));
    if (!(opt.restored_resistance > 0)) throw BadInput(op + ": the restored resistance must be > 0");
    if (opt.top < 0) throw BadInput(op + ": the number of top barriers must be >= 0");
    const std::size_t n = static_cast<std::size_t>(p.grid.width) * p.grid.height;
    out_.score.assign(n, std::numeric_limits<float>::quiet_NaN());
    out_.best.assign(nc_, 0.0);
    out_.best_improvement.assign(nc_, 0.0);
    from_.assign(n, static_cast<std::uint32_t>(nc_));
    rad_.assign(n, 0);
    imp_.assign(n, 0.0);
    best_.assign(n, -1.0);
}

void BarrierAccumulator::add(const std::vector<Corridor>& cs, std::size_t k0, std::size_t k1,
                             const std::vector<CostField>& fields) {
    const int W = p_.grid.width;
    const double s = p_.grid.cw;
    struct Best {
        std::vector<double> score;   // box cells
        std::vector<uint8_t> radius_index;
        std::vector<double> improvement;
    };
    std::vector<std::vector<Offset>> discs;
    for (int R : opt_.radii) discs.push_back(disc(R));
    const double inf = std::numeric_limits<double>::infinity();
    const BarrierOptions& opt = opt_;
    const int rmax = *std::max_element(opt.radii.begin(), opt.radii.end());
    const double restored_min =
        2.0 * *std::min_element(opt.radii.begin(), opt.radii.end()) * s * opt.restored_resistance;

    // Corridors in groups (parallel inside a group, merged in corridor order after it): the per-corridor
    // scores of one group only are held at a time; the merge order keeps the results thread-count free.
    const std::size_t group = 16;
    std::vector<Best> per(group);
    for (std::size_t g0 = k0; g0 < k1; g0 += group) {
    const std::size_t g1 = std::min(k1, g0 + group);
    tbb::parallel_for(g0, g1, [&](std::size_t k) {
        const Corridor& c = cs[k];
        if (c.fbox.w <= 0 || c.fbox.h <= 0) return;
        const CostField& A = fields[c.u];
        const CostField& B = fields[c.v];
        Best& b = per[k - g0];
        const std::size_t bn = static_cast<std::size_t>(c.fbox.w) * c.fbox.h;
        b.score.assign(bn, 0.0);
        b.radius_index.assign(bn, 0);
        b.improvement.assign(bn, 0.0);
        // A lower bound of mA + mB for every radius: the minima over the square of the largest radius (it holds
        // every disc), by separable min filters. A cell whose bound cannot give an improvement even with the
        // smallest window is skipped: floating-point sums are monotone, so the skipped cells are exactly ones
        // the full computation would give no improvement (same results, much less work).
        std::vector<double> lb(bn, 0.0);
        {
            const int Rm = rmax, eh = c.fbox.h + 2 * Rm;
            std::vector<double> row(static_cast<std::size_t>(eh) * c.fbox.w);
            for (const CostField* F : {&A, &B}) {
                for (int r = 0; r < eh; ++r)
                    for (int q = 0; q < c.fbox.w; ++q) {
                        const int gr = r - Rm + c.fbox.y, gc = q + c.fbox.x;
                        double m = inf;
                        for (int d = -Rm; d <= Rm; ++d) m = std::min(m, F->at(gr, gc + d));
                        row[static_cast<std::size_t>(r) * c.fbox.w + q] = m;
                    }
                for (int r = 0; r < c.fbox.h; ++r)
                    for (int q = 0; q < c.fbox.w; ++q) {
                        double m = inf;
                        for (int d = 0; d <= 2 * Rm; ++d) m = std::min(m, row[static_cast<std::size_t>(r + d) * c.fbox.w + q]);
                        lb[static_cast<std::size_t>(r) * c.fbox.w + q] += m;
                    }
            }
        }
        for (std::size_t ri = 0; ri < discs.size(); ++ri) {
            const int R = opt.radii[ri];
            const double across = 2.0 * R * s;
            const double restored = across * opt.restored_resistance;
            for (int r = 0; r < c.fbox.h; ++r)
                for (int q = 0; q < c.fbox.w; ++q) {
                    if (!(c.lcd - (lb[static_cast<std::size_t>(r) * c.fbox.w + q] + restored_min) > 0)) continue;
                    const int gr = r + c.fbox.y, gc = q + c.fbox.x;
                    double ma = inf, mb = inf;
                    for (const Offset& o : discs[ri]) {  // at() is +inf outside a field's box (inside the grid)
                        ma = std::min(ma, A.at(gr + o.dr, gc + o.dc));
                        mb = std::min(mb, B.at(gr + o.dr, gc + o.dc));
                    }
                    if (!std::isfinite(ma) || !std::isfinite(mb)) continue;
                    const double imp = c.lcd - (ma + mb + restored);
                    if (!(imp > 0)) continue;
                    const double sc = imp / across;
                    const std::size_t i = static_cast<std::size_t>(r) * c.fbox.w + q;
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
        const Corridor& c = cs[k];
        Best& b = per[k - g0];
        if (b.score.empty()) continue;
        for (int r = 0; r < c.fbox.h; ++r)
            for (int q = 0; q < c.fbox.w; ++q) {
                const std::size_t i = static_cast<std::size_t>(r) * c.fbox.w + q;
                const std::size_t g = static_cast<std::size_t>(r + c.fbox.y) * W + (q + c.fbox.x);
                const double v = b.score[i];
                if (v > out_.best[k]) {
                    out_.best[k] = v;
                    out_.best_improvement[k] = b.improvement[i];
                }
                if (v > best_[g]) {
                    best_[g] = v;
                    out_.score[g] = static_cast<float>(v);
                    if (v > 0) {
                        from_[g] = static_cast<std::uint32_t>(k);
                        rad_[g] = b.radius_index[i];
                        imp_[g] = b.improvement[i];
                    }
                }
            }
        b = Best{};
    }
    }
}

BarriersResult BarrierAccumulator::finish(const std::vector<Corridor>& cs, const Progress& progress) {
    const int W = p_.grid.width, H = p_.grid.height;
    const std::size_t n = static_cast<std::size_t>(W) * H;
    const BarrierOptions& opt = opt_;
    BarriersResult out = std::move(out_);
    // Top windows: greedy, non-overlapping.
    std::vector<std::uint64_t> cand;
    for (std::size_t g = 0; g < n; ++g)
        if (best_[g] > 0) cand.push_back(g);
    std::stable_sort(cand.begin(), cand.end(), [&](auto a, auto b) { return best_[a] > best_[b]; });
    for (std::uint64_t g : cand) {
        if (static_cast<int>(out.top.size()) >= opt.top) break;
        const int r = static_cast<int>(g / W), c = static_cast<int>(g % W);
        const int R = opt.radii[rad_[g]];
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
        w.corridor = from_[g];
        w.cell = g;
        w.radius = R;
        w.score = best_[g];
        w.improvement = imp_[g];
        w.lcd = cs[from_[g]].lcd;
        w.lcd_restored = w.lcd - w.improvement;
        w.cells = window_cells(W, H, r, c, R);
        out.top.push_back(std::move(w));
    }
    std::vector<std::uint32_t>().swap(from_);
    std::vector<std::uint8_t>().swap(rad_);
    std::vector<double>().swap(imp_);
    std::vector<double>().swap(best_);
    progress.report(1.0, "barriers");
    return out;
}

BarriersResult barriers(const Patches& p, const CorridorsResult& cor, const BarrierOptions& opt, const std::string& op,
                        const Progress& progress) {
    BarrierAccumulator acc(p, cor.corridors.size(), opt, op);
    acc.add(cor.corridors, 0, cor.corridors.size(), cor.fields);
    progress.report(0.8, "barriers");
    return acc.finish(cor.corridors, progress);
}

}  // namespace eco::graph
