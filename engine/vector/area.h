// Planar and ellipsoidal measures. Planar: in the working CRS. Ellipsoidal: area and length on the
// working CRS's ellipsoid.
//
// Ellipsoidal area of a polygon drawn in a projected working CRS is the integral over the planar
// polygon of the areal scale f(x, y) = (ellipsoid area) / (map area), f = M N cos(phi) |d(lambda,
// phi)/d(x, y)|, which is the exact area of the figure whose boundary is the drawn one (straight in
// the map). f varies on the scale of the Earth's radius, so it is modelled by cubic interpolation
// between nodes 10 km apart (node values from PROJ's inverse projection, Richardson-extrapolated
// central differences), and the integral is f's second-order Taylor expansion at the polygon's box
// centre against the polygon's exact moments (area, first and second moments from its vertices):
// O(n) flops per polygon, no projection of vertices. Against PROJ's geodesic polygon area (tested):
// within 1e-9 relative for polygons 1-10 km across, 1e-7 up to 50 km; for smaller ones within the
// geodesic sum's own noise (about 1e-3 m2 per edge: it sums per-edge areas to the equator);
// larger polygons, and geographic working CRSs, are measured the old way (every edge densified to
// at most `max_segment_m`, vertices to lon/lat, Karney's geodesic polygon area).
// Lengths are geodesic (Karney) over the densified, projected vertices.
#pragma once
#include <ogr_spatialref.h>
#include <tbb/enumerable_thread_specific.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "geom/geos.h"
#include "io/gdal_util.h"

namespace eco::vector {

// Polygon moments about a reference point (rx, ry): area, first and second moments. Exterior
// rings count positive and holes negative whatever their orientation.
struct Moments {
    double a = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
};
// Adds (sign = +1) or subtracts (sign = -1) the ring's moments about (rx, ry); xy holds x0 y0 x1 y1 ...
// with the closing point repeated.
void add_ring_moments(const double* xy, size_t n, double rx, double ry, double sign, Moments& m);

class Ellipsoidal {
public:
    explicit Ellipsoidal(const OGRSpatialReference& work_crs, double max_segment_m = 100.0);
    // Ellipsoidal area in m2 of the polygonal parts of g (holes subtracted); 0 for points and lines.
    double area(const GEOSGeometry* g) const;
    // The geodesic reference (densified edges, Karney's polygon area), whatever the polygon's size.
    double area_geodesic(const GEOSGeometry* g) const;
    // Geodesic length in m of the lineal parts of g (for polygons: 0).
    double length(const GEOSGeometry* g) const;
    double semi_major() const { return a_; }
    double flattening() const { return f_; }
    // The areal scale (m2 of ellipsoid per square unit of the map) at (x, y), from the model, and
    // directly from the projection (the model's node function); false outside the CRS's domain.
    bool scale_model(double x, double y, double& f) const;
    bool scale_direct(double x, double y, double& f) const;
    // Whether polygons are measured by the scale model (projected working CRS).
    bool uses_model() const { return model_; }

private:
    struct Scale {
        double f, fx, fy, fxx, fxy, fyy;
    };
    double polygon_area(const GEOSGeometry* poly) const;
    double polygon_area_geodesic(const GEOSGeometry* poly) const;
    double ring_area(const GEOSGeometry* ring) const;  // unsigned, geodesic
    void to_lonlat(const GEOSGeometry* line, std::vector<double>& lon, std::vector<double>& lat) const;
    bool scale_at(double x, double y, Scale& s) const;
    bool node(int64_t i, int64_t j, double& f) const;
    io::Srs work_, geo_;
    double a_ = 0, f_ = 0, e2_ = 0, max_seg_ = 100.0;
    bool model_ = false;
    double h_ = 10000.0;          // node spacing, working CRS units
    double max_extent_ = 50000.0;  // polygons wider or taller than this (CRS units) go the geodesic way
    mutable tbb::enumerable_thread_specific<io::Transform> ct_;
    struct Cache {
        std::unordered_map<uint64_t, double> nodes;
        std::vector<double> xy;
    };
    mutable tbb::enumerable_thread_specific<Cache> cache_;
};

}  // namespace eco::vector
