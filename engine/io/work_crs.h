// The one projected working CRS of a run (DESIGN.md): "auto" = the CGCS2000 3-degree
// Gauss-Kruger zone of the inputs' centre; an explicit CRS must be projected and must not
// stretch distances by more than 0.5 % at the data's centre (e.g. Web Mercator is refused).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "io/vector_read.h"

namespace eco::io {

struct WorkCrs {
    Srs srs;
    std::string label;  // "EPSG:4549 CGCS2000 / 3-degree Gauss-Kruger CM 120E"
    int epsg = 0;
    std::string note;   // how it was chosen (for the report), "" when given explicitly
};

// `param` is the --work-crs value; `inputs` the layers of the run with their labels. With auto and
// no coordinates to go by, BadInput names the layers that have no features ("<op>: the outlet
// layer 'f.gpkg:outlet' has no features, so ...; check that you named the right layer ...").
WorkCrs choose_work_crs(const std::string& param, const std::vector<std::pair<LayerSource, std::string>>& inputs,
                        const std::string& op);

}  // namespace eco::io
