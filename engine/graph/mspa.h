// MSPA, Morphological Spatial Pattern Analysis (Soille & Vogt 2009, "Morphological segmentation
// of binary patterns", Pattern Recognition Letters 30:456-459; GuidosToolbox MSPA Guide), on a
// binary habitat raster held in memory. Input values as GuidosToolbox wants them: 0 missing,
// 1 background, 2 foreground. Parameters as GuidosToolbox's: foreground connectivity (8 or 4),
// EdgeWidth (cells), Transition (on/off), IntExt (on/off).
//
// Output codes (GuidosToolbox's byte values):
//   17 core       foreground farther than EdgeWidth from any background
//    9 islet      foreground component with no core
//    3 edge       the outer boundary (EdgeWidth wide) of core
//    5 perforation the boundary of core around a hole inside the core (background enclosed by core)
//   65 loop       connector linking a core to itself
//   33 bridge     connector linking two or more different cores
//    1 branch     the rest: attached at one end only (or to edge/perforation/another branch)
//    0 background, 129 missing
//   Transition on: where a loop or bridge crosses an edge / perforation to reach its core, those
//   cells get the connector's code + the crossed class's bit: 35 / 37 (bridge in edge /
//   perforation), 67 / 69 (loop in edge / perforation). Transition off: they stay 3 / 5.
//   IntExt on: every cell inside a hole of the core (perforation interior) gets +100 (background
//   there is 100, an edge there 103, a core island in the hole 117 ...); background enclosed by
//   the foreground but not by the core is 220.
//
// Definitions as implemented (distances are Euclidean, between cell centres):
//   "within EdgeWidth" is distance <= EW + 0.98 with 8-connectivity and (EW + 0.98) / sqrt 2 with
//   4-connectivity, the thresholds of GuidosToolbox's mspa (EW = 1: the 3 x 3 square, resp. the 4
//   orthogonal neighbours). Missing cells and cells outside the raster are not background (the
//   raster border makes no edge). Edge vs perforation handles cores nested inside holes of other
//   cores (their outer boundary is edge). Connectors: the residue cells (foreground that is not
//   core, islet, edge or perforation) are split per component; the cells of a component that touch
//   the edge/perforation of a core are grouped into contact clusters; a residue cell belongs to a
//   connector when it lies on a path between two different contact clusters (it shares a
//   biconnected block with a virtual node joined to every cluster, boost::biconnected_components);
//   a connector component touching two or more cores is a bridge, one core a loop; every other
//   residue cell is a branch. This follows the published definitions; GuidosToolbox's own code
//   uses skeletons, so results on real data can differ in the width of connectors (documented).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace eco::graph {

struct MspaOptions {
    int connectivity = 8;  // foreground connectivity: 8 or 4
    int edge_width = 1;    // cells, >= 1
    bool transition = true;
    bool intext = true;
};

namespace mspa_code {
inline constexpr std::uint8_t background = 0, branch = 1, edge = 3, perforation = 5, islet = 9, core = 17,
                              bridge = 33, loop = 65, missing = 129, internal = 100, opening = 220;
}

// `in`: rows * cols values 0 (missing), 1 (background), 2 (foreground); throws eco::BadInput.
std::vector<std::uint8_t> mspa(const std::vector<std::uint8_t>& in, std::size_t rows, std::size_t cols,
                               const MspaOptions& opt = {});

}  // namespace eco::graph
