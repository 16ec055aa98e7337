// Loading the layers of a thematic check (water, soil, bay, coast, redline audit): one working CRS
// per run chosen from all its inputs, every layer read in it, each input file hashed once for the
// run record however many of the run's layers it holds, the notes every check writes the same way
// ("the <kind> layer has no CRS; assumed ..."), and the geometry-family checks of a layer.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.h"
#include "core/progress.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"
#include "vector/area.h"

namespace eco::checks {

// A thematic layer read for a check, with its fields bound to the catalog kind.
struct LoadedLayer {
    std::string kind;
    io::VectorLayer layer;
    catalog::Binding binding;
    bool present = false;
};

// What every check's result carries about its run: the working CRS, the ellipsoid to measure on,
// the input files (each once, with size and SHA-256) and the notes for the report.
struct RunFrame {
    io::Srs work_crs;
    std::string work_crs_label;
    int work_epsg = 0;
    std::unique_ptr<vector::Ellipsoidal> ellipsoidal;
    std::vector<io::FileFacts> inputs;  // one per file, in the order first read
    std::vector<std::string> notes;
};

using LabelledSources = std::vector<std::pair<io::LayerSource, std::string>>;

// Chooses the working CRS of the run from `param` (--work-crs: auto or a CRS) and the layers
// `inputs` (source, label), as io::choose_work_crs does; sets work_crs, its label and EPSG code and
// the ellipsoid, and appends the note saying how it was chosen.
void choose_frame(RunFrame& R, const std::string& param, const LabelledSources& inputs, const std::string& op);

// Refuses (BadInput "<op>: <label> layer '<spec>' has no features; check that you named the right
// layer") the first of `inputs` that holds no feature.
void refuse_empty(const LabelledSources& inputs, const std::string& op);

// Reads a layer in the working CRS of `R`: the file is hashed into R.inputs unless already there;
// a layer without a CRS (assumed) adds the note "the <label> layer has no CRS; assumed <crs>".
// An empty layer is BadInput unless `allow_empty`.
io::VectorLayer read_layer(RunFrame& R, const io::LayerSource& src, const std::string& label, const std::string& op, bool allow_empty,
                           const Progress& progress = {});
// The same, bound to the catalog kind `kind` (which is also the label).
void load_layer(RunFrame& R, LoadedLayer& L, const io::LayerSource& src, const std::string& kind, const std::string& op, bool allow_empty,
                const Progress& progress = {});

// Records the file of `path` in R.inputs (hashed) unless it is there already.
void record_input(RunFrame& R, const std::string& path);

// BadInput "<op>: the <kind> layer '<file:layer>' has a non-polygon feature (fid N); this layer
// must hold polygons" for the first feature that is not a polygon.
void require_polygons(const io::VectorLayer& layer, const std::string& kind, const std::string& op);

}  // namespace eco::checks
