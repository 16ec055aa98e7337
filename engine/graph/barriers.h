// Barriers: where restoration would most shorten the least-cost distances (McRae et al. 2012, "Where to
// restore ecological connectivity? Detecting barriers and quantifying restoration benefits", PLoS ONE
// 7(12): e52604; Linkage Mapper's Barrier Mapper).
//
// For each link (u, v) with least-cost distance LCD, each radius R (cells) and each cell c where the
// cost fields of u and v (corridors.h) are both defined, the restoration window is the disc of cells whose
// centre lies within R cells of c's centre. What is computed (Barrier Mapper's closed form):
//   mA = min over the window's cells of cwd_u,  mB = min over the window's cells of cwd_v,
//   LCD_restored = mA + mB + 2 R s r_restored   (s = cell width in m: the window's diameter crossed at the
//                                                restored resistance r_restored),
//   improvement  = max(0, LCD - LCD_restored)    (cost units),
//   score        = improvement / (2 R s)         (cost units saved per metre restored).
// mA and mB may come from any two cells of the window (Barrier Mapper does the same; on a barrier they lie
// on its two sides). A window where mA or mB is not reached (beyond the bounded cost search, which covers
// cwd <= LCD + width, and cells with cwd > LCD cannot give an improvement) scores 0.
// Raster: per cell the maximum score over links and radii (0 where a link's cost fields meet but nothing
// is restorable; NaN elsewhere). Top barriers: the cells in decreasing score (ties: lower cell index),
// each taken with the radius and link that gave its score, when its window does not overlap an already
// chosen one (centres more than R1 + R2 cells apart), up to `top` windows.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/progress.h"
#include "graph/corridors.h"

namespace eco::graph {

struct BarrierOptions {
    std::vector<int> radii{1, 2, 4};   // cells
    double restored_resistance = 1.0;  // resistance of a restored cell [check]
    int top = 10;                      // barrier windows kept as polygons
};

struct BarrierWindow {
    std::size_t corridor = 0;   // index in CorridorsResult::corridors
    std::uint64_t cell = 0;     // centre cell (row * width + col)
    int radius = 0;             // cells
    double score = 0, improvement = 0, lcd = 0, lcd_restored = 0;
    std::vector<std::uint64_t> cells;  // the window's cells
};

struct BarriersResult {
    std::vector<float> score;            // whole grid: max score, NaN where no link's fields meet
    std::vector<BarrierWindow> top;      // non-overlapping, decreasing score
    std::vector<double> best;            // per corridor: its best score (0 when nothing is restorable)
    std::vector<double> best_improvement;  // per corridor: the improvement of that best window (cost units)
};

BarriersResult barriers(const Patches& p, const CorridorsResult& cor, const BarrierOptions& opt, const std::string& op,
                        const Progress& progress = {});

// The same computation fed by batches of corridors while their cost fields are held (least_cost_corridors'
// on_batch, so the fields need not all be kept): add() in corridor order, then finish(). barriers() is
// add(every corridor, cor.fields) + finish(); the results are the same however the corridors are batched.
class BarrierAccumulator {
public:
    BarrierAccumulator(const Patches& p, std::size_t corridors, const BarrierOptions& opt, const std::string& op);
    // the corridors ks (indices in cs, any order)
    void add(const std::vector<Corridor>& cs, const std::vector<std::size_t>& ks, const std::vector<CostField>& fields);
    BarriersResult finish(const std::vector<Corridor>& cs, const Progress& progress = {});

private:
    // Per-cell state of the cells with a positive score only (few: barriers lie along the corridors), in
    // tiles of kTile x kTile cells made when first needed; the whole-grid array is the score raster itself.
    static constexpr int kTile = 64;
    struct Tile {
        double best[kTile * kTile];       // the max score (0: none positive yet)
        double imp[kTile * kTile];        // its improvement
        std::uint32_t from[kTile * kTile];  // which corridor gave it (the lowest index among equal scores)
        std::uint8_t rad[kTile * kTile];  // radius index
    };
    Tile& tile(std::size_t g);
    const Tile* find_tile(std::size_t g) const;
    const Patches& p_;
    BarrierOptions opt_;
    std::size_t nc_ = 0;
    BarriersResult out_;
    int tiles_w_ = 0;
    std::vector<std::unique_ptr<Tile>> tiles_;
};

// The cells of the disc of radius R (cells) around (row, col), inside a W x H grid, row-major order.
std::vector<std::uint64_t> window_cells(int W, int H, int row, int col, int radius);

}  // namespace eco::graph
