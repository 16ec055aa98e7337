// The working grid of cost distance (internal to engine/raster): one record per cell holding the
// accumulated cost, the resistance and the packed source rank and back-link, so that a cell and
// its neighbours share a few cache lines; a border of 2 impassable cells on every side so the
// search needs no bounds checks (knight's moves reach 2 cells away). The storage is one anonymous
// mapping advised to use transparent huge pages (rows are tens of kB apart: with 4 kB pages the
// search spent much of its time on TLB misses), and rows can be handed back to the system once
// copied out (cost_run converts to CostState without holding both at once).
//
// Records: float resistances 16 bytes per cell (8 cost, 4 resistance, 4 rank and link), double
// resistances 24. The rank is the position of the source id among the distinct ids (1-based,
// ranks keep the order of ids, so ties go to the lower id as before); 27 bits, so up to
// 134,217,727 distinct source ids.
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "core/progress.h"
#include "raster/raster_cost.h"

namespace eco::raster::detail {

template <class R>
struct CostCell {
    double acc;   // accumulated cost; +inf unreached
    R res;        // resistance; NaN impassable (and the border)
    uint32_t ad;  // rank << 5 | link (0 unreached, 1..16 move towards the predecessor, kSourceDir)
};

constexpr int kCostPad = 2;
constexpr uint32_t kMaxRank = (1u << 27) - 1;
inline uint32_t link_of(uint32_t ad) { return ad & 31u; }
inline uint32_t rank_of(uint32_t ad) { return ad >> 5; }

template <class R>
class CostGrid {
public:
    CostGrid(int width, int height);  // every cell unreached and impassable
    ~CostGrid();
    CostGrid(const CostGrid&) = delete;
    CostGrid& operator=(const CostGrid&) = delete;

    int width() const { return w_; }
    int height() const { return h_; }
    size_t stride() const { return wp_; }
    size_t index(int r, int c) const { return static_cast<size_t>(r + kCostPad) * wp_ + static_cast<size_t>(c + kCostPad); }
    CostCell<R>* cells() { return cells_; }
    CostCell<R>* row(int r) { return cells_ + index(r, 0); }
    const CostCell<R>* row(int r) const { return cells_ + index(r, 0); }
    // Gives the memory of rows [0, r) back to the system (their contents are lost).
    void release_rows_before(int r);
    size_t bytes() const { return bytes_; }

private:
    int w_, h_;
    size_t wp_;
    CostCell<R>* cells_ = nullptr;
    size_t bytes_ = 0;
};

// The sources as (cell index in the unpadded grid, rank) and the id of each rank (ids[0] = 0).
struct RankedSources {
    std::vector<std::pair<uint64_t, uint32_t>> cells;
    std::vector<int32_t> ids;
};
RankedSources rank_sources(const std::vector<std::pair<uint64_t, int32_t>>& sources, uint64_t ncells, const std::string& op);

// The search: from the sources (cells with NaN resistance are skipped) over the grid whose
// resistances are filled in; leaves acc and ad final. Same results as a Dijkstra search: every
// cell ends with the least left-to-right floating sum over paths, then the lowest source rank,
// then the lowest move number; the order of relaxation does not change these.
template <class R>
void cost_search(const CostSetup& s, CostGrid<R>& g, const RankedSources& src, const Progress& progress);

}  // namespace eco::raster::detail
