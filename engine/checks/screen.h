// `screen`: proposed project sites against redlines and every constraint layer of a project,
// with the figures of DOMAIN.md, the verdict from a rules file and everything the reports need.
#pragma once
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "checks/project.h"
#include "checks/rules.h"
#include "core/params.h"
#include "core/progress.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"
#include "vector/area.h"
#include "vector/site_screen.h"

namespace eco::checks {

// The parameters of `screen`, declared once (CLI options, validation, run record).
const OpSpec& screen_spec();

struct ConstraintLayer {
    std::string kind;
    io::VectorLayer layer;
    catalog::Binding binding;
    std::string type_field;  // the kind's first enumeration field ("" if none)
    std::unique_ptr<vector::ConstraintIndex> index;
    std::vector<std::string> issue_codes;  // aligned with layer.issues: the feature's code ("" when it has none)
    std::vector<std::string> codes;        // code(i) of every feature, filled once by run_screen (empty: computed on demand)
    std::vector<std::string> names, types; // name(i) and type(i), likewise
    // canonical code, name and type of a feature
    std::string code(size_t i) const;
    std::string name(size_t i) const;
    std::string type(size_t i) const;
};

struct FiredRule {
    std::string rule_id, verdict, reason, reason_zh, kind;
    std::vector<size_t> features;  // indices into the constraint layer
    std::string detail;            // figures that justify it, one line
};

struct SiteResult {
    size_t index = 0;  // into ScreenResult::sites.features
    std::string site_id, name, activity;
    int dim = 0;  // 0 point, 1 line, 2 polygon
    double area_m2 = 0, area_ell_m2 = 0, length_m = 0, length_ell_m = 0;
    std::vector<vector::LayerFigures> per_layer;  // aligned with ScreenResult::layers
    std::vector<FiredRule> fired;
    std::string verdict = "clear";
    int n_hits = 0, tiny_overlaps = 0;
};

// A site (or any feature) listed in the input's issues (repaired or rejected at read time), with
// the identifying values read from its attributes.
struct IssueFacts {
    std::string code, name, activity;  // for sites: code = the site id ("" when the layer has none)
};

struct ScreenResult {
    Project project;
    RuleSet rules;
    nlohmann::json params;  // resolved
    std::vector<double> buffers;
    vector::Tolerance tolerance;
    io::Srs work_crs;
    std::string work_crs_label;
    int work_epsg = 0;
    io::VectorLayer sites;
    catalog::Binding site_binding;
    std::vector<IssueFacts> site_issues;  // aligned with sites.issues
    std::vector<ConstraintLayer> layers;  // sorted by kind
    std::vector<SiteResult> results;      // in site feature order
    std::vector<std::string> notes;       // skipped rules, assumed CRSs, reprojections ...
    std::vector<io::FileFacts> inputs;
    std::unique_ptr<vector::Ellipsoidal> ellipsoidal;
    double seconds = 0;
    std::vector<std::pair<std::string, double>> timings;  // phase -> seconds (wall), for the log only

    int layer_index(const std::string& kind) const;
};

// The Hilbert curve index of cell (x, y) of a 2^bits x 2^bits grid.
uint64_t hilbert_index(uint32_t x, uint32_t y, int bits);
// The order in which run_screen visits the sites: along a Hilbert curve over the centres of their
// boxes (a permutation of 0..n-1; sites without a usable box sit at the start of the curve).
std::vector<size_t> spatial_order(const io::VectorLayer& sites);

// Runs the screening. `params` as given (names of screen_spec(), values may be strings);
// they override the project's settings.
std::unique_ptr<ScreenResult> run_screen(Project project, const nlohmann::json& params, const Progress& progress = {});

}  // namespace eco::checks
