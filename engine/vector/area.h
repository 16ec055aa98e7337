// Planar and ellipsoidal measures. Planar: in the working CRS. Ellipsoidal: geodesic area and
// length on the working CRS's ellipsoid (PROJ's geodesic routines, Karney 2013), with edges
// densified to at most `max_segment_m` before the vertices go to lon/lat.
#pragma once
#include <ogr_spatialref.h>
#include <tbb/enumerable_thread_specific.h>

#include "geom/geos.h"
#include "io/gdal_util.h"

namespace eco::vector {

class Ellipsoidal {
public:
    explicit Ellipsoidal(const OGRSpatialReference& work_crs, double max_segment_m = 100.0);
    // Geodesic area in m2 of the polygonal parts of g (holes subtracted); 0 for points and lines.
    double area(const GEOSGeometry* g) const;
    // Geodesic length in m of the lineal parts of g (for polygons: 0).
    double length(const GEOSGeometry* g) const;
    double semi_major() const { return a_; }
    double flattening() const { return f_; }

private:
    double ring_area(const GEOSGeometry* ring) const;  // unsigned
    void to_lonlat(const GEOSGeometry* line, std::vector<double>& lon, std::vector<double>& lat) const;
    io::Srs work_, geo_;
    double a_ = 0, f_ = 0, max_seg_ = 100.0;
    mutable tbb::enumerable_thread_specific<io::Transform> ct_;
};

}  // namespace eco::vector
