// `soil`: listed soil pollution risk parcels (soil_parcel, status 管控中 controlled / 修复中
// remediating = listed; 已移出 delisted) against sensitive receptors (receptor layer: schools,
// hospitals, residential land, water sources; plus the drinking water source zones of the
// water_source layer): the distance from each parcel to the nearest receptor of each kind and the
// receptors within configurable ranges (default 500 / 1000 m [check]); listed parcels whose
// planned use is class-1 (一类用地) flagged; farmland soil class areas (farmland_soil: priority /
// safe use / strict control) per county of the admin layer, planar and ellipsoidal, with the
// share of each class and a row for farmland outside the admin layer.
//
// Distances are boundary to boundary in the working CRS (0 when touching or overlapping).
// A parcel with a status outside the enumeration, or none, counts as listed (the conservative
// reading) and is listed among the unknown values.
#pragma once
#include <array>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "checks/layer_load.h"
#include "checks/project.h"
#include "core/params.h"
#include "core/progress.h"
#include "vector/area.h"
#include "vector/overlay_tabulate.h"

namespace eco::checks {

const OpSpec& soil_spec();

inline const std::array<std::string, 4> kReceptorKinds = {"school", "hospital", "residential", "water_source"};
inline const std::string kOutsideAdmin = "(outside admin)";

struct SoilInput {
    io::LayerSource parcels;
    std::optional<io::LayerSource> receptors, water_source, farmland, admin;
};
// The layers of a project file (soil_parcel required; receptor, water_source, farmland_soil,
// admin optional).
SoilInput soil_input_from_project(const Project& p);

struct Receptor {
    std::string kind, id, name, source;  // source: "receptor" or "water_source"
    const GEOSGeometry* geom = nullptr;
    long long fid = -1;
};

struct NearestReceptor {
    long long receptor = -1;  // index into SoilResult::receptors; -1: none of that kind
    double distance_m = 0;
};

struct SoilLink {
    size_t parcel = 0, receptor = 0;
    double distance_m = 0;
    double range_m = 0;   // the smallest range containing it; 0 when beyond every range
    bool nearest = false; // the nearest of its kind for this parcel
    geom::Geom line;      // nearest points, parcel -> receptor
};

struct SoilParcel {
    size_t index = 0;  // into parcels.layer.features
    std::string code, name, status, planned_use, county, category;
    bool listed = true, class1_listed = false;
    double area_m2 = 0, area_ell_m2 = 0;
    std::array<NearestReceptor, 4> nearest;                  // per kReceptorKinds
    std::vector<std::array<long long, 4>> within;           // per range, per kind: receptors within
    std::vector<std::string> flags;
};

struct FarmlandCell {
    double area = 0, area_ell = 0;
    long long pieces = 0;
};

struct FarmlandPiece {
    size_t farmland = 0;
    std::string county, county_code, cls;
    geom::Geom geom;
    double area = 0, area_ell = 0;
};

// work_crs, ellipsoidal, inputs and notes: RunFrame (checks/layer_load.h)
struct SoilResult : RunFrame {
    nlohmann::json params;
    std::vector<double> ranges;  // ascending
    std::vector<std::string> listed_status, class1_uses, source_levels;
    LoadedLayer parcels, receptor_layer, sources, farmland, admin;
    std::vector<Receptor> receptors;
    std::vector<SoilParcel> results;   // one per parcel, in feature order
    std::vector<SoilLink> links;       // by parcel, then distance
    // farmland: county -> class -> cell; county totals; class totals
    std::map<std::string, std::map<std::string, FarmlandCell>> farmland_table;
    std::map<std::string, FarmlandCell> county_total, class_total;
    std::map<std::string, std::string> county_code;
    FarmlandCell farmland_total;            // the table's total (planar and ellipsoidal)
    double farmland_raw_area = 0, farmland_raw_area_ell = 0;    // sum of the features' own areas
    double farmland_self_overlap = 0, farmland_self_overlap_ell = 0;
    double farmland_rel_error = 0;          // |total + self overlap - raw| / raw
    std::vector<FarmlandPiece> pieces;
    std::vector<std::string> unknown_values;
    double seconds = 0;

    double range_max() const { return ranges.empty() ? 0 : ranges.back(); }
};

std::unique_ptr<SoilResult> run_soil(const SoilInput& in, const nlohmann::json& params, const Progress& progress = {});

// "school" -> "学校" etc.
std::string receptor_kind_zh(const std::string& kind);

}  // namespace eco::checks
