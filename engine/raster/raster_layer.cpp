#include "raster/raster_layer.h"

#include <ogr_geometry.h>

#include "core/error.h"
#include "io/crs.h"

namespace eco::raster {

LayerOnGrid read_layer_on_grid(const std::string& spec, const Grid& grid, const std::string& op,
                               const std::string& label, const std::string& assume_crs, bool allow_empty) {
    io::LayerSource src = io::parse_source(spec);
    src.assume_crs = assume_crs;
    auto srs = grid.srs();
    io::ReadOptions ro;
    ro.op = op;
    ro.work_crs = srs.get();
    ro.allow_empty = allow_empty;
    LayerOnGrid out{io::read_vector(src, label, ro), {}};
    if (srs && out.layer.crs_label != io::srs_label(*srs))
        out.note = op + ": the " + label + " layer's CRS (" + out.layer.crs_label +
                   ") differs from the raster's; its geometries were reprojected to " + io::srs_label(*srs);
    for (const auto& is : out.layer.issues)
        if (is.action == "rejected")
            out.note += (out.note.empty() ? "" : "\n") + op + ": " + label + " feature " + std::to_string(is.fid) +
                        " rejected: " + is.reason;
    return out;
}

std::unique_ptr<OGRGeometry> to_ogr(const GEOSGeometry* g) {
    auto wkb = geom::to_wkb(g);
    OGRGeometry* o = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &o, wkb.size()) != OGRERR_NONE || !o)
        throw Failure("rasterize: cannot convert a geometry for GDAL");
    return std::unique_ptr<OGRGeometry>(o);
}

}  // namespace eco::raster
