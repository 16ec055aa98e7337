// `tabulate`: the area cross-table of two categorical polygon layers (e.g. redline function type
// by county), planar and ellipsoidal, with row and column totals that reconcile to the layers'
// own totals.
//
// How overlaps within a layer are counted: each layer is flattened first, in feature order
// (where two features of the same layer overlap, the overlap is counted once, for the feature
// read first). The table therefore partitions the union of A (rows, with the column
// "(outside B)") and the union of B (columns, with the row "(outside A)"), and each layer's
// reconciliation reads: sum of its row (column) totals + its self-overlap area = the sum of its
// features' own areas, within 1e-9 relative. The self-overlap pieces are reported and written.
#pragma once
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
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

const OpSpec& tabulate_spec();

inline const std::string kOutsideA = "(outside A)";
inline const std::string kOutsideB = "(outside B)";
inline const std::string kNoValue = "(none)";

struct TabulateInput {
    io::LayerSource a, b;
    std::string kind_a, kind_b;  // "" = raw field names
};

struct TabulateLayer {
    std::string role;        // "A" or "B"
    std::string kind;        // catalog kind or ""
    std::string field;       // as asked (canonical when kind is set)
    std::string field_used;  // the dataset's own field name
    io::VectorLayer layer;
    std::vector<std::string> category;     // per feature
    std::vector<vector::FlatFeature> flat; // per feature
    double sum_area = 0, sum_area_ell = 0;          // sum of the features' own areas
    double self_overlap = 0, self_overlap_ell = 0;  // counted once, for the first feature
    double table_total = 0, table_total_ell = 0;    // the table's total of this layer (rows or columns)
    double rel_error = 0, rel_error_ell = 0;        // |table_total + self_overlap - sum_area| / sum_area
};

struct Cell {
    double area = 0, area_ell = 0;
    long long pieces = 0;
};

// The working CRS, ellipsoid, input facts and notes come from RunFrame (layer_load.h).
struct TabulateResult : RunFrame {
    nlohmann::json params;
    TabulateLayer A, B;
    std::vector<vector::Piece> pieces;
    std::vector<std::string> rows, cols;  // sorted categories, then the outside row/column
    std::map<std::pair<std::string, std::string>, Cell> cells;
    std::map<std::string, Cell> row_total, col_total;
    Cell grand;  // every cell including the outside row and column
    bool reconciled = false;
    double seconds = 0;
};

// Runs the tabulation; `params` as given (names of tabulate_spec(), values may be strings).
std::unique_ptr<TabulateResult> run_tabulate(const TabulateInput& in, const nlohmann::json& params,
                                             const Progress& progress = {});

// The bundled demo: A = redline (function_type), B = admin (name).
TabulateInput demo_tabulate_input();

}  // namespace eco::checks
