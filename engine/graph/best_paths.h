// All-pairs best paths on a habitat graph and the removal analysis PC / IIC need, done once.
//
// Given node weights a_i, undirected links with lengths w_e >= 0 and a decreasing "path value"
// f (PC: f(x) = exp(-x) with x = sum of -ln p_e; IIC: f(x) = 1/(1+x) with x = number of links),
// computes in one pass over all sources:
//   num           = sum_i sum_j a_i a_j f(d_ij)                       (i = j included, f(0) = 1)
//   flux[k]       = sum_{i != k} a_k a_i f(d_ik)                      (one direction)
//   connector[k]  = sum over ordered pairs (i, j), i, j != k, of a_i a_j (f(d_ij) - f(d_ij without k))
//   betweenness[k]= sum over ordered pairs (i, j), k not in {i, j}, of a_i a_j f(d_ij) times the
//                   fraction of the best i-j paths that pass through k (Brandes-style split of ties)
//   link_loss[e]  = sum over ordered pairs (i, j) of a_i a_j (f(d_ij) - f(d_ij without link e))
// so that removing node k leaves num - a_k^2 - 2 flux[k] - connector[k] (exactly the dPC split of
// Saura & Rubio 2010 into intra, flux and connector fractions).
//
// The method and its proof are in best_paths.cpp (top comment). Results do not depend on the
// number of threads: every sum is reduced in source order.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/progress.h"

namespace eco::graph {

enum class PathValue {
    ExpNeg,       // f(x) = exp(-x): PC, x = -ln(product of probabilities)
    InverseHops,  // f(x) = 1 / (1 + x): IIC, x = number of links (use unit lengths)
};

struct PairsInput {
    std::size_t n = 0;
    std::vector<double> weight;                                // a_i, size n
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;  // links (u != v, no duplicates)
    std::vector<double> length;                                // w_e >= 0, finite, size = ends.size()
    PathValue value = PathValue::ExpNeg;
    bool betweenness = true;
    bool link_loss = false;
    // Two paths whose lengths differ by at most this relative amount are equally good (ties): a
    // pair whose alternative is that close loses nothing when the node is removed.
    double tie_tolerance = 1e-12;
    // "auto": dense (matrix) method when the graph is dense enough and fits, else sparse.
    std::string method = "auto";  // auto | dense | sparse
};

struct PairsResult {
    double num = 0.0;
    std::vector<double> flux, connector, betweenness, link_loss;
    std::string method;               // "dense" or "sparse"
    std::size_t full_sources = 0;     // sources whose best-path structure was analysed in full
    std::size_t star_sources = 0;     // dense method: sources whose direct links are all best paths
};

double path_value(PathValue v, double x);

// Throws eco::BadInput (prefixed `op`) on malformed input; eco::Cancelled via `progress`.
PairsResult analyze_pairs(const PairsInput& in, const Progress& progress = {}, const std::string& op = "connectivity");

}  // namespace eco::graph
