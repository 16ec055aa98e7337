// The search of cost distance (see raster_cost.h for the conventions, raster_cost_grid.h for the
// working grid).
//
// The search is a parallel, tiled form of Dijkstra's. The grid is cut into tiles of about
// 256 x 256 cells (a tile's 1 MB of records stays in its core's cache while it is worked on). Each
// tile has its own heap; a round lets every tile holding labels below a common bound settle them
// in cost order (the tiles of a round run in parallel), and a label for a cell of a neighbouring
// tile becomes a message, delivered between rounds. Rounds repeat until no tile has a label below
// the bound, then the bound moves one band on (a few dozen cells' worth of cost). A cell settled
// before a cheaper label reached it from a neighbour is simply processed again when that label
// arrives (a label-correcting step); the band keeps that rare.
// The result does not depend on the order, the tiles or the thread count: each cell ends with the
// least left-to-right floating sum over paths (each step's cost is computed by the same
// expression whatever the order, cost_moves.h), then the lowest source rank among the neighbours
// giving that sum, then the lowest move number, and a cell whose rank drops at an equal cost is
// processed again so that its neighbours follow. (The one case where a strictly ordered search
// could differ is a step whose cost is below half the rounding unit of the accumulated cost, which
// resistances > 0 of ordinary magnitude never give: the costs are still the same, and such a step
// never wins a tie, so back-links cannot loop between cells of equal cost; see relax.)
#include "raster/raster_cost_grid.h"

#include <sys/mman.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>

#include "core/error.h"
#include "raster/cost_moves.h"
#include "raster/raster_io.h"

namespace eco::raster {

namespace {

// moves 1..8: E, NE, N, NW, W, SW, S, SE; 9..16: knight's moves, counter-clockwise from ENE
const Move kMoves[17] = {{0, 0},  {0, 1},  {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}, {1, 0},  {1, 1},
                         {-1, 2}, {-2, 1}, {-2, -1}, {-1, -2}, {1, -2}, {2, -1}, {2, 1}, {1, 2}};

#pragma pack(push, 4)
struct Entry {
    uint64_t key;  // bit pattern of a non-negative double: orders like the double
    uint32_t i;    // cell index in the padded grid
};
#pragma pack(pop)
static_assert(sizeof(Entry) == 12);

inline uint64_t key_of(double c) {
    uint64_t k;
    std::memcpy(&k, &c, sizeof k);
    return k;
}
inline double cost_of(uint64_t k) {
    double c;
    std::memcpy(&c, &k, sizeof c);
    return c;
}


}  // namespace

const Move& cost_move(int k) { return kMoves[k]; }

CostSetup cost_setup(const Grid& g, bool knight, bool cell_units) {
    CostSetup s;
    s.width = g.width;
    s.height = g.height;
    s.cw = g.cw;
    s.ch = g.ch;
    s.knight = knight;
    s.cell_units = cell_units;
    return s;
}

double cost_move_degrees(int k) {
    const Move& m = kMoves[k];
    double d = std::atan2(static_cast<double>(-m.dr), static_cast<double>(m.dc)) * 180.0 / M_PI;
    if (d <= 0) d += 360.0;
    return d;
}

namespace detail {

template <class R>
CostGrid<R>::CostGrid(int width, int height) : w_(width), h_(height), wp_(static_cast<size_t>(width) + 2 * kCostPad) {
    const size_t rows = static_cast<size_t>(height) + 2 * kCostPad;
    bytes_ = rows * wp_ * sizeof(CostCell<R>);
    void* p = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, bytes_, MADV_HUGEPAGE);
#endif
    cells_ = static_cast<CostCell<R>*>(p);
    const double inf = std::numeric_limits<double>::infinity();
    const R nan = std::numeric_limits<R>::quiet_NaN();
    tbb::parallel_for(size_t(0), rows, [&](size_t r) {
        CostCell<R>* row = cells_ + r * wp_;
        for (size_t c = 0; c < wp_; ++c) row[c] = {inf, nan, 0u};
    });
}

template <class R>
CostGrid<R>::~CostGrid() {
    if (cells_) munmap(cells_, bytes_);
}

template <class R>
void CostGrid<R>::release_rows_before(int r) {
    const size_t page = 4096;
    const size_t end = (index(r, 0) * sizeof(CostCell<R>)) / page * page;
    if (end > 0) madvise(cells_, end, MADV_DONTNEED);
}

RankedSources rank_sources(const std::vector<std::pair<uint64_t, int32_t>>& sources, uint64_t ncells, const std::string& op) {
    RankedSources out;
    std::vector<int32_t> ids;
    ids.reserve(sources.size());
    for (const auto& [cell, id] : sources)
        if (cell < ncells) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > kMaxRank)
        throw BadInput(op + ": " + std::to_string(ids.size()) + " distinct source ids; at most " + std::to_string(kMaxRank) +
                       " are supported: merge sources into fewer ids (--id-field)");
    out.ids.reserve(ids.size() + 1);
    out.ids.push_back(0);
    out.ids.insert(out.ids.end(), ids.begin(), ids.end());
    out.cells.reserve(sources.size());
    for (const auto& [cell, id] : sources)
        if (cell < ncells)
            out.cells.push_back(
                {cell, static_cast<uint32_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin()) + 1});
    return out;
}

namespace {

// A message from one tile to a neighbouring one: a candidate label for a cell of the neighbour.
// The sign bit of `cand` (costs are >= 0) says that the step added nothing to the cost (below half
// its rounding unit): such a label may lower the cell's cost but never wins a tie (see relax).
struct Msg {
    double cand;
    uint32_t j, ad;
};

// Applies a candidate label to a cell (the search's one update rule, whatever the order):
// true when the cell must be (re)processed. `tie` is false when the step from the predecessor
// left its cost unchanged: a tie is then never taken, so a back-link always points to a cell of
// strictly lower cost or to the one that first set the cell's cost, and back-links never loop
// (two cells of equal cost could otherwise each take the other as predecessor).
template <class R>
inline bool relax(CostCell<R>& cj, double cand, uint32_t nad, bool tie) {
    if (cand < cj.acc) {
        cj.acc = cand;
        cj.ad = nad;
        return true;
    }
    if (tie && cand == cj.acc && link_of(cj.ad) != kSourceDir && nad < cj.ad) {
        // exact tie: the lower source rank (then the lower move number) wins, whatever the order;
        // a lower rank must reach the cell's own neighbours too
        const bool again = rank_of(nad) < rank_of(cj.ad);
        cj.ad = nad;
        return again;
    }
    return false;
}

// A monotone priority queue (radix heap, Ahuja et al. 1990) on the bit patterns of the
// non-negative double costs: push is O(1), pop redistributes one bucket. Keys pushed must not be
// below floor(); a tile lowers the floor (rebase, O(size)) when a neighbour hands it a label
// below what it has already settled.
class RadixHeap {
public:
    bool empty() const { return size_ == 0; }
    uint64_t floor() const { return last_; }
    void push(uint64_t key, uint32_t i) {
        buckets_[bucket(key)].push_back({key, i});
        ++size_;
    }
    // The least key (the heap must not be empty).
    uint64_t top() {
        if (buckets_[0].empty()) {
            int b = 1;
            while (buckets_[b].empty()) ++b;
            auto& src = buckets_[b];
            uint64_t m = src[0].key;
            for (const auto& e : src) m = std::min<uint64_t>(m, e.key);
            last_ = m;
            for (const auto& e : src) buckets_[bucket(e.key)].push_back(e);
            src.clear();
        }
        return last_;
    }
    Entry pop() {
        top();
        Entry e = buckets_[0].back();
        buckets_[0].pop_back();
        --size_;
        return e;
    }
    // Gives the buckets' memory back (the heap must be empty): a tile the wave has passed keeps none.
    void release() {
        for (auto& b : buckets_) std::vector<Entry>().swap(b);
    }
    void rebase(uint64_t key) {
        if (key >= last_) return;
        std::vector<Entry> all;
        all.reserve(size_);
        for (auto& b : buckets_) {
            all.insert(all.end(), b.begin(), b.end());
            b.clear();
        }
        last_ = key;
        for (const auto& e : all) buckets_[bucket(e.key)].push_back(e);
    }

private:
    int bucket(uint64_t key) const { return key == last_ ? 0 : 64 - __builtin_clzll(key ^ last_); }
    std::vector<Entry> buckets_[65];
    uint64_t last_ = 0;
    size_t size_ = 0;
};

// One tile of the grid: its cells [r0, r1) x [c0, c1) (unpadded), its own heap of labels and the
// messages it has for its 8 neighbours (index (dr + 1) * 3 + (dc + 1)).
struct alignas(128) Tile {
    int r0, r1, c0, c1;
    RadixHeap heap;
    std::vector<Entry> arrivals;
    std::vector<Msg> out[9];
    uint64_t processed = 0;  // cells settled in the current round (for the progress report)
    bool inbox = false;
};

}  // namespace

template <class R>
void cost_search(const CostSetup& s, CostGrid<R>& g, const RankedSources& src, const Progress& progress) {
    CostCell<R>* const cell = g.cells();
    const long long Wp = static_cast<long long>(g.stride());
    const int W = g.width(), H = g.height();
    const MoveTable mv(s, Wp);

    // tiles of about T x T cells (a tile's records fit in a core's own cache), split evenly
    const int T = s.tile > 0 ? s.tile : 256;
    // (every tile at least as wide and high as a move reaches, so a move never jumps over a tile)
    const int ntx = std::max(1, std::min((W + T - 1) / T, W / mv.reach)), nty = std::max(1, std::min((H + T - 1) / T, H / mv.reach));
    std::vector<Tile> tiles(static_cast<size_t>(ntx) * nty);
    for (int ty = 0; ty < nty; ++ty)
        for (int tx = 0; tx < ntx; ++tx) {
            Tile& t = tiles[static_cast<size_t>(ty) * ntx + tx];
            t.r0 = static_cast<int>(static_cast<long long>(H) * ty / nty);
            t.r1 = static_cast<int>(static_cast<long long>(H) * (ty + 1) / nty);
            t.c0 = static_cast<int>(static_cast<long long>(W) * tx / ntx);
            t.c1 = static_cast<int>(static_cast<long long>(W) * (tx + 1) / ntx);
        }
    std::vector<int> tile_of_row(static_cast<size_t>(H)), tile_of_col(static_cast<size_t>(W));
    for (int ty = 0; ty < nty; ++ty)
        for (int r = tiles[static_cast<size_t>(ty) * ntx].r0; r < tiles[static_cast<size_t>(ty) * ntx].r1; ++r) tile_of_row[r] = ty;
    for (int tx = 0; tx < ntx; ++tx)
        for (int c = tiles[tx].c0; c < tiles[tx].c1; ++c) tile_of_col[c] = tx;

    for (const auto& [c, rank] : src.cells) {
        const int r = static_cast<int>(c / static_cast<uint64_t>(W)), col = static_cast<int>(c % static_cast<uint64_t>(W));
        CostCell<R>& ci = cell[g.index(r, col)];
        if (std::isnan(static_cast<double>(ci.res))) continue;
        const uint32_t ad = rank << 5 | kSourceDir;
        if (detail::link_of(ci.ad) == kSourceDir) {
            ci.ad = std::min(ci.ad, ad);
            continue;
        }
        ci.acc = 0;
        ci.ad = ad;
        tiles[static_cast<size_t>(tile_of_row[r]) * ntx + tile_of_col[col]].heap.push(key_of(0.0), static_cast<uint32_t>(&ci - cell));
    }

    // The width of the cost band a round settles: a few dozen cells at the typical resistance
    // (a wider band means fewer rounds but more cells processed again when a tile's neighbour
    // hands over a cheaper label late). It changes the work, never the result.
    double typical = 1.0;
    {
        // the median of a sample (not the mean: a few very expensive cells would widen the band
        // to thousands of cells and make tiles settle, and correct, far more at once)
        std::vector<double> sample;
        const size_t total = static_cast<size_t>(W) * H, stride = std::max<size_t>(1, total / 65536);
        for (size_t q = stride / 2; q < total; q += stride) {
            const double v = static_cast<double>(cell[g.index(static_cast<int>(q / W), static_cast<int>(q % W))].res);
            if (!std::isnan(v)) sample.push_back(v);
        }
        if (!sample.empty()) {
            std::nth_element(sample.begin(), sample.begin() + sample.size() / 2, sample.end());
            typical = sample[sample.size() / 2];
        }
    }
    const double band = std::max(1e-300, (s.band_cells > 0 ? s.band_cells : 32.0) * typical * std::min(mv.len[1], mv.len[3]));

    // A tile settles its labels below the bound in cost order; labels for its neighbours' cells
    // become messages, delivered between rounds. Rounds repeat until no tile holds a label below
    // the bound, then the bound moves on. Each cell ends with the same label as in one Dijkstra
    // search (the least floating sum, then the lowest rank, then the lowest move), whatever the
    // tiles, the bound or the thread count.
    auto run_tile = [&](Tile& t, uint64_t bound) {
        const int r0 = t.r0, r1 = t.r1, c0 = t.c0, c1 = t.c1;
        uint64_t processed = 0;
        while (!t.heap.empty() && t.heap.top() < bound) {
            const Entry e = t.heap.pop();
            const uint32_t i = e.i;
            const double ec = cost_of(e.key);
            CostCell<R>& ci = cell[i];
            if (ec != ci.acc) continue;  // stale: a lower cost came later
            ++processed;
            const int r = static_cast<int>(i / static_cast<uint64_t>(Wp)) - kCostPad, c = static_cast<int>(i % static_cast<uint64_t>(Wp)) - kCostPad;
            const double ri = static_cast<double>(ci.res);
            const uint32_t base = ci.ad & ~31u;
            for (int k = 1; k <= mv.n; ++k) {
                const uint32_t j = static_cast<uint32_t>(static_cast<long long>(i) + mv.off[k]);
                CostCell<R>& cj = cell[j];
                const double rj = static_cast<double>(cj.res);
                if (std::isnan(rj)) continue;
                const double step = mv.step(k, ri, rj, [&](long long o) { return static_cast<double>(cell[static_cast<long long>(i) + o].res); });
                if (std::isnan(step)) continue;
                const double cand = ec + step;
                const uint32_t nad = base | mv.opposite[k];
                const int rr = r + mv.dr[k], cc = c + mv.dc[k];
                const bool tie = cand != ec;
                if (rr >= r0 && rr < r1 && cc >= c0 && cc < c1) {
                    if (relax(cj, cand, nad, tie)) t.heap.push(key_of(cand), j);
                } else {
                    const int d = (rr < r0 ? 0 : rr >= r1 ? 6 : 3) + (cc < c0 ? 0 : cc >= c1 ? 2 : 1);
                    t.out[d].push_back({tie ? cand : -cand, j, nad});
                }
            }
        }
        t.processed += processed;
    };
    auto deliver = [&](int ty, int tx) {
        Tile& t = tiles[static_cast<size_t>(ty) * ntx + tx];
        for (int sy = -1; sy <= 1; ++sy)
            for (int sx = -1; sx <= 1; ++sx) {
                const int ny = ty + sy, nx = tx + sx;
                if ((sy == 0 && sx == 0) || ny < 0 || ny >= nty || nx < 0 || nx >= ntx) continue;
                // the neighbour's messages towards this tile: direction (-sy, -sx) seen from it
                for (const Msg& m : tiles[static_cast<size_t>(ny) * ntx + nx].out[(1 - sy) * 3 + (1 - sx)])
                    if (relax(cell[m.j], std::fabs(m.cand), m.ad, !std::signbit(m.cand)))
                        t.arrivals.push_back({key_of(std::fabs(m.cand)), m.j});
            }
        if (t.arrivals.empty()) return;
        uint64_t least = t.arrivals[0].key;
        for (const Entry& e : t.arrivals) least = std::min(least, e.key);
        t.heap.rebase(least);  // below what the tile has settled: it works that part again
        for (const Entry& e : t.arrivals) t.heap.push(e.key, e.i);
        t.arrivals.clear();
    };

    const double ncells = static_cast<double>(W) * H;
    std::vector<size_t> active, targets;
    double bound = band;
    uint64_t done = 0;
    for (;;) {
        active.clear();
        double least = std::numeric_limits<double>::infinity();
        const uint64_t bkey = key_of(bound);
        for (size_t q = 0; q < tiles.size(); ++q) {
            if (tiles[q].heap.empty()) continue;
            const uint64_t top = tiles[q].heap.top();
            if (top < bkey) active.push_back(q);
            least = std::min(least, cost_of(top));
        }
        if (active.empty()) {
            if (std::isinf(least)) break;
            // nothing left below the bound: move it on (at least past the least label)
            bound = std::max(least + band, std::nextafter(least, std::numeric_limits<double>::infinity()));
            continue;
        }
        // isolated: a thread waiting here never picks up unrelated outer work (a caller running
        // several searches in parallel must not end up with more of them alive than it has threads)
        tbb::this_task_arena::isolate([&] {
            tbb::parallel_for(size_t(0), active.size(), [&](size_t a) { run_tile(tiles[active[a]], bkey); }, tbb::simple_partitioner());
        });

        targets.clear();
        for (size_t q : active) {
            const int ty = static_cast<int>(q) / ntx, tx = static_cast<int>(q) % ntx;
            for (int sy = -1; sy <= 1; ++sy)
                for (int sx = -1; sx <= 1; ++sx) {
                    const int ny = ty + sy, nx = tx + sx;
                    if ((sy == 0 && sx == 0) || ny < 0 || ny >= nty || nx < 0 || nx >= ntx) continue;
                    if (tiles[q].out[(1 + sy) * 3 + (1 + sx)].empty()) continue;
                    Tile& n = tiles[static_cast<size_t>(ny) * ntx + nx];
                    if (!n.inbox) n.inbox = true, targets.push_back(static_cast<size_t>(ny) * ntx + nx);
                }
        }
        tbb::this_task_arena::isolate([&] {
            tbb::parallel_for(size_t(0), targets.size(), [&](size_t a) {
                deliver(static_cast<int>(targets[a]) / ntx, static_cast<int>(targets[a]) % ntx);
            });
        });
        for (size_t q : active) {
            Tile& t = tiles[q];
            const bool idle = t.heap.empty();
            if (idle) {
                t.heap.release();
                std::vector<Entry>().swap(t.arrivals);
            }
            for (auto& o : t.out) {
                if (idle) std::vector<Msg>().swap(o);
                else o.clear();
            }
        }
        for (size_t q : targets) tiles[q].inbox = false;
        for (size_t q : active) done += std::exchange(tiles[q].processed, 0);  // this round's work
        progress.report(std::min(0.99, static_cast<double>(done) / ncells), "cost distance");
    }
    progress.report(1.0, "cost distance");
}

template class CostGrid<float>;
template class CostGrid<double>;
template void cost_search<float>(const CostSetup&, CostGrid<float>&, const RankedSources&, const Progress&);
template void cost_search<double>(const CostSetup&, CostGrid<double>&, const RankedSources&, const Progress&);

}  // namespace detail

template <class R>
void cost_run(const CostSetup& s, const R* res, const std::vector<std::pair<uint64_t, int32_t>>& sources, CostState& out,
              const Progress& progress) {
    const int W = s.width, H = s.height;
    const uint64_t n = static_cast<uint64_t>(W) * H;
    if ((static_cast<uint64_t>(W) + 2 * detail::kCostPad) * (static_cast<uint64_t>(H) + 2 * detail::kCostPad) >= 0xFFFFFFFFull)
        throw BadInput("cost: the grid has more than 4.29e9 cells; split it or use a larger cell size");
    out.acc.clear();
    out.alloc.clear();
    out.dir.clear();
    detail::CostGrid<R> g(W, H);
    tbb::parallel_for(0, H, [&](int r) {
        detail::CostCell<R>* row = g.row(r);
        const R* in = res + static_cast<size_t>(r) * W;
        for (int c = 0; c < W; ++c) row[c].res = in[c];
    });
    const auto ranked = detail::rank_sources(sources, n, "cost");
    detail::cost_search(s, g, ranked, progress);
    // copy out band by band, handing each band's working memory back before the next
    out.acc.reserve(n);
    out.alloc.reserve(n);
    out.dir.reserve(n);
    const int band = 64;
    for (int r0 = 0; r0 < H; r0 += band) {
        const int r1 = std::min(H, r0 + band);
        const size_t at = static_cast<size_t>(r0) * W, cnt = static_cast<size_t>(r1 - r0) * W;
        out.acc.resize(at + cnt);
        out.alloc.resize(at + cnt);
        out.dir.resize(at + cnt);
        tbb::parallel_for(r0, r1, [&](int r) {
            const detail::CostCell<R>* row = g.row(r);
            const size_t o = static_cast<size_t>(r) * W;
            for (int c = 0; c < W; ++c) {
                out.acc[o + c] = row[c].acc;
                out.alloc[o + c] = ranked.ids[detail::rank_of(row[c].ad)];
                out.dir[o + c] = static_cast<uint8_t>(detail::link_of(row[c].ad));
            }
        });
        g.release_rows_before(r1);
    }
}

template void cost_run<float>(const CostSetup&, const float*, const std::vector<std::pair<uint64_t, int32_t>>&, CostState&,
                              const Progress&);
template void cost_run<double>(const CostSetup&, const double*, const std::vector<std::pair<uint64_t, int32_t>>&,
                               CostState&, const Progress&);

}  // namespace eco::raster
