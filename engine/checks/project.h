// Project files (docs/formats.md §2): which dataset holds which layer kind, buffers, tolerances,
// the rules file and the working CRS. Relative paths are resolved against the project file.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "io/vector_read.h"

namespace eco::checks {

struct Project {
    std::string file;   // the project file ("" for a project built from the command line)
    std::string name;
    std::map<std::string, io::LayerSource> layers;  // kind -> source
    std::optional<io::LayerSource> sites;
    std::optional<std::vector<double>> buffers_m;
    std::optional<double> tiny_area_m2, tiny_site_share;
    std::string rules;     // path of the rules file ("" = the bundled screening rules)
    std::string work_crs;  // "auto" or a CRS
};

// Loads and checks a project file: unknown layer kinds, missing sources and malformed JSON are
// BadInput naming the file and the key. `op` starts the messages.
Project load_project(const std::string& path, const std::string& op);

// The bundled demo project (layers/demo/project.json).
std::string demo_project_path();

// --layer KIND=FILE[:LAYER] options: each adds the layer to the project or replaces the project's
// layer of that kind; a malformed option or an unknown kind is BadInput ("<op>: --layer must be
// KIND=FILE[:LAYER], e.g. --layer <example>; got ..."), `example` being e.g. "redline=redlines.gpkg:redline".
void apply_layer_options(Project& p, const std::vector<std::string>& options, const std::string& op, const std::string& example);

// The source the project gives for layer kind `kind`; when it has none, BadInput "<op>: the project
// file '<file>' has no <kind> layer; add it ("<kind>": {"source": "file.gpkg:layer"}) or pass
// <option>" ("the project (command line)" for a project built from options).
io::LayerSource project_layer(const Project& p, const std::string& kind, const std::string& op, const std::string& option);
// The project's layer of `kind`, if it has one.
std::optional<io::LayerSource> optional_layer(const Project& p, const std::string& kind);

// The project's working CRS ("work_crs") as the run's "work-crs" parameter, unless `params`
// already has one (given on the command line) or the project says "auto" (the default).
void apply_project_work_crs(const Project& p, nlohmann::json& params);

// Command-line options: --assume-crs applies to every layer without a CRS; --encoding and
// --from-gcj02 apply to the site layer (per-layer settings of constraint layers go in the project file).
void apply_source_options(Project& p, const std::string& encoding, const std::string& assume_crs, bool from_gcj02);

}  // namespace eco::checks
