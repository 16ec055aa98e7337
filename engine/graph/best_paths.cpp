// All-pairs best paths and the node/link removal analysis, in one pass.
//
// The problem. dPC_k (and dIIC_k) need PC of the graph without node k, for every k. Done
// naively that is one all-pairs shortest path computation per removed node: O(n) APSP.
//
// Reduction. Removing k changes a pair (i, j) (i, j != k) only if EVERY best i-j path passes
// through k: if one best path avoids k, d_ij is unchanged (this is how ties are handled: an
// equally good alternative means the pair loses nothing). Fix a source s and take the best-path
// DAG from s (link u->v is in it when d_su + w_uv = d_sv). "Every best s-j path passes through k"
// is exactly "k dominates j in that DAG" (dominator theory: k lies on every path from the root
// to j). So for source s only the nodes j in the dominator subtree of k change, and every node
// outside it keeps its distance (it has a best path avoiding k).
//
// Repair. For j in T = subtree(k) minus k, the new distance is
//     d'_sj = min over links (x, y), x outside subtree(k) and x != k, y in T, of d_sx + w_xy + dist_T(y, j)
// (decompose a path of G - k at its last entry into T: its prefix ends at a node x outside the
// subtree, whose distance is unchanged, and its suffix stays in T). That is a multi-source
// Dijkstra restricted to T, seeded from the links entering T. The same argument for a removed
// LINK u->v: only nodes whose best paths all use the link change; those are the subtree of v
// when u is v's only DAG predecessor (and nothing otherwise).
//
// Dominators. The DAG is acyclic and Dijkstra's settle order is a topological order of it, so
// idom(v) = nearest common dominator of v's DAG predecessors, computed in settle order with the
// "intersect" walk of Cooper, Harvey & Kennedy (2001): O(sum of predecessors x depth), in
// practice O(n) per source.
//
// Safety of ties. Lengths are floating point; two path lengths within `tie_tolerance` (relative)
// are treated as equal. A missing DAG edge can only make a node look like a dominator when it is
// not, which costs a repair that then finds the same distance (loss 0); it never hides a loss.
// A pair whose repaired distance is within the tolerance of the old one counts as unchanged.
//
// Dense graphs (e.g. the complete graph of all patch pairs). Running Dijkstra from every source
// on a complete graph reads the n x n matrix n times (n = 5000: 1 TB of memory traffic). Instead
// a blocked, cache-friendly "two-link screen" computes, for all pairs, best2_sv = min over u of
// w_su + w_uv (a min-plus product, half of it by symmetry). If best2_sv > w_sv for every v, then
// by induction on the number of links every path from s with two or more links is strictly longer
// than the direct link: s is a "star" source, d_sv = w_sv, the best path to each v is unique and
// direct, so s contributes nothing to connector or betweenness, and removing link s-v changes only
// d_sv, to best2_sv (every other node keeps its direct link). Only the non-star sources get the
// full Dijkstra + dominator treatment. For points in the plane with Euclidean (metric) distances
// every source is a star unless three patches are (nearly, within the tolerance) collinear. Such
// a "near-star" source (ties only, no strictly better indirect path) keeps d_sv = w_sv and no
// dominators; only its betweenness needs the tie paths, found by scanning the tied targets: O(n)
// each. With n = 5000 random points there are thousands of such near-collinear triples at a
// relative tolerance of 1e-12, so this case matters for speed.
//
// Complexity. Sparse method: per source one Dijkstra O(m log n) + dominators + for each dominator
// subtree a repair over its links; total O(n m log n + n * sum_k |links in subtree(k)| log n).
// Dense method: screen O(n^3 / 2) in cache-blocked, vectorised form, plus O(n^2) per non-star
// source (+ repairs). Memory: O(n + m) sparse; 8 n^2 bytes dense (+12 n^2 with link losses).
//
// Determinism. Sources are processed in fixed batches; each source's contributions are kept
// apart and summed in source order after its batch, so results do not depend on thread count.
#include "graph/best_paths.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "core/error.h"

namespace eco::graph {

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
using u32 = std::uint32_t;

struct Csr {
    std::vector<std::size_t> off;
    std::vector<u32> nbr;
    std::vector<double> w;
    std::vector<std::int32_t> eid;
};

struct SparseView {
    const Csr* c;
    template <class F>
    void each(u32 u, F&& f) const {
        for (std::size_t k = c->off[u]; k < c->off[u + 1]; ++k) f(c->nbr[k], c->w[k], c->eid[k]);
    }
};

struct DenseView {
    const double* W;
    const std::int32_t* E;  // may be null
    std::size_t n;
    template <class F>
    void each(u32 u, F&& f) const {
        const double* row = W + u * n;
        for (std::size_t v = 0; v < n; ++v)
            if (row[v] < INF) f(static_cast<u32>(v), row[v], E ? E[u * n + v] : -1);
    }
};

struct SourceOut {
    double row_off = 0.0;  // sum_{j != s} a_j f(d_sj)
    std::vector<std::pair<u32, double>> bc, conn, link;
    void clear() {
        row_off = 0.0;
        bc.clear();
        conn.clear();
        link.clear();
    }
};

using HeapItem = std::pair<double, u32>;

struct Work {
    std::vector<double> d, fv, sigma, delta, d2;
    std::vector<std::int32_t> pos, tin, tout;
    std::vector<u32> order, idom, euler, coff, clist, stack;
    std::vector<std::vector<std::pair<u32, std::int32_t>>> preds;
    std::vector<char> settled, done2;
    std::vector<HeapItem> heap;

    explicit Work(std::size_t n)
        : d(n), fv(n), sigma(n), delta(n), d2(n, INF), pos(n), tin(n), tout(n), idom(n), euler(n), coff(n + 2),
          clist(n), preds(n), settled(n), done2(n, 0) {}
};

inline void heap_push(std::vector<HeapItem>& h, double d, u32 v) {
    h.emplace_back(d, v);
    std::push_heap(h.begin(), h.end(), std::greater<HeapItem>());
}
inline HeapItem heap_pop(std::vector<HeapItem>& h) {
    std::pop_heap(h.begin(), h.end(), std::greater<HeapItem>());
    HeapItem top = h.back();
    h.pop_back();
    return top;
}

struct Ctx {
    const PairsInput* in;
    double tol;
};

// Relaxation with the tie rule: strictly better (reset predecessors), tie (add one), or worse.
// Returns true when d[v] decreased.
inline bool relax(Work& w, double tol, u32 u, u32 v, double len, std::int32_t eid) {
    double cand = w.d[u] + len;
    double dv = w.d[v];
    if (dv == INF || cand * (1.0 + tol) < dv) {
        w.d[v] = cand;
        w.preds[v].clear();
        w.preds[v].emplace_back(u, eid);
        w.sigma[v] = w.sigma[u];
        return true;
    }
    if (cand <= dv * (1.0 + tol)) {
        w.preds[v].emplace_back(u, eid);
        w.sigma[v] += w.sigma[u];
        if (cand < dv) {
            w.d[v] = cand;
            return true;
        }
    }
    return false;
}

void reset(Work& w, u32 s) {
    std::fill(w.d.begin(), w.d.end(), INF);
    std::fill(w.settled.begin(), w.settled.end(), 0);
    std::fill(w.pos.begin(), w.pos.end(), -1);
    std::fill(w.tin.begin(), w.tin.end(), -1);
    for (auto& p : w.preds) p.clear();
    w.order.clear();
    w.heap.clear();
    w.d[s] = 0.0;
    w.sigma[s] = 1.0;
}

void settle(Work& w, u32 u) {
    w.settled[u] = 1;
    w.pos[u] = static_cast<std::int32_t>(w.order.size());
    w.order.push_back(u);
}

void dijkstra_sparse(const SparseView& g, u32 s, Work& w, double tol) {
    reset(w, s);
    heap_push(w.heap, 0.0, s);
    while (!w.heap.empty()) {
        auto [du, u] = heap_pop(w.heap);
        if (w.settled[u] || du > w.d[u]) continue;
        settle(w, u);
        g.each(u, [&](u32 v, double len, std::int32_t eid) {
            if (!w.settled[v] && relax(w, tol, u, v, len, eid)) heap_push(w.heap, w.d[v], v);
        });
    }
}

void dijkstra_dense(const DenseView& g, u32 s, Work& w, double tol) {
    reset(w, s);
    const std::size_t n = g.n;
    u32 u = s;
    for (;;) {
        settle(w, u);
        const double* row = g.W + u * n;
        double best = INF;
        std::size_t bi = n;
        for (std::size_t v = 0; v < n; ++v) {
            if (w.settled[v]) continue;
            if (row[v] < INF) relax(w, tol, u, static_cast<u32>(v), row[v], g.E ? g.E[u * n + v] : -1);
            if (w.d[v] < best) {
                best = w.d[v];
                bi = v;
            }
        }
        if (bi == n) break;
        u = static_cast<u32>(bi);
    }
}

// New distances inside T = euler[lo..hi] after removing node `k` (sub = subtree of k, T excludes
// k) or link ex_u-ex_v (sub = T = subtree of ex_v); returns sum_{j in T} a_j (f(d_j) - f(d'_j)).
template <class View>
double repair(const View& g, Work& w, const Ctx& c, std::int32_t sub_lo, std::int32_t lo, std::int32_t hi, u32 ex_u,
              u32 ex_v) {
    const auto& a = c.in->weight;
    auto in_sub = [&](u32 x) { return w.tin[x] >= sub_lo && w.tin[x] <= hi; };
    auto in_T = [&](u32 x) { return w.tin[x] >= lo && w.tin[x] <= hi; };
    w.heap.clear();
    for (std::int32_t t = lo; t <= hi; ++t) {
        u32 j = w.euler[t];
        double best = INF;
        g.each(j, [&](u32 x, double len, std::int32_t) {
            if (in_sub(x) || (j == ex_v && x == ex_u)) return;
            double cand = w.d[x] + len;
            if (cand < best) best = cand;
        });
        w.d2[j] = best;
        if (best < INF) heap_push(w.heap, best, j);
    }
    while (!w.heap.empty()) {
        auto [dj, j] = heap_pop(w.heap);
        if (w.done2[j] || dj > w.d2[j]) continue;
        w.done2[j] = 1;
        g.each(j, [&](u32 x, double len, std::int32_t) {
            if (!in_T(x) || w.done2[x]) return;
            double cand = dj + len;
            if (cand < w.d2[x]) {
                w.d2[x] = cand;
                heap_push(w.heap, cand, x);
            }
        });
    }
    double loss = 0.0;
    for (std::int32_t t = lo; t <= hi; ++t) {
        u32 j = w.euler[t];
        double nd = w.d2[j];
        if (!(nd <= w.d[j] * (1.0 + c.tol))) loss += a[j] * (w.fv[j] - path_value(c.in->value, nd));
        w.d2[j] = INF;
        w.done2[j] = 0;
    }
    return loss;
}

// Everything for one source after its Dijkstra: row sum, betweenness, dominators, removals.
template <class View>
void analyse_source(const View& g, u32 s, Work& w, const Ctx& c, SourceOut& out) {
    const auto& a = c.in->weight;
    const std::size_t n = c.in->n;
    out.clear();
    for (u32 v : w.order) w.fv[v] = path_value(c.in->value, w.d[v]);
    for (std::size_t v = 0; v < n; ++v)
        if (v != s && w.settled[v]) out.row_off += a[v] * w.fv[v];
    const std::size_t R = w.order.size();
    if (R <= 1) return;

    if (c.in->betweenness) {  // Brandes accumulation, pair value a_s a_v f(d_sv)
        for (u32 v : w.order) w.delta[v] = 0.0;
        for (std::size_t idx = R - 1; idx >= 1; --idx) {
            u32 v = w.order[idx];
            double coeff = (a[s] * a[v] * w.fv[v] + w.delta[v]) / w.sigma[v];
            for (auto [u, e] : w.preds[v]) w.delta[u] += w.sigma[u] * coeff;
            if (w.delta[v] != 0.0) out.bc.emplace_back(v, w.delta[v]);
        }
    }

    // Dominator tree in settle order.
    w.idom[s] = s;
    for (std::size_t idx = 1; idx < R; ++idx) {
        u32 v = w.order[idx];
        const auto& P = w.preds[v];
        u32 x = P[0].first;
        for (std::size_t p = 1; p < P.size(); ++p) {
            u32 y = P[p].first;
            while (x != y) {
                while (w.pos[x] > w.pos[y]) x = w.idom[x];
                while (w.pos[y] > w.pos[x]) y = w.idom[y];
            }
        }
        w.idom[v] = x;
    }
    // children lists (in settle order), preorder numbering, subtree ends
    std::fill(w.coff.begin(), w.coff.begin() + static_cast<std::ptrdiff_t>(n + 2), 0u);
    for (std::size_t idx = 1; idx < R; ++idx) w.coff[w.idom[w.order[idx]] + 2] += 1;
    for (std::size_t v = 0; v < n; ++v) w.coff[v + 2] += w.coff[v + 1];
    for (std::size_t idx = 1; idx < R; ++idx) {
        u32 v = w.order[idx];
        w.clist[w.coff[w.idom[v] + 1]++] = v;
    }
    // now children of x are clist[coff[x] .. coff[x+1])
    std::int32_t t = 0;
    w.stack.clear();
    w.stack.push_back(s);
    while (!w.stack.empty()) {
        u32 x = w.stack.back();
        w.stack.pop_back();
        w.tin[x] = t;
        w.euler[t++] = x;
        for (u32 q = w.coff[x + 1]; q > w.coff[x]; --q) w.stack.push_back(w.clist[q - 1]);
    }
    for (u32 v : w.order) w.tout[v] = w.tin[v];  // becomes last preorder index of the subtree
    for (std::size_t idx = R - 1; idx >= 1; --idx) {
        u32 v = w.order[idx];
        u32 p = w.idom[v];
        w.tout[p] = std::max(w.tout[p], w.tout[v]);
    }

    for (std::size_t idx = 1; idx < R; ++idx) {  // node removals: k dominating someone
        u32 k = w.order[idx];
        if (w.tout[k] == w.tin[k]) continue;
        double loss = repair(g, w, c, w.tin[k], w.tin[k] + 1, w.tout[k], s, s);
        if (loss > 0) out.conn.emplace_back(k, a[s] * loss);
    }
    if (c.in->link_loss) {  // link removals: u -> v when u is v's only predecessor
        for (std::size_t idx = 1; idx < R; ++idx) {
            u32 v = w.order[idx];
            if (w.preds[v].size() != 1) continue;
            auto [u, e] = w.preds[v][0];
            double loss = repair(g, w, c, w.tin[v], w.tin[v], w.tout[v], u, v);
            if (loss > 0 && e >= 0) out.link.emplace_back(static_cast<u32>(e), a[s] * loss);
        }
    }
}

// The two-link screen over the dense matrix (diagonal = INF): acc[i][j] = min_u W[i][u] + W[u][j]
// for i in [i0, i0+bi), j in [j0, j0+bj): a min-plus product computed like a GEMM: panels of W
// are packed per chunk of u and a 4 x 8 register tile does 32 add+min per step.
typedef double v4d __attribute__((vector_size(32)));
constexpr std::size_t SB_I = 64, SB_J = 256, SB_U = 256;

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void screen_block(const double* W, std::size_t n, std::size_t i0, std::size_t bi, std::size_t j0, std::size_t bj,
                  double* acc, double* apack, double* bpack) {
    const std::size_t ti = (bi + 3) / 4, tj = (bj + 7) / 8;  // tiles (padded with INF)
    for (std::size_t x = 0; x < SB_I * SB_J; ++x) acc[x] = INF;
    for (std::size_t u0 = 0; u0 < n; u0 += SB_U) {
        const std::size_t bu = std::min(SB_U, n - u0);
        // A panel: [tile][u][4] = W[i][u] = W[u][i]; B panel: [tile][u][8] = W[u][j]
        for (std::size_t uu = 0; uu < bu; ++uu) {
            const double* Wu = W + (u0 + uu) * n;
            for (std::size_t t = 0; t < ti; ++t)
                for (std::size_t r = 0; r < 4; ++r) {
                    std::size_t ii = t * 4 + r;
                    apack[(t * bu + uu) * 4 + r] = ii < bi ? Wu[i0 + ii] : INF;
                }
            for (std::size_t t = 0; t < tj; ++t)
                for (std::size_t c = 0; c < 8; ++c) {
                    std::size_t jj = t * 8 + c;
                    bpack[(t * bu + uu) * 8 + c] = jj < bj ? Wu[j0 + jj] : INF;
                }
        }
        for (std::size_t a = 0; a < ti; ++a)
            for (std::size_t b = 0; b < tj; ++b) {
                v4d c[4][2];
                for (int r = 0; r < 4; ++r)
                    for (int h = 0; h < 2; ++h)
                        for (int q = 0; q < 4; ++q) c[r][h][q] = acc[(a * 4 + r) * SB_J + b * 8 + h * 4 + q];
                const double* ap = apack + a * bu * 4;
                const double* bp = bpack + b * bu * 8;
                for (std::size_t uu = 0; uu < bu; ++uu) {
                    v4d b0, b1;
                    __builtin_memcpy(&b0, bp + uu * 8, 32);
                    __builtin_memcpy(&b1, bp + uu * 8 + 4, 32);
                    for (int r = 0; r < 4; ++r) {
                        double av = ap[uu * 4 + r];
                        v4d s0 = av + b0, s1 = av + b1;
                        c[r][0] = s0 < c[r][0] ? s0 : c[r][0];
                        c[r][1] = s1 < c[r][1] ? s1 : c[r][1];
                    }
                }
                for (int r = 0; r < 4; ++r)
                    for (int h = 0; h < 2; ++h)
                        for (int q = 0; q < 4; ++q) acc[(a * 4 + r) * SB_J + b * 8 + h * 4 + q] = c[r][h][q];
            }
    }
}

struct Violation {
    u32 i, j;    // i < j
    double b2;   // best two-or-more-link length between them
};

// Runs the screen; returns the pairs whose direct link is not the unique best path (sorted).
std::vector<Violation> dense_screen(const std::vector<double>& W, std::size_t n, double tol, double* best2) {
    constexpr std::size_t BI = SB_I, BJ = SB_J;
    std::vector<std::pair<std::size_t, std::size_t>> blocks;
    for (std::size_t i0 = 0; i0 < n; i0 += BI)
        for (std::size_t j0 = (i0 / BJ) * BJ; j0 < n; j0 += BJ) blocks.emplace_back(i0, j0);
    struct Buf {
        std::vector<double> acc = std::vector<double>(SB_I * SB_J), a = std::vector<double>(SB_I * SB_U),
                            b = std::vector<double>(SB_J * SB_U);
    };
    tbb::enumerable_thread_specific<Buf> accs;
    tbb::enumerable_thread_specific<std::vector<Violation>> found;
    tbb::parallel_for(std::size_t(0), blocks.size(), [&](std::size_t b) {
        auto [i0, j0] = blocks[b];
        std::size_t bi = std::min(BI, n - i0), bj = std::min(BJ, n - j0);
        auto& buf = accs.local();
        auto& acc = buf.acc;
        screen_block(W.data(), n, i0, bi, j0, bj, acc.data(), buf.a.data(), buf.b.data());
        for (std::size_t ii = 0; ii < bi; ++ii) {
            std::size_t i = i0 + ii;
            for (std::size_t jj = 0; jj < bj; ++jj) {
                std::size_t j = j0 + jj;
                if (j <= i) continue;  // pairs i < j only: symmetric
                double b2 = acc[ii * BJ + jj];
                if (best2) best2[i * n + j] = best2[j * n + i] = b2;
                if (b2 < INF && b2 <= W[i * n + j] * (1.0 + tol))
                    found.local().push_back(Violation{static_cast<u32>(i), static_cast<u32>(j), b2});
            }
        }
    });
    std::vector<Violation> all;
    for (auto& v : found) all.insert(all.end(), v.begin(), v.end());
    std::sort(all.begin(), all.end(), [](const Violation& a, const Violation& b) {
        return a.i != b.i ? a.i < b.i : a.j < b.j;
    });
    return all;
}

// Betweenness of a "near-star" source: every direct link is a best path (d_sv = W_sv) but some
// targets v have equally good (within the tolerance) paths through other nodes. Builds the tie
// edges u -> v (u before v in Dijkstra's order: by (d, index)), path counts and Brandes credits.
void near_star_betweenness(const std::vector<double>& W, std::size_t n, const PairsInput& in, double tol, u32 s,
                           const std::vector<u32>& tie_targets, SourceOut& out) {
    const double* row = W.data() + static_cast<std::size_t>(s) * n;
    auto before = [&](u32 u, u32 v) { return row[u] < row[v] || (row[u] == row[v] && u < v); };
    std::vector<std::pair<u32, u32>> edges;  // (u, v)
    std::vector<u32> nodes(tie_targets.begin(), tie_targets.end());
    for (u32 v : tie_targets) {
        for (std::size_t u = 0; u < n; ++u) {
            if (u == s || u == v || row[u] == INF) continue;
            double wuv = W[u * n + v];
            if (wuv == INF || !before(static_cast<u32>(u), v)) continue;
            if (row[u] + wuv <= row[v] * (1.0 + tol)) {
                edges.emplace_back(static_cast<u32>(u), v);
                nodes.push_back(static_cast<u32>(u));
            }
        }
    }
    std::sort(nodes.begin(), nodes.end(), [&](u32 a, u32 b) { return before(a, b); });
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    std::sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) {
        return a.second != b.second ? before(a.second, b.second) : before(a.first, b.first);
    });
    // local arrays over `nodes`
    auto local = [&](u32 x) {
        return static_cast<std::size_t>(std::lower_bound(nodes.begin(), nodes.end(), x, [&](u32 a, u32 b) {
                                            return before(a, b);
                                        }) - nodes.begin());
    };
    std::vector<double> sigma(nodes.size(), 1.0), delta(nodes.size(), 0.0);  // 1: the direct link
    for (const auto& [u, v] : edges) sigma[local(v)] += sigma[local(u)];      // edges sorted by v's order
    for (std::size_t e = edges.size(); e-- > 0;) {
        auto [u, v] = edges[e];
        std::size_t lv = local(v), lu = local(u);
        double cv = in.weight[s] * in.weight[v] * path_value(in.value, row[v]);
        delta[lu] += sigma[lu] / sigma[lv] * (cv + delta[lv]);
    }
    for (std::size_t x = 0; x < nodes.size(); ++x)
        if (delta[x] != 0.0) out.bc.emplace_back(nodes[x], delta[x]);
}

}  // namespace

double path_value(PathValue v, double x) {
    if (x == INF) return 0.0;
    return v == PathValue::ExpNeg ? std::exp(-x) : 1.0 / (1.0 + x);
}

PairsResult analyze_pairs(const PairsInput& in, const Progress& progress, const std::string& op) {
    const std::size_t n = in.n, m = in.ends.size();
    if (in.weight.size() != n || in.length.size() != m)
        throw Failure(op + ": internal error: pair analysis input sizes disagree");
    if (n >= std::numeric_limits<std::int32_t>::max() / 2) throw BadInput(op + ": too many nodes");
    for (std::size_t e = 0; e < m; ++e) {
        if (!(in.length[e] >= 0) || std::isinf(in.length[e]))
            throw BadInput(op + ": link " + std::to_string(e + 1) + " has an invalid length; lengths must be finite and >= 0");
        if (in.ends[e].first >= n || in.ends[e].second >= n || in.ends[e].first == in.ends[e].second)
            throw BadInput(op + ": link " + std::to_string(e + 1) + " has invalid end nodes");
    }
    PairsResult r;
    r.flux.assign(n, 0.0);
    r.connector.assign(n, 0.0);
    r.betweenness.assign(n, 0.0);
    if (in.link_loss) r.link_loss.assign(m, 0.0);
    if (n == 0) return r;

    const double dense_pairs = 0.5 * static_cast<double>(n) * static_cast<double>(n - 1);
    bool dense = in.method == "dense" ||
                 (in.method == "auto" && n >= 64 && n <= 16000 && static_cast<double>(m) >= 0.25 * dense_pairs);
    if (dense && in.link_loss && n > 12000 && in.method == "auto") dense = false;
    r.method = dense ? "dense" : "sparse";
    const Ctx ctx{&in, in.tie_tolerance};

    Csr csr;
    std::vector<double> W, best2;
    std::vector<std::int32_t> E;
    std::vector<unsigned char> kind(n, 2);  // 0 star, 1 near-star (ties only), 2 full analysis
    std::vector<std::vector<u32>> ties;     // near-star sources: their tie targets
    if (dense) {
        W.assign(n * n, INF);
        if (in.link_loss) E.assign(n * n, -1);
        for (std::size_t e = 0; e < m; ++e) {
            auto [u, v] = in.ends[e];
            W[u * n + v] = W[v * n + u] = in.length[e];
            if (in.link_loss) E[u * n + v] = E[v * n + u] = static_cast<std::int32_t>(e);
        }
        std::fill(kind.begin(), kind.end(), 0);
        if (in.link_loss) best2.assign(n * n, INF);
        progress.report(0.0, "screening best paths");
        auto viol = dense_screen(W, n, in.tie_tolerance, in.link_loss ? best2.data() : nullptr);
        ties.resize(n);
        for (const Violation& v : viol) {
            if (v.b2 * (1.0 + in.tie_tolerance) < W[v.i * n + v.j]) {  // a strictly better indirect path
                kind[v.i] = kind[v.j] = 2;
            } else {
                ties[v.i].push_back(v.j);
                ties[v.j].push_back(v.i);
            }
        }
        for (std::size_t v = 0; v < n; ++v) {
            if (kind[v] == 2) ties[v].clear();
            else if (!ties[v].empty()) kind[v] = 1;
            std::sort(ties[v].begin(), ties[v].end());
        }
    } else {
        csr.off.assign(n + 1, 0);
        for (auto [u, v] : in.ends) {
            csr.off[u + 1]++;
            csr.off[v + 1]++;
        }
        for (std::size_t v = 0; v < n; ++v) csr.off[v + 1] += csr.off[v];
        csr.nbr.resize(2 * m);
        csr.w.resize(2 * m);
        csr.eid.resize(2 * m);
        std::vector<std::size_t> fill(csr.off.begin(), csr.off.end() - 1);
        for (std::size_t e = 0; e < m; ++e) {
            auto [u, v] = in.ends[e];
            std::size_t a = fill[u]++, b = fill[v]++;
            csr.nbr[a] = v, csr.w[a] = in.length[e], csr.eid[a] = static_cast<std::int32_t>(e);
            csr.nbr[b] = u, csr.w[b] = in.length[e], csr.eid[b] = static_cast<std::int32_t>(e);
        }
    }
    const SparseView sview{&csr};
    const DenseView dview{W.data(), E.empty() ? nullptr : E.data(), n};

    std::vector<double> row_off(n, 0.0);
    tbb::enumerable_thread_specific<Work> works([n] { return Work(n); });
    constexpr std::size_t BATCH = 256;
    std::vector<SourceOut> outs(BATCH);
    for (std::size_t b0 = 0; b0 < n; b0 += BATCH) {
        const std::size_t b1 = std::min(n, b0 + BATCH);
        tbb::parallel_for(b0, b1, [&](std::size_t s) {
            SourceOut& o = outs[s - b0];
            const u32 su = static_cast<u32>(s);
            if (dense && kind[s] < 2) {  // (near-)star source: the direct links are best paths
                o.clear();
                const double* row = W.data() + s * n;
                const auto& tv = ties[s];
                for (std::size_t v = 0; v < n; ++v) {
                    if (row[v] == INF) continue;
                    double fvv = path_value(in.value, row[v]);
                    o.row_off += in.weight[v] * fvv;
                    // removing link s-v: v falls back on its best indirect path (nothing if tied)
                    if (in.link_loss && !std::binary_search(tv.begin(), tv.end(), static_cast<u32>(v))) {
                        double loss = in.weight[s] * in.weight[v] * (fvv - path_value(in.value, best2[s * n + v]));
                        if (loss > 0) o.link.emplace_back(static_cast<u32>(E[s * n + v]), loss);
                    }
                }
                if (kind[s] == 1 && in.betweenness) near_star_betweenness(W, n, in, in.tie_tolerance, su, tv, o);
                return;
            }
            Work& w = works.local();
            if (dense) {
                dijkstra_dense(dview, su, w, in.tie_tolerance);
                analyse_source(dview, su, w, ctx, o);
            } else {
                dijkstra_sparse(sview, su, w, in.tie_tolerance);
                analyse_source(sview, su, w, ctx, o);
            }
        });
        for (std::size_t s = b0; s < b1; ++s) {  // reduce in source order: thread-count independent
            const SourceOut& o = outs[s - b0];
            row_off[s] = o.row_off;
            for (auto [k, v] : o.bc) r.betweenness[k] += v;
            for (auto [k, v] : o.conn) r.connector[k] += v;
            for (auto [e, v] : o.link) r.link_loss[e] += v;
            if (dense && kind[s] < 2) ++r.star_sources;
            else ++r.full_sources;
        }
        progress.report(static_cast<double>(b1) / static_cast<double>(n), "best paths and removals");
    }
    for (std::size_t s = 0; s < n; ++s) {
        r.flux[s] = in.weight[s] * row_off[s];
        r.num += in.weight[s] * in.weight[s] + r.flux[s];
    }
    return r;
}

}  // namespace eco::graph
