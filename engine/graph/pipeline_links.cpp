#include "graph/pipeline_links.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "core/error.h"
#include "graph/bounded_cost.h"
#include "graph/rss_trace.h"
#include "raster/cost_moves.h"
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
    long long last_class = 0;  // the last class with a finite resistance (runs of one class are common)
    const raster::ReclassRow* last_row = nullptr;
    float last_value = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!lc.valid[i]) continue;
        const long long c = lc.cls[i];
        if (c == last_class && last_row) {
            out.r[i] = last_value;
            continue;
        }
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
        last_class = c, last_row = it->second, last_value = out.r[i];
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

// Border cells (cells with a 4-neighbour outside the patch) of every patch, as (row, col), row-major.
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

// A patch's border cells indexed by row, for nearest-cell queries.
struct BorderIndex {
    const std::vector<std::pair<int, int>>* cells = nullptr;  // row-major
    std::vector<int> rows;                                    // distinct rows, increasing
    std::vector<std::size_t> start;                           // cells of rows[k]: [start[k], start[k+1])
    int rmin = 0, rmax = -1, cmin = 0, cmax = -1;
};

BorderIndex index_border(const std::vector<std::pair<int, int>>& cells) {
    BorderIndex x;
    x.cells = &cells;
    if (cells.empty()) return x;
    x.rmin = cells.front().first;
    x.rmax = cells.back().first;
    x.cmin = x.cmax = cells.front().second;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (x.rows.empty() || x.rows.back() != cells[i].first) {
            x.rows.push_back(cells[i].first);
            x.start.push_back(i);
        }
        x.cmin = std::min(x.cmin, cells[i].second);
        x.cmax = std::max(x.cmax, cells[i].second);
    }
    x.start.push_back(cells.size());
    return x;
}

struct Nearest {
    double euclid = std::numeric_limits<double>::infinity(), octile = 0;
    std::pair<int, int> a{0, 0}, b{0, 0};
};

// The closest pair of cell centres (a in A, b in B): the smallest distance, and among equal distances
// the first a in row-major order, then the first b (the result of trying every pair in that order).
// A's cells are tried nearest to B's bounding box first, B is searched row by row within the best
// distance so far: exact, without the |A| x |B| pairs.
Nearest nearest_cells(const BorderIndex& A, const BorderIndex& B, double cw, double ch) {
    Nearest n;
    const auto& ac = *A.cells;
    const auto& bc = *B.cells;
    if (ac.empty() || bc.empty()) return n;
    auto box_dist = [&](const std::pair<int, int>& a) {
        const int dc = std::max({0, B.cmin - a.second, a.second - B.cmax});
        const int dr = std::max({0, B.rmin - a.first, a.first - B.rmax});
        return std::hypot(dc * cw, dr * ch);
    };
    std::vector<std::pair<double, std::size_t>> order(ac.size());
    for (std::size_t i = 0; i < ac.size(); ++i) order[i] = {box_dist(ac[i]), i};
    std::sort(order.begin(), order.end());
    std::size_t best_a = 0;
    for (const auto& [bd, ia] : order) {
        if (bd > n.euclid) break;
        const auto& a = ac[ia];
        // rows of B within the best distance
        std::size_t k0 = 0, k1 = B.rows.size();
        if (std::isfinite(n.euclid)) {
            const int span = static_cast<int>(std::floor(n.euclid / ch)) + 1;
            k0 = static_cast<std::size_t>(std::lower_bound(B.rows.begin(), B.rows.end(), a.first - span) - B.rows.begin());
            k1 = static_cast<std::size_t>(std::upper_bound(B.rows.begin(), B.rows.end(), a.first + span) - B.rows.begin());
        }
        double abest = std::numeric_limits<double>::infinity();
        std::pair<int, int> bsel{0, 0};
        for (std::size_t k = k0; k < k1; ++k) {
            const double dy = (B.rows[k] - a.first) * ch;
            if (std::abs(dy) > n.euclid) continue;
            const auto first = bc.begin() + static_cast<std::ptrdiff_t>(B.start[k]);
            const auto last = bc.begin() + static_cast<std::ptrdiff_t>(B.start[k + 1]);
            auto it = std::lower_bound(first, last, a, [](const std::pair<int, int>& x, const std::pair<int, int>& v) {
                return x.second < v.second;
            });
            for (auto jt : {it == first ? last : it - 1, it}) {  // left neighbour first: row-major order
                if (jt == last) continue;
                const double dx = (jt->second - a.second) * cw;
                const double d = std::hypot(dx, (jt->first - a.first) * ch);
                if (d < abest) {
                    abest = d;
                    bsel = *jt;
                }
            }
        }
        if (abest < n.euclid || (abest == n.euclid && ia < best_a)) {
            n.euclid = abest;
            n.a = a;
            n.b = bsel;
            best_a = ia;
        }
    }
    // 8-neighbour steps: min(dx,dy) diagonal steps, the rest straight (square cells: exact octile).
    const int sc = std::abs(n.b.second - n.a.second), sr = std::abs(n.b.first - n.a.first);
    const int diag = std::min(sc, sr);
    n.octile = diag * std::hypot(cw, ch) + (sc - diag) * cw + (sr - diag) * ch;
    return n;
}

void set_nearest(PatchLink& L, const Nearest& nn, int W) {
    L.euclid = nn.euclid;
    L.octile = nn.octile;
    L.near_u = static_cast<std::uint64_t>(nn.a.first) * W + static_cast<std::uint64_t>(nn.a.second);
    L.near_v = static_cast<std::uint64_t>(nn.b.first) * W + static_cast<std::uint64_t>(nn.b.second);
}

// Planar links with costs from one multi-source cost run (planar_costs = allocation; see the header).
LinksResult planar_allocation_links(const Patches& p, const Resistance& res, const LinkOptions& opt,
                                    const raster::CostSetup& setup, const Progress& progress) {
    const int W = p.grid.width, H = p.grid.height;
    const std::size_t n = static_cast<std::size_t>(W) * H, np = p.count();
    LinksResult out;
    raster::CostState st;
    {
        std::vector<std::pair<uint64_t, int32_t>> all;
        for (std::size_t i = 0; i < n; ++i)
            if (p.label[i]) all.emplace_back(i, p.label[i]);
        rss_trace("allocation sources");
        raster::cost_run(setup, res.r.data(), all, st, progress.sub(0, 0.7));
    }
    rss_trace("allocation run");
    out.settled_cells = 0;
    for (std::size_t i = 0; i < n; ++i) out.settled_cells += std::isfinite(st.acc[i]);
    // Forward moves (each unordered neighbour pair once).
    std::vector<int> fwd;
    const raster::MoveTable mt(setup, W);  // the cost engine's step costs (raster/cost_moves.h)
    for (int k = 1; k <= mt.n; ++k) {
        const auto& m = raster::cost_move(k);
        if (m.dr > 0 || (m.dr == 0 && m.dc > 0)) fwd.push_back(k);
    }
    const float* rr_ = res.r.data();
    struct Meet {
        double cost;
        uint64_t cu, cv;  // the meeting cells in zone u and zone v
        int k;            // the move from cu to cv
    };
    std::map<std::pair<int32_t, int32_t>, Meet> best;
    for (int r = 0; r < H; ++r) {
        for (int c = 0; c < W; ++c) {
            const uint64_t a = static_cast<uint64_t>(r) * W + c;
            const int32_t A = st.alloc[a];
            if (!A) continue;
            for (int k : fwd) {
                const auto& m = raster::cost_move(k);
                const int rr = r + m.dr, cc = c + m.dc;
                if (rr < 0 || rr >= H || cc < 0 || cc >= W) continue;
                const uint64_t b = static_cast<uint64_t>(rr) * W + cc;
                const int32_t B = st.alloc[b];
                if (!B || B == A) continue;
                const double step = mt.step(k, rr_[a], rr_[b], [&](long long o) { return static_cast<double>(rr_[static_cast<long long>(a) + o]); });
                if (std::isnan(step)) continue;
                const bool a_is_u = A < B;
                const uint64_t cu = a_is_u ? a : b, cv = a_is_u ? b : a;
                const double cost = st.acc[cu] + step + st.acc[cv];
                const auto key = std::make_pair(std::min(A, B), std::max(A, B));
                auto it = best.find(key);
                if (it == best.end()) best.emplace(key, Meet{cost, cu, cv, k});
                else if (cost < it->second.cost) it->second = Meet{cost, cu, cv, k};
            }
        }
        if (r % 256 == 0) progress.sub(0.7, 0.8).report(static_cast<double>(r) / H, "planar links");
    }
    rss_trace("allocation meets");
    const auto borders = border_cells(p);
    std::vector<BorderIndex> bidx(np);
    for (std::size_t k = 0; k < np; ++k) bidx[k] = index_border(borders[k]);
    rss_trace("borders");
    std::vector<std::pair<std::pair<int32_t, int32_t>, Meet>> meets(best.begin(), best.end());
    std::vector<PatchLink> links(meets.size());
    auto centre = [&](uint64_t cell) {
        return std::make_pair(p.grid.col_x(static_cast<double>(cell % W) + 0.5), p.grid.row_y(static_cast<double>(cell / W) + 0.5));
    };
    auto trace = [&](uint64_t c) {
        std::vector<uint64_t> cells;
        while (true) {
            cells.push_back(c);
            const uint8_t d = st.dir[c];
            if (d == raster::kSourceDir || d == 0) break;
            if (cells.size() > st.dir.size())  // back-links never loop (raster_cost.cpp); guard anyway
                throw Failure("planar links: the back-links from cell " + std::to_string(cells.front()) +
                              " do not lead to a patch; please report this with the land cover raster");
            const auto& m = raster::cost_move(d);
            c = static_cast<uint64_t>(static_cast<int>(c / W) + m.dr) * W + static_cast<uint64_t>(static_cast<int>(c % W) + m.dc);
        }
        return cells;
    };
    tbb::parallel_for(std::size_t(0), meets.size(), [&](std::size_t e) {
        const auto& [key, mt] = meets[e];
        PatchLink& L = links[e];
        L.u = static_cast<std::uint32_t>(key.first - 1);
        L.v = static_cast<std::uint32_t>(key.second - 1);
        L.cost = mt.cost;
        L.distance = mt.cost;
        auto tu = trace(mt.cu), tv = trace(mt.cv);
        std::reverse(tu.begin(), tu.end());
        tu.insert(tu.end(), tv.begin(), tv.end());
        double length = 0;
        for (std::size_t i = 1; i < tu.size(); ++i) {
            const double dx = (static_cast<double>(tu[i] % W) - static_cast<double>(tu[i - 1] % W)) * p.grid.cw;
            const double dy = (static_cast<double>(tu[i] / W) - static_cast<double>(tu[i - 1] / W)) * p.grid.ch;
            length += std::hypot(dx, dy);
        }
        L.length = length;
        L.path.reserve(tu.size());
        for (auto c : tu) L.path.push_back(centre(c));
        set_nearest(L, nearest_cells(bidx[L.u], bidx[L.v], p.grid.cw, p.grid.ch), W);
    });
    out.candidate_pairs = links.size();
    for (auto& L : links) {
        if (opt.max_distance && L.distance > *opt.max_distance) {
            ++out.over_max;
            continue;
        }
        out.links.push_back(std::move(L));
    }
    progress.report(1.0, "planar links");
    return out;
}

}  // namespace

LinksResult patch_links(const Patches& p, const Resistance& res, const LinkOptions& opt, const std::string& op,
                        const Progress& progress) {
    if (opt.topology != "complete" && opt.topology != "planar")
        throw BadInput(op + ": --links must be complete or planar, got '" + opt.topology + "'");
    if (opt.distance != "cost" && opt.distance != "euclidean")
        throw BadInput(op + ": --distance must be cost or euclidean, got '" + opt.distance + "'");
    if (opt.planar_costs != "pairwise" && opt.planar_costs != "allocation")
        throw BadInput(op + ": --planar-costs must be pairwise or allocation, got '" + opt.planar_costs + "'");
    const int W = p.grid.width, H = p.grid.height;
    const std::size_t n = static_cast<std::size_t>(W) * H, np = p.count();
    LinksResult out;
    if (np < 2) return out;

    const raster::CostSetup setup = raster::cost_setup(p.grid, opt.knight);
    const bool use_cost = opt.distance == "cost";
    if (opt.topology == "planar" && use_cost && opt.planar_costs == "allocation")
        return planar_allocation_links(p, res, opt, setup, progress);

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
    std::vector<BorderIndex> bidx(np);
    for (std::size_t k = 0; k < np; ++k) bidx[k] = index_border(borders[k]);
    const double bound = (use_cost && opt.max_distance) ? *opt.max_distance : std::numeric_limits<double>::infinity();
    std::vector<std::vector<PatchLink>> per(np);
    std::vector<std::size_t> unreach(np, 0), cands(np, 0), beyond(np, 0), settled(np, 0);
    auto centre = [&](uint64_t cell) {
        return std::make_pair(p.grid.col_x(static_cast<double>(cell % W) + 0.5), p.grid.row_y(static_cast<double>(cell / W) + 0.5));
    };
    tbb::enumerable_thread_specific<BoundedSearch> workspaces;

    const std::size_t group = 16;
    for (std::size_t g0 = 0; g0 < np; g0 += group) {
        const std::size_t g1 = std::min(np, g0 + group);
        tbb::parallel_for(g0, g1, [&](std::size_t u) {
            bool any = false;
            for (std::size_t v = u + 1; v < np; ++v) any = any || cand[u][v];
            if (!any) return;
            BoundedSearch& ws = workspaces.local();
            std::vector<PatchHit> hits;
            if (use_cost) {
                bounded_window(setup, cells_of[u], bound, res.min, ws);
                hits = bounded_cost_run(setup, res.r.data(), p.label.data(), static_cast<int32_t>(u + 1), cells_of[u], bound, ws);
                settled[u] = ws.settled;
            }
            std::size_t h = 0;
            for (std::size_t v = u + 1; v < np; ++v) {
                if (!cand[u][v]) continue;
                ++cands[u];
                PatchLink L;
                L.u = static_cast<std::uint32_t>(u);
                L.v = static_cast<std::uint32_t>(v);
                if (use_cost) {
                    while (h < hits.size() && hits[h].label < static_cast<int32_t>(v + 1)) ++h;
                    if (h == hits.size() || hits[h].label != static_cast<int32_t>(v + 1)) {
                        if (std::isfinite(bound)) ++beyond[u];
                        else ++unreach[u];
                        continue;
                    }
                    const PatchHit& hit = hits[h];
                    L.cost = hit.cost;
                    L.distance = hit.cost;
                    auto cells = bounded_trace(ws, hit.cell);  // from v back to u
                    std::reverse(cells.begin(), cells.end());
                    double len = 0;
                    for (std::size_t i = 1; i < cells.size(); ++i) {
                        const double dx = (static_cast<double>(cells[i] % W) - static_cast<double>(cells[i - 1] % W)) * p.grid.cw;
                        const double dy = (static_cast<double>(cells[i] / W) - static_cast<double>(cells[i - 1] / W)) * p.grid.ch;
                        len += std::hypot(dx, dy);
                    }
                    L.length = len;
                    L.path.reserve(cells.size());
                    for (auto c : cells) L.path.push_back(centre(c));
                    set_nearest(L, nearest_cells(bidx[u], bidx[v], p.grid.cw, p.grid.ch), W);
                } else {
                    set_nearest(L, nearest_cells(bidx[u], bidx[v], p.grid.cw, p.grid.ch), W);
                    L.cost = std::numeric_limits<double>::quiet_NaN();
                    L.length = L.euclid;
                    L.distance = L.euclid;
                    L.path = {centre(L.near_u), centre(L.near_v)};
                }
                per[u].push_back(std::move(L));
            }
        });
        progress.sub(0.1, 1.0).report(static_cast<double>(g1) / np, "least-cost links");
    }
    for (std::size_t u = 0; u < np; ++u) {
        out.unreachable_pairs += unreach[u];
        out.candidate_pairs += cands[u];
        out.over_max += beyond[u];
        out.settled_cells += settled[u];
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
