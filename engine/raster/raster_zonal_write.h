// Writing zonal statistics: a copy of the polygon layer with the statistics as fields
// (GeoPackage, styled through its layer_styles table) and a CSV with one row per polygon.
#pragma once
#include <string>
#include <vector>

#include "io/vector_read.h"
#include "raster/raster_zonal.h"

namespace eco::raster {

// Either path may be empty (not written). Files appear under their names only when complete.
void write_zonal(const io::VectorLayer& zones, const std::vector<ZoneStats>& st, const RasterReader& raster,
                 bool categorical, const std::string& gpkg, const std::string& csv, const nlohmann::json& record = {});

// Writes `qml` as the default style of `table` in the GeoPackage's layer_styles table.
void gpkg_add_style(GDALDataset* ds, const std::string& table, const std::string& geom_column, const std::string& qml,
                    const std::string& op);

}  // namespace eco::raster
