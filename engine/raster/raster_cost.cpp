// The search of cost distance (see raster_cost.h for the conventions, raster_cost_grid.h for the
// working grid).
//
// The search is Dijkstra's with a monotone radix heap over the bit patterns of the costs, read a
// few entries ahead: the next kLookahead entries are popped early and their cells prefetched, so
// the cache misses of consecutive cells overlap instead of following one another (the search is
// bound by memory latency: the frontier of a large grid is far larger than the caches). An entry
// popped early may, rarely, be processed before a cheaper label reaches its cell; the cell is then
// simply processed again when the cheaper label arrives (a label-correcting step).
// The result does not depend on that order: each cell ends with the least left-to-right floating
// sum over paths (each step's cost is computed by the same expression whatever the order), then
// the lowest source rank among the neighbours giving that sum, then the lowest move number, and a
// cell whose rank drops at an equal cost is processed again so that its neighbours follow.
// (The one case where a strictly ordered search could differ is a step whose cost is below half
// the rounding unit of the accumulated cost, which resistances > 0 of ordinary magnitude never give.)
#include "raster/raster_cost_grid.h"

#include <sys/mman.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>

#include "core/error.h"

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

// A monotone priority queue (radix heap, Ahuja et al. 1990) on the bit patterns of the
// non-negative double costs: no key below the last popped one may be pushed (last()). Push is
// O(1); pop redistributes one bucket.
class RadixHeap {
public:
    bool empty() const { return size_ == 0; }
    uint64_t last() const { return last_; }
    void push(uint64_t key, uint32_t i) {
        buckets_[bucket(key)].push_back({key, i});
        ++size_;
    }
    Entry pop() {
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
        Entry e = buckets_[0].back();
        buckets_[0].pop_back();
        --size_;
        return e;
    }

private:
    int bucket(uint64_t key) const { return key == last_ ? 0 : 64 - __builtin_clzll(key ^ last_); }
    std::vector<Entry> buckets_[65];
    uint64_t last_ = 0;
    size_t size_ = 0;
};

constexpr size_t kLookahead = 24;

}  // namespace

const Move& cost_move(int k) { return kMoves[k]; }

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

template <class R>
void cost_search(const CostSetup& s, CostGrid<R>& g, const RankedSources& src, const Progress& progress) {
    CostCell<R>* const cell = g.cells();
    const long long Wp = static_cast<long long>(g.stride());
    const int W = g.width();
    const int nm = s.knight ? 16 : 8;
    const int reach = s.knight ? 2 : 1;
    double len[17];
    long long off[17], offa[17] = {0}, offb[17] = {0};
    uint32_t opposite[17] = {0};
    const double unit = s.cell_units ? s.cw : 1.0;
    for (int k = 1; k <= 16; ++k) {
        const Move& m = kMoves[k];
        len[k] = std::hypot(m.dc * s.cw, m.dr * s.ch) / unit;
        off[k] = m.dr * Wp + m.dc;
        if (k > 8) {
            // the two cells a knight's move crosses
            if (std::abs(m.dr) == 2) {
                offa[k] = (m.dr / 2) * Wp;
                offb[k] = (m.dr / 2) * Wp + m.dc;
            } else {
                offa[k] = m.dc / 2;
                offb[k] = m.dr * Wp + m.dc / 2;
            }
        }
        for (int j = 1; j <= 16; ++j)
            if (kMoves[j].dr == -m.dr && kMoves[j].dc == -m.dc) opposite[k] = static_cast<uint32_t>(j);
    }
    auto prefetch = [&](uint32_t i) {
        for (int d = -reach; d <= reach; ++d) {
            const CostCell<R>* p = cell + i + d * Wp;
            __builtin_prefetch(p - reach, 1);
            __builtin_prefetch(p, 1);
            __builtin_prefetch(p + reach, 1);
        }
    };

    RadixHeap heap;
    for (const auto& [c, rank] : src.cells) {
        CostCell<R>& ci = cell[g.index(static_cast<int>(c / static_cast<uint64_t>(W)), static_cast<int>(c % static_cast<uint64_t>(W)))];
        if (std::isnan(static_cast<double>(ci.res))) continue;
        const uint32_t ad = rank << 5 | kSourceDir;
        if (detail::link_of(ci.ad) == kSourceDir) {
            ci.ad = std::min(ci.ad, ad);
            continue;
        }
        ci.acc = 0;
        ci.ad = ad;
        heap.push(key_of(0.0), static_cast<uint32_t>(&ci - cell));
    }
    const double ncells = static_cast<double>(g.width()) * g.height();
    uint64_t processed = 0, next_report = 1u << 20;
    // the look-ahead: entries popped early, their cells prefetched, processed first in first out
    std::vector<Entry> ring(1024);
    size_t head = 0, tail = 0, mask = ring.size() - 1;
    auto enqueue = [&](const Entry& e) {
        if (tail - head == ring.size()) {  // full (only with many early entries): grow
            std::vector<Entry> bigger(ring.size() * 2);
            for (size_t q = head; q < tail; ++q) bigger[q - head] = ring[q & mask];
            tail -= head;
            head = 0;
            ring.swap(bigger);
            mask = ring.size() - 1;
        }
        ring[tail++ & mask] = e;
        prefetch(e.i);
    };
    for (;;) {
        while (tail - head < kLookahead && !heap.empty()) enqueue(heap.pop());
        if (head == tail) break;
        const Entry e = ring[head++ & mask];
        const uint32_t i = e.i;
        const double ec = cost_of(e.key);
        CostCell<R>& ci = cell[i];
        if (ec != ci.acc) continue;  // stale: a lower cost came later
        const double ri = static_cast<double>(ci.res);
        const uint32_t base = ci.ad & ~31u;
        for (int k = 1; k <= nm; ++k) {
            const uint32_t j = static_cast<uint32_t>(static_cast<long long>(i) + off[k]);
            CostCell<R>& cj = cell[j];
            const double rj = static_cast<double>(cj.res);
            if (std::isnan(rj)) continue;
            double step;
            if (k <= 8) {
                step = (ri + rj) / 2.0 * len[k];
            } else {
                const double ra = static_cast<double>(cell[static_cast<long long>(i) + offa[k]].res),
                             rb = static_cast<double>(cell[static_cast<long long>(i) + offb[k]].res);
                if (std::isnan(ra) || std::isnan(rb)) continue;
                step = (ri + ra + rb + rj) / 4.0 * len[k];
            }
            const double cand = ec + step;
            const uint32_t nad = base | opposite[k];
            bool again = false;
            if (cand < cj.acc) {
                cj.acc = cand;
                cj.ad = nad;
                again = true;
            } else if (cand == cj.acc && link_of(cj.ad) != kSourceDir && nad < cj.ad) {
                // exact tie: the lower source rank (then the lower move number) wins, whatever the order;
                // a lower rank must reach the cell's own neighbours too
                again = rank_of(nad) < rank_of(cj.ad);
                cj.ad = nad;
            }
            if (again) {
                const uint64_t key = key_of(cand);
                if (key < heap.last()) enqueue({key, j});  // below what the look-ahead already took
                else heap.push(key, j);
            }
        }
        if (++processed >= next_report) {
            next_report += 1u << 20;
            progress.report(std::min(0.99, static_cast<double>(processed) / ncells), "cost distance");
        }
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
