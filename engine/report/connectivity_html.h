// report.html of `ecoshield connectivity run`: one self-contained page (inline CSS and SVG, no
// network) with the global indices (patches, links, components, IIC, PC, EC(PC), flux), a map of the
// patches coloured by their dPC rank with the links coloured by their importance (the same classes
// as styles/patches.qml and styles/links.qml), the table of the top patches by dPC and of the top
// links by dPC, and the conventions and parameters of the run.
#pragma once
#include <string>
#include <vector>

class OGRGeometry;

namespace eco::graph {
struct RunResult;
}

namespace eco::report {

// `patches`: per patch (index = id - 1) its polygons in the raster's CRS, or null. `top_n`: rows of
// the two tables. Geometries are simplified to about half a pixel of the 760 px map for the SVG.
std::string connectivity_html(const graph::RunResult& r, const std::vector<const OGRGeometry*>& patches,
                              std::size_t top_n = 20);

// The class (0..4) of a patch rank in the map and in styles/patches.qml: 1-5, 6-20, 21-100, 101-500, > 500.
int patch_rank_class(std::size_t rank);
// The class (0..3) of a link's dPC (percent) in the map and in styles/links.qml: < 0.01, 0.01-0.1,
// 0.1-1, > 1 (NaN: 0).
int link_dpc_class(double dpc);

}  // namespace eco::report
