// `bay`: one card per beautiful-bay segment (美丽海湾):
//   - area of the bay polygon, planar (working CRS) and ellipsoidal;
//   - marine function zones inside: area per class (GB 3097-1997 classes 1-4) of the bay ∩ zones
//     (zones flattened first: where two zones overlap, the overlap counts once, for the zone read
//     first); the bay's sea area = the part of the bay covered by a marine zone; the rest is
//     "unzoned"; good-class share = class 1 + class 2 area / sea area;
//   - shoreline: the part of each coastline segment inside the bay or within `shore-distance` of it
//     (the rule of `coast`, checks/coast.h): length per type, mainland and islands, natural ratio
//     (natural + restored) / mainland length against `target`;
//   - redline coverage: area of the bay ∩ the union of redline patches and its share of the bay;
//   - listed soil parcels and outfalls within `catchment` metres of the bay polygon (exact
//     distance, 0 when they touch it), with that distance; parcels whose status is delisted
//     (已移出) are shown apart, not counted as listed;
//   - monitoring stations inside the bay (distance 0) with their measured class.
// redline, soil_parcel and outlet are optional layers: when absent, the card says so.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "checks/coast.h"
#include "checks/layer_load.h"
#include "checks/project.h"
#include "core/params.h"
#include "core/progress.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"
#include "vector/area.h"

namespace eco::checks {

const OpSpec& bay_spec();

struct BayInput {
    io::LayerSource bay, marine_zone, coastline;
    std::optional<io::LayerSource> redline, soil_parcel, outlet;
};
// The layers of a project (bay, marine_zone and coastline required; BadInput naming the project file
// and the missing kind otherwise).
BayInput bay_input(const Project& p);

struct BayMarinePiece {
    size_t bay = 0, zone = 0;  // zone index into the marine layer
    std::string cls;           // canonical class "1".."4", "unknown" or "(none)"
    geom::Geom geom;
    double area = 0, area_ell = 0;
};

struct BayShorePiece {
    size_t bay = 0, seg = 0;  // seg index into the coastline layer
    geom::Geom geom;
    double length = 0, length_ell = 0;
};

struct BayItem {
    std::string kind;  // "soil_parcel", "soil_parcel_delisted" (status delisted: shown, not counted as listed), "outfall", "station"
    size_t index = 0;  // into its layer
    std::string code, name, detail;  // detail: soil: status/planned use; station: measured class
    double distance = 0;             // m to the bay polygon (0: touches or inside)
};

struct BayClassArea {
    double area = 0, area_ell = 0;
};

struct BayCard {
    size_t index = 0;
    long long fid = 0;
    std::string code, name, status, county, target_year;
    geom::Geom geom;  // the bay polygon (working CRS)
    double area = 0, area_ell = 0;
    std::map<std::string, BayClassArea> by_class;
    double sea = 0, sea_ell = 0, good = 0, good_ell = 0;
    double unzoned() const { return area - sea; }
    double good_share() const { return sea > 0 ? good / sea : 0.0; }
    double good_share_ell() const { return sea_ell > 0 ? good_ell / sea_ell : 0.0; }
    CoastFigures shore;
    double redline = 0, redline_ell = 0;
    double redline_share() const { return area > 0 ? redline / area : 0.0; }
    std::vector<BayItem> items;  // soil parcels, outfalls, stations; by kind then distance then code
    size_t count(const std::string& kind) const;
};

// work_crs, ellipsoidal, inputs and notes: RunFrame (checks/layer_load.h)
struct BayResult : RunFrame {
    nlohmann::json params;
    double target = 0.35, shore_distance = 200, catchment = 5000;
    io::VectorLayer bays, marine, coast;
    std::optional<io::VectorLayer> redline, soil, outlet;
    std::vector<CoastSegment> segments;  // coastline segments, canonical types
    std::vector<BayCard> cards;
    std::vector<BayMarinePiece> marine_pieces;  // by bay, then zone
    std::vector<BayShorePiece> shore_pieces;    // by bay, then segment
    std::vector<std::string> unknown_values;
    double seconds = 0;
    std::string verdict(const CoastFigures& f) const { return f.total <= 0 ? "n/a" : (f.ratio() >= target ? "pass" : "fail"); }
};

std::unique_ptr<BayResult> run_bay(const BayInput& in, const nlohmann::json& params, const Progress& progress = {});

}  // namespace eco::checks
