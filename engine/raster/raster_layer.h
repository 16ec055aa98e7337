// Vector layers read for raster work: geometries in the raster's CRS (reprojected when the
// layer's CRS differs, with a note saying so), and GEOS -> OGR conversion for GDAL's rasterizer.
#pragma once
#include <memory>
#include <string>

#include "io/vector_read.h"
#include "raster/raster_io.h"

namespace eco::raster {

struct LayerOnGrid {
    io::VectorLayer layer;
    std::string note;  // "the zones layer was reprojected from ... to ..." or empty
};

// Reads `spec` ("file" or "file:layer") in the grid's CRS. `assume_crs` applies only when the
// layer has no CRS.
LayerOnGrid read_layer_on_grid(const std::string& spec, const Grid& grid, const std::string& op,
                               const std::string& label, const std::string& assume_crs, bool allow_empty = false);

std::unique_ptr<OGRGeometry> to_ogr(const GEOSGeometry* g);

// Geometry from a GEOS geometry's WKB, for writing features.
}  // namespace eco::raster
