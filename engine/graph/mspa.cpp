#include "graph/mspa.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <cmath>
#include <deque>
#include <set>
#include <string>

#include "core/error.h"

namespace eco::graph {

namespace {

using Mask = std::vector<char>;

struct Grid {
    std::size_t R, C;
    // neighbours of cell c with connectivity 4 or 8, in a fixed order
    template <class F>
    void around(std::size_t c, int conn, F&& f) const {
        const long r = static_cast<long>(c / C), k = static_cast<long>(c % C);
        static const int d8[8][2] = {{-1, 0}, {0, -1}, {0, 1}, {1, 0}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        for (int i = 0; i < conn; ++i) {
            long rr = r + d8[i][0], kk = k + d8[i][1];
            if (rr < 0 || kk < 0 || rr >= static_cast<long>(R) || kk >= static_cast<long>(C)) continue;
            f(static_cast<std::size_t>(rr) * C + static_cast<std::size_t>(kk));
        }
    }
    bool border(std::size_t c) const {
        std::size_t r = c / C, k = c % C;
        return r == 0 || k == 0 || r + 1 == R || k + 1 == C;
    }
};

// Offsets (dr, dc) within Euclidean distance `t` (excluding 0).
std::vector<std::pair<int, int>> disk(double t) {
    std::vector<std::pair<int, int>> o;
    int m = static_cast<int>(std::floor(t));
    for (int dr = -m; dr <= m; ++dr)
        for (int dc = -m; dc <= m; ++dc)
            if ((dr || dc) && dr * dr + dc * dc <= t * t) o.emplace_back(dr, dc);
    return o;
}

// Cells not in X within the disk of some X cell.
Mask ring(const Grid& g, const Mask& X, const std::vector<std::pair<int, int>>& off) {
    Mask out(X.size(), 0);
    for (std::size_t c = 0; c < X.size(); ++c) {
        if (!X[c]) continue;
        long r = static_cast<long>(c / g.C), k = static_cast<long>(c % g.C);
        for (auto [dr, dc] : off) {
            long rr = r + dr, kk = k + dc;
            if (rr < 0 || kk < 0 || rr >= static_cast<long>(g.R) || kk >= static_cast<long>(g.C)) continue;
            std::size_t q = static_cast<std::size_t>(rr) * g.C + static_cast<std::size_t>(kk);
            if (!X[q]) out[q] = 1;
        }
    }
    return out;
}

// X plus its holes: cells not in X that cannot reach the raster border through non-X cells
// (connectivity `conn`).
Mask fill_holes(const Grid& g, const Mask& X, int conn) {
    Mask reach(X.size(), 0);
    std::deque<std::size_t> q;
    for (std::size_t c = 0; c < X.size(); ++c)
        if (!X[c] && g.border(c)) {
            reach[c] = 1;
            q.push_back(c);
        }
    while (!q.empty()) {
        std::size_t c = q.front();
        q.pop_front();
        g.around(c, conn, [&](std::size_t n) {
            if (!X[n] && !reach[n]) {
                reach[n] = 1;
                q.push_back(n);
            }
        });
    }
    Mask out(X.size());
    for (std::size_t c = 0; c < X.size(); ++c) out[c] = X[c] || !reach[c];
    return out;
}

// Component labels (0..n-1, -1 outside the mask), numbered by first cell.
std::vector<int> label(const Grid& g, const Mask& X, int conn, int& count) {
    std::vector<int> lab(X.size(), -1);
    count = 0;
    std::vector<std::size_t> st;
    for (std::size_t c = 0; c < X.size(); ++c) {
        if (!X[c] || lab[c] >= 0) continue;
        lab[c] = count;
        st.push_back(c);
        while (!st.empty()) {
            std::size_t x = st.back();
            st.pop_back();
            g.around(x, conn, [&](std::size_t n) {
                if (X[n] && lab[n] < 0) {
                    lab[n] = count;
                    st.push_back(n);
                }
            });
        }
        ++count;
    }
    return lab;
}

// Labels the cells of `cells` that are in `X` (components with connectivity `conn`) into `lab`
// (a whole-raster array holding -1 everywhere else); returns the count. Cost: O(|cells|).
int label_in(const Grid& g, const std::vector<std::size_t>& cells, const Mask& X, int conn, std::vector<int>& lab) {
    int count = 0;
    std::vector<std::size_t> st;
    for (std::size_t c : cells) {
        if (!X[c] || lab[c] >= 0) continue;
        lab[c] = count;
        st.push_back(c);
        while (!st.empty()) {
            std::size_t x = st.back();
            st.pop_back();
            g.around(x, conn, [&](std::size_t n) {
                if (X[n] && lab[n] < 0) {
                    lab[n] = count;
                    st.push_back(n);
                }
            });
        }
        ++count;
    }
    return count;
}

bool any(const Mask& m) { return std::any_of(m.begin(), m.end(), [](char v) { return v != 0; }); }

}  // namespace

std::vector<std::uint8_t> mspa(const std::vector<std::uint8_t>& in, std::size_t rows, std::size_t cols,
                               const MspaOptions& opt) {
    const std::string op = "mspa";
    if (in.size() != rows * cols) throw BadInput(op + ": the raster has " + std::to_string(in.size()) + " values for " +
                                                 std::to_string(rows) + " x " + std::to_string(cols) + " cells");
    if (opt.connectivity != 8 && opt.connectivity != 4) throw BadInput(op + ": foreground connectivity must be 8 or 4");
    if (opt.edge_width < 1) throw BadInput(op + ": the edge width must be at least 1 cell");
    const std::size_t N = in.size();
    const Grid g{rows, cols};
    const int gfg = opt.connectivity, gbg = opt.connectivity == 8 ? 4 : 8;
    Mask F(N), B(N), M(N);
    for (std::size_t c = 0; c < N; ++c) {
        if (in[c] > 2) throw BadInput(op + ": cell values must be 0 (missing), 1 (background) or 2 (foreground); got " +
                                      std::to_string(in[c]));
        F[c] = in[c] == 2;
        B[c] = in[c] == 1;
        M[c] = in[c] == 0;
    }
    const double thr = (opt.edge_width + 0.98) / (opt.connectivity == 8 ? 1.0 : std::sqrt(2.0));
    const auto off = disk(thr);

    // core: foreground with no background within the threshold (missing / outside: not background)
    Mask core(N, 0);
    {
        Mask near_bg = ring(g, B, off);
        for (std::size_t c = 0; c < N; ++c) core[c] = F[c] && !near_bg[c];
    }
    // islets: foreground components without core
    int nfg = 0;
    auto fgl = label(g, F, gfg, nfg);
    std::vector<char> has_core(static_cast<std::size_t>(nfg), 0);
    for (std::size_t c = 0; c < N; ++c)
        if (core[c]) has_core[static_cast<std::size_t>(fgl[c])] = 1;
    Mask islet(N, 0);
    for (std::size_t c = 0; c < N; ++c) islet[c] = F[c] && !has_core[static_cast<std::size_t>(fgl[c])];
    // edges: outer boundaries of the filled cores, level by level (cores inside holes of cores)
    Mask edges(N, 0);
    {
        Mask C = core;
        while (any(C)) {
            Mask Fh = fill_holes(g, C, gbg);
            Mask r = ring(g, Fh, off);
            for (std::size_t c = 0; c < N; ++c) edges[c] = edges[c] || r[c];
            Mask H(N);
            for (std::size_t c = 0; c < N; ++c) H[c] = Fh[c] && !C[c];
            Mask I0 = fill_holes(g, H, gfg);
            Mask next(N);
            for (std::size_t c = 0; c < N; ++c) next[c] = C[c] && I0[c];
            if (next == C) break;
            C.swap(next);
        }
    }
    Mask around_core = ring(g, core, off);
    Mask edge(N, 0), perf(N, 0), resid(N, 0);
    for (std::size_t c = 0; c < N; ++c) {
        bool open = F[c] && !core[c] && !islet[c] && around_core[c];
        edge[c] = open && edges[c];
        perf[c] = open && !edges[c];
        resid[c] = F[c] && !core[c] && !islet[c] && !open;
    }
    // core labels, and for every edge/perforation cell the nearest core (BFS) and its depth
    int ncore = 0;
    auto cl = label(g, core, gfg, ncore);
    std::vector<int> olab(N, -1), depth(N, -1);
    {
        std::deque<std::size_t> q;
        for (std::size_t c = 0; c < N; ++c)
            if (core[c]) {
                olab[c] = cl[c];
                depth[c] = 0;
                q.push_back(c);
            }
        while (!q.empty()) {
            std::size_t c = q.front();
            q.pop_front();
            g.around(c, gfg, [&](std::size_t n) {
                if ((edge[n] || perf[n]) && depth[n] < 0) {
                    depth[n] = depth[c] + 1;
                    olab[n] = olab[c];
                    q.push_back(n);
                }
            });
        }
    }
    std::vector<std::uint8_t> out(N, mspa_code::background);
    for (std::size_t c = 0; c < N; ++c) {
        if (core[c]) out[c] = mspa_code::core;
        else if (islet[c]) out[c] = mspa_code::islet;
        else if (edge[c]) out[c] = mspa_code::edge;
        else if (perf[c]) out[c] = mspa_code::perforation;
        else if (resid[c]) out[c] = mspa_code::branch;
    }
    // connectors, per residue component
    int nres = 0;
    auto rl = label(g, resid, gfg, nres);
    std::vector<std::vector<std::size_t>> comp(static_cast<std::size_t>(nres));
    for (std::size_t c = 0; c < N; ++c)
        if (rl[c] >= 0) comp[static_cast<std::size_t>(rl[c])].push_back(c);
    std::vector<std::uint8_t> trans(N, 0);  // connector code crossing an edge / perforation cell
    // whole-raster scratch arrays, reset after each component (cost stays O(component))
    Mask contact(N, 0), cm(N, 0);
    std::vector<int> cll(N, -1), ccl(N, -1), at(N, -1);
    for (const auto& K : comp) {
        // contact cells and their cores
        std::vector<std::set<int>> touch(K.size());
        for (std::size_t i = 0; i < K.size(); ++i)
            g.around(K[i], gfg, [&](std::size_t n) {
                if (olab[n] >= 0) {
                    touch[i].insert(olab[n]);
                    contact[K[i]] = 1;
                }
            });
        const int ncl = label_in(g, K, contact, gfg, cll);  // contact clusters
        auto reset = [&] {
            for (std::size_t c : K) {
                contact[c] = cm[c] = 0;
                cll[c] = ccl[c] = at[c] = -1;
            }
        };
        if (ncl == 0) {  // all branch
            reset();
            continue;
        }
        // small graph: one vertex per non-contact cell, one per cluster, and S
        std::vector<int> vert(K.size());
        std::vector<std::set<int>> cluster_cores(static_cast<std::size_t>(ncl));
        int nv = ncl;
        for (std::size_t i = 0; i < K.size(); ++i) {
            if (contact[K[i]]) {
                vert[i] = cll[K[i]];
                cluster_cores[static_cast<std::size_t>(cll[K[i]])].insert(touch[i].begin(), touch[i].end());
            } else {
                vert[i] = nv++;
            }
        }
        const int S = nv++;
        std::vector<char> connector(static_cast<std::size_t>(nv), 0);
        for (int k = 0; k < ncl; ++k)
            if (cluster_cores[static_cast<std::size_t>(k)].size() >= 2) connector[static_cast<std::size_t>(k)] = 1;
        if (ncl >= 2) {
            using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                            boost::property<boost::edge_index_t, std::size_t>>;
            G sg(static_cast<std::size_t>(nv));
            std::set<std::pair<int, int>> seen;
            std::size_t ne = 0;
            auto add = [&](int a, int b) {
                if (a == b || !seen.insert(std::minmax(a, b)).second) return;
                boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), ne++, sg);
            };
            for (int k = 0; k < ncl; ++k) add(S, k);
            for (std::size_t i = 0; i < K.size(); ++i) at[K[i]] = static_cast<int>(i);
            for (std::size_t i = 0; i < K.size(); ++i)
                g.around(K[i], gfg, [&](std::size_t n) {
                    if (at[n] >= 0) add(vert[i], vert[static_cast<std::size_t>(at[n])]);
                });
            std::vector<std::size_t> bc(ne);
            auto emap = boost::make_iterator_property_map(bc.begin(), boost::get(boost::edge_index, sg));
            std::size_t nb = boost::biconnected_components(sg, emap);
            std::vector<std::set<std::size_t>> block(nb);
            for (auto [it, end] = boost::edges(sg); it != end; ++it) {
                std::size_t b = bc[boost::get(boost::edge_index, sg, *it)];
                block[b].insert(boost::source(*it, sg));
                block[b].insert(boost::target(*it, sg));
            }
            for (const auto& blk : block)
                if (blk.size() >= 3 && blk.count(static_cast<std::size_t>(S)))
                    for (std::size_t v : blk) connector[v] = 1;
        }
        // connector components: bridge (two or more cores) or loop (one core)
        for (std::size_t i = 0; i < K.size(); ++i) cm[K[i]] = connector[static_cast<std::size_t>(vert[i])];
        const int ncc = label_in(g, K, cm, gfg, ccl);
        std::vector<std::set<int>> cores(static_cast<std::size_t>(ncc));
        for (std::size_t i = 0; i < K.size(); ++i)
            if (cm[K[i]]) cores[static_cast<std::size_t>(ccl[K[i]])].insert(touch[i].begin(), touch[i].end());
        for (std::size_t i = 0; i < K.size(); ++i) {
            std::size_t c = K[i];
            if (!cm[c]) continue;
            std::uint8_t code = cores[static_cast<std::size_t>(ccl[c])].size() >= 2 ? mspa_code::bridge : mspa_code::loop;
            out[c] = code;
            if (!contact[c]) continue;
            // transition: from this contact cell down the edge/perforation to the core
            std::size_t best = N;
            // first (orthogonal before diagonal) neighbour of least depth, then straight down
            g.around(c, gfg, [&](std::size_t n) {
                if (depth[n] > 0 && (best == N || depth[n] < depth[best])) best = n;
            });
            while (best != N) {
                if (trans[best] != mspa_code::bridge) trans[best] = code;
                if (depth[best] <= 1) break;
                std::size_t nxt = N;
                g.around(best, gfg, [&](std::size_t n) {
                    if (depth[n] == depth[best] - 1 && depth[n] > 0 && nxt == N) nxt = n;
                });
                best = nxt;
            }
        }
        reset();
    }
    if (opt.transition)
        for (std::size_t c = 0; c < N; ++c)
            if (trans[c]) out[c] = static_cast<std::uint8_t>(trans[c] | (edge[c] ? 2 : 4));
    if (opt.intext) {
        Mask ch = fill_holes(g, core, gbg);
        for (std::size_t c = 0; c < N; ++c) ch[c] = ch[c] && !core[c];  // holes of the core
        Mask inner = fill_holes(g, ch, gbg);
        Mask FM(N);
        for (std::size_t c = 0; c < N; ++c) FM[c] = F[c] || M[c];
        Mask fh = fill_holes(g, FM, gbg);
        for (std::size_t c = 0; c < N; ++c) {
            if (M[c]) continue;
            if (inner[c]) out[c] = static_cast<std::uint8_t>(out[c] + mspa_code::internal);
            else if (B[c] && fh[c]) out[c] = mspa_code::opening;
        }
    }
    for (std::size_t c = 0; c < N; ++c)
        if (M[c]) out[c] = mspa_code::missing;
    return out;
}

}  // namespace eco::graph
