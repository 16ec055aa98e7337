// `coast`: shoreline statistics and the natural shoreline retention ratio (自然岸线保有率):
//   ratio = length of mainland natural shoreline (type1 natural, or restored = true) / total
//   mainland shoreline length, per county and overall, against a configurable target (35 %).
// Lengths per type1 and type2, mainland and islands apart, planar (working CRS) and ellipsoidal.
// Type values outside the catalog's enumeration are counted as "unknown" and listed, never dropped.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "core/params.h"
#include "core/progress.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"
#include "vector/area.h"

namespace eco::checks {

const OpSpec& coast_spec();

struct CoastSegment {
    std::string code, type1, type2, county;  // canonical; "unknown" for values outside the enumeration, "(none)" when empty
    bool restored = false, mainland = true, counts_natural = false;
    double length = 0, length_ell = 0;
};

struct CoastFigures {
    double total = 0, natural = 0, total_ell = 0, natural_ell = 0;   // mainland: natural includes restored
    double island_total = 0, island_natural = 0, island_total_ell = 0, island_natural_ell = 0;
    double restored = 0;                                              // mainland restored length (planar)
    std::map<std::string, double> by_type1, by_type2;                 // mainland, planar
    std::map<std::string, double> island_by_type1, island_by_type2;   // islands, planar
    long long segments = 0;
    double ratio() const { return total > 0 ? natural / total : 0.0; }
    double ratio_ell() const { return total_ell > 0 ? natural_ell / total_ell : 0.0; }
};

struct CoastResult {
    nlohmann::json params;
    double target = 0.35;
    io::Srs work_crs;
    std::string work_crs_label;
    int work_epsg = 0;
    std::unique_ptr<vector::Ellipsoidal> ellipsoidal;
    io::VectorLayer layer;
    std::vector<CoastSegment> segments;  // aligned with layer.features
    std::map<std::string, CoastFigures> by_county;
    CoastFigures overall;
    std::vector<std::string> unknown_values;  // "fid 12: type1 '填海'"
    std::vector<std::string> notes;
    std::vector<io::FileFacts> inputs;
    double seconds = 0;
    // verdict: ratio >= target (counties without mainland shoreline: "n/a")
    std::string verdict(const CoastFigures& f) const;
};

std::unique_ptr<CoastResult> run_coast(const io::LayerSource& src, const nlohmann::json& params, const Progress& progress = {});

}  // namespace eco::checks
