// `coast`: shoreline statistics and the natural shoreline retention ratio (自然岸线保有率):
//   ratio = length of mainland natural shoreline (type1 natural, or restored = true) / total
//   mainland shoreline length, per county and overall, against a configurable target (35 %).
// Lengths per type1 and type2, mainland and islands apart, planar (working CRS) and ellipsoidal.
// Type values outside the catalog's enumeration are counted as "unknown" and listed, never dropped.
//
// Per bay (with a bay layer): a bay's shoreline is the part of every segment that lies inside the
// bay polygon or within `shore-distance` metres of it (the bay polygon buffered by that distance,
// 16 segments per quarter circle); a segment is clipped, not taken whole, and a piece near two
// bays counts for both. The same rule serves `bay` (shoreline_zone / shoreline_in).
//
// Two versions (--old): both are measured; the change in length per type is new - old; a segment
// "turned natural -> artificial" is the part of a NEW segment that is artificial (type1 artificial,
// not restored) and lies within `match-tolerance` of an OLD segment that counted as natural
// (the old segments buffered with flat ends); "artificial -> natural" is the reverse (restored or
// re-naturalised). Matching is by position, never by code. Connected parts shorter than
// `min-change-length` (corner effects of the tolerance) are ignored and their total reported.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "checks/layer_load.h"
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

// One bay as seen by `coast`: its shoreline figures.
struct CoastBay {
    std::string code, name;
    size_t fid = 0;
    CoastFigures figures;
};

// A piece of the new version that changed type (see the header comment).
struct CoastChange {
    std::string change;            // "natural_to_artificial" or "artificial_to_natural"
    size_t seg = 0;                // index into the new version's segments
    std::vector<size_t> old_segs;  // indices into the old version's segments it lies along
    geom::Geom geom;
    double length = 0, length_ell = 0;
};

// work_crs, ellipsoidal, inputs and notes: RunFrame (checks/layer_load.h)
struct CoastResult : RunFrame {
    nlohmann::json params;
    double target = 0.35;
    io::VectorLayer layer;
    std::vector<CoastSegment> segments;  // aligned with layer.features
    std::map<std::string, CoastFigures> by_county;
    CoastFigures overall;
    std::vector<std::string> unknown_values;  // "fid 12: type1 '填海'"
    double seconds = 0;
    // verdict: ratio >= target (counties without mainland shoreline: "n/a")
    std::string verdict(const CoastFigures& f) const;

    // per bay (when a bay layer was given)
    std::optional<io::VectorLayer> bay_layer;
    std::vector<CoastBay> bays;
    // two versions (when --old was given): the old version measured the same way, and the changes
    std::unique_ptr<CoastResult> old;
    std::vector<CoastChange> changes;
    double ignored_short_m = 0;  // total of change parts shorter than min-change-length
    long long ignored_short = 0;
};

struct CoastInput {
    io::LayerSource coastline;
    std::optional<io::LayerSource> old_coastline, bay;
};

std::unique_ptr<CoastResult> run_coast(const io::LayerSource& src, const nlohmann::json& params, const Progress& progress = {});
std::unique_ptr<CoastResult> run_coast(const CoastInput& in, const nlohmann::json& params, const Progress& progress = {});

// Shared with `bay`.
// Reads the canonical types of every segment of a coastline layer already read in the working CRS
// (polygons refused with a BadInput naming the layer); values outside the enumeration -> "unknown",
// listed in `unknown_values`; notes appended.
std::vector<CoastSegment> classify_segments(const io::VectorLayer& layer, const vector::Ellipsoidal& ell, const std::string& op,
                                            std::vector<std::string>& unknown_values, std::vector<std::string>& notes);
// Adds a length of segment `s` (a whole segment or a piece of it) to the figures.
void add_length(CoastFigures& F, const CoastSegment& s, double length, double length_ell);
// The zone a bay's shoreline lies in: the bay polygon buffered by `distance` (m; 0: the polygon).
geom::Geom shoreline_zone(const GEOSGeometry* bay, double distance);
// The lineal part of `line` inside `zone` (possibly empty).
geom::Geom shoreline_in(const GEOSGeometry* zone, const geom::Prepared& pzone, const GEOSGeometry* line);

}  // namespace eco::checks
