// `redline diff`: what changed between two versions of the redline layer. Both versions are
// flattened (overlaps between patches of one version count once, for the patch read first), then
//   removed = OLD patch minus the union of NEW, added = NEW patch minus the union of OLD,
//   unchanged = OLD patch minus removed,
// each change polygon carrying its source patch (code, county, function type). Every connected
// part of a change polygon is split by a morphological opening with mitred joins (erode by
// tolerance/2, dilate by tolerance/2): what survives is change, the thin rest (narrower than the
// tolerance, e.g. a boundary moved by less than 1 m) is an edge adjustment, reported apart.
// The indicator "redline area not decreased" per county, per function type and overall compares
// new - old area net of edge adjustments: change = (new - old) - (edge added - edge removed) >= 0.
//
// Counties: from the patches' county field (county, else county_code), or, with an admin layer,
// instead of the field, from intersecting with the admin polygons (flattened in feature order,
// named by their `name` field): every area figure per county is then the area inside that unit,
// a change polygon crossing units is cut into one piece per unit, and the part that no admin
// unit covers is its own county row, "uncovered". Function type and overall figures are the same
// either way.
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
#include "vector/overlay_tabulate.h"

namespace eco::checks {

const OpSpec& redline_diff_spec();

inline const std::string kUncovered = "uncovered";  // county row of the area no admin unit covers

struct DiffVersion {
    std::string role;  // "old" or "new"
    io::VectorLayer layer;
    catalog::Binding binding;
    std::vector<std::string> code, county, ftype;  // per patch ("(none)" when missing)
    std::vector<vector::FlatFeature> flat;
};

struct ChangePiece {
    std::string change;  // added, removed, edge_added, edge_removed
    bool from_new = false;
    size_t patch = 0;    // index into the version it comes from
    std::string county;  // the patch's county field, or the admin unit it lies in (or kUncovered)
    geom::Geom geom;
    double area = 0, area_ell = 0;
};

struct DiffFigures {
    double old_area = 0, new_area = 0, added = 0, removed = 0, edge_added = 0, edge_removed = 0, unchanged = 0;
    double old_ell = 0, new_ell = 0, added_ell = 0, removed_ell = 0, edge_added_ell = 0, edge_removed_ell = 0, unchanged_ell = 0;
    // (new - old) - (edge_added - edge_removed): the change the indicator judges
    double change() const { return (new_area - old_area) - (edge_added - edge_removed); }
    double change_ell() const { return (new_ell - old_ell) - (edge_added_ell - edge_removed_ell); }
    // area that stayed redline but changed county or function type: net - (added + edge_added - removed - edge_removed)
    double reattributed() const { return (new_area - old_area) - (added + edge_added - removed - edge_removed); }
    bool not_decreased() const;
    // adds a change piece's areas to the figure its kind names (added, removed, edge_added, edge_removed)
    void count(const std::string& change, double a, double ae);
};

// The working CRS, ellipsoid, input facts and notes come from RunFrame (layer_load.h).
struct RedlineDiffResult : RunFrame {
    nlohmann::json params;
    double tolerance = 1.0;
    DiffVersion old_v, new_v;
    std::optional<io::VectorLayer> admin;  // when counties come from an admin layer
    std::string county_source;             // "field county", "field county_code" or "admin layer <spec>"
    std::vector<ChangePiece> pieces;  // removed (old patch order), then added (new patch order)
    std::map<std::string, DiffFigures> by_county, by_type;
    DiffFigures overall;
    double seconds = 0;
};

// `admin`: counties from this polygon layer (kind admin: its `name` field, or XZQMC...) instead of
// the patches' county field.
std::unique_ptr<RedlineDiffResult> run_redline_diff(const io::LayerSource& old_src, const io::LayerSource& new_src,
                                                    const nlohmann::json& params, const Progress& progress = {},
                                                    const std::optional<io::LayerSource>& admin = std::nullopt);

// Splits a polygonal change geometry into its part wider than `tolerance` (opening with mitred
// joins) and the thin rest; both polygonal, possibly empty. A thin rest of at most
// max(1e-9 x the area of g, 1e-6 m2) is the overlays' float noise: g is returned whole as the core
// (no overlay at all when the opening has g's area).
std::pair<geom::Geom, geom::Geom> split_by_width(const GEOSGeometry* g, double tolerance);

}  // namespace eco::checks
