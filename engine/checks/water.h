// `water`: every outfall and monitoring station (layer kind outlet) assigned to its water
// functional zone (polygon containing it, or the nearest river reach within the snap distance)
// or, at sea, to its marine functional zone, with the zone's target class; compliance of the
// measured class against the target (GB 3838-2002 classes I..V and 劣V; GB 3097-1997 sea classes
// 1..4 and 劣四类); outfalls inside drinking water source protection zones (by level) or inside
// protection-type water zones flagged; water zones overlapping redlines listed with the overlap.
//
// Assignment order for a point: (1) a water zone polygon covering it (several: the first by
// code, the others listed); (2) a marine zone polygon covering it; (3) the nearest water zone
// line (reach) within `snap` metres; otherwise "unassigned", with the nearest zone of any layer
// and its distance. Class values that do not parse are listed and counted as "unknown", never
// dropped.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "checks/layer_load.h"
#include "checks/project.h"
#include "core/params.h"
#include "core/progress.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"
#include "vector/area.h"

namespace eco::checks {

const OpSpec& water_spec();

// A water quality class: rank 1..5 for GB 3838 I..V and 6 for 劣V; 1..4 for GB 3097 classes and
// 5 for 劣四类. `code` is "I".."V", "worse_V" (fresh) or "1".."4", "worse_4" (sea).
struct WaterClass {
    int rank = 0;
    bool sea = false;
    std::string code;
};

// Parses a class as written in data: Roman numerals (Ⅰ..Ⅴ, I..V in any case), Arabic digits
// (also full-width), Chinese numerals (一..五), with or without 类 / 第 / 海水 / 水, and the prefix
// 劣 ("劣Ⅴ类", "劣V", "劣四类", "劣4"). `sea` selects the scale: fresh water accepts 1..5 and 劣5,
// sea 1..4 and 劣4. nullopt when the text is empty or does not parse on that scale.
std::optional<WaterClass> parse_water_class(const std::string& raw, bool sea);
// Chinese label of a class code ("Ⅳ类", "劣Ⅴ类", "第二类", "劣四类").
std::string water_class_zh(const std::string& code);

struct WaterInput {
    io::LayerSource outlet, water_zone;
    std::optional<io::LayerSource> marine_zone, water_source, redline;
};
// The layers of a project file (outlet and water_zone are required).
WaterInput water_input_from_project(const Project& p);

struct WaterPoint {
    size_t index = 0;  // into WaterResult::outlets.features
    std::string id, name, kind, county;  // kind: outfall / station / "unknown" / "(none)"
    std::string measured_raw, measured;  // measured: class code, "" when not measured, "unknown" when it does not parse
    std::string zone_kind;               // water_zone, water_reach, marine_zone, unassigned
    long long zone = -1;                 // index into the zone layer of zone_kind (water_zone / marine_zone)
    std::string zone_code, zone_name, level1, level2, target;  // target: class code or "" (none) or "unknown"
    std::string standard;                // "GB 3838-2002" / "GB 3097-1997" / ""
    std::string compliance;              // compliant, exceeds, not_measured, unknown_class, no_target, unassigned
    double distance_m = 0;               // 0 inside a polygon; to the reach; to the nearest zone when unassigned
    std::string nearest_kind, nearest_code, nearest_name;  // unassigned: the nearest zone of any layer
    std::vector<std::string> also_in;    // other zones covering the point ("water_zone 331002SG02")
    std::string source_level, source_code, source_name;  // drinking water source zone (strictest level) covering it
    bool in_protection_zone = false;     // in a water zone whose level1/level2 is protection-type
    std::vector<std::string> flags;      // outfalls only: water_source_first, ..., protection_zone
};

struct WaterFlag {
    size_t point = 0;       // into WaterResult::points
    std::string flag;       // water_source_first / water_source_second / water_source_quasi / protection_zone
    std::string layer_kind; // water_source or water_zone
    std::string feature_code, feature_name, detail;
};

struct ZoneRedline {
    size_t zone = 0, redline = 0;  // indices into the layers
    std::string zone_code, zone_name, redline_code, redline_name;
    geom::Geom geom;
    double area_m2 = 0, area_ell_m2 = 0, zone_share = 0;  // polygons
    double length_m = 0, length_ell_m = 0;                // reaches (lines)
};

// work_crs, ellipsoidal, inputs and notes: RunFrame (checks/layer_load.h)
struct WaterResult : RunFrame {
    nlohmann::json params;
    double snap_m = 100;
    std::vector<std::string> protection_level1, protection_level2, flag_source_levels;
    LoadedLayer outlets, zones, marine, sources, redlines;
    std::vector<WaterPoint> points;   // one per outlet feature, in feature order
    std::vector<WaterFlag> flags;     // in point order
    std::vector<ZoneRedline> overlaps;  // by zone, then redline
    std::map<std::string, long long> by_compliance, by_zone_kind;
    std::vector<std::string> unknown_values;  // "outlet fid 3 (JC-01): measured_class 'x'"
    double seconds = 0;
};

std::unique_ptr<WaterResult> run_water(const WaterInput& in, const nlohmann::json& params, const Progress& progress = {});

}  // namespace eco::checks
