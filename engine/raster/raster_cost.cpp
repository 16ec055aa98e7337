// The Dijkstra core of cost distance (see raster_cost.h for the conventions).
#include "raster/raster_cost.h"

#include <algorithm>
#include <cstring>
#include <cmath>
#include <limits>

#include "core/error.h"

namespace eco::raster {

namespace {

// moves 1..8: E, NE, N, NW, W, SW, S, SE; 9..16: knight's moves, counter-clockwise from ENE
const Move kMoves[17] = {{0, 0},  {0, 1},  {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}, {1, 0},  {1, 1},
                         {-1, 2}, {-2, 1}, {-2, -1}, {-1, -2}, {1, -2}, {2, -1}, {2, 1}, {1, 2}};

struct Entry {
    uint64_t key;  // bit pattern of a non-negative double: orders like the double
    uint32_t i;
};

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
// non-negative double costs: Dijkstra never pushes a key below the last popped one. Push is
// O(1); pop redistributes one bucket. Entries of equal key come out in a fixed order (the
// sequence of pushes), so a run is reproducible; results do not depend on that order anyway.
class RadixHeap {
public:
    bool empty() const { return size_ == 0; }
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
            for (const auto& e : src) m = std::min(m, e.key);
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

constexpr uint8_t kSettled = 0x80;

}  // namespace

const Move& cost_move(int k) { return kMoves[k]; }

double cost_move_degrees(int k) {
    const Move& m = kMoves[k];
    double d = std::atan2(static_cast<double>(-m.dr), static_cast<double>(m.dc)) * 180.0 / M_PI;
    if (d <= 0) d += 360.0;
    return d;
}

template <class R>
void cost_run(const CostSetup& s, const R* res, const std::vector<std::pair<uint64_t, int32_t>>& sources, CostState& out,
              const Progress& progress) {
    const int W = s.width, H = s.height;
    const uint64_t n = static_cast<uint64_t>(W) * H;
    if (n >= 0xFFFFFFFFull) throw BadInput("cost: the grid has more than 4.29e9 cells; split it or use a larger cell size");
    const double inf = std::numeric_limits<double>::infinity();
    out.acc.assign(n, inf);
    out.alloc.assign(n, 0);
    out.dir.assign(n, 0);
    const int nm = s.knight ? 16 : 8;
    double len[17];
    long long off[17];
    const double unit = s.cell_units ? s.cw : 1.0;
    for (int k = 1; k <= 16; ++k) {
        len[k] = std::hypot(kMoves[k].dc * s.cw, kMoves[k].dr * s.ch) / unit;
        off[k] = static_cast<long long>(kMoves[k].dr) * W + kMoves[k].dc;
    }
    // back-link of the cell reached by move k points the opposite way
    int opposite[17] = {0};
    for (int k = 1; k <= 16; ++k)
        for (int j = 1; j <= 16; ++j)
            if (kMoves[j].dr == -kMoves[k].dr && kMoves[j].dc == -kMoves[k].dc) opposite[k] = j;

    RadixHeap heap;
    for (const auto& [cell, id] : sources) {
        if (cell >= n || std::isnan(static_cast<double>(res[cell]))) continue;
        if (out.dir[cell] == kSourceDir) {
            out.alloc[cell] = std::min(out.alloc[cell], id);
            continue;
        }
        out.acc[cell] = 0;
        out.alloc[cell] = id;
        out.dir[cell] = kSourceDir;
        heap.push(key_of(0.0), static_cast<uint32_t>(cell));
    }
    uint64_t settled = 0;
    const uint64_t report_every = 1u << 20;
    while (!heap.empty()) {
        const Entry e = heap.pop();
        const uint32_t i = e.i;
        const double ec = cost_of(e.key);
        if (ec > out.acc[i] || (out.dir[i] & kSettled)) continue;  // stale
        out.dir[i] |= kSettled;
        if (++settled % report_every == 0) progress.report(static_cast<double>(settled) / n, "cost distance");
        const int r = static_cast<int>(i / static_cast<uint32_t>(W)), c = static_cast<int>(i - static_cast<uint32_t>(r) * static_cast<uint32_t>(W));
        const double ri = static_cast<double>(res[i]);
        const int32_t id = out.alloc[i];
        for (int k = 1; k <= nm; ++k) {
            const int rr = r + kMoves[k].dr, cc = c + kMoves[k].dc;
            if (rr < 0 || rr >= H || cc < 0 || cc >= W) continue;
            const uint64_t j = static_cast<uint64_t>(static_cast<long long>(i) + off[k]);
            if (out.dir[j] & kSettled) continue;  // final already
            const double rj = static_cast<double>(res[j]);
            if (std::isnan(rj)) continue;
            double step;
            if (k <= 8) {
                step = (ri + rj) / 2.0 * len[k];
            } else {
                // the two cells a knight's move crosses
                uint64_t a, b;
                if (std::abs(kMoves[k].dr) == 2) {
                    a = static_cast<uint64_t>(r + kMoves[k].dr / 2) * W + c;
                    b = static_cast<uint64_t>(r + kMoves[k].dr / 2) * W + cc;
                } else {
                    a = static_cast<uint64_t>(r) * W + (c + kMoves[k].dc / 2);
                    b = static_cast<uint64_t>(rr) * W + (c + kMoves[k].dc / 2);
                }
                const double ra = static_cast<double>(res[a]), rb = static_cast<double>(res[b]);
                if (std::isnan(ra) || std::isnan(rb)) continue;
                step = (ri + ra + rb + rj) / 4.0 * len[k];
            }
            const double cand = ec + step;
            double& aj = out.acc[j];
            if (cand < aj) {
                aj = cand;
                out.alloc[j] = id;
                out.dir[j] = static_cast<uint8_t>(opposite[k]);
                heap.push(key_of(cand), static_cast<uint32_t>(j));
            } else if (cand == aj && out.dir[j] != kSourceDir &&
                       (id < out.alloc[j] || (id == out.alloc[j] && opposite[k] < out.dir[j]))) {
                // exact tie: the lower source id (then the lower move number) wins, whatever the order
                out.alloc[j] = id;
                out.dir[j] = static_cast<uint8_t>(opposite[k]);
            }
        }
    }
    for (auto& d : out.dir) d &= static_cast<uint8_t>(~kSettled);
    progress.report(1.0, "cost distance");
}

template void cost_run<float>(const CostSetup&, const float*, const std::vector<std::pair<uint64_t, int32_t>>&, CostState&,
                              const Progress&);
template void cost_run<double>(const CostSetup&, const double*, const std::vector<std::pair<uint64_t, int32_t>>&,
                               CostState&, const Progress&);

}  // namespace eco::raster
