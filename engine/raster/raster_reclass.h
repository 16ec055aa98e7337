// reclass: a categorical raster through a table (CSV: class,name,<value column>), e.g. land cover
// to a resistance surface. Every class present in the raster must be in the table (unknown
// classes are an error listing them). A value of "nodata" maps the class to nodata (for
// resistance: impassable). Works block by block: memory does not grow with the raster.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/params.h"
#include "core/progress.h"

namespace eco::raster {

struct ReclassRow {
    long long cls = 0;
    std::string name;
    std::optional<double> value;  // empty: nodata
};

struct ReclassTable {
    std::string path;
    std::string value_column;  // "resistance", "value", ...
    std::vector<ReclassRow> rows;
    bool is_resistance() const { return value_column == "resistance"; }
    const ReclassRow* find(long long cls) const;
};

// Reads a table. Lines starting with '#' are comments; the header names the columns (class,
// name and one value column: resistance, value or new_value). Throws BadInput naming the line.
// A resistance table's values must be > 0 (error naming the class).
ReclassTable read_reclass_table(const std::string& path, const std::string& op = "reclass");

// A table given by name ("nlcd", "china_landuse_3diao") is looked up in layers/resistance/;
// anything naming an existing file is used as it is.
std::string resolve_table_path(const std::string& given);

const OpSpec& reclass_spec();

struct ReclassOptions {
    std::string input, table, output;
    std::string assume_crs;
    bool overviews = false;
    nlohmann::json params;  // the resolved parameters, for the run record (raster_record.h)
};

struct ReclassResult {
    std::map<long long, long long> class_cells;  // class -> cells seen
    long long nodata_cells = 0;
    std::string output;
    bool float_output = true;
};

ReclassResult reclass(const ReclassOptions& opt, const Progress& progress = {});

// Fixed output nodata of reclass (documented): -9999.
constexpr double kReclassNodata = -9999.0;

}  // namespace eco::raster
