// The ecological security pattern's last steps, after patches and least-cost links: corridors
// (corridors.h), pinch points (pinch.h) and barriers (barriers.h); used by `connectivity run` and by the
// subcommands `connectivity corridors|pinch|barriers`.
//
// Outputs (write_pattern_outputs), into the run's output directory:
//   GeoPackage layers `corridors` (one multipolygon per link: the corridor cells, N <= width, end patches
//   left out; link id, patches, LCD, path length, ratio, cells, area, r_eff, max current, best barrier
//   score) and `barriers` (the top restoration windows as polygons of their cells), styled from
//   styles/corridors.qml and styles/barriers.qml; fields `r_eff` and `cwd_ratio` of `links` come from write_links_layer (one pass);
//   GeoTIFFs corridors.tif (normalized least-cost corridor mosaic, cost units), current.tif (current
//   density mosaic, A for 1 A per corridor), barriers.tif (barrier score, cost units per m); tiled,
//   DEFLATE, nodata -9999, the run record in their metadata; corridors.csv (one row per link);
//   report.json gets "corridors", "pinch_points" and "barriers".
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/params.h"
#include "core/progress.h"
#include "graph/barriers.h"
#include "graph/corridors.h"
#include "graph/metrics.h"
#include "graph/pinch.h"

class GDALDataset;

namespace eco::report {
class OutputDir;
}

namespace eco::graph {

// The parameters, declared once: appended to `connectivity run` and used by the subcommands.
const std::vector<ParamSpec>& pattern_params();
// `spec` with pattern_params() appended.
OpSpec with_pattern_params(OpSpec spec);

struct PatternOptions {
    bool corridors = true, pinch = true, barriers = true;
    CorridorOptions corridor;
    PinchOptions pinch_opt;
    BarrierOptions barrier;
    bool restored_from_min = true;  // restored resistance = the surface's minimum (no --restored-resistance)
    bool skip_on_budget = false;    // corridors over their memory budget: skip with a note (connectivity run)
};
// From resolved parameters (pattern_params names); `knight` follows the links' option.
PatternOptions pattern_options(const nlohmann::json& params, bool knight, const std::string& op);

struct PatternResult {
    bool ran = false;
    CorridorsResult corridors;
    PinchResult pinch;
    BarriersResult barriers;
    double restored_resistance = 0;
    std::string note;  // why the pattern was skipped
};

PatternResult run_pattern(const Patches& p, const Resistance& res, const LinksResult& links, const PatternOptions& opt,
                          const std::string& op, const Progress& progress = {});

// The `links` layer (one writer for connectivity run and the subcommands), written in one pass: link_id
// (index + 1), from_patch, to_patch, cost, length_m, euclid_m; with `m` the metrics' fields (distance,
// probability, dPC, bridge, in_mst); when the pattern ran (`r`), cwd_ratio (LCD / path length, every link)
// and r_eff (links with a corridor and pinch points). Not styled here (the caller chooses the style).
void write_links_layer(GDALDataset& ds, const Patches& p, const LinksResult& links, const Metrics* m,
                       const PatternResult* r, const std::string& op);

// Writes the layers into the GeoPackage at `gpkg` (already written, e.g. by connectivity run, with its `links`
// layer from write_links_layer), the GeoTIFFs, corridors.csv, and adds its sections to `report` (and the
// file names to report["outputs"]).
void write_pattern_outputs(report::OutputDir& od, const std::string& gpkg, const Patches& p,
                           const LinksResult& links, const PatternResult& r, const nlohmann::json& run_record,
                           nlohmann::json& report, const std::string& op);

// The report.json sections (also used when no files are written).
nlohmann::json pattern_json(const Patches& p, const PatternResult& r);

// `connectivity corridors|pinch|barriers`: land cover + classes -> patches; resistance from a table or
// a raster on the same grid; least-cost links; then the pattern steps up to `step`.
const OpSpec& pattern_spec(const std::string& step);  // step: corridors | pinch | barriers
struct PatternRun {
    std::size_t patches = 0, links = 0;
    PatternResult result;
    std::vector<std::string> files;
    nlohmann::json report;
};
PatternRun pattern_command(const std::string& step, const nlohmann::json& params, const Progress& progress = {});

}  // namespace eco::graph
