// `layers check`: validates a dataset against the schema of a layer kind (layers/kinds/<kind>.json)
// and lists every problem with its feature id. Checks (the `check` names):
//   missing_field     a required field of the schema matches no field of the dataset  (error, fid -1)
//   unmatched_field   a field of the dataset matches no field of the schema            (info, fid -1)
//   geometry_type     a feature's geometry type is not one the schema allows          (error)
//   invalid_geometry  GEOS found the geometry invalid: repaired (warning) or rejected (error);
//                     says whether it is invalid as stored or only after the transformation to
//                     the working CRS (detail.invalid_as_stored)
//   required_value    a required field is empty or null                              (error)
//   enum              a value is not in the field's enumeration                       (error)
//   value_type        an integer, real, bool or date value that does not parse        (error)
//   duplicate         a unique field (the code) repeats an earlier feature's value     (error)
//   area              the area field disagrees with the ellipsoidal area beyond the tolerance (warning)
// A layer is usable when no required field is missing and at least one feature was read with a
// usable geometry of an allowed type.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/params.h"
#include "core/progress.h"
#include "io/gdal_util.h"
#include "io/vector_read.h"

namespace eco::catalog {

struct CheckProblem {
    long long fid = -1;          // -1: the layer as a whole
    std::string feature_code;    // the key field's value ("" when unknown)
    std::string severity;        // error | warning | info
    std::string check;           // one of the names above
    std::string message;         // one line, no fid or code (format_problem adds them)
    nlohmann::json detail;       // machine-readable facts: field, value, areas, first fid...
};

struct CheckOptions {
    std::string work_crs = "auto";              // "auto": CGCS2000 3-degree GK zone of the data's centre
    std::optional<double> area_tolerance_rel;   // overrides the schema's area_check.tolerance_rel
    double densify_m = 100.0;                   // edge densification of the ellipsoidal area
};

struct CheckResult {
    std::string kind, source;       // the kind checked against; the source as given
    std::string layer_name;         // the OGR layer name
    std::string crs_label;          // the layer's CRS (as read or assumed)
    bool crs_assumed = false;
    std::string work_crs_label;     // the working CRS used for geometry checks and locations
    std::string schema_file;
    io::FileFacts input;            // the dataset file: path, size, SHA-256 (for the run record)
    long long n_features = 0;       // features read
    long long n_usable = 0;         // features kept (valid or repaired) with an allowed geometry type
    std::vector<std::pair<std::string, std::string>> bound;  // canonical field -> dataset field
    std::vector<CheckProblem> problems;  // sorted by fid (layer-level first), then in check order
    bool usable = false;
    std::map<std::string, long long> counts;  // problems per check
    nlohmann::json params;          // the resolved parameters of the run
};

// The declared parameters of `layers check` (area-tolerance in %, work-crs, densify).
const OpSpec& layers_check_spec();
// Options from a parameter set resolved against layers_check_spec().
CheckOptions check_options(const nlohmann::json& params);

// Reads the layer in the working CRS of `opt` and checks it (check_features); records the file's
// size and SHA-256 in `input`.
CheckResult check_layer(const io::LayerSource& src, const std::string& kind, const CheckOptions& opt,
                        const Progress& progress = {});
// The checks of a layer already read (io::read_vector) in the working CRS `work`, for a caller
// that has read it for its own purposes (redline audit): the same result as check_layer with
// opt.work_crs naming `work`, except that `input` is left empty (the caller records its files).
// When the layer was transformed, it is read once more as stored (layer.source) to tell whether
// an invalid geometry is invalid as stored or only in the working CRS.
CheckResult check_features(const io::VectorLayer& layer, const std::string& kind, const OGRSpatialReference& work,
                           const CheckOptions& opt, const Progress& progress = {});

// "fid 12 (code 331023-RL-003): area: MJ says ..." / "layer: missing_field: ...".
std::string format_problem(const CheckProblem& p);
// The whole result as JSON (kind, source, crs, counts, usable, problems with their details).
nlohmann::json to_json(const CheckResult& r);

}  // namespace eco::catalog
