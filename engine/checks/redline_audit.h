// `redline audit`: quality control of a redline layer before it is submitted. Every problem is
// one AuditFault (one row of report.csv, one point of audit_points). Fault kinds:
//   invalid_geometry  GEOS isValidDetail found the patch invalid: its reason and location (in the
//                     working CRS); the patch was repaired (make-valid) and the repaired shape is
//                     what the other checks use
//   rejected          the patch could not be used at all (no geometry, nothing left after repair);
//                     its code is read from the attributes the reader kept (io::FeatureIssue)
//   attribute         a problem `layers check` reports for the redline kind other than the ones
//                     below (missing required field or value, unknown enumeration value, wrong
//                     geometry type, unparsable value)
//   duplicate_code    the code (HXBH) repeats an earlier patch's (from `layers check`)
//   area_field        the area field (MJ, ha) differs from the computed area by more than
//                     area-tolerance % (area-basis: ellipsoidal, the `layers check` rule; planar;
//                     or either = only when it fits neither)
//   overlap           the intersection of two patches, each piece with both codes and its area
//   gap               a part of the space between patches narrower than gap-width, touching two or
//                     more patches: (closing(U) - U) with U the union of the patches and the
//                     closing a mitred buffer by +gap-width/2 then -gap-width/2
//   notch             the same, touching one patch only (a narrow inlet into one patch)
//   sliver            a polygon part of a patch narrower than sliver-width everywhere (a mitred
//                     buffer by -sliver-width/2 leaves nothing)
//   outside_admin     the part of a patch outside the union of the admin layer (patches of the
//                     sea domain are exempt with admin-check = land)
// Pieces (overlap, gap, notch, outside_admin) below min-area are float noise: counted in a note,
// not reported. The layer is fit to submit when no fault of a kind listed in `blocking` remains.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/layers_check.h"
#include "checks/layer_load.h"
#include "core/params.h"
#include "core/progress.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"
#include "vector/area.h"

namespace eco::checks {

const OpSpec& redline_audit_spec();

// Exit status of the CLI when the run completed but the layer is not fit to submit.
inline constexpr int kAuditNotFitStatus = 3;

// The fault kinds in report order.
const std::vector<std::string>& audit_fault_kinds();

struct AuditFault {
    std::string kind;
    bool blocking = true;
    long long fid = -1, fid2 = -1;  // source feature ids (fid2: the other patch of an overlap, the first of a duplicate)
    std::string code, code2;
    std::vector<std::string> codes;  // gap / notch: the patches it touches
    geom::Geom geom;                 // the piece (overlap, gap, notch, sliver, outside_admin), else null
    double x = 0, y = 0;             // a location: the GEOS fault point, or a point on the piece or patch
    bool located = false;
    double area = 0, area_ell = 0, width = 0;  // m2 planar / ellipsoidal; width = 2 area / perimeter (thin pieces)
    std::string message;             // one line, no code
    nlohmann::json detail = nlohmann::json::object();
};

struct AuditPatch {
    long long fid = -1;
    std::string code, name, county, ftype, domain;  // canonical values, "(none)" when empty
    double area = 0, area_ell = 0;                   // as read (after repair)
    std::optional<double> declared_ha;               // the area field
    double net_area = 0, net_area_ell = 0;           // overlaps with earlier patches removed
    std::vector<size_t> faults;                      // indices into faults
};

struct AuditTotals {
    long long patches = 0;
    double area = 0, area_ell = 0;          // sum of the patches' areas (overlaps counted twice)
    double net_area = 0, net_area_ell = 0;  // overlaps counted once
    double declared_ha = 0;
    double outside = 0, outside_ell = 0;
    long long faults = 0;
};

// work_crs, ellipsoidal, inputs and notes: RunFrame (checks/layer_load.h)
struct RedlineAuditResult : RunFrame {
    nlohmann::json params;
    double gap_width = 1, sliver_width = 1, min_area = 0.01, area_tol = 0.01;
    std::string area_basis, admin_check;
    std::set<std::string> blocking;
    io::VectorLayer layer;
    std::optional<io::VectorLayer> admin;
    catalog::CheckResult check;   // `layers check --kind redline` of the same layer
    std::vector<AuditPatch> patches;  // aligned with layer.features
    std::vector<AuditFault> faults;   // in audit_fault_kinds() order, then by patch
    std::map<std::string, AuditTotals> by_county, by_type;
    AuditTotals overall;
    std::map<std::string, long long> noise_pieces;  // kind -> pieces below min-area left out
    double seconds = 0;

    long long blocking_faults() const;
    bool fit() const { return blocking_faults() == 0; }
};

std::unique_ptr<RedlineAuditResult> run_redline_audit(const io::LayerSource& redline, const std::optional<io::LayerSource>& admin,
                                                      const nlohmann::json& params, const Progress& progress = {});

// The building blocks, on polygons in a projected CRS (exposed for the tests):
// the parts of the space outside `uni` narrower than `width` (closing minus `uni`), polygonal;
geom::Geom narrow_gaps(const GEOSGeometry* uni, double width);
// whether a polygon is narrower than `width` everywhere;
bool is_sliver(const GEOSGeometry* polygon, double width);
// the (x, y) of " at (x y)" at the end of a GEOS validity reason (geom::invalid_reason).
std::optional<std::pair<double, double>> reason_location(const std::string& reason);

}  // namespace eco::checks
