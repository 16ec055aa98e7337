// A thematic input layer in a check's outputs (water, soil, bay, coast, redline audit): its record
// in report.json's "inputs" and its copy as a styled context layer in the GeoPackage.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/layer_load.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"
#include "report/gpkg_writer.h"

namespace eco::report {

// The input record of a layer: role, source, path, layer, crs, crs_assumed, features_read,
// features_used, repaired, rejected and file {size, sha256} (from `facts`, the run's files).
nlohmann::json layer_input_json(const io::VectorLayer& L, const std::string& role, const std::vector<io::FileFacts>& facts);
// The same for a loaded layer, its kind as the role.
nlohmann::json layer_input_json(const checks::LoadedLayer& L, const std::vector<io::FileFacts>& facts);
// Sets e["file"] = {size, sha256} of the file at `path` when `facts` holds it.
void add_file_facts(nlohmann::json& e, const std::string& path, const std::vector<io::FileFacts>& facts);

// The canonical fields a layer's binding found (in the layer kind's order): output fields and names.
void bound_fields(const catalog::Binding& b, std::vector<OutField>& fields, std::vector<std::string>& names);

// A thematic input layer copied into a GeoPackage as `<name>` (and `<name>_line` /
// `<name>_point` for other geometry families), canonical fields, styled like its layer kind;
// `keep` (empty = all) selects features. Nothing is written for an absent or empty layer.
void write_context_layer(GpkgWriter& w, const checks::LoadedLayer& L, const std::string& name, const std::string& op,
                         const std::vector<size_t>& keep = {});

}  // namespace eco::report
