// connectivity run: the ecological security pattern from a land cover raster and a class table.
//   sources  habitat classes -> patches (pipeline_patches.h), optionally MSPA core first;
//   links    least-cost (or Euclidean) links over the resistance surface (pipeline_links.h);
//   metrics  build_graph_indexed + compute_metrics (metrics.h), "probability p0 at distance d0" in
//            the link distance's unit (cost units by default); patches ranked by dPC (1 = most important);
//   outputs  in --out: connectivity.gpkg with `patches` (GDALPolygonize of the patch raster, one
//            multipolygon per patch) and `links` (least-cost path lines), report.json, report.csv (one
//            row per patch). Files are written under temporary names and renamed when all succeeded.
// Styles: styles/patches.qml (graduated on rank) and styles/links.qml (graduated on link dPC) are stored as
// the layers' default styles in connectivity.gpkg; report.html (report/connectivity_html.h) unless --no-html.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/params.h"
#include "core/progress.h"
#include "graph/habitat_graph.h"
#include "graph/metrics.h"
#include "graph/pipeline_links.h"
#include "graph/pipeline_patches.h"
#include "graph/pipeline_pattern.h"

namespace eco::graph {

const OpSpec& run_spec();

struct RunOptions {
    std::string landcover, table, out, assume_crs;
    bool html = true;  // write report.html
    PatchOptions patches;
    LinkOptions links;
    MetricsOptions metrics;
    PatternOptions pattern;  // corridors, pinch points, barriers (pipeline_pattern.h)
    nlohmann::json params;  // the resolved parameters, recorded in report.json
};
// From resolve_params(run_spec(), ...); checks cross-parameter rules.
RunOptions run_options(const nlohmann::json& params);

struct RunResult {
    Patches patches;
    Resistance resistance;
    LinksResult links;
    PatternResult pattern;
    HabitatGraph graph;
    Metrics metrics;
    std::vector<std::size_t> rank;  // per patch: 1 = highest dPC (ties: lower id first)
    std::vector<std::string> files; // written, final paths
    nlohmann::json report;          // what report.json holds
};

// Runs the pipeline in memory (no files). Note: HabitatGraph holds edge descriptors into its own
// Boost graph; after copying or assigning a RunResult call result.graph.index_links().
RunResult run_pipeline(const RunOptions& opt, const Progress& progress = {});
// Runs it and writes the outputs into opt.out.
RunResult connectivity_run(const RunOptions& opt, const Progress& progress = {});

}  // namespace eco::graph
