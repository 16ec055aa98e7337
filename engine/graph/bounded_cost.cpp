#include "graph/bounded_cost.h"

#include "raster/cost_moves.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>

namespace eco::graph {

namespace {
constexpr uint8_t kSettled = 0x80;
}

void bounded_window(const raster::CostSetup& s, const std::vector<uint64_t>& source_cells, double max_cost,
                    double r_min, BoundedSearch& ws) {
    const int W = s.width, H = s.height;
    ws.grid_w = W;
    int r0 = H, r1 = -1, c0 = W, c1 = -1;
    for (auto cell : source_cells) {
        const int r = static_cast<int>(cell / static_cast<uint64_t>(W)), c = static_cast<int>(cell % static_cast<uint64_t>(W));
        r0 = std::min(r0, r);
        r1 = std::max(r1, r);
        c0 = std::min(c0, c);
        c1 = std::max(c1, c);
    }
    const double unit = s.cell_units ? s.cw : 1.0;
    const double step = std::min(s.cw, s.ch) / unit;  // the shortest step length, in cost length units
    long long m = -1;
    if (std::isfinite(max_cost) && r_min > 0 && step > 0) {
        const double cells = std::ceil(max_cost / (r_min * step)) + 1;
        if (cells < static_cast<double>(std::max(W, H))) m = static_cast<long long>(cells);
    }
    if (r1 < 0 || m < 0) {
        ws.x0 = 0, ws.y0 = 0, ws.w = W, ws.h = H;
        return;
    }
    const long long x0 = std::max(0LL, c0 - m), x1 = std::min<long long>(W - 1, c1 + m);
    const long long y0 = std::max(0LL, r0 - m), y1 = std::min<long long>(H - 1, r1 + m);
    ws.x0 = static_cast<int>(x0);
    ws.y0 = static_cast<int>(y0);
    ws.w = static_cast<int>(x1 - x0 + 1);
    ws.h = static_cast<int>(y1 - y0 + 1);
}

// Readies the workspace for a search over n window cells. The buffers only grow; only the cells
// the previous search touched are reset, so a search costs what it settles, not its window's size.
static void reset_window(BoundedSearch& ws, std::size_t n) {
    const double inf = std::numeric_limits<double>::infinity();
    for (auto i : ws.touched) ws.acc[i] = inf, ws.dir[i] = 0;
    ws.touched.clear();
    if (ws.acc.size() < n) {
        ws.acc.resize(n, inf);
        ws.dir.resize(n, 0);
    }
}

// Marks the source cells inside the window (not nodata, each once) as settled at cost 0 and hands
// each one's window index to push.
template <class Push>
static void seed_sources(BoundedSearch& ws, const float* res, const std::vector<uint64_t>& source_cells, Push&& push) {
    for (auto cell : source_cells) {
        if (!ws.inside(cell) || std::isnan(static_cast<double>(res[cell]))) continue;
        const std::size_t i = ws.local(cell);
        if (ws.dir[i] == raster::kSourceDir) continue;
        ws.acc[i] = 0;
        ws.dir[i] = raster::kSourceDir;
        ws.touched.push_back(static_cast<uint32_t>(i));
        push(static_cast<uint32_t>(i));
    }
}

std::vector<PatchHit> bounded_cost_run(const raster::CostSetup& s, const float* res, const int32_t* label,
                                       int32_t source_label, const std::vector<uint64_t>& source_cells,
                                       double max_cost, BoundedSearch& ws) {
    const int W = s.width;
    const int ww = ws.w, wh = ws.h;
    const std::size_t n = static_cast<std::size_t>(ww) * static_cast<std::size_t>(wh);
    const double inf = std::numeric_limits<double>::infinity();
    reset_window(ws, n);
    ws.settled = 0;
    // the shared move table (raster/cost_moves.h): offsets in the window (stride ww) for the search, in the
    // grid (stride W) for the cells a knight's move crosses; the same lengths and step sums as the cost engine
    const raster::MoveTable mw(s, ww), mg(s, W);
    const int nm = mw.n;

    using Item = std::pair<double, uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    seed_sources(ws, res, source_cells, [&](uint32_t i) { heap.push({0.0, i}); });
    std::vector<PatchHit> hits;
    std::vector<int32_t> hit_of;  // label -> index in hits + 1 (grown on demand)
    while (!heap.empty()) {
        const auto [ec, i] = heap.top();
        heap.pop();
        if (ec > ws.acc[i] || (ws.dir[i] & kSettled)) continue;
        if (ec > max_cost) break;
        ws.dir[i] |= kSettled;
        ++ws.settled;
        const int r = static_cast<int>(i / static_cast<uint32_t>(ww)), c = static_cast<int>(i - static_cast<uint32_t>(r) * static_cast<uint32_t>(ww));
        const uint64_t gcell = static_cast<uint64_t>(r + ws.y0) * static_cast<uint64_t>(W) + static_cast<uint64_t>(c + ws.x0);
        if (label) {
            const int32_t L = label[gcell];
            if (L != 0 && L != source_label) {
                if (static_cast<std::size_t>(L) >= hit_of.size()) hit_of.resize(static_cast<std::size_t>(L) + 1, 0);
                int32_t& h = hit_of[static_cast<std::size_t>(L)];
                if (!h) {
                    hits.push_back({L, ec, gcell});
                    h = static_cast<int32_t>(hits.size());
                } else {
                    PatchHit& p = hits[static_cast<std::size_t>(h - 1)];
                    if (ec < p.cost || (ec == p.cost && gcell < p.cell)) p.cost = ec, p.cell = gcell;
                }
            }
        }
        const double ri = static_cast<double>(res[gcell]);
        for (int k = 1; k <= nm; ++k) {
            const int rr = r + mw.dr[k], cc = c + mw.dc[k];
            if (rr < 0 || rr >= wh || cc < 0 || cc >= ww) continue;
            const std::size_t j = static_cast<std::size_t>(static_cast<long long>(i) + mw.off[k]);
            if (ws.dir[j] & kSettled) continue;
            const double rj = static_cast<double>(res[static_cast<long long>(gcell) + mg.off[k]]);
            if (std::isnan(rj)) continue;
            // a knight's move's crossed cells lie within the window's rows and columns spanned by the move
            const double step = mg.step(k, ri, rj, [&](long long o) { return static_cast<double>(res[static_cast<long long>(gcell) + o]); });
            if (std::isnan(step)) continue;
            const double cand = ec + step;
            double& aj = ws.acc[j];
            if (cand < aj) {
                if (std::isinf(aj)) ws.touched.push_back(static_cast<uint32_t>(j));
                aj = cand;
                ws.dir[j] = static_cast<uint8_t>(mw.opposite[k]);
                heap.push({cand, static_cast<uint32_t>(j)});
            } else if (cand == aj && ws.dir[j] != raster::kSourceDir && mw.opposite[k] < ws.dir[j]) {
                ws.dir[j] = static_cast<uint8_t>(mw.opposite[k]);  // exact tie: the lower move number, as cost_run
            }
        }
    }
    // Cells pushed but not settled (beyond the bound) are not part of the result.
    for (auto i : ws.touched) {
        if (ws.dir[i] & kSettled) ws.dir[i] &= static_cast<uint8_t>(~kSettled);
        else ws.dir[i] = 0, ws.acc[i] = inf;
    }
    std::sort(hits.begin(), hits.end(), [](const PatchHit& a, const PatchHit& b) { return a.label < b.label; });
    return hits;
}

void bounded_values_run(const raster::CostSetup& s, const float* res, const std::vector<uint64_t>& source_cells,
                        double max_cost, double r_min, double r_max, BoundedSearch& ws) {
    const double unit = s.cell_units ? s.cw : 1.0;
    const double delta = 0.5 * r_min * std::min(s.cw, s.ch) / unit;
    if (!(delta > 0) || !std::isfinite(max_cost) || !(max_cost >= 0) || max_cost / delta > 5e7) {
        bounded_cost_run(s, res, nullptr, 0, source_cells, max_cost, ws);
        return;
    }
    const int W = s.width;
    const int ww = ws.w, wh = ws.h;
    const std::size_t n = static_cast<std::size_t>(ww) * static_cast<std::size_t>(wh);
    reset_window(ws, n);
    const raster::MoveTable mw(s, ww), mg(s, W);
    // A ring of buckets: a step spans at most r_max x the longest move / delta buckets. (Were r_max wrong, an
    // entry would only be worked early, and again when a cheaper value came: slower, still exact.)
    std::size_t nb = static_cast<std::size_t>(max_cost / delta) + 2;
    double longest = 0;
    for (int k = 1; k <= mw.n; ++k) longest = std::max(longest, mw.len[k]);
    const double span = std::isfinite(r_max) && r_max > 0 ? std::ceil(r_max * longest / delta) + 2 : 4096;
    if (span < static_cast<double>(nb)) nb = static_cast<std::size_t>(span);
    if (ws.buckets.size() < nb) ws.buckets.resize(nb);
    std::size_t pending = 0;
    const int nm = mw.n;
    seed_sources(ws, res, source_cells, [&](uint32_t i) {
        ws.buckets[0].push_back({0.0, i});
        ++pending;
    });
    for (std::size_t b = 0; pending > 0; ++b) {
        auto& B = ws.buckets[b % nb];
        for (std::size_t t = 0; t < B.size(); ++t) {  // B may grow while it is worked (rounding): by index
            const auto [ec, i] = B[t];
            --pending;
            if (ec != ws.acc[i]) continue;  // a cheaper value came later: worked from its own entry
            const int r = static_cast<int>(i / static_cast<uint32_t>(ww)), c = static_cast<int>(i - static_cast<uint32_t>(r) * static_cast<uint32_t>(ww));
            const uint64_t gcell = static_cast<uint64_t>(r + ws.y0) * static_cast<uint64_t>(W) + static_cast<uint64_t>(c + ws.x0);
            const double ri = static_cast<double>(res[gcell]);
            const bool interior = r >= mw.reach && r < wh - mw.reach && c >= mw.reach && c < ww - mw.reach;
            for (int k = 1; k <= nm; ++k) {
                if (!interior) {
                    const int rr = r + mw.dr[k], cc = c + mw.dc[k];
                    if (rr < 0 || rr >= wh || cc < 0 || cc >= ww) continue;
                }
                const double rj = static_cast<double>(res[static_cast<long long>(gcell) + mg.off[k]]);
                if (std::isnan(rj)) continue;
                const double step = mg.step(k, ri, rj, [&](long long o) { return static_cast<double>(res[static_cast<long long>(gcell) + o]); });
                if (std::isnan(step)) continue;
                const double cand = ec + step;
                if (!(cand <= max_cost)) continue;
                const std::size_t j = static_cast<std::size_t>(static_cast<long long>(i) + mw.off[k]);
                double& aj = ws.acc[j];
                if (cand < aj) {
                    if (std::isinf(aj)) ws.touched.push_back(static_cast<uint32_t>(j));
                    aj = cand;
                    const std::size_t bb = std::max(b, static_cast<std::size_t>(cand / delta));
                    ws.buckets[bb % nb].push_back({cand, static_cast<uint32_t>(j)});
                    ++pending;
                }
            }
        }
        B.clear();
    }
    ws.settled = ws.touched.size();
}

std::vector<uint64_t> bounded_trace(const BoundedSearch& ws, uint64_t cell) {
    std::vector<uint64_t> out;
    const int W = ws.grid_w;
    while (true) {
        out.push_back(cell);
        const uint8_t d = ws.dir[ws.local(cell)];
        if (d == raster::kSourceDir || d == 0) break;
        const auto& m = raster::cost_move(d);
        const int r = static_cast<int>(cell / static_cast<uint64_t>(W)), c = static_cast<int>(cell % static_cast<uint64_t>(W));
        cell = static_cast<uint64_t>(r + m.dr) * static_cast<uint64_t>(W) + static_cast<uint64_t>(c + m.dc);
    }
    return out;
}

}  // namespace eco::graph
