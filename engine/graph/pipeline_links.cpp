#include "graph/pipeline_links.h"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "core/error.h"
#include "raster/raster_cost.h"

namespace eco::graph {

Resistance resistance_from_table(const LandCover& lc, const raster::ReclassTable& table, const std::string& op) {
    const std::size_t n = lc.cls.size();
    Resistance out;
    out.r.assign(n, std::numeric_limits<float>::quiet_NaN());
    std::map<long long, const raster::ReclassRow*> seen;
    std::set<long long> missing;
    out.min = std::numeric_limits<double>::infinity();
    out.max = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!lc.valid[i]) continue;
        const long long c = lc.cls[i];
        auto it = seen.find(c);
        if (it == seen.end()) it = seen.emplace(c, table.find(c)).first;
        if (!it->second) {
            missing.insert(c);
            continue;
        }
        if (!it->second->value) continue;
        const double v = *it->second->value;
        if (!(v > 0))
            throw BadInput(op + ": resistance of class " + std::to_string(c) + " in '" + table.path + "' must be > 0");
        out.r[i] = static_cast<float>(v);
        out.min = std::min(out.min, static_cast<double>(out.r[i]));
        out.max = std::max(out.max, static_cast<double>(out.r[i]));
    }
    if (!missing.empty()) {
        std::ostringstream s;
        for (auto c : missing) s << (s.tellp() > 0 ? "," : "") << c;
        throw BadInput(op + ": classes " + s.str() + " of the land cover raster are not in the resistance table '" +
                       table.path + "'; add them (a value of 'nodata' makes a class impassable)");
    }
    if (!std::isfinite(out.min)) out.min = out.max = 0;
    return out;
}

namespace {

// Border cells (cells with a 4-neighbour outside the patch) of every patch, as (row, col).
std::vector<std::vector<std::pair<int, int>>> border_cells(const Patches& p) {
    const int W = p.grid.width, H = p.grid.height;
    std::vector<std::vector<std::pair<int, int>>> b(p.count());
    for (int r = 0; r < H; ++r)
        for (int c = 0; c < W; ++c) {
            const int32_t id = p.label[static_cast<std::size_t>(r) * W + c];
            if (!id) continue;
            bool edge = false;
            const int dr[4] = {0, 0, -1, 1}, dc[4] = {-1, 1, 0, 0};
            for (int k = 0; k < 4 && !edge; ++k) {
                const int rr = r + dr[k], cc = c + dc[k];
                edge = rr < 0 || rr >= H || cc < 0 || cc >= W || p.label[static_cast<std::size_t>(rr) * W + cc] != id;
            }
            if (edge) b[static_cast<std::size_t>(id - 1)].emplace_back(r, c);
        }
    return b;
}

struct Nearest {
    double euclid = std::numeric_limits<double>::infinity(), octile = 0;
    std::pair<int, int> a{0, 0}, b{0, 0};
};

Nearest nearest_cells(const std::vector<std::pair<int, int>>& A, const std::vector<std::pair<int, int>>& B, double cw,
                      double ch) {
    Nearest n;
    for (const auto& a : A)
        for (const auto& b : B) {
            const double dx = (b.second - a.second) * cw, dy = (b.first - a.first) * ch;
            const double d = std::hypot(dx, dy);
            if (d < n.euclid) {
                n.euclid = d;
                n.a = a;
                n.b = b;
            }
        }
    // 8-neighbour steps: min(dx,dy) diagonal steps, the rest straight (square cells: exact octile).
    const int sc = std::abs(n.b.second - n.a.second), sr = std::abs(n.b.first - n.a.first);
    const int diag = std::min(sc, sr);
    n.octile = diag * std::hypot(cw, ch) + (sc - diag) * cw + (sr - diag) * ch;
    return n;
}

}  // namespace

LinksResult patch_links(const Patches& p, const Resistance& res, const LinkOptions& opt, const std::string& op,
                        const Progress& progress) {
    if (opt.topology != "complete" && opt.topology != "planar")
        throw BadInput(op + ": --links must be complete or planar, got '" + opt.topology + "'");
    if (opt.distance != "cost" && opt.distance != "euclidean")
        throw BadInput(op + ": --distance must be cost or euclidean, got '" + opt.distance + "'");
    const int W = p.grid.width, H = p.grid.height;
    const std::size_t n = static_cast<std::size_t>(W) * H, np = p.count();
    LinksResult out;
    if (np < 2) return out;

    raster::CostSetup setup;
    setup.width = W;
    setup.height = H;
    setup.cw = p.grid.cw;
    setup.ch = p.grid.ch;
    setup.knight = opt.knight;

    std::vector<std::vector<uint64_t>> cells_of(np);
    for (std::size_t i = 0; i < n; ++i)
        if (p.label[i]) cells_of[static_cast<std::size_t>(p.label[i] - 1)].push_back(i);

    // Candidate pairs.
    std::vector<std::vector<uint8_t>> cand(np, std::vector<uint8_t>(np, 1));
    if (opt.topology == "planar") {
        for (auto& row : cand) std::fill(row.begin(), row.end(), 0);
        std::vector<std::pair<uint64_t, int32_t>> all;
        for (std::size_t k = 0; k < np; ++k)
            for (auto c : cells_of[k]) all.emplace_back(c, static_cast<int32_t>(k + 1));
        raster::CostState st;
        raster::cost_run(setup, res.r.data(), all, st, progress.sub(0, 0.1));
        for (int r = 0; r < H; ++r)
            for (int c = 0; c < W; ++c) {
                const int32_t a = st.alloc[static_cast<std::size_t>(r) * W + c];
                if (!a) continue;
                const int dr[4] = {0, 1, 1, 1}, dc[4] = {1, -1, 0, 1};
                for (int k = 0; k < 4; ++k) {
                    const int rr = r + dr[k], cc = c + dc[k];
                    if (rr >= H || cc < 0 || cc >= W) continue;
                    const int32_t b = st.alloc[static_cast<std::size_t>(rr) * W + cc];
                    if (b && b != a) cand[static_cast<std::size_t>(a - 1)][static_cast<std::size_t>(b - 1)] =
                        cand[static_cast<std::size_t>(b - 1)][static_cast<std::size_t>(a - 1)] = 1;
                }
            }
    }

    const auto borders = border_cells(p);
    const bool use_cost = opt.distance == "cost";
    std::vector<std::vector<PatchLink>> per(np);
    std::vector<std::size_t> unreach(np, 0), cands(np, 0);
    auto step_len = [&](int dr, int dc) { return std::hypot(dc * p.grid.cw, dr * p.grid.ch); };
    auto centre = [&](int r, int c) { return std::make_pair(p.grid.col_x(c + 0.5), p.grid.row_y(r + 0.5)); };

    std::size_t done = 0;
    const std::size_t group = 16;
    for (std::size_t g0 = 0; g0 < np; g0 += group) {
        const std::size_t g1 = std::min(np, g0 + group);
        tbb::parallel_for(g0, g1, [&](std::size_t u) {
            bool any = false;
            for (std::size_t v = u + 1; v < np; ++v) any = any || cand[u][v];
            if (!any) return;
            raster::CostState st;
            if (use_cost) {
                std::vector<std::pair<uint64_t, int32_t>> s;
                for (auto c : cells_of[u]) s.emplace_back(c, 1);
                raster::cost_run(setup, res.r.data(), s, st);
            }
            for (std::size_t v = u + 1; v < np; ++v) {
                if (!cand[u][v]) continue;
                ++cands[u];
                PatchLink L;
                L.u = static_cast<std::uint32_t>(u);
                L.v = static_cast<std::uint32_t>(v);
                const Nearest nn = nearest_cells(borders[u], borders[v], p.grid.cw, p.grid.ch);
                L.euclid = nn.euclid;
                L.octile = nn.octile;
                L.near_u = static_cast<std::uint64_t>(nn.a.first) * W + static_cast<std::uint64_t>(nn.a.second);
                L.near_v = static_cast<std::uint64_t>(nn.b.first) * W + static_cast<std::uint64_t>(nn.b.second);
                if (use_cost) {
                    double best = std::numeric_limits<double>::infinity();
                    uint64_t at = 0;
                    for (auto c : cells_of[v])
                        if (st.acc[c] < best) {
                            best = st.acc[c];
                            at = c;
                        }
                    if (!std::isfinite(best)) {
                        ++unreach[u];
                        continue;
                    }
                    L.cost = best;
                    // Trace back to patch u, then reverse (path from u to v).
                    uint64_t c = at;
                    double len = 0;
                    std::vector<std::pair<double, double>> pts;
                    while (true) {
                        const int r = static_cast<int>(c / W), col = static_cast<int>(c % W);
                        pts.push_back(centre(r, col));
                        const uint8_t d = st.dir[c];
                        if (d == raster::kSourceDir || d == 0) break;
                        const auto& m = raster::cost_move(d);
                        len += step_len(m.dr, m.dc);
                        c = static_cast<uint64_t>(r + m.dr) * W + static_cast<uint64_t>(col + m.dc);
                    }
                    std::reverse(pts.begin(), pts.end());
                    L.path = std::move(pts);
                    L.length = len;
                    L.distance = best;
                } else {
                    L.cost = std::numeric_limits<double>::quiet_NaN();
                    L.length = nn.euclid;
                    L.distance = nn.euclid;
                    L.path = {centre(nn.a.first, nn.a.second), centre(nn.b.first, nn.b.second)};
                }
                per[u].push_back(std::move(L));
            }
        });
        done = g1;
        progress.sub(0.1, 1.0).report(static_cast<double>(done) / np, "least-cost links");
    }
    for (std::size_t u = 0; u < np; ++u) {
        out.unreachable_pairs += unreach[u];
        out.candidate_pairs += cands[u];
        for (auto& L : per[u]) {
            if (opt.max_distance && L.distance > *opt.max_distance) {
                ++out.over_max;
                continue;
            }
            out.links.push_back(std::move(L));
        }
    }
    return out;
}

}  // namespace eco::graph
