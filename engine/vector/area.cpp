#include "vector/area.h"

#include <geodesic.h>

#include <cmath>

#include "core/error.h"
#include "io/crs.h"

namespace eco::vector {

Ellipsoidal::Ellipsoidal(const OGRSpatialReference& work, double max_segment_m)
    : work_(io::clone_srs(work)), max_seg_(max_segment_m) {
    geo_.reset(work.CloneGeogCS());
    if (!geo_) throw Failure("area: the working CRS has no geographic CRS to measure on");
    geo_->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRErr err = OGRERR_NONE;
    a_ = work.GetSemiMajor(&err);
    double inv_f = work.GetInvFlattening(&err);
    f_ = inv_f == 0.0 ? 0.0 : 1.0 / inv_f;
    ct_ = tbb::enumerable_thread_specific<io::Transform>([this] {
        return io::Transform(OGRCreateCoordinateTransformation(work_.get(), geo_.get()));
    });
}

void Ellipsoidal::to_lonlat(const GEOSGeometry* line, std::vector<double>& lon, std::vector<double>& lat) const {
    auto h = geom::ctx();
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, line);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, cs, &n);
    lon.clear();
    lat.clear();
    double px = 0, py = 0;
    for (unsigned i = 0; i < n; ++i) {
        double x, y;
        GEOSCoordSeq_getXY_r(h, cs, i, &x, &y);
        if (i > 0) {
            double d = std::hypot(x - px, y - py);
            int k = static_cast<int>(std::ceil(d / max_seg_));
            for (int j = 1; j < k; ++j) {
                lon.push_back(px + (x - px) * j / k);
                lat.push_back(py + (y - py) * j / k);
            }
        }
        lon.push_back(x);
        lat.push_back(y);
        px = x;
        py = y;
    }
    auto& ct = ct_.local();
    io::ErrorCapture cap;  // PROJ's complaints become this one message, not lines on stderr
    if (!ct || !ct->Transform(lon.size(), lon.data(), lat.data()))
        throw Failure("ellipsoidal measure: cannot transform the coordinates to longitude/latitude (PROJ: " +
                      (cap.last().empty() ? std::string("no message") : cap.last()) +
                      "); the geometry is outside the working CRS's domain");
}

double Ellipsoidal::ring_area(const GEOSGeometry* ring) const {
    std::vector<double> lon, lat;
    to_lonlat(ring, lon, lat);
    if (lon.size() < 4) return 0.0;
    geod_geodesic g;
    geod_init(&g, a_, f_);
    double area = 0, perim = 0;
    // the closing point repeats the first: drop it
    geod_polygonarea(&g, lat.data(), lon.data(), static_cast<int>(lon.size() - 1), &area, &perim);
    return std::fabs(area);
}

double Ellipsoidal::area(const GEOSGeometry* g) const {
    auto h = geom::ctx();
    int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g)) return 0.0;
        double a = ring_area(GEOSGetExteriorRing_r(h, g));
        for (int i = 0, n = GEOSGetNumInteriorRings_r(h, g); i < n; ++i) a -= ring_area(GEOSGetInteriorRingN_r(h, g, i));
        return a;
    }
    if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
        double a = 0;
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) a += area(GEOSGetGeometryN_r(h, g, i));
        return a;
    }
    return 0.0;
}

double Ellipsoidal::length(const GEOSGeometry* g) const {
    auto h = geom::ctx();
    int t = GEOSGeomTypeId_r(h, g);
    if (t == GEOS_LINESTRING || t == GEOS_LINEARRING) {
        std::vector<double> lon, lat;
        to_lonlat(g, lon, lat);
        geod_geodesic gd;
        geod_init(&gd, a_, f_);
        double L = 0;
        for (size_t i = 1; i < lon.size(); ++i) {
            double s12 = 0;
            geod_inverse(&gd, lat[i - 1], lon[i - 1], lat[i], lon[i], &s12, nullptr, nullptr);
            L += s12;
        }
        return L;
    }
    if (t == GEOS_MULTILINESTRING || t == GEOS_GEOMETRYCOLLECTION) {
        double L = 0;
        for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) L += length(GEOSGetGeometryN_r(h, g, i));
        return L;
    }
    return 0.0;
}

}  // namespace eco::vector
