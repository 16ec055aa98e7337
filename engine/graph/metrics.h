// Connectivity metrics of a habitat graph: the global indices (components, IIC, PC, EC, flux)
// and the importance of every node (dA, dIIC and dPC with their intra / flux / connector
// fractions, degree, BC_PC, cut vertex) and of every link (dPC when removed, bridge).
//
// Definitions (Pascual-Hortal & Saura 2006; Saura & Pascual-Hortal 2007; Saura & Rubio 2010;
// Bodin & Saura 2010; as in Conefor 2.6):
//   IIC = sum_i sum_j a_i a_j / (1 + nl_ij) / A_L^2, nl_ij = links on the shortest topological path
//         (pairs in different components add 0; i = j adds a_i^2)
//   PC  = sum_i sum_j a_i a_j p*_ij / A_L^2, p*_ii = 1, p*_ij = best product of link probabilities
//   EC(PC) = sqrt(sum_i sum_j a_i a_j p*_ij) = sqrt(PCnum), EC(IIC) = sqrt(IICnum)
//   dI_k = 100 (I - I'_k) / I, I'_k: index with node k (and its links) removed, same A_L
//        = dIintra_k + dIflux_k + dIconnector_k with
//          dIintra_k = 100 a_k^2 / Inum, dIflux_k = 100 * 2 sum_{i != k} a_i a_k p*_ik / Inum,
//          dIconnector_k = the rest = 100 * sum_{i,j != k} a_i a_j (p*_ij - p*'_ij) / Inum >= 0.
//   F (flux) = sum_i sum_{j != i} a_i a_j p*_ij = PCnum - sum_i a_i^2: the between-patch part of
//        PCnum. This is Graphab's global "F" with beta = 1 and p = exp(-alpha d) on the graph's
//        shortest paths (Graphab: F = sum_i sum_{j != i} a_i^beta a_j^beta exp(-alpha d_ij)).
//   pc_fraction_k = (a_k^2 + sum_{i != k} a_i a_k p*_ik) / A_L^2; sum_k pc_fraction_k = PC exactly
//        (each pair is shared half and half by its two ends). Equivalently, in percent,
//        sum_k (dPCintra_k + dPCflux_k / 2) = 100.
//   BC_PC_k (Bodin & Saura 2010) = sum over ordered pairs (i, j), i != j, k not in {i, j}, of
//        a_i a_j p*_ij credited to the intermediate nodes of the best i-j path; when several paths
//        are equally good the credit is split equally among them (Brandes).
// Probability kernel: p_ij = exp(-alpha d_ij), alpha = -ln(p0) / d0 ("probability p0 at distance
// d0"), or probabilities given directly per link.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/params.h"
#include "core/progress.h"
#include "graph/habitat_graph.h"

namespace eco::graph {

struct MetricsOptions {
    enum class LinksAre { Distance, Probability };
    LinksAre links_are = LinksAre::Distance;
    double p0 = 0.5;     // probability ...
    double d0 = 1000.0;  // ... at this distance (same unit as the links)
    // Binary connections for IIC, components, cut vertices and bridges: links whose distance is
    // at most this (all links when absent). Not allowed with probabilities.
    std::optional<double> threshold;
    std::optional<double> landscape_area;  // A_L; absent: the summed node area (then PC = PCnum / A^2)
    bool betweenness = true;
    std::string link_importance = "auto";  // auto (links <= 200000) | on | off
    std::string method = "auto";           // auto | dense | sparse (see best_paths.h)
};

struct NodeMetrics {
    double dA = 0, dIIC = 0, dIICintra = 0, dIICflux = 0, dIICconnector = 0;
    double dPC = 0, dPCintra = 0, dPCflux = 0, dPCconnector = 0;
    double pc_fraction = 0, bc_pc = 0;
    std::size_t degree = 0;  // in the binary graph
    int component = 0;       // in the binary graph
    bool cut_vertex = false;
};

struct LinkMetrics {
    double probability = 0;   // direct probability p_ij used by PC
    double dPC = kNaN;        // percent loss of PCnum when the link is removed (NaN: not computed)
    bool binary = false;      // counts as a connection for IIC (within the threshold)
    bool bridge = false;      // removing it splits its component (binary graph)
    bool in_mst = false;      // in the minimum spanning forest of the binary graph (by distance)
};

struct Metrics {
    std::size_t nodes = 0, links = 0, binary_links = 0;
    std::size_t components = 0;
    std::vector<std::size_t> component_nodes;
    std::vector<double> component_area;
    double total_area = 0, landscape_area = 0;
    std::string landscape_area_source;  // "given" or "sum of node areas"
    double alpha = kNaN;                // kernel rate (1/distance unit), NaN with probabilities
    double iic_num = 0, iic = 0, ec_iic = 0;
    double pc_num = 0, pc = 0, ec_pc = 0, flux = 0;
    bool link_importance = false;
    std::string method;  // dense / sparse (PC pass)
    std::size_t full_sources = 0, star_sources = 0;
    std::vector<NodeMetrics> node;
    std::vector<LinkMetrics> link;
};

Metrics compute_metrics(const HabitatGraph& hg, const MetricsOptions& opt, const Progress& progress = {},
                        const std::string& op = "connectivity metrics");

// The parameters of `connectivity metrics`, declared once (DESIGN rule 3): nodes, links,
// links-are, p0, d0, threshold, landscape-area, link-importance, method, out.
const OpSpec& metrics_spec();
// From resolve_params(metrics_spec(), ...) to options; checks cross-parameter rules.
MetricsOptions metrics_options(const nlohmann::json& params);

// The whole result as JSON (global indices, components, per-node and per-link arrays).
nlohmann::json metrics_json(const HabitatGraph& hg, const Metrics& m);

}  // namespace eco::graph
