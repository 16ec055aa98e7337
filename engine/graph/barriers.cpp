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
    if (opt.radii.size() > 255) throw BadInput(op + ": give at most 255 barrier radii");
    if (!(opt.restored_resistance > 0)) throw BadInput(op + ": the restored resistance must be > 0");
    if (opt.top < 0) throw BadInput(op + ": the number of top barriers must be >= 0");
    const std::size_t n = static_cast<std::size_t>(p.grid.width) * p.grid.height;
    out_.score.assign(n, std::numeric_limits<float>::quiet_NaN());
    out_.best.assign(nc_, 0.0);
    out_.best_improvement.assign(nc_, 0.0);
    tiles_w_ = (p.grid.width + kTile - 1) / kTile;
    tiles_.resize(static_cast<std::size_t>(tiles_w_) * static_cast<std::size_t>((p.grid.height + kTile - 1) / kTile));
}

BarrierAccumulator::Tile& BarrierAccumulator::tile(std::size_t g) {
    const int W = p_.grid.width;
    const int r = static_cast<int>(g / W), c = static_cast<int>(g % W);
    auto& t = tiles_[static_cast<std::size_t>(r / kTile) * tiles_w_ + static_cast<std::size_t>(c / kTile)];
    if (!t) {
        t = std::make_unique<Tile>();  // value-initialised: scores, improvements and radii 0
        std::fill(std::begin(t->from), std::end(t->from), static_cast<std::uint32_t>(nc_));
    }
    return *t;
}

const BarrierAccumulator::Tile* BarrierAccumulator::find_tile(std::size_t g) const {
    const int W = p_.grid.width;
    const int r = static_cast<int>(g / W), c = static_cast<int>(g % W);
    return tiles_[static_cast<std::size_t>(r / kTile) * tiles_w_ + static_cast<std::size_t>(c / kTile)].get();
}

namespace {
inline std::size_t in_tile(std::size_t g, int W, int T) {
    const int r = static_cast<int>(g / W), c = static_cast<int>(g % W);
    return static_cast<std::size_t>(r % T) * T + static_cast<std::size_t>(c % T);
}
}  // namespace

void BarrierAccumulator::add(const std::vector<Corridor>& cs, const std::vector<std::size_t>& ks,
                             const std::vector<CostField>& fields) {
    const int W = p_.grid.width;
    const double s = p_.grid.cw;
    // The cells of one corridor with a positive score (fbox coordinates, in cell order): the rest of its fbox
    // scores 0. Only these are held, so a corridor costs what it improves, not its (possibly large) fbox.
    struct Hit {
        std::uint32_t i;
        std::uint8_t radius_index;
        double score, improvement;
    };
    std::vector<std::vector<Offset>> discs;
    for (int R : opt_.radii) discs.push_back(disc(R));
    const double inf = std::numeric_limits<double>::infinity();
    const BarrierOptions& opt = opt_;
    const int rmax = *std::max_element(opt.radii.begin(), opt.radii.end());
    const double restored_min =
        2.0 * *std::min_element(opt.radii.begin(), opt.radii.end()) * s * opt.restored_resistance;

    // Corridors in groups (parallel inside a group, merged after it). The merge keeps, per cell, the highest
    // score and among equal scores the lowest corridor index: the results do not depend on the order.
    const std::size_t group = 16;
    std::vector<std::vector<Hit>> per(group);
    for (std::size_t g0 = 0; g0 < ks.size(); g0 += group) {
    const std::size_t g1 = std::min(ks.size(), g0 + group);
    tbb::parallel_for(g0, g1, [&](std::size_t t) {
        const Corridor& c = cs[ks[t]];
        if (c.fbox.w <= 0 || c.fbox.h <= 0) return;
        const CostField& A = fields[c.u];
        const CostField& B = fields[c.v];
        std::vector<Hit>& hits = per[t - g0];
        // The fields over the fbox grown by Rm on every side, as dense local rows (+inf outside a field's box):
        // the min filters and the windows then read arrays instead of bounds-checked at() calls (same values).
        const int Rm = rmax, pw = c.fbox.w + 2 * Rm, ph = c.fbox.h + 2 * Rm;
        std::vector<double> pa(static_cast<std::size_t>(pw) * ph), pb(pa.size());
        for (int pass = 0; pass < 2; ++pass) {
            const CostField& F = pass == 0 ? A : B;
            double* P = pass == 0 ? pa.data() : pb.data();
            std::fill(P, P + static_cast<std::ptrdiff_t>(pa.size()), inf);
            const int gx0 = c.fbox.x - Rm, gy0 = c.fbox.y - Rm;
            const int cx0 = std::max(gx0, F.box.x), cx1 = std::min(gx0 + pw, F.box.x + F.box.w);
            const int cy0 = std::max(gy0, F.box.y), cy1 = std::min(gy0 + ph, F.box.y + F.box.h);
            for (int gr = cy0; gr < cy1 && cx0 < cx1; ++gr)
                std::copy_n(F.acc.data() + static_cast<std::size_t>(gr - F.box.y) * F.box.w + (cx0 - F.box.x), cx1 - cx0,
                            P + static_cast<std::size_t>(gr - gy0) * pw + (cx0 - gx0));
        }
        // A lower bound of mA + mB for every radius: the minima over the square of the largest radius (it holds
        // every disc), by separable min filters. A cell whose bound cannot give an improvement even with the
        // smallest window is skipped: floating-point sums are monotone, so the skipped cells are exactly ones
        // the full computation would give no improvement (same results, much less work).
        // Row by row: a ring of the last 2 Rm + 1 horizontal minima rows per field (not whole-fbox arrays).
        const int span = 2 * Rm + 1;
        const std::size_t fw = static_cast<std::size_t>(c.fbox.w);
        std::vector<double> ring(2 * static_cast<std::size_t>(span) * fw), lb(fw);
        auto hmin = [&](int pr) {  // padded row pr of both fields -> its ring slot
            for (int f = 0; f < 2; ++f) {
                const double* in = (f == 0 ? pa.data() : pb.data()) + static_cast<std::size_t>(pr) * pw;  // columns q - Rm .. q + Rm
                double* o = ring.data() + (static_cast<std::size_t>(f) * span + static_cast<std::size_t>(pr % span)) * fw;
                for (std::size_t q = 0; q < fw; ++q) {
                    double m = in[q];
                    for (int d = 1; d <= 2 * Rm; ++d) m = in[q + d] < m ? in[q + d] : m;
                    o[q] = m;
                }
            }
        };
        for (int pr = 0; pr < 2 * Rm; ++pr) hmin(pr);
        // the discs as offsets in the padded rows
        std::vector<std::vector<std::ptrdiff_t>> doff(discs.size());
        for (std::size_t ri = 0; ri < discs.size(); ++ri)
            for (const Offset& o : discs[ri]) doff[ri].push_back(static_cast<std::ptrdiff_t>(o.dr) * pw + o.dc);
        for (int r = 0; r < c.fbox.h; ++r) {
            hmin(r + 2 * Rm);
            for (std::size_t q = 0; q < fw; ++q) {
                double sum = 0;
                for (int f = 0; f < 2; ++f) {
                    double m = ring[(static_cast<std::size_t>(f) * span + static_cast<std::size_t>(r % span)) * fw + q];
                    for (int d = 1; d <= 2 * Rm; ++d) {
                        const double x = ring[(static_cast<std::size_t>(f) * span + static_cast<std::size_t>((r + d) % span)) * fw + q];
                        m = x < m ? x : m;
                    }
                    sum = f == 0 ? m : sum + m;
                }
                lb[q] = sum;
            }
            for (int q = 0; q < c.fbox.w; ++q) {
                const std::size_t i = static_cast<std::size_t>(r) * c.fbox.w + q;
                if (!(c.lcd - (lb[static_cast<std::size_t>(q)] + restored_min) > 0)) continue;
                const std::size_t centre = static_cast<std::size_t>(r + Rm) * pw + (q + Rm);
                const double* ca = pa.data() + centre;
                const double* cb = pb.data() + centre;
                Hit h{static_cast<std::uint32_t>(i), 0, 0.0, 0.0};
                for (std::size_t ri = 0; ri < discs.size(); ++ri) {  // radii in the given order; ties keep the first
                    const double across = 2.0 * opt.radii[ri] * s;
                    const double restored = across * opt.restored_resistance;
                    double ma = inf, mb = inf;
                    for (const std::ptrdiff_t o : doff[ri]) {  // +inf outside a field's box
                        ma = std::min(ma, ca[o]);
                        mb = std::min(mb, cb[o]);
                    }
                    if (!std::isfinite(ma) || !std::isfinite(mb)) continue;
                    const double imp = c.lcd - (ma + mb + restored);
                    if (!(imp > 0)) continue;
                    const double sc = imp / across;
                    if (sc > h.score) {
                        h.score = sc;
                        h.radius_index = static_cast<std::uint8_t>(ri);
                        h.improvement = imp;
                    }
                }
                if (h.score > 0) hits.push_back(h);
            }
        }
    });
    for (std::size_t t = g0; t < g1; ++t) {
        const std::size_t k = ks[t];
        const Corridor& c = cs[k];
        if (c.fbox.w <= 0 || c.fbox.h <= 0) continue;
        // the fbox scores 0 where nothing is restorable (NaN stays outside every fbox)
        for (int r = 0; r < c.fbox.h; ++r) {
            float* row = out_.score.data() + static_cast<std::size_t>(r + c.fbox.y) * W + c.fbox.x;
            for (int q = 0; q < c.fbox.w; ++q)
                if (std::isnan(row[q])) row[q] = 0.f;
        }
        for (const Hit& h : per[t - g0]) {
            const std::size_t r = h.i / static_cast<std::uint32_t>(c.fbox.w), q = h.i % static_cast<std::uint32_t>(c.fbox.w);
            const std::size_t g = (r + static_cast<std::size_t>(c.fbox.y)) * W + (q + static_cast<std::size_t>(c.fbox.x));
            if (h.score > out_.best[k]) {  // cell order: the first cell among equal bests
                out_.best[k] = h.score;
                out_.best_improvement[k] = h.improvement;
            }
            Tile& t = tile(g);
            const std::size_t j = in_tile(g, W, kTile);
            if (h.score > t.best[j] || (h.score == t.best[j] && k < t.from[j])) {
                t.best[j] = h.score;
                t.from[j] = static_cast<std::uint32_t>(k);
                t.rad[j] = h.radius_index;
                t.imp[j] = h.improvement;
                out_.score[g] = static_cast<float>(h.score);
            }
        }
        std::vector<Hit>().swap(per[t - g0]);
    }
    }
}

BarriersResult BarrierAccumulator::finish(const std::vector<Corridor>& cs, const Progress& progress) {
    const int W = p_.grid.width, H = p_.grid.height;
    const BarrierOptions& opt = opt_;
    BarriersResult out = std::move(out_);
    // Top windows: greedy, non-overlapping, in decreasing score (ties: lower cell index).
    struct Cand {
        double best;
        std::uint64_t g;
    };
    std::vector<Cand> cand;
    for (std::size_t ti = 0; ti < tiles_.size(); ++ti) {
        const Tile* t = tiles_[ti].get();
        if (!t) continue;
        const int tr = static_cast<int>(ti / tiles_w_) * kTile, tc = static_cast<int>(ti % tiles_w_) * kTile;
        for (int r = 0; r < kTile && tr + r < H; ++r)
            for (int c = 0; c < kTile && tc + c < W; ++c) {
                const double b = t->best[static_cast<std::size_t>(r) * kTile + c];
                if (b > 0) cand.push_back({b, static_cast<std::uint64_t>(tr + r) * W + (tc + c)});
            }
    }
    std::sort(cand.begin(), cand.end(), [](const Cand& a, const Cand& b) { return a.best > b.best || (a.best == b.best && a.g < b.g); });
    for (const Cand& cd : cand) {
        if (static_cast<int>(out.top.size()) >= opt.top) break;
        const std::uint64_t g = cd.g;
        const Tile& t = *find_tile(g);
        const std::size_t j = in_tile(g, W, kTile);
        const int r = static_cast<int>(g / W), c = static_cast<int>(g % W);
        const int R = opt.radii[t.rad[j]];
        bool clash = false;
        for (const auto& w : out.top) {
            const int tr = static_cast<int>(w.cell / W), tc = static_cast<int>(w.cell % W);
            const long long d2 = static_cast<long long>(tr - r) * (tr - r) + static_cast<long long>(tc - c) * (tc - c);
            if (d2 <= static_cast<long long>(R + w.radius) * (R + w.radius)) {
                clash = true;
                break;
            }
        }
        if (clash) continue;
        BarrierWindow w;
        w.corridor = t.from[j];
        w.cell = g;
        w.radius = R;
        w.score = t.best[j];
        w.improvement = t.imp[j];
        w.lcd = cs[t.from[j]].lcd;
        w.lcd_restored = w.lcd - w.improvement;
        w.cells = window_cells(W, H, r, c, R);
        out.top.push_back(std::move(w));
    }
    std::vector<std::unique_ptr<Tile>>().swap(tiles_);
    progress.report(1.0, "barriers");
    return out;
}

BarriersResult barriers(const Patches& p, const CorridorsResult& cor, const BarrierOptions& opt, const std::string& op,
                        const Progress& progress) {
    BarrierAccumulator acc(p, cor.corridors.size(), opt, op);
    std::vector<std::size_t> all(cor.corridors.size());
    std::iota(all.begin(), all.end(), std::size_t(0));
    acc.add(cor.corridors, all, cor.fields);
    progress.report(0.8, "barriers");
    return acc.finish(cor.corridors, progress);
}

}  // namespace eco::graph
